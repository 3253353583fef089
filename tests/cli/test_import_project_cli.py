"""`annotator import` with a colleague's project database file."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.models import ArticleDraft
from annotator.store import Store

TEXT = "কিম জং উন রাশিয়া যাবেন। পুতিন বলেছেন, নতুন চুক্তি হবে।"


@pytest.fixture
def run(db_path):
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(cli, ["--db", str(db_path), *args], catch_exceptions=False)

    return invoke


def _colleague(path: Path) -> Store:
    """An open colleague project with layers ravi, mita and gold (the caller closes it)."""
    store = Store(path)
    (article,) = store.add_articles([ArticleDraft(text=TEXT, title="কিম")])
    store.add_span(article.id, "ravi", "claim", 0, 9, {"certainty": "reported"})
    store.add_span(article.id, "mita", "actor", TEXT.index("পুতিন"), TEXT.index("পুতিন") + 5)
    store.add_span(article.id, "gold", "claim", 0, 9)
    store.set_status(article.id, "ravi", "done")
    return store


@pytest.fixture
def colleague(tmp_path) -> Path:
    path = tmp_path / "their" / "colleague.db"
    _colleague(path).close()
    return path


def test_import_a_project_file_prints_layers_and_skips_gold(run, colleague, db_path):
    before = colleague.read_bytes()
    result = run("import", str(colleague))
    assert result.exit_code == 0, result.output
    assert "layer      colleague.db: mita: 1 added, 0 removed" in result.output
    assert "layer      colleague.db: ravi: 1 added, 0 removed" in result.output
    assert "skipped    colleague.db: layer gold: their adjudicated layer is not imported" in (
        result.output
    )
    summary = (
        "colleague.db: 2 layers imported, 1 skipped, 0 problems; articles: 0 matched, 1 created"
    )
    assert summary in result.output
    assert colleague.read_bytes() == before
    with Store(db_path) as store:
        assert store.layers() == ["mita", "ravi"]
        assert store.statuses(1) == {"ravi": "done"}

    again = run("import", str(colleague))
    assert "ravi: 0 added, 0 removed, 0 updated, 1 unchanged" in again.output


def test_json_report_and_skip(run, colleague):
    result = run("import", str(colleague), "--skip", "ravi", "--skip", "nobody", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    (project,) = data["projects"]
    assert project["source"] == "colleague.db"
    assert project["origin"] == "project:colleague.db"
    assert [layer["name"] for layer in project["layers"]] == ["mita"]
    assert project["layers"][0]["added"] == 1
    assert {s["name"]: s["reason"] for s in project["skipped"]} == {
        "gold": "their adjudicated layer is not imported",
        "ravi": "skipped on request",
    }
    assert (project["articles_created"], project["problems"]) == (1, [])


def test_detected_by_header_whatever_the_name_and_mixed_with_pages(run, colleague, seeds_dir):
    odd = colleague.with_name("ravi-backup.bin")
    shutil.copy(colleague, odd)
    result = run("import", str(seeds_dir), str(odd), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["totals"]["imported"] == 5
    assert data["projects"][0]["source"] == "ravi-backup.bin"
    assert len(data["projects"][0]["layers"]) == 2


def test_a_live_project_folder_imports_without_its_wal_and_shm(run, tmp_path):
    folder = tmp_path / "shared"
    theirs = _colleague(folder / "colleague.db")  # open: colleague.db-wal and -shm exist
    try:
        assert (folder / "colleague.db-wal").exists()
        result = run("import", str(folder))
    finally:
        theirs.close()
    assert result.exit_code == 0, result.output
    assert "failed" not in result.output and "-wal" not in result.output
    assert "colleague.db: 2 layers imported" in result.output


def test_format_project_refuses_other_files_with_one_line(run, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("কিম জং উন রাশিয়া যাবেন।", encoding="utf-8")
    result = run("import", "--format", "project", str(notes))
    assert result.exit_code == 1
    assert (
        result.output.strip() == "failed     notes.txt: not an SQLite database (it is a text file)"
    )
    data = json.loads(run("import", "--format", "project", str(notes), "--json").output)
    assert data["projects"] == [
        {
            "source": "notes.txt",
            "path": str(notes),
            "error": "notes.txt: not an SQLite database (it is a text file)",
        }
    ]


def test_a_foreign_database_is_refused(run, tmp_path):
    import sqlite3

    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE users (id INTEGER PRIMARY KEY)")
    conn.close()
    result = run("import", str(other))
    assert result.exit_code == 1
    assert "failed     other.sqlite: not an annotator project (no table 'articles')" in (
        result.output
    )


def test_problems_make_the_exit_code_one(run, colleague):
    import sqlite3

    with sqlite3.connect(colleague) as conn:
        conn.execute("PRAGMA ignore_check_constraints = ON")
        conn.execute("UPDATE spans SET start = 'x' WHERE annotator = 'ravi'")
    conn.close()
    result = run("import", str(colleague))
    assert result.exit_code == 1
    assert "problem    colleague.db: spans #1: offsets 'x', 9 are not integers" in result.output
    assert "1 problems" in result.output
