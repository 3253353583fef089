"""Full-text search over titles and texts: the FTS5 index, kept up to date after imports.

`annotator.search.build_fts_query` turns what a user types into an FTS5 expression; this is
the only module that builds it (`search`, and `_fts_expression` for the article list's filter).
"""

from __future__ import annotations

import json

from annotator.store.base import StoreBase
from annotator.store.records import SearchHit

# Articles indexed for search per transaction after an import.
SEARCH_INDEX_BATCH = 500


class FullText(StoreBase):
    """The `articles_fts` index and the queries that read it."""

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

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Articles matching `query` (see `search.build_fts_query`), best first, with a snippet."""
        expression = _expression(query)
        if not expression:
            return []
        self._index_before_search()
        # Rank and cut in the index first, then read the few articles: joining every hit's
        # article row before sorting reads the whole table for a word in most articles.
        ranked = self.db.execute(
            "SELECT rowid, snippet(articles_fts, 1, '«', '»', '…', 16),"
            " bm25(articles_fts, 4.0, 1.0) AS rank"
            " FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank, rowid LIMIT ?",
            [expression, limit],
        ).fetchall()
        found = {
            row[0]: row
            for row in self.db.execute(
                "SELECT id, uid, title, outlet, published FROM articles"
                " WHERE id IN (SELECT value FROM json_each(?))",
                [json.dumps([row[0] for row in ranked])],
            )
        }
        return [
            SearchHit(*found[article_id], snippet, rank)
            for article_id, snippet, rank in ranked
            if article_id in found
        ]

    def _fts_expression(self, query: str) -> str | None:
        """The FTS5 expression for `query` (`search.build_fts_query`), or None when it can match
        nothing; indexes pending articles first, so a search sees every committed article."""
        expression = _expression(query)
        if not expression:
            return None
        self._index_before_search()
        return expression


def _expression(query: str) -> str:
    from annotator.search import build_fts_query  # noqa: PLC0415 - loads the regex engine

    return build_fts_query(query)
