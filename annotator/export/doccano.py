"""doccano sequence-labelling export (JSONL, one article per line).

Line layout::

    {"text": ..., "label": [[start, end, "LABEL"], ...], "uid", "title", "outlet",
     "published", "url", "annotators": [names...]}

doccano keeps keys other than "text" and "label" as document metadata. Offsets are code points
(Python string indices) into "text", half-open; spans of all exported annotators are merged
(doccano's label triples carry no annotator: filter by annotator for one layer).
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
    """Write `items` as doccano JSONL to `path` (atomically); return the number of spans."""
    count = 0
    with atomic_write(path, "wb") as out:
        for done, item in enumerate(items, 1):
            a = item.article
            record = {
                "text": a.text,
                "label": [[s.start, s.end, s.label] for s in item.spans],
                "uid": a.uid,
                "title": a.title,
                "outlet": a.outlet,
                "published": a.published,
                "url": a.url,
                "annotators": sorted({s.annotator for s in item.spans}),
            }
            out.write(orjson.dumps(record, option=orjson.OPT_APPEND_NEWLINE))
            count += len(item.spans)
            if progress is not None:
                progress(done)
    return count
