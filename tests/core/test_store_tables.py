"""The one description of the tables (`store.tables`) matches what the migrations build, and
the records the store reads and exports copy are named after it."""

from __future__ import annotations

import dataclasses
import sqlite3

import pytest

from annotator.ingest.untrusted_db import TABLES as READ_FROM_COLLEAGUES
from annotator.models import Span
from annotator.store import ArticleRecord, SpanRecord, Store, StoreError
from annotator.store.tables import TABLES, omit, pick


def _columns(store: Store, table: str) -> tuple[str, ...]:
    return tuple(r[1] for r in store.db.execute(f'PRAGMA table_info("{table}")').fetchall())


def test_description_is_exactly_the_migrated_schema():
    store = Store()
    made = {
        name
        for name in store.db.table_names()
        if not name.startswith(("articles_fts", "_sqlite", "sqlite_"))
    }
    assert made == set(TABLES)
    for table, columns in TABLES.items():
        assert _columns(store, table) == columns, table


def test_records_are_named_after_the_tables():
    assert SpanRecord._fields == TABLES["spans"]
    assert tuple(f.name for f in dataclasses.fields(Span)) == TABLES["spans"]
    assert set(ArticleRecord._fields) <= set(TABLES["articles"])
    assert "raw" not in ArticleRecord._fields


def test_colleague_reader_reads_only_described_columns():
    for table, columns in READ_FROM_COLLEAGUES.items():
        if table.startswith("_sqlite"):
            continue
        assert set(columns) <= set(TABLES[table]), table


def test_pick_and_omit_refuse_unknown_columns():
    assert pick("spans", "start", "end") == ("start", "end")
    assert "text" not in omit("spans", "text")
    with pytest.raises(KeyError):
        pick("spans", "colour")
    with pytest.raises(KeyError):
        omit("articles", "body")


def test_raw_export_rows_are_records(tmp_path):
    from annotator.models import ArticleDraft

    with Store(tmp_path / "p.db") as store:
        (added,) = store.add_articles([ArticleDraft(text="ঢাকায় সেনা মোতায়েন।", title="খবর")])
        text = store.article(added.id).text
        start = text.index("সেনা")
        store.add_span(added.id, "mita", "troop_deployment", start, start + 4)
        ((article, spans, _, _),) = list(store.iter_full_articles(raw=True))
    assert isinstance(article, ArticleRecord) and article.title == "খবর"
    (span,) = spans
    assert isinstance(span, SpanRecord)
    assert (span.start, span.end, span.text, span.annotator) == (start, start + 4, "সেনা", "mita")


def test_a_project_missing_a_column_is_refused_in_one_line(tmp_path):
    path = tmp_path / "p.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("ALTER TABLE comments DROP COLUMN body")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError) as caught:
        Store(path)
    message = str(caught.value)
    assert "\n" not in message
    assert "damaged" in message and "comments.body" in message


def test_primary_keys_are_the_tables_own():
    from annotator.store.tables import PRIMARY_KEYS

    store = Store()
    assert set(PRIMARY_KEYS) == set(TABLES)
    for table, key in PRIMARY_KEYS.items():
        info = store.db.execute(f'PRAGMA table_info("{table}")').fetchall()
        declared = tuple(r[1] for r in sorted((r for r in info if r[5]), key=lambda r: r[5]))
        assert declared == key, table
