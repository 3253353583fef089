"""spaCy / Prodigy style span export (JSONL, one article per line). Written only.

Line layout::

    {"text": ..., "spans": [{"start", "end", "label"}],
     "meta": {"uid", "title", "outlet", "published", "url"},
     "relations": [{"head_span": {"start", "end", "label"},
                    "child_span": {"start", "end", "label"}, "label": TYPE}]}

"relations" (only on lines with any) follows Prodigy's relations layout without its token
indexes (we keep no tokens): each end is given by its span's offsets and label, as in
"spans".

Offsets are character (code point) offsets into "text", half-open, as `Doc.char_span` expects.
Spans of all exported annotators are merged; they may overlap, so load them into
`doc.spans[key]`, not `doc.ents`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from annotator.export.lines import article_meta, write_lines
from annotator.export.selection import ExportItem


def _record(item: ExportItem) -> dict[str, Any]:
    spans = {s.id: {"start": s.start, "end": s.end, "label": s.label} for s in item.spans}
    record: dict[str, Any] = {
        "text": item.article.text,
        "spans": list(spans.values()),
        "meta": article_meta(item.article),
    }
    if item.relations:
        record["relations"] = [
            {"head_span": spans[r.head], "child_span": spans[r.tail], "label": r.type}
            for r in item.relations
        ]
    return record


def write(
    items: Iterable[ExportItem], path: Path, progress: Callable[[int], None] | None = None
) -> int:
    """Write `items` as spaCy-style JSONL to `path` (atomically); return the number of spans."""
    return write_lines(items, path, _record, progress)
