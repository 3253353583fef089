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
from typing import Any

from annotator.export.lines import article_meta, write_lines
from annotator.export.selection import ExportItem


def _record(item: ExportItem) -> dict[str, Any]:
    return {
        "text": item.article.text,
        "label": [[s.start, s.end, s.label] for s in item.spans],
        **article_meta(item.article),
        "annotators": sorted({s.annotator for s in item.spans}),
    }


def write(
    items: Iterable[ExportItem], path: Path, progress: Callable[[int], None] | None = None
) -> int:
    """Write `items` as doccano JSONL to `path` (atomically); return the number of spans."""
    return write_lines(items, path, _record, progress)
