"""The agreement dashboard's per-article rows as a Qt table: one row per compared article.

A model over the result's list (no item objects), so 100,000 rows cost nothing to show: the
view asks only for the cells it paints.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from annotator.agreement import ArticleScores
from annotator.agreement_report import format_score
from annotator.translatable import QT_TRANSLATE_NOOP
from annotator.ui.i18n import digits, number, translate

HEADERS = (
    QT_TRANSLATE_NOOP("ArticleScoresModel", "Id"),
    QT_TRANSLATE_NOOP("ArticleScoresModel", "Title"),
    QT_TRANSLATE_NOOP("ArticleScoresModel", "Spans A"),
    QT_TRANSLATE_NOOP("ArticleScoresModel", "Spans B"),
    "Exact F1",
    "Overlap F1",
    "Cohen's κ",
)
_FIELDS = ("article_id", "title", "a_spans", "b_spans", "exact_f1", "overlap_f1", "cohen_kappa")
_Index = QModelIndex | QPersistentModelIndex
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class ArticleScoresModel(QAbstractTableModel):
    """Rows: the result's per-article scores (worst first); UserRole gives the article id."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ArticleScores] = []

    def set_rows(self, rows: list[ArticleScores]) -> None:
        """Show these rows."""
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def article_id(self, row: int) -> int:
        """The article of a row."""
        return self._rows[row].article_id

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        """One row per article."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        """The seven columns of `HEADERS`."""
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """A cell's text (figures to three decimals, "—" undefined), right-aligned numbers."""
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return row.article_id
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() != 1:
            return int(_RIGHT)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = getattr(row, _FIELDS[index.column()])
            if index.column() == 1:
                return value
            if index.column() == 0:
                return str(value)  # an id, as the store and the command line write it
            return number(value) if isinstance(value, int) else digits(format_score(value))
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column names."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("ArticleScoresModel", HEADERS[section])
        return None
