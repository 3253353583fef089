"""Run one store job (an import, an export) on a worker thread behind a progress dialog."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from annotator.errors import describe, log_failure, one_line
from annotator.store import Store

Job = Callable[[Store], Any]


class _Worker(QObject):
    """Opens its own connection to the project (SQLite connections stay on one thread).

    Signals:
        finished(object): the job's result.
        failed(str): one-line reason.
    """

    finished = Signal(object)
    failed = Signal(str)

    def __init__(
        self, db_path: Path, job: Job, plain: tuple[type[BaseException], ...] = ()
    ) -> None:
        super().__init__()
        self.db_path, self.job, self.plain = db_path, job, plain

    @Slot()
    def run(self) -> None:
        """Run the job; emit finished or failed."""
        try:
            with Store(self.db_path) as store:
                result = self.job(store)
        except self.plain as exc:  # the user's own doing (a folder not writable): its words
            self.failed.emit(_one_line(exc))
            return
        except Exception as exc:  # noqa: BLE001 - any failure is reported as one line
            log_failure(exc, "background job")
            self.failed.emit(describe(exc, self.db_path))
            return
        self.finished.emit(result)


class TaskRunner(QObject):
    """Runs `job(store)` off the GUI thread; the window keeps painting and shows a busy dialog.

    A project held only in memory has no file a second connection could open, so the job then
    runs on the calling thread and the signals are emitted on the next event-loop turn.

    With `total` the dialog shows a bar: the job calls `progress(n)` (from any thread) as it
    goes; without it the dialog is a busy indicator. Exceptions of the `plain` types are shown
    in their own words (not logged as failures).

    Signals:
        finished(object): the job's result.
        failed(str): why the job failed.
        progressed(int): work done so far (of `total`).
    """

    finished = Signal(object)
    failed = Signal(str)
    progressed = Signal(int)

    def __init__(
        self,
        store: Store,
        job: Job,
        title: str,
        parent: QWidget | None = None,
        total: int = 0,
        plain: tuple[type[BaseException], ...] = (),
        quiet: bool = False,
    ) -> None:
        super().__init__(parent)
        self.store, self.job, self.plain = store, job, plain
        self.quiet = quiet  # no dialog: a job the analyst did not ask to wait for
        self.thread: QThread | None = None
        self.dialog = QProgressDialog(title, "", 0, max(total, 1) if total else 0, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setCancelButton(None)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.reset()
        self.progressed.connect(self.dialog.setValue)
        self._running = False

    def progress(self, done: int) -> None:
        """Report progress from the job (safe from the worker thread: a queued signal)."""
        self.progressed.emit(done)

    def start(self) -> None:
        """Begin the job."""
        if self.store.path is None:
            try:
                result = self.job(self.store)
            except Exception as exc:  # noqa: BLE001 - reported as one line
                reason = _one_line(exc)
                QTimer.singleShot(0, lambda: self.failed.emit(reason))
                return
            QTimer.singleShot(0, lambda: self.finished.emit(result))
            return
        self.thread = QThread(self)
        self.worker = _Worker(self.store.path, self.job, self.plain)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.worker.finished.connect(self._on_done)
        self.worker.failed.connect(self._on_failed)
        self._running = True
        self.thread.start()
        if not self.quiet:
            QTimer.singleShot(400, self._show_if_running)

    @property
    def running(self) -> bool:
        """True from `start` until the job's result (or failure) is in."""
        return self._running

    def wait(self) -> None:
        """Block until a running job's thread ends (before its owner goes away)."""
        if self.thread is not None and self.thread.isRunning():
            self.thread.quit()
            self.thread.wait()

    def _show_if_running(self) -> None:
        if self._running:
            self.dialog.show()

    def _stop(self) -> None:
        self._running = False
        if self.thread is not None:
            self.thread.quit()
            self.thread.wait()
        self.dialog.reset()

    def _on_done(self, result: object) -> None:
        self._stop()
        self.finished.emit(result)

    def _on_failed(self, reason: str) -> None:
        self._stop()
        self.failed.emit(reason)


def _one_line(exc: BaseException) -> str:
    return one_line(exc) or type(exc).__name__


def start_job(
    window: Any,
    store: Store,
    job: Job | Callable[[Store, Callable[[int], None]], Any],
    title: str,
    done: Callable[[Any], None],
    *,
    total: int = 0,
    plain: tuple[type[BaseException], ...] = (),
) -> TaskRunner:
    """The one way a window runs a long job: `job(store)` (or `job(store, progress)` with a
    `total`) in the background behind `title`'s progress dialog; `done(result)` after, a
    warning dialog naming `title` on failure."""
    from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415 - only the window needs it

    runner: TaskRunner

    def run(store: Store) -> Any:
        return job(store, runner.progress) if total else job(store)  # type: ignore[call-arg]

    runner = TaskRunner(store, run, title, window, total=total, plain=plain)
    runner.finished.connect(done)
    failed = QCoreApplication.translate("TaskRunner", "{task} failed").format(task=title)
    runner.failed.connect(lambda why: QMessageBox.warning(window, failed, why))
    runner.start()
    return runner
