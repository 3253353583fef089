"""The project database: open and migrate, typed reads and writes; the only module with SQL."""

from __future__ import annotations

import contextlib
import itertools
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import Any, Literal, overload

import orjson
from sqlite_utils import Database

from annotator.migrations import NewerSchemaError, check_not_newer, migrate
from annotator.models import (
    DECISIONS,
    GOLD,
    REVIEW_STATUSES,
    Article,
    ArticleDraft,
    Comment,
    Decision,
    Span,
    is_reserved_name,
)
from annotator.scheme import PALETTE, LabelDef, validate
from annotator.search import build_fts_query
from annotator.store import row_sets
from annotator.store.row_sets import Rows
from annotator.store.span_rows import (
    check_range,
    insert_span,
    insert_spans,
    insert_staged_spans,
)
from annotator.text import canonical_uid, canonicalise, content_uid

STATUSES = ("todo", "in_progress", "done")
# How long a write waits for another connection's write to finish before giving up.
BUSY_TIMEOUT_MS = 10_000
# Articles indexed for search per transaction after an import.
SEARCH_INDEX_BATCH = 500
REVIEW_FILTER = "review:"  # article_list(status="review:adjudicated") filters on review status
_SPAN_COLUMNS = (
    'id, article_id, annotator, label, start, "end", text, attrs, note, origin, created, updated'
)
_SORT_COLUMNS = {
    "title": "a.title",
    "outlet": "a.outlet",
    "published": "a.published",
    "status": "status",
    "claims": "claims",
    "review": "review",
    "id": "a.id",
}
_DECISION_COLUMNS = (
    'id, article_id, reviewer, layer_a, layer_b, start, "end", kind, decision, a_spans, b_spans,'
    " gold_span_ids, comment, created"
)
_ARTICLE_COLUMNS = (
    "id, uid, title, outlet, byline, url, published, updated, text, raw, source_file, "
    "imported_at, meta"
)
_STAGE_COLUMNS = (
    "uid, title, outlet, byline, url, published, updated, text, raw, source_file, imported_at, meta"
)
_STAGE_SPAN_COLUMNS = (
    'record, annotator, label, start, "end", text, attrs, note, origin, created, updated'
)
# Article rows of `Store.iter_full_articles(raw=True)`: what exports copy (not the raw page).
ROW_ARTICLE_COLUMNS = "id, uid, title, outlet, byline, url, published, updated, text, meta"
_SPAN_ORDER = itemgetter(4, 5, 0)  # start, end, id of a span row


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
class ListRow:
    """One row of the window's article list, for one annotator."""

    id: int
    title: str
    outlet: str
    published: str | None
    status: str
    claims: int
    review: str = "not_reviewed"


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


SpanIn = tuple[str, str, int, int, dict[str, Any], str, str, str | None, str | None]
"""A span to store: (annotator, label, start, end, attrs, note, origin, created, updated)."""


