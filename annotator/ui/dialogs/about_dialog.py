"""Help → About…: the app's version, the Qt, PySide6, SQLite and Python versions, where the
data lives, the open project's file and the licences."""

from __future__ import annotations

import platform
import sqlite3
from importlib import metadata
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

import annotator
from annotator.errors import log_path
from annotator.paths import APP_NAME, default_db_path


def app_version() -> str:
    """The installed package's version (the source tree's when it is not installed)."""
    try:
        return metadata.version(APP_NAME)
    except metadata.PackageNotFoundError:
        return annotator.__version__


class AboutDialog(QDialog):
    """One line per fact (`facts()`), selectable so it can be copied into a bug report."""

    def __init__(self, project: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Bengali news annotator"))
        self._facts = [
            (self.tr("Version"), app_version()),
            (self.tr("Qt"), qVersion()),
            (self.tr("PySide6"), PySide6.__version__),
            (self.tr("SQLite"), sqlite3.sqlite_version),
            (self.tr("Python"), platform.python_version()),
            (self.tr("Data folder"), str(default_db_path().parent)),
            (self.tr("Project"), str(project) if project is not None else self.tr("in memory")),
            (self.tr("Log file"), str(log_path())),
            (self.tr("Licences"), self.tr("This program: MIT. Qt and PySide6: LGPL v3. "
                                          "Noto Bengali fonts: SIL Open Font License 1.1.")),
        ]  # fmt: skip
        title = QLabel(f"<h2>{self.tr('Bengali news annotator')}</h2>")
        form = QFormLayout()
        for name, value in self._facts:
            shown = QLabel(value)
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(name, shown)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def facts(self) -> list[tuple[str, str]]:
        """What the dialog shows: (what, value) per line, top to bottom."""
        return list(self._facts)
