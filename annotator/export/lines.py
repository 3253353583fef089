"""Write one JSON object per article as JSON Lines (shared by the line-based formats)."""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Protocol, TypeVar

import orjson

from annotator.export.atomic import atomic_write
from annotator.models import Article

CHUNK = 4 << 20  # bytes of lines gathered before each write
try:  # buffers per writev call
    _IOV_MAX = max(16, min(os.sysconf("SC_IOV_MAX"), 1024))
except (AttributeError, ValueError, OSError):  # no sysconf (Windows) or no such name
    _IOV_MAX = 16


class _HasSpans(Protocol):
    spans: list[Any]


Item = TypeVar("Item", bound=_HasSpans)


def article_meta(article: Article) -> dict[str, Any]:
    """The article fields other tools keep beside the text."""
    return {
        "uid": article.uid,
        "title": article.title,
        "outlet": article.outlet,
        "published": article.published,
        "url": article.url,
    }


class BackgroundWriter:
    """Writes chunks (lists of byte strings) to a file on a second thread, so that encoding
    the next chunk overlaps the write: one `writev` per chunk, which releases the GIL and
    needs no joined copy. Use as a context manager; a write error is raised in the caller at
    the next `write` or on leaving the block. Nothing else may write to `out` meanwhile."""

    def __init__(self, out: IO[bytes], depth: int = 2) -> None:
        out.flush()
        self._fd = out.fileno()
        self._chunks: queue.Queue[list[bytes] | None] = queue.Queue(depth)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="export-writer", daemon=True)

    def _run(self) -> None:
        while (chunk := self._chunks.get()) is not None:
            if self._error is None:  # after a failure, keep draining so `write` never blocks
                try:
                    self._writev(chunk)
                except BaseException as exc:  # noqa: BLE001 - handed to the caller
                    self._error = exc

    def _writev(self, parts: list[bytes]) -> None:
        if not hasattr(os, "writev"):  # Windows
            data = b"".join(parts)
            while data:
                data = data[os.write(self._fd, data) :]
            return
        for first in range(0, len(parts), _IOV_MAX):
            batch = parts[first : first + _IOV_MAX]
            done = os.writev(self._fd, batch)
            rest = b"".join(batch)[done:] if done < sum(map(len, batch)) else b""
            while rest:  # a short write (rare for files): finish it plainly
                rest = rest[os.write(self._fd, rest) :]

    def write(self, chunk: list[bytes]) -> None:
        """Queue `chunk` (waits while `depth` chunks are pending); the list is kept."""
        if self._error is not None:
            raise self._error
        self._chunks.put(chunk)

    def __enter__(self) -> BackgroundWriter:
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._chunks.put(None)
        self._thread.join()
        if kind is None and self._error is not None:
            raise self._error


def write_lines(
    items: Iterable[Item],
    path: Path,
    record_of: Callable[[Item], Any],
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write `record_of(item)` per line to `path` (atomically); return the number of spans.

    Lines are gathered into chunks of about `CHUNK` bytes, written on a second thread.
    """
    dumps = orjson.dumps
    newline = orjson.OPT_APPEND_NEWLINE
    count = 0
    buffer: list[bytes] = []
    size = 0
    with atomic_write(path, "wb") as out, BackgroundWriter(out) as writer:
        for done, item in enumerate(items, 1):
            line = dumps(record_of(item), option=newline)
            buffer.append(line)
            size += len(line)
            count += len(item.spans)
            if size >= CHUNK:
                writer.write(buffer)
                buffer = []
                size = 0
            if progress is not None:
                progress(done)
        writer.write(buffer)
    return count
