"""The command line starts light: heavy modules load only for the commands that need them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from annotator.models import ArticleDraft
from annotator.store import Store

ROOT = Path(__file__).resolve().parents[2]
HEAVY = (
    "numpy", "pandas", "dateutil", "trafilatura", "sqlite_utils", "regex", "krippendorff", "rich",
    "annotator.agreement", "annotator.agreement_report", "annotator.ingest",
)  # fmt: skip

_LOADED = """
import json, sys
sys.argv = ["annotator", *sys.argv[1:]]
from annotator.cli import main
try:
    main()
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def _modules_after(*args: str) -> set[str]:
    """The modules loaded by `annotator ARGS` run in a fresh interpreter."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", _LOADED, *args], capture_output=True,
                          text=True, cwd=ROOT, env=env, timeout=60, check=True)  # fmt: skip
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


def _heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY))


def test_importing_the_cli_loads_nothing_heavy():
    code = "import json, sys, annotator.cli; print(json.dumps(sorted(sys.modules)))"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=60, check=True)  # fmt: skip
    modules = set(json.loads(done.stdout))
    assert "annotator.cli" in modules
    assert _heavy(modules) == []
    assert "annotator.store" not in modules  # --help does not even open the store code


def test_help_and_articles_load_nothing_heavy(tmp_path):
    db = tmp_path / "p.db"
    with Store(db) as store:  # created (and migrated) here: a migration may load sqlite-utils
        store.add_articles([ArticleDraft(text="কিম জং উন মস্কো সফরে।", title="সফর")])
        store.set_setting("backup_keep", 0)
    assert _heavy(_modules_after("--help")) == []
    listed = _modules_after("--db", str(db), "articles")
    assert "annotator.store" in listed
    assert _heavy(listed) == []


def test_searching_loads_the_regex_engine_but_not_numpy(tmp_path):
    db = tmp_path / "p.db"
    with Store(db) as store:
        store.add_articles([ArticleDraft(text="কিম জং উন মস্কো সফরে।", title="সফর")])
    loaded = _modules_after("--db", str(db), "search", "মস্কো")
    assert "regex" in loaded
    assert not {"numpy", "sqlite_utils", "dateutil", "trafilatura"} & loaded


def test_a_pending_schema_step_still_runs_through_sqlite_utils(tmp_path):
    # A new project has every step pending: they are applied, recorded as sqlite-utils does.
    with Store(tmp_path / "new.db") as store:
        rows = store.db.execute("SELECT migration_set, name FROM _sqlite_migrations").fetchall()
    from annotator.migrations import known_names

    assert rows == [("annotator", name) for name in known_names()]