def span_values(text: str, spans: Iterable[SpanIn]) -> list[tuple[Any, ...]]:
    """Rows for the spans table (without the article id) of `spans` over `text`.

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
        check_range(start, end, length)
        values.append((
            who, label, start, end, text[start:end],
            dumps(attrs, option=sort_keys).decode() if attrs else "{}",
            note, origin, made or stamp, changed or made or stamp,
        ))  # fmt: skip
    return values


def _follow(rows: Iterable[tuple[Any, ...]], column: int) -> Callable[[int], list[tuple[Any, ...]]]:
    """For `rows` sorted by the article id in `column`: a function giving each article's rows,
    asked for in increasing article id order (one pass over the rows, no per-article query)."""
    groups = groupby(rows, itemgetter(column))
    pending = next(groups, None)

    def take(article_id: int) -> list[tuple[Any, ...]]:
        nonlocal pending
        while pending is not None and pending[0] < article_id:
            pending = next(groups, None)
        if pending is None or pending[0] != article_id:
            return []
        found = list(pending[1])
        pending = next(groups, None)
        return found

    return take


class Store:
    """A project database file (or an in-memory one for tests).

    Every public write is its own transaction. Foreign keys are on and the file is in WAL mode.
    """

    def __init__(self, path: str | Path | None = None) -> None:
        self.path: Path | None = None if path in (None, ":memory:") else Path(path)
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._savepoints = itertools.count()
        try:
            self.db = Database(self.path) if self.path is not None else Database(memory=True)
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

    def data_version(self) -> int:
        """SQLite's `PRAGMA data_version`: changes whenever ANOTHER connection commits."""
        return int(self.db.execute("PRAGMA data_version").fetchone()[0])

    def close(self) -> None:
        """Close the connection."""
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Store]:
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

    def article_by_text(self, text: str) -> Article | None:
        """The article whose canonical text equals `text` (canonicalised here), if any."""
        return self.article_by_uid(content_uid(text))

    def statuses(self, article_id: int) -> dict[str, str]:
        """Every annotator's recorded status for an article."""
        rows = self.db.execute(
            "SELECT annotator, status FROM article_status WHERE article_id = ?", [article_id]
        ).fetchall()
        return {str(r[0]): str(r[1]) for r in rows}

    @overload
    def iter_full_articles(
        self, *, raw: Literal[False] = False
    ) -> Iterator[tuple[Article, list[Span], list[tuple[str, str]], dict[str, str]]]: ...

    @overload
    def iter_full_articles(
        self, *, raw: Literal[True]
    ) -> Iterator[
        tuple[tuple[Any, ...], list[tuple[Any, ...]], list[tuple[str, str]], dict[str, str]]
    ]: ...

    @overload
    def iter_full_articles(self, *, raw: bool) -> Iterator[tuple[Any, ...]]: ...

    def iter_full_articles(self, *, raw: bool = False) -> Iterator[tuple[Any, ...]]:
        """Every article in id order with its spans (by start, end, id), (annotator, doc label)
        pairs (by label) and statuses.

        One streaming query per table, opened together (so one snapshot) and merged by article
        id: no query per article or batch. With `raw`, the article is its plain row
        (`ROW_ARTICLE_COLUMNS`: no raw page, `meta` as JSON text) and the spans are plain rows
        (`Span` field order, `attrs` as JSON text): much cheaper for writers that only copy
        fields.
        """
        articles = self.db.execute(
            f"SELECT {ROW_ARTICLE_COLUMNS if raw else _ARTICLE_COLUMNS + ', 0'}"
            " FROM articles ORDER BY id"
        )
        # The (article_id, start) index gives this order without sorting; ties are put in
        # (start, end, id) order below.
        spans = _follow(
            self.db.execute(f"SELECT {_SPAN_COLUMNS} FROM spans ORDER BY article_id, start"), 1
        )
        docs = _follow(
            self.db.execute(
                "SELECT article_id, annotator, label FROM doc_labels"
                " ORDER BY article_id, label, annotator"
            ),
            0,
        )
        statuses = _follow(
            self.db.execute(
                "SELECT article_id, annotator, status FROM article_status"
                " ORDER BY article_id, annotator"
            ),
            0,
        )
        for row in articles:
            article_id = row[0]
            span_rows = spans(article_id)
            span_rows.sort(key=_SPAN_ORDER)
            pairs = [(r[1], r[2]) for r in docs(article_id)]
            status = {r[1]: r[2] for r in statuses(article_id)}
            if raw:
                yield row, span_rows, pairs, status
            else:
                yield _article(row), [_span(r) for r in span_rows], pairs, status

    # -- articles -------------------------------------------------------------------------

    def add_articles(
        self, drafts: Iterable[ArticleDraft], canonical: bool = False
    ) -> list[AddResult]:
        """Store drafts in ONE transaction (all or nothing); a known uid is left untouched.

        `stage_articles` then `commit_staged_articles`: the write lock is held only for one
        INSERT ... SELECT. A uid repeated among the drafts is created once (later ones report
        `created=False`). `canonical`: the drafts' texts are already canonical (`canonicalise`
        was applied), so the costly second pass is skipped.
        """
        staged = self.stage_articles(drafts, canonical)
        return self.commit_staged_articles(staged)

    def stage_articles(self, drafts: Iterable[ArticleDraft], canonical: bool = False) -> list[str]:
        """Prepare drafts and put them in this connection's TEMP staging table; their uids.

        Writing to TEMP takes no lock on the project file, so an import does this part (and
        its parsing) while other windows and processes keep writing.
        """
        stamp = now_iso()
        uids: list[str] = []
        rows: dict[str, tuple[Any, ...]] = {}
        for draft in drafts:
            text = draft.text if canonical else canonicalise(draft.text)
            if not text.strip():
                raise ValueError("article has no text")
            uid = canonical_uid(text)
            uids.append(uid)
            if uid not in rows:
                rows[uid] = (
                    uid, canonicalise(draft.title).strip(), canonicalise(draft.outlet).strip(),
                    canonicalise(draft.byline).strip(), draft.url.strip(), draft.published,
                    draft.updated, text, draft.raw, draft.source_file, stamp,
                    json.dumps(draft.meta, ensure_ascii=False, sort_keys=True, default=str),
                )  # fmt: skip
        self._fill_temp(
            "stage_articles", _STAGE_COLUMNS, rows.values(), "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
        )
        return uids

    def commit_staged_articles(self, uids: list[str]) -> list[AddResult]:
        """Copy the staged articles whose uid is not stored yet into the project (one
        transaction), mark them for the search index, and empty the staging table.

        `uids` is what `stage_articles` returned; one result per uid, in that order.
        """
        if not uids:
            return []
        try:
            with self.transaction():
                known = self._article_ids(set(uids))
                self.db.execute(
                    f"INSERT INTO articles ({_STAGE_COLUMNS}) SELECT {_STAGE_COLUMNS}"
                    " FROM temp.stage_articles s"
                    " WHERE NOT EXISTS (SELECT 1 FROM main.articles a WHERE a.uid = s.uid)"
                    " ORDER BY s.rowid"
                )
                created = self._article_ids(set(uids) - set(known))
                self.db.conn.executemany(
                    "INSERT INTO search_pending (article_id) VALUES (?)",
                    [(article_id,) for article_id in created.values()],
                )
        finally:
            self.db.execute("DELETE FROM temp.stage_articles")
        if created and not self.db.conn.in_transaction:
            self.index_pending()  # inside a caller's transaction, the caller indexes after it
        results: list[AddResult] = []
        first = set(created)  # the draft that created an article reports it, repeats do not
        for uid in uids:
            if uid in known:
                results.append(AddResult(known[uid], uid, False))
            else:
                results.append(AddResult(created[uid], uid, uid in first))
                first.discard(uid)
        return results

    def stage_span_values(self, rows: Iterable[tuple[Any, ...]]) -> None:
        """Put span rows `(record, *span_values row)` in the TEMP staging table (no lock).

        `record` is the caller's number for the article the span belongs to; the caller maps
        it to an article id in `commit_staged_spans`, once the articles are stored.
        """
        self._fill_temp("stage_spans", _STAGE_SPAN_COLUMNS, rows, "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?")

    def commit_staged_spans(self, article_of: dict[int, int]) -> int:
        """Insert the staged spans (record -> article id by `article_of`; records not in it are
        dropped) that the project does not already hold with the same annotator, label and
        range; one transaction. Returns the number inserted and empties the staging tables.
        """
        try:
            with self.transaction():
                self._fill_temp(
                    "stage_records", "record INTEGER PRIMARY KEY, article_id INTEGER",
                    article_of.items(), "?, ?",
                )  # fmt: skip
                return insert_staged_spans(self.db.conn)
        finally:
            self.db.execute("DELETE FROM temp.stage_spans")
            self.db.execute("DELETE FROM temp.stage_records")

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

    def index_pending(self, batch: int = SEARCH_INDEX_BATCH) -> int:
        """Index for search the articles imported but not yet indexed; return how many.

        Each batch is its own short transaction, so a writer elsewhere waits milliseconds, and
        an interrupted run leaves the rest pending for the next call (a search calls it).
        """
        done = 0
        while True:
            with self.transaction():
                ids = [
                    r[0]
                    for r in self.db.execute(
                        "SELECT article_id FROM search_pending ORDER BY article_id LIMIT ?", [batch]
                    )
                ]
                if not ids:
                    return done
                chosen = json.dumps(ids)
                self.db.execute(
                    "INSERT INTO articles_fts (rowid, title, text) SELECT id, title, text"
                    " FROM articles WHERE id IN (SELECT value FROM json_each(?))",
                    [chosen],
                )
                self.db.execute(
                    "DELETE FROM search_pending"
                    " WHERE article_id IN (SELECT value FROM json_each(?))",
                    [chosen],
                )
            done += len(ids)

    def _index_before_search(self) -> None:
        if self.db.execute("SELECT 1 FROM search_pending LIMIT 1").fetchone() is not None:
            self.index_pending()

    def _article_ids(self, uids: set[str]) -> dict[str, int]:
        """{uid: id} of the stored articles among `uids` (one query)."""
        rows = self.db.execute(
            "SELECT uid, id FROM articles WHERE uid IN (SELECT value FROM json_each(?))",
            [json.dumps(sorted(uids))],
        )
        return {str(uid): int(article_id) for uid, article_id in rows}

    def article(self, article_id: int) -> Article | None:
        """One article with its text, or None."""
        row = self.db.execute(
            f"SELECT {_ARTICLE_COLUMNS}, (SELECT count(*) FROM spans s WHERE s.article_id = a.id)"
            " FROM articles a WHERE id = ?",
            [article_id],
        ).fetchone()
        return _article(row) if row is not None else None

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
        self._index_before_search()
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
        with self.transaction():
            row = self.db.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
            if row is None:
                raise KeyError(f"no article {article_id}")
            text: str = row[0]
            check_range(start, end, len(text))
            stamp = now_iso()
            span_id = insert_span(
                self.db.conn,
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
        span = self.span(span_id)
        assert span is not None
        return span

    def insert_spans(
        self, article_id: int, rows: list[tuple[str, str, int, int, dict[str, Any], str, str]]
    ) -> int:
        """Bulk-add spans `(annotator, label, start, end, attrs, note, origin)` to one article in
        one transaction; every range is checked against the text first (all or nothing)."""
        return self.insert_span_rows([(article_id, *row, None, None) for row in rows])

    def insert_span_rows(
        self,
        rows: Iterable[
            tuple[int, str, str, int, int, dict[str, Any], str, str, str | None, str | None]
        ],
    ) -> int:
        """Bulk-add spans `(article_id, annotator, label, start, end, attrs, note, origin,
        created, updated)` to any articles in one transaction and one statement (`created`
        None: now; `updated` None: `created`). Every range is checked against its article's
        text first (all or nothing)."""
        rows = list(rows)
        if not rows:
            return 0
        with self.transaction():
            ids = sorted({row[0] for row in rows})
            texts: dict[int, str] = dict(
                self.db.execute(
                    "SELECT id, text FROM articles WHERE id IN (SELECT value FROM json_each(?))",
                    [json.dumps(ids)],
                ).fetchall()
            )
            values = []
            for article_id, *span in rows:
                text = texts.get(article_id)
                if text is None:
                    raise KeyError(f"no article {article_id}")
                values.extend(
                    (article_id, *value)
                    for value in span_values(text, [tuple(span)])  # type: ignore[arg-type]
                )
            return self.insert_span_values(values)

    def insert_span_values(self, values: list[tuple[Any, ...]]) -> int:
        """Insert rows made by `span_values` with the article id in front, in one statement.

        The caller vouches that each row was checked against that article's stored text (the
        text `span_values` was given is the stored one).
        """
        if not values:
            return 0
        with self.transaction():
            insert_spans(self.db.conn, values)
        return len(values)

    def span(self, span_id: int) -> Span | None:
        """One span by id."""
        row = self.db.execute(
            f"SELECT {_SPAN_COLUMNS} FROM spans WHERE id = ?", [span_id]
        ).fetchone()
        return _span(row) if row else None

    def spans(self, article_id: int, annotator: str | None = None) -> list[Span]:
        """Spans of one article (optionally of one annotator), by position."""
        sql = f"SELECT {_SPAN_COLUMNS} FROM spans WHERE article_id = ?"
        params: list[Any] = [article_id]
        if annotator is not None:
            sql += " AND annotator = ?"
            params.append(annotator)
        sql += ' ORDER BY start, "end", id'
        return [_span(row) for row in self.db.execute(sql, params).fetchall()]

    def span_count(self, article_id: int, annotator: str | None = None) -> int:
        """Number of spans on an article (of one annotator when given)."""
        sql = "SELECT count(*) FROM spans WHERE article_id = ?"
        params: list[Any] = [article_id]
        if annotator is not None:
            sql += " AND annotator = ?"
            params.append(annotator)
        return int(self.db.execute(sql, params).fetchone()[0])

    def update_span(self, span_id: int, **changes: Any) -> tuple[Span, Span]:
        """Change a span's label, start, end, attrs or note (one transaction); (before, after)."""
        allowed = {"label", "start", "end", "attrs", "note"}
        unknown = set(changes) - allowed
        if unknown:
            raise ValueError(f"cannot change {', '.join(sorted(unknown))} of a span")
        with self.transaction():
            before = self.span(span_id)
            if before is None:
                raise KeyError(f"no span {span_id}")
            start = changes.get("start", before.start)
            end = changes.get("end", before.end)
            text = self._article_text(before.article_id)
            check_range(start, end, len(text))
            after = replace(
                before,
                label=changes.get("label", before.label),
                start=start,
                end=end,
                text=text[start:end],
                attrs=changes.get("attrs", before.attrs),
                note=changes.get("note", before.note),
                updated=now_iso(),
            )
            self.put_span(after)
        return before, after

    def delete_span(self, span_id: int) -> Span:
        """Delete a span (one transaction) and return it as it was."""
        with self.transaction():
            span = self.span(span_id)
            if span is None:
                raise KeyError(f"no span {span_id}")
            self.db.execute("DELETE FROM spans WHERE id = ?", [span_id])
        return span

    def restore_span(self, span: Span) -> Span:
        """Put back a span exactly as it was (same id and times), e.g. to undo a delete."""
        with self.transaction():
            insert_span(
                self.db.conn,
                [
                    span.article_id,
                    span.annotator,
                    span.label,
                    span.start,
                    span.end,
                    span.text,
                    json.dumps(span.attrs, ensure_ascii=False, sort_keys=True),
                    span.note,
                    span.origin,
                    span.created,
                    span.updated,
                ],
                span_id=span.id,
            )
        return span

    def put_span(self, span: Span) -> None:
        """Overwrite a span's fields with `span` (same id), e.g. to undo an edit."""
        with self.transaction():
            self.db.execute(
                'UPDATE spans SET label = ?, start = ?, "end" = ?, text = ?, attrs = ?, note = ?,'
                " updated = ? WHERE id = ?",
                [
                    span.label,
                    span.start,
                    span.end,
                    span.text,
                    json.dumps(span.attrs, ensure_ascii=False, sort_keys=True),
                    span.note,
                    span.updated,
                    span.id,
                ],
            )

    def _article_text(self, article_id: int) -> str:
        row = self.db.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
        if row is None:
            raise KeyError(f"no article {article_id}")
        return str(row[0])

    def attr_values(self, name: str, limit: int = 200) -> list[str]:
        """Earlier values of a span attribute (e.g. claim source), most used first."""
        rows = self.db.execute(
            "SELECT json_extract(attrs, '$.' || ?) AS v, count(*) FROM spans"
            " WHERE v IS NOT NULL AND v != '' GROUP BY v ORDER BY count(*) DESC, v LIMIT ?",
            [name, limit],
        ).fetchall()
        return [str(row[0]) for row in rows]

    # -- document labels -------------------------------------------------------------------

    def doc_labels(self, article_id: int, annotator: str | None = None) -> list[tuple[str, str]]:
        """(annotator, label) pairs of an article's document-level labels."""
        sql = "SELECT annotator, label FROM doc_labels WHERE article_id = ?"
        params: list[Any] = [article_id]
        if annotator is not None:
            sql += " AND annotator = ?"
            params.append(annotator)
        return [(r[0], r[1]) for r in self.db.execute(sql + " ORDER BY label", params)]

    def set_doc_label(self, article_id: int, annotator: str, label: str, on: bool) -> bool:
        """Add or remove a document label; True when something changed."""
        with self.transaction():
            if on:
                cursor = self.db.execute(
                    "INSERT OR IGNORE INTO doc_labels (article_id, annotator, label, created)"
                    " VALUES (?, ?, ?, ?)",
                    [article_id, annotator, label, now_iso()],
                )
            else:
                cursor = self.db.execute(
                    "DELETE FROM doc_labels WHERE article_id = ? AND annotator = ? AND label = ?",
                    [article_id, annotator, label],
                )
        return cursor.rowcount > 0

    # -- status and progress ---------------------------------------------------------------

    def status(self, article_id: int, annotator: str) -> str:
        """An annotator's status for an article: todo, in_progress or done."""
        row = self.db.execute(
            "SELECT status FROM article_status WHERE article_id = ? AND annotator = ?",
            [article_id, annotator],
        ).fetchone()
        return str(row[0]) if row else "todo"

    def set_status(self, article_id: int, annotator: str, status: str) -> str:
        """Set an annotator's status for an article (one transaction); returns the old one."""
        if status not in STATUSES:
            raise ValueError(f"status must be one of {', '.join(STATUSES)}")
        with self.transaction():
            old = self.status(article_id, annotator)
            self.db.execute(
                "INSERT INTO article_status (article_id, annotator, status, updated)"
                " VALUES (?, ?, ?, ?) ON CONFLICT (article_id, annotator)"
                " DO UPDATE SET status = excluded.status, updated = excluded.updated",
                [article_id, annotator, status, now_iso()],
            )
        return old

    def progress(self, annotator: str) -> tuple[int, int]:
        """(articles done by `annotator`, all articles)."""
        done = self.db.execute(
            "SELECT count(*) FROM article_status WHERE annotator = ? AND status = 'done'",
            [annotator],
        ).fetchone()[0]
        return int(done), self.article_count()

    def article_list(
        self,
        annotator: str,
        status: str | None = None,
        label: str | None = None,
        query: str = "",
        sort: str = "published",
        descending: bool = True,
    ) -> list[ListRow]:
        """Rows for the window's list: one annotator's status and claim counts, filtered."""
        where: list[str] = []
        params: list[Any] = [annotator, annotator]
        source = "articles a"
        if query.strip():
            expression = build_fts_query(query)
            if not expression:
                return []
            self._index_before_search()
            source = "articles_fts f JOIN articles a ON a.id = f.rowid"
            where.append("articles_fts MATCH ?")
            params.append(expression)
        if status and status.startswith(REVIEW_FILTER):
            where.append("coalesce(rv.status, 'not_reviewed') = ?")
            params.append(status.removeprefix(REVIEW_FILTER))
        elif status:
            where.append("coalesce(st.status, 'todo') = ?")
            params.append(status)
        if label:
            where.append("EXISTS (SELECT 1 FROM spans l WHERE l.article_id = a.id AND l.label = ?)")
            params.append(label)
        column = _SORT_COLUMNS.get(sort, "a.published")
        direction = "DESC" if descending else "ASC"
        sql = (
            "SELECT a.id, a.title, a.outlet, a.published, coalesce(st.status, 'todo') AS status,"
            " coalesce(c.n, 0) AS claims, coalesce(rv.status, 'not_reviewed') AS review"
            f" FROM {source}"
            " LEFT JOIN article_status st ON st.article_id = a.id AND st.annotator = ?"
            " LEFT JOIN review_status rv ON rv.article_id = a.id"
            " LEFT JOIN (SELECT article_id, count(*) AS n FROM spans WHERE annotator = ?"
            "  GROUP BY article_id) c ON c.article_id = a.id"
            + (" WHERE " + " AND ".join(where) if where else "")
            + f" ORDER BY {column} IS NULL, {column} {direction}, a.id"
        )
        return [ListRow(*row) for row in self.db.execute(sql, params).fetchall()]

    # -- annotators and settings -------------------------------------------------------------

    def add_annotator(self, name: str) -> None:
        """Record an annotator name (idempotent)."""
        name = name.strip()
        if not name:
            raise ValueError("annotator name is empty")
        if is_reserved_name(name):
            raise ValueError(f"'{name}' is the name of the adjudicated layer; choose another")
        with self.transaction():
            self.db.execute(
                "INSERT OR IGNORE INTO annotators (name, created) VALUES (?, ?)", [name, now_iso()]
            )

    def annotators(self) -> list[str]:
        """Everyone who has a name in this project or a span in it."""
        rows = self.db.execute(
            "SELECT name FROM annotators UNION SELECT DISTINCT annotator FROM spans ORDER BY 1"
        ).fetchall()
        return [str(r[0]) for r in rows]

    def setting(self, key: str, default: Any = None) -> Any:
        """A project-wide setting (JSON value)."""
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return json.loads(row[0]) if row else default

    def set_setting(self, key: str, value: Any) -> None:
        """Store a project-wide setting."""
        with self.transaction():
            self.db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key)"
                " DO UPDATE SET value = excluded.value",
                [key, json.dumps(value, ensure_ascii=False)],
            )

    # -- label scheme ------------------------------------------------------------------------

    def labels(self, include_retired: bool = True) -> list[LabelDef]:
        """The project's labels in display order."""
        sql = (
            "SELECT key, name, name_bn, color, shortcut, guideline, retired, position, kind"
            " FROM labels"
        )
        if not include_retired:
            sql += " WHERE retired = 0"
        rows = self.db.execute(sql + " ORDER BY position, key").fetchall()
        return [
            LabelDef(
                key=r[0], name=r[1], name_bn=r[2], color=r[3], shortcut=r[4], guideline=r[5],
                retired=bool(r[6]), position=r[7], kind=r[8],
            )
            for r in rows
        ]  # fmt: skip

    def save_labels(self, labels: list[LabelDef]) -> None:
        """Insert or update these labels (by key) in one transaction, after validating the
        whole resulting scheme. Labels not named are kept; spans are never touched."""
        with self.transaction():
            current = {label.key: label for label in self.labels()}
            for label in labels:
                current[label.key] = label
            validate(list(current.values()))
            for label in labels:
                self.db.execute(
                    "INSERT INTO labels (key, name, name_bn, color, shortcut, guideline, retired,"
                    " position, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO"
                    " UPDATE SET name = excluded.name, name_bn = excluded.name_bn,"
                    " color = excluded.color, shortcut = excluded.shortcut,"
                    " guideline = excluded.guideline, retired = excluded.retired,"
                    " position = excluded.position, kind = excluded.kind",
                    [
                        label.key, label.name, label.name_bn, label.color, label.shortcut,
                        label.guideline, int(label.retired), label.position, label.kind,
                    ],
                )  # fmt: skip

    def ensure_labels(self, keys: Iterable[str]) -> list[str]:
        """Add labels the scheme does not know yet (grey-free colours, no shortcut); new keys."""
        existing = {label.key for label in self.labels()}
        added: list[LabelDef] = []
        position = len(existing)
        for key in keys:
            if key in existing or any(a.key == key for a in added):
                continue
            color = PALETTE[(position + len(added)) % len(PALETTE)]
            added.append(LabelDef(key=key, name=key, color=color, position=position + len(added)))
        if added:
            self.save_labels(added)
        return [label.key for label in added]

    def label_usage(self) -> dict[str, int]:
        """How many spans use each label key."""
        rows = self.db.execute("SELECT label, count(*) FROM spans GROUP BY label").fetchall()
        return {str(r[0]): int(r[1]) for r in rows}

    # -- layers (one annotator's spans, or the gold layer) ---------------------------------

    def layers(self) -> list[str]:
        """Names of every layer with spans or a name in this project (gold last, if present)."""
        names = [n for n in self.annotators() if n != GOLD]
        has_gold = self.db.execute("SELECT 1 FROM spans WHERE annotator = ? LIMIT 1", [GOLD])
        return names + ([GOLD] if has_gold.fetchone() else [])

    def layer_origins(self) -> dict[str, dict[str, int]]:
        """For every layer, how many of its spans came from each origin (manual, import...)."""
        found: dict[str, dict[str, int]] = {}
        for name, origin, count in self.db.execute(
            "SELECT annotator, origin, count(*) FROM spans GROUP BY annotator, origin"
        ):
            found.setdefault(str(name), {})[str(origin)] = int(count)
        return found

    def done_articles(self, annotator: str) -> set[int]:
        """Ids of the articles `annotator` marked done."""
        rows = self.db.execute(
            "SELECT article_id FROM article_status WHERE annotator = ? AND status = 'done'",
            [annotator],
        ).fetchall()
        return {int(r[0]) for r in rows}

    def layer_spans(
        self, annotators: Iterable[str], article_ids: Iterable[int] | None = None
    ) -> dict[int, list[Span]]:
        """Spans of the given layers grouped by article id (by position); all articles if None."""
        names = list(annotators)
        if not names:
            return {}
        sql = (
            f"SELECT {_SPAN_COLUMNS} FROM spans WHERE annotator IN ({', '.join('?' * len(names))})"
        )
        params: list[Any] = list(names)
        ids = None if article_ids is None else sorted(set(article_ids))
        if ids is not None:
            if not ids:
                return {}
            sql += " AND article_id IN (SELECT value FROM json_each(?))"
            params.append(json.dumps(ids))
        grouped: dict[int, list[Span]] = {}
        for row in self.db.execute(sql + ' ORDER BY article_id, start, "end", id', params):
            grouped.setdefault(row[1], []).append(_span(row))
        return grouped

    def replace_layer(
        self,
        article_id: int,
        annotator: str,
        rows: list[tuple[str, int, int, dict[str, Any], str, str, str, str]],
    ) -> tuple[int, int]:
        """Make `annotator`'s spans on one article exactly `rows`
        `(label, start, end, attrs, note, origin, created, updated)`, in one transaction.

        Spans already there with the same (label, start, end) keep their id (their fields are
        brought up to date); the rest are deleted or inserted. Returns (added, removed).
        """
        with self.transaction():
            text = self._article_text(article_id)
            current: dict[tuple[str, int, int], Span] = {}
            doubles: list[Span] = []
            for span in self.spans(article_id, annotator):
                key = (span.label, span.start, span.end)
                if key in current:
                    doubles.append(span)
                else:
                    current[key] = span
            wanted: dict[tuple[str, int, int], tuple[Any, ...]] = {}
            for row in rows:
                label, start, end = row[0], row[1], row[2]
                check_range(start, end, len(text))
                wanted.setdefault((label, start, end), row)
            removed = [s for key, s in current.items() if key not in wanted] + doubles
            for span in removed:
                self.db.execute("DELETE FROM spans WHERE id = ?", [span.id])
            added = 0
            for key, (label, start, end, attrs, note, origin, created, updated) in wanted.items():
                attrs_json = json.dumps(attrs or {}, ensure_ascii=False, sort_keys=True)
                old = current.get(key)
                if old is not None:
                    self.db.execute(
                        "UPDATE spans SET attrs = ?, note = ?, origin = ?, updated = ?"
                        " WHERE id = ?",
                        [attrs_json, note, origin, updated, old.id],
                    )
                    continue
                insert_span(self.db.conn, [article_id, annotator, label, start, end,
                                           text[start:end], attrs_json, note, origin, created,
                                           updated])  # fmt: skip
                added += 1
        return added, len(removed)

    # -- review: decisions into the gold layer, review status, comments --------------------

    def record_decision(
        self,
        article_id: int,
        reviewer: str,
        layers: tuple[str, str],
        region: tuple[int, int],
        kind: str,
        decision: str,
        compared: tuple[list[Span], list[Span]],
        gold: list[tuple[str, int, int, dict[str, Any], str]],
        comment: str = "",
    ) -> Decision:
        """Settle one compared region (one transaction): earlier rulings on the same region
        and layers are superseded and their gold spans removed, then `gold` spans
        `(label, start, end, attrs, note)` are written to the gold layer with the reviewer,
        the decision and the time in their attrs. The compared layers are never touched."""
        if decision not in DECISIONS:
            raise ValueError(f"decision must be one of {', '.join(DECISIONS)}")
        if not reviewer.strip() or is_reserved_name(reviewer):
            raise ValueError("a decision needs the reviewer's name")
        layer_a, layer_b = layers
        start, end = region
        with self.transaction():
            self._supersede(article_id, layer_a, layer_b, start, end)
            stamp = now_iso()
            gold_ids: list[int] = []
            text = self._article_text(article_id)
            for label, g_start, g_end, attrs, note in gold:
                check_range(g_start, g_end, len(text))
                stamped = {**(attrs or {}), "reviewer": reviewer, "decision": decision}
                gold_ids.append(insert_span(self.db.conn, [
                    article_id, GOLD, label, g_start, g_end, text[g_start:g_end],
                    json.dumps(stamped, ensure_ascii=False, sort_keys=True), note, "review",
                    stamp, stamp,
                ]))  # fmt: skip
            cursor = self.db.execute(
                "INSERT INTO review_decisions (article_id, reviewer, layer_a, layer_b, start,"
                ' "end", kind, decision, a_spans, b_spans, gold_span_ids, comment, created)'
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [article_id, reviewer, layer_a, layer_b, start, end, kind, decision,
                 _spans_json(compared[0]), _spans_json(compared[1]), json.dumps(gold_ids),
                 comment, stamp],
            )  # fmt: skip
            if self.review_status(article_id) == "not_reviewed":
                self._put_review_status(article_id, "in_review", reviewer)
            decision_id = int(cursor.lastrowid or 0)
        found = self.decision(decision_id)
        assert found is not None
        return found

    def _supersede(self, article_id: int, layer_a: str, layer_b: str, start: int, end: int) -> None:
        rows = self.db.execute(
            "SELECT id, gold_span_ids FROM review_decisions WHERE article_id = ? AND layer_a = ?"
            ' AND layer_b = ? AND start = ? AND "end" = ? AND superseded = 0',
            [article_id, layer_a, layer_b, start, end],
        ).fetchall()
        for decision_id, gold_ids in rows:
            for span_id in json.loads(gold_ids):
                self.db.execute("DELETE FROM spans WHERE id = ? AND annotator = ?", [span_id, GOLD])
            self.db.execute(
                "UPDATE review_decisions SET superseded = 1 WHERE id = ?", [decision_id]
            )

    def revoke_decision(self, decision_id: int) -> Decision:
        """Withdraw a ruling (one transaction): its gold spans go, the record stays superseded."""
        with self.transaction():
            found = self.decision(decision_id)
            if found is None:
                raise KeyError(f"no decision {decision_id}")
            self._supersede(found.article_id, found.layer_a, found.layer_b, found.start, found.end)
        return found

    def decision(self, decision_id: int) -> Decision | None:
        """One decision by id."""
        row = self.db.execute(
            f"SELECT {_DECISION_COLUMNS} FROM review_decisions WHERE id = ?", [decision_id]
        ).fetchone()
        return _decision(row) if row else None

    def decisions(
        self, article_id: int | None = None, layers: tuple[str, str] | None = None
    ) -> list[Decision]:
        """Standing (not superseded) decisions, by article and position."""
        sql = f"SELECT {_DECISION_COLUMNS} FROM review_decisions WHERE superseded = 0"
        params: list[Any] = []
        if article_id is not None:
            sql += " AND article_id = ?"
            params.append(article_id)
        if layers is not None:
            sql += " AND layer_a = ? AND layer_b = ?"
            params.extend(layers)
        sql += ' ORDER BY article_id, start, "end", id'
        return [_decision(row) for row in self.db.execute(sql, params).fetchall()]

    def review_status(self, article_id: int) -> str:
        """not_reviewed, in_review or adjudicated."""
        row = self.db.execute(
            "SELECT status FROM review_status WHERE article_id = ?", [article_id]
        ).fetchone()
        return str(row[0]) if row else "not_reviewed"

    def has_reviews(self) -> bool:
        """True once any article has a recorded review status."""
        return self.db.execute("SELECT 1 FROM review_status LIMIT 1").fetchone() is not None

    def review_statuses(self) -> dict[int, str]:
        """Every recorded review status by article id (absent means not_reviewed)."""
        rows = self.db.execute("SELECT article_id, status FROM review_status").fetchall()
        return {int(r[0]): str(r[1]) for r in rows}

    def set_review_status(self, article_id: int, status: str, reviewer: str) -> str:
        """Set an article's review status (one transaction); returns the old one."""
        with self.transaction():
            old = self.review_status(article_id)
            self._put_review_status(article_id, status, reviewer)
        return old

    def _put_review_status(self, article_id: int, status: str, reviewer: str) -> None:
        if status not in REVIEW_STATUSES:
            raise ValueError(f"review status must be one of {', '.join(REVIEW_STATUSES)}")
        self.db.execute(
            "INSERT INTO review_status (article_id, status, reviewer, updated) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (article_id) DO UPDATE SET status = excluded.status,"
            " reviewer = excluded.reviewer, updated = excluded.updated",
            [article_id, status, reviewer, now_iso()],
        )

    def add_comment(
        self,
        article_id: int,
        author: str,
        body: str,
        start: int,
        end: int,
        span_id: int | None = None,
    ) -> Comment:
        """Keep a comment on a span or a stretch of text (one transaction)."""
        if not body.strip():
            raise ValueError("comment is empty")
        with self.transaction():
            text = self._article_text(article_id)
            if not 0 <= start <= end <= len(text):
                raise ValueError(f"comment range [{start}, {end}) outside the text")
            cursor = self.db.execute(
                'INSERT INTO comments (article_id, span_id, start, "end", author, body, created)'
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [article_id, span_id, start, end, author, body.strip(), now_iso()],
            )
        return self.comments(article_id, comment_id=int(cursor.lastrowid or 0))[0]

    def comments(
        self, article_id: int | None = None, comment_id: int | None = None
    ) -> list[Comment]:
        """Comments (of one article, or one by id), by position then time."""
        sql = 'SELECT id, article_id, span_id, start, "end", author, body, created FROM comments'
        where: list[str] = []
        params: list[Any] = []
        if article_id is not None:
            where.append("article_id = ?")
            params.append(article_id)
        if comment_id is not None:
            where.append("id = ?")
            params.append(comment_id)
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += ' ORDER BY article_id, start, "end", created, id'
        return [Comment(*row) for row in self.db.execute(sql, params).fetchall()]

    def merge_comments(
        self, article_id: int, comments: Iterable[tuple[str, str, int, int, str]]
    ) -> int:
        """Add comments `(author, body, start, end, created)` to an article unless an identical
        one (same author, body and range) is there already; how many were added."""
        added = 0
        with self.transaction():
            length = len(self._article_text(article_id))
            for author, body, start, end, created in comments:
                if not 0 <= start <= end <= length:
                    raise ValueError(f"comment range [{start}, {end}) outside the text")
                found = self.db.execute(
                    "SELECT 1 FROM comments WHERE article_id = ? AND author = ? AND body = ?"
                    ' AND start = ? AND "end" = ?',
                    [article_id, author, body, start, end],
                ).fetchone()
                if found is None:
                    self.db.execute(
                        'INSERT INTO comments (article_id, span_id, start, "end", author, body,'
                        " created) VALUES (?, NULL, ?, ?, ?, ?, ?)",
                        [article_id, start, end, author, body, created or now_iso()],
                    )
                    added += 1
        return added

    def delete_comment(self, comment_id: int) -> None:
        """Remove a comment (one transaction)."""
        with self.transaction():
            self.db.execute("DELETE FROM comments WHERE id = ?", [comment_id])

    # -- exact row copies: how review and scheme actions undo themselves ---------------------

    def review_rows(self, article_id: int) -> Rows:
        """A copy of an article's gold spans, review decisions (standing or not) and review
        status: every row a ruling or an adjudication may write."""
        return row_sets.read(
            self.db.conn,
            [
                ("spans", "article_id = ? AND annotator = ?", [article_id, GOLD]),
                ("review_decisions", "article_id = ?", [article_id]),
                ("review_status", "article_id = ?", [article_id]),
            ],
        )

    def comment_rows(self, article_id: int) -> Rows:
        """A copy of an article's comments."""
        return row_sets.read(self.db.conn, [("comments", "article_id = ?", [article_id])])

    def label_rows(self) -> Rows:
        """A copy of the whole label scheme, retired labels and positions included."""
        return row_sets.read(self.db.conn, [("labels", "1", [])])

    def swap_rows(self, old: Rows, new: Rows) -> None:
        """Put the copied rows `new` in place of the copied rows `old` (one transaction).

        Raises `StaleRowsError` and writes nothing unless the database holds exactly `old`
        (and none of the rows only `new` has), e.g. after another program's change.
        """
        with self.transaction():
            row_sets.swap(self.db.conn, old, new)


