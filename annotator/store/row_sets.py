"""Exact copies of stored rows and the one way to put them back: how review and scheme
actions undo themselves.

An action reads the rows it may touch (`read`) before and after it runs; `changed` keeps only
the rows that differ, as they were and as they are. Undo swaps the second set for the first,
redo the first for the second (`swap`), checking first that the database still holds exactly
the rows being replaced, so an undo never overwrites what another window or program wrote
since.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from annotator.store.span_rows import insert_span
from annotator.store.tables import PRIMARY_KEYS, TABLES

KEYS = PRIMARY_KEYS

# What the rows of each table are, for a message.
NAMES = {
    "spans": "the gold spans",
    "review_decisions": "the review decisions",
    "review_status": "the review status",
    "comments": "the comments",
    "labels": "the label scheme",
    "relations": "the relations",
    "relation_types": "the relation types",
    "actors": "the actor register",
}

Row = tuple[Any, ...]


class StaleRowsError(ValueError):
    """The rows an undo or redo would replace are no longer as they were; nothing changed."""


@dataclass(frozen=True)
class TableRows:
    """Whole rows of one table (values in `columns` order), by primary key."""

    table: str
    columns: tuple[str, ...]
    rows: Mapping[Row, Row] = field(default_factory=dict)


@dataclass(frozen=True)
class Rows:
    """Whole rows of a few tables: a copy to compare with or to put back."""

    tables: tuple[TableRows, ...] = ()

    def __bool__(self) -> bool:
        return any(t.rows for t in self.tables)

    def count(self) -> int:
        """How many rows, over all tables."""
        return sum(len(t.rows) for t in self.tables)


def _quoted(names: Iterable[str]) -> str:
    return ", ".join(f'"{name}"' for name in names)


def _columns(conn: Any, table: str) -> tuple[str, ...]:
    return tuple(str(row[1]) for row in conn.execute(f'PRAGMA table_info("{table}")'))


def _key_of(columns: tuple[str, ...], table: str) -> list[int]:
    return [columns.index(name) for name in KEYS[table]]


def read(conn: Any, selections: Iterable[tuple[str, str, list[Any]]]) -> Rows:
    """Copy the rows of each `(table, where, params)` selection."""
    tables = []
    for table, where, params in selections:
        columns = _columns(conn, table)
        key = _key_of(columns, table)
        found = conn.execute(f"SELECT {_quoted(columns)} FROM {table} WHERE {where}", params)
        rows = {tuple(row[i] for i in key): tuple(row) for row in found}
        tables.append(TableRows(table, columns, rows))
    return Rows(tuple(tables))


def changed(before: Rows, after: Rows) -> tuple[Rows, Rows]:
    """The rows that differ between two copies of the same selections: (as they were, as they
    are). A row that changed is in both; one added only in the second, one removed only in the
    first."""
    old, new = [], []
    for was, now in zip(before.tables, after.tables, strict=True):
        keys = [k for k in {**was.rows, **now.rows} if was.rows.get(k) != now.rows.get(k)]
        old.append(_only(was, keys))
        new.append(_only(now, keys))
    return Rows(tuple(old)), Rows(tuple(new))


def _only(table: TableRows, keys: Iterable[Row]) -> TableRows:
    return TableRows(
        table.table, table.columns, {k: table.rows[k] for k in keys if k in table.rows}
    )


def _stale(table: str) -> str:
    return f"{NAMES[table]} changed since (another program?); nothing was changed"


def _current(conn: Any, table: TableRows, key: Row) -> Row | None:
    names = KEYS[table.table]
    where = " AND ".join(f'"{name}" = ?' for name in names)
    row = conn.execute(
        f"SELECT {_quoted(table.columns)} FROM {table.table} WHERE {where}", list(key)
    ).fetchone()
    return tuple(row) if row is not None else None


def swap(conn: Any, old: Rows, new: Rows) -> None:
    """Replace the rows `old` by the rows `new` (the caller holds the transaction).

    Raises StaleRowsError, before writing anything, unless every row of `old` is stored exactly
    so and no row of `new` that `old` lacks is stored already.
    """
    pairs = list(zip(old.tables, new.tables, strict=True))
    for was, now in pairs:
        if was.table != now.table or was.columns != now.columns:
            raise ValueError(f"row copies of {was.table} and {now.table} do not match")
        for key, row in was.rows.items():
            if _current(conn, was, key) != row:
                raise StaleRowsError(_stale(was.table))
        for key in now.rows.keys() - was.rows.keys():
            if _current(conn, now, key) is not None:
                raise StaleRowsError(_stale(now.table))
    # Rows only `old` has go first (in reverse order of the selections: gold spans after the
    # decisions naming them); rows in both are updated in place (a table with a hidden rowid
    # keeps it); rows only `new` has come back in the order of the selections.
    for was, now in reversed(pairs):
        where = " AND ".join(f'"{name}" = ?' for name in KEYS[was.table])
        for key in was.rows.keys() - now.rows.keys():
            conn.execute(f"DELETE FROM {was.table} WHERE {where}", list(key))
    for was, now in pairs:
        where = " AND ".join(f'"{name}" = ?' for name in KEYS[now.table])
        sets = ", ".join(f'"{name}" = ?' for name in now.columns)
        for key in was.rows.keys() & now.rows.keys():
            conn.execute(f"UPDATE {now.table} SET {sets} WHERE {where}", [*now.rows[key], *key])
        back = [row for key, row in now.rows.items() if key not in was.rows]
        if now.table == "spans":  # spans come back through the one span insert, ids kept
            if now.columns != TABLES["spans"]:
                raise ValueError("row copies of spans do not have the spans table's columns")
            for row in back:
                insert_span(conn, row[1:], span_id=row[0])
            continue
        marks = ", ".join("?" * len(now.columns))
        conn.executemany(f"INSERT INTO {now.table} ({_quoted(now.columns)}) VALUES ({marks})", back)
