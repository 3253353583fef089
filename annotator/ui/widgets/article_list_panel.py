"""The left pane: search box, status and label filters over the article list table."""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.scheme import LabelDef
from annotator.store import Store
from annotator.ui.models.article_list_model import ArticleListModel

STATUS_CHOICES = (("All articles", None), ("To do", "todo"), ("In progress", "in_progress"),
                  ("Done", "done"), ("Review: not reviewed", "review:not_reviewed"),
                  ("Review: in review", "review:in_review"),
                  ("Review: adjudicated", "review:adjudicated"))  # fmt: skip
SEARCH_DELAY_MS = 250  # typing pauses this long before the list is filtered
_COLUMN_WIDTHS = ((1, 72), (2, 112), (3, 44), (4, 44), (5, 76))


class ArticleListPanel(QWidget):
    """Search, filters and the list of one annotator's articles.

    Signals:
        filters_changed(): the search text (after a pause) or a filter changed.
    """

    filters_changed = Signal()

    def __init__(self, store: Store, annotator: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText("Search Bengali words…")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.addAction(
            qta.icon("fa5s.search"), QLineEdit.ActionPosition.LeadingPosition
        )
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.filters_changed)
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        self.status_filter = QComboBox()
        for text, value in STATUS_CHOICES:
            self.status_filter.addItem(text, value)
        self.status_filter.currentIndexChanged.connect(lambda _i: self.filters_changed.emit())
        self.label_filter = QComboBox()
        self.label_filter.currentIndexChanged.connect(lambda _i: self.filters_changed.emit())

        # The window queries once, after restoring its state (`ArticleListModel.refresh`).
        self.model = ArticleListModel(store, annotator, self, load=False)
        self.count_label = QLabel()
        self.count_label.setObjectName("article_count")
        self.model.modelReset.connect(self._show_count)
        self.model.counted.connect(self._show_count)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.view.horizontalHeader()
        header.setSortIndicator(self.model.sort_column(), self.model.sort_order())
        self.view.setSortingEnabled(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(26)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in _COLUMN_WIDTHS:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)

        filters = QHBoxLayout()
        filters.addWidget(self.status_filter)
        filters.addWidget(self.label_filter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search_edit)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)

    def _show_count(self) -> None:
        """'N articles' under the list; 'N+ articles, counting…' while the rest is read; with
        a search, 'N articles match' (the first page is shown before the count is known)."""
        total = self.model.total()
        if self.model.query().strip():
            if total is None:
                text = self.tr("%Ln+ article(s) match, counting…", "", self.model.rowCount())
            else:
                text = self.tr("%Ln article(s) match", "", total)
            self.count_label.setText(text)
        elif total is None:
            self.count_label.setText(f"{self.model.rowCount():,}+ articles, counting…")
        else:
            self.count_label.setText(f"{total:,} article" + ("" if total == 1 else "s"))

    def set_labels(self, labels: list[LabelDef]) -> None:
        """Offer these labels in the label filter, keeping the chosen one if it is still there."""
        current = self.label_filter.currentData()
        self.label_filter.blockSignals(True)
        self.label_filter.clear()
        self.label_filter.addItem("All labels", None)
        for label in labels:
            self.label_filter.addItem(label.name, label.key)
        self.label_filter.setCurrentIndex(max(0, self.label_filter.findData(current)))
        self.label_filter.blockSignals(False)