def _article(row: tuple[Any, ...]) -> Article:
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
        meta=orjson.loads(row[12]) if row[12] and row[12] != "{}" else {},
        span_count=row[13],
    )


def _span(row: tuple[Any, ...]) -> Span:
    return Span(
        id=row[0],
        article_id=row[1],
        annotator=row[2],
        label=row[3],
        start=row[4],
        end=row[5],
        text=row[6],
        attrs=orjson.loads(row[7]) if row[7] and row[7] != "{}" else {},
        note=row[8],
        origin=row[9],
        created=row[10],
        updated=row[11],
    )


def _spans_json(spans: list[Span]) -> str:
    return json.dumps(
        [
            {"id": s.id, "annotator": s.annotator, "label": s.label, "start": s.start,
             "end": s.end, "attrs": s.attrs}
            for s in spans
        ],
        ensure_ascii=False,
    )  # fmt: skip


def _decision(row: tuple[Any, ...]) -> Decision:
    return Decision(
        id=row[0], article_id=row[1], reviewer=row[2], layer_a=row[3], layer_b=row[4],
        start=row[5], end=row[6], kind=row[7], decision=row[8], a_spans=json.loads(row[9]),
        b_spans=json.loads(row[10]), gold_span_ids=json.loads(row[11]), comment=row[12],
        created=row[13],
    )  # fmt: skip
