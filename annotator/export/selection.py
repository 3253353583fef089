"""Which articles and spans an export contains: the filter and the items it yields."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

from annotator.models import Article, Comment, Relation, Span
from annotator.store import ArticleRecord, SpanRecord, Store
from annotator.store.articles import follow


@dataclass(frozen=True)
class ExportFilter:
    """What to export; an empty tuple or None means "no restriction".

    `since`/`until` are inclusive ISO dates (YYYY-MM-DD) compared with the date part of
    `published`; undated articles are left out when either is given. `status` keeps articles
    where any selected annotator (any annotator when none are selected) has that status.
    """

    annotators: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    status: str | None = None
    since: str | None = None
    until: str | None = None


@dataclass
class ExportItem:
    """One article to export with its (filtered) spans, document labels and statuses."""

    article: Article
    spans: list[Span]
    doc_labels: list[tuple[str, str]] = field(default_factory=list)
    status: dict[str, str] = field(default_factory=dict)
    comments: list[Comment] = field(default_factory=list)
    review_status: str = "not_reviewed"
    relations: list[Relation] = field(default_factory=list)  # between `spans`, by id


@dataclass
class ExportRows:
    """One article to export as the store's plain rows, for writers that only copy fields
    (much cheaper than `ExportItem` for millions of spans).

    `article` is a `store.ArticleRecord` (`meta` as JSON text); each span a `store.SpanRecord`
    (the fields of `Span` in order, `attrs` as JSON text).
    """

    article: ArticleRecord
    spans: list[SpanRecord]
    doc_labels: list[tuple[str, str]] = field(default_factory=list)
    status: dict[str, str] = field(default_factory=dict)
    comments: list[Comment] = field(default_factory=list)
    review_status: str = "not_reviewed"
    relations: list[Relation] = field(default_factory=list)  # between `spans`, by id


def _date_ok(published: str | None, flt: ExportFilter) -> bool:
    if flt.since is None and flt.until is None:
        return True
    if not published:
        return False
    day = published[:10]
    if flt.since is not None and day < flt.since[:10]:
        return False
    return not (flt.until is not None and day > flt.until[:10])


class Selection(Iterator[Any]):
    """The articles of `store` that pass `flt`, in id order, as `ExportItem`s (or, `raw`,
    `ExportRows`): an iterator that reads the project as it goes (one streaming query per
    table), so an export's memory does not grow with the project. `attribute_keys` gives
    the span attribute names of the selection without reading it through."""

    def __init__(self, store: Store, flt: ExportFilter | None = None, raw: bool = False) -> None:
        self.store = store
        self.filter = flt or ExportFilter()
        self._items = _items(store, self.filter, raw)

    def __next__(self) -> Any:
        return next(self._items)

    def attribute_keys(self) -> list[str]:
        """The attribute names the selected spans carry, sorted: one SQL query."""
        return attribute_keys(self.store, self.filter)


def iter_export_items(store: Store, flt: ExportFilter | None = None) -> Selection:
    """Yield the articles that pass `flt`, in id order (`Selection` of `ExportItem`s).

    Without a label or annotator filter every passing article is yielded, even one without
    spans; with one, only articles that keep at least one matching span.
    """
    return Selection(store, flt)


def iter_export_rows(store: Store, flt: ExportFilter | None = None) -> Selection:
    """`iter_export_items` as plain rows (see `ExportRows`): the same articles and spans."""
    return Selection(store, flt, raw=True)


def _items(store: Store, flt: ExportFilter, raw: bool) -> Iterator[Any]:
    for article, spans, doc_labels, status, comments, review, links in _select(store, flt, raw):
        if raw:
            yield ExportRows(article, spans, doc_labels, status, comments, review, links)
        else:
            article.span_count = len(spans)
            yield ExportItem(article, spans, doc_labels, status, comments, review, links)


_WHO = attrgetter("annotator")  # of a `Span` or a `SpanRecord` alike
_ARTICLE_ID = attrgetter("article_id")


def _select(store: Store, flt: ExportFilter, raw: bool) -> Iterator[tuple[Any, ...]]:
    """The filter, on `Store.iter_full_articles(raw)` objects or rows alike."""
    selected = set(flt.annotators)
    labels = set(flt.labels)
    dated = flt.since is not None or flt.until is not None
    everyone = store.annotators()
    known = set(everyone)
    who = _WHO
    # Comments and review statuses stream beside the articles, merged by article id.
    comments = follow(((c.article_id, c) for c in store.iter_comments()), 0)
    reviews = follow(store.iter_review_statuses(), 0)
    relations = follow(((r.article_id, r) for r in store.iter_relations()), 0)
    for article, spans, doc_labels, recorded in store.iter_full_articles(raw=raw):
        if dated and not _date_ok(article.published, flt):
            continue
        if selected:
            spans = [s for s in spans if who(s) in selected]
        if labels:
            spans = [s for s in spans if s.label in labels]
        if (selected or labels) and not spans:
            continue
        if selected:
            candidates = sorted(selected)
        elif recorded.keys() <= known:
            candidates = everyone
        else:  # a status of someone with no span and no name in the project: keep it too
            candidates = sorted(known | recorded.keys())
        with_spans = set(map(who, spans))
        status: dict[str, str] = {}
        for name in candidates:
            value = recorded.get(name, "todo")
            if value != "todo" or name in with_spans or name in selected:
                status[name] = value
        if flt.status is not None:
            if flt.status not in [recorded.get(n, "todo") for n in candidates]:
                continue
        if selected:
            doc_labels = [d for d in doc_labels if d[0] in selected]
        review = reviews(article.id)
        linked = relations(article.id)
        if linked:  # only those between spans exported with the article
            ids = {span.id for span in spans}
            linked = [(i, r) for i, r in linked if r.head in ids and r.tail in ids]
        yield (article, spans, doc_labels, status, [c for _, c in comments(article.id)],
               review[0][1] if review else "not_reviewed",
               [r for _, r in linked])  # fmt: skip


def attribute_keys(store: Store, flt: ExportFilter | None = None) -> list[str]:
    """The sorted attribute names of the spans `flt` selects (those of `iter_export_items`),
    found by one query over the spans' JSON (`json_each`) without listing the selection."""
    flt = flt or ExportFilter()
    where, params = _span_filter(store, flt)
    rows = store.db.execute(
        "SELECT DISTINCT j.key FROM spans s JOIN json_each(s.attrs) j"
        f" WHERE json_type(s.attrs) = 'object' AND s.attrs != '{{}}'{where} ORDER BY 1",
        params,
    )
    return [str(row[0]) for row in rows]


