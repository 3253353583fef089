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
from annotator.translatable import QT_TRANSLATE_NOOP
from annotator.ui.i18n import digits, translate

KIND_NAMES = {
    DAILY: QT_TRANSLATE_NOOP("RestoreDialog", "Daily snapshot"),
    PRE_MIGRATION: QT_TRANSLATE_NOOP("RestoreDialog", "Before a schema update"),
    BEFORE_RESTORE: QT_TRANSLATE_NOOP("RestoreDialog", "Kept aside by a restore"),
}

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def local_time(backup: Backup) -> str:
    """When the copy was made, in local time to the minute (Bengali digits when chosen)."""
    return digits(backup.created.astimezone().strftime("%Y-%m-%d %H:%M"))


def kind_name(kind: str) -> str:
    """What made a backup, in the interface language."""
    return translate("RestoreDialog", KIND_NAMES[kind]) if kind in KIND_NAMES else kind


class RestoreDialog(QDialog):
    """Lists backups newest first (time, kind, size); Restore asks once more, then accepts.

    Attributes:
        chosen: the backup to restore, set when the user confirmed (the dialog is accepted).
    """

    def __init__(self, backups: list[Backup], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from backup"))
        self.backups = backups
        self.chosen: Backup | None = None
        intro = QLabel(
            self.tr(
                "Put one of these copies in place of the project. The current file is kept "
                "beside it (…before-restore-<time>), so this can be undone the same way."
            )
            if backups
            else self.tr(
                "This project has no backups yet: one is made the first time it is opened each day."
            )
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(backups), 3)
        self.table.setHorizontalHeaderLabels([self.tr("Time"), self.tr("Kind"), self.tr("Size")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for row, backup in enumerate(backups):
            cells = (local_time(backup), kind_name(backup.kind), digits(human_size(backup.size)))
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
        self.restore_button = buttons.addButton(
            self.tr("Restore…"), QDialogButtonBox.ButtonRole.ActionRole
        )
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
            self.tr("Restore from backup"),
            self.tr(
                "Replace the project with the copy of {time} ({kind})?\n\n"
                "The current file is kept beside it; the window reopens on the restored project."
            ).format(time=local_time(backup), kind=kind_name(backup.kind).lower()),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.chosen = backup
            self.accept()
