"""Where the reading pane's text sits on screen: the block format that spaces its lines,
the laid-out lines in view, x positions of Qt positions (cached), the rectangles covering a
range, the position under a point, and what is drawn over the text (underline lanes, the
current span's outline, the flash). Everything here counts Qt (UTF-16) positions."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from typing import NamedTuple

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QTextBlockFormat, QTextLine
from PySide6.QtWidgets import QTextEdit

from annotator.ui.reader.highlights import span_color
from annotator.ui.reader.spans import SpanSet

LINE_HEIGHT = 150  # percent of the font's line height
PARAGRAPH_GAP = 6.0  # pixels below each paragraph
LANE_GAP = 3.0  # pixels between underline lanes


def block_format() -> QTextBlockFormat:
    """Line height and paragraph gap of every block of the article."""
    fmt = QTextBlockFormat()
    fmt.setLineHeight(LINE_HEIGHT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    fmt.setBottomMargin(PARAGRAPH_GAP)
    return fmt


class Line(NamedTuple):
    """One laid-out line on screen: Qt range, viewport position, the Qt line."""

    start: int
    end: int
    x: float  # viewport x of the block layout's origin
    y: float  # viewport y of the line's top
    height: float
    line: QTextLine
    base: int  # Qt position of the line's block


class LineGeometry:
    """The visible lines of one text edit and the x of positions on them, cached until the
    article, the page width or the font size changes."""

    def __init__(self, edit: QTextEdit) -> None:
        self._edit = edit
        self._xcache: dict[tuple[int, int], float] = {}
        self._xcache_key: tuple[float, float] = (-1.0, 0.0)

    def forget(self) -> None:
        """Drop cached glyph positions (new article, or the line breaks moved)."""
        self._xcache.clear()

    def visible_lines(self) -> list[Line]:
        """The laid-out lines on screen, top to bottom, in viewport coordinates."""
        edit = self._edit
        doc = edit.document()
        key = (doc.pageSize().width(), edit.font().pointSizeF())
        if key != self._xcache_key:
            self._xcache.clear()
            self._xcache_key = key
        dx = -edit.horizontalScrollBar().value()
        top = edit.verticalScrollBar().value()
        bottom = top + edit.viewport().height()
        lo, hi = 0, doc.blockCount() - 1
        while lo < hi:  # last block starting at or above the top edge (laid-out blocks only)
            mid = (lo + hi + 1) // 2
            layout = doc.findBlockByNumber(mid).layout()
            if layout is not None and layout.lineCount() and layout.position().y() <= top:
                lo = mid
            else:
                hi = mid - 1
        lines: list[Line] = []
        block = doc.findBlockByNumber(lo)
        stretch = LINE_HEIGHT / 100
        while block.isValid():
            layout = block.layout()
            if layout is None or not layout.lineCount():
                break
            origin = layout.position()
            if origin.y() > bottom:
                break
            base = block.position()
            for i in range(layout.lineCount()):
                line = layout.lineAt(i)
                y = origin.y() + line.y()
                if y > bottom:
                    break
                if y + line.height() * stretch < top:
                    continue
                start = base + line.textStart()
                end = start + line.textLength()
                lines.append(Line(start, end, origin.x() + dx, y - top, line.height(), line, base))
            block = block.next()
        return lines

    def x_at(self, line: Line, pos16: int) -> float:
        """Viewport x (from the block's origin) of Qt position `pos16` on `line`."""
        key = (line.start, pos16)
        x = self._xcache.get(key)
        if x is None:
            x = self._xcache[key] = _x(line.line.cursorToX(pos16 - line.base))
        return x

    def pieces(self, a16: int, b16: int, lines: list[Line]) -> Iterator[tuple[QRectF, Line]]:
        """Viewport rectangles (one per visible line) covering Qt range [a16, b16)."""
        if b16 <= a16 or b16 <= lines[0].start or a16 > lines[-1].end:
            return
        i = max(0, bisect.bisect_right(lines, a16, key=_line_start) - 1)
        for line in lines[i:]:
            if line.start >= b16:
                break
            if line.end <= a16 or line.end == line.start:
                continue
            x1 = self.x_at(line, max(a16, line.start))
            x2 = self.x_at(line, min(b16, line.end))
            left, right = min(x1, x2), max(x1, x2)
            yield QRectF(line.x + left, line.y, right - left, line.height), line

    def position_at(self, point: QPoint) -> int | None:
        """Qt position of the character drawn under viewport `point`, or None (margins,
        space between lines, past a line's end)."""
        edit = self._edit
        doc_point = QPointF(point) + QPointF(
            edit.horizontalScrollBar().value(), edit.verticalScrollBar().value()
        )
        block = edit.cursorForPosition(point).block()
        layout = block.layout()
        if layout is None:
            return None
        rel = doc_point - layout.position()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            if line.y() <= rel.y() < line.y() + line.height() * LINE_HEIGHT / 100:
                if not line.x() <= rel.x() <= line.x() + line.naturalTextWidth():
                    return None
                pos = line.xToCursor(rel.x(), QTextLine.CursorPosition.CursorOnCharacter)
                return block.position() + pos
        return None


def paint_underlines(
    painter: QPainter, geometry: LineGeometry, lines: list[Line], spans: SpanSet
) -> None:
    """One underline per span in its lane below the text: solid for own spans, dashed for
    another annotator's."""
    lo16, hi16 = lines[0].start, lines[-1].end + 1
    for span, a16, b16 in spans.with_qt_ranges():
        if b16 <= lo16 or a16 >= hi16 or a16 >= b16:
            continue
        pen = QPen(span_color(span.color), 2.0 if span.own else 1.5)
        if not span.own:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        lane = spans.lane(span.id)
        for rect, line in geometry.pieces(a16, b16, lines):
            gap = line.height * (LINE_HEIGHT - 100) / 100
            lanes = max(1, int((gap - 3) // LANE_GAP))
            y = rect.bottom() + 3.0 + min(lane, lanes - 1) * LANE_GAP
            painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))


def paint_outline(
    painter: QPainter,
    geometry: LineGeometry,
    lines: list[Line],
    range16: tuple[int, int],
    color: QColor,
) -> None:
    """A frame in `color` around Qt range `range16` (the current span), line by line."""
    painter.setPen(QPen(color, 2.0))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for rect, _ in geometry.pieces(*range16, lines):
        painter.drawRect(rect.adjusted(-1.0, 0.0, 1.0, 0.0))


def paint_fill(
    painter: QPainter,
    geometry: LineGeometry,
    lines: list[Line],
    range16: tuple[int, int],
    color: QColor,
) -> None:
    """Qt range `range16` filled with `color` (the flash after scroll_to)."""
    for rect, _ in geometry.pieces(*range16, lines):
        painter.fillRect(rect, color)


def _line_start(line: Line) -> int:
    return line.start


def _x(value: object) -> float:
    """QTextLine.cursorToX returns a float or an (x, position) pair depending on the binding."""
    if isinstance(value, tuple):
        return float(value[0])
    return float(value)  # type: ignore[arg-type]
