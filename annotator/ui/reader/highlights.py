"""Span backgrounds: colour blending, and the character formats painted on the document,
one run of code points covered by the same own spans at a time."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor

from annotator.ui.reader.positions import Positions
from annotator.ui.reader.spans import SpanPaint

ALPHA = 0.35  # opacity of one span's background; nested spans stack and look darker

_KEEP = QTextCursor.MoveMode.KeepAnchor
_GREY = (128, 128, 128)


def span_color(color: str, fallback: QColor | None = None) -> QColor:
    """`color` ('#RRGGBB') as a QColor; `fallback` (grey when None) if it is not a colour."""
    q = QColor(color)
    if q.isValid():
        return q
    return QColor(fallback) if fallback is not None else QColor(*_GREY)


def blend(colors: Iterable[str], alpha: float = ALPHA) -> QColor:
    """Composite `colors` (bottom first), each at `alpha`, over transparency."""
    r = g = b = a = 0.0
    for color in colors:
        q = span_color(color)
        cr, cg, cb = q.redF(), q.greenF(), q.blueF()
        out = alpha + a * (1.0 - alpha)
        keep = a * (1.0 - alpha)
        r = (cr * alpha + r * keep) / out
        g = (cg * alpha + g * keep) / out
        b = (cb * alpha + b * keep) / out
        a = out
    return QColor.fromRgbF(r, g, b, a)


def segments(
    spans: Iterable[SpanPaint], lo: int, hi: int
) -> Iterator[tuple[int, int, tuple[str, ...]]]:
    """Maximal runs of [lo, hi) covered by the same own spans, with their colours (outer
    first: by start, then longest first); runs no own span covers are left out."""
    covering = [s for s in spans if s.own and s.start < hi and s.end > lo]
    if not covering:
        return
    covering.sort(key=lambda s: (s.start, -s.end, s.id))
    points = {lo, hi}
    for s in covering:
        if s.start > lo:
            points.add(s.start)
        if s.end < hi:
            points.add(s.end)
    bounds = sorted(points)
    active: list[SpanPaint] = []
    i = 0
    run_start, run_key = lo, ()
    for a in bounds[:-1]:
        while i < len(covering) and covering[i].start <= a:
            active.append(covering[i])
            i += 1
        active = [s for s in active if s.end > a]
        key = tuple(s.color for s in active)  # `active` keeps the (start, -end) order
        if key != run_key:
            if run_key:
                yield run_start, a, run_key
            run_start, run_key = a, key
    if run_key:
        yield run_start, hi, run_key


class Highlighter:
    """Paints span backgrounds on a document; one cached format per stack of colours."""

    def __init__(self) -> None:
        self._formats: dict[tuple[str, ...], QTextCharFormat] = {}

    def format(self, colors: tuple[str, ...]) -> QTextCharFormat:
        """The background format of code points covered by spans of `colors` (bottom first)."""
        fmt = self._formats.get(colors)
        if fmt is None:
            fmt = QTextCharFormat()
            fmt.setBackground(blend(colors))
            self._formats[colors] = fmt
        return fmt

    def paint(
        self,
        cursor: QTextCursor,
        positions: Positions,
        spans: Iterable[SpanPaint],
        lo: int,
        hi: int,
        reset: bool,
    ) -> None:
        """Set the backgrounds of code points [lo, hi) from `spans`; `reset` clears them
        first. Call inside an edit block."""
        if hi <= lo:
            return
        if reset:
            cursor.setPosition(positions.to_qt(lo))
            cursor.setPosition(positions.to_qt(hi), _KEEP)
            cursor.setCharFormat(QTextCharFormat())
        for a, b, key in segments(spans, lo, hi):
            cursor.setPosition(positions.to_qt(a))
            cursor.setPosition(positions.to_qt(b), _KEEP)
            cursor.setCharFormat(self.format(key))
