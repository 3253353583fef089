"""Applies user actions through the core history and tells the views what changed."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from annotator.actions import Action, Change
from annotator.history import History
from annotator.store import Store


class Controller(QObject):
    """The window's single door to the store for edits.

    Every action is applied by `annotator.history.History` (one transaction each, durable
    before any signal fires), then `changed` tells the views what to repaint.

    Signals:
        changed(Change): an action, undo or redo changed the store.
        failed(str): an action was refused (another annotator's span, bad range...).
        history_changed(): undo/redo availability or text changed.
    """

    changed = Signal(object)
    failed = Signal(str)
    history_changed = Signal()

    def __init__(self, store: Store, annotator: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.annotator = annotator
        self.history = History(store)

    def apply(self, action: Action) -> Change | None:
        """Apply `action`; on refusal emit `failed` and return None."""
        try:
            change = self.history.do(action)
        except (PermissionError, ValueError, KeyError) as exc:
            self.failed.emit(str(exc).strip("'\""))
            return None
        self._emit(change)
        return change

    def undo(self) -> Change | None:
        """Undo the last action."""
        return self._emit(self.history.undo())

    def redo(self) -> Change | None:
        """Redo the last undone action."""
        return self._emit(self.history.redo())

    def _emit(self, change: Change | None) -> Change | None:
        if change is not None:
            self.changed.emit(change)
        self.history_changed.emit()
        return change
