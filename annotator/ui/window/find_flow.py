"""Search hits and find in article in the reading pane, and the concordance window's way
back to an article (a part of `MainWindow`).

The ranges come from the core in code points: the words the list search matched
(`search.match_ranges`) and the find bar's matches (`find.find_all`); the reader draws them
as marks over the spans (`ui/reader/marks.py`) and converts them itself."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from annotator.find import find_all
from annotator.search import match_ranges
from annotator.ui.dialogs.concordance_dialog import ConcordanceWindow
from annotator.ui.reader.marks import FIND, FIND_CURRENT, SEARCH

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow


class FindFlow:
    """Search marks, the find bar's matches and the concordance window (a `MainWindow` part)."""

    _find_matches: list[tuple[int, int]]
    _find_current: int | None

    def _show_search_marks(self: MainWindow) -> None:
        """Mark in the reader the words the list search matched (none without a search)."""
        text = self.reader.text()
        query = self.search_edit.text()
        self.reader.set_marks(SEARCH, match_ranges(text, query) if query.strip() else [])

    def _article_shown(self: MainWindow) -> None:
        """A new article is in the reader: its search marks, and the find bar's matches."""
        self._show_search_marks()
        if self.find_bar.isVisible() and self.find_bar.text():
            self._update_find(scroll=False)

    # -- find in article -------------------------------------------------------------------

    def show_find(self: MainWindow) -> None:
        """Edit → Find in article: show the find bar (its field focused, text selected)."""
        self.find_bar.open()
        if self.find_bar.text():
            self._update_find(scroll=True)

    def close_find(self: MainWindow) -> None:
        """Hide the find bar, drop its marks, and give the reading pane the focus back."""
        self.find_bar.hide()
        self.reader.set_marks(FIND, [])
        self.reader.set_marks(FIND_CURRENT, [])
        self.reader.setFocus(Qt.FocusReason.OtherFocusReason)

    def find_next(self: MainWindow) -> None:
        """Go to the next match of the find bar's text (the bar opens if it has none)."""
        self._step_find(1)

    def find_previous(self: MainWindow) -> None:
        """Go to the previous match of the find bar's text."""
        self._step_find(-1)

    def _step_find(self: MainWindow, step: int) -> None:
        if not self.find_bar.text():
            self.show_find()
            return
        if not self.find_bar.isVisible():
            self.find_bar.show()
            self._update_find(scroll=False)
        if not self._find_matches:
            return
        if self._find_current is None:
            self._find_current = 0 if step > 0 else len(self._find_matches) - 1
        else:
            self._find_current = (self._find_current + step) % len(self._find_matches)
        self._show_find_current()

    def _on_find_text_changed(self: MainWindow, _text: str) -> None:
        self._update_find(scroll=True)

    def _update_find(self: MainWindow, scroll: bool) -> None:
        """Find the bar's text in the open article; the first match at or after the caret
        becomes current (selected and, if `scroll`, scrolled to)."""
        self._find_matches = find_all(self.reader.text(), self.find_bar.text())
        self.reader.set_marks(FIND, self._find_matches)
        self._find_current = None
        if self._find_matches:
            caret = self.reader.selection()[0]
            self._find_current = next(
                (i for i, (start, _e) in enumerate(self._find_matches) if start >= caret), 0
            )
        if scroll and self._find_current is not None:
            self._show_find_current()
        else:
            self.reader.set_marks(FIND_CURRENT, [])
            self.find_bar.set_count(self._find_current, len(self._find_matches))

    def _show_find_current(self: MainWindow) -> None:
        assert self._find_current is not None
        start, end = self._find_matches[self._find_current]
        self.reader.set_marks(FIND_CURRENT, [(start, end)])
        self.reader.set_selection(start, end)
        self.reader.scroll_to(start, end, flash=False)
        self.find_bar.set_count(self._find_current, len(self._find_matches))

    # -- the concordance -------------------------------------------------------------------

    def open_concordance(self: MainWindow) -> ConcordanceWindow:
        """Review → Concordance: a window listing spans of a label or actor, or search
        matches, in context; activating a line opens it here."""
        if self.concordance_window is None:
            window = ConcordanceWindow(self.store, self, self.search_edit.text())
            window.setWindowFlag(Qt.WindowType.Window, True)
            window.line_activated.connect(self.show_line)
            self.concordance_window = window
            window.set_labels(self.labels.values())
            window.show_lines()  # what is chosen at first, listed at once
        else:
            self.concordance_window.set_labels(self.labels.values())
        self.concordance_window.show()
        self.concordance_window.activateWindow()
        return self.concordance_window

    def show_line(self: MainWindow, article_id: int, span_id: int, start: int, end: int) -> None:
        """Open `article_id` with span `span_id` current (a span id below 1: select the
        text [start, end) instead), scrolled into view."""
        self._open_listed_article(article_id)
        if self.article is None or self.article.id != article_id:
            self.open_article(article_id)
        if self.article is None or self.article.id != article_id:
            self.statusBar().showMessage(self.tr("That article is no longer in the project."), 6000)
            return
        if span_id > 0 and span_id in self._spans:
            self._select_span(span_id, scroll=True)
        else:
            self.reader.set_selection(start, end)
            self.reader.scroll_to(start, end)
        self.activateWindow()
