"""Moving through the article list: opening an article, filters, next/previous, mark done."""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.actions import SetStatus
from annotator.ui.models.article_list_model import ArticleListModel

if TYPE_CHECKING:
    from PySide6.QtCore import QModelIndex

    from annotator.ui.main_window import MainWindow


class ArticleNavigation:
    """The list and the open article (a part of `MainWindow`)."""

    def _open_initial_article(self: MainWindow) -> None:
        wanted = self.last_article()
        row = self.list_model.row_of(wanted, fetch=False) if wanted is not None else None
        if row is None and wanted is not None and not self.list_model.is_complete():
            # Its row may come with the rest of the list: open it now, select it when counted.
            self.open_article(wanted)
            if self.article is not None:
                return
        if row is None and self.list_model.rowCount() > 0:
            row = 0
        if row is not None:
            self.list_view.selectRow(row)

    def open_article(self: MainWindow, article_id: int) -> None:
        """Show an article in the reader with all its spans."""
        article = self.store.article(article_id)
        if article is None:
            return
        self.article = article
        self.header.show_article(article, self.digits_action.isChecked())
        spans = self.store.spans(article_id)
        self._spans = {span.id: span for span in spans}
        self.reader.set_article(article.text, [self._paint(s) for s in spans if self._drawn(s)])
        self.panel.set_spans(spans, self.annotator)
        self._refresh_doc_labels()
        self._article_shown()  # search and find marks
        self._frame_article_shown()  # the claim frame panel and its marks
        self._suggestions_article_shown()
        self.settings.setValue("last_article", article_id)
        row = self.list_model.row_of(article_id, fetch=False)
        if row is not None and self.list_view.currentIndex().row() != row:
            self.list_view.selectRow(row)

    def _on_list_current_changed(self: MainWindow, current: QModelIndex, _previous: object) -> None:
        if current.isValid():
            article_id = self.list_model.article_id(current.row())
            if self.article is None or self.article.id != article_id:
                self.open_article(article_id)

    def _on_list_reset(self: MainWindow) -> None:
        self._show_review_column()
        self._select_open_article()

    def _on_list_counted(self: MainWindow, _total: int) -> None:
        """The rest of the list arrived: the open article's row may be among it."""
        if self.list_view.currentIndex().row() < 0:
            self._select_open_article()

    def _select_open_article(self: MainWindow) -> None:
        if self.article is not None:
            row = self.list_model.row_of(self.article.id, fetch=False)
            if row is not None:
                self.list_view.selectRow(row)

    def _show_review_column(self: MainWindow) -> None:
        """The Review column takes room from titles: shown once the project has reviews."""
        self.list_view.setColumnHidden(ArticleListModel.REVIEW, not self.store.has_reviews())

    def _apply_filters(self: MainWindow) -> None:
        self.list_model.set_filter(
            self.status_filter.currentData(),
            self.label_filter.currentData(),
            self.search_edit.text(),
        )

    def _step(self: MainWindow, forward: bool, untagged_only: bool = False) -> None:
        if self.list_model.rowCount() == 0:
            return
        row = self.list_view.currentIndex().row()
        if forward:
            target = self.list_model.next_row(row, untagged_only=untagged_only)
        else:
            target = row - 1 if row > 0 else None
        if target is None:
            self.statusBar().showMessage(self.tr("No more articles in this list."), 3000)
            return
        self.list_view.selectRow(target)

    def next_article(self: MainWindow, untagged_only: bool = False) -> None:
        """Open the next article in the list (the next one without claims if asked)."""
        self._step(True, untagged_only)

    def previous_article(self: MainWindow) -> None:
        """Open the previous article in the list."""
        self._step(False)

    def mark_done(self: MainWindow) -> None:
        """Mark the open article done for this annotator and move to the next one."""
        if self.article is None:
            return
        if self.controller.apply(SetStatus(self.article.id, self.annotator, "done")):
            self.next_article()

    def _open_listed_article(self: MainWindow, article_id: int) -> None:
        """Select an article in the list, clearing the filters if they hide it."""
        row = self.list_model.row_of(article_id)
        if row is None:
            self.status_filter.setCurrentIndex(0)
            self.label_filter.setCurrentIndex(0)
            self.search_edit.clear()
            self._apply_filters()
            row = self.list_model.row_of(article_id)
        if row is not None:
            self.list_view.selectRow(row)
