"""doccano: read its sequence-labelling and classification exports, write its JSONL import.

**Reading.** doccano's import settings name the two columns (`column_data`, default "text";
`column_label`, default "label"). A `field_map` {"text": COLUMN, "label": COLUMN} says which
columns a file uses; without one the common names are tried in order (`TEXT_KEYS`,
`LABEL_KEYS`). A label column holds span triples `[start, end, label]`, span objects
(`start_offset`/`end_offset` or `start`/`end`, and `label`), or plain strings (a
text-classification project: document labels). doccano's `relations` (relation extraction:
`{"id", "from_id", "to_id", "type"}` between the `id`s of span objects) become relations;
one naming no span of its record is a problem. Records come in any layout
`ingest.json_records` knows.

**Recognising.** A plain article dataset may carry a `label` field (a topic string or a list
of them): only lists of offset triples or offset objects make records doccano's, when most
sampled records with labels look so (one damaged span does not turn a file into articles), or
doccano's own column names (`looks_like`, asked by `ingest.annotation_detect`).

**Writing** (JSONL, one article per line)::

    {"text": ..., "label": [[start, end, "LABEL"], ...], "uid", "title", "outlet",
     "published", "url", "annotators": [names...]}

An article with relations is written in doccano's relation-extraction layout instead:
`"entities": [{"id", "start_offset", "end_offset", "label"}]` and
`"relations": [{"id", "from_id", "to_id", "type"}]` (ids: our span and relation ids).

doccano keeps keys other than "text" and "label" as document metadata. Offsets are code points
(Python string indices) into "text", half-open; spans of all exported annotators are merged
(doccano's label triples carry no annotator: filter by annotator for one layer).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from annotator.export.lines import article_meta, write_lines
from annotator.export.selection import ExportItem
from annotator.ingest.annotation_model import (
    DocIn,
    Parsed,
    RelationIn,
    SpanIn,
    Unit,
    doc_from,
    name_or_id,
    opt_str,
)
from annotator.ingest.json_records import parse_file

TEXT_KEYS = ("text", "data", "content", "column_data")
LABEL_KEYS = ("label", "labels", "entities", "spans", "column_label")
RELATIONS = "doccano relations"
# Only doccano names its columns so (its documented import layout); no article dataset does.
DOCCANO_COLUMNS = frozenset({"column_data", "column_label"})


# -- reading ---------------------------------------------------------------------------------------


def read(
    path: Path, field_map: dict[str, str] | None = None, seen: set[str] | None = None
) -> Iterator[Unit]:
    """The one unit of a doccano file; `field_map` names its columns (see `columns`)."""
    keys = columns(field_map)

    def record(raw: dict[str, Any], number: int, parsed: Parsed) -> DocIn:
        return doccano_record(raw, number, parsed, keys)

    yield Unit(str(path), parse_file(path, str(path), record))


def columns(field_map: dict[str, str] | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The text columns and label columns to try, in order: the map's, else the common ones.

    The map's keys "text" and "label" (or "labels") are read; other keys (article fields
    such as "title") do not concern annotations and are left alone.
    """
    field_map = field_map or {}
    text = field_map.get("text")
    label = field_map.get("label") or field_map.get("labels")
    return ((text,) if text else TEXT_KEYS), ((label,) if label else LABEL_KEYS)


