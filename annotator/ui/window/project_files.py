"""The main window's projects: File → New project…, Open project…, Open recent, the window
title, and switching to another project in the same process (a fresh window on the new
store; the old one stops watching, closes its other windows and its store)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from annotator.errors import describe, log_failure
from annotator.paths import default_db_path
from annotator.project import PROJECT_SUFFIX, create_project, open_existing_project
from annotator.recent import existing, forget, remember
from annotator.store import Store

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow

RECENT_KEY = "recent_projects"
# Windows opened by a switch: nothing else holds them (the first one `app.run` holds).
_SWITCHED_TO: list[MainWindow] = []


def window_title(path: Path | None) -> str:
    """ "claims.db — <the app's name>": the project once, the app's name once (Qt adds the
    name itself only to a title that does not end with it)."""
    name = path.name if path is not None else QCoreApplication.translate("MainWindow", "in memory")
    return f"{name} — {QGuiApplication.applicationDisplayName()}"


def _as_list(value: object) -> list[str]:
    """A QSettings list (an INI file gives a one-item list as a plain string)."""
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, list | tuple):
        return [str(v) for v in value if v]
    return []


class ProjectFiles:
    """New, open, recent and switching projects (a part of `MainWindow`)."""

    # -- the menu --------------------------------------------------------------------------

    def _build_recent_menu(self: MainWindow) -> None:
        """File → Open recent, right after Open project…"""
        self.recent_menu = QMenu(self.tr("Open &recent"), self)
        self.recent_menu.setObjectName("recent_menu")
        file_menu = self.menus["File"]
        items = file_menu.actions()
        after = items.index(self.command_actions["file.open"]) + 1
        file_menu.insertMenu(items[after] if after < len(items) else None, self.recent_menu)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.setWindowTitle(window_title(self.store.path))
        if self.store.path is not None:
            self.setWindowFilePath(str(self.store.path))
            self._set_recent(remember(self.recent_projects(), self.store.path))
        self._fill_recent_menu()

    def recent_projects(self: MainWindow) -> list[str]:
        """The recently opened project files, most recent first (missing ones left out)."""
        return existing(_as_list(self.settings.value(RECENT_KEY, [])))

    def _set_recent(self: MainWindow, paths: list[str]) -> None:
        self.settings.setValue(RECENT_KEY, paths)

    def _fill_recent_menu(self: MainWindow) -> None:
        menu = self.recent_menu
        menu.clear()
        paths = self.recent_projects()
        self._set_recent(paths)  # files that went away drop out for good
        for number, path in enumerate(paths, start=1):
            where = Path(path)
            shown = f"{where.name}  ({where.parent})".replace("&", "&&")
            action = menu.addAction(f"&{number} {shown}" if number < 10 else shown)
            action.setData(path)
            action.setToolTip(path)
            current = self.store.path is not None and Path(path) == self.store.path.resolve()
            action.setEnabled(not current)
            action.triggered.connect(lambda _c=False, p=path: self.open_recent_project(p))
        if not paths:
            empty = menu.addAction(self.tr("No recent projects"))
            empty.setEnabled(False)
        menu.addSeparator()
        clear: QAction = menu.addAction(self.tr("&Clear recent"))
        clear.setObjectName("clear_recent")
        clear.setEnabled(bool(paths))
        clear.triggered.connect(self.clear_recent_projects)

    def clear_recent_projects(self: MainWindow) -> None:
        """Empty File → Open recent (the current project comes back when next opened)."""
        self._set_recent([])
        self._fill_recent_menu()

    # -- the commands ----------------------------------------------------------------------

    def _project_folder(self: MainWindow) -> str:
        return str(self.store.path.parent if self.store.path else default_db_path().parent)

    def _project_filter(self: MainWindow) -> str:
        return self.tr("Annotator projects (*.db *.sqlite *.sqlite3);;All files (*)")

    def new_project(self: MainWindow) -> MainWindow | None:
        """File → New project…: ask for a file name, create an empty project there and switch
        to it. The new window, or None when nothing was created."""
        path, _chosen = QFileDialog.getSaveFileName(
            self, self.tr("New project"), self._project_folder(), self._project_filter(),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )  # fmt: skip
        if not path:
            return None
        where = Path(path)
        if not where.suffix:
            where = where.with_suffix(PROJECT_SUFFIX)
        return self.switch_project(where, create=True)

    def open_project_dialog(self: MainWindow) -> MainWindow | None:
        """File → Open project…: ask for a project file and switch to it."""
        path, _chosen = QFileDialog.getOpenFileName(
            self, self.tr("Open project"), self._project_folder(), self._project_filter()
        )
        return self.switch_project(Path(path)) if path else None

    def open_recent_project(self: MainWindow, path: str) -> MainWindow | None:
        """File → Open recent → a file: switch to it (a file gone since is dropped)."""
        return self.switch_project(Path(path))

    # -- switching -------------------------------------------------------------------------

    def switch_project(self: MainWindow, path: Path, create: bool = False) -> MainWindow | None:
        """Open (or create) the project at `path` in a fresh window and close this one.

        The new window is returned; on failure this project stays open and the reason is
        shown in one line (None is returned).
        """
        if self.store.path is not None and path.resolve() == self.store.path.resolve():
            self.statusBar().showMessage(self.tr("%1 is already open.").replace("%1", path.name))
            return self
        if self.task_runner is not None and self.task_runner.running:
            self.statusBar().showMessage(
                self.tr("Wait for the import to finish before switching projects."), 6000
            )
            return None
        try:
            store = create_project(path) if create else open_existing_project(path)
        except Exception as exc:  # noqa: BLE001 - told in one line; this project stays open
            log_failure(exc, "new project" if create else "open project")
            if not create:
                self._set_recent(forget(self.recent_projects(), path))
            self._refuse_project(describe(exc, path))
            return None
        self.save_state()  # the new window starts with this one's layout
        try:
            window = type(self)(store, self.annotator, self.settings)
        except Exception as exc:  # noqa: BLE001 - as above
            log_failure(exc, "open project window")
            store.close()
            self._refuse_project(describe(exc, path))
            return None
        _SWITCHED_TO.append(window)
        window.show()
        self.close_project()
        return window

    def _refuse_project(self: MainWindow, line: str) -> None:
        self.statusBar().showMessage(line, 10000)
        QMessageBox.warning(self, self.tr("Project not opened"), line)

    def close_project(self: MainWindow) -> None:
        """Close this window's project: stop watching it, close its review, agreement and
        help windows, then this window; the store closes once the window is gone."""
        self.watcher.stop()
        others = (self.review_window, getattr(self, "agreement_dialog", None),
                  getattr(self, "scheme_dialog", None), *self.help_windows())  # fmt: skip
        for other in others:
            if other is not None:
                other.close()
        self.controller.history.clear()
        if self in _SWITCHED_TO:
            _SWITCHED_TO.remove(self)
        store: Store = self.store
        self.destroyed.connect(lambda *_args: store.close())
        self.close()
        self.deleteLater()
