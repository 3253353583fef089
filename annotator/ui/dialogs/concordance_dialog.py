"""Review → Concordance…: every span of a label or an actor, or every match of a search,
across the project, one line each with the sentence around it (KWIC). Enter or a
double-click on a line opens it in the main window."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.concordance import BY_ACTOR, BY_LABEL, BY_TERM
from annotator.scheme import LabelDef
from annotator.store import Store
from annotator.ui.models.concordance_model import LEFT, RIGHT, SPAN, TITLE, ConcordanceModel


class _ElideLeft(QStyledItemDelegate):
    """Left context cut on its left, so the words next to the span stay readable."""

    def initStyleOption(self, option: QStyleOptionViewItem, index) -> None:  # noqa: ANN001, N802
        """As any cell, elided at the left."""
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideLeft


class ConcordanceWindow(QWidget):
    """Choose what to list (a label, an actor, a search), then read it in context.

    Signals:
        line_activated(int, int, int, int): article id, span id (0 for a search match),
            start, end of the line opened.
    """

    line_activated = Signal(int, int, int, int)

    def __init__(self, store: Store, parent: QWidget | None = None, query: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Concordance"))
        self._store = store
        self._labels: list[LabelDef] = []
        self._query = query
        self.kind_box = QComboBox()
        self.kind_box.addItem(self.tr("Spans of a label"), BY_LABEL)
        self.kind_box.addItem(self.tr("Spans naming an actor"), BY_ACTOR)
        self.kind_box.addItem(self.tr("Matches of a search"), BY_TERM)
        self.kind_box.currentIndexChanged.connect(lambda _i: self._fill_values())
        self.value_box = QComboBox()
        self.value_box.setEditable(True)
        self.value_box.setMinimumWidth(260)
        self.value_box.lineEdit().returnPressed.connect(self.show_lines)
        self.value_box.activated.connect(lambda _i: self.show_lines())
        self.show_button = QPushButton(self.tr("Show"))
        self.show_button.clicked.connect(self.show_lines)
        self.model = ConcordanceModel(store, self)
        self.model.modelReset.connect(self._show_count)
        self.model.rowsInserted.connect(lambda *_a: self._show_count())
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        header.setToolTip(
            self.tr("Click a column to sort every line by it (the context columns are not sorted)")
        )
        for column in (LEFT, SPAN, RIGHT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(TITLE, 220)
        self._elide_left = _ElideLeft(self.view)
        self.view.setItemDelegateForColumn(LEFT, self._elide_left)
        self.view.activated.connect(self._on_activated)
        self.count_label = QLabel()
        self.count_label.setObjectName("concordance_count")

        top = QHBoxLayout()
        top.addWidget(self.kind_box)
        top.addWidget(self.value_box, 1)
        top.addWidget(self.show_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)
        self.resize(1200, 600)

    def set_labels(self, labels: Iterable[LabelDef]) -> None:
        """The labels offered (by name) and shown in the Label column."""
        self._labels = list(labels)
        self.model.labels = {label.key: label.name for label in self._labels}
        if self.kind_box.currentData() == BY_LABEL:
            self._fill_values()

    def choose(self, kind: str, value: str) -> None:
        """Pick `kind` (BY_LABEL with a label key, BY_ACTOR, BY_TERM) and `value`, and list."""
        self.kind_box.setCurrentIndex(self.kind_box.findData(kind))
        index = self.value_box.findData(value)
        if index >= 0:
            self.value_box.setCurrentIndex(index)
        else:
            self.value_box.setEditText(value)
        self.show_lines()

    def show_lines(self) -> None:
        """List the lines of what is chosen."""
        kind = self.kind_box.currentData()
        value = self.value_box.currentText().strip()
        index = self.value_box.findText(value)
        if kind == BY_LABEL and index >= 0 and self.value_box.itemData(index):
            value = self.value_box.itemData(index)
        self.model.show(kind, value)

    def _fill_values(self) -> None:
        kind = self.kind_box.currentData()
        self.value_box.clear()
        if kind == BY_LABEL:
            for label in self._labels:
                self.value_box.addItem(label.name, label.key)
        elif kind == BY_ACTOR:
            self.value_box.addItems(self._store.actor_names())
        else:
            self.value_box.setEditText(self._query)

    def _show_count(self) -> None:
        n = self.model.rowCount()
        if self.model.is_complete():
            self.count_label.setText(self.tr("%Ln line(s)", "", n))
        else:
            self.count_label.setText(self.tr("%Ln line(s) so far; scroll for more", "", n))

    def _on_activated(self, index) -> None:  # noqa: ANN001 - a QModelIndex
        line = self.model.line(index.row())
        self.line_activated.emit(line.article_id, line.span_id or 0, line.start, line.end)
