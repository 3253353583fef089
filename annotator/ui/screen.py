"""Window sizes that fit the screen the window will open on."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def fit_to_screen(window: QWidget, width: int, height: int, share: float = 0.94) -> None:
    """Resize `window` to `width` x `height`, or less where the screen's free area is smaller."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        free = screen.availableGeometry()
        width = min(width, int(free.width() * share))
        height = min(height, int(free.height() * share))
    window.resize(width, height)
