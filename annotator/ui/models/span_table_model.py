"""Adapter from the open article's list of spans to a Qt table (label, text, attributes)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QIcon, QPalette, QPixmap
from PySide6.QtWidgets import QApplication

from annotator.models import Span
from annotator.scheme import LabelDef
from annotator.translatable import QT_TRANSLATE_NOOP

COLUMNS = (
    QT_TRANSLATE_NOOP("SpanTableModel", "Label"),
    QT_TRANSLATE_NOOP("SpanTableModel", "Text"),
    QT_TRANSLATE_NOOP("SpanTableModel", "Certainty"),
    QT_TRANSLATE_NOOP("SpanTableModel", "Source"),
    QT_TRANSLATE_NOOP("SpanTableModel", "Annotator"),
    QT_TRANSLATE_NOOP("SpanTableModel", "Note"),
)
_Index = QModelIndex | QPersistentModelIndex


def swatch(color: str, size: int = 12) -> QIcon:
    """A square icon filled with `color`."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


class SpanTableModel(QAbstractTableModel):
    """Rows are the spans of one article in text order; data() reads the list, never the store."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._spans: list[Span] = []
        self._labels: dict[str, LabelDef] = {}
        self._icons: dict[str, QIcon] = {}
        self._annotator = ""

    def set_labels(self, labels: list[LabelDef]) -> None:
        """Names and colours used for the Label column."""
        self.beginResetModel()
        self._labels = {label.key: label for label in labels}
        self._icons = {label.key: swatch(label.color) for label in labels}
        self.endResetModel()

    def set_spans(self, spans: list[Span], annotator: str) -> None:
        """Show these spans; `annotator`'s own are drawn normally, others' greyed."""
        self.beginResetModel()
        self._spans = list(spans)
        self._annotator = annotator
        self.endResetModel()

    def spans(self) -> list[Span]:
        """The spans, in row order."""
        return list(self._spans)

    def span(self, row: int) -> Span:
        """The span in `row`."""
        return self._spans[row]

    def row_of(self, span_id: int) -> int | None:
        """Row of a span id, or None."""
        for row, span in enumerate(self._spans):
            if span.id == span_id:
                return row
        return None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Number of spans."""
        return 0 if parent.isValid() else len(self._spans)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Number of columns."""
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text, label swatch, full-text tooltip, greyed text for others' spans."""
        if not index.isValid():
            return None
        span = self._spans[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(span, column)
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return self._icons.get(span.label)
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            return span.text
        if role == Qt.ItemDataRole.UserRole:
            return span.id
        if role == Qt.ItemDataRole.ForegroundRole and span.annotator != self._annotator:
            return QApplication.palette().brush(QPalette.ColorRole.PlaceholderText)
        return None

    def _cell(self, span: Span, column: int) -> str:
        if column == 0:
            label = self._labels.get(span.label)
            return label.name if label else span.label
        if column == 1:
            return " ".join(span.text.split())
        if column == 2:
            return str(span.attrs.get("certainty", ""))
        if column == 3:
            return str(span.attrs.get("source", ""))
        if column == 4:
            return span.annotator
        return span.note
