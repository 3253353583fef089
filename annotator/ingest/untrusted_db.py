"""Open an SQLite file from someone else as untrusted input, and read only what we expect.

The file is never opened for writing: it (and its `-wal`, if any) is copied into a private
temporary folder and the copy is opened read-only, with `trusted_schema` off, `query_only` on
and an authorizer that allows only plain reads of the expected tables and columns, the one
pragma and the one function used here. No view, trigger, virtual table or schema-embedded
function of theirs can run. `check_schema` insists each table is a real table (not a view)
with the expected columns and that `_sqlite_migrations` lists the "annotator" migration set.
Every failure is a `ProjectImportError` with one line naming the file.
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from annotator.ingest import limits
from annotator.ingest.errors import IngestError
from annotator.migrations import MIGRATION_SET
from annotator.store.tables import omit, pick

SQLITE_HEADER = b"SQLite format 3\x00"
MAX_FIELD_BYTES = 1 << 20  # any value but article/span text
# The tables read, with the columns read from each (named in `store.tables`); nothing else is
# ever touched. The import sets its own span origin and import time, so those are not read.
TABLES: dict[str, tuple[str, ...]] = {
    "articles": omit("articles", "imported_at"),
    "spans": omit("spans", "origin"),
    "article_status": pick("article_status", "article_id", "annotator", "status"),
    "doc_labels": pick("doc_labels", "id", "article_id", "annotator", "label"),
    "relations": pick("relations", "id", "annotator", "type", "head", "tail", "attrs"),
    "actors": omit("actors", "created", "updated"),
    "_sqlite_migrations": ("migration_set", "name"),
}
# Tables a project written before claim frames lacks: read only when the file has them.
OPTIONAL_TABLES = frozenset({"relations", "actors"})
_SCHEMA_TABLES = frozenset({"sqlite_master", "sqlite_schema"})
_SCHEMA_COLUMNS = frozenset({"type", "name", "sql"})
_BIG_COLUMNS = frozenset({("articles", "text"), ("articles", "raw"), ("spans", "text")})
_ALLOWED_PRAGMAS = frozenset({"table_xinfo"})
_ALLOWED_FUNCTIONS = frozenset({"length"})


class ProjectImportError(IngestError):
    """The file cannot be imported at all; str(exc) is one line naming the file."""


def is_sqlite_file(path: str | Path) -> bool:
    """True when `path` is a regular file starting with the SQLite header."""
    path = Path(path)
    try:
        if not path.is_file():  # never open a FIFO or device just to peek
            return False
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


# -- opening their file ----------------------------------------------------------------------


@contextmanager
def open_untrusted(path: str | Path) -> Iterator[sqlite3.Connection]:
    """A read-only, locked-down connection to a private copy of the SQLite file at `path`.

    Raises ProjectImportError when the file is missing, not SQLite, or damaged.
    """
    path = Path(path)
    name = path.name
    with tempfile.TemporaryDirectory(prefix="annotator-import-") as tmp:
        copy = Path(tmp) / "their.db"
        _copy_capped(path, copy, name)
        _check_header(copy, name)
        wal = path.with_name(path.name + "-wal")
        if wal.is_file():
            _copy_capped(wal, Path(tmp) / "their.db-wal", name)
        try:
            conn = sqlite3.connect(copy.as_uri() + "?mode=ro", uri=True)
        except sqlite3.Error as exc:
            raise _damaged(name, exc) from None
        try:
            try:
                conn.execute("PRAGMA trusted_schema = OFF")
                conn.execute("PRAGMA query_only = ON")
                conn.execute("PRAGMA cell_size_check = ON")
                conn.set_authorizer(_authorize)
            except sqlite3.Error as exc:
                raise _damaged(name, exc) from None
            yield conn
        finally:
            conn.close()


def _copy_capped(path: Path, target: Path, name: str) -> None:
    """Copy a regular file byte for byte (read-only), refusing more than the project_bytes
    limit (`limits.current()`), by its size and by the bytes copied."""
    cap = limits.current().project_bytes
    try:
        if not path.is_file():
            raise ProjectImportError(
                f"{name}: {'no such file' if not path.exists() else 'not a regular file'}"
            )
        size = path.stat().st_size
        if size == 0:
            raise ProjectImportError(f"{name}: empty file")
        if size > cap:
            raise ProjectImportError(f"{name}: {limits.too_large('file', size, cap)}")
        copied = 0
        with path.open("rb") as src, target.open("xb") as dst:
            while chunk := src.read(1 << 20):
                copied += len(chunk)
                if copied > cap:
                    raise ProjectImportError(f"{name}: file too large (it grew while copying)")
                dst.write(chunk)
    except OSError as exc:
        raise ProjectImportError(f"{name}: cannot read ({exc.strerror or exc})") from None


def _check_header(copy: Path, name: str) -> None:
    with copy.open("rb") as handle:
        head = handle.read(100)
    if not head.startswith(SQLITE_HEADER):
        raise ProjectImportError(f"{name}: not an SQLite database{_looks_like(head)}")
    if len(head) < 100:
        raise ProjectImportError(f"{name}: damaged SQLite file (incomplete header)")


def _looks_like(head: bytes) -> str:
    if head.startswith(b"PK\x03\x04"):
        return " (it is a zip archive)"
    if b"\x00" not in head:
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as exc:
            if exc.start < len(head) - 3:
                return ""
        return " (it is a text file)"
    return ""


def _damaged(name: str, exc: BaseException) -> ProjectImportError:
    message = _one_line(str(exc)) or type(exc).__name__
    if "unsafe use of" in message:
        return ProjectImportError(
            f"{name}: its schema calls functions ({message}); refusing to read it"
        )
    if "not authorized" in message or "prohibited" in message:
        return ProjectImportError(f"{name}: refused an unexpected read ({message})")
    return ProjectImportError(f"{name}: damaged SQLite file ({message})")


def _authorize(
    action: int, arg1: str | None, arg2: str | None, db: str | None, source: str | None
) -> int:
    """Allow plain reads of the expected tables and columns, nothing else."""
    if source is not None:  # inside one of their views or triggers
        return sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_SELECT:
        return sqlite3.SQLITE_OK
    if action == sqlite3.SQLITE_READ and db == "main" and arg1 is not None and arg2 is not None:
        table, column = arg1.lower(), arg2.lower()
        if table in _SCHEMA_TABLES and column in _SCHEMA_COLUMNS:
            return sqlite3.SQLITE_OK
        if column in TABLES.get(table, ()):
            return sqlite3.SQLITE_OK
        return sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_PRAGMA and (arg1 or "").lower() in _ALLOWED_PRAGMAS:
        return sqlite3.SQLITE_OK if (arg2 or "").lower() in TABLES else sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_FUNCTION and (arg2 or "").lower() in _ALLOWED_FUNCTIONS:
        return sqlite3.SQLITE_OK
    return sqlite3.SQLITE_DENY


def _query(conn: sqlite3.Connection, name: str, sql: str, params: Any = ()) -> Iterator[Any]:
    """Rows of one of our own queries on their file; SQLite errors become ProjectImportError."""
    try:
        cursor = conn.execute(sql, params)
        while rows := cursor.fetchmany(256):
            yield from rows
    except sqlite3.Error as exc:
        raise _damaged(name, exc) from None


# -- checking their schema -------------------------------------------------------------------


def check_schema(conn: sqlite3.Connection, name: str) -> None:
    """Raise ProjectImportError unless every table read is a plain table with its columns and
    the file has applied the annotator migration set."""
    for table, columns in TABLES.items():
        rows = _master_rows(conn, name, table)
        if not rows and table in OPTIONAL_TABLES:
            continue
        if not rows:
            raise ProjectImportError(f"{name}: not an annotator project (no table '{table}')")
        kind, _, sql = rows[0]
        if kind == "view":
            raise ProjectImportError(
                f"{name}: '{table}' is a view, not a table; refusing to read it"
            )
        if kind != "table":
            article = "an" if str(kind)[:1] in "aeiou" else "a"
            raise ProjectImportError(
                f"{name}: not an annotator project ('{table}' is {article} {kind})"
            )
        if not isinstance(sql, str) or not sql.lstrip().upper().startswith("CREATE TABLE"):
            raise ProjectImportError(
                f"{name}: '{table}' is a virtual or unusual table; refusing to read it"
            )
        info = list(_query(conn, name, f"PRAGMA table_xinfo({table})"))
        found = {str(row[1]).lower(): row for row in info}
        for column, row in found.items():
            if row[6]:  # hidden: a generated column, computed by their schema on read
                raise ProjectImportError(
                    f"{name}: '{table}' has a generated column '{column}'; refusing to read it"
                )
        for column in columns:
            if column not in found:
                raise ProjectImportError(
                    f"{name}: not an annotator project ('{table}' has no column '{column}')"
                )
    applied = list(
        _query(
            conn,
            name,
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ? LIMIT 1",
            [MIGRATION_SET],
        )
    )
    if not applied:
        raise ProjectImportError(
            f"{name}: not an annotator project (no '{MIGRATION_SET}' migration set"
            " in _sqlite_migrations)"
        )


def _master_rows(conn: sqlite3.Connection, name: str, table: str) -> list[Any]:
    return list(
        _query(
            conn,
            name,
            "SELECT type, name, sql FROM sqlite_master"
            " WHERE name = ? COLLATE NOCASE AND type <> 'trigger'",
            [table],
        )
    )


def has_table(conn: sqlite3.Connection, name: str, table: str) -> bool:
    """Whether their file has `table` (checked by `check_schema` when it does)."""
    return bool(_master_rows(conn, name, table))


# -- reading their rows ----------------------------------------------------------------------


def _select(table: str, columns: tuple[str, ...], order: str) -> str:
    """SELECT of `columns`, each as (size in bytes, value or NULL when over its cap)."""
    parts = []
    for column in columns:
        size = f'length(CAST("{column}" AS BLOB))'
        big = (table, column) in _BIG_COLUMNS
        cap = limits.current().article_bytes if big else MAX_FIELD_BYTES
        parts.append(f'{size}, CASE WHEN {size} <= {cap} THEN "{column}" END')
    return f'SELECT {", ".join(parts)} FROM "{table}" ORDER BY {order}'


def read_rows(
    conn: sqlite3.Connection, name: str, table: str, order: str
) -> Iterator[tuple[dict[str, Any], str | None]]:
    """Their rows of `table` as {column: value}, with the reason when a value is too large."""
    columns = TABLES[table]
    for raw in _query(conn, name, _select(table, columns, order)):
        values: dict[str, Any] = {}
        oversize = None
        for i, column in enumerate(columns):
            size, value = raw[2 * i], raw[2 * i + 1]
            if size is not None and value is None and oversize is None:
                oversize = f"{column} too large ({size / 2**20:.1f} MB)"
            values[column] = value
        yield values, oversize


def _one_line(value: str) -> str:
    return " ".join(value.split())
