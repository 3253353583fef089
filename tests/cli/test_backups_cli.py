"""`annotator backups` and `annotator restore` through click's CliRunner."""

from __future__ import annotations

import json
import sqlite3

import pytest
from click.testing import CliRunner

from annotator.backups import list_backups
from annotator.cli import cli
from annotator.models import ArticleDraft
from annotator.store import Store


@pytest.fixture
def run(db_path):
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(cli, ["--db", str(db_path), *args], catch_exceptions=False)

    return invoke


@pytest.fixture
def project(db_path):
    with Store(db_path) as store:
        store.add_articles([ArticleDraft(text="প্রথম খবরের লেখা।", title="প্রথম")])
    return db_path


def count(path) -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        con.close()


def test_opening_the_project_makes_the_days_snapshot_and_backups_lists_it(run, project):
    assert run("articles").exit_code == 0
    result = run("backups", "--json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert [(r["number"], r["kind"]) for r in rows] == [(1, "daily")]
    assert set(rows[0]) == {"number", "created", "kind", "size", "path"}
    assert rows[0]["created"].endswith("+00:00") and rows[0]["size"] > 0
    text = run("backups").output
    assert "  1  " in text and "daily" in text and rows[0]["path"] in text


def test_no_backups_yet(run, project):
    assert "No backups of" in run("backups").output


def test_restore_by_number_keeps_the_current_file_aside(run, project, db_path):
    run("articles")  # the day's snapshot: one article
    with Store(db_path) as store:
        store.add_articles([ArticleDraft(text="দ্বিতীয় খবরের লেখা।", title="দ্বিতীয়")])
    result = run("restore", "1")
    assert result.exit_code == 0, result.output
    aside = result.output.split("kept as ")[1].strip()
    assert count(db_path) == 1 and count(aside) == 2
    assert [b.kind for b in list_backups(db_path)] == ["before-restore", "daily"]


def test_restore_a_damaged_path_is_refused(run, project, db_path, tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4000)
    before = db_path.read_bytes()
    result = CliRunner().invoke(cli, ["--db", str(db_path), "restore", str(bad)])
    assert result.exit_code == 1
    assert result.output.startswith("Error: bad.db:") and result.output.count("\n") == 1
    assert db_path.read_bytes() == before


def test_restore_an_unknown_number(run, project):
    result = CliRunner().invoke(cli, ["--db", str(project), "restore", "3"])
    assert result.exit_code == 1 and "no backup number 3" in result.output


def test_keep_is_saved_in_the_project(run, project, db_path):
    result = run("backups", "--keep", "2")
    assert result.exit_code == 0 and "newest 2 daily" in result.output
    with Store(db_path) as store:
        assert store.setting("backup_keep") == 2


def test_help_has_an_example(run):
    for name in ("backups", "restore"):
        assert "Example: annotator" in run(name, "--help").output
