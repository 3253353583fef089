"""Write one JSON object per article as JSON Lines (shared by the line-based formats)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import orjson

from annotator.export.atomic import atomic_write
from annotator.export.selection import ExportItem
from annotator.models import Article


def article_meta(article: Article) -> dict[str, Any]:
    """The article fields other tools keep beside the text."""
    return {
        "uid": article.uid,
        "title": article.title,
        "outlet": article.outlet,
        "published": article.published,
        "url": article.url,
    }


def write_lines(
    items: Iterable[ExportItem],
    path: Path,
    record_of: Callable[[ExportItem], dict[str, Any]],
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write `record_of(item)` per line to `path` (atomically); return the number of spans."""
    count = 0
    with atomic_write(path, "wb") as out:
        for done, item in enumerate(items, 1):
            out.write(orjson.dumps(record_of(item), option=orjson.OPT_APPEND_NEWLINE))
            count += len(item.spans)
            if progress is not None:
                progress(done)
    return count
