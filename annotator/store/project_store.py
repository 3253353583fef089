"""The project database: the `Store` facade that opens, checks and migrates a file and joins
the parts that read and write it, one module per concern (see the package docstring)."""

from __future__ import annotations

import contextlib
import itertools
import sqlite3
from pathlib import Path

from annotator.migrations import NewerSchemaError, check_not_newer, migrate
from annotator.store.actors import ActorRows
from annotator.store.article_list import ArticleList
from annotator.store.articles import ArticleRows
from annotator.store.base import BUSY_TIMEOUT_MS, Connection, StoreError
from annotator.store.comments import CommentRows
from annotator.store.concordance import ConcordanceRows
from annotator.store.doc_labels import DocLabelRows
from annotator.store.fulltext import FullText
from annotator.store.label_scheme import LabelRows
from annotator.store.layers import LayerRows
from annotator.store.relations import RelationRows
from annotator.store.row_copies import RowCopies
from annotator.store.rulings import RulingRows
from annotator.store.settings import SettingRows
from annotator.store.spans import SpanRows
from annotator.store.statuses import StatusRows
from annotator.store.suggestion_rows import SuggestionRows
from annotator.store.tables import missing_columns

__all__ = ["BUSY_TIMEOUT_MS", "Store", "StoreError"]


class Store(
    ArticleRows,
    SpanRows,
    RelationRows,
    ActorRows,
    DocLabelRows,
    StatusRows,
    ArticleList,
    ConcordanceRows,
    FullText,
    SettingRows,
    LabelRows,
    LayerRows,
    RulingRows,
    CommentRows,
    SuggestionRows,
    RowCopies,
):
    """A project database file (or an in-memory one for tests).

    Every public write is its own transaction (`transaction()` groups several). Foreign keys
    are on and the file is in WAL mode.
    """

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = None if path in (None, ":memory:") else Path(path)  # type: ignore[arg-type]
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._savepoints = itertools.count()
        try:
            self.db = Connection(self.path)
            # Transactions are explicit (`transaction()`): no implicit deferred BEGIN.
            self.db.conn.isolation_level = None
            self.db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            # Read-only checks first: a foreign or newer file is refused before anything writes.
            self._check_ours()
            check_not_newer(self.db, str(path))
            if self.path is not None:
                self.db.enable_wal()
                self.db.execute("PRAGMA synchronous = NORMAL")
            # Migrations rebuild tables, so foreign keys go on only once they are done.
            self.backup_path = migrate(self.db, self.path)
            self._check_tables()
            self.db.execute("PRAGMA foreign_keys = ON")
        except NewerSchemaError as exc:
            self._close_quietly()
            raise StoreError(str(exc)) from None
        except StoreError:
            self._close_quietly()
            raise
        except sqlite3.DatabaseError as exc:
            self._close_quietly()
            raise StoreError(f"{path}: not a usable annotator database ({exc})") from None

    def _close_quietly(self) -> None:
        with contextlib.suppress(Exception):
            self.db.close()

    def _check_ours(self) -> None:
        names = set(self.db.table_names())
        if names and "_sqlite_migrations" not in names:
            raise StoreError(f"{self.path}: an SQLite file, but not an annotator project")

    def _check_tables(self) -> None:
        """Every table and column of `tables.TABLES` is there once migrated."""
        missing = missing_columns(self.db)
        if missing:
            shown = ", ".join(missing[:3]) + (" …" if len(missing) > 3 else "")
            raise StoreError(f"{self.path}: a damaged annotator project (missing {shown})")

    def __enter__(self) -> Store:
        return self
