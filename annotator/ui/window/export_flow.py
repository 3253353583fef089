"""The main window's way out and back: File → Export dataset… in the background, and
File → Restore from backup… (checked first; the window reopens on the restored file)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.backups import BackupError, list_backups, restore, verify_backup
from annotator.export import ExportFilter, export
from annotator.project import open_project
from annotator.store import StoreError
from annotator.ui.dialogs.export_dialog import ExportDialog
from annotator.ui.dialogs.restore_dialog import RestoreDialog
from annotator.ui.task_runner import start_job

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow


class ExportFlow:
    """Export and restore (a part of `MainWindow`)."""

    def export_dialog(self: MainWindow) -> None:
        """Ask for format, layer, articles and file, then export in the background."""
        dialog = ExportDialog(self.store.layers(), Path.home(), self)
        if dialog.exec():
            self.export_dataset(dialog.fmt, dialog.out, dialog.export_filter())

    def export_dataset(
        self: MainWindow, fmt: str, out: Path, flt: ExportFilter | None = None
    ) -> None:
        """Export on a worker thread with a progress dialog; reports in the status bar."""
        if self.store.path is None:
            self.statusBar().showMessage(self.tr("An in-memory project cannot be exported."), 5000)
            return
        chosen = flt or ExportFilter()
        self.export_runner = start_job(
            self,
            self.store,
            lambda store, progress: export(store, fmt, out, chosen, progress),
            self.tr("Exporting {format} to {file}…").format(format=fmt, file=out.name),
            lambda n: self.statusBar().showMessage(
                (
                    self.tr("Exported %Ln claim row(s) to {path}", "", n)
                    if fmt == "events"  # one row per claim frame, not per span
                    else self.tr("Exported %Ln span(s) to {path}", "", n)
                ).format(path=out),
                8000,
            ),
            total=self.store.article_count(),
            plain=(OSError, ValueError),
        )

    def restore_from_backup(self: MainWindow) -> RestoreDialog | None:
        """List this project's backups; a confirmed choice is restored and the window reopens."""
        if self.store.path is None:
            self.statusBar().showMessage(self.tr("An in-memory project has no backups."), 5000)
            return None
        dialog = RestoreDialog(list_backups(self.store.path), self)
        dialog.accepted.connect(self._on_restore_dialog_accepted)
        self.restore_dialog = dialog
        dialog.open()
        return dialog

    def _on_restore_dialog_accepted(self: MainWindow) -> None:
        if self.restore_dialog.chosen is not None:
            self.restore_backup(self.restore_dialog.chosen.path)

    def restore_backup(self: MainWindow, backup: Path) -> MainWindow | None:
        """Restore `backup` over the project, then show it in a new window replacing this one.

        The backup is checked while the project is still open (a damaged one changes nothing);
        then the store is closed, the file replaced (the old one kept aside) and reopened.
        """
        path = self.store.path
        try:
            verify_backup(backup)
        except BackupError as exc:
            QMessageBox.warning(self, self.tr("Restore from backup"), str(exc))
            return None
        for other in (self.review_window, getattr(self, "agreement_dialog", None)):
            if other is not None:
                other.close()
        self.store.close()
        failed = False
        try:
            aside = restore(path, backup)
            message = (
                self.tr("Restored {backup}; the previous file is kept as {aside}.")
                if aside
                else self.tr("Restored {backup}.")
            ).format(backup=backup.name, aside=aside)
        except BackupError as exc:
            failed, message = True, self.tr("Not restored: {reason}").format(reason=exc)
        try:
            store = open_project(path)
        except StoreError as exc:
            QMessageBox.critical(self, self.tr("Restore from backup"), f"{message}\n{exc}")
            self.close()
            return None
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(store.close)
        window = type(self)(store, self.annotator, self.settings)
        window.show()
        window.statusBar().showMessage(message, 20000)
        self.replacement = window
        self.close()
        if failed:
            QMessageBox.warning(window, self.tr("Restore from backup"), message)
        return window
