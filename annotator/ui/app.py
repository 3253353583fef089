"""Start the window: Qt application, fonts, theme, the analyst's name, then the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QWidget

from annotator.models import is_reserved_name
from annotator.project import open_project
from annotator.store import Store, StoreError
from annotator.ui.fonts import load_bundled_fonts
from annotator.ui.main_window import MainWindow

ORGANIZATION = "bengali-news-annotator"
APPLICATION = "annotator"


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (created once), with names for QSettings and the bundled fonts."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Bengali news annotator")
    load_bundled_fonts()
    follow_system_theme(app)
    return app


def _dark_palette() -> QPalette:
    palette = QPalette()
    base, window, text = QColor("#1e1f22"), QColor("#2b2d30"), QColor("#dfe1e5")
    palette.setColor(QPalette.ColorRole.Window, window)
    palette.setColor(QPalette.ColorRole.WindowText, text)
    palette.setColor(QPalette.ColorRole.Base, base)
    palette.setColor(QPalette.ColorRole.AlternateBase, window)
    palette.setColor(QPalette.ColorRole.Text, text)
    palette.setColor(QPalette.ColorRole.Button, window)
    palette.setColor(QPalette.ColorRole.ButtonText, text)
    palette.setColor(QPalette.ColorRole.ToolTipBase, window)
    palette.setColor(QPalette.ColorRole.ToolTipText, text)
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#2f65ca"))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor("#8c8f94"))
    palette.setColor(QPalette.ColorRole.Link, QColor("#6ea8fe"))
    return palette


def follow_system_theme(app: QApplication) -> None:
    """Use Fusion with a dark palette when the system asks for dark, and follow changes."""
    app.setStyle("Fusion")

    def apply(scheme: Qt.ColorScheme) -> None:
        if scheme == Qt.ColorScheme.Dark:
            app.setPalette(_dark_palette())
        else:
            app.setPalette(app.style().standardPalette())

    hints = QGuiApplication.styleHints()
    apply(hints.colorScheme())
    hints.colorSchemeChanged.connect(apply)


def ask_annotator(settings: QSettings, store: Store, parent: QWidget | None = None) -> str | None:
    """The analyst's name: remembered in QSettings, asked for on first start."""
    name = str(settings.value("annotator", "") or "").strip()
    while not name:
        known = store.annotators()
        text, ok = QInputDialog.getText(
            parent,
            "Who is annotating?",
            "Your name (every span you tag records it)"
            + (f"\nKnown in this project: {', '.join(known)}" if known else ""),
            QLineEdit.EchoMode.Normal,
        )
        if not ok:
            return None
        name = text.strip()
        if is_reserved_name(name):
            name = ""
    settings.setValue("annotator", name)
    return name


def run(db_path: Path | None = None) -> int:
    """Open the window on the project at `db_path` (default project when None)."""
    app = make_application()
    try:
        store = open_project(db_path)
    except StoreError as exc:
        print(f"annotator: {exc}", file=sys.stderr)
        return 1
    settings = QSettings()
    annotator = ask_annotator(settings, store)
    if annotator is None:
        store.close()
        return 0
    window = MainWindow(store, annotator, settings)
    window.show()
    code = app.exec()
    store.close()
    return code
