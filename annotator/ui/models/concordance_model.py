"""The concordance's lines (`annotator.concordance.Pages`) as a Qt table model that reads a
page at a time as the view scrolls (canFetchMore/fetchMore). Sorting asks the store again
(SQL ORDER BY over the whole result, keyset-paged); the context columns are not sortable."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from annotator.concordance import Line, Pages, sort_columns
from annotator.store import Store
from annotator.translatable import QT_TRANSLATE_NOOP
from annotator.ui.i18n import bengali_digits, shown_attribute
from annotator.ui.models.article_list_model import format_published

Index = QModelIndex | QPersistentModelIndex
TITLE, DATE, LABEL, ANNOTATOR, LEFT, SPAN, RIGHT, CERTAINTY = range(8)
# The store's sort key of each column ("": not sortable).
SORT_KEYS = ("title", "published", "label", "annotator", "", "text", "", "certainty")
_RIGHT_ALIGN = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
_CENTER = int(Qt.AlignmentFlag.AlignCenter.value)
_LEFT_ALIGN = int((Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter).value)
_HEADERS = (
    QT_TRANSLATE_NOOP("Concordance", "Title"),
    QT_TRANSLATE_NOOP("Concordance", "Date"),
    QT_TRANSLATE_NOOP("Concordance", "Label"),
    QT_TRANSLATE_NOOP("Concordance", "Annotator"),
    QT_TRANSLATE_NOOP("Concordance", "Left context"),
    QT_TRANSLATE_NOOP("Concordance", "Span"),
    QT_TRANSLATE_NOOP("Concordance", "Right context"),
    QT_TRANSLATE_NOOP("Concordance", "Certainty"),
)


def _headers() -> tuple[str, ...]:
    return tuple(QCoreApplication.translate("Concordance", name) for name in _HEADERS)


def _flat(text: str) -> str:
    """Context on one line of the table (line breaks and tabs as spaces)."""
    return " ".join(text.split())


class ConcordanceModel(QAbstractTableModel):
    """Lines of one concordance, fetched lazily; `labels` maps label keys to shown names."""

    PAGE = 200

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._lines: list[Line] = []
        self._pages: Pages | None = None
        self._query: tuple[str, str] | None = None
        self._sort = ""
        self._descending = False
        self.labels: dict[str, str] = {}
        self._bold = QFont()
        self._bold.setBold(True)

    def show(self, kind: str, value: str) -> None:
        """List the lines of a concordance of `kind` for `value` (its first page)."""
        self._query = (kind, value)
        self._restart()

    def _restart(self) -> None:
        self.beginResetModel()
        self._lines = []
        self._pages = None
        if self._query is not None:
            kind, value = self._query
            sort = self._sort if self._sort in sort_columns(kind) else ""
            self._pages = Pages(self._store, kind, value, sort, self._descending, self.PAGE)
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def is_complete(self) -> bool:
        """Whether every line has been read."""
        return self._pages is None or self._pages.done

    def line(self, row: int) -> Line:
        """The line shown in `row`."""
        return self._lines[row]

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802 - Qt
        """True while the store may hold more lines than read."""
        return not parent.isValid() and self._pages is not None and not self._pages.done

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802 - Qt
        """Read the next page of lines (a search term's page may hold none: read on)."""
        if parent.isValid() or self._pages is None:
            return
        lines: list[Line] = []
        while not lines and not self._pages.done:
            lines = self._pages.next_page()
        if not lines:
            return
        first = len(self._lines)
        self.beginInsertRows(QModelIndex(), first, first + len(lines) - 1)
        self._lines.extend(lines)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order by `column` in the store (a context column: the order lines were made)."""
        key = SORT_KEYS[column] if 0 <= column < len(SORT_KEYS) else ""
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) != (self._sort, self._descending):
            self._sort, self._descending = key, descending
            if self._query is not None:
                self._restart()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt
        """Lines read so far."""
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt
        """Title, date, label, annotator, left context, span, right context, certainty."""
        return 0 if parent.isValid() else len(SORT_KEYS)

    def headerData(  # noqa: N802 - Qt
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            headers = _headers()
            return headers[section] if 0 <= section < len(headers) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The line's cell: context right-aligned | span bold, centred | context."""
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line, column = self._lines[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(line, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in (LEFT, SPAN, RIGHT):
            return f"{line.left.strip()} [{line.text}] {line.right.strip()}"
        if role == Qt.ItemDataRole.FontRole and column == SPAN:
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return {LEFT: _RIGHT_ALIGN, SPAN: _CENTER}.get(column, _LEFT_ALIGN)
        return None

    def _text(self, line: Line, column: int) -> str:
        if column == TITLE:
            return line.title
        if column == DATE:
            return format_published(line.published, bengali_digits())
        if column == LABEL:
            return self.labels.get(line.label, line.label)
        if column == ANNOTATOR:
            return line.annotator
        if column == LEFT:
            return _flat(line.left)
        if column == SPAN:
            return _flat(line.text)
        if column == RIGHT:
            return _flat(line.right)
        return shown_attribute(line.certainty)
