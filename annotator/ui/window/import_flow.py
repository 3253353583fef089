"""The main window's way in: File → Import dialogs, dropped files, the background import and
its report. Every path goes through `ingest.inputs.import_inputs`, as the command line does."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox

from annotator.formats.registry import ANNOTATIONS, PROJECT, dialog_filters, format_for_filter
from annotator.ingest.inputs import ImportOptions, ImportSummary, import_inputs
from annotator.ui.task_runner import TaskRunner

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow

REPORT_LINES = 40  # lines of an import report shown in its dialog


class ImportFlow:
    """File → Import…, Import folder…, Import annotations…, Import colleague's project…,
    and files dropped on the window (a part of `MainWindow`)."""

    def import_files(self: MainWindow) -> None:
        """Ask for files of any importable format and import them."""
        self._import_dialog(self.tr("Import files"), dialog_filters())

    def import_folder(self: MainWindow) -> None:
        """Ask for a folder and import everything in it."""
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Import a folder"), str(Path.home())
        )
        if folder:
            self.import_paths([folder])

    def import_annotations_dialog(self: MainWindow) -> None:
        """Ask for annotation files (our JSONL export, doccano, Label Studio, brat)."""
        self._import_dialog(self.tr("Import annotations"), dialog_filters((ANNOTATIONS,)))

    def import_project_dialog(self: MainWindow) -> None:
        """Ask for a colleague's project file and bring their layers in."""
        self._import_dialog(self.tr("Import a colleague's project"), dialog_filters((PROJECT,)))

    def _import_dialog(self: MainWindow, title: str, filters: list[str]) -> None:
        """A file dialog over the format table; the chosen filter names the format (the
        first, "everything", lets the content decide)."""
        paths, chosen = QFileDialog.getOpenFileNames(
            self, title, str(Path.home()), ";;".join(filters)
        )
        if paths:
            self.import_paths(paths, format_for_filter(chosen))

    def import_annotations(self: MainWindow, fmt: str, paths: list[str]) -> TaskRunner:
        """Import annotation files of format `fmt` (see `import_paths`)."""
        return self.import_paths(paths, fmt)

    def import_project(self: MainWindow, path: str) -> TaskRunner:
        """Import every layer of a colleague's project file (read-only, untrusted) except this
        analyst's own; re-importing updates their layers."""
        return self.import_paths([path], PROJECT)

    def import_paths(self: MainWindow, paths: list[str], fmt: str = "auto") -> TaskRunner:
        """Import files or folders in the background through the one import entry point
        (`import_inputs`, as the command line does) and report the outcome. Files without
        annotator names are this analyst's; their own layer in a colleague's project is not
        brought in."""
        options = ImportOptions(
            format=fmt,
            annotator=self.annotator,
            skip_layers=(self.annotator,),
            own_project=self.store.path,
        )
        return self.start_job(
            lambda store: import_inputs(store, paths, options),
            self.tr("Importing…"),
            self._on_imported,
        )

    def _on_imported(self: MainWindow, summary: ImportSummary) -> None:
        """Show what came in: the status bar when all went well, else a dialog listing what
        was left out and why."""
        self._reload_labels()
        self.list_model.refresh()
        self._update_progress()
        if self.article is not None:
            self.open_article(self.article.id)
        headline = summary.headline()
        if summary.ok:
            self.statusBar().showMessage(headline, 8000)
            return
        lines = [line for line in summary.lines(short_names=True) if _worth_showing(line)]
        shown = lines[:REPORT_LINES]
        if len(lines) > REPORT_LINES:
            shown.append(self.tr("… and %n more line(s)", "", len(lines) - REPORT_LINES))
        QMessageBox.warning(self, self.tr("Import"), "\n".join([headline, "", *shown]))

    def accept_drag(self: MainWindow, event: QDragEnterEvent) -> None:
        """Files and folders dragged in from a file manager may be dropped to import them."""
        if _local_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def import_drop(self: MainWindow, event: QDropEvent) -> None:
        """Import the dropped files and folders, each routed by its content."""
        paths = _local_paths(event.mimeData())
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.import_paths(paths)


def _local_paths(mime: QMimeData) -> list[str]:
    """The local files and folders a drag carries (web links are not imported)."""
    if not mime.hasUrls():
        return []
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile() and url.toLocalFile()]


def _worth_showing(line: str) -> bool:
    """Report lines for the dialog: what went wrong or was chosen, not each good file."""
    return not line.startswith(("imported   ", "duplicate  ", "layer      "))
