"""Export the labelled dataset: which articles and spans (`selection`), then the format
table's writer (`formats.registry`), written atomically (`atomic`).

Every writer is `write(items, path, progress=None) -> int` (spans written); offsets are
always code points into the exported text, half-open. The writers live with their readers in
`annotator.formats`; this package keeps what all of them share: the selection, the atomic
file and folder writes, and the line writer of the JSON Lines formats (`lines`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from annotator.export.selection import (
    ExportFilter,
    ExportItem,
    ExportRows,
    iter_export_items,
    iter_export_rows,
)
from annotator.formats.registry import OUTPUT_FORMATS, export_names, output_format
from annotator.store import Store

Writer = Callable[..., int]


class _Writers(Mapping[str, Writer]):
    """Format name -> writer, for the formats the table writes; a writer's module is imported
    when it is first looked up (the writers import this package's plumbing)."""

    def __init__(self, row_writers: bool = False) -> None:
        self._rows = row_writers
        self._names = tuple(f.name for f in OUTPUT_FORMATS if not row_writers or f.row_writer)

    def __getitem__(self, name: str) -> Writer:
        if name not in self._names:
            raise KeyError(name)
        fmt = output_format(name)
        writer = fmt.load_row_writer() if self._rows else fmt.load_writer()
        if writer is None:
            raise KeyError(name)
        return writer

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


FORMATS: Mapping[str, Writer] = _Writers()

# Formats written straight from the store's rows (`iter_export_rows`): same bytes, faster.
ROW_WRITERS: Mapping[str, Writer] = _Writers(row_writers=True)

# Usual file name endings per format ("" = a folder; brat also accepts ".zip").
EXTENSIONS: dict[str, str] = {f.name: f.export_extension for f in OUTPUT_FORMATS}

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
        raise ValueError(f"unknown export format {fmt!r}; one of {', '.join(export_names())}")
    flt = flt or ExportFilter()
    if fmt in ROW_WRITERS:
        return ROW_WRITERS[fmt](iter_export_rows(store, flt), Path(path), progress)
    return FORMATS[fmt](iter_export_items(store, flt), Path(path), progress)
