"""Runs a dataset export on a worker thread and shows its progress in a dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from annotator.errors import describe, log_failure
from annotator.export import ExportFilter, export
from annotator.store import Store


class ExportWorker(QObject):
    """Exports with its own database connection (SQLite connections stay on one thread).

    Signals:
        progressed(int): articles written so far.
        finished(int): spans written; the file is complete.
        failed(str): one-line reason; nothing was left behind.
    """

    progressed = Signal(int)
    finished = Signal(int)
    failed = Signal(str)

    def __init__(self, db_path: Path, fmt: str, out: Path, flt: ExportFilter) -> None:
        super().__init__()
        self.db_path, self.fmt, self.out, self.flt = db_path, fmt, out, flt

    @Slot()
    def run(self) -> None:
        """Do the export; emit finished or failed."""
        try:
            with Store(self.db_path) as store:
                count = export(store, self.fmt, self.out, self.flt, self.progressed.emit)
        except (OSError, ValueError) as exc:
            self.failed.emit(" ".join(str(exc).split()) or type(exc).__name__)
            return
        except Exception as exc:  # noqa: BLE001 - a busy or damaged project: one line, logged
            log_failure(exc, "export")
            self.failed.emit(describe(exc, self.db_path))
            return
        self.finished.emit(count)


class ExportRunner(QObject):
    """Owns the thread, the worker and the progress dialog of one export.

    Signals:
        finished(int): spans written.
        failed(str): why the export failed.
    """

    finished = Signal(int)
    failed = Signal(str)

    def __init__(
        self, db_path: Path, fmt: str, out: Path, flt: ExportFilter, total: int,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.thread = QThread(self)
        self.worker = ExportWorker(db_path, fmt, out, flt)
        self.worker.moveToThread(self.thread)
        self.dialog = QProgressDialog(
            f"Exporting {fmt} to {out.name}…", "", 0, max(total, 1), parent
        )
        self.dialog.setCancelButton(None)
        self.dialog.setMinimumDuration(400)
        self.thread.started.connect(self.worker.run)
        self.worker.progressed.connect(self.dialog.setValue)
        self.worker.finished.connect(self._on_worker_done)
        self.worker.failed.connect(self._on_worker_failed)

    def start(self) -> None:
        """Begin exporting in the background."""
        self.thread.start()

    def _stop(self) -> None:
        self.thread.quit()
        self.thread.wait()
        self.dialog.reset()

    def _on_worker_done(self, count: int) -> None:
        self._stop()
        self.finished.emit(count)

    def _on_worker_failed(self, reason: str) -> None:
        self._stop()
        self.failed.emit(reason)
