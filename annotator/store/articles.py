"""Articles: storing drafts (staged, then one insert), reading one or many, the export stream."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from itertools import groupby
from operator import itemgetter
from typing import Any, Literal, overload

from annotator.models import Article, ArticleDraft, Span
from annotator.outlets import outlet_from_url
from annotator.store.base import StoreBase, now_iso
from annotator.store.records import (
    ARTICLE_RECORD_SELECT,
    ARTICLE_SELECT,
    SPAN_SELECT,
    AddResult,
    ArticleRecord,
    ArticleRow,
    SpanRecord,
    article_from_row,
    span_from_row,
)
from annotator.store.tables import omit, sql_list
from annotator.text import canonical_uid, canonicalise, content_uid

_STAGED = omit("articles", "id")
STAGED_COLUMNS = _STAGED  # an articles row as `article_row` gives it: every column but id
_STAGE_COLUMNS = sql_list(_STAGED)
_SPAN_ORDER = itemgetter(*(SpanRecord._fields.index(f) for f in ("start", "end", "id")))

FullArticle = tuple[Article, list[Span], list[tuple[str, str]], dict[str, str]]
"""An article with its spans, (annotator, document label) pairs and statuses."""
FullRecord = tuple[ArticleRecord, list[SpanRecord], list[tuple[str, str]], dict[str, str]]
"""`FullArticle` as plain records (`ArticleRecord`, `SpanRecord`)."""


def follow(rows: Iterable[Any], column: int) -> Callable[[int], list[Any]]:
    """For `rows` sorted by the article id in `column`: a function giving each article's rows,
    asked for in increasing article id order (one pass over the rows, no per-article query)."""
    groups = groupby(rows, itemgetter(column))
    pending = next(groups, None)

    def take(article_id: int) -> list[Any]:
        nonlocal pending
        while pending is not None and pending[0] < article_id:
            pending = next(groups, None)
        if pending is None or pending[0] != article_id:
            return []
        found = list(pending[1])
        pending = next(groups, None)
        return found

    return take


def article_row(draft: ArticleDraft, text: str, uid: str, stamp: str) -> tuple[Any, ...]:
    """The articles row (`STAGED_COLUMNS`) of a draft whose canonical text is `text` and
    uid `uid`, imported at `stamp`."""
    return (
        uid, canonicalise(draft.title).strip(),
        canonicalise(draft.outlet).strip() or outlet_from_url(draft.url),
        canonicalise(draft.byline).strip(), draft.url.strip(), draft.published, draft.updated,
        text, draft.raw, draft.source_file, stamp,
        json.dumps(draft.meta, ensure_ascii=False, sort_keys=True, default=str),
    )  # fmt: skip


class ArticleRows(StoreBase):
    """The articles table: drafts in, articles out."""

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
                rows[uid] = article_row(draft, text, uid, stamp)
        marks = ", ".join("?" * len(_STAGED))
        self._fill_temp("stage_articles", _STAGE_COLUMNS, rows.values(), marks)
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
            # Inside a caller's transaction, the caller indexes after it (`FullText`).
            self.index_pending()  # type: ignore[attr-defined]
        results: list[AddResult] = []
        first = set(created)  # the draft that created an article reports it, repeats do not
        for uid in uids:
            if uid in known:
                results.append(AddResult(known[uid], uid, False))
            else:
                results.append(AddResult(created[uid], uid, uid in first))
                first.discard(uid)
        return results

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
            f"SELECT {ARTICLE_SELECT}, (SELECT count(*) FROM spans s WHERE s.article_id = a.id)"
            " FROM articles a WHERE id = ?",
            [article_id],
        ).fetchone()
        return article_from_row(row) if row is not None else None

    def article_by_uid(self, uid: str) -> Article | None:
        """Find an article by its content uid."""
        row = self.db.execute("SELECT id FROM articles WHERE uid = ?", [uid]).fetchone()
        return self.article(row[0]) if row else None

    def article_by_text(self, text: str) -> Article | None:
        """The article whose canonical text equals `text` (canonicalised here), if any."""
        return self.article_by_uid(content_uid(text))

    def articles(self, limit: int | None = None, offset: int = 0) -> list[ArticleRow]:
        """Article list rows, newest publication first (undated last), then by id."""
        sql = (
            "SELECT a.id, a.uid, a.title, a.outlet, a.published, a.updated,"
            " (SELECT count(*) FROM spans s WHERE s.article_id = a.id) FROM articles a"
        )
        params: list[Any] = []
        if limit is None:  # every row: one pass over the table, then a sort
            sql += " ORDER BY a.published IS NULL, a.published DESC, a.id"
        else:  # the same order (NULL sorts last descending) from the date index: no sort
            sql += " ORDER BY a.published DESC, a.id LIMIT ? OFFSET ?"
            params = [limit, offset]
        return [ArticleRow(*row) for row in self.db.execute(sql, params).fetchall()]

    def article_id_range(self) -> tuple[int, int]:
        """The smallest and the largest article id ((0, 0) without articles)."""
        row = self.db.execute("SELECT min(id), max(id) FROM articles").fetchone()
        return (int(row[0]), int(row[1])) if row[0] is not None else (0, 0)

    def article_count(self) -> int:
        """Number of stored articles."""
        return int(self.db.execute("SELECT count(*) FROM articles").fetchone()[0])

    @overload
    def iter_full_articles(self, *, raw: Literal[False] = False) -> Iterator[FullArticle]: ...

    @overload
    def iter_full_articles(self, *, raw: Literal[True]) -> Iterator[FullRecord]: ...

    @overload
    def iter_full_articles(self, *, raw: bool) -> Iterator[FullArticle | FullRecord]: ...

    def iter_full_articles(self, *, raw: bool = False) -> Iterator[FullArticle | FullRecord]:
        """Every article in id order with its spans (by start, end, id), (annotator, doc label)
        pairs (by label) and statuses.

        One streaming query per table, opened together (so one snapshot) and merged by article
        id: no query per article or batch. With `raw`, the article is an `ArticleRecord` (no
        raw page, `meta` as JSON text) and the spans are `SpanRecord`s (`attrs` as JSON text):
        much cheaper for writers that only copy fields.
        """
        articles = self.db.execute(
            f"SELECT {ARTICLE_RECORD_SELECT if raw else ARTICLE_SELECT + ', 0'}"
            " FROM articles ORDER BY id"
        )
        # The (article_id, start) index gives this order without sorting; ties are put in
        # (start, end, id) order below.
        spans = follow(
            map(
                SpanRecord._make,
                self.db.execute(f"SELECT {SPAN_SELECT} FROM spans ORDER BY article_id, start"),
            ),
            1,
        )
        docs = follow(
            self.db.execute(
                "SELECT article_id, annotator, label FROM doc_labels"
                " ORDER BY article_id, label, annotator"
            ),
            0,
        )
        statuses = follow(
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
                yield ArticleRecord._make(row), span_rows, pairs, status
            else:
                yield article_from_row(row), [span_from_row(r) for r in span_rows], pairs, status
