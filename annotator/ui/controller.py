"""Applies user actions through the core history and tells the views what changed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from annotator.actions import Action, Change
from annotator.errors import describe, log_failure
from annotator.history import History
from annotator.store import Store


class Controller(QObject):
    """The one door to the store for edits, shared by the main window, the review window and
    the label scheme dialog, so one History holds every action and Ctrl+Z in any window undoes
    the last one of any kind.

    Every action is applied by `annotator.history.History` (one transaction each, durable
    before any signal fires), then `changed` tells the views what to repaint. After a failed
    step `last_error` holds the one line `failed` sent (a window that asked can show it).

    Signals:
        changed(Change): an action, undo or redo changed the store.
        failed(str): an action was refused (another annotator's span, bad range...) or could
            not be saved (the project busy for too long, the disk full...); one line.
        save_failed(str): the second kind only, also sent through `failed`.
        history_changed(): undo/redo availability or text changed.
    """

    changed = Signal(object)
    failed = Signal(str)
    save_failed = Signal(str)
    history_changed = Signal()

    def __init__(self, store: Store, annotator: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.annotator = annotator
        self.history = History(store)
        self.last_error = ""

    def apply(self, action: Action) -> Change | None:
        """Apply `action`; on refusal or failure emit `failed` and return None."""
        return self._run(lambda: self.history.do(action), action.description)

    def undo(self) -> Change | None:
        """Undo the last action."""
        return self._run(self.history.undo, "Undo")

    def redo(self) -> Change | None:
        """Redo the last undone action."""
        return self._run(self.history.redo, "Redo")

    def _run(self, step: Callable[[], Change | None], what: str) -> Change | None:
        """Run one history step; any failure leaves store and stacks as they were (the step is
        one transaction) and is reported through `failed` as one line."""
        self.last_error = ""
        try:
            change = step()
        except (PermissionError, ValueError, KeyError) as exc:
            self.last_error = str(exc).strip("'\"")
            self.failed.emit(self.last_error)
            return None
        except Exception as exc:  # noqa: BLE001 - a busy, full or damaged file: tell, never crash
            log_failure(exc, what)
            self.last_error = describe(exc, self.store.path, f"{what} not saved")
            self.failed.emit(self.last_error)
            self.save_failed.emit(self.last_error)
            return None
        return self._emit(change)

    def _emit(self, change: Change | None) -> Change | None:
        if change is not None:
            self.changed.emit(change)
        self.history_changed.emit()
        return change
