"""Which articles and spans an export contains: the filter and the items it yields."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

from annotator.models import Article, Comment, Span
from annotator.store import ArticleRecord, SpanRecord, Store


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


def _date_ok(published: str | None, flt: ExportFilter) -> bool:
    if flt.since is None and flt.until is None:
        return True
    if not published:
        return False
    day = published[:10]
    if flt.since is not None and day < flt.since[:10]:
        return False
    return not (flt.until is not None and day > flt.until[:10])


def iter_export_items(store: Store, flt: ExportFilter | None = None) -> Iterator[ExportItem]:
    """Yield the articles that pass `flt`, in id order.

    Without a label or annotator filter every passing article is yielded, even one without
    spans; with one, only articles that keep at least one matching span.
    """
    for article, spans, doc_labels, status, comments, review in _select(
        store, flt or ExportFilter(), False
    ):
        article.span_count = len(spans)
        yield ExportItem(article, spans, doc_labels, status, comments, review)


def iter_export_rows(store: Store, flt: ExportFilter | None = None) -> Iterator[ExportRows]:
    """`iter_export_items` as plain rows (see `ExportRows`): the same articles and spans."""
    for article, spans, doc_labels, status, comments, review in _select(
        store, flt or ExportFilter(), True
    ):
        yield ExportRows(article, spans, doc_labels, status, comments, review)


_WHO = attrgetter("annotator")  # of a `Span` or a `SpanRecord` alike


def _select(store: Store, flt: ExportFilter, raw: bool) -> Iterator[tuple[Any, ...]]:
    """The filter, on `Store.iter_full_articles(raw)` objects or rows alike."""
    selected = set(flt.annotators)
    labels = set(flt.labels)
    dated = flt.since is not None or flt.until is not None
    everyone = store.annotators()
    known = set(everyone)
    who = _WHO
    comments: dict[int, list[Comment]] = {}
    for comment in store.comments():
        comments.setdefault(comment.article_id, []).append(comment)
    reviews = store.review_statuses()
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
        yield (article, spans, doc_labels, status, comments.get(article.id, []),
               reviews.get(article.id, "not_reviewed"))  # fmt: skip
