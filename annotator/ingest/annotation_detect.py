"""Tell annotation files (ours, doccano, Label Studio, brat) from article datasets by content.

A few records are looked at (up to `SAMPLE`): the first lines of a JSON Lines file, the
first items of a JSON array or the first objects of a pretty-printed or concatenated file
(streamed, so a file of any size costs a few records), or a JSON object. Each format module
says what its files look like (`looks_like` in `formats.brat`, `formats.labelstudio`,
`formats.jsonl`, `formats.doccano`); this module samples the file and asks them in that
order. Reading stays within the input limits (`limits`); a file that cannot be read or
parsed is simply not an annotation file here (its importer reports).
"""

from __future__ import annotations

from itertools import islice
from pathlib import Path
from typing import Any

import orjson

from annotator.ingest import limits

LINE_SUFFIXES = (".jsonl", ".ndjson")


SAMPLE = 20


def annotation_format(path: Path, field_map: dict[str, str] | None = None) -> str | None:
    """ "jsonl", "doccano", "labelstudio" or "brat" when `path` holds annotations, else None.

    `field_map` names doccano's text and label columns, as for `import_annotations`.
    """
    # The format modules (readers and writers) load when a file is first looked at, not
    # when the command line starts.
    from annotator.formats import brat, labelstudio  # noqa: PLC0415

    suffix = path.suffix.lower()
    try:
        if brat.looks_like(path):
            return "brat"
        if not path.is_file():
            return None
        if suffix in LINE_SUFFIXES or suffix == ".json":
            sample = _sample(path)
            if sample and suffix == ".json" and labelstudio.looks_like(sample[0]):
                return "labelstudio"
            return _records_format(sample, field_map)
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
    """ "jsonl" when most records are ours, "doccano" when the records look like doccano's,
    else None (an article dataset)."""
    from annotator.formats import doccano, jsonl  # noqa: PLC0415 - see annotation_format

    text_keys, label_keys = doccano.columns(field_map)
    records = [r for r in sample if isinstance(r, dict) and _has_text(r, text_keys)]
    if not records:
        return None
    if 2 * sum(1 for r in records if jsonl.looks_like(r)) >= len(records):
        return "jsonl"
    return "doccano" if doccano.looks_like(records, label_keys) else None


def _has_text(record: dict[str, Any], keys: tuple[str, ...]) -> bool:
    return any(isinstance(record.get(k), str) for k in keys)
