"""The project database: open and migrate, typed reads and writes; the only module with SQL."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from annotator.migrations import migrate
from annotator.models import Article, ArticleDraft, Span
from annotator.search import build_fts_query
from annotator.text import canonicalise, content_uid

_ARTICLE_COLUMNS = (
    "id, uid, title, outlet, byline, url, published, updated, text, raw, source_file, "
    "imported_at, meta"
)


class StoreError(RuntimeError):
    """The database cannot be used (not ours, corrupt, newer schema); message is one line."""


@dataclass
class ArticleRow:
    """One line of the article list: no text, cheap to load for many articles."""

    id: int
    uid: str
    title: str
    outlet: str
    published: str | None
    updated: str | None
    spans: int


@dataclass
class SearchHit:
    """One search result, best first."""

    id: int
    uid: str
    title: str
    outlet: str
    published: str | None
    snippet: str
    rank: float


@dataclass
class AddResult:
    """What storing one draft did."""

    id: int
    uid: str
    created: bool


def now_iso() -> str:
    """Current UTC time, ISO 8601 with milliseconds."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


class Store:
    """A project database file (or an in-memory one for tests).

    Every public write is its own transaction. Foreign keys are on and the file is in WAL mode.
    """

    def __init__(self, path: str | Path | None = None) -> None:
        self.path: Path | None = None if path in (None, ":memory:") else Path(path)
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = Database(self.path) if self.path is not None else Database(memory=True)
            self.db.execute("PRAGMA foreign_keys = ON")
            self.db.execute("PRAGMA busy_timeout = 5000")
            if self.path is not None:
                self.db.enable_wal()
                self.db.execute("PRAGMA synchronous = NORMAL")
            self._check_ours()
            self.backup_path = migrate(self.db, self.path)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: not a usable annotator database ({exc})") from None

    def _check_ours(self) -> None:
        names = set(self.db.table_names())
        if names and "_sqlite_migrations" not in names:
            raise StoreError(f"{self.path}: an SQLite file, but not an annotator project")

    def close(self) -> None:
        """Close the connection."""
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- articles -------------------------------------------------------------------------

    def add_articles(self, drafts: Iterable[ArticleDraft]) -> list[AddResult]:
        """Store drafts in ONE transaction (all or nothing); a known uid is left untouched."""
        results: list[AddResult] = []
        stamp = now_iso()
        with self.db.atomic():
            for draft in drafts:
                results.append(self._add_article(draft, stamp))
        return results

    def _add_article(self, draft: ArticleDraft, stamp: str) -> AddResult:
        text = canonicalise(draft.text)
        if not text.strip():
            raise ValueError("article has no text")
        uid = content_uid(text)
        found = self.db.execute("SELECT id FROM articles WHERE uid = ?", [uid]).fetchone()
        if found:
            return AddResult(found[0], uid, False)
        cursor = self.db.execute(
            "INSERT INTO articles (uid, title, outlet, byline, url, published, updated, text, raw,"
            " source_file, imported_at, meta) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                uid,
                canonicalise(draft.title).strip(),
                canonicalise(draft.outlet).strip(),
                canonicalise(draft.byline).strip(),
                draft.url.strip(),
                draft.published,
                draft.updated,
                text,
                draft.raw,
                draft.source_file,
                stamp,
                json.dumps(draft.meta, ensure_ascii=False, sort_keys=True, default=str),
            ],
        )
        return AddResult(int(cursor.lastrowid or 0), uid, True)

    def article(self, article_id: int) -> Article | None:
        """One article with its text, or None."""
        row = self.db.execute(
            f"SELECT {_ARTICLE_COLUMNS}, (SELECT count(*) FROM spans s WHERE s.article_id = a.id)"
            " FROM articles a WHERE id = ?",
            [article_id],
        ).fetchone()
        if row is None:
            return None
        return Article(
            id=row[0],
            uid=row[1],
            title=row[2],
            outlet=row[3],
            byline=row[4],
            url=row[5],
            published=row[6],
            updated=row[7],
            text=row[8],
            raw=row[9],
            source_file=row[10],
            imported_at=row[11],
            meta=json.loads(row[12] or "{}"),
            span_count=row[13],
        )

    def article_by_uid(self, uid: str) -> Article | None:
        """Find an article by its content uid."""
        row = self.db.execute("SELECT id FROM articles WHERE uid = ?", [uid]).fetchone()
        return self.article(row[0]) if row else None

    def articles(self, limit: int | None = None, offset: int = 0) -> list[ArticleRow]:
        """Article list rows, newest publication first (undated last), then by id."""
        sql = (
            "SELECT a.id, a.uid, a.title, a.outlet, a.published, a.updated,"
            " (SELECT count(*) FROM spans s WHERE s.article_id = a.id)"
            " FROM articles a ORDER BY a.published IS NULL, a.published DESC, a.id"
        )
        params: list[Any] = []
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params = [limit, offset]
        return [ArticleRow(*row) for row in self.db.execute(sql, params).fetchall()]

    def article_count(self) -> int:
        """Number of stored articles."""
        return int(self.db.execute("SELECT count(*) FROM articles").fetchone()[0])

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Articles matching `query` (see `search.build_fts_query`), best first, with a snippet."""
        expression = build_fts_query(query)
        if not expression:
            return []
        rows = self.db.execute(
            "SELECT a.id, a.uid, a.title, a.outlet, a.published,"
            " snippet(articles_fts, 1, '«', '»', '…', 16), bm25(articles_fts, 4.0, 1.0) AS rank"
            " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
            " WHERE articles_fts MATCH ? ORDER BY rank, a.id LIMIT ?",
            [expression, limit],
        ).fetchall()
        return [SearchHit(*row) for row in rows]

    # -- spans ----------------------------------------------------------------------------

    def add_span(
        self,
        article_id: int,
        annotator: str,
        label: str,
        start: int,
        end: int,
        attrs: dict[str, Any] | None = None,
        note: str = "",
        origin: str = "manual",
    ) -> Span:
        """Store one span (its own transaction); the covered text is sliced from the article."""
        with self.db.atomic():
            row = self.db.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
            if row is None:
                raise KeyError(f"no article {article_id}")
            text: str = row[0]
            if not 0 <= start < end <= len(text):
                raise ValueError(f"span [{start}, {end}) outside text of length {len(text)}")
            stamp = now_iso()
            cursor = self.db.execute(
                'INSERT INTO spans (article_id, annotator, label, start, "end", text, attrs, note,'
                " origin, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    article_id,
                    annotator,
                    label,
                    start,
                    end,
                    text[start:end],
                    json.dumps(attrs or {}, ensure_ascii=False, sort_keys=True),
                    note,
                    origin,
                    stamp,
                    stamp,
                ],
            )
        span = self.span(int(cursor.lastrowid or 0))
        assert span is not None
        return span

    def span(self, span_id: int) -> Span | None:
        """One span by id."""
        row = self.db.execute(
            'SELECT id, article_id, annotator, label, start, "end", text, attrs, note, origin,'
            " created, updated FROM spans WHERE id = ?",
            [span_id],
        ).fetchone()
        return _span(row) if row else None

    def spans(self, article_id: int, annotator: str | None = None) -> list[Span]:
        """Spans of one article (optionally of one annotator), by position."""
        sql = (
            'SELECT id, article_id, annotator, label, start, "end", text, attrs, note, origin,'
            " created, updated FROM spans WHERE article_id = ?"
        )
        params: list[Any] = [article_id]
        if annotator is not None:
            sql += " AND annotator = ?"
            params.append(annotator)
        sql += ' ORDER BY start, "end", id'
        return [_span(row) for row in self.db.execute(sql, params).fetchall()]


def _span(row: tuple[Any, ...]) -> Span:
    return Span(
        id=row[0],
        article_id=row[1],
        annotator=row[2],
        label=row[3],
        start=row[4],
        end=row[5],
        text=row[6],
        attrs=json.loads(row[7] or "{}"),
        note=row[8],
        origin=row[9],
        created=row[10],
        updated=row[11],
    )
