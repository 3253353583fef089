"""Schema steps: a newer project is refused untouched; old projects migrate without loss."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlite_utils import Database

from annotator.cli import cli
from annotator.migrations import known_names, sqlite_migrations
from annotator.models import ArticleDraft
from annotator.store import Store, StoreError


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def newer_project(tmp_path) -> Path:
    path = tmp_path / "newer.db"
    with Store(path) as store:
        store.add_articles([ArticleDraft(text="ঢাকায় বৈঠক হয়েছে।", title="বৈঠক")])
        store.db["_sqlite_migrations"].insert(
            {"migration_set": "annotator", "name": "0099_from_the_future", "applied_at": "2030"}
        )
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def test_a_project_from_a_newer_version_is_refused_and_unchanged(newer_project):
    before = _digest(newer_project)
    with pytest.raises(StoreError) as caught:
        Store(newer_project)
    message = str(caught.value)
    assert "\n" not in message and "newer version" in message
    assert f"schema version {len(known_names()) + 1}" in message
    assert f"schema version {len(known_names())} or older" in message
    assert _digest(newer_project) == before


def test_the_cli_refuses_a_newer_project_with_one_line(newer_project):
    before = _digest(newer_project)
    result = CliRunner().invoke(cli, ["--db", str(newer_project), "articles"])
    assert result.exit_code == 2
    [line] = result.stderr.strip().splitlines()
    assert "newer version" in line and "0099_from_the_future" in line
    assert _digest(newer_project) == before


def _version_3_project(path: Path) -> None:
    db = Database(path)
    sqlite_migrations().apply(db, stop_before="0004_span_ids_never_reused")
    db["articles"].insert(
        {"uid": "u1", "text": "রাশিয়া সৈন্য পাঠিয়েছে।", "title": "সৈন্য", "imported_at": "2026"}
    )
    for start in (0, 7):
        db["spans"].insert(
            {"article_id": 1, "annotator": "mita", "label": "visit", "start": start,
             "end": start + 5, "text": "x", "created": "t", "updated": "t"}
        )  # fmt: skip
    db["comments"].insert(
        {"article_id": 1, "span_id": 2, "start": 0, "end": 5, "author": "mita", "body": "ঠিক",
         "created": "t"}
    )  # fmt: skip
    db.close()


def test_an_old_project_migrates_keeping_spans_comments_and_search(tmp_path):
    path = tmp_path / "old.db"
    _version_3_project(path)
    with Store(path) as store:
        assert [s.id for s in store.spans(1)] == [1, 2]
        assert store.db.execute("SELECT span_id FROM comments").fetchall() == [(2,)]
        assert [h.id for h in store.search("রাশিয়া")] == [1]
        assert store.db.execute("PRAGMA foreign_key_check").fetchall() == []
        # ids are never reused: the newest span deleted, the next one gets a fresh id
        store.delete_span(2)
        span = store.add_span(1, "mita", "visit", 0, 3)
        assert span.id == 3
        [new] = store.add_articles([ArticleDraft(text="মস্কোয় সফর হবে।", title="সফর")])
        assert [h.id for h in store.search("মস্কোয়")] == [new.id]


def test_search_finds_articles_whose_indexing_was_interrupted(tmp_path):
    path = tmp_path / "p.db"
    with Store(path) as store:
        store.add_articles([ArticleDraft(text="চুক্তি সই হয়েছে।", title="চুক্তি")])
        # as if the importing process died after its commit, before indexing
        store.db.execute("DELETE FROM articles_fts")
        store.db.execute("INSERT INTO search_pending SELECT id FROM articles")
    with Store(path) as store:
        assert [h.title for h in store.search("চুক্তি")] == ["চুক্তি"]
        assert store.db.execute("SELECT count(*) FROM search_pending").fetchone() == (0,)
