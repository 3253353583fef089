"""Tagging and editing the open article's spans from the window: keys, the palette, the
reader and the annotation panel ask the core (`editing`, `actions`) and send what it plans
through the controller; then repainting what each `Change` says, from any window or program."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu

from annotator.actions import AddSpan, Change, ChangeKind, EditSpan, RemoveSpan, SetDocLabel
from annotator.editing import NEED_OWN_SPAN, plan_certainty, plan_resize, plan_tag
from annotator.errors import describe, log_failure
from annotator.keymap import Command, command, label_of
from annotator.models import Span
from annotator.ui.i18n import digits, number
from annotator.ui.reader import SpanPaint
from annotator.ui.shortcuts import command_text
from annotator.ui.widgets.label_palette import swatch_icon
from annotator.ui.widgets.popup_place import popup_beside

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow

UNLABELLED_COLOR = "#a9a9a9"  # a span whose label the scheme no longer has


class SpanEditing:
    """Tag, relabel, resize, delete; show each change (a part of `MainWindow`)."""

    # -- asking the core -----------------------------------------------------------------

    def tag(self: MainWindow, label_key: str) -> None:
        """Tag the selection with a label, or relabel the selected span when nothing is selected."""
        if self.article is None:
            return
        selection = self.reader.selection()
        plan = plan_tag(self.article.id, self.annotator, label_key, selection,
                        self.panel.current_span(), self._spans.values())  # fmt: skip
        if plan.refusal:
            self.statusBar().showMessage(plan.refusal, 4000)
        if plan.action is None:
            return
        change = self.controller.apply(plan.action)
        if isinstance(plan.action, AddSpan) and change is not None and change.span_ids:
            # The highlight now shows the span; drop the text selection so the next drag
            # starts a new one, and make the new span the current one.
            self.reader.set_selection(selection[0], selection[0])
            self._select_span(change.span_ids[0], scroll=False)

    def _on_label_command(self: MainWindow, key: Command) -> None:
        self.tag(label_of(key))

    def delete_span(self: MainWindow, span_id: int | None = None) -> None:
        """Delete the given span, or the selected one."""
        if span_id is None:
            span = self.panel.current_span()
            if span is None:
                return
            span_id = span.id
        self.controller.apply(RemoveSpan(span_id, self.annotator))

    def resize_span(self: MainWindow, edge: str, forward: bool) -> bool:
        """Move the selected span's start or end by one word (or cluster); True when handled."""
        if self.article is None:
            return False
        plan = plan_resize(self.article.text, self.panel.current_span(), self.annotator, edge,
                           forward, self.snap_action.isChecked())  # fmt: skip
        if plan is None:
            return False
        if plan.action is not None:
            self.controller.apply(plan.action)
        return True

    def set_certainty(self: MainWindow, value: str) -> None:
        """Alt+1 … Alt+4: set the current span's certainty (one undoable edit)."""
        plan = plan_certainty(self.panel.current_span(), self.annotator, value)
        if plan.refusal:
            self.statusBar().showMessage(plan.refusal, 4000)
        if plan.action is not None:
            self.controller.apply(plan.action)

    def focus_claim_source(self: MainWindow) -> None:
        """Alt+S: the cursor into the current span's claim source field."""
        if not self.panel.focus_source():
            self.statusBar().showMessage(NEED_OWN_SPAN, 4000)

    def _on_panel_edit_requested(self: MainWindow, span_id: int, changes: dict) -> None:
        if self.controller.apply(EditSpan(span_id, self.annotator, changes)) and "attrs" in changes:
            self.panel.set_sources(self.store.attr_values("source"))

    def _on_panel_doc_label_toggled(self: MainWindow, key: str, on: bool) -> None:
        if self.article is not None:
            self.controller.apply(SetDocLabel(self.article.id, self.annotator, key, on))

    # -- the current span ----------------------------------------------------------------

    def _select_span(self: MainWindow, span_id: int, scroll: bool = True) -> None:
        self.reader.select_span(span_id)
        self.panel.select_span(span_id)
        if scroll:
            span = self.store.span(span_id)
            if span is not None:
                self.reader.scroll_to(span.start, span.end)

    def _on_reader_selection_changed(self: MainWindow, start: int, end: int) -> None:
        if start == end:
            ids = self.reader.spans_at(start)
            if ids:
                self.reader.select_span(ids[0])
                self.panel.select_span(ids[0])

    def _on_reader_span_clicked(self: MainWindow, ids: list) -> None:
        if not ids:
            return
        if len(ids) == 1:
            self._select_span(ids[0], scroll=False)
            return
        popup_beside(self.span_menu(ids), self.reader.clicked_line(), self.cursor().pos().x())

    def span_menu(self: MainWindow, ids: list[int]) -> QMenu:
        """A menu offering each of several spans under a click; picking one selects it."""
        menu = QMenu(self)
        for span_id in ids:
            span = self.store.span(span_id)
            if span is None:
                continue
            label = self.labels.get(span.label)
            text = span.text if len(span.text) < 40 else span.text[:38] + "…"
            name = label.name if label else span.label
            color = label.color if label else UNLABELLED_COLOR
            action = menu.addAction(
                swatch_icon(color),
                self.tr("{label}: {text}  ({annotator})").format(
                    label=name, text=text, annotator=span.annotator
                ),
            )
            action.triggered.connect(lambda _c=False, sid=span_id: self._select_span(sid, False))
        return menu

    def _on_panel_span_selected(self: MainWindow, span_id: int) -> None:
        self._select_span(span_id, scroll=True)

    # -- showing changes -----------------------------------------------------------------

    def _paint(self: MainWindow, span: Span) -> SpanPaint:
        label = self.labels.get(span.label)
        return SpanPaint(
            id=span.id,
            start=span.start,
            end=span.end,
            color=label.color if label else UNLABELLED_COLOR,
            label=label.name if label else span.label,
            own=span.annotator == self.annotator,
        )

    def _drawn(self: MainWindow, span: Span) -> bool:
        """Whether the reader draws `span`: the analyst's own always, the other layers'
        while View → Show colleagues' spans is on."""
        return span.annotator == self.annotator or self.colleagues_action.isChecked()

    def _on_colleagues_toggled(self: MainWindow) -> None:
        """Draw (or leave out) the other layers in the reader and the span table."""
        self.panel.set_colleagues_visible(self.colleagues_action.isChecked())
        spans = sorted(self._spans.values(), key=lambda s: (s.start, s.end, s.id))
        self.reader.set_spans([self._paint(s) for s in spans if self._drawn(s)])

    def _show_spans(self: MainWindow, changed: list[Span], removed: list[int]) -> None:
        """Repaint only `changed` and `removed` in the reader; refill the panel; the current
        span stays current if it is still there."""
        current = self.panel.current_span()
        for span_id in removed:
            self._spans.pop(span_id, None)
        for span in changed:
            self._spans[span.id] = span
        hidden = [s.id for s in changed if not self._drawn(s)]
        drawn = [self._paint(s) for s in changed if self._drawn(s)]
        self.reader.update_spans(drawn, [*removed, *hidden])
        spans = sorted(self._spans.values(), key=lambda s: (s.start, s.end, s.id))
        self.panel.set_spans(spans, self.annotator)
        if current is not None and current.id in self._spans:
            self.reader.select_span(current.id)

    def _refresh_doc_labels(self: MainWindow) -> None:
        if self.article is not None:
            keys = {label for _a, label in self.store.doc_labels(self.article.id, self.annotator)}
            self.panel.set_doc_labels(keys)

    def _on_controller_changed(self: MainWindow, change: Change) -> None:
        """Repaint what an action, undo or redo changed, whichever window sent it."""
        self._save_failed = False
        self.save_label.setText(
            self.tr("All changes saved · {time}").format(time=digits(f"{datetime.now():%H:%M:%S}"))
        )
        if change.kind is ChangeKind.SCHEME or change.article_id is None:
            self._reload_labels()
            if self.article is not None:
                self.open_article(self.article.id)
            if change.kind is ChangeKind.SPANS:  # spans of several articles (TagOccurrences)
                self.list_model.refresh()
                self._update_progress()
            return
        self.list_model.refresh_article(change.article_id)
        if change.kind is ChangeKind.RULING:
            self._show_review_column()
        if self.article is None or change.article_id != self.article.id:
            self._update_progress()
            return
        if change.kind is ChangeKind.RULING:
            self.open_article(self.article.id)  # the gold layer's spans changed
        elif change.kind is ChangeKind.SPANS:
            fresh = {i: self.store.span(i) for i in change.span_ids}
            gone = [*change.removed_ids, *(i for i, s in fresh.items() if s is None)]
            self._show_spans([s for s in fresh.values() if s is not None], gone)
        elif change.kind is ChangeKind.DOC_LABELS:
            self._refresh_doc_labels()
        self._update_progress()

    def _on_controller_failed(self: MainWindow, message: str) -> None:
        self.statusBar().showMessage(message, 10000)

    def _on_controller_save_failed(self: MainWindow, message: str) -> None:
        self._save_failed = True
        self.save_label.setText(self.tr("Last change NOT saved"))
        self.save_label.setToolTip(message)
        self.save_label.setStyleSheet("color: #c0392b; font-weight: bold")

    def refresh_from_project(self: MainWindow) -> None:
        """Show what other windows and processes wrote: the list, the open article's spans
        and progress are re-read; the selected article, span and text selection stay."""
        try:
            if self.store.labels() != list(self.labels.values()):  # the scheme was edited
                current = self.panel.current_span()
                self._reload_labels()
                self.panel.select_span(current.id if current is not None else None)
            self.list_model.refresh()
            self._show_review_column()
            if self.article is not None:
                fresh = {span.id: span for span in self.store.spans(self.article.id)}
                removed = [i for i in self._spans if i not in fresh]
                changed = [s for i, s in fresh.items() if self._spans.get(i) != s]
                if removed or changed:
                    self._show_spans(changed, removed)
                self._refresh_doc_labels()
            self._update_progress()
        except Exception as exc:  # noqa: BLE001 - a refresh must never take the window down
            log_failure(exc, "refresh after another program's change")
            what = self.tr("Refresh failed")
            self.statusBar().showMessage(describe(exc, self.store.path, what), 10000)

    def _on_history_changed(self: MainWindow) -> None:
        history = self.controller.history
        self.undo_action.setEnabled(history.can_undo)
        self.redo_action.setEnabled(history.can_redo)
        for action, command_id, what in (
            (self.undo_action, "edit.undo", history.undo_text()),
            (self.redo_action, "edit.redo", history.redo_text()),
        ):
            text = command_text(command(command_id))
            action.setText(
                self.tr("{command} {change}").format(command=text, change=what) if what else text
            )

    def _update_progress(self: MainWindow) -> None:
        self._progress = self.store.progress(self.annotator)
        self._show_progress()

    def _show_progress(self: MainWindow) -> None:
        """The last progress read, in the interface language and digits (no query)."""
        done, total = getattr(self, "_progress", (0, 0))
        self.progress_label.setText(
            self.tr("{done} / {total} done").format(done=number(done), total=number(total))
        )
