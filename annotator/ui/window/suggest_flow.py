"""Suggestions in the window (a part of `MainWindow`): the open article's suggestions drawn
in the reader (pale, dashed, in the label's colour), F8 / Shift+F8 to go through them, F9 to
accept, Shift+F9 to reject, Ctrl+F9 to accept all, each one action through the controller;
training in the background (`TaskRunner`, its own connection), on demand or once 20 new
spans were tagged since the last model; and "least certain first" for the next article."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QInputDialog

from annotator.actions import Change, ChangeKind
from annotator.errors import describe, log_failure
from annotator.suggest import training
from annotator.suggest.suggestions import Suggester, Suggestion, least_certain_first
from annotator.suggest_actions import AcceptSuggestions, AddTriggerPhrase, RejectSuggestion
from annotator.ui.i18n import digits, number
from annotator.ui.reader.marks import SUGGESTION, SUGGESTION_CURRENT
from annotator.ui.task_runner import TaskRunner

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow

RETRAIN_AFTER = 20  # new spans since the last model that start a training in the background
CANDIDATES = 30  # untagged articles weighed for "least certain first"
_REREAD = (ChangeKind.SPANS, ChangeKind.SUGGESTIONS, ChangeKind.SCHEME, ChangeKind.ACTORS)


class SuggestFlow:
    """Show, walk through, accept and reject suggestions; retrain (a part of `MainWindow`)."""

    def _init_suggestions(self: MainWindow) -> None:
        """Start-up state (called once the actions exist)."""
        self._suggester: Suggester | None = None
        self._suggestions: list[Suggestion] = []
        self._suggestion_index: int | None = None
        self.suggest_runner: TaskRunner | None = None
        self._span_changes = 0  # span changes since the project's counts were last read
        self.suggest_show_action.setChecked(True)
        self.controller.changed.connect(self._on_change_for_suggestions)

    # -- what is suggested -----------------------------------------------------------------

    def suggester(self: MainWindow) -> Suggester:
        """The suggester of this analyst (its tagger and lexicon read once, until they change)."""
        if self._suggester is None or self._suggester.annotator != self.annotator:
            self._suggester = Suggester(self.store, self.annotator)
        return self._suggester

    def suggestions(self: MainWindow) -> list[Suggestion]:
        """The open article's suggestions, by position."""
        return list(self._suggestions)

    def refresh_suggestions(self: MainWindow) -> None:
        """Read the open article's suggestions again and draw them (none while hidden)."""
        keep = self.current_suggestion()
        found: list[Suggestion] = []
        if self.article is not None and self.suggest_show_action.isChecked():
            try:
                found = self.suggester().for_article(self.article.id)
            except Exception as exc:  # noqa: BLE001 - a broken model must not stop reading
                log_failure(exc, "suggestions")
                self.statusBar().showMessage(describe(exc, self.store.path, "Suggestions"), 8000)
        self._suggestions = found
        keys = [s.key for s in found]
        self._suggestion_index = keys.index(keep.key) if keep and keep.key in keys else None
        self._draw_suggestions()

    def _draw_suggestions(self: MainWindow) -> None:
        colors = [self._label_color(s.label) for s in self._suggestions]
        self.reader.set_marks(SUGGESTION, [(s.start, s.end) for s in self._suggestions], colors)
        current = self.current_suggestion()
        self.reader.set_marks(
            SUGGESTION_CURRENT,
            [(current.start, current.end)] if current else [],
            [self._label_color(current.label)] if current else None,
        )

    def _label_color(self: MainWindow, key: str) -> str:
        label = self.labels.get(key)
        return label.color if label else "#a9a9a9"

    def current_suggestion(self: MainWindow) -> Suggestion | None:
        """The suggestion F9 and Shift+F9 act on: the one stepped to, else the one at the
        cursor."""
        index = self._suggestion_index
        if index is not None and index < len(self._suggestions):
            return self._suggestions[index]
        if self.article is None:
            return None
        start, end = self.reader.selection()
        return next((s for s in self._suggestions if s.start <= start and end <= s.end), None)

    # -- stepping --------------------------------------------------------------------------

    def next_suggestion(self: MainWindow, forward: bool = True) -> Suggestion | None:
        """F8 (Shift+F8 back): make the next suggestion current, scroll to it, say what it is."""
        if not self._suggestions:
            self.statusBar().showMessage(self.tr("No suggestions in this article."), 4000)
            return None
        count = len(self._suggestions)
        index = self._suggestion_index
        if index is None:
            at = self.reader.selection()[0]
            after = [i for i, s in enumerate(self._suggestions) if s.start >= at]
            index = (after[0] if after else 0) if forward else (after[0] - 1 if after else -1)
        else:
            index += 1 if forward else -1
        self._suggestion_index = index % count
        current = self._suggestions[self._suggestion_index]
        self.reader.scroll_to(current.start, current.end, flash=False)
        self._draw_suggestions()
        self._say_suggestion(current)
        return current

    def _say_suggestion(self: MainWindow, item: Suggestion) -> None:
        label = self.labels.get(item.label)
        self.statusBar().showMessage(
            self.tr(
                "Suggestion {n} of {count}: {label} «{text}» · {source}, {score} · "
                "F9 accept, Shift+F9 reject"
            ).format(  # fmt: skip
                n=number((self._suggestion_index or 0) + 1),
                count=number(len(self._suggestions)),
                label=label.display() if label else item.label,
                text=item.text[:40],
                source=item.source,
                score=digits(f"{item.score:.2f}"),
            )
        )

    # -- accepting and rejecting ----------------------------------------------------------

    def accept_suggestion(self: MainWindow) -> None:
        """F9: the current suggestion becomes the analyst's span (undoable); on to the next."""
        item = self.current_suggestion()
        if item is None or self.article is None:
            self.statusBar().showMessage(self.tr("Press F8 to go to a suggestion first."), 4000)
            return
        index = self._suggestion_index
        if self.controller.apply(AcceptSuggestions(self.annotator, self.article.id, [item])):
            self._step_after(index)

    def reject_suggestion(self: MainWindow) -> None:
        """Shift+F9: drop the current suggestion for good (undoable); on to the next."""
        item = self.current_suggestion()
        if item is None:
            self.statusBar().showMessage(self.tr("Press F8 to go to a suggestion first."), 4000)
            return
        index = self._suggestion_index
        if self.controller.apply(RejectSuggestion(self.annotator, item)):
            self._step_after(index)

    def _step_after(self: MainWindow, index: int | None) -> None:
        """After an accept or a reject the suggestion at the same place becomes current."""
        if self._suggestions and index is not None:
            self._suggestion_index = min(index, len(self._suggestions) - 1)
            self._draw_suggestions()
            self._say_suggestion(self._suggestions[self._suggestion_index])
        else:
            self._suggestion_index = None

    def accept_all_suggestions(self: MainWindow) -> None:
        """Ctrl+F9: every suggestion of the article becomes a span, as one undoable action."""
        if not self._suggestions or self.article is None:
            self.statusBar().showMessage(self.tr("No suggestions in this article."), 4000)
            return
        items = list(self._suggestions)
        if self.controller.apply(AcceptSuggestions(self.annotator, self.article.id, items)):
            self.statusBar().showMessage(
                self.tr("Accepted {n} suggestions.").format(n=number(len(items))), 4000
            )

    def add_trigger_phrase(self: MainWindow) -> None:
        """Suggestions → Add selection as trigger phrase: the selected words suggest a label
        (asked) wherever they appear, inflected forms too."""
        start, end = self.reader.selection()
        phrase = " ".join(self.reader.text()[start:end].split())
        if not phrase:
            self.statusBar().showMessage(self.tr("Select the words of the phrase first."), 4000)
            return
        live = [label for label in self.labels.values() if not label.retired]
        names = [label.display() for label in live]
        name, ok = QInputDialog.getItem(
            self, self.tr("Trigger phrase"),
            self.tr("Suggest this label wherever «{phrase}» appears:").format(phrase=phrase),
            names, 0, False,
        )  # fmt: skip
        if ok and name in names:
            label = live[names.index(name)]
            self.controller.apply(AddTriggerPhrase(label.key, phrase))

    def _on_change_for_suggestions(self: MainWindow, change: Change) -> None:
        """Read the suggestions again after what changes them; count toward a retrain."""
        if change.kind in (ChangeKind.SUGGESTIONS, ChangeKind.SCHEME, ChangeKind.ACTORS):
            self._suggester = None  # the lexicon, labels or register changed
        if change.kind in _REREAD and (
            change.article_id is None or (self.article and change.article_id == self.article.id)
        ):
            self.refresh_suggestions()
        if change.kind is ChangeKind.SPANS:
            self._maybe_retrain()

    def _suggestions_article_shown(self: MainWindow) -> None:
        """Another article is open: its suggestions, none current yet."""
        self._suggestion_index = None
        self._suggestions = []
        self.refresh_suggestions()

    def _on_suggestions_toggled(self: MainWindow) -> None:
        self._suggestion_index = None
        self.refresh_suggestions()

    # -- training ----------------------------------------------------------------------------

    def _maybe_retrain(self: MainWindow) -> None:
        """Train in the background once RETRAIN_AFTER spans were added since the last model
        (the counts are read only every RETRAIN_AFTER span changes: tagging stays quick)."""
        self._span_changes += 1
        if self._span_changes < RETRAIN_AFTER:
            return
        self._span_changes = 0
        learnt = self.store.model_spans(self.annotator) or 0
        if self.store.layer_span_count(self.annotator) - learnt >= RETRAIN_AFTER:
            self.retrain_suggestions(quiet=True)

    def retrain_suggestions(self: MainWindow, quiet: bool = False) -> TaskRunner | None:
        """Suggestions → Retrain now: learn from the analyst's spans on a worker thread (its
        own connection); the window stays usable and the new model is used when it is in."""
        if self.suggest_runner is not None and self.suggest_runner.running:
            return self.suggest_runner
        name = self.annotator
        runner = TaskRunner(self.store, lambda store: training.retrain(store, name),
                            self.tr("Learning from your spans"), self, quiet=True)  # fmt: skip
        runner.finished.connect(self._on_retrained)
        runner.failed.connect(lambda why: self._on_retrain_failed(why, quiet))
        self.suggest_runner = runner
        if not quiet:
            self.statusBar().showMessage(self.tr("Learning from your spans…"))
        runner.start()
        return runner

    def _on_retrained(self: MainWindow, result: training.TrainResult) -> None:
        self._suggester = None
        self.refresh_suggestions()
        self.statusBar().showMessage(
            self.tr("Suggestions learnt from {spans} spans in {docs} articles ({seconds} s).")
            .format(spans=number(result.spans), docs=number(result.docs),
                    seconds=digits(str(result.seconds))), 6000,
        )  # fmt: skip

    def _on_retrain_failed(self: MainWindow, why: str, quiet: bool) -> None:
        if not quiet:
            self.statusBar().showMessage(why, 8000)

    # -- the next article --------------------------------------------------------------------

    def next_untagged(self: MainWindow) -> None:
        """Go → Next untagged article; with Suggestions → Least certain article next, the one
        among the next CANDIDATES untagged ones the tagger is least sure about."""
        if not self.suggest_least_action.isChecked() or self.suggester().tagger is None:
            self.next_article(True)
            return
        rows, row = [], self.list_view.currentIndex().row()
        while len(rows) < CANDIDATES:
            row = self.list_model.next_row(row, untagged_only=True)
            if row is None or row in rows:
                break
            rows.append(row)
        if not rows:
            self.next_article(True)
            return
        ids = [self.list_model.article_id(r) for r in rows]
        chosen = least_certain_first(self.suggester(), ids)[0]
        self.list_view.selectRow(rows[ids.index(chosen)])
