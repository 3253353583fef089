"""The reading pane: one article's text with highlighted spans, selections in code points."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextLine,
    QWheelEvent,
)
from PySide6.QtWidgets import QTextEdit, QWidget

from annotator.keymap import READER_COMMANDS
from annotator.text import Utf16Map, snap_to_graphemes, snap_to_words
from annotator.ui.fonts import reading_font
from annotator.ui.shortcuts import make_actions

ALPHA = 0.35  # opacity of one span's background; nested spans stack and look darker
LINE_HEIGHT = 150  # percent of the font's line height
PARAGRAPH_GAP = 6.0  # pixels below each paragraph
DOCUMENT_MARGIN = 18.0
LANE_GAP = 3.0  # pixels between underline lanes
FLASH_MS = 600
MIN_ZOOM, MAX_ZOOM = 6.0, 48.0

_KEEP = QTextCursor.MoveMode.KeepAnchor
_ENTER = {Qt.Key.Key_Return, Qt.Key.Key_Enter}
_MODS = (
    Qt.KeyboardModifier.ShiftModifier
    | Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


@dataclass(frozen=True)
class SpanPaint:
    """How to draw one span: code-point range [start, end), colour '#RRGGBB', whose it is."""

    id: int
    start: int
    end: int
    color: str
    label: str = ""
    own: bool = True  # False: another annotator's span, drawn as a dashed underline only


def _rgb(color: str) -> tuple[float, float, float]:
    q = QColor(color)
    if not q.isValid():
        q = QColor(128, 128, 128)
    return q.redF(), q.greenF(), q.blueF()


def blend(colors: Iterable[str], alpha: float = ALPHA) -> QColor:
    """Composite `colors` (bottom first), each at `alpha`, over transparency."""
    r = g = b = a = 0.0
    for color in colors:
        cr, cg, cb = _rgb(color)
        out = alpha + a * (1.0 - alpha)
        keep = a * (1.0 - alpha)
        r = (cr * alpha + r * keep) / out
        g = (cg * alpha + g * keep) / out
        b = (cb * alpha + b * keep) / out
        a = out
    return QColor.fromRgbF(r, g, b, a)


def assign_lanes(spans: Iterable[SpanPaint]) -> dict[int, int]:
    """Underline lane of each span: overlapping spans get different lanes (outer first)."""
    lanes: dict[int, int] = {}
    lane_ends: list[int] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end, s.id)):
        for lane, lane_end in enumerate(lane_ends):
            if lane_end <= span.start:
                lane_ends[lane] = span.end
                lanes[span.id] = lane
                break
        else:
            lane_ends.append(span.end)
            lanes[span.id] = len(lane_ends) - 1
    return lanes


class ReaderView(QTextEdit):
    """Read-only, selectable view of one article with its spans highlighted.

    Every offset taken or emitted is a code point into the stored text, half-open;
    Qt's UTF-16 positions stay inside this class.

    Signals:
        selection_changed(int, int): the snapped selection [start, end); start == end: none.
        span_clicked(list): ids of the spans under a click, innermost first; [] when none.
        span_activated(int): Enter or double-click on a span.
        zoom_changed(float): the new font point size.
    """

    selection_changed = Signal(int, int)
    span_clicked = Signal(list)
    span_activated = Signal(int)
    zoom_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None, point_size: float = 14.0) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setAcceptRichText(False)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self._default_zoom = point_size
        self.setFont(reading_font(point_size))
        self.document().setDocumentMargin(DOCUMENT_MARGIN)
        self._text = ""
        self._map = Utf16Map.of("")
        self._spans: dict[int, SpanPaint] = {}
        self._span16: dict[int, tuple[int, int]] = {}  # the same ranges in UTF-16
        self._generation = 0  # bumped per article; keys the glyph position cache
        self._xcache: dict[tuple[int, int], float] = {}
        self._xcache_key: tuple[int, float, float] = (-1, 0.0, 0.0)
        self._lanes: dict[int, int] = {}
        self._formats: dict[tuple[str, ...], QTextCharFormat] = {}
        self._current: int | None = None
        self._exact: tuple[int, int] | None = None  # set by set_selection until the user acts
        self._emitted: tuple[int, int] = (0, 0)
        self._programmatic = False
        self._snap_words = True
        self._press_pos: QPoint | None = None
        self._flash: tuple[int, int] | None = None  # UTF-16 range being flashed
        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.setInterval(FLASH_MS)
        self._flash_timer.timeout.connect(self._on_flash_timer_timeout)
        self.selectionChanged.connect(self._on_self_selection_changed)
        slots = {"view.zoom_in": self.zoom_in, "view.zoom_out": self.zoom_out,
                 "view.zoom_reset": self.reset_zoom}  # fmt: skip
        self._key_actions = make_actions(READER_COMMANDS, slots, self, self)

    # ----------------------------------------------------------------- content

    def set_article(self, text: str, spans: list[SpanPaint]) -> None:
        """Show `text` (the stored string) with `spans` highlighted; clears selection and marks."""
        self._text = text
        self._map = Utf16Map.of(text)
        self._generation += 1
        self._exact = None
        self._current = None
        self._flash = None
        self._store_spans(spans)
        self._programmatic = True
        try:
            # setPlainText gives the new text the current character format: after a
            # selection inside a highlight that would be the highlight's, over every line.
            self.setCurrentCharFormat(QTextCharFormat())
            self.setPlainText(text)
        finally:
            self._programmatic = False
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.mergeBlockFormat(self._block_format())
        self._paint_range(cursor, 0, len(text), reset=False)
        cursor.endEditBlock()
        self._emit_selection()
        self.viewport().update()

    def set_spans(self, spans: list[SpanPaint]) -> None:
        """Replace all spans and repaint the highlights; the text stays."""
        self._store_spans(spans)
        if self._current not in self._spans:
            self._current = None
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        self._paint_range(cursor, 0, len(self._text), reset=True)
        cursor.endEditBlock()
        self.viewport().update()

    def update_spans(self, changed: list[SpanPaint], removed_ids: list[int]) -> None:
        """Add or change `changed`, drop `removed_ids`; repaint only the ranges they touch."""
        dirty: list[tuple[int, int]] = []
        for span_id in removed_ids:
            old = self._spans.pop(span_id, None)
            self._span16.pop(span_id, None)
            if old is not None:
                dirty.append((old.start, old.end))
            if self._current == span_id:
                self._current = None
        for span in changed:
            old = self._spans.get(span.id)
            if old is not None:
                dirty.append((old.start, old.end))
            new = self._clamped(span)
            self._spans[new.id] = new
            self._span16[new.id] = (self._map.to_utf16(new.start), self._map.to_utf16(new.end))
            dirty.append((new.start, new.end))
        self._lanes = assign_lanes(self._spans.values())
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        for lo, hi in _merge(dirty):
            self._paint_range(cursor, lo, hi, reset=True)
        cursor.endEditBlock()
        self.viewport().update()

    def text(self) -> str:
        """The stored text given to set_article (never read back from Qt)."""
        return self._text

    def spans(self) -> list[SpanPaint]:
        """The spans shown, in no particular order."""
        return list(self._spans.values())

    def spans_at(self, offset: int) -> list[int]:
        """Ids of the spans covering code point `offset`, innermost (shortest) first."""
        hits = [s for s in self._spans.values() if s.start <= offset < s.end]
        hits.sort(key=lambda s: (s.end - s.start, -s.start, s.id))
        return [s.id for s in hits]

    # --------------------------------------------------------------- selection

    @property
    def snap_words(self) -> bool:
        """Whether user selections widen to whole words (always to grapheme clusters)."""
        return self._snap_words

    @snap_words.setter
    def snap_words(self, value: bool) -> None:
        self._snap_words = bool(value)
        self._emit_selection()

    def selection(self) -> tuple[int, int]:
        """The current selection in code points, snapped; start == end when none.

        A range given to set_selection is kept exactly (grapheme-snapped only) until the user
        changes the selection; user selections are also snapped to words when snap_words.
        """
        if self._exact is not None:
            return self._exact
        return self._cursor_range(words=self._snap_words)

    def set_selection(self, start: int, end: int) -> None:
        """Select code-point range [start, end), widened to whole grapheme clusters."""
        s, e = snap_to_graphemes(self._text, start, end)
        self._select_utf16(self._map.to_utf16(s), self._map.to_utf16(e))
        self._exact = (s, e)
        self._emit_selection()

    def select_span(self, span_id: int | None) -> None:
        """Mark `span_id` as the current span (outlined); an unknown id or None clears it."""
        self._current = span_id if span_id in self._spans else None
        self.viewport().update()

    def current_span(self) -> int | None:
        """Id of the span marked by select_span, or None."""
        return self._current

    def scroll_to(self, start: int, end: int, flash: bool = True) -> None:
        """Scroll so code points [start, end) are visible; briefly flash them."""
        s16 = self._map.to_utf16(max(0, min(start, len(self._text))))
        e16 = self._map.to_utf16(max(0, min(max(start, end), len(self._text))))
        doc = self.document()
        # Lay out at least up to the target (layout of long texts is lazy) so the scroll
        # range covers it.
        doc.documentLayout().blockBoundingRect(doc.findBlock(e16))
        cursor = QTextCursor(doc)
        cursor.setPosition(s16)
        rect = self.cursorRect(cursor)
        height = self.viewport().height()
        if rect.top() < 0 or rect.bottom() > height:
            bar = self.verticalScrollBar()
            # Qt widens the scroll range only after the lazy layout reports a new size.
            needed = int(doc.documentLayout().documentSize().height()) - height
            if needed > bar.maximum():
                bar.setMaximum(needed)
            bar.setValue(bar.value() + rect.top() - height // 3)
        if flash and e16 > s16:
            self._flash = (s16, e16)
            self._flash_timer.start()
        self.viewport().update()

    # -------------------------------------------------------------------- zoom

    def zoom(self) -> float:
        """The current font point size."""
        return self.font().pointSizeF()

    def set_zoom(self, point_size: float) -> None:
        """Show the text at `point_size` points (clamped); emits zoom_changed when it changes."""
        size = max(MIN_ZOOM, min(MAX_ZOOM, float(point_size)))
        if abs(size - self.zoom()) < 0.01:
            return
        font = self.font()
        font.setPointSizeF(size)
        self.setFont(font)
        self.viewport().update()
        self.zoom_changed.emit(size)

    def zoom_in(self) -> None:
        """One point larger."""
        self.set_zoom(self.zoom() + 1.0)

    def zoom_out(self) -> None:
        """One point smaller."""
        self.set_zoom(self.zoom() - 1.0)

    def reset_zoom(self) -> None:
        """Back to the size the view was built with."""
        self.set_zoom(self._default_zoom)

    def key_actions(self) -> dict[str, QAction]:
        """This view's own keys (the zoom commands of the key map) as actions, by command id:
        bound to the view and its children, for a window's menus and toolbar."""
        return dict(self._key_actions)

    # ------------------------------------------------------------------ events

    def event(self, event: QEvent) -> bool:
        """Shortcut keys go to the shortcuts (the window's, and this view's zoom keys), except
        Shift(+Ctrl)+Left/Right while no span is current: those extend the selection here."""
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if self._current is None and self._selection_key(event):
                event.accept()
            else:
                event.ignore()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter activates the current span (or the one at the cursor); the rest as in any
        read-only text view."""
        if event.key() in _ENTER and not (event.modifiers() & _MODS):
            ids = [self._current] if self._current is not None else []
            if not ids:
                ids = self.spans_at(self.selection()[0])
            if ids:
                self.span_activated.emit(ids[0])
                event.accept()
            else:
                event.ignore()
            return
        super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Ctrl+wheel zooms through set_zoom (so zoom_changed fires); else scroll."""
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta > 0:
                self.zoom_in()
            elif delta < 0:
                self.zoom_out()
            event.accept()
            return
        super().wheelEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Remember where a possible click started."""
        self._press_pos = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """A click reports the spans under it; a drag is snapped to words on screen."""
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self._press_pos is None:
            return
        pos = event.position().toPoint()
        moved = (pos - self._press_pos).manhattanLength()
        self._press_pos = None
        if moved < 3 and not self.textCursor().hasSelection():
            self.span_clicked.emit(self._ids_at_point(pos))
        elif self._snap_words and self._exact is None:
            s, e = self.selection()
            if s < e:
                self._select_utf16(self._map.to_utf16(s), self._map.to_utf16(e))

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """Double-click on a span activates the innermost one."""
        super().mouseDoubleClickEvent(event)
        ids = self._ids_at_point(event.position().toPoint())
        if ids:
            self.span_activated.emit(ids[0])

    def createMimeDataFromSelection(self) -> QMimeData:
        """Copy and drag carry the stored text slice (NBSP kept, no U+2029)."""
        s, e = self._cursor_range(words=False)
        mime = QMimeData()
        mime.setText(self._text[s:e])
        return mime

    def paintEvent(self, event: QPaintEvent) -> None:
        """Text and backgrounds by Qt; underline lanes, current outline and flash on top."""
        super().paintEvent(event)
        if not self._spans and self._flash is None:
            return
        lines = self._visible_lines()
        if not lines:
            return
        painter = QPainter(self.viewport())
        try:
            self._paint_underlines(painter, lines)
            self._paint_current(painter, lines)
            if self._flash is not None:
                color = QColor(self.palette().highlight().color())
                color.setAlpha(110)
                for rect, _ in self._pieces(*self._flash, lines):
                    painter.fillRect(rect, color)
        finally:
            painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Line breaks move: forget cached glyph positions."""
        self._xcache.clear()
        super().resizeEvent(event)

    # ----------------------------------------------------------------- helpers

    def _store_spans(self, spans: Iterable[SpanPaint]) -> None:
        self._spans = {s.id: self._clamped(s) for s in spans}
        to16 = self._map.to_utf16
        self._span16 = {s.id: (to16(s.start), to16(s.end)) for s in self._spans.values()}
        self._lanes = assign_lanes(self._spans.values())

    def _clamped(self, span: SpanPaint) -> SpanPaint:
        n = len(self._text)
        start, end = sorted((max(0, min(span.start, n)), max(0, min(span.end, n))))
        if (start, end) == (span.start, span.end):
            return span
        return SpanPaint(span.id, start, end, span.color, span.label, span.own)

    def _block_format(self) -> QTextBlockFormat:
        fmt = QTextBlockFormat()
        fmt.setLineHeight(LINE_HEIGHT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        fmt.setBottomMargin(PARAGRAPH_GAP)
        return fmt

    def _format(self, colors: tuple[str, ...]) -> QTextCharFormat:
        fmt = self._formats.get(colors)
        if fmt is None:
            fmt = QTextCharFormat()
            fmt.setBackground(blend(colors))
            self._formats[colors] = fmt
        return fmt

    def _segments(self, lo: int, hi: int) -> Iterator[tuple[int, int, tuple[str, ...]]]:
        """Maximal runs of [lo, hi) covered by the same own spans, with their colours."""
        spans = [s for s in self._spans.values() if s.own and s.start < hi and s.end > lo]
        if not spans:
            return
        spans.sort(key=lambda s: (s.start, -s.end, s.id))
        points = {lo, hi}
        for s in spans:
            if s.start > lo:
                points.add(s.start)
            if s.end < hi:
                points.add(s.end)
        bounds = sorted(points)
        active: list[SpanPaint] = []
        i = 0
        run_start, run_key = lo, ()
        for a in bounds[:-1]:
            while i < len(spans) and spans[i].start <= a:
                active.append(spans[i])
                i += 1
            active = [s for s in active if s.end > a]
            key = tuple(s.color for s in active)  # `active` keeps the (start, -end) order
            if key != run_key:
                if run_key:
                    yield run_start, a, run_key
                run_start, run_key = a, key
        if run_key:
            yield run_start, hi, run_key

    def _paint_range(self, cursor: QTextCursor, lo: int, hi: int, reset: bool) -> None:
        """Set background formats on code points [lo, hi); call inside an edit block."""
        if hi <= lo:
            return
        to16 = self._map.to_utf16
        if reset:
            cursor.setPosition(to16(lo))
            cursor.setPosition(to16(hi), _KEEP)
            cursor.setCharFormat(QTextCharFormat())
        for a, b, key in self._segments(lo, hi):
            cursor.setPosition(to16(a))
            cursor.setPosition(to16(b), _KEEP)
            cursor.setCharFormat(self._format(key))

    def _select_utf16(self, anchor: int, position: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(anchor)
        cursor.setPosition(position, _KEEP)
        self._programmatic = True
        try:
            self.setTextCursor(cursor)
        finally:
            self._programmatic = False

    def _cursor_range(self, words: bool) -> tuple[int, int]:
        cursor = self.textCursor()
        a = self._map.from_utf16(cursor.selectionStart())
        b = self._map.from_utf16(cursor.selectionEnd())
        if a >= b:
            s = snap_to_graphemes(self._text, a, a)[0]
            return s, s
        s, e = snap_to_graphemes(self._text, a, b)
        if words:
            s, e = snap_to_words(self._text, s, e)
        return s, e

    def _emit_selection(self) -> None:
        current = self.selection()
        old = self._emitted
        if current == old or (current[0] == current[1] and old[0] == old[1]):
            self._emitted = current
            return
        self._emitted = current
        self.selection_changed.emit(*current)

    def _on_self_selection_changed(self) -> None:
        if self._programmatic:
            return
        self._exact = None
        self._emit_selection()

    def _on_flash_timer_timeout(self) -> None:
        self._flash = None
        self.viewport().update()

    def _selection_key(self, event: QKeyEvent) -> bool:
        """Shift+Left/Right (with or without Ctrl): the keys that resize the current span."""
        mods = event.modifiers() & _MODS
        shift = Qt.KeyboardModifier.ShiftModifier
        return event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right) and mods in (
            shift,
            shift | Qt.KeyboardModifier.ControlModifier,
        )

    def _ids_at_point(self, point: QPoint) -> list[int]:
        offset = self._char_at(point)
        return [] if offset is None else self.spans_at(offset)

    def _char_at(self, point: QPoint) -> int | None:
        """Code point of the character drawn under viewport `point`, or None."""
        if not self._text:
            return None
        doc_point = QPointF(point) + QPointF(
            self.horizontalScrollBar().value(), self.verticalScrollBar().value()
        )
        block = self.cursorForPosition(point).block()
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
                offset = self._map.from_utf16(block.position() + pos)
                return offset if offset < len(self._text) else None
        return None

    def _visible_lines(self) -> list[_Line]:
        """The laid-out lines on screen, top to bottom, in viewport coordinates."""
        key = (self._generation, self.document().pageSize().width(), self.font().pointSizeF())
        if key != self._xcache_key:
            self._xcache.clear()
            self._xcache_key = key
        doc = self.document()
        dx = -self.horizontalScrollBar().value()
        top = self.verticalScrollBar().value()
        bottom = top + self.viewport().height()
        lo, hi = 0, doc.blockCount() - 1
        while lo < hi:  # last block starting at or above the top edge (laid-out blocks only)
            mid = (lo + hi + 1) // 2
            layout = doc.findBlockByNumber(mid).layout()
            if layout is not None and layout.lineCount() and layout.position().y() <= top:
                lo = mid
            else:
                hi = mid - 1
        lines: list[_Line] = []
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
                lines.append(
                    _Line(
                        start,
                        start + line.textLength(),
                        origin.x() + dx,
                        y - top,
                        line.height(),
                        line,
                        base,
                    )
                )
            block = block.next()
        return lines

    def _x_at(self, line: _Line, pos16: int) -> float:
        key = (line.start, pos16)
        x = self._xcache.get(key)
        if x is None:
            x = self._xcache[key] = _x(line.line.cursorToX(pos16 - line.base))
        return x

    def _pieces(self, a16: int, b16: int, lines: list[_Line]) -> Iterator[tuple[QRectF, _Line]]:
        """Viewport rectangles (one per visible line) covering UTF-16 range [a16, b16)."""
        if b16 <= a16 or b16 <= lines[0].start or a16 > lines[-1].end:
            return
        i = max(0, bisect.bisect_right(lines, a16, key=_line_start) - 1)
        for line in lines[i:]:
            if line.start >= b16:
                break
            if line.end <= a16 or line.end == line.start:
                continue
            x1 = self._x_at(line, max(a16, line.start))
            x2 = self._x_at(line, min(b16, line.end))
            left, right = min(x1, x2), max(x1, x2)
            yield QRectF(line.x + left, line.y, right - left, line.height), line

    def _paint_underlines(self, painter: QPainter, lines: list[_Line]) -> None:
        lo16, hi16 = lines[0].start, lines[-1].end + 1
        for span_id, (a16, b16) in self._span16.items():
            if b16 <= lo16 or a16 >= hi16 or a16 >= b16:
                continue
            span = self._spans[span_id]
            color = QColor(span.color)
            if not color.isValid():
                color = QColor(128, 128, 128)
            pen = QPen(color, 2.0 if span.own else 1.5)
            if not span.own:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            lane = self._lanes.get(span_id, 0)
            for rect, line in self._pieces(a16, b16, lines):
                gap = line.height * (LINE_HEIGHT - 100) / 100
                lanes = max(1, int((gap - 3) // LANE_GAP))
                y = rect.bottom() + 3.0 + min(lane, lanes - 1) * LANE_GAP
                painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))

    def _paint_current(self, painter: QPainter, lines: list[_Line]) -> None:
        span = self._spans.get(self._current) if self._current is not None else None
        if span is None or span.start >= span.end:
            return
        color = QColor(span.color)
        if not color.isValid():
            color = self.palette().text().color()
        painter.setPen(QPen(color, 2.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for rect, _ in self._pieces(*self._span16[span.id], lines):
            painter.drawRect(rect.adjusted(-1.0, 0.0, 1.0, 0.0))


class _Line(NamedTuple):
    """One laid-out line on screen: UTF-16 range, viewport position, the Qt line."""

    start: int
    end: int
    x: float  # viewport x of the block layout's origin
    y: float  # viewport y of the line's top
    height: float
    line: QTextLine
    base: int  # UTF-16 position of the line's block


def _line_start(line: _Line) -> int:
    return line.start


def _x(value: object) -> float:
    """QTextLine.cursorToX returns a float or an (x, position) pair depending on the binding."""
    if isinstance(value, tuple):
        return float(value[0])
    return float(value)  # type: ignore[arg-type]


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for lo, hi in sorted(ranges):
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged
