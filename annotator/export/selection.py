"""Which articles and spans an export contains: the filter and the items it yields."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from annotator.models import Article, Span
from annotator.store import Store


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
    """Yield the articles that pass `flt`, in the store's list order (newest first).

    Without a label or annotator filter every passing article is yielded, even one without
    spans; with one, only articles that keep at least one matching span.
    """
    flt = flt or ExportFilter()
    selected = set(flt.annotators)
    labels = set(flt.labels)
    everyone = store.annotators()
    for article, spans, doc_labels, recorded in store.iter_full_articles():
        if not _date_ok(article.published, flt):
            continue
        if selected:
            spans = [s for s in spans if s.annotator in selected]
        if labels:
            spans = [s for s in spans if s.label in labels]
        if (selected or labels) and not spans:
            continue
        candidates = sorted(selected) if selected else everyone
        with_spans = {s.annotator for s in spans}
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
        article.span_count = len(spans)
        yield ExportItem(article=article, spans=spans, doc_labels=doc_labels, status=status)
