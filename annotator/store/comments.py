"""Comments on a span or a stretch of an article's text."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from annotator.models import Comment
from annotator.store.base import StoreBase, now_iso
from annotator.store.records import NewComment
from annotator.store.tables import TABLES, sql_list

_SELECT = sql_list(TABLES["comments"])


def _check_range(start: int, end: int, length: int) -> None:
    # A comment may sit on an empty stretch (a caret), unlike a span.
    if not 0 <= start <= end <= length:
        raise ValueError(f"comment range [{start}, {end}) outside the text")


class CommentRows(StoreBase):
    """The comments table."""

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
            _check_range(start, end, len(self._article_text(article_id)))
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
        sql = f"SELECT {_SELECT} FROM comments"
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

    def iter_comments(self) -> Iterator[Comment]:
        """Every comment, streamed in `comments()` order (by article, position, time)."""
        rows = self.db.execute(
            f'SELECT {_SELECT} FROM comments ORDER BY article_id, start, "end", created, id'
        )
        return (Comment(*row) for row in rows)

    def merge_comments(self, article_id: int, comments: Iterable[NewComment]) -> int:
        """Add comments to an article unless an identical one (same author, body and range)
        is there already; how many were added."""
        added = 0
        with self.transaction():
            length = len(self._article_text(article_id))
            for author, body, start, end, created in map(NewComment._make, comments):
                _check_range(start, end, length)
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
