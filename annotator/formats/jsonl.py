"""Our own JSON Lines: one article per line, every stored field, nothing lost; written by
`annotator export` and read back as annotations.

Line layout::

    {"uid", "title", "outlet", "byline", "url", "published", "updated", "text", "meta",
     "spans": [{"id", "start", "end", "label", "text", "annotator", "attrs", "note",
                "origin", "created", "updated"}],
     "doc_labels": [{"annotator", "label"}],
     "status": {annotator: status},
     "comments": [{"author", "body", "start", "end", "span_id", "created"}],
     "review_status": "not_reviewed" | "in_review" | "adjudicated"}

Offsets are code points into "text", half-open. "meta" is the article's import metadata.

`export(store, "jsonl", ...)` goes through `write_rows`, which builds each line straight from
the store's rows (no Article/Span objects) and writes the same bytes as `write`.

**Reading** (`read`): everything comes back, in any layout `ingest.json_records` knows (so a
JSON array of such records too); spans keep their `created`/`updated` times. A file is ours
when most of its sampled records carry a "spans" list of objects (`looks_like`, asked by
`ingest.annotation_detect`); other JSON Lines files are article datasets
(`ingest.records.parse_jsonl`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import orjson

from annotator.export.lines import write_lines
from annotator.export.selection import ExportItem, ExportRows
from annotator.ingest.annotation_model import (
    DocIn,
    Parsed,
    SpanIn,
    Unit,
    as_str,
    doc_from,
    is_offset,
    opt_str,
    record_text,
)
from annotator.ingest.json_records import parse_file
from annotator.models import REVIEW_STATUSES, Comment

_EMPTY = orjson.Fragment(b"{}")
_CACHE_LIMIT = 4096  # distinct attrs texts remembered while writing


# -- reading ---------------------------------------------------------------------------------


def read(
    path: Path, field_map: dict[str, str] | None = None, seen: set[str] | None = None
) -> Iterator[Unit]:
    """The one unit of a file of our JSONL export; its field names are ours (`field_map` is
    not used)."""
    yield Unit(str(path), parse_file(path, str(path), jsonl_record))


def looks_like(record: dict[str, Any]) -> bool:
    """Whether a record is one of our export's: "spans" is a list of span objects (or empty)."""
    spans = record.get("spans")
    return isinstance(spans, list) and all(isinstance(s, dict) for s in spans)


def jsonl_record(record: dict[str, Any], number: int, parsed: Parsed | None = None) -> DocIn:
    """One line of our own JSONL export: everything is restored (`parsed` is not needed: the
    export holds nothing that cannot be imported)."""
    text = record_text(record, "text")
    if text is None and not record.get("uid"):
        raise ValueError("record has neither text nor uid")
    doc = doc_from(record, number, text)
    spans = record.get("spans") or []
    if not isinstance(spans, list):
        raise ValueError("'spans' is not a list")
    add = doc.spans.append
    for item in spans:
        if type(item) is not dict:
            add(SpanIn(number, None, [(None, None)]))
            continue
        # The fields of `SpanIn` in order, each read as `opt_str`/`as_str` would (inlined:
        # an export holds millions of spans).
        get = item.get
        given, who, note, origin = get("text"), get("annotator"), get("note"), get("origin")
        attrs, made, changed = get("attrs"), get("created"), get("updated")
        add(
            SpanIn(
                number,
                get("label"),
                [(get("start"), get("end"))],
                given if type(given) is str else None,
                who if type(who) is str and who else None,
                attrs if type(attrs) is dict else {},  # a fresh dict from the parser
                note if type(note) is str else as_str(note),
                origin if type(origin) is str and origin else "import",
                False,
                False,
                made if type(made) is str and made else None,
                changed if type(changed) is str and changed else None,
            )
        )
    for item in record.get("doc_labels") or []:
        if isinstance(item, dict) and isinstance(item.get("label"), str) and item["label"]:
            doc.doc_labels.append((opt_str(item.get("annotator")), item["label"]))
    status = record.get("status")
    if isinstance(status, dict):
        doc.status = {str(k): str(v) for k, v in status.items() if k}
    for item in record.get("comments") or []:
        if not isinstance(item, dict):
            continue
        body, author = item.get("body"), item.get("author")
        start, end = item.get("start"), item.get("end")
        if isinstance(body, str) and body.strip() and isinstance(author, str) and author:
            if is_offset(start) and is_offset(end):
                doc.comments.append((author, body, start, end, as_str(item.get("created"))))
    review = record.get("review_status")
    if isinstance(review, str) and review in REVIEW_STATUSES:
        doc.review_status = review
    return doc


