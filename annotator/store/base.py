"""The connection under every part of the store: transactions, the clock, temp staging."""

from __future__ import annotations

import contextlib
import itertools
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database

# How long a write waits for another connection's write to finish before giving up.
BUSY_TIMEOUT_MS = 10_000


class StoreError(RuntimeError):
    """The database cannot be used (not ours, corrupt, newer schema); message is one line."""


def now_iso() -> str:
    """Current UTC time, ISO 8601 with milliseconds."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


class Connection:
    """The project's sqlite3 connection with the few `sqlite_utils.Database` calls the store
    makes (`execute`, `table_names`, `enable_wal`, `close`, `conn`).

    sqlite-utils imports numpy (and pandas) whenever they are installed, a few hundred ms on
    every start, so it is not imported to open a project: anything else of its `Database` API
    (`db["table"]`, `db.atomic()`, ...) is a `Database` over this same connection, made on
    first use (`utils`). Like sqlite-utils, recursive triggers are on.
    """

    def __init__(self, path: Path | None) -> None:
        self.conn = sqlite3.connect(":memory:" if path is None else str(path))
        self.conn.execute("PRAGMA recursive_triggers = on")
        self._utils: Database | None = None

    def execute(self, sql: str, parameters: Sequence[Any] | dict[str, Any] | None = None
                ) -> sqlite3.Cursor:  # fmt: skip
        """Run one statement; its cursor."""
        if parameters is None:
            return self.conn.execute(sql)
        return self.conn.execute(sql, parameters)

    def table_names(self) -> list[str]:
        """Names of the tables in the main database."""
        rows = self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return [str(row[0]) for row in rows]

    def enable_wal(self) -> None:
        """Put the file in write-ahead-log mode (outside a transaction)."""
        if self.conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            self.conn.execute("PRAGMA journal_mode = wal")

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    @property
    def utils(self) -> Database:
        """A `sqlite_utils.Database` over this connection (imports sqlite-utils once)."""
        if self._utils is None:
            from sqlite_utils import Database  # noqa: PLC0415 - numpy comes with it

            self._utils = Database(self.conn)
        return self._utils

    def __getitem__(self, table: str) -> Any:
        return self.utils[table]

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.utils, name)


@contextlib.contextmanager
def temp_only_transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """Run the block in its own transaction unless one is open (then it joins that one).

    For writes to TEMP tables only: such a transaction takes no lock on the project file.
    Rolled back if the block raises."""
    own = not conn.in_transaction
    if own:
        conn.execute("BEGIN")
    try:
        yield
    except BaseException:
        if own and conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    if own:
        conn.execute("COMMIT")


class StoreBase:
    """What each part of the store shares: the open database and its transactions.

    The parts (`articles.ArticleRows`, `spans.SpanRows`, ...) each add the reads and writes of
    one concern on top; `project_store.Store` opens the file and joins them.
    """

    db: Connection
    path: Path | None
    _savepoints: Iterator[int] = itertools.count()

    def data_version(self) -> int:
        """SQLite's `PRAGMA data_version`: changes whenever ANOTHER connection commits."""
        return int(self.db.execute("PRAGMA data_version").fetchone()[0])

    def close(self) -> None:
        """Close the connection."""
        self.db.close()

    def __enter__(self) -> Any:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Any]:
        """Group writes into one transaction; nested blocks become savepoints.

        The outermost block starts with `BEGIN IMMEDIATE`: it takes the write lock before its
        first read, so a second writer waits up to the busy timeout instead of failing at once
        (SQLite refuses to upgrade a deferred read transaction while another connection writes).
        """
        conn = self.db.conn
        if conn.in_transaction:
            name = f"sp{next(self._savepoints)}"
            conn.execute(f"SAVEPOINT {name}")
            try:
                yield self
            except BaseException:
                if conn.in_transaction:
                    conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                    conn.execute(f"RELEASE SAVEPOINT {name}")
                raise
            else:
                conn.execute(f"RELEASE SAVEPOINT {name}")
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        try:
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    def _article_text(self, article_id: int) -> str:
        row = self.db.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
        if row is None:
            raise KeyError(f"no article {article_id}")
        return str(row[0])

    def _fill_temp(
        self, table: str, columns: str, rows: Iterable[tuple[Any, ...]], marks: str
    ) -> None:
        """Replace the rows of TEMP table `table` (created with `columns` if missing)."""
        conn = self.db.conn
        conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {table} ({columns})")
        names = ", ".join(part.split()[0] for part in columns.split(","))
        with temp_only_transaction(conn):
            conn.execute(f"DELETE FROM temp.{table}")
            conn.executemany(f"INSERT INTO temp.{table} ({names}) VALUES ({marks})", rows)
