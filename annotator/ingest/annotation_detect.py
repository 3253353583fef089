"""Tell annotation files (ours, doccano, Label Studio, brat) from article datasets by content.

Only the first record is looked at for line-based files; a JSON file is parsed whole (it is
read anyway when imported). A plain article dataset may carry a `label` field (a topic string):
only lists of offset triples or offset objects make a file doccano.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import orjson

LINE_SUFFIXES = (".jsonl", ".ndjson")
MAX_SNIFF_BYTES = 200 * 2**20


def annotation_format(path: Path) -> str | None:
    """ "jsonl", "doccano", "labelstudio" or "brat" when `path` holds annotations, else None."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".ann":
            return "brat"
        if suffix == ".zip":
            with zipfile.ZipFile(path) as archive:
                names = archive.namelist()
            return "brat" if any(n.lower().endswith(".ann") for n in names) else None
        if suffix in LINE_SUFFIXES:
            return _record_format(_first_line_record(path))
        if suffix == ".json":
            if path.stat().st_size > MAX_SNIFF_BYTES:
                return None
            data = orjson.loads(path.read_bytes().removeprefix(b"\xef\xbb\xbf"))
            first = data[0] if isinstance(data, list) and data else data
            return _labelstudio(first) or _record_format(first)
    except (OSError, ValueError, zipfile.BadZipFile):
        return None
    return None


def _first_line_record(path: Path) -> Any:
    with path.open("rb") as handle:
        for raw in handle:
            if raw.strip():
                return orjson.loads(raw.removeprefix(b"\xef\xbb\xbf"))
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
