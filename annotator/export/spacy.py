"""spaCy / Prodigy style span export (JSONL, one article per line).

Line layout::

    {"text": ..., "spans": [{"start", "end", "label"}],
     "meta": {"uid", "title", "outlet", "published", "url"}}

Offsets are character (code point) offsets into "text", half-open, as `Doc.char_span` expects.
Spans of all exported annotators are merged; they may overlap, so load them into
`doc.spans[key]`, not `doc.ents`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import orjson

from annotator.export.atomic import atomic_write
from annotator.export.selection import ExportItem


def write(
    items: Iterable[ExportItem], path: Path, progress: Callable[[int], None] | None = None
) -> int:
    """Write `items` as spaCy-style JSONL to `path` (atomically); return the number of spans."""
    count = 0
    with atomic_write(path, "wb") as out:
        for done, item in enumerate(items, 1):
            a = item.article
            record = {
                "text": a.text,
                "spans": [{"start": s.start, "end": s.end, "label": s.label} for s in item.spans],
                "meta": {
                    "uid": a.uid,
                    "title": a.title,
                    "outlet": a.outlet,
                    "published": a.published,
                    "url": a.url,
                },
            }
            out.write(orjson.dumps(record, option=orjson.OPT_APPEND_NEWLINE))
            count += len(item.spans)
            if progress is not None:
                progress(done)
    return count
