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
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import orjson

from annotator.ingest import limits
from annotator.ingest.annotation_model import DocIn, Parsed, Problem, Unparseable, short
from annotator.text import DecodeError, decode_bytes, looks_binary, utf8_error

RecordReader = Callable[[dict[str, Any], int, Parsed], DocIn]
"""A format's reader of one record: (record, line, parsed) -> its document; ValueError (one
line) for a record it cannot use; counts of what is not imported go to `parsed`."""

SAMPLE_LINES = 20
HEAD_BYTES = 65536  # read first: BOM, binary content, the encoding a message names
CHUNK_BYTES = 1 << 20  # read at a time after the head
_UTF8_BOM = b"\xef\xbb\xbf"
_WIDE_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")
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


class RecordFile:
    """The records of a file, as `records` gives them for its decoded text, read lazily.

    A UTF-8 JSON Lines file (the usual case, and our own export) is read a chunk at a time:
    memory does not grow with the file. Its records come out as bytes when a line ends in
    `}` (orjson parses them as they are), else as decoded text; `undecodable` then says
    whether the bytes of the record just given were valid UTF-8. Other layouts and encodings
    are decoded whole (`read_text`). The input limits apply as the bytes are read; a file
    that cannot be read or decoded raises `Unparseable` or `IngestError` while iterating.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._bom = False
        self._head = b""
        self._size = 0
        self._offset = 0  # where the record given last starts, and whether a LF ends it
        self._newline = False

    def __iter__(self) -> Iterator[tuple[int, str | bytes]]:
        with limits.CappedFile(self.path) as handle:
            self._size = handle.size
            head = handle.read(HEAD_BYTES)
            if not head:
                raise Unparseable("empty file")
            self._bom = head.startswith(_UTF8_BOM)
            if head.startswith(_WIDE_BOMS) or (not self._bom and looks_binary(head)):
                yield from records(read_text(self.path))  # its decode error, or UTF-16/32
                return
            self._head = head
            lines = _lines(head, handle, len(_UTF8_BOM) if self._bom else 0)
            sample: list[tuple[int, bytes, bool, str]] = []
            filled = 0
            for offset, raw, newline in lines:
                line = self._decoded(offset, raw, newline)
                sample.append((offset, raw, newline, line))
                filled += bool(line.strip())
                if filled >= SAMPLE_LINES:
                    break
            if layout("\n".join(text for *_, text in sample)) != "lines":
                yield from records(read_text(self.path))
                return
            number = 0
            for offset, _, newline, line in sample:
                number += 1
                if line.strip():
                    self._offset, self._newline = offset, newline
                    yield number, _line(line)
            for offset, raw, newline in lines:
                number += 1
                stripped = raw.rstrip()
                self._offset, self._newline = offset, newline
                if stripped.endswith(b"}"):  # as `_line` would cut it; UTF-8 checked by orjson
                    yield number, stripped
                    continue
                line = self._decoded(offset, raw, newline)
                if line.strip():
                    yield number, _line(line)

    def _decoded(self, offset: int, raw: bytes, newline: bool) -> str:
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            raise self._failure(offset, raw, newline) from None

    def _failure(self, offset: int, raw: bytes, newline: bool) -> Unparseable:
        """Why the file cannot be read: the bytes at `offset` are not UTF-8 (the message
        `decode_bytes` gives for the whole file)."""
        try:  # with the LF after it, as the whole file's decoder sees the line
            (raw + b"\n" * newline).decode("utf-8")
        except UnicodeDecodeError as exc:
            return Unparseable(str(utf8_error(exc, offset, self._size, self._head, self._bom)))
        return Unparseable(f"not valid UTF-8 at byte {offset}")  # pragma: no cover

    def undecodable(self, raw: str | bytes) -> Unparseable | None:
        """The file's failure when `raw` (the record given last) is bytes that are not UTF-8."""
        if isinstance(raw, str):
            return None
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            return self._failure(self._offset, raw, self._newline)
        return None


def _lines(head: bytes, handle: limits.CappedFile, skip: int) -> Iterator[tuple[int, bytes, bool]]:
    """(offset, bytes, ends with LF) of each line of the file whose first bytes are `head`
    and whose rest `handle` gives, cut at LF only, from byte `skip` on."""
    pending: list[bytes] = []
    offset = skip
    chunk = head[skip:]
    while chunk:
        pieces = chunk.split(b"\n")
        if len(pieces) > 1:
            first = b"".join((*pending, pieces[0])) if pending else pieces[0]
            pending = []
            yield offset, first, True
            offset += len(first) + 1
            for piece in pieces[1:-1]:
                yield offset, piece, True
                offset += len(piece) + 1
        pending.append(pieces[-1])
        chunk = handle.read(CHUNK_BYTES)
    last = b"".join(pending)
    if last:
        yield offset, last, False


def parse_records(
    raws: Iterable[tuple[int, str | bytes]] | str, name: str, read_record: RecordReader
) -> Parsed:
    """Each record of `raws` (what `records` or a `RecordFile` gives; a text is cut by
    `records`), read by `read_record`; `line` is where a record starts. A record that is not
    JSON, not an object, or that `read_record` refuses is a problem of its own; the limits of
    `limits.current()` apply.

    The documents are read lazily: `docs` is an iterator, and `problems` is complete once it
    has been run to the end. A file that cannot be read raises while iterating.
    """
    parsed = Parsed()
    parsed.docs = _docs(records(raws) if isinstance(raws, str) else raws, name, read_record, parsed)
    return parsed


def parse_file(path: Path, name: str, read_record: RecordReader) -> Parsed:
    """`parse_records` of the file at `path`, read as it is parsed (`RecordFile`)."""
    return parse_records(RecordFile(path), name, read_record)


def _docs(
    raws: Iterable[tuple[int, str | bytes]], name: str, read_record: RecordReader, parsed: Parsed
) -> Iterator[DocIn]:
    caps = limits.current()
    count = limits.Counter("records", caps.records)
    spans = limits.Counter("spans", caps.spans)
    undecodable = raws.undecodable if isinstance(raws, RecordFile) else None
    loads, decode_error = orjson.loads, orjson.JSONDecodeError
    for number, raw in raws:
        count.add()
        limits.check_record(raw, f"line {number}")
        try:
            record = loads(raw)
        except decode_error as exc:
            failure = undecodable(raw) if undecodable is not None else None
            if failure is not None:
                raise failure from None
            if isinstance(raw, bytes):  # the message for the text, as for any other line
                exc = _json_error(raw.decode("utf-8")) or exc
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
        yield doc


def _json_error(text: str) -> orjson.JSONDecodeError | None:
    try:
        orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        return exc
    return None
