"""Read a JSON records file in any layout doccano writes or accepts, a record at a time.

Shared by the readers of our JSONL export (`formats.jsonl`) and of doccano
(`formats.doccano`): `parse_records` cuts the text into records, parses each and hands it to
the format's record reader, within the input limits.

The layouts are JSON Lines (one object a line), a JSON array of records (on one line or
pretty-printed), and objects one after another (one pretty-printed object, or several, with
or without commas between them). Each record comes out as its raw text with the line it
starts on, so a damaged record is one problem with its line and the others still import.

JSON Lines is recognised by its first lines: when at least half of the first 20 non-blank
lines are whole JSON objects, the file is cut at line feeds only (`str.splitlines` would also
cut at U+2028 and the like, which JSON writers leave unescaped inside strings). Otherwise the
text is scanned token by token (strings as one token, so brackets inside them do not count)
and cut where the bracket depth returns to the top.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import orjson

from annotator.ingest import limits
from annotator.ingest.annotation_model import DocIn, Parsed, Problem, Unparseable, short
from annotator.text import DecodeError, decode_bytes

RecordReader = Callable[[dict[str, Any], int, Parsed], DocIn]
"""A format's reader of one record: (record, line, parsed) -> its document; ValueError (one
line) for a record it cannot use; counts of what is not imported go to `parsed`."""

SAMPLE_LINES = 20
_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?|[\[\]{},:]|[^\s\[\]{},:"]+')


def layout(text: str) -> str:
    """ "array", "lines" (JSON Lines) or "stream" (objects one after another)."""
    head = text.lstrip()
    if head.startswith("["):
        return "array"
    sample: list[str] = []
    start = 0
    while len(sample) < SAMPLE_LINES and start < len(head):
        end = head.find("\n", start)
        end = len(head) if end < 0 else end
        if head[start:end].strip():
            sample.append(_line(head[start:end]))
        start = end + 1
    whole = sum(1 for line in sample if _is_object(line))
    return "lines" if sample and 2 * whole >= len(sample) else "stream"


def _line(line: str) -> str:
    """A JSON Lines line without the comma some writers leave after each object."""
    return line.rstrip().removesuffix(",")


def _is_object(line: str) -> bool:
    try:
        return isinstance(orjson.loads(line), dict)
    except orjson.JSONDecodeError:
        return False


def records(text: str) -> Iterator[tuple[int, str]]:
    """(line, raw text) of each record of `text`, whatever its layout; a record that never
    closes runs to the end of the text (its parser then says why)."""
    found = layout(text)
    if found == "lines":
        for number, line in enumerate(text.split("\n"), 1):
            if line.strip():
                yield number, _line(line)
        return
    start = 0
    if found == "array":
        start = text.index("[") + 1
        stripped = text.rstrip()
        end = len(stripped) - 1 if stripped.endswith("]") and len(stripped) > start else None
        text = text[:end] if end is not None else text
    yield from _values(text, start)


def _values(text: str, pos: int) -> Iterator[tuple[int, str]]:
    """Top-level values of `text` from `pos` on (commas between them skipped)."""
    depth = 0
    begin: int | None = None
    line, counted = 1, 0
    for match in _TOKEN.finditer(text, pos):
        char = match.group()[0]
        if begin is None:
            if char == ",":
                continue
            begin = match.start()
        if char in "[{":
            depth += 1
            continue
        if char in "]}":
            depth -= 1
        if depth <= 0:
            line += text.count("\n", counted, begin)
            counted = begin
            yield line, text[begin : match.end()]
            begin, depth = None, 0
    if begin is not None:
        yield line + text.count("\n", counted, begin), text[begin:]


def read_text(path: Path) -> str:
    """The decoded text of `path`, read within the input limits."""
    data = limits.read_file(path)
    try:
        return decode_bytes(data)
    except DecodeError as exc:
        raise Unparseable(str(exc)) from None


def parse_records(text: str, name: str, read_record: RecordReader) -> Parsed:
    """Each record of `text`, in any layout `records` knows, read by `read_record`; `line` is
    where a record starts. A record that is not JSON, not an object, or that `read_record`
    refuses is a problem of its own; the limits of `limits.current()` apply."""
    parsed = Parsed()
    caps = limits.current()
    count = limits.Counter("records", caps.records)
    spans = limits.Counter("spans", caps.spans)
    for number, raw in records(text):
        count.add()
        limits.check_record(raw, f"line {number}")
        try:
            record = orjson.loads(raw)
        except orjson.JSONDecodeError as exc:
            parsed.problems.append(Problem(name, number, f"invalid JSON: {short(str(exc), 80)}"))
            continue
        if not isinstance(record, dict):
            parsed.problems.append(Problem(name, number, "record is not a JSON object"))
            continue
        try:
            doc = read_record(record, number, parsed)
        except ValueError as exc:
            parsed.problems.append(Problem(name, number, str(exc)))
            continue
        if doc.text is not None:
            limits.check_text(doc.text, f"line {number}")
        spans.add(len(doc.spans))
        parsed.docs.append(doc)
    return parsed
