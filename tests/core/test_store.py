import sqlite3

import pytest

from annotator.migrations import STEPS, step
from annotator.models import ArticleDraft
from annotator.store import Store, StoreError

TEXT = "উত্তর কোরিয়ার নেতা কিম জং উন রাশিয়া সফর করবেন।\n\nদ্বিতীয় অনুচ্ছেদ।"


@pytest.fixture
def store():
    with Store() as s:
        yield s


def draft(text=TEXT, **kw):
    return ArticleDraft(text=text, title=kw.pop("title", "শিরোনাম"), **kw)


def test_add_article_stores_canonical_text_and_metadata(store):
    [res] = store.add_articles(
        [draft(text="কিম\r\n\u09dfা 😀", outlet="কালবেলা", published="2025-07-13T13:18:00+06:00")]
    )
    art = store.article(res.id)
    assert res.created
    assert art.text == "কিম\n\u09af\u09bcা 😀"
    assert art.outlet == "কালবেলা"
    assert art.published == "2025-07-13T13:18:00+06:00"
    assert art.uid == res.uid and len(art.uid) == 16


def test_same_article_twice_is_a_noop(store):
    first = store.add_articles([draft()])
    again = store.add_articles([draft(title="other title")])
    assert first[0].id == again[0].id and not again[0].created
    assert store.article_count() == 1


def test_add_articles_is_all_or_nothing(store):
    with pytest.raises(ValueError):
        store.add_articles([draft(), draft(text="   ")])
    assert store.article_count() == 0


def test_spans_slice_stored_text_and_cascade(store):
    [res] = store.add_articles([draft()])
    start = TEXT.index("কিম")
    span = store.add_span(
        res.id, "rahim", "visit", start, start + 9, attrs={"certainty": "reported"}
    )
    assert span.text == TEXT[start : start + 9]
    assert span.attrs == {"certainty": "reported"}
    assert store.articles()[0].spans == 1
    with pytest.raises(ValueError):
        store.add_span(res.id, "rahim", "visit", 5, 5000)
    store.db.execute("DELETE FROM articles")
    assert store.db.execute("SELECT count(*) FROM spans").fetchone()[0] == 0


def test_foreign_keys_and_wal_on_file(tmp_path):
    with Store(tmp_path / "p.db") as s:
        assert s.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert s.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        with pytest.raises(sqlite3.IntegrityError):
            with s.db.atomic():
                s.db.execute(
                    'INSERT INTO spans (article_id, annotator, label, start, "end", text,'
                    " created, updated) VALUES (99, 'a', 'b', 0, 1, 'x', '', '')"
                )


def test_new_file_gets_no_backup_existing_old_schema_does(tmp_path):
    path = tmp_path / "p.db"
    with Store(path) as s:
        assert s.backup_path is None
        s.add_articles([draft()])

    # Pretend a new migration appeared after this file was made.
    @step("9999_test_extra")
    def extra(db):
        db.execute("CREATE TABLE extra (x)")

    try:
        with Store(path) as s:
            assert s.backup_path is not None and s.backup_path.exists()
            assert "extra" in s.db.table_names()
        backup = sqlite3.connect(s.backup_path)
        assert backup.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
        assert "extra" not in {r[0] for r in backup.execute("SELECT name FROM sqlite_master")}
        backup.close()
    finally:
        STEPS.pop()


def test_failed_migration_rolls_back_and_keeps_data(tmp_path):
    path = tmp_path / "p.db"
    with Store(path) as s:
        s.add_articles([draft()])

    @step("9998_broken")
    def broken(db):
        db.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("boom")

    try:
        with pytest.raises(RuntimeError):
            Store(path)
    finally:
        STEPS.pop()
    with Store(path) as s:
        assert "half_done" not in s.db.table_names()
        assert s.article_count() == 1


def test_foreign_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE people (name)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="not an annotator project"):
        Store(path)


def test_garbage_file_is_refused(tmp_path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError):
        Store(path)


def test_iter_full_articles_reads_one_snapshot(tmp_path):
    path = tmp_path / "p.db"
    with Store(path) as ours, Store(path) as theirs:
        ids = [r.id for r in ours.add_articles([draft(text=f"খবর নম্বর {i}") for i in range(3)])]
        ours.add_span(ids[2], "x", "claim", 0, 3)
        ours.add_span(ids[2], "x", "actor", 0, 3)
        ours.add_span(ids[2], "x", "claim", 0, 2)
        rows = ours.iter_full_articles()
        next(rows)
        theirs.add_span(ids[2], "y", "claim", 0, 4)  # written while the export reads
        theirs.add_articles([draft(text="নতুন খবর")])
        theirs.set_status(ids[1], "y", "done")
        rest = list(rows)
        assert [a.id for a, *_ in rest] == ids[1:]
        assert [(s.label, s.start, s.end) for s in rest[1][1]] == [
            ("claim", 0, 2),
            ("claim", 0, 3),
            ("actor", 0, 3),
        ]  # by start, end, id
        assert rest[0][3] == {}
        raw = list(ours.iter_full_articles(raw=True))
        assert len(raw) == 4 and len(raw[2][1]) == 4 and raw[1][3] == {"y": "done"}


def test_add_articles_repeated_text_in_one_call(store):
    known = store.add_articles([draft(text="আগের খবর")])[0]
    first, again, old = store.add_articles(
        [draft(), draft(text=TEXT.replace("\n", "\r\n")), draft("আগের খবর")]
    )
    assert (first.created, again.created, old.created) == (True, False, False)
    assert first.id == again.id and old.id == known.id and store.article_count() == 2
