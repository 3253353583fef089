"""Document labels: a label an annotator gives a whole article."""

from __future__ import annotations

from typing import Any

from annotator.store.base import StoreBase, now_iso


class DocLabelRows(StoreBase):
    """The doc_labels table."""

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
