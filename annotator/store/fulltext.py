"""Full-text search over titles and texts: the FTS5 index, kept up to date after imports.

`annotator.search.build_fts_query` turns what a user types into an FTS5 expression; this is
the only module that runs it (`search`, and `match` for the article list's filter).
"""

from __future__ import annotations

import json
from typing import Any

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
        rows = self.db.execute(
            "SELECT a.id, a.uid, a.title, a.outlet, a.published,"
            " snippet(articles_fts, 1, '«', '»', '…', 16), bm25(articles_fts, 4.0, 1.0) AS rank"
            " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
            " WHERE articles_fts MATCH ? ORDER BY rank, a.id LIMIT ?",
            [expression, limit],
        ).fetchall()
        return [SearchHit(*row) for row in rows]

    def match(self, query: str) -> tuple[str, str, list[Any]] | None:
        """For filtering a list of articles `a` by `query`: (FROM source, WHERE condition,
        its parameters), or None when the query can match nothing. Indexes pending articles
        first."""
        expression = _expression(query)
        if not expression:
            return None
        self._index_before_search()
        return (
            "articles_fts f JOIN articles a ON a.id = f.rowid",
            "articles_fts MATCH ?",
            [expression],
        )


def _expression(query: str) -> str:
    from annotator.search import build_fts_query  # noqa: PLC0415 - loads the regex engine

    return build_fts_query(query)
