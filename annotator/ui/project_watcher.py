"""Notice writes to the project by other connections (another window, a command-line import)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from annotator.store import Store


class ProjectWatcher(QObject):
    """Polls `Store.data_version` (SQLite's `PRAGMA data_version`, which moves only when
    another connection commits) on a timer; one cheap query per tick.

    Signals:
        changed(): another connection committed since the last check.
    """

    changed = Signal()

    def __init__(self, store: Store, interval_ms: int = 1000, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self._version = self._read()
        self.timer = QTimer(self, interval=interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def _read(self) -> int | None:
        try:
            return self.store.data_version()
        except Exception:  # noqa: BLE001 - a closed or damaged store: nothing to watch
            return None

    def check(self) -> bool:
        """Look now; emit `changed` and return True if another connection wrote."""
        version = self._read()
        if version is None or version == self._version:
            return False
        self._version = version
        self.changed.emit()
        return True

    def stop(self) -> None:
        """Stop polling (the store is about to close)."""
        self.timer.stop()
