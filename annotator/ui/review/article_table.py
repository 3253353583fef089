"""The review window's article table: title, review status and open disagreements."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

REVIEW_TEXT = {
    "not_reviewed": "Not reviewed",
    "in_review": "In review",
    "adjudicated": "Adjudicated",
}


class ArticleTable(QTableWidget):
    """One row per compared article: title, review status, how many disagreements are open.

    Signals:
        article_chosen(int): the user moved to another row (article id).
    """

    article_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setHorizontalHeaderLabels(["Title", "Review", "Open"])
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self._ids: list[int] = []
        self.currentCellChanged.connect(self._on_current_changed)

    def fill(self, rows: list[tuple[int, str, str, int]]) -> None:
        """Show rows `(article id, title, review status, open count)` (no signal)."""
        blocker = QSignalBlocker(self)
        self._ids = [row[0] for row in rows]
        self.setRowCount(len(rows))
        for row, (article_id, title, status, open_count) in enumerate(rows):
            self._set_row(row, article_id, title, status, open_count)
        del blocker

    def update_row(self, article_id: int, status: str, open_count: int) -> None:
        """Bring one article's review status and open count up to date (its title stays)."""
        if article_id not in self._ids:
            return
        row = self._ids.index(article_id)
        title_cell = self.item(row, 0)
        title = title_cell.text() if title_cell is not None else f"Article {article_id}"
        self._set_row(row, article_id, title, status, open_count)

    def select(self, article_id: int) -> None:
        """Make an article's row the current one without telling anyone."""
        if article_id in self._ids and self.currentRow() != self._ids.index(article_id):
            blocker = QSignalBlocker(self)
            self.setCurrentCell(self._ids.index(article_id), 0)
            del blocker

    def _set_row(self, row: int, article_id: int, title: str, status: str, open_count: int) -> None:
        for column, text in enumerate([title, REVIEW_TEXT[status], str(open_count)]):
            cell = QTableWidgetItem(text)
            cell.setData(Qt.ItemDataRole.UserRole, article_id)
            self.setItem(row, column, cell)

    def _on_current_changed(self, row: int, *_: int) -> None:
        if 0 <= row < len(self._ids):
            self.article_chosen.emit(self._ids[row])
