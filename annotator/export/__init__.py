"""Exporters of the labelled dataset: pure functions from export items to files.

Every format module has `write(items, path, progress=None) -> int` (spans written); offsets
are always code points into the exported text, half-open. Files are written atomically.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from annotator.export import brat, conll, csv_rows, doccano, jsonl, labelstudio, spacy
from annotator.export.selection import (
    ExportFilter,
    ExportItem,
    ExportRows,
    iter_export_items,
    iter_export_rows,
)
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

# Formats written straight from the store's rows (`iter_export_rows`): same bytes, faster.
ROW_WRITERS: dict[str, Writer] = {"jsonl": jsonl.write_rows}

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

__all__ = [
    "EXTENSIONS",
    "FORMATS",
    "ExportFilter",
    "ExportItem",
    "ExportRows",
    "export",
    "iter_export_items",
    "iter_export_rows",
]


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
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}")
    flt = flt or ExportFilter()
    if fmt in ROW_WRITERS:
        return ROW_WRITERS[fmt](iter_export_rows(store, flt), Path(path), progress)
    return FORMATS[fmt](iter_export_items(store, flt), Path(path), progress)
