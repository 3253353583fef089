"""Read doccano records: a text column and a label column of spans or document labels.

doccano's import settings name the two columns (`column_data`, default "text";
`column_label`, default "label"). A `field_map` {"text": COLUMN, "label": COLUMN} says which
columns a file uses; without one the common names are tried in order (`TEXT_KEYS`,
`LABEL_KEYS`). A label column holds span triples `[start, end, label]`, span objects
(`start_offset`/`end_offset` or `start`/`end`, and `label`), or plain strings (a
text-classification project: document labels). doccano's `relations` cannot be stored here:
they are counted as not imported.
"""

from __future__ import annotations

from typing import Any

from annotator.ingest.annotation_model import DocIn, Parsed, SpanIn, doc_from, name_or_id, opt_str

TEXT_KEYS = ("text", "data", "content", "column_data")
LABEL_KEYS = ("label", "labels", "entities", "spans", "column_label")
RELATIONS = "doccano relations"


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
    for item in items:
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
        parsed.skip(RELATIONS, len(relations))
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
