"""Start the window: Qt application, fonts, theme, the analyst's name, then the main window."""

from __future__ import annotations

import contextlib
import logging
import sys
import threading
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox, QWidget

from annotator.backups import latest_good_backup, restore
from annotator.errors import configure_logging, describe, is_damage, log_failure
from annotator.models import is_reserved_name
from annotator.paths import APP_ID, icon_paths, resolve_db_path
from annotator.project import open_project
from annotator.store import Store
from annotator.ui import i18n
from annotator.ui.fonts import apply_application_font, load_bundled_fonts
from annotator.ui.main_window import MainWindow
from annotator.ui.window.language import DIGITS_SETTING
from annotator.ui.window.window_state import as_bool

log = logging.getLogger(__name__)

ORGANIZATION = "bengali-news-annotator"
APPLICATION = "annotator"


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (created once), with names for QSettings, the desktop id, the app
    icon and the bundled fonts (Bengali and colour emoji) as every widget's fallbacks."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(QCoreApplication.translate("app", "Bengali news annotator"))
    QGuiApplication.setDesktopFileName(APP_ID)  # Wayland app id, matching the .desktop file
    app.setWindowIcon(app_icon())
    load_bundled_fonts()
    apply_application_font(app)
    follow_system_theme(app)
    return app


def app_icon() -> QIcon:
    """The app icon, from the PNG of each size bundled under resources/icons/ (and the SVG)."""
    icon = QIcon()
    for path in icon_paths():
        if path.is_file():
            icon.addFile(str(path))
    return icon


def start_language(app: QApplication, settings: QSettings) -> str:
    """Install the interface language the user chose (else the system's) and the digits
    that go with it; the application's display name follows."""
    language = i18n.chosen_language(settings)
    i18n.apply_language(language)
    stored = settings.value(DIGITS_SETTING)
    on = i18n.current_language() == i18n.BENGALI if stored is None else as_bool(stored)
    i18n.set_bengali_digits(on)
    app.setApplicationDisplayName(QCoreApplication.translate("app", "Bengali news annotator"))
    return i18n.current_language()


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
        prompt = QCoreApplication.translate("app", "Your name (every span you tag records it)")
        if known:
            prompt = QCoreApplication.translate(
                "app", "Your name (every span you tag records it)\nKnown in this project: {names}"
            )
            prompt = prompt.format(names=", ".join(known))
        text, ok = QInputDialog.getText(
            parent,
            QCoreApplication.translate("app", "Who is annotating?"),
            prompt,
            QLineEdit.EchoMode.Normal,
        )
        if not ok:
            return None
        name = text.strip()
        if is_reserved_name(name):
            name = ""
    settings.setValue("annotator", name)
    return name


def report_failure(exc: BaseException, db_path: Path | None, parent: QWidget | None = None) -> None:
    """Log `exc`'s traceback and tell the user in one line (a dialog)."""
    log_failure(exc, "window")
    QMessageBox.critical(
        parent, QCoreApplication.translate("app", "Bengali news annotator"), describe(exc, db_path)
    )


def install_excepthook(db_path: Path | None) -> None:
    """Anything that escapes a slot is logged and shown in a dialog, never printed."""
    showing = False

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        nonlocal showing
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        exc.__traceback__ = tb
        if threading.current_thread() is not threading.main_thread():
            log_failure(exc, "window (worker thread)")  # no dialog off the GUI thread
            return
        if showing:  # a failure while the dialog is up: log it only
            log_failure(exc, "window (while reporting another failure)")
            return
        showing = True
        try:
            report_failure(exc, db_path, QApplication.activeWindow())
        finally:
            showing = False

    sys.excepthook = hook


def offer_restore(exc: BaseException, db_path: Path) -> bool:
    """After a failure to open `db_path`: explain, and offer the newest good backup when the
    file is damaged. True when a backup was restored (try opening again)."""
    log_failure(exc, "window start")
    message = describe(exc, db_path)
    good = latest_good_backup(db_path) if is_damage(exc) else None
    if good is None:
        QMessageBox.critical(
            None, QCoreApplication.translate("app", "Bengali news annotator"), message
        )
        return False
    when = i18n.digits(good.created.astimezone().strftime("%Y-%m-%d %H:%M"))
    question = QCoreApplication.translate(
        "app",
        "{problem}\n\nRestore the newest good backup, from {time}?\n{path}\n"
        "The damaged file is kept aside.",
    ).format(problem=describe(exc, db_path, backup=False), time=when, path=good.path)
    answer = QMessageBox.question(
        None,
        QCoreApplication.translate("app", "Bengali news annotator"),
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    try:
        aside = restore(db_path, good.path)
    except Exception as failure:  # noqa: BLE001 - told, then the window is not opened
        log_failure(failure, "restore at start")
        QMessageBox.critical(
            None,
            QCoreApplication.translate("app", "Bengali news annotator"),
            describe(failure, db_path),
        )
        return False
    if aside is not None:
        log.warning(
            "restored %s over %s; the damaged file is kept as %s", good.path, db_path, aside
        )
    return True


def open_window(db_path: Path | None, settings: QSettings) -> MainWindow | None:
    """Open the project and its window; a failure is explained in a dialog (with the newest
    good backup on offer for a damaged file) and gives None."""
    path = db_path if db_path is not None else resolve_db_path(None)[0]
    for _ in range(3):  # a restored backup is opened again; never loop for ever
        store: Store | None = None
        try:
            store = open_project(db_path)
            annotator = ask_annotator(settings, store)
            if annotator is None:
                store.close()
                return None
            return MainWindow(store, annotator, settings)
        except Exception as exc:  # noqa: BLE001 - the one place a failed start ends up
            if store is not None:
                with contextlib.suppress(Exception):
                    store.close()
            if not offer_restore(exc, path):
                return None
    return None


def run(db_path: Path | None = None) -> int:
    """Open the window on the project at `db_path` (default project when None)."""
    configure_logging()
    app = make_application()
    path = db_path if db_path is not None else resolve_db_path(None)[0]
    install_excepthook(path)
    settings = QSettings()
    start_language(app, settings)
    window = open_window(db_path, settings)
    if window is None:
        return 1
    window.show()
    code = app.exec()
    # File → Open project… may have replaced the first window: close whichever are left.
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow):
            with contextlib.suppress(Exception):
                widget.store.close()
    return code
