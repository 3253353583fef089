"""`annotator --self-check`: the checks that need no Qt (Python, SQLite, a seeded project).

Each check gives a `Check` (name, passed, one line of detail); a check that raises becomes
a failed `Check` with the error's first line, never a traceback. The font and shaping
checks, which need Qt, are in `annotator/ui/font_check.py`; the command line runs both.
"""

from __future__ import annotations

import platform
import sqlite3
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

MIN_PYTHON = (3, 11)


@dataclass(frozen=True)
class Check:
    """The outcome of one check: its name, whether it passed, and one line saying what."""

    name: str
    ok: bool
    detail: str

    def line(self) -> str:
        """The line printed for it, e.g. `ok    sqlite: 3.40.1, FTS5`."""
        return f"{'ok' if self.ok else 'FAIL':<5} {self.name}: {self.detail}"


class CheckFailed(Exception):
    """Raised inside a check: the check fails with this message."""


def guarded(name: str, run: Callable[[], str]) -> Check:
    """Run one check: its detail line when it passes, a failed Check naming the error else."""
    try:
        return Check(name, True, run())
    except Exception as exc:  # noqa: BLE001 - a failing check is reported, never raised
        text = str(exc).strip().splitlines()
        message = text[0] if text else type(exc).__name__
        if not isinstance(exc, CheckFailed):
            message = f"{type(exc).__name__}: {message}"
        return Check(name, False, message)


def _python() -> str:
    version = platform.python_version()
    if sys.version_info[:2] < MIN_PYTHON:
        raise CheckFailed(f"{version}; {'.'.join(map(str, MIN_PYTHON))} or newer is needed")
    frozen = " (packaged)" if getattr(sys, "frozen", False) else ""
    return f"{version} {platform.machine()}{frozen}"


def _sqlite() -> str:
    with sqlite3.connect(":memory:") as db:
        db.execute("CREATE VIRTUAL TABLE t USING fts5(body)")
        db.execute("INSERT INTO t VALUES ('ক্ষমতা স্বাক্ষর')")
        found = db.execute("SELECT count(*) FROM t WHERE t MATCH 'ক্ষমতা'").fetchone()[0]
    db.close()
    if found != 1:
        raise CheckFailed("FTS5 did not find a Bengali word it was given")
    return f"{sqlite3.sqlite_version}, FTS5"


def _import_seeds() -> str:
    from annotator.paths import seeds_dir  # noqa: PLC0415
    from annotator.project import open_project, seed_store  # noqa: PLC0415

    seeds = sorted(seeds_dir().glob("*.txt"))
    if not seeds:
        raise CheckFailed(f"no sample pages in {seeds_dir()}")
    with tempfile.TemporaryDirectory(prefix="annotator-self-check-") as folder:
        store = open_project(Path(folder) / "check.db", seed=False)
        try:
            report = seed_store(store)
            count = store.article_count()
        finally:
            store.close()
    if report.failed:
        first = report.failed[0]
        raise CheckFailed(f"{Path(first.path).name}: {first.reason}")
    if count != len(seeds):
        raise CheckFailed(f"{count} articles from {len(seeds)} sample pages")
    return f"{count} articles from the sample pages into a temporary project"


def _window_libraries() -> str:
    from annotator.desktop_libs import advice, missing_libraries, platform_in_use  # noqa: PLC0415

    platform = platform_in_use()
    if platform == "offscreen":
        return "no display: the window is not checked, the drawing checks run offscreen"
    missing = missing_libraries(platform)
    if missing:
        raise CheckFailed(f"{advice(missing)} (the drawing checks run offscreen)")
    return f"the {platform} platform plugin finds its system libraries"


def core_checks() -> Iterator[Check]:
    """Python, SQLite (with FTS5 on Bengali), importing the sample pages into a temporary
    project and the window's system libraries, one `Check` each, as they run."""
    yield guarded("python", _python)
    yield guarded("sqlite", _sqlite)
    yield guarded("import", _import_seeds)
    yield guarded("window", _window_libraries)


def report(checks: Iterable[Check], echo: Callable[[str], None]) -> int:
    """Print each check's line as it comes; 0 when all passed, 1 otherwise."""
    failed = 0
    for check in checks:
        echo(check.line())
        failed += not check.ok
    echo(f"self-check: {'all checks passed' if not failed else f'{failed} failed'}")
    return 1 if failed else 0
