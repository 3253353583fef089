"""The File → Restore from backup dialog: pick one of the project's copies, confirm."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.backups import BEFORE_RESTORE, DAILY, PRE_MIGRATION, Backup, human_size

KIND_NAMES = {
    DAILY: "Daily snapshot",
    PRE_MIGRATION: "Before a schema update",
    BEFORE_RESTORE: "Kept aside by a restore",
}

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def local_time(backup: Backup) -> str:
    """When the copy was made, in local time to the minute."""
    return backup.created.astimezone().strftime("%Y-%m-%d %H:%M")


class RestoreDialog(QDialog):
    """Lists backups newest first (time, kind, size); Restore asks once more, then accepts.

    Attributes:
        chosen: the backup to restore, set when the user confirmed (the dialog is accepted).
    """

    def __init__(self, backups: list[Backup], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Restore from backup")
        self.backups = backups
        self.chosen: Backup | None = None
        intro = QLabel(
            "Put one of these copies in place of the project. The current file is kept "
            "beside it (…before-restore-<time>), so this can be undone the same way."
            if backups
            else "This project has no backups yet: one is made the first time it is opened "
            "each day."
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(backups), 3)
        self.table.setHorizontalHeaderLabels(["Time", "Kind", "Size"])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for row, backup in enumerate(backups):
            cells = (local_time(backup), KIND_NAMES.get(backup.kind, backup.kind),
                     human_size(backup.size))  # fmt: skip
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(backup.path))
                if column == 2:
                    item.setTextAlignment(RIGHT)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = buttons.addButton("Restore…", QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.clicked.connect(self._on_restore_clicked)
        buttons.rejected.connect(self.reject)
        self.table.itemSelectionChanged.connect(self._on_table_selection_changed)
        self.table.doubleClicked.connect(lambda _index: self._on_restore_clicked())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 320)
        if backups:
            self.table.selectRow(0)
        self._on_table_selection_changed()

    def current(self) -> Backup | None:
        """The selected backup, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def _on_table_selection_changed(self) -> None:
        self.restore_button.setEnabled(self.current() is not None)

    def _on_restore_clicked(self) -> None:
        backup = self.current()
        if backup is None:
            return
        answer = QMessageBox.question(
            self,
            "Restore from backup",
            f"Replace the project with the copy of {local_time(backup)} "
            f"({KIND_NAMES.get(backup.kind, backup.kind).lower()})?\n\n"
            "The current file is kept beside it; the window reopens on the restored project.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.chosen = backup
            self.accept()
