"""Tell annotation files (ours, doccano, Label Studio, brat) from article datasets by content.

Only the first record is looked at: the first line of a line-based file, the first task of a
JSON array (streamed, so a file of any size costs one record), or a JSON object. A plain
article dataset may carry a `label` field (a topic string): only lists of offset triples or
offset objects make a file doccano. Reading stays within the input limits (`limits`); a file
that cannot be read or parsed is simply not an annotation file here (its importer reports).
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import orjson

from annotator.ingest import limits

LINE_SUFFIXES = (".jsonl", ".ndjson")


def annotation_format(path: Path) -> str | None:
    """ "jsonl", "doccano", "labelstudio" or "brat" when `path` holds annotations, else None."""
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
        if suffix in LINE_SUFFIXES:
            return _record_format(_first_line_record(path))
        if suffix == ".json":
            first = _first_json_record(path)
            return _labelstudio(first) or _record_format(first)
    except Exception:  # noqa: BLE001 - unreadable or damaged: not recognised, its importer says why
        return None
    return None


def _first_line_record(path: Path) -> Any:
    cap = limits.current().record_bytes
    with path.open("rb") as handle:
        while raw := handle.readline(cap + 1):
            if len(raw) > cap:
                return None
            if raw.strip():
                return orjson.loads(raw.removeprefix(b"\xef\xbb\xbf"))
    return None


def _first_json_record(path: Path) -> Any:
    """The first item of a top-level JSON array, or the top-level object; None otherwise."""
    import ijson  # noqa: PLC0415 - loaded only when a .json file is looked at

    with path.open("rb") as handle:
        head = handle.read(65536).removeprefix(b"\xef\xbb\xbf")
        first = head.lstrip()[:1]
        if first not in (b"[", b"{"):
            return None
        reader = limits.CappedReader(handle, head)
        for item in ijson.items(reader, "item" if first == b"[" else "", use_float=True):
            return item
    return None


def _record_format(record: Any) -> str | None:
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        return None
    if isinstance(record.get("spans"), list):
        return "jsonl"
    for key in ("label", "labels", "entities"):
        items = record.get(key)
        if isinstance(items, list) and items and all(_offset_item(i) for i in items):
            return "doccano"
    return None


def _offset_item(item: Any) -> bool:
    if isinstance(item, list | tuple):
        return len(item) >= 3 and all(isinstance(v, int) for v in item[:2])
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
