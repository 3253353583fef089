"""Adapter from the open article's list of spans to a Qt table (label, text, layer,
attributes), filtered by annotator and label; a colleague's rows are tinted and italic."""

from __future__ import annotations

import zlib
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPixmap

from annotator.attributes import attr_text, attrs_summary
from annotator.models import Span
from annotator.scheme import LabelDef
from annotator.translatable import QT_TRANSLATE_NOOP
from annotator.ui.i18n import shown_attribute

COLUMNS = (
    QT_TRANSLATE_NOOP("SpanTableModel", "Label"),
    QT_TRANSLATE_NOOP("SpanTableModel", "Text"),
    QT_TRANSLATE_NOOP("SpanTableModel", "Annotator"),
    QT_TRANSLATE_NOOP("SpanTableModel", "Certainty"),
    QT_TRANSLATE_NOOP("SpanTableModel", "Source"),
    QT_TRANSLATE_NOOP("SpanTableModel", "Note"),
)
LABEL, TEXT, ANNOTATOR, CERTAINTY, SOURCE, NOTE = range(len(COLUMNS))
# A colleague's rows: a warm tint over the table's own background (light or dark theme).
COLLEAGUE_TINT = QColor(255, 170, 0, 48)
# Layer markers beside a colleague's name, one colour per name (the same in every session).
LAYER_COLORS = ("#d35400", "#8e44ad", "#16a085", "#c0392b", "#2c3e50", "#7f8c00", "#b03a8a")
_Index = QModelIndex | QPersistentModelIndex


def swatch(color: str, size: int = 12) -> QIcon:
    """A square icon filled with `color`."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


def layer_color(annotator: str) -> str:
    """The marker colour of a colleague's layer (stable across sessions)."""
    return LAYER_COLORS[zlib.crc32(annotator.encode("utf-8")) % len(LAYER_COLORS)]


class SpanTableModel(QAbstractTableModel):
    """Rows are the spans of one article in text order, those the filter lets through;
    data() reads the list, never the store."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[Span] = []
        self._spans: list[Span] = []
        self._labels: dict[str, LabelDef] = {}
        self._icons: dict[str, QIcon] = {}
        self._layer_icons: dict[str, QIcon] = {}
        self._annotator = ""
        self._only_annotator: str | None = None
        self._only_label: str | None = None
        self._show_colleagues = True
        self._italic = QFont()
        self._italic.setItalic(True)
        self._tint = QBrush(COLLEAGUE_TINT)

    def set_labels(self, labels: list[LabelDef]) -> None:
        """Names and colours used for the Label column."""
        self.beginResetModel()
        self._labels = {label.key: label for label in labels}
        self._icons = {label.key: swatch(label.color) for label in labels}
        self.endResetModel()

    def set_spans(self, spans: list[Span], annotator: str) -> None:
        """Show these spans (those the filter lets through); `annotator`'s own are drawn
        normally, a colleague's tinted and italic with a marker of their layer."""
        self.beginResetModel()
        self._all = list(spans)
        self._annotator = annotator
        self._spans = [span for span in self._all if self._passes(span)]
        self.endResetModel()

    def set_filter(
        self, annotator: str | None = None, label: str | None = None, colleagues: bool = True
    ) -> None:
        """Show only `annotator`'s spans and only `label`'s (None: any); `colleagues=False`
        leaves out every layer but the analyst's own."""
        self.beginResetModel()
        self._only_annotator, self._only_label = annotator, label
        self._show_colleagues = colleagues
        self._spans = [span for span in self._all if self._passes(span)]
        self.endResetModel()

    def _passes(self, span: Span) -> bool:
        if not self._show_colleagues and span.annotator != self._annotator:
            return False
        if self._only_annotator is not None and span.annotator != self._only_annotator:
            return False
        return self._only_label is None or span.label == self._only_label

    def annotators(self) -> list[str]:
        """The layers among the article's spans (the analyst's own first)."""
        names = sorted({span.annotator for span in self._all} - {self._annotator})
        return [self._annotator, *names] if self._annotator else names

    def spans(self) -> list[Span]:
        """The spans shown, in row order."""
        return list(self._spans)

    def all_spans(self) -> list[Span]:
        """Every span of the article, the filtered-out ones too."""
        return list(self._all)

    def find(self, span_id: int) -> Span | None:
        """The article's span with this id, shown or not."""
        return next((span for span in self._all if span.id == span_id), None)

    def span(self, row: int) -> Span:
        """The span in `row`."""
        return self._spans[row]

    def row_of(self, span_id: int) -> int | None:
        """Row of a span id, or None (not shown)."""
        for row, span in enumerate(self._spans):
            if span.id == span_id:
                return row
        return None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Number of spans shown."""
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
        """Cell text, label swatch and layer marker, a tooltip with everything about the
        span, and a colleague's rows tinted and italic."""
        if not index.isValid():
            return None
        span = self._spans[index.row()]
        column = index.column()
        colleague = span.annotator != self._annotator
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(span, column)
        if role == Qt.ItemDataRole.DecorationRole:
            if column == LABEL:
                return self._icons.get(span.label)
            if column == ANNOTATOR and colleague:
                return self._layer_icon(span.annotator)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(span)
        if role == Qt.ItemDataRole.UserRole:
            return span.id
        if role == Qt.ItemDataRole.FontRole and colleague:
            return self._italic
        if role == Qt.ItemDataRole.BackgroundRole and colleague:
            return self._tint
        return None

    def _layer_icon(self, annotator: str) -> QIcon:
        icon = self._layer_icons.get(annotator)
        if icon is None:
            icon = self._layer_icons[annotator] = swatch(layer_color(annotator), 10)
        return icon

    def tooltip(self, span: Span) -> str:
        """The span's whole text, its layer, attributes and note."""
        if span.annotator == self._annotator:
            layer = QCoreApplication.translate("SpanTableModel", "Your layer ({name})")
        else:
            layer = QCoreApplication.translate(
                "SpanTableModel", "{name}'s layer (a colleague's: read only)"
            )
        lines = [" ".join(span.text.split()), layer.format(name=span.annotator)]
        if summary := attrs_summary(span.attrs, shown_attribute):
            lines.append(summary)
        if span.note:
            lines.append(
                QCoreApplication.translate("SpanTableModel", "Note: {note}").format(note=span.note)
            )
        return "\n".join(lines)

    def _cell(self, span: Span, column: int) -> str:
        if column == LABEL:
            label = self._labels.get(span.label)
            return label.name if label else span.label
        if column == TEXT:
            return " ".join(span.text.split())
        if column == ANNOTATOR:
            return span.annotator
        if column == CERTAINTY:
            return shown_attribute(attr_text(span.attrs.get("certainty")))
        if column == SOURCE:
            return attr_text(span.attrs.get("source"))
        return span.note