def _span_filter(store: Store, flt: ExportFilter) -> tuple[str, list[Any]]:
    """SQL (" AND ..." over spans `s`) and its parameters for the spans `_select` keeps."""
    where = ""
    params: list[Any] = []
    if flt.annotators:
        where += " AND s.annotator IN (SELECT value FROM json_each(?))"
        params.append(json.dumps(sorted(set(flt.annotators))))
    if flt.labels:
        where += " AND s.label IN (SELECT value FROM json_each(?))"
        params.append(json.dumps(sorted(set(flt.labels))))
    articles = ""
    if flt.since is not None or flt.until is not None:  # `_date_ok`
        articles += " AND a.published IS NOT NULL AND a.published != ''"
        if flt.since is not None:
            articles += " AND substr(a.published, 1, 10) >= ?"
            params.append(flt.since[:10])
        if flt.until is not None:
            articles += " AND substr(a.published, 1, 10) <= ?"
            params.append(flt.until[:10])
    if flt.status is not None:
        sql, more = _status_filter(store, flt)
        articles += sql
        params.extend(more)
    if articles:
        where += f" AND s.article_id IN (SELECT a.id FROM articles a WHERE 1{articles})"
    return where, params


def _status_filter(store: Store, flt: ExportFilter) -> tuple[str, list[Any]]:
    """SQL (" AND ..." over articles `a`) for `flt.status`: some candidate annotator (the
    selected ones, else everyone known plus anyone with a recorded status) has it, an
    unrecorded status counting as todo (as `_select` decides)."""
    statuses = "FROM article_status t WHERE t.article_id = a.id"
    if flt.annotators:
        names = json.dumps(sorted(set(flt.annotators)))
        among = " AND t.annotator IN (SELECT value FROM json_each(?))"
        if flt.status != "todo":
            return f" AND EXISTS (SELECT 1 {statuses}{among} AND t.status = ?)", [names, flt.status]
        count = len(set(flt.annotators))
        return f" AND (SELECT count(*) {statuses}{among} AND t.status != 'todo') < ?", [
            names,
            count,
        ]
    if flt.status != "todo":
        return f" AND EXISTS (SELECT 1 {statuses} AND t.status = ?)", [flt.status]
    known = store.annotators()
    return (
        f" AND (SELECT count(*) {statuses} AND t.status != 'todo') < ? + (SELECT count(*)"
        f" {statuses} AND t.annotator NOT IN (SELECT value FROM json_each(?)))",
        [len(known), json.dumps(known)],
    )
