"""The connection under every part of the store: transactions, the clock, temp staging."""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

# How long a write waits for another connection's write to finish before giving up.
BUSY_TIMEOUT_MS = 10_000


class StoreError(RuntimeError):
    """The database cannot be used (not ours, corrupt, newer schema); message is one line."""


def now_iso() -> str:
    """Current UTC time, ISO 8601 with milliseconds."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


class StoreBase:
    """What each part of the store shares: the open database and its transactions.

    The parts (`articles.ArticleRows`, `spans.SpanRows`, ...) each add the reads and writes of
    one concern on top; `project_store.Store` opens the file and joins them.
    """

    db: Database
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
        own = not conn.in_transaction
        if own:  # a transaction that touches only TEMP takes no lock on the project file
            conn.execute("BEGIN")
        try:
            conn.execute(f"DELETE FROM temp.{table}")
            conn.executemany(f"INSERT INTO temp.{table} ({names}) VALUES ({marks})", rows)
        except BaseException:
            if own and conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        if own:
            conn.execute("COMMIT")
