"""Tell annotation files (ours, doccano, Label Studio, brat) from article datasets by content.

A few records are looked at (up to `SAMPLE`): the first lines of a JSON Lines file, the
first items of a JSON array or the first objects of a pretty-printed or concatenated file
(streamed, so a file of any size costs a few records), or a JSON object. A plain article
dataset may carry a `label` field (a topic string or a list of them): only lists of offset
triples or offset objects make a file doccano, and a file is doccano when most of its
sampled records with labels look so (one damaged span does not turn it into articles).
Reading stays within the input limits (`limits`); a file that cannot be read or parsed is
simply not an annotation file here (its importer reports).
"""

from __future__ import annotations

import zipfile
from itertools import islice
from pathlib import Path
from typing import Any

import orjson

from annotator.ingest import limits
from annotator.ingest.peer_doccano import columns

LINE_SUFFIXES = (".jsonl", ".ndjson")


SAMPLE = 20
# Only doccano names its columns so (its documented import layout); no article dataset does.
DOCCANO_COLUMNS = frozenset({"column_data", "column_label"})


def annotation_format(path: Path, field_map: dict[str, str] | None = None) -> str | None:
    """ "jsonl", "doccano", "labelstudio" or "brat" when `path` holds annotations, else None.

    `field_map` names doccano's text and label columns, as for `import_annotations`.
    """
    suffix = path.suffix.lower()
    try:
        if suffix == ".ann":
            return "brat"
        if not path.is_file():
            return None
        if suffix == ".zip":
            with zipfile.ZipFile(path) as archive:
                names = archive.namelist()
            return "brat" if any(n.lower().endswith(".ann") for n in names) else None
        if suffix in LINE_SUFFIXES or suffix == ".json":
            sample = _sample(path)
            found = _labelstudio(sample[0]) if sample and suffix == ".json" else None
            return found or _records_format(sample, field_map)
    except Exception:  # noqa: BLE001 - unreadable or damaged: not recognised, its importer says why
        return None
    return None


def _sample(path: Path) -> list[Any]:
    """Up to SAMPLE records: JSON Lines when most first lines are objects, else the items
    of a top-level array or the top-level values one after another (pretty-printed)."""
    with path.open("rb") as handle:
        head = handle.read(65536).removeprefix(b"\xef\xbb\xbf")
        first = head.lstrip()[:1]
        if first == b"{":
            handle.seek(0)
            lines = _sample_lines(handle)
            if lines is not None:
                return lines
        if first not in (b"[", b"{"):
            return []
        handle.seek(0)
        head = handle.read(65536).removeprefix(b"\xef\xbb\xbf")
        return _sample_stream(limits.CappedReader(handle, head), first == b"[")


def _sample_lines(handle: Any) -> list[Any] | None:
    """The objects of the first non-blank lines, when at least half of them are objects."""
    cap = limits.current().record_bytes
    lines = []
    while len(lines) < SAMPLE and (raw := handle.readline(cap + 1)):
        if len(raw) > cap:
            return None
        if raw.strip():
            lines.append(raw.removeprefix(b"\xef\xbb\xbf").rstrip().removesuffix(b","))
    found = []
    for raw in lines:
        try:
            record = orjson.loads(raw)
        except orjson.JSONDecodeError:
            continue
        if isinstance(record, dict):
            found.append(record)
    return found if lines and 2 * len(found) >= len(lines) else None


def _sample_stream(reader: limits.CappedReader, array: bool) -> list[Any]:
    """The first items of a JSON array, or the first top-level values of a stream; those
    read before a damaged part."""
    import ijson  # noqa: PLC0415 - loaded only when a JSON file is looked at

    items = ijson.items(reader, "item" if array else "", use_float=True, multiple_values=True)
    found: list[Any] = []
    try:
        found.extend(islice(items, SAMPLE))
    except ijson.JSONError:
        pass
    return found


def _records_format(sample: list[Any], field_map: dict[str, str] | None = None) -> str | None:
    """ "jsonl" when most records are ours, "doccano" when most records with labels look like
    doccano's, else None (an article dataset)."""
    text_keys, label_keys = columns(field_map)
    records = [r for r in sample if isinstance(r, dict) and _has_text(r, text_keys)]
    if not records:
        return None
    ours = sum(1 for r in records if _ours(r))
    if 2 * ours >= len(records):
        return "jsonl"
    if all(DOCCANO_COLUMNS <= r.keys() for r in records):
        return "doccano"  # doccano's own column names: a classification file too
    labelled = [items for r in records if (items := _label_items(r, label_keys))]
    spans = sum(1 for items in labelled if _spans_like(items))
    return "doccano" if labelled and 2 * spans >= len(labelled) else None


def _has_text(record: dict[str, Any], keys: tuple[str, ...]) -> bool:
    return any(isinstance(record.get(k), str) for k in keys)


def _ours(record: dict[str, Any]) -> bool:
    """Our JSONL export: "spans" is a list of span objects (or empty)."""
    spans = record.get("spans")
    return isinstance(spans, list) and all(isinstance(s, dict) for s in spans)


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


def _labelstudio(task: Any) -> str | None:
    if not isinstance(task, dict):
        return None
    if isinstance(task.get("data"), dict) and any(
        k in task for k in ("annotations", "completions", "predictions")
    ):
        return "labelstudio"
    if isinstance(task.get("text"), str) and "data" not in task:
        for key, value in task.items():
            if key != "text" and isinstance(value, list) and value:
                if all(isinstance(r, dict) and "labels" in r and "start" in r for r in value):
                    return "labelstudio"
    return None
