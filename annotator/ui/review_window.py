"""Review mode: compare two layers, walk their disagreements, settle them into the gold layer."""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from annotator import review
from annotator.actions import AddComment, Adjudicate, Change, ChangeKind, RecordRuling
from annotator.keymap import REVIEW, command, plain_title
from annotator.models import Article
from annotator.review import KIND_COLORS, Item, Navigator
from annotator.store import Store
from annotator.ui.controller import Controller
from annotator.ui.dialogs.shortcuts_dialog import ShortcutsDialog
from annotator.ui.i18n import number, translate
from annotator.ui.reader import ReaderView, SpanPaint
from annotator.ui.review.article_table import ArticleTable
from annotator.ui.review.item_view import DECIDED, escape
from annotator.ui.review.layers_bar import LayersBar
from annotator.ui.review.relations_review import RelationsReview
from annotator.ui.review.side_panel import SidePanel
from annotator.ui.screen import fit_to_screen
from annotator.ui.shortcuts import command_text, key_text, make_actions

ITEM_ACTIONS = ("accept_a", "accept_b", "accept_both", "reject", "edit")


class ReviewWindow(QMainWindow):
    """Two layers side by side in one text, a disagreement navigator and the gold decisions.

    Its keys are the key map's (`annotator.keymap.REVIEW`). Keys: N / F8 next disagreement,
    P / Shift+F8 previous, A accept A, B accept B,
    H accept both, R reject, E edit (the reader's selection with the gold label chosen),
    Ctrl+Enter mark the article adjudicated, Ctrl+Z / Ctrl+Shift+Z undo / redo.

    Rulings, adjudications and comments are actions (`annotator.actions`) sent through
    `controller`: the main window's, when it opens this window, so its History undoes them
    and this window's undo undoes the main window's edits too. Whatever the controller
    changes, this window refreshes from its `Change` (a ruling's region is shown again).
    """

    def __init__(
        self,
        store: Store,
        reviewer: str,
        layer_a: str | None = None,
        layer_b: str | None = None,
        parent: QWidget | None = None,
        controller: Controller | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.reviewer = reviewer
        self.controller = (
            controller if controller is not None else Controller(store, reviewer, self)
        )
        self.labels = {label.key: label for label in store.labels()}
        self.article: Article | None = None
        self.item: Item | None = None
        self.navigator: Navigator | None = None
        self._listening = False
        self.setWindowTitle(self.tr("Review layers"))
        self.setWindowIcon(qta.icon("fa5s.balance-scale"))
        self._build(layer_a, layer_b)
        self._listen(True)
        self.reload()

    def _listen(self, on: bool) -> None:
        """Follow the controller's changes (while shown: a closed window stops listening)."""
        if on == self._listening:
            return
        signals = (
            (self.controller.changed, self._on_changed),
            (self.controller.history_changed, self._on_history_changed),
        )
        for signal, slot in signals:
            if on:
                signal.connect(slot)
            else:
                signal.disconnect(slot)
        self._listening = on
        if on:
            self._on_history_changed()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        """Listen again if the window was closed, and catch up with what changed meanwhile."""
        if not self._listening:
            self._listen(True)
            self.reload()
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """Stop following the (shared) controller and let the table's rows go (shown again,
        the window reads them afresh)."""
        self._listen(False)
        self.article_table.show_layers(None)
        super().closeEvent(event)

    # -- construction ----------------------------------------------------------------------

    def _build(self, layer_a: str | None, layer_b: str | None) -> None:
        self._layers_toolbar = LayersBar(self.store.layers(), self.reviewer, layer_a, layer_b)
        self.a_combo, self.b_combo = self._layers_toolbar.a_combo, self._layers_toolbar.b_combo
        self.a_combo.currentTextChanged.connect(lambda _t: self.reload())
        self.b_combo.currentTextChanged.connect(lambda _t: self.reload())
        self.addToolBar(self._layers_toolbar)

        self.article_table = ArticleTable(self.store)
        self.article_table.article_chosen.connect(self.open_article)

        self.reader = ReaderView()
        self.reader.span_clicked.connect(self._on_span_clicked)
        self.title_label = QLabel()
        self.title_label.setWordWrap(True)
        self.title_label.setFont(self.reader.font())
        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.addWidget(self.title_label)
        centre_layout.addWidget(self.reader, 1)

        self._build_actions()
        self.close_button = QToolButton()
        self.close_button.setDefaultAction(self._actions["close"])
        self.close_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._layers_toolbar.add_trailing(self.close_button)
        window_menu = self.menuBar().addMenu(self.tr("&Window"))
        window_menu.addAction(self._actions["keys"])
        window_menu.addSeparator()
        window_menu.addAction(self._actions["close"])
        self.side = SidePanel(self._actions)
        self.side.set_gold_labels(self.labels)
        self.side.comment_edit.returnPressed.connect(self.add_comment)
        # The side panel's widgets, by the names tests and scripts use.
        self.legend, self.item_view = self.side.legend, self.side.item_view
        self.gold_label, self.position_label = self.side.gold_label, self.side.position_label
        self.comment_edit, self.comment_list = self.side.comment_edit, self.side.comment_list
        self._buttons = self.side.buttons
        self.relations_review = RelationsReview(self.store, self.controller, self.reviewer,
                                                self._actions["accept_relation"])  # fmt: skip
        self.side.layout().addWidget(self.relations_review, 2)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.article_table)
        splitter.addWidget(centre)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 680, 380])
        self.setCentralWidget(splitter)
        self.statusBar()
        fit_to_screen(self, 1400, 850)

    def _build_actions(self) -> None:
        """The window's keys and buttons' actions from the key map (`keymap.REVIEW`)."""
        slots = {
            "review.accept_a": lambda: self.decide("accept_a"),
            "review.accept_b": lambda: self.decide("accept_b"),
            "review.accept_both": lambda: self.decide("accept_both"),
            "review.reject": lambda: self.decide("reject"),
            "review.edit": self.edit,
            "review.next": lambda: self.step(True),
            "review.previous": lambda: self.step(False),
            "review.undo": self.undo,
            "review.redo": self.redo,
            "review.adjudicate": self.adjudicate,
            "review.accept_relation": lambda: self._report(
                self.relations_review.accept_current(), self.tr("Relation accepted into gold.")
            ),
            "review.keys": self.show_shortcuts,
            "review.close": self.close,
        }
        actions = make_actions(REVIEW, slots, self)
        self._actions: dict[str, QAction] = {
            c.id.removeprefix("review."): actions[c.id] for c in REVIEW
        }
        self.shortcuts_dialog: ShortcutsDialog | None = None

    def show_shortcuts(self) -> ShortcutsDialog:
        """F1: every key of the key map (this window's last)."""
        if self.shortcuts_dialog is not None:
            self.shortcuts_dialog.close()
        self.shortcuts_dialog = ShortcutsDialog(self.labels.values(), self)
        self.shortcuts_dialog.show()
        return self.shortcuts_dialog

    # -- state -----------------------------------------------------------------------------

    @property
    def layers(self) -> tuple[str, str]:
        """The compared layers (A, B)."""
        return self.a_combo.currentText(), self.b_combo.currentText()

    def reload(self) -> None:
        """Start the article table and navigator over for the chosen layers: the table reads
        its first page of articles, and only the first article is compared."""
        a, b = self.layers
        if not a or not b or a == b:
            self.navigator = None
            self.article_table.show_layers(None)
            self.statusBar().showMessage(self.tr("Pick two different layers to compare."))
            self._show_article(None)
            return
        self.statusBar().clearMessage()
        self.navigator = Navigator(self.store, (a, b))
        self.article_table.show_layers((a, b))
        if self.article_table.row_count():
            self.open_article(self.article_table.articles.article_id(0))
        else:
            self._show_article(None)

    def _refresh_row(self, article_id: int) -> None:
        """Bring one row's review status and open count up to date."""
        if self.navigator is None or not self.navigator.covers(article_id):
            return
        still_open = review.open_disagreements(
            self.store, article_id, self.layers, self.navigator.items(article_id)
        )
        status = self.store.review_status(article_id)
        self.article_table.update_row(article_id, status, len(still_open))

    def open_article(self, article_id: int, item: Item | None = None) -> None:
        """Show an article with both layers coloured by kind; select `item` (or none)."""
        if self.navigator is None:
            return
        article = self.store.article(article_id)
        self._show_article(article)
        if article is None:
            return
        self.article_table.select(article_id)
        self._select_item(item)

    def _show_article(self, article: Article | None) -> None:
        self.article = article
        self.item = None
        if article is None or self.navigator is None:
            self.reader.set_article("", [])
            self.title_label.setText("")
            self.legend.set_counts({})
            self._show_item()
            self.comment_list.clear()
            return
        self.title_label.setText(f"<b>{escape(article.title)}</b>")
        items = self.navigator.items(article.id)
        self.reader.set_article(article.text, self._paints(items))
        counts: dict[str, int] = {}
        for item in items:
            counts[item.kind] = counts.get(item.kind, 0) + 1
        self.legend.set_counts(counts)
        self.relations_review.show_article(article.id, self.layers)
        self._show_comments()
        self._show_item()

    def _paints(self, items: list[Item]) -> list[SpanPaint]:
        """Both layers coloured by kind; regions already ruled on as underlines only."""
        ruled = review.rulings(self.store, items[0].article_id, self.layers) if items else {}
        paints = []
        for item in items:
            color = KIND_COLORS[item.kind]
            open_item = item.region not in ruled
            for span in item.a + item.b:
                paints.append(
                    SpanPaint(span.id, span.start, span.end, color, span.label, open_item)
                )
        return paints

    def _select_item(self, item: Item | None) -> None:
        self.item = item
        if item is not None:
            self.reader.scroll_to(item.start, item.end)
            self.reader.set_selection(item.start, item.end)
        self._show_item()

    def _show_item(self) -> None:
        item = self.item
        for name in ITEM_ACTIONS:
            self._actions[name].setEnabled(item is not None)
            self._buttons[name].setEnabled(item is not None)
        ruling = None
        if item is not None:
            ruling = review.rulings(self.store, item.article_id, self.layers).get(item.region)
        self.item_view.show_item(item, self.layers, self.labels, ruling)
        if item is None:
            self.position_label.setText("")
            return
        if item.a:
            self.side.choose_gold_label(item.a[0].label)
        disagreements = self.navigator.disagreements(item.article_id) if self.navigator else []
        place = disagreements.index(item) + 1 if item in disagreements else 0
        self.position_label.setText(
            self.tr("Disagreement {place} of {count} here").format(
                place=number(place), count=number(len(disagreements))
            )
        )

    def _show_comments(self) -> None:
        if self.article is None:
            self.comment_list.clear()
        else:
            self.side.show_comments(self.store.comments(self.article.id), self.article.text)

    # -- user actions ----------------------------------------------------------------------

    def step(self, forward: bool = True) -> Item | None:
        """Go to the next (previous) disagreement, moving on to other articles as needed."""
        if self.navigator is None:
            return None
        article_id = self.article.id if self.article else None
        offset = self.item.start if self.item else None
        if self.item is None and article_id is not None and not forward:
            offset = len(self.article.text) + 1 if self.article else None
        if self.item is None and article_id is not None and forward:
            offset = -1
        found = self.navigator.step(article_id, offset, forward)
        if found is None:
            self.statusBar().showMessage(
                self.tr("No more disagreements.")
                if forward
                else self.tr("No earlier disagreements."),
                4000,
            )
            return None
        if self.article is None or found.article_id != self.article.id:
            self.open_article(found.article_id, found)
        else:
            self._select_item(found)
        return found

    def decide(self, action: str, edited: list[tuple[str, int, int]] | None = None) -> None:
        """Rule on the selected disagreement, then move on to the next one."""
        item = self.item
        if item is None or self.navigator is None:
            return
        comment = self.comment_edit.text().strip() if action == "reject" else ""
        ruling = RecordRuling(
            item, action, self.reviewer, self.layers, tuple(edited or ()), comment
        )
        if self.controller.apply(ruling) is None:
            self.statusBar().showMessage(self.controller.last_error, 10000)
            return
        self.statusBar().showMessage(translate("ReviewWindow", DECIDED[action]), 3000)
        self.step(True)

    def undo(self) -> None:
        """Undo the last action of any window (a ruling's region is shown again)."""
        what = self.controller.history.undo_text()
        if what:
            self._report(self.controller.undo(), self.tr("Undone: {change}.").format(change=what))

    def redo(self) -> None:
        """Redo the last undone action."""
        what = self.controller.history.redo_text()
        if what:
            self._report(self.controller.redo(), self.tr("Redone: {change}.").format(change=what))

    def _report(self, change: Change | None, done: str) -> None:
        if change is None:
            self.statusBar().showMessage(self.controller.last_error, 10000)
        else:
            self.statusBar().showMessage(done, 3000)

    def edit(self) -> None:
        """Put the reader's selection (or the region) into gold with the chosen label."""
        if self.item is None:
            return
        start, end = self.reader.selection()
        if start >= end:
            start, end = self.item.region
        label = self.gold_label.currentData()
        if not label:
            return
        self.decide("edit", [(str(label), start, end)])

    def adjudicate(self) -> None:
        """Accept the remaining agreements of the article and mark it adjudicated."""
        if self.article is None or self.navigator is None:
            return
        action = Adjudicate(self.article.id, self.layers, self.reviewer)
        if self.controller.apply(action) is None:
            self.statusBar().showMessage(self.controller.last_error, 10000)
            return
        self.statusBar().showMessage(
            self.tr(
                "Article adjudicated; %Ln agreed span region(s) copied to gold.", "", action.copied
            ),
            4000,
        )

    def add_comment(self) -> None:
        """Keep the comment box's text on the selected disagreement (or the selection)."""
        body = self.comment_edit.text().strip()
        if not body or self.article is None:
            return
        if self.item is not None:
            start, end = self.item.region
            spans = self.item.a + self.item.b
            span_id = spans[0].id if len(spans) == 1 else None
        else:
            start, end = self.reader.selection()
            span_id = None
        action = AddComment(self.article.id, self.reviewer, body, start, end, span_id)
        if self.controller.apply(action) is None:
            self.statusBar().showMessage(self.controller.last_error, 10000)
            return
        self.comment_edit.clear()

    # -- after a change --------------------------------------------------------------------

    def _on_changed(self, change: Change) -> None:
        """Refresh what an action, undo or redo (from any window) changed."""
        if change.kind is ChangeKind.SCHEME:
            self._reload_labels()
            return
        shown = self.article is not None and self.article.id == change.article_id
        if self.navigator is None or not (shown or self.navigator.covers(change.article_id)):
            return
        if change.kind is ChangeKind.COMMENT:
            if self.article is not None and self.article.id == change.article_id:
                self._show_comments()
        elif change.kind in (ChangeKind.RULING, ChangeKind.SPANS):
            self._after_change(change.article_id, change.region)

    def _after_change(self, article_id: int, region: tuple[int, int] | None) -> None:
        """Re-read an article's items and its row; show `region`'s item when given (opening
        its article), else keep the selected item where it still is."""
        assert self.navigator is not None
        self.navigator.refresh(article_id)
        self._refresh_row(article_id)
        if region is not None:
            fresh = self._item_at(article_id, region)
            if self.article is None or self.article.id != article_id:
                self.open_article(article_id, fresh)
            else:
                self._show_article(self.article)
                self._select_item(fresh)
        elif self.article is not None and self.article.id == article_id:
            kept = self.item.region if self.item is not None else None
            self._show_article(self.article)
            self.item = self._item_at(article_id, kept) if kept is not None else None
            self._show_item()

    def _item_at(self, article_id: int, region: tuple[int, int]) -> Item | None:
        assert self.navigator is not None
        return next((i for i in self.navigator.items(article_id) if i.region == region), None)

    def _reload_labels(self) -> None:
        """The label scheme changed: new names and colours, the gold label choice kept."""
        self.labels = {label.key: label for label in self.store.labels()}
        self.side.set_gold_labels(self.labels)
        self._show_item()

    def _on_history_changed(self) -> None:
        history = self.controller.history
        for name, can, text in (
            ("undo", history.can_undo, history.undo_text()),
            ("redo", history.can_redo, history.redo_text()),
        ):
            action, button = self._actions[name], self._buttons[name]
            item = command(f"review.{name}")
            menu_text = command_text(item)
            action.setEnabled(can)
            button.setEnabled(can)
            action.setText(
                self.tr("{command} {change}").format(command=menu_text, change=text)
                if text
                else menu_text
            )
            title = plain_title(action.text())
            button.setToolTip(
                self.tr("{command} ({keys})").format(command=title, keys=key_text(item.keys[:1]))
            )

    def _on_span_clicked(self, ids: list) -> None:
        if not ids or self.navigator is None or self.article is None:
            return
        for item in self.navigator.items(self.article.id):
            if any(span.id == ids[0] for span in item.a + item.b):
                self._select_item(item)
                return
