"""The one span insert and the one range check, shared by every path that writes spans."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import orjson

from annotator.store.base import now_iso
from annotator.store.records import NewSpan
from annotator.store.tables import TABLES

# Columns of a new span row, in the order `insert_spans` takes its values: the table's, but id.
NEW_SPAN_COLUMNS = TABLES["spans"][1:]
_QUOTED = ", ".join(f'"{c}"' for c in NEW_SPAN_COLUMNS)
_INSERT = f"INSERT INTO spans ({_QUOTED}) VALUES ({', '.join('?' * len(NEW_SPAN_COLUMNS))})"
_INSERT_WITH_ID = (
    f"INSERT INTO spans (id, {_QUOTED}) VALUES ({', '.join('?' * (len(NEW_SPAN_COLUMNS) + 1))})"
)


def check_range(start: int, end: int, length: int) -> None:
    """Raise ValueError unless `[start, end)` is a non-empty range inside a text of `length`."""
    if not 0 <= start < end <= length:
        raise ValueError(f"span [{start}, {end}) outside text of length {length}")


def in_range(start: int, end: int, length: int) -> bool:
    """Whether `[start, end)` is a non-empty range inside a text of `length`."""
    return 0 <= start < end <= length


def insert_span(conn: Any, values: Sequence[Any], span_id: int | None = None) -> int:
    """Insert one span row (values in `NEW_SPAN_COLUMNS` order; with `span_id` when an undo
    puts a span back under its old id); return its id."""
    if span_id is None:
        cursor = conn.execute(_INSERT, list(values))
    else:
        cursor = conn.execute(_INSERT_WITH_ID, [span_id, *values])
    return int(cursor.lastrowid or 0)


def insert_spans(conn: Any, rows: Iterable[Sequence[Any]]) -> None:
    """Insert many span rows (each in `NEW_SPAN_COLUMNS` order) in one statement."""
    conn.executemany(_INSERT, rows)


def insert_staged_spans(conn: Any) -> int:
    """Move the staged spans of an import (`temp.stage_spans`, their articles in
    `temp.stage_records`) into the project, skipping any it already holds with the same
    annotator, label and range; return how many were inserted."""
    cursor = conn.execute(
        f"INSERT INTO spans ({_QUOTED}) SELECT r.article_id, "
        + ", ".join(f's."{c}"' for c in NEW_SPAN_COLUMNS[1:])
        + " FROM temp.stage_spans s JOIN temp.stage_records r ON r.record = s.record"
        " WHERE NOT EXISTS (SELECT 1 FROM main.spans t WHERE t.article_id ="
        ' r.article_id AND t.start = s.start AND t."end" = s."end"'
        " AND t.annotator = s.annotator AND t.label = s.label)"
        " ORDER BY r.article_id, s.start, s.rowid"
    )
    return int(cursor.rowcount)


def span_values(text: str, spans: Iterable[NewSpan]) -> list[tuple[Any, ...]]:
    """Rows for the spans table (`NEW_SPAN_COLUMNS` without the article id) of `spans` over
    `text`.

    Pure: no database, so an import can build them before it takes the write lock. Each range
    is checked (`ValueError` for the first bad one); `created` None means now and `updated`
    None means `created`.
    """
    stamp = now_iso()
    dumps = orjson.dumps
    sort_keys = orjson.OPT_SORT_KEYS
    length = len(text)
    values = []
    for who, label, start, end, attrs, note, origin, made, changed in spans:
        if not 0 <= start < end <= length:  # `check_range`, its usual answer inlined
            check_range(start, end, length)
        values.append((
            who, label, start, end, text[start:end],
            dumps(attrs, option=sort_keys).decode() if attrs else "{}",
            note, origin, made or stamp, changed or made or stamp,
        ))  # fmt: skip
    return values
