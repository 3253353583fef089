"""Fixtures for the window tests: a shown main window on a given store."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QSettings

from annotator.store import Store
from annotator.ui.main_window import MainWindow


@pytest.fixture
def make_window(qtbot, tmp_path) -> Callable[..., MainWindow]:
    """`make_window(store, annotator="rahim", active=False)`: a MainWindow on `store` with
    its own settings file, shown; `active` waits until it has focus (window shortcuts need
    it), else until it is exposed."""

    def make(store: Store, annotator: str = "rahim", active: bool = False) -> MainWindow:
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(store, annotator, settings)
        qtbot.addWidget(window)
        if active:
            with qtbot.waitActive(window):
                window.show()
        else:
            window.show()
            qtbot.waitExposed(window)
        return window

    return make
