"""Native JSON Lines export: one article per line, every stored field, nothing lost.

Line layout::

    {"uid", "title", "outlet", "byline", "url", "published", "updated", "text", "meta",
     "spans": [{"id", "start", "end", "label", "text", "annotator", "attrs", "note",
                "origin", "created", "updated"}],
     "doc_labels": [{"annotator", "label"}],
     "status": {annotator: status}}

Offsets are code points into "text", half-open. "meta" is the article's import metadata.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import orjson

from annotator.export.atomic import atomic_write
from annotator.export.selection import ExportItem

_CHUNK = 1 << 20  # bytes buffered before each write


def item_record(item: ExportItem) -> dict[str, object]:
    """The JSON-ready dict of one item (the line written for it)."""
    a = item.article
    return {
        "uid": a.uid,
        "title": a.title,
        "outlet": a.outlet,
        "byline": a.byline,
        "url": a.url,
        "published": a.published,
        "updated": a.updated,
        "text": a.text,
        "meta": a.meta,
        "spans": [
            {
                "id": s.id,
                "start": s.start,
                "end": s.end,
                "label": s.label,
                "text": s.text,
                "annotator": s.annotator,
                "attrs": s.attrs,
                "note": s.note,
                "origin": s.origin,
                "created": s.created,
                "updated": s.updated,
            }
            for s in item.spans
        ],
        "doc_labels": [{"annotator": n, "label": lab} for n, lab in item.doc_labels],
        "status": item.status,
    }


def write(
    items: Iterable[ExportItem], path: Path, progress: Callable[[int], None] | None = None
) -> int:
    """Write `items` as JSON Lines to `path` (atomically); return the number of spans.

    `progress` is called with the number of articles written so far.
    """
    dumps = orjson.dumps
    newline = orjson.OPT_APPEND_NEWLINE
    spans = 0
    buffer: list[bytes] = []
    size = 0
    with atomic_write(path, "wb") as out:
        for done, item in enumerate(items, 1):
            line = dumps(item_record(item), option=newline)
            buffer.append(line)
            size += len(line)
            spans += len(item.spans)
            if size >= _CHUNK:
                out.write(b"".join(buffer))
                buffer.clear()
                size = 0
            if progress is not None:
                progress(done)
        out.write(b"".join(buffer))
    return spans
