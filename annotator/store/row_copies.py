"""Exact copies of the rows a review or scheme action may touch, and putting them back: how
those actions undo themselves (the copying itself is `row_sets`)."""

from __future__ import annotations

from annotator.models import GOLD
from annotator.store import row_sets
from annotator.store.base import StoreBase
from annotator.store.row_sets import Rows


class RowCopies(StoreBase):
    """Copies of gold, review, comment and label rows; `swap_rows` puts a copy back."""

    def review_rows(self, article_id: int) -> Rows:
        """A copy of an article's gold spans, review decisions (standing or not), review
        status and gold relations (headed there): every row a ruling, an adjudication or an
        accepted relation may write (a ruling that drops a gold span drops its relations)."""
        return row_sets.read(
            self.db.conn,
            [
                ("spans", "article_id = ? AND annotator = ?", [article_id, GOLD]),
                ("review_decisions", "article_id = ?", [article_id]),
                ("review_status", "article_id = ?", [article_id]),
                ("relations", "annotator = ? AND article_id = ?", [GOLD, article_id]),
            ],
        )

    def comment_rows(self, article_id: int) -> Rows:
        """A copy of an article's comments."""
        return row_sets.read(self.db.conn, [("comments", "article_id = ?", [article_id])])

    def label_rows(self) -> Rows:
        """A copy of the whole label scheme, retired labels and positions included."""
        return row_sets.read(self.db.conn, [("labels", "1", [])])

    def relation_type_rows(self) -> Rows:
        """A copy of every relation type of the scheme."""
        return row_sets.read(self.db.conn, [("relation_types", "1", [])])

    def actor_rows(self) -> Rows:
        """A copy of the whole actor register."""
        return row_sets.read(self.db.conn, [("actors", "1", [])])

    def swap_rows(self, old: Rows, new: Rows) -> None:
        """Put the copied rows `new` in place of the copied rows `old` (one transaction).

        Raises `StaleRowsError` and writes nothing unless the database holds exactly `old`
        (and none of the rows only `new` has), e.g. after another program's change.
        """
        with self.transaction():
            row_sets.swap(self.db.conn, old, new)
