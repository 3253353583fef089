"""Our own JSON Lines: one article per line, every stored field, nothing lost; written by
`annotator export` and read back as annotations.

Line layout::

    {"uid", "title", "outlet", "byline", "url", "published", "updated", "text", "meta",
     "spans": [{"id", "start", "end", "label", "text", "annotator", "attrs", "note",
                "origin", "created", "updated"}],
     "doc_labels": [{"annotator", "label"}],
     "status": {annotator: status},
     "comments": [{"author", "body", "start", "end", "span_id", "created"}],
     "review_status": "not_reviewed" | "in_review" | "adjudicated",
     "relations": [{"id", "type", "head", "tail", "annotator", "attrs", "origin",
                    "created"}],
     "frames": [{"claim", "label", "annotator", "slots": {relation type: [span ids]}}]}

A relation's "head" and "tail" are the "id"s of two of the line's spans (a file whose spans
have no ids may give their positions in "spans" instead, from 0). "frames" (written, not
read: they are the relations seen from each claim span) lists every span whose label heads
frames (`frames.claim_keys`) with the spans filling each of its roles.

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
    RelationIn,
    SpanIn,
    Unit,
    as_str,
    doc_from,
    is_offset,
    opt_str,
    record_text,
)
from annotator.ingest.json_records import parse_file
from annotator.models import REVIEW_STATUSES, Comment, Relation

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
    links = record.get("relations")
    if isinstance(links, list) and links:
        read_relations(links, spans, number, doc)
    return doc


def read_relations(links: list[Any], spans: list[Any], number: int, doc: DocIn) -> None:
    """Add the record's relations to `doc`: ends by span id, or by position when the spans
    carry no ids; an end naming no span keeps a position past the end (a problem later)."""
    ids = {
        item.get("id"): index
        for index, item in enumerate(spans)
        if type(item) is dict and item.get("id") is not None
    }
    missing = len(spans)
    for item in links:
        if type(item) is not dict:
            doc.relations.append(RelationIn(number, None, missing, missing))
            continue
        ends = []
        for key in ("head", "tail"):
            value = item.get(key)
            if ids:
                ends.append(ids.get(value, missing))
            else:
                ends.append(value if is_offset(value) and 0 <= value < missing else missing)
        attrs, origin = item.get("attrs"), item.get("origin")
        doc.relations.append(
            RelationIn(
                number,
                item.get("type"),
                ends[0],
                ends[1],
                attrs if type(attrs) is dict else {},
                opt_str(item.get("annotator")),
                origin if type(origin) is str and origin else "import",
            )
        )


# -- writing ---------------------------------------------------------------------------------


def item_record(item: ExportItem, heads: set[str] | None = None) -> dict[str, object]:
    """The JSON-ready dict of one item (the line written for it); `heads`: the labels that
    head frames (`frame_heads`)."""
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
        "relations": relation_records(item.relations),
        "frames": frame_records(
            [(s.id, s.label, s.annotator) for s in item.spans], item.relations, heads
        ),
    }


def relation_records(relations: list[Relation]) -> list[dict[str, Any]]:
    """The JSON-ready relations of one article (ends as span ids)."""
    return [
        {"id": r.id, "type": r.type, "head": r.head, "tail": r.tail, "annotator": r.annotator,
         "attrs": r.attrs, "origin": r.origin, "created": r.created}
        for r in relations
    ]  # fmt: skip


def frame_records(
    spans: list[tuple[int, str, str]], relations: list[Relation], heads: set[str] | None
) -> list[dict[str, Any]]:
    """The frames of one article: each span (id, label, annotator; by position) whose label
    is in `heads` (None: any span heading a relation), with its roles' fillers."""
    slots: dict[int, dict[str, list[int]]] = {}
    for relation in relations:
        slots.setdefault(relation.head, {}).setdefault(relation.type, []).append(relation.tail)
    return [
        {"claim": span_id, "label": label, "annotator": who, "slots": slots.get(span_id, {})}
        for span_id, label, who in spans
        if (label in heads if heads is not None else span_id in slots)
    ]


def frame_heads(items: Iterable[Any]) -> set[str] | None:
    """The label keys that head frames in the project `items` are read from (a
    `selection.Selection` knows its store), or None when unknown."""
    store = getattr(items, "store", None)
    if store is None:
        return None
    from annotator.frames import claim_keys  # noqa: PLC0415 - only when writing

    return claim_keys(store.labels(), store.relation_types())


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
    heads = frame_heads(items)
    return write_lines(items, path, lambda item: item_record(item, heads), progress)


def rows_recorder(heads: set[str] | None = None) -> Callable[[ExportRows], dict[str, Any]]:
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
            "relations": relation_records(rows.relations) if rows.relations else [],
            "frames": frame_records([(s[0], s[3], s[2]) for s in rows.spans], rows.relations, heads)
            if rows.relations or heads
            else [],
        }

    attrs_cache["{}"] = _EMPTY
    return record


def write_rows(
    rows: Iterable[ExportRows], path: Path, progress: Callable[[int], None] | None = None
) -> int:
    """`write` for plain store rows (`selection.iter_export_rows`): the same bytes, faster."""
    return write_lines(rows, path, rows_recorder(frame_heads(rows)), progress)
