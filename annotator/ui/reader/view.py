"""The reading pane's widget: one article's text with highlighted spans, selections in
code points. Storage, backgrounds, screen geometry and position conversion are its pieces
(`spans`, `highlights`, `geometry`, `positions`); this module wires them to Qt's events."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QWheelEvent,
)
from PySide6.QtWidgets import QTextEdit, QWidget

from annotator.keymap import READER_COMMANDS
from annotator.ui.fonts import reading_font
from annotator.ui.reader.geometry import (
    LineGeometry,
    block_format,
    paint_fill,
    paint_outline,
    paint_underlines,
)
from annotator.ui.reader.highlights import Highlighter, span_color
from annotator.ui.reader.marks import Marks, marked_ranges
from annotator.ui.reader.positions import Positions
from annotator.ui.reader.spans import SpanPaint, SpanSet
from annotator.ui.shortcuts import make_actions

DOCUMENT_MARGIN = 18.0
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


class ReaderView(QTextEdit):
    """Read-only, selectable view of one article with its spans highlighted.

    Every offset taken or emitted is a code point into the stored text, half-open;
    Qt's UTF-16 positions stay inside the reader package (converted by `positions`).

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
        self._pos = Positions("")
        self._spans = SpanSet()
        self._highlighter = Highlighter()
        self._marks = Marks()
        self._geometry = LineGeometry(self)
        self._current: int | None = None
        self._exact: tuple[int, int] | None = None  # set by set_selection until the user acts
        self._emitted: tuple[int, int] = (0, 0)
        self._programmatic = False
        self._snap_words = True
        self._press_pos: QPoint | None = None
        self._clicked_line: QRect | None = None  # global rect of the last clicked line
        self._flash: tuple[int, int] | None = None  # Qt range being flashed
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
        self._pos = Positions(text)
        self._geometry.forget()
        self._exact = None
        self._current = None
        self._flash = None
        self._spans.replace(spans, self._pos)
        self._marks.clear()
        self.setExtraSelections([])
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
        cursor.mergeBlockFormat(block_format())
        self._paint(cursor, 0, len(text), reset=False)
        cursor.endEditBlock()
        self._emit_selection()
        self.viewport().update()

    def set_spans(self, spans: list[SpanPaint]) -> None:
        """Replace all spans and repaint the highlights; the text stays."""
        self._spans.replace(spans, self._pos)
        if self._current not in self._spans:
            self._current = None
        self._repaint([(0, len(self._pos.text))])

    def update_spans(self, changed: list[SpanPaint], removed_ids: list[int]) -> None:
        """Add or change `changed`, drop `removed_ids`; repaint only the ranges they touch."""
        dirty = self._spans.update(changed, removed_ids, self._pos)
        if self._current not in self._spans:
            self._current = None
        self._repaint(dirty)

    def text(self) -> str:
        """The stored text given to set_article (never read back from Qt)."""
        return self._pos.text

    def spans(self) -> list[SpanPaint]:
        """The spans shown, in no particular order."""
        return self._spans.values()

    def spans_at(self, offset: int) -> list[int]:
        """Ids of the spans covering code point `offset`, innermost (shortest) first."""
        return self._spans.at(offset)

    def set_marks(
        self, layer: str, ranges: list[tuple[int, int]], colors: list[str] | None = None
    ) -> None:
        """Mark code-point `ranges` in `layer` (`marks.SEARCH`, `FIND`, `FIND_CURRENT`) over
        the spans, replacing that layer's marks; `set_article` clears every layer."""
        self._marks.set(layer, ranges, colors)
        self.setExtraSelections(self._marks.selections(self.document(), self._pos))

    def marks(self, layer: str) -> list[tuple[int, int]]:
        """The code-point ranges marked in `layer`."""
        return self._marks.get(layer)

    def marked_ranges(self) -> list[tuple[str, int, int]]:
        """(layer, start, end) of every mark as drawn: the widget's extra selections read
        back into code points."""
        return marked_ranges(self.extraSelections(), self._pos)

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
        s, e = self._pos.snap(start, end)
        self._select_qt(*self._pos.to_qt_range(s, e))
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
        s16, e16 = self._pos.to_qt_range(start, max(start, end))
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
            if self._current is None and _selection_key(event):
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
            self._clicked_line = self._line_rect(pos)
            self.span_clicked.emit(self._ids_at_point(pos))
        elif self._snap_words and self._exact is None:
            s, e = self.selection()
            if s < e:
                self._select_qt(*self._pos.to_qt_range(s, e))

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
        mime.setText(self._pos.text[s:e])
        return mime

    def paintEvent(self, event: QPaintEvent) -> None:
        """Text and backgrounds by Qt; underline lanes, current outline and flash on top."""
        super().paintEvent(event)
        if not self._spans and self._flash is None:
            return
        lines = self._geometry.visible_lines()
        if not lines:
            return
        painter = QPainter(self.viewport())
        try:
            paint_underlines(painter, self._geometry, lines, self._spans)
            current = self._spans.get(self._current)
            if current is not None and current.start < current.end:
                color = span_color(current.color, self.palette().text().color())
                range16 = self._spans.qt_range(current.id)
                paint_outline(painter, self._geometry, lines, range16, color)
            if self._flash is not None:
                color = QColor(self.palette().highlight().color())
                color.setAlpha(110)
                paint_fill(painter, self._geometry, lines, self._flash, color)
        finally:
            painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Line breaks move: forget cached glyph positions."""
        self._geometry.forget()
        super().resizeEvent(event)

    # ----------------------------------------------------------------- helpers

    def _paint(self, cursor: QTextCursor, lo: int, hi: int, reset: bool) -> None:
        self._highlighter.paint(cursor, self._pos, self._spans.values(), lo, hi, reset)

    def _repaint(self, ranges: list[tuple[int, int]]) -> None:
        """Reset and repaint the backgrounds of code-point `ranges` in one edit block."""
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        for lo, hi in ranges:
            self._paint(cursor, lo, hi, reset=True)
        cursor.endEditBlock()
        self.viewport().update()

    def _select_qt(self, anchor: int, position: int) -> None:
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
        return self._pos.selection(cursor.selectionStart(), cursor.selectionEnd(), words)

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

    def _line_rect(self, point: QPoint) -> QRect:
        """The line of text at viewport `point`, across the viewport, in global coordinates."""
        caret = self.cursorRect(self.cursorForPosition(point))
        top_left = self.viewport().mapToGlobal(QPoint(0, caret.top()))
        return QRect(top_left, QSize(self.viewport().width(), max(1, caret.height())))

    def clicked_line(self) -> QRect:
        """Where the last click's line of text is on screen (global coordinates), so a popup
        about it can go beside it, not over it; the viewport's top line before any click."""
        if self._clicked_line is None:
            return self._line_rect(QPoint(0, 0))
        return QRect(self._clicked_line)

    def _ids_at_point(self, point: QPoint) -> list[int]:
        """Ids of the spans under viewport `point`, innermost first; [] off the text."""
        if not self._pos.text:
            return []
        pos16 = self._geometry.position_at(point)
        if pos16 is None:
            return []
        offset = self._pos.from_qt(pos16)
        return self.spans_at(offset) if offset < len(self._pos.text) else []


def _selection_key(event: QKeyEvent) -> bool:
    """Shift+Left/Right (with or without Ctrl): the keys that resize the current span."""
    mods = event.modifiers() & _MODS
    shift = Qt.KeyboardModifier.ShiftModifier
    return event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right) and mods in (
        shift,
        shift | Qt.KeyboardModifier.ControlModifier,
    )
