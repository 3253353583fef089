"""Where a popup about a line of text goes: below the line, or above it when there is no room
below, never over it."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu

GAP = 2  # pixels between the line and the popup


def below_or_above(line: QRect, size: QSize, screen: QRect, x: int) -> QPoint:
    """The top-left corner for a popup of `size` next to `line` (both global): below it when
    it fits on `screen`, else above it (else wherever is roomier); `x` (the click) kept
    while the popup fits across the screen."""
    left = max(screen.left(), min(x, screen.right() + 1 - size.width()))
    below = line.bottom() + 1 + GAP
    above = line.top() - GAP - size.height()
    if below + size.height() <= screen.bottom() + 1:
        return QPoint(left, below)
    if above >= screen.top():
        return QPoint(left, above)
    room_below = screen.bottom() + 1 - below
    room_above = line.top() - screen.top()
    return QPoint(left, below if room_below >= room_above else screen.top())


def popup_beside(menu: QMenu, line: QRect, x: int) -> QPoint:
    """Show `menu` below (or above) `line` at `x`; returns where it went."""
    screen = QGuiApplication.screenAt(line.center()) or QGuiApplication.primaryScreen()
    area = screen.availableGeometry() if screen is not None else QRect(0, 0, 1 << 16, 1 << 16)
    where = below_or_above(line, menu.sizeHint(), area, x)
    menu.popup(where)
    return where
