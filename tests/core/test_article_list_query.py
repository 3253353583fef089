"""The article list read in parts (ordered ids, then rows of given ids) lists exactly what the
one whole-list query listed before #13: the same rows, counts and order for every filter."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from annotator.models import ArticleDraft
from annotator.store import ListRow, Store

ME, OTHER = "rahim", "karim"
SORTS = ("title", "outlet", "published", "status", "claims", "review", "id")
OUTLETS = ("প্রথম আলো", "কালবেলা", "যুগান্তর")
DATES = (
    "2025-07-13T13:18:00+06:00",
    "2024-01-02T09:05:00+06:00",
    None,
    "2025-12-15T20:00:00+06:00",
)


def _reference(store: Store, annotator: str, status=None, label=None, query="", sort="published",
               descending=True) -> list[ListRow]:  # fmt: skip
    """The list query as it was before the list was read in parts (one query, GROUP BY)."""
    # (Sorting by "status" itself failed: both joined tables have a status column.)
    columns = {"title": "a.title", "outlet": "a.outlet", "published": "a.published",
               "status": "coalesce(st.status, 'todo')", "claims": "claims",
               "review": "review", "id": "a.id"}  # fmt: skip
    where: list[str] = []
    params: list[Any] = [annotator, annotator]
    source = "articles a"
    if query.strip():
        expression = store._fts_expression(query)
        if expression is None:
            return []
        source = "articles_fts f JOIN articles a ON a.id = f.rowid"
        where.append("articles_fts MATCH ?")
        params.append(expression)
    if status and status.startswith("review:"):
        where.append("coalesce(rv.status, 'not_reviewed') = ?")
        params.append(status.removeprefix("review:"))
    elif status:
        where.append("coalesce(st.status, 'todo') = ?")
        params.append(status)
    if label:
        where.append("EXISTS (SELECT 1 FROM spans l WHERE l.article_id = a.id AND l.label = ?)")
        params.append(label)
    column = columns[sort]
    direction = "DESC" if descending else "ASC"
    sql = (
        "SELECT a.id, a.title, a.outlet, a.published, coalesce(st.status, 'todo') AS status,"
        " coalesce(c.n, 0) AS claims, coalesce(rv.status, 'not_reviewed') AS review"
        f" FROM {source}"
        " LEFT JOIN article_status st ON st.article_id = a.id AND st.annotator = ?"
        " LEFT JOIN review_status rv ON rv.article_id = a.id"
        " LEFT JOIN (SELECT article_id, count(*) AS n FROM spans WHERE annotator = ?"
        "  GROUP BY article_id) c ON c.article_id = a.id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + f" ORDER BY {column} IS NULL, {column} {direction}, a.id"
    )
    return [ListRow(*row) for row in store.db.execute(sql, params).fetchall()]


@pytest.fixture(scope="module")
def store():
    """24 articles: repeated titles, outlets and dates (ties), undated ones, statuses of two
    annotators, review statuses, spans of several labels and annotators."""
    with Store() as s:
        drafts = []
        for n in range(24):
            word = ("কোরিয়া" if n % 3 == 0 else "চুক্তি") + ("র" if n % 2 else "")
            drafts.append(ArticleDraft(
                text=f"{word} নিয়ে খবর {n}।", title=f"শিরোনাম {n % 5}",
                outlet=OUTLETS[n % 3], published=DATES[n % 4],
            ))  # fmt: skip
        ids = [r.id for r in s.add_articles(drafts)]
        for n, article_id in enumerate(ids):
            for k in range(n % 4):
                s.add_span(article_id, ME, ("visit", "treaty")[k % 2], k, k + 2)
            if n % 5 == 0:
                s.add_span(article_id, OTHER, "military_aid", 0, 3)
            if n % 3 == 1:
                s.set_status(article_id, ME, ("done", "in_progress")[n % 2])
            if n % 4 == 2:
                s.set_status(article_id, OTHER, "done")
            if n % 7 == 3:
                s.set_review_status(article_id, ("in_review", "adjudicated")[n % 2], "lead")
        yield s


FILTERS = [
    {},
    {"status": "todo"},
    {"status": "done"},
    {"status": "in_progress"},
    {"status": "review:not_reviewed"},
    {"status": "review:adjudicated"},
    {"label": "treaty"},
    {"label": "military_aid"},
    {"query": "কোরিয়া"},
    {"query": "চুক্তি", "status": "todo"},
    {"query": "চুক্তি -কোরিয়া", "label": "visit"},
    {"query": "নেই"},
    {"query": "!!"},
]


@pytest.mark.parametrize(
    "filters", FILTERS, ids=lambda f: ",".join(f"{k}={v}" for k, v in f.items())
)
def test_every_sort_and_filter_lists_as_before(store, filters):
    for annotator, sort, descending in itertools.product((ME, OTHER), SORTS, (True, False)):
        args = {**filters, "sort": sort, "descending": descending}
        expected = _reference(store, annotator, **args)
        assert store.article_list(annotator, **args) == expected, args
        ids = store.article_list_ids(annotator, **args)
        assert ids == [row.id for row in expected], args
        assert store.list_rows(annotator, ids) == expected, args
        assert store.article_list(annotator, **args, limit=5) == expected[:5], args
        assert store.article_list_ids(annotator, **args, limit=5) == ids[:5], args


def test_the_reference_is_not_trivial(store):
    rows = _reference(store, ME)
    assert len(rows) == 24 and rows[-1].published is None
    assert {row.claims for row in rows} == {0, 1, 2, 3}
    assert {row.status for row in rows} == {"todo", "done", "in_progress"}
    assert {row.review for row in rows} == {"not_reviewed", "in_review", "adjudicated"}
    assert 0 < len(_reference(store, ME, query="কোরিয়া")) < 24


def test_list_rows_keeps_the_order_given_and_skips_gone_articles(store):
    ids = store.article_list_ids(ME)
    chosen = [ids[5], ids[1], 999_999, ids[3]]
    assert [row.id for row in store.list_rows(ME, chosen)] == [ids[5], ids[1], ids[3]]
    assert store.list_rows(ME, []) == []


def _plans(store: Store, read) -> str:
    """The query plans of the statements `read()` runs (their SQL with values bound)."""
    statements: list[str] = []
    store.db.conn.set_trace_callback(statements.append)
    try:
        read()
    finally:
        store.db.conn.set_trace_callback(None)
    selects = [sql for sql in statements if sql.lstrip().upper().startswith("SELECT")]
    return " | ".join(
        row[-1] for sql in selects for row in store.db.execute("EXPLAIN QUERY PLAN " + sql)
    )


def test_claim_counts_come_from_the_article_annotator_index(store):
    ids = store.article_list_ids(ME)
    plan = _plans(store, lambda: store.list_rows(ME, ids[:10]))
    assert "COVERING INDEX idx_spans_article_annotator" in plan


def test_the_ids_by_date_come_from_the_date_index_alone(store):
    plan = _plans(store, lambda: store.article_list_ids(ME))
    # (ties of equal dates are put in id order by a small sort after the index)
    assert "COVERING INDEX idx_articles_published" in plan
    assert "TEMP B-TREE FOR ORDER BY" not in plan
    searched = _plans(store, lambda: store.article_list_ids(ME, query="কোরিয়া", limit=5))
    assert "idx_articles_published" in searched


def test_a_page_of_articles_is_a_slice_of_all_of_them(store):
    every = [row.id for row in store.articles()]
    assert every == [row.id for row in _reference(store, ME)]  # newest first, undated last
    for offset in (0, 3, 17, 22):
        assert [row.id for row in store.articles(limit=5, offset=offset)] == every[offset:][:5]
