"""The left pane: search box, status and label filters over the article list table."""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.scheme import LabelDef
from annotator.store import Store
from annotator.translatable import QT_TRANSLATE_NOOP
from annotator.ui.models.article_list_model import ArticleListModel, format_published
from annotator.ui.widgets.column_fit import RefitOnResize, fit_columns, shown_texts

STATUS_CHOICES = (
    (QT_TRANSLATE_NOOP("ArticleListPanel", "All articles"), None),
    (QT_TRANSLATE_NOOP("ArticleListPanel", "To do"), "todo"),
    (QT_TRANSLATE_NOOP("ArticleListPanel", "In progress"), "in_progress"),
    (QT_TRANSLATE_NOOP("ArticleListPanel", "Done"), "done"),
    (QT_TRANSLATE_NOOP("ArticleListPanel", "Review: not reviewed"), "review:not_reviewed"),
    (QT_TRANSLATE_NOOP("ArticleListPanel", "Review: in review"), "review:in_review"),
    (QT_TRANSLATE_NOOP("ArticleListPanel", "Review: adjudicated"), "review:adjudicated"),
)
SEARCH_DELAY_MS = 250  # typing pauses this long before the list is filtered
OUTLET_WIDTH_CAP = 180  # pixels: a long outlet name is elided (its tooltip has it whole)
TITLE_MIN_WIDTH = 140  # pixels the title keeps before claims, then outlet, are hidden
_FIT_ROWS = ArticleListModel.FIRST_PAGE  # rows measured: the ones a re-query read


class ArticleListPanel(QWidget):
    """Search, filters and the list of one annotator's articles.

    Signals:
        filters_changed(): the search text (after a pause) or a filter changed.
    """

    filters_changed = Signal()

    def __init__(self, store: Store, annotator: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.addAction(
            qta.icon("fa5s.search"), QLineEdit.ActionPosition.LeadingPosition
        )
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.filters_changed)
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        self.status_filter = QComboBox()
        for text, value in STATUS_CHOICES:
            self.status_filter.addItem(self.tr(text), value)
        self.status_filter.currentIndexChanged.connect(lambda _i: self.filters_changed.emit())
        self.label_filter = QComboBox()
        self.label_filter.currentIndexChanged.connect(lambda _i: self.filters_changed.emit())

        # The window queries once, after restoring its state (`ArticleListModel.refresh`).
        self.model = ArticleListModel(store, annotator, self, load=False)
        self.count_label = QLabel()
        self.count_label.setObjectName("article_count")
        self.model.modelReset.connect(self.show_count)
        self.model.counted.connect(self.show_count)
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
        header.setMinimumSectionSize(24)
        self.model.modelReset.connect(self.fit_columns)
        self.model.dataChanged.connect(lambda *_a: self.fit_columns())
        self._refit = RefitOnResize(self.view, self.fit_columns)
        self.fit_columns()

        filters = QHBoxLayout()
        filters.addWidget(self.status_filter)
        filters.addWidget(self.label_filter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search_edit)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)
        self.retranslate()

    def fit_columns(self) -> None:
        """The title takes the spare width; outlet, date, status, claims and review are as
        wide as what the rows read so far show (a date in both digit forms, so the width
        does not jump when they are switched); refitted when a row changes."""
        model, view = self.model, self.view
        columns = (model.OUTLET, model.PUBLISHED, model.STATUS, model.CLAIMS, model.REVIEW)
        texts = {column: shown_texts(view, column, _FIT_ROWS) for column in columns}
        texts[model.PUBLISHED] += [format_published("2025-12-31T23:59", b) for b in (0, 1)]
        fit_columns(view, model.TITLE, texts, (model.STATUS,), {model.OUTLET: OUTLET_WIDTH_CAP},
                    (model.CLAIMS, model.OUTLET), TITLE_MIN_WIDTH)  # fmt: skip

    def retranslate(self) -> None:
        """Texts in the interface language: placeholder, filter choices, count, headers."""
        self.search_edit.setPlaceholderText(self.tr("Search Bengali words…"))
        for i, (text, _value) in enumerate(STATUS_CHOICES):
            self.status_filter.setItemText(i, self.tr(text))
        if self.label_filter.count():
            self.label_filter.setItemText(0, self.tr("All labels"))
        self.model.retranslate()
        self.show_count()

    def show_count(self) -> None:
        """'N articles' under the list; 'N+ articles, counting…' while the rest is read; with
        a search, 'N articles match' (the first page is shown before the count is known). In
        Bengali digits when chosen."""
        total = self.model.total()
        if self.model.query().strip():
            if total is None:
                text = self.tr("%Ln+ article(s) match, counting…", "", self.model.rowCount())
            else:
                text = self.tr("%Ln article(s) match", "", total)
            self.count_label.setText(text)
        elif total is None:
            rows = self.model.rowCount()
            self.count_label.setText(self.tr("%Ln+ article(s), counting…", "", rows))
        else:
            self.count_label.setText(self.tr("%Ln article(s)", "", total))

    def set_labels(self, labels: list[LabelDef]) -> None:
        """Offer these labels in the label filter, keeping the chosen one if it is still there."""
        current = self.label_filter.currentData()
        self.label_filter.blockSignals(True)
        self.label_filter.clear()
        self.label_filter.addItem(self.tr("All labels"), None)
        for label in labels:
            self.label_filter.addItem(label.name, label.key)
        self.label_filter.setCurrentIndex(max(0, self.label_filter.findData(current)))
        self.label_filter.blockSignals(False)
