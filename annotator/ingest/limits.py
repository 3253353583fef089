"""The one set of input limits every importer applies while it reads, each refusal one line.

A file over a limit imports nothing: the importers check as they read (bytes in chunks, zip
members by declared and by real size, records and spans as they are parsed), so a refusal
comes before the file's content is built in memory, and the store is never touched. The
defaults are in `docs/limits.md`; tests and callers with other needs use `use_limits`.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from itertools import accumulate
from pathlib import Path
from typing import IO, Any

from annotator.ingest.errors import IngestError

MiB = 1 << 20
MAX_JSON_DEPTH = 1024  # what orjson accepts; a streaming parser is held to the same
_CHUNK = MiB
_ESCAPED = re.compile(rb"\\.", re.DOTALL)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_STEP = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}


@dataclass(frozen=True)
class Limits:
    """Upper bounds on one input file; every importer reads them through `current()`.

    Attributes:
        file_bytes: bytes of one input file, after decompression (a zip: all members read).
        article_bytes: UTF-8 bytes of one article's text after decoding (a page, a record's
            text, a CSV cell, a brat .txt, a colleague's article).
        record_bytes: bytes of one record as written (a JSON Lines line, a JSON array item,
            a Label Studio task, a CSV row).
        records: records in one file (articles, lines, tasks, rows, brat documents).
        spans: spans (annotation results) in one file.
        project_bytes: bytes of a colleague's project database file.
    """

    file_bytes: int = 256 * MiB
    article_bytes: int = 20 * MiB
    record_bytes: int = 64 * MiB
    records: int = 100_000
    spans: int = 1_000_000
    project_bytes: int = 1024 * MiB


DEFAULT = Limits()
_state = threading.local()


class LimitError(IngestError):
    """An input is over one of the limits; str(exc) is one line naming the limit."""


def current() -> Limits:
    """The limits in force on this thread (DEFAULT unless inside `use_limits`)."""
    return getattr(_state, "limits", DEFAULT)


@contextmanager
def use_limits(limits: Limits | None = None, **changes: int) -> Iterator[Limits]:
    """Apply `limits` (or the current ones with `changes`) on this thread within the block."""
    chosen = replace(limits or current(), **changes)
    previous = getattr(_state, "limits", None)
    _state.limits = chosen
    try:
        yield chosen
    finally:
        if previous is None:
            del _state.limits
        else:
            _state.limits = previous


def size(n: float) -> str:
    """A byte count for a message: '20 MB', '1.5 MB', '300 KB', '12 bytes'."""
    if n >= 10 * MiB:
        return f"{n / MiB:.0f} MB"
    if n >= MiB:
        return f"{n / MiB:.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.0f} KB"
    return f"{int(n)} bytes"


def too_large(what: str, found: float | None, limit: int) -> LimitError:
    """'WHAT too large (N MB; limit L MB)', or 'WHAT too large (over L MB)' when N is unknown."""
    amount = f"{size(found)}; limit {size(limit)}" if found is not None else f"over {size(limit)}"
    return LimitError(f"{what} too large ({amount})")


def too_many(what: str, limit: int, per: str = "per file") -> LimitError:
    """'more than N WHAT (the limit per file); split it' for a count limit."""
    return LimitError(f"more than {limit:,} {what} (the limit {per}); split the file")


def read_capped(handle: IO[bytes], limit: int, what: str = "file") -> bytes:
    """All bytes of `handle`, read in chunks; LimitError as soon as they pass `limit`."""
    parts: list[bytes] = []
    total = 0
    while chunk := handle.read(min(_CHUNK, limit + 1 - total) or 1):
        total += len(chunk)
        if total > limit:
            raise too_large(what, None, limit)
        parts.append(chunk)
    return b"".join(parts)


def read_file(path: Path, limit: int | None = None, what: str = "file") -> bytes:
    """The bytes of a regular file of at most `limit` (default: file_bytes), read capped.

    Raises IngestError (one line) when it is missing, not a regular file, unreadable, or over
    the limit by its size or by what reading it gives (it may grow, or lie: a FIFO, /proc).
    """
    cap = current().file_bytes if limit is None else limit
    try:
        if not path.is_file():
            raise IngestError("no such file" if not path.exists() else "not a regular file")
        found = path.stat().st_size
        if found > cap:
            raise too_large(what, found, cap)
        with path.open("rb") as handle:
            return read_capped(handle, cap, what)
    except OSError as exc:
        raise IngestError(f"cannot read: {exc.strerror or exc}") from None


class CappedFile:
    """A regular file open for reading in pieces within the file limit: the checks of
    `read_file` when it opens (IngestError), then LimitError as soon as the bytes read pass
    the limit (the file may grow) and IngestError for a failing read. A context manager."""

    def __init__(self, path: Path, limit: int | None = None, what: str = "file") -> None:
        self.cap = current().file_bytes if limit is None else limit
        self.what = what
        self.total = 0
        try:
            if not path.is_file():
                raise IngestError("no such file" if not path.exists() else "not a regular file")
            self.size = path.stat().st_size
            if self.size > self.cap:
                raise too_large(what, self.size, self.cap)
            self._handle = path.open("rb")
        except OSError as exc:
            raise IngestError(f"cannot read: {exc.strerror or exc}") from None

    def read(self, n: int) -> bytes:
        """Up to `n` more bytes (b"" at the end)."""
        try:
            chunk = self._handle.read(n)
        except OSError as exc:
            raise IngestError(f"cannot read: {exc.strerror or exc}") from None
        self.total += len(chunk)
        if self.total > self.cap:
            raise too_large(self.what, None, self.cap)
        return chunk

    def close(self) -> None:
        """Close the file."""
        self._handle.close()

    def __enter__(self) -> CappedFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def check_text(text: str, where: str = "") -> None:
    """LimitError when `text` (one article) is over article_bytes in UTF-8."""
    cap = current().article_bytes
    if len(text) <= cap // 4:  # at most 4 UTF-8 bytes per code point: surely within
        return
    found = len(text.encode("utf-8", "surrogatepass"))
    if found > cap:
        prefix = f"{where}: " if where else ""
        raise too_large(f"{prefix}article text", found, cap)


def check_record(raw: str | bytes, where: str = "") -> None:
    """LimitError when one record as written (a line, a row) is over record_bytes."""
    cap = current().record_bytes
    if len(raw) <= cap // 4:
        return
    found = len(raw) if isinstance(raw, bytes) else len(raw.encode("utf-8", "surrogatepass"))
    if found > cap:
        prefix = f"{where}: " if where else ""
        raise too_large(f"{prefix}record", found, cap)


class Counter:
    """Counts records or spans of one file as they are parsed; LimitError past the limit."""

    def __init__(self, what: str, limit: int) -> None:
        self.what = what
        self.limit = limit
        self.count = 0

    def add(self, n: int = 1) -> None:
        """Count `n` more; raise once the total passes the limit."""
        self.count += n
        if self.count > self.limit:
            raise too_many(self.what, self.limit)


class Budget:
    """Bytes one input may still expand to (a zip's members share the file_bytes limit)."""

    def __init__(self, limit: int, what: str = "file (expanded)") -> None:
        self.limit = limit
        self.left = limit
        self.what = what

    def take(self, n: int) -> None:
        """Spend `n` bytes; LimitError when the input as a whole passes the limit."""
        self.left -= n
        if self.left < 0:
            raise too_large(self.what, None, self.limit)


def read_member(archive: Any, info: Any, limit: int, budget: Budget, what: str) -> bytes:
    """The bytes of one zip member, checked by its declared size, then read in chunks and
    checked by its real size (headers can lie): LimitError past `limit` or the budget."""
    if info.file_size > limit:
        raise too_large(what, info.file_size, limit)
    if info.file_size > budget.left:
        raise too_large(budget.what, None, budget.limit)
    parts: list[bytes] = []
    total = 0
    with archive.open(info) as handle:
        while chunk := handle.read(_CHUNK):
            total += len(chunk)
            if total > limit:
                raise too_large(what, None, limit)
            budget.take(len(chunk))
            parts.append(chunk)
    return b"".join(parts)


class CappedReader:
    """A binary file wrapper for streaming parsers: LimitError once one record (the bytes
    read since `mark()`) passes record_bytes, the whole file passes file_bytes, or the JSON
    nests deeper than MAX_JSON_DEPTH (a streaming parser's memory grows with the square of
    the depth). `head` is bytes already read from `handle`, given out first."""

    def __init__(self, handle: IO[bytes], head: bytes = b"", limits: Limits | None = None) -> None:
        self.handle = handle
        self.head = head
        self.limits = limits or current()
        self.total = 0
        self.since_mark = 0
        self._depth = _DepthGuard()

    def mark(self) -> None:
        """A record ended: start counting the next one."""
        self.since_mark = 0

    def read(self, n: int = -1) -> bytes:
        """Read like the wrapped file, counting."""
        want = _CHUNK if n is None or n < 0 else n
        if self.head:
            chunk, self.head = self.head[:want], self.head[want:]
        else:
            chunk = self.handle.read(want)
        self.total += len(chunk)
        self.since_mark += len(chunk)
        if self.total > self.limits.file_bytes:
            raise too_large("file", None, self.limits.file_bytes)
        # One buffer of slack: the parser reads ahead past the end of the record it yields.
        if self.since_mark > self.limits.record_bytes + 2 * _CHUNK:
            raise too_large("one record", None, self.limits.record_bytes)
        self._depth.feed(chunk)
        return chunk


class _DepthGuard:
    """Tracks the nesting depth of a JSON byte stream chunk by chunk, at C speed: escapes
    are dropped, strings cut out at their quotes, and the brackets left are summed."""

    def __init__(self) -> None:
        self.depth = 0
        self.in_string = False
        self.carry = b""

    def feed(self, chunk: bytes) -> None:
        """Account for the next bytes; LimitError when they nest past MAX_JSON_DEPTH."""
        data = self.carry + chunk
        run = len(data) - len(data.rstrip(b"\\"))
        if run % 2:  # a backslash escaping the first byte of the next chunk
            data, self.carry = data[:-1], data[-1:]
        else:
            self.carry = b""
        parts = _ESCAPED.sub(b"", data).split(b'"')
        outside = b"".join(parts[1::2] if self.in_string else parts[0::2])
        if len(parts) % 2 == 0:
            self.in_string = not self.in_string
        brackets = outside.translate(None, _NOT_BRACKETS)
        if not brackets:
            return
        depths = list(accumulate(map(_STEP.__getitem__, brackets), initial=self.depth))
        if max(depths) > MAX_JSON_DEPTH:
            raise LimitError(f"JSON nested too deeply (over {MAX_JSON_DEPTH:,} levels)")
        self.depth = depths[-1]
