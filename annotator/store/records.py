"""Records the store reads and writes: named rows instead of column positions.

Reads: `ArticleRow`, `ListRow`, `SearchHit`, `AddResult` for lists and imports; the plain
`ArticleRecord` and `SpanRecord` rows that exports copy field by field; mappers from a row to
the model's `Article`, `Span` and `Decision`. Writes: `NewSpan`, `LayerSpan`, `GoldSpan` and
`NewComment` name the fields of what a caller asks the store to write. The row records are
`NamedTuple`s, so millions of them stay cheap and can still be unpacked like the rows they are.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, NamedTuple

import orjson

from annotator.models import Article, Decision, Span
from annotator.store.tables import TABLES, omit, sql_list


@dataclass
class ArticleRow:
    """One line of the article list: no text, cheap to load for many articles."""

    id: int
    uid: str
    title: str
    outlet: str
    published: str | None
    updated: str | None
    spans: int


@dataclass
class ListRow:
    """One row of the window's article list, for one annotator."""

    id: int
    title: str
    outlet: str
    published: str | None
    status: str
    claims: int
    review: str = "not_reviewed"


@dataclass
class SearchHit:
    """One search result, best first."""

    id: int
    uid: str
    title: str
    outlet: str
    published: str | None
    snippet: str
    rank: float


@dataclass
class AddResult:
    """What storing one draft did."""

    id: int
    uid: str
    created: bool


def _record(name: str, columns: tuple[str, ...], doc: str) -> Any:
    record = NamedTuple(name, [(column, Any) for column in columns])  # type: ignore[misc]
    record.__doc__ = doc
    record.__module__ = __name__
    return record


ArticleRecord = _record(
    "ArticleRecord",
    omit("articles", "raw", "source_file", "imported_at"),
    "An article as exports copy it: every column but the raw page and import bookkeeping;"
    " `meta` is its JSON text.",
)
SpanRecord = _record(
    "SpanRecord",
    TABLES["spans"],
    "A span row as stored (the fields of `Span`, in order); `attrs` is its JSON text.",
)


class NewSpan(NamedTuple):
    """A span to store on an article: `created` None means now, `updated` None means created."""

    annotator: str
    label: str
    start: int
    end: int
    attrs: dict[str, Any]
    note: str = ""
    origin: str = "manual"
    created: str | None = None
    updated: str | None = None


class LayerSpan(NamedTuple):
    """One span of a layer brought in whole (`Store.replace_layer`)."""

    label: str
    start: int
    end: int
    attrs: dict[str, Any]
    note: str
    origin: str
    created: str
    updated: str


class GoldSpan(NamedTuple):
    """A span a ruling writes into the gold layer."""

    label: str
    start: int
    end: int
    attrs: dict[str, Any]
    note: str = ""


class NewComment(NamedTuple):
    """A comment brought in from a file (`Store.merge_comments`); `created` None means now."""

    author: str
    body: str
    start: int
    end: int
    created: str | None = None


ARTICLE_SELECT = sql_list(omit("articles"))
"""Every article column, in table order (what `article_from_row` reads, before the count)."""
ARTICLE_RECORD_SELECT = sql_list(ArticleRecord._fields)
SPAN_SELECT = sql_list(SpanRecord._fields)
DECISION_SELECT = sql_list(omit("review_decisions", "superseded"))


def _json_object(text: str) -> dict[str, Any]:
    return orjson.loads(text) if text and text != "{}" else {}


def article_from_row(row: tuple[Any, ...]) -> Article:
    """An `Article` from `ARTICLE_SELECT` columns followed by the span count."""
    (article_id, uid, title, outlet, byline, url, published, updated, text, raw, source_file,
     imported_at, meta, span_count) = row  # fmt: skip
    return Article(
        id=article_id, uid=uid, title=title, outlet=outlet, byline=byline, url=url,
        published=published, updated=updated, text=text, raw=raw, source_file=source_file,
        imported_at=imported_at, meta=_json_object(meta), span_count=span_count,
    )  # fmt: skip


def span_from_row(row: tuple[Any, ...]) -> Span:
    """A `Span` from a `SpanRecord` (or a row of `SPAN_SELECT`)."""
    (span_id, article_id, annotator, label, start, end, text, attrs, note, origin, created,
     updated) = row  # fmt: skip
    return Span(span_id, article_id, annotator, label, start, end, text, _json_object(attrs),
                note, origin, created, updated)  # fmt: skip


def decision_from_row(row: tuple[Any, ...]) -> Decision:
    """A `Decision` from a row of `DECISION_SELECT`."""
    (decision_id, article_id, reviewer, layer_a, layer_b, start, end, kind, decision, a_spans,
     b_spans, gold_ids, comment, created) = row  # fmt: skip
    return Decision(
        id=decision_id, article_id=article_id, reviewer=reviewer, layer_a=layer_a,
        layer_b=layer_b, start=start, end=end, kind=kind, decision=decision,
        a_spans=json.loads(a_spans), b_spans=json.loads(b_spans),
        gold_span_ids=json.loads(gold_ids), comment=comment, created=created,
    )  # fmt: skip


def spans_json(spans: list[Span]) -> str:
    """The compared spans a ruling keeps, as JSON text."""
    return json.dumps(
        [
            {"id": s.id, "annotator": s.annotator, "label": s.label, "start": s.start,
             "end": s.end, "attrs": s.attrs}
            for s in spans
        ],
        ensure_ascii=False,
    )  # fmt: skip
