"""The review window's article table: title, review status and open disagreements.

A view of `ReviewArticleModel`, which reads the compared articles from the store a page at a
time as the table is scrolled.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from annotator.store import Store
from annotator.ui.review.article_model import REVIEW_TEXT, ReviewArticleModel
from annotator.ui.widgets.column_fit import fit_columns, shown_texts


class ArticleTable(QTableView):
    """One row per compared article: title, review status, how many disagreements are open.

    Signals:
        article_chosen(int): the user moved to another row (article id).
    """

    article_chosen = Signal(int)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.articles = ReviewArticleModel(store, self)
        self.setModel(self.articles)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.articles.modelReset.connect(self._fit_columns)
        self._fit_columns()
        self._quiet = False
        self.selectionModel().currentRowChanged.connect(self._on_current_changed)

    def _fit_columns(self) -> None:
        """The title takes the spare width; status and open count fit their words (only
        the header and the status words are measured: an open count compares articles)."""
        model = self.articles
        statuses = [*REVIEW_TEXT.values(), *shown_texts(self, model.REVIEW, 50)]
        fit_columns(self, model.TITLE, {model.REVIEW: statuses, model.OPEN: ["9999"]})

    def show_layers(self, layers: tuple[str, str] | None) -> None:
        """List the articles compared for `layers` (nothing when None), without a signal."""
        self._quiet = True
        try:
            self.articles.reset(layers)
        finally:
            self._quiet = False

    def update_row(self, article_id: int, status: str, open_count: int) -> None:
        """Bring one article's review status and open count up to date."""
        self.articles.update_row(article_id, status, open_count)

    def select(self, article_id: int) -> None:
        """Make an article's row the current one (fetching rows up to it) without telling
        anyone."""
        row = self.articles.load_through(article_id)
        if row is None or self.currentIndex().row() == row:
            return
        index = self.articles.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag
        self._quiet = True
        try:
            self.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
        finally:
            self._quiet = False
        self.scrollTo(index)

    def row_count(self) -> int:
        """Rows fetched so far."""
        return self.articles.rowCount()

    def text(self, row: int, column: int) -> str:
        """What a cell shows."""
        return str(self.articles.data(self.articles.index(row, column)))

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._quiet:
            self.article_chosen.emit(self.articles.article_id(current.row()))