# -- writing ---------------------------------------------------------------------------------


def item_record(item: ExportItem) -> dict[str, object]:
    """The JSON-ready dict of one item (the line written for it)."""
    a = item.article
    return {
        "uid": a.uid,
        "title": a.title,
        "outlet": a.outlet,
        "byline": a.byline,
        "url": a.url,
        "published": a.published,
        "updated": a.updated,
        "text": a.text,
        "meta": a.meta,
        "spans": [
            {
                "id": s.id,
                "start": s.start,
                "end": s.end,
                "label": s.label,
                "text": s.text,
                "annotator": s.annotator,
                "attrs": s.attrs,
                "note": s.note,
                "origin": s.origin,
                "created": s.created,
                "updated": s.updated,
            }
            for s in item.spans
        ],
        "doc_labels": [{"annotator": n, "label": lab} for n, lab in item.doc_labels],
        "status": item.status,
        "comments": comment_records(item.comments),
        "review_status": item.review_status,
    }


def comment_records(comments: list[Comment]) -> list[dict[str, Any]]:
    """The JSON-ready comments of one article."""
    return [
        {"author": c.author, "body": c.body, "start": c.start, "end": c.end,
         "span_id": c.span_id, "created": c.created}
        for c in comments
    ]  # fmt: skip


def write(
    items: Iterable[ExportItem], path: Path, progress: Callable[[int], None] | None = None
) -> int:
    """Write `items` as JSON Lines to `path` (atomically); return the number of spans.

    `progress` is called with the number of articles written so far.
    """
    return write_lines(items, path, item_record, progress)


def rows_recorder() -> Callable[[ExportRows], dict[str, Any]]:
    """A function giving the line's dict for store rows, equal to `item_record`'s.

    Span attributes are stored as JSON text and mostly repeat (`{}`, the same certainty and
    source), so each distinct text is parsed and re-encoded once and then embedded as is.
    """
    loads, dumps, fragment = orjson.loads, orjson.dumps, orjson.Fragment
    attrs_cache: dict[str, orjson.Fragment] = {}

    def attrs_of(text: str) -> orjson.Fragment:
        if len(attrs_cache) >= _CACHE_LIMIT:
            attrs_cache.clear()
        encoded = attrs_cache[text] = fragment(dumps(loads(text))) if text else _EMPTY
        return encoded

    def record(rows: ExportRows) -> dict[str, Any]:
        _, uid, title, outlet, byline, url, published, updated, text, meta = rows.article
        get = attrs_cache.get
        return {
            "uid": uid,
            "title": title,
            "outlet": outlet,
            "byline": byline,
            "url": url,
            "published": published,
            "updated": updated,
            "text": text,
            "meta": loads(meta) if meta and meta != "{}" else {},
            "spans": [
                {
                    "id": span_id,
                    "start": start,
                    "end": end,
                    "label": label,
                    "text": covered,
                    "annotator": who,
                    "attrs": get(attrs) or attrs_of(attrs),
                    "note": note,
                    "origin": origin,
                    "created": created,
                    "updated": changed,
                }
                for (
                    span_id,
                    _,
                    who,
                    label,
                    start,
                    end,
                    covered,
                    attrs,
                    note,
                    origin,
                    created,
                    changed,
                ) in rows.spans
            ],
            "doc_labels": [{"annotator": n, "label": lab} for n, lab in rows.doc_labels],
            "status": rows.status,
            "comments": comment_records(rows.comments) if rows.comments else [],
            "review_status": rows.review_status,
        }

    attrs_cache["{}"] = _EMPTY
    return record


def write_rows(
    rows: Iterable[ExportRows], path: Path, progress: Callable[[int], None] | None = None
) -> int:
    """`write` for plain store rows (`selection.iter_export_rows`): the same bytes, faster."""
    return write_lines(rows, path, rows_recorder(), progress)