def doccano_record(
    record: dict[str, Any],
    number: int,
    parsed: Parsed,
    keys: tuple[tuple[str, ...], tuple[str, ...]] = (TEXT_KEYS, LABEL_KEYS),
) -> DocIn:
    """One doccano record; ValueError (one line) when it has no text or a label column that
    is not a list. Spans that are not triples or objects are kept for the checker to report."""
    text_keys, label_keys = keys
    text = _first_str(record, text_keys)
    if text is None:
        raise ValueError(f"record has no text ({_named(text_keys)})")
    doc = doc_from(record, number, text)
    who = _doccano_annotator(record)
    key, items = next(((k, record[k]) for k in label_keys if record.get(k) is not None), ("", []))
    if not isinstance(items, list):
        raise ValueError(f"'{key}' is not a list of [start, end, label]")
    ids: dict[Any, int] = {}
    for item in items:
        if isinstance(item, dict) and item.get("id") is not None:
            ids.setdefault(item["id"], len(doc.spans))
        if isinstance(item, list | tuple) and len(item) >= 3:
            start, end, label = item[0], item[1], item[2]
        elif isinstance(item, dict):
            start = item.get("start_offset", item.get("start"))
            end = item.get("end_offset", item.get("end"))
            label = item.get("label")
        elif isinstance(item, str) and item:  # a text-classification project: document labels
            doc.doc_labels.append((who, item))
            continue
        else:
            doc.spans.append(SpanIn(number, None, [(None, None)]))
            continue
        doc.spans.append(SpanIn(number, label, [(start, end)], annotator=who, origin="doccano"))
    relations = record.get("relations")
    if isinstance(relations, list):
        missing = len(doc.spans)
        for link in relations:
            if not isinstance(link, dict):
                doc.relations.append(RelationIn(number, None, missing, missing))
                continue
            head = ids.get(link.get("from_id"), missing)
            tail = ids.get(link.get("to_id"), missing)
            kind = link.get("type", link.get("label"))
            doc.relations.append(RelationIn(number, kind, head, tail, annotator=who,
                                            origin="doccano"))  # fmt: skip
    return doc


def _first_str(record: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = record.get(key)
        if isinstance(value, str):
            return value
    return None


def _named(keys: tuple[str, ...]) -> str:
    if len(keys) == 1:
        return f"no column {keys[0]!r}"
    return "looked for " + ", ".join(repr(k) for k in keys)


def _doccano_annotator(record: dict[str, Any]) -> str | None:
    """The record's user: `annotator` or `user` (a name or an id), or its only `annotators`."""
    who = name_or_id(record.get("annotator")) or name_or_id(record.get("user"))
    names = record.get("annotators")
    if who is None and isinstance(names, list) and len(names) == 1:
        who = opt_str(names[0])
    return who


# -- recognising -----------------------------------------------------------------------------------


def looks_like(records: list[dict[str, Any]], label_keys: tuple[str, ...] = LABEL_KEYS) -> bool:
    """Whether sampled records (objects with a text) are doccano's: all carry doccano's
    column names, or most of those with labels have span-like label lists."""
    if records and all(DOCCANO_COLUMNS <= r.keys() for r in records):
        return True  # doccano's own column names: a classification file too
    labelled = [items for r in records if (items := _label_items(r, label_keys))]
    spans = sum(1 for items in labelled if _spans_like(items))
    return bool(labelled) and 2 * spans >= len(labelled)


def _label_items(record: dict[str, Any], keys: tuple[str, ...]) -> list[Any]:
    """The record's first non-empty label list."""
    for key in keys:
        items = record.get(key)
        if isinstance(items, list) and items:
            return items
    return []


def _spans_like(items: list[Any]) -> bool:
    """Whether most of `items` are spans (even ones with damaged offsets)."""
    return 2 * sum(1 for item in items if _offset_item(item)) >= len(items)


def _offset_item(item: Any) -> bool:
    """A span triple [start, end, label] (offsets of any type: the importer reports bad
    ones) or a span object."""
    if isinstance(item, list | tuple):
        if len(item) >= 3 and isinstance(item[2], str):
            return True
        return len(item) >= 2 and all(isinstance(v, int) for v in item[:2])
    if isinstance(item, dict):
        return "start_offset" in item or ("start" in item and "end" in item)
    return False


# -- writing ---------------------------------------------------------------------------------------


def _record(item: ExportItem) -> dict[str, Any]:
    if item.relations:
        spans: dict[str, Any] = {
            "entities": [
                {"id": s.id, "start_offset": s.start, "end_offset": s.end, "label": s.label}
                for s in item.spans
            ],
            "relations": [
                {"id": r.id, "from_id": r.head, "to_id": r.tail, "type": r.type}
                for r in item.relations
            ],
        }
    else:
        spans = {"label": [[s.start, s.end, s.label] for s in item.spans]}
    return {
        "text": item.article.text,
        **spans,
        **article_meta(item.article),
        "annotators": sorted({s.annotator for s in item.spans}),
    }


def write(
    items: Iterable[ExportItem], path: Path, progress: Callable[[int], None] | None = None
) -> int:
    """Write `items` as doccano JSONL to `path` (atomically); return the number of spans."""
    return write_lines(items, path, _record, progress)
