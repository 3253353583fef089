"""Marks over the text that are not spans: the words a list search matched, the find bar's
matches and its current match, the spans filling the shown claim frame and the one hovered
in the frame panel. Each is a layer of code-point ranges, drawn as Qt extra selections over
the span backgrounds: a search hit is underlined, a frame filler gets a dotted underline, a
find match a translucent yellow wash (the span colour shows through), the current match an
orange one and a hovered filler a blue one."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument, QTextFormat
from PySide6.QtWidgets import QTextEdit

from annotator.ui.reader.positions import Positions

SEARCH, FIND, FIND_CURRENT = "search", "find", "find_current"
FRAME, FRAME_HOVER = "frame", "frame_hover"
SUGGESTION, SUGGESTION_CURRENT = "suggestion", "suggestion_current"
LAYERS = (SUGGESTION, SUGGESTION_CURRENT, SEARCH, FRAME, FIND, FIND_CURRENT, FRAME_HOVER)
_SUGGESTION_ALPHA = {SUGGESTION: 45, SUGGESTION_CURRENT: 110}  # lighter than a span's wash
_WASHES = {FIND: ("#ffe14d", 120), FIND_CURRENT: ("#ff9a1f", 170), FRAME_HOVER: ("#3d8bfd", 110)}
_LAYER_PROPERTY = int(QTextFormat.Property.UserProperty.value) + 1
_KEEP = QTextCursor.MoveMode.KeepAnchor


def _format(layer: str) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setProperty(_LAYER_PROPERTY, layer)
    if layer == SEARCH:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(QColor("#e69500"))
        fmt.setFontUnderline(True)
    elif layer in _SUGGESTION_ALPHA:  # a dashed underline; the pale wash is the label's
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
        fmt.setUnderlineColor(QColor("#5a5a5a" if layer == SUGGESTION else "#1f1f1f"))
        fmt.setFontUnderline(True)
    elif layer == FRAME:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setUnderlineColor(QColor("#1f3a93"))
    else:
        name, alpha = _WASHES[layer]
        color = QColor(name)
        color.setAlpha(alpha)
        fmt.setBackground(color)
    return fmt


class Marks:
    """The marked ranges of one article, by layer, and their extra selections."""

    def __init__(self) -> None:
        self._layers: dict[str, list[tuple[int, int]]] = {}
        self._colors: dict[str, list[str | None]] = {}
        self._formats = {layer: _format(layer) for layer in LAYERS}

    def set(
        self, layer: str, ranges: Iterable[tuple[int, int]], colors: Iterable[str] | None = None
    ) -> None:
        """Mark `ranges` (code points, half-open) in `layer`, replacing its old ranges; a
        suggestion layer washes each range in its `colors` entry (the label's colour)."""
        if layer not in self._formats:
            raise ValueError(f"unknown mark layer {layer!r}")
        ranges = list(ranges)
        shades = list(colors) if colors is not None else [None] * len(ranges)
        kept = [(r, c) for r, c in zip(ranges, shades, strict=True) if r[0] < r[1]]
        self._layers[layer] = [r for r, _c in kept]
        self._colors[layer] = [c for _r, c in kept]

    def get(self, layer: str) -> list[tuple[int, int]]:
        """The ranges marked in `layer`."""
        return list(self._layers.get(layer, []))

    def clear(self) -> None:
        """No marks in any layer."""
        self._layers.clear()
        self._colors.clear()

    def selections(
        self, document: QTextDocument, positions: Positions
    ) -> list[QTextEdit.ExtraSelection]:
        """The extra selections drawing every layer, bottom layer first."""
        found = []
        for layer in LAYERS:
            base = self._formats[layer]
            colors = self._colors.get(layer, [])
            for index, (start, end) in enumerate(self._layers.get(layer, [])):
                fmt = base
                color = colors[index] if index < len(colors) else None
                if color is not None and layer in _SUGGESTION_ALPHA:
                    fmt = QTextCharFormat(base)
                    shade = QColor(color)
                    shade.setAlpha(_SUGGESTION_ALPHA[layer])
                    fmt.setBackground(shade)
                a, b = positions.to_qt_range(*positions.clamped_range(start, end))
                cursor = QTextCursor(document)
                cursor.setPosition(a)
                cursor.setPosition(b, _KEEP)
                selection = QTextEdit.ExtraSelection()
                selection.cursor = cursor
                selection.format = fmt
                found.append(selection)
        return found


def marked_ranges(
    selections: Iterable[QTextEdit.ExtraSelection], positions: Positions
) -> list[tuple[str, int, int]]:
    """(layer, start, end) in code points of each extra selection a `Marks` made."""
    found = []
    for selection in selections:
        layer = selection.format.property(_LAYER_PROPERTY)
        if isinstance(layer, str):
            cursor = selection.cursor
            start = positions.from_qt(cursor.selectionStart())
            found.append((layer, start, positions.from_qt(cursor.selectionEnd())))
    return found


__all__ = [
    "FIND", "FIND_CURRENT", "FRAME", "FRAME_HOVER", "LAYERS", "SEARCH", "SUGGESTION",
    "SUGGESTION_CURRENT", "Marks", "marked_ranges",
]  # fmt: skip
