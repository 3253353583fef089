"""Exporters of the labelled dataset: pure functions from export items to files.

Every format module has `write(items, path, progress=None) -> int` (spans written); offsets
are always code points into the exported text, half-open. Files are written atomically.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from annotator.export import brat, conll, csv_rows, doccano, jsonl, labelstudio, spacy
from annotator.export.selection import ExportFilter, ExportItem, iter_export_items
from annotator.store import Store

Writer = Callable[..., int]

FORMATS: dict[str, Writer] = {
    "jsonl": jsonl.write,
    "csv": csv_rows.write,
    "doccano": doccano.write,
    "labelstudio": labelstudio.write,
    "brat": brat.write,
    "conll": conll.write,
    "spacy": spacy.write,
}

# Usual file name endings per format ("" = a folder; brat also accepts ".zip").
EXTENSIONS: dict[str, str] = {
    "jsonl": ".jsonl",
    "csv": ".csv",
    "doccano": ".jsonl",
    "labelstudio": ".json",
    "brat": "",
    "conll": ".conll",
    "spacy": ".jsonl",
}

__all__ = ["EXTENSIONS", "FORMATS", "ExportFilter", "ExportItem", "export", "iter_export_items"]


def export(
    store: Store,
    fmt: str,
    path: str | Path,
    flt: ExportFilter | None = None,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Export the articles of `store` that pass `flt` as `fmt` to `path`; spans written.

    `progress` is called with the number of articles written so far.
    """
    try:
        writer = FORMATS[fmt]
    except KeyError:
        raise ValueError(f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}") from None
    return writer(iter_export_items(store, flt or ExportFilter()), Path(path), progress)
