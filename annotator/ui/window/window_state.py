"""What the main window remembers between sessions (QSettings): geometry, splitters, zoom,
word snapping, colleagues' spans shown and the last article (Bengali digits and the language:
`language`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow


class WindowState:
    """Restore on open, save on close (a part of `MainWindow`)."""

    def restore_state(self: MainWindow) -> None:
        """Put back the layout and preferences saved by `save_state`."""
        geometry = self.settings.value("geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = self.settings.value("window_state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        for name, splitter in (("main_splitter", self.main_splitter),
                               ("side_splitter", self.side_splitter),
                               ("reader_splitter", self.reader_splitter)):  # fmt: skip
            value = self.settings.value(name)
            if isinstance(value, QByteArray):
                splitter.restoreState(value)
        zoom = self.settings.value("zoom")
        if zoom is not None:
            self.reader.set_zoom(float(zoom))
        self.snap_action.setChecked(as_bool(self.settings.value("snap_words", True)))
        self.reader.snap_words = self.snap_action.isChecked()
        self.restore_digits()
        self.colleagues_action.setChecked(as_bool(self.settings.value("show_colleagues", True)))
        self.panel.set_colleagues_visible(self.colleagues_action.isChecked())
        self.reader.zoom_changed.connect(lambda size: self.settings.setValue("zoom", size))

    def save_state(self: MainWindow) -> None:
        """Remember window layout and preferences."""
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("window_state", self.saveState())
        self.settings.setValue("main_splitter", self.main_splitter.saveState())
        self.settings.setValue("side_splitter", self.side_splitter.saveState())
        self.settings.setValue("reader_splitter", self.reader_splitter.saveState())
        self.settings.setValue("snap_words", self.snap_action.isChecked())
        self.settings.setValue("show_colleagues", self.colleagues_action.isChecked())
        self.settings.sync()

    def last_article(self: MainWindow) -> int | None:
        """The article open when the window last closed (if it is still listed)."""
        wanted = self.settings.value("last_article", None)
        try:
            return int(wanted) if wanted not in (None, "") else None
        except (TypeError, ValueError):
            return None


def as_bool(value: object) -> bool:
    """A QSettings value as a bool (INI files give strings)."""
    if isinstance(value, str):
        return value.lower() in ("1", "true", "yes")
    return bool(value)
