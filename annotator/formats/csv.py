"""CSV: written as one row per span, UTF-8 with BOM, safe against CSV injection.

CSV files are read as article datasets (`ingest.records.parse_csv`, the format table's
reader); the span rows written here are for spreadsheets and are not read back as spans.

Columns: uid, title, published, annotator, label, start, end, text, one `attr_<key>` column per
attribute key seen in the export (lists joined with "; "), note, sentence. The sentence is the
text around the span between sentence ends (danda, ?, !, newline), trimmed.

Any text cell starting with = + - @ TAB or CR gets a leading apostrophe so spreadsheet programs
do not run it as a formula; numbers (start, end) are written as they are.
"""

from __future__ import annotations

import bisect
import csv
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

import orjson
import regex

from annotator.export.atomic import atomic_write
from annotator.export.selection import ExportItem, ExportRows, Selection

_DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
_SENTENCE_END = regex.compile(r"[\u0964\u0965?!\n]")
BASE_COLUMNS = ("uid", "title", "published", "annotator", "label", "start", "end", "text")
_CACHE_LIMIT = 4096  # distinct attrs texts whose cells are remembered while writing
T = TypeVar("T")


def safe_cell(value: str) -> str:
    """Neutralise a text cell that a spreadsheet would read as a formula."""
    return "'" + value if value.startswith(_DANGEROUS) else value


def attr_cell(value: Any) -> str:
    """One attribute value as cell text: lists joined with "; ", objects as JSON."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(attr_cell(v) for v in value)
    if isinstance(value, dict):
        return orjson.dumps(value).decode()
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def sentence_ends(text: str) -> list[int]:
    """Offsets just after every sentence terminator of `text`."""
    return [m.end() for m in _SENTENCE_END.finditer(text)]


def sentence_around(text: str, ends: list[int], start: int, end: int) -> str:
    """The sentence(s) containing `[start, end)`, trimmed; `ends` from `sentence_ends`."""
    i = bisect.bisect_right(ends, start)
    lo = ends[i - 1] if i else 0
    j = bisect.bisect_left(ends, end)
    hi = ends[j] if j < len(ends) else len(text)
    return text[lo:hi].strip()


def write(
    items: Iterable[ExportItem], path: Path, progress: Callable[[int], None] | None = None
) -> int:
    """Write one row per span of `items` to `path` (atomically); return the number of rows.

    The attribute columns must be known before the header: a `Selection` (what `export`
    passes) names them with one query and the items then stream; other iterables are listed
    first. `progress` is called with the number of articles written so far.
    """
    keys, items = _attribute_keys(items, lambda item: (k for s in item.spans for k in s.attrs))
    count = 0
    with atomic_write(path, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(header(keys))
        for done, item in enumerate(items, 1):
            a = item.article
            ends = sentence_ends(a.text) if item.spans else []
            head = [safe_cell(a.uid), safe_cell(a.title), safe_cell(a.published or "")]
            for s in item.spans:
                writer.writerow(
                    [
                        *head,
                        safe_cell(s.annotator),
                        safe_cell(s.label),
                        s.start,
                        s.end,
                        safe_cell(s.text),
                        *(safe_cell(attr_cell(s.attrs.get(k))) for k in keys),
                        safe_cell(s.note),
                        safe_cell(sentence_around(a.text, ends, s.start, s.end)),
                    ]
                )
                count += 1
            if progress is not None:
                progress(done)
    return count


def write_rows(
    rows: Iterable[ExportRows], path: Path, progress: Callable[[int], None] | None = None
) -> int:
    """`write` for plain store rows (`selection.iter_export_rows`): the same bytes, faster.

    Span attributes are JSON text that mostly repeats, so the cells of each distinct text are
    made once (a bounded cache)."""
    keys, rows = _attribute_keys(rows, lambda item: (k for s in item.spans for k in _attrs(s[7])))
    cells: dict[str, list[str]] = {}

    def attr_cells(text: str) -> list[str]:
        found = cells.get(text)
        if found is None:
            if len(cells) >= _CACHE_LIMIT:
                cells.clear()
            attrs = _attrs(text)
            found = cells[text] = [safe_cell(attr_cell(attrs.get(k))) for k in keys]
        return found

    count = 0
    with atomic_write(path, "w", encoding="utf-8-sig", newline="") as out:
        writerow = csv.writer(out).writerow
        writerow(header(keys))
        for done, item in enumerate(rows, 1):
            _, uid, title, _, _, _, published, _, text, _ = item.article
            ends = sentence_ends(text) if item.spans else []
            head = [safe_cell(uid), safe_cell(title), safe_cell(published or "")]
            for _, _, who, label, start, end, covered, attrs, note, *_ in item.spans:
                writerow([*head, safe_cell(who), safe_cell(label), start, end, safe_cell(covered),
                          *attr_cells(attrs), safe_cell(note),
                          safe_cell(sentence_around(text, ends, start, end))])  # fmt: skip
            count += len(item.spans)
            if progress is not None:
                progress(done)
    return count


def header(keys: list[str]) -> list[str]:
    """The header row for these attribute names."""
    return [*BASE_COLUMNS, *(f"attr_{k}" for k in keys), "note", "sentence"]


def _attribute_keys(
    items: Iterable[T], keys_of: Callable[[T], Iterable[str]]
) -> tuple[list[str], Iterable[T]]:
    """The sorted attribute names of `items` and the items to write: asked of a `Selection`
    (one query), else found by listing them."""
    if isinstance(items, Selection):
        return items.attribute_keys(), items
    listed = list(items)
    return sorted({k for item in listed for k in keys_of(item)}), listed


def _attrs(text: str) -> dict[str, Any]:
    value = orjson.loads(text) if text and text != "{}" else {}
    return value if isinstance(value, dict) else {}
