"""Undo and redo over applied actions (Qt-free; the window only shows its state)."""

from __future__ import annotations

from annotator.actions import Action, Change
from annotator.store import Store


class History:
    """Applies actions to a store and keeps them for undo/redo.

    Every `do`, `undo` and `redo` is one `BEGIN IMMEDIATE` transaction (reads and writes of an
    action see one state, and a second writer makes it wait rather than fail), so the database
    always matches what the stacks say. An action that raises changes neither the database nor
    the stacks.
    """

    def __init__(self, store: Store, limit: int = 1000) -> None:
        self.store = store
        self.limit = limit
        self._done: list[Action] = []
        self._undone: list[Action] = []

    def do(self, action: Action) -> Change:
        """Apply a new action; it becomes undoable and the redo stack is cleared."""
        with self.store.transaction():
            change = action.apply(self.store)
        self._done.append(action)
        del self._done[: -self.limit]
        self._undone.clear()
        return change

    def undo(self) -> Change | None:
        """Revert the last action; None when there is nothing to undo."""
        if not self._done:
            return None
        action = self._done[-1]
        with self.store.transaction():
            change = action.revert(self.store)
        self._undone.append(self._done.pop())
        return change

    def redo(self) -> Change | None:
        """Re-apply the last undone action; None when there is nothing to redo."""
        if not self._undone:
            return None
        action = self._undone[-1]
        with self.store.transaction():
            change = action.apply(self.store)
        self._done.append(self._undone.pop())
        return change

    @property
    def can_undo(self) -> bool:
        """Whether undo would do something."""
        return bool(self._done)

    @property
    def can_redo(self) -> bool:
        """Whether redo would do something."""
        return bool(self._undone)

    def undo_text(self) -> str:
        """Description of what undo would revert ("" when nothing)."""
        return self._done[-1].description if self._done else ""

    def redo_text(self) -> str:
        """Description of what redo would re-apply ("" when nothing)."""
        return self._undone[-1].description if self._undone else ""

    def clear(self) -> None:
        """Forget all history (e.g. after switching projects)."""
        self._done.clear()
        self._undone.clear()
