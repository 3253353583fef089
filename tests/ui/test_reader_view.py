"""ReaderView: code-point selections, span highlights, clicks, keys and zoom (pytest-qt)."""

from __future__ import annotations

import random
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QColor, QKeyEvent, QKeySequence, QPalette, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from annotator.text import Utf16Map, canonicalise, snap_to_graphemes, words
from annotator.ui.fonts import SANS, load_bundled_fonts, reading_font
from annotator.ui.reader import ReaderView, SpanPaint, assign_lanes, blend

# The offscreen platform warns when a shown top-level widget resizes; harmless.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

TEXT = (
    "😀😀 কিম জং উন\u00a0বলেছেন, রাষ্ট্রীয় ক্ষমতা ও স্বাস্থ্য মন্ত্রণালয়ের বক্তব্য।\n"
    "দ্বিতীয় অনুচ্ছেদে আরও কিছু কথা আছে।"
)
L = Qt.MouseButton.LeftButton
NOMOD = Qt.KeyboardModifier.NoModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


class Parent(QWidget):
    """A container that records the keys its child lets through."""

    def __init__(self) -> None:
        super().__init__()
        self.keys: list[tuple[int, Qt.KeyboardModifier]] = []
        self.view = ReaderView(self)
        QVBoxLayout(self).addWidget(self.view)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() not in (Qt.Key.Key_Shift, Qt.Key.Key_Control):
            self.keys.append((event.key(), event.modifiers()))


@pytest.fixture
def parent(qtbot) -> Parent:
    widget = Parent()
    qtbot.addWidget(widget)
    widget.resize(640, 420)
    widget.show()
    qtbot.waitExposed(widget)
    widget.view.setFocus()
    return widget


@pytest.fixture
def view(parent) -> ReaderView:
    parent.view.set_article(TEXT, [])
    return parent.view


def find(word: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(word, start + 1)
    return start, start + len(word)


def span(span_id: int, word: str, color: str = "#e53935", own: bool = True) -> SpanPaint:
    start, end = find(word)
    return SpanPaint(span_id, start, end, color, "label", own)


def point_at(view: ReaderView, offset: int, dx: int = 3) -> QPoint:
    """Viewport point `dx` pixels right of the left edge of code point `offset`."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(Utf16Map.of(view.text()).to_utf16(offset))
    rect = view.cursorRect(cursor)
    return QPoint(rect.x() + dx, rect.center().y())


def drag(view: ReaderView, start: QPoint, end: QPoint) -> None:
    vp = view.viewport()
    QTest.mousePress(vp, L, NOMOD, start)
    for i in range(1, 5):
        QTest.mouseMove(vp, start + (end - start) * (i / 4))
    QTest.mouseRelease(vp, L, NOMOD, end)


def background(view: ReaderView, offset: int) -> QColor | None:
    """Background colour Qt holds for code point `offset` (None when there is none)."""
    pos = Utf16Map.of(view.text()).to_utf16(offset)
    cursor = QTextCursor(view.document())
    cursor.setPosition(pos + 1)  # charFormat() is the format of the character before
    brush = cursor.charFormat().background()
    return None if brush.style() == Qt.BrushStyle.NoBrush else brush.color()


# ------------------------------------------------------------------ fonts


def test_bundled_fonts_register_and_reading_font_uses_them(qapp):
    families = load_bundled_fonts()
    assert SANS in families and "Noto Serif Bengali" in families
    assert load_bundled_fonts() == families
    font = reading_font(16.0)
    assert font.families()[0] == SANS and font.pointSizeF() == 16.0
    assert reading_font(serif=True).families()[0] == "Noto Serif Bengali"


# -------------------------------------------------------------- selection


def test_keyboard_selection_after_emoji(view):
    QTest.keyClick(view, Qt.Key.Key_Home, CTRL)
    for _ in range(3):  # 😀, 😀, space: three code points, five UTF-16 units
        QTest.keyClick(view, Qt.Key.Key_Right)
    assert view.selection() == (3, 3)
    with_signal = []
    view.selection_changed.connect(lambda s, e: with_signal.append((s, e)))
    view.snap_words = False
    QTest.keyClick(view, Qt.Key.Key_Right, SHIFT)
    assert view.text()[slice(*view.selection())] == "কি"
    view.snap_words = True
    assert view.text()[slice(*view.selection())] == "কিম"
    for _ in range(3):  # ম, space, জং
        QTest.keyClick(view, Qt.Key.Key_Right, SHIFT)
    assert view.selection() == find("কিম জং")
    assert with_signal[-1] == find("কিম জং")


def test_keyboard_selection_of_emoji(view):
    QTest.keyClick(view, Qt.Key.Key_Home, CTRL)
    QTest.keyClick(view, Qt.Key.Key_Right, SHIFT)
    assert view.selection() == (0, 1)
    QTest.keyClick(view, Qt.Key.Key_Right, SHIFT)
    assert view.text()[slice(*view.selection())] == "😀😀"


def test_conjuncts_are_selected_whole(view):
    start, _ = find("রাষ্ট্রীয়")
    view.snap_words = False
    view.set_selection(start, start)
    QTest.keyClick(view, Qt.Key.Key_Right, SHIFT)
    assert view.text()[slice(*view.selection())] == "রা"
    QTest.keyClick(view, Qt.Key.Key_Right, SHIFT)
    assert view.text()[slice(*view.selection())] == "রাষ্ট্রী"
    view.snap_words = True
    assert view.selection() == find("রাষ্ট্রীয়")


def test_mouse_drag_snaps_to_words_across_nbsp(view):
    kim, _ = find("কিম")
    _, bol_end = find("বলেছেন")
    drag(view, point_at(view, kim + 1), point_at(view, bol_end - 2))
    s, e = view.selection()
    assert view.text()[s:e] == "কিম জং উন\u00a0বলেছেন"
    # the visible selection was snapped too, so copy gives the same stored slice
    QTest.keyClick(view, Qt.Key.Key_C, CTRL)
    assert QApplication.clipboard().text() == "কিম জং উন\u00a0বলেছেন"


def test_mouse_drag_over_conjunct_word_trims_danda_and_space(view):
    start, end = find("বক্তব্য।")
    drag(view, point_at(view, start - 4), point_at(view, end + 1, dx=0))
    assert view.text()[slice(*view.selection())] == "মন্ত্রণালয়ের বক্তব্য"


def test_set_selection_is_exact_and_signalled(view, qtbot):
    with qtbot.waitSignal(view.selection_changed) as blocker:
        view.set_selection(4, 5)  # inside কি: widened to the grapheme
    assert blocker.args == [3, 5]
    assert view.selection() == (3, 5)
    with qtbot.waitSignal(view.selection_changed) as blocker:
        view.set_selection(5, 5)
    assert blocker.args == [5, 5]


def test_select_all_and_copy_use_stored_text(view):
    QTest.keyClick(view, Qt.Key.Key_A, CTRL)
    QTest.keyClick(view, Qt.Key.Key_C, CTRL)
    assert QApplication.clipboard().text() == TEXT  # NBSP kept, "\n" not U+2029


_ALPHABET = list("কখগঘঙচজটডণতদনপবমযরলশসহািীুূৃেৈোৌ্ংঃঁয়ড়।০১২ abc.,\n") + [
    "\u00a0",
    "\u200c",
    "\u200d",
    "\u0301",
    "\u0308",
    "😀",
    "👍🏽",
    "🇧🇩",
    "𝐀",
    "👨\u200d👩\u200d👧",
]


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    text=st.lists(st.sampled_from(_ALPHABET), min_size=1, max_size=60).map("".join),
    data=st.data(),
)
def test_selection_round_trip(view, text, data):
    text = canonicalise(text)
    view.set_article(text, [])
    view.snap_words = False
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    expected = snap_to_graphemes(text, start, end)
    view.set_selection(start, end)
    assert view.selection() == expected
    u16 = Utf16Map.of(text)
    cursor = view.textCursor()
    assert (cursor.selectionStart(), cursor.selectionEnd()) == (
        u16.to_utf16(expected[0]),
        u16.to_utf16(expected[1]),
    )
    # the same range set through Qt (as a user selection would be) reads back the same
    cursor = QTextCursor(view.document())
    cursor.setPosition(u16.to_utf16(expected[1]))
    cursor.setPosition(u16.to_utf16(expected[0]), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    assert view.selection() == expected
    assert view.createMimeDataFromSelection().text() == text[expected[0] : expected[1]]


# ------------------------------------------------------------------ spans


NESTED = [
    SpanPaint(1, 0, 20, "#e53935", "outer", True),
    SpanPaint(2, 5, 15, "#1e88e5", "middle", True),
    SpanPaint(3, 8, 10, "#43a047", "inner", True),
    SpanPaint(4, 12, 30, "#8e24aa", "theirs", False),
]


def test_spans_at_innermost_first(view):
    view.set_spans(NESTED)
    assert view.spans_at(9) == [3, 2, 1]
    assert view.spans_at(12) == [2, 4, 1]
    assert view.spans_at(25) == [4]
    assert view.spans_at(30) == []
    assert view.spans_at(0) == [1]


def test_lanes_separate_overlapping_spans():
    lanes = assign_lanes(NESTED)
    assert lanes[1] != lanes[2] != lanes[3] and lanes[1] != lanes[3]
    assert lanes[4] not in (lanes[1], lanes[2])
    assert assign_lanes([SpanPaint(1, 0, 5, "#000000"), SpanPaint(2, 5, 9, "#000000")]) == {
        1: 0,
        2: 0,
    }


def test_backgrounds_blend_and_follow_code_points(view):
    kim = span(1, "কিম জং উন")
    jong = span(2, "জং", "#1e88e5")
    theirs = span(3, "বলেছেন", "#8e24aa", own=False)
    view.set_article(TEXT, [kim, jong, theirs])
    assert background(view, 2) is None  # the space after the emoji (UTF-16 position 4)
    outer = background(view, kim.start)
    both = background(view, jong.start)
    assert outer is not None and both is not None
    assert both.alphaF() > outer.alphaF()  # nested spans stack darker
    assert both.rgba() == blend(["#e53935", "#1e88e5"]).rgba()
    assert background(view, kim.end - 1) == outer
    assert background(view, kim.end) is None
    assert background(view, theirs.start) is None  # another annotator's: underline only


def test_span_clicked_reports_spans_under_click(view, qtbot):
    view.set_spans(NESTED)
    with qtbot.waitSignal(view.span_clicked) as blocker:
        QTest.mouseClick(view.viewport(), L, NOMOD, point_at(view, 9))
    assert blocker.args == [[3, 2, 1]]
    with qtbot.waitSignal(view.span_clicked) as blocker:
        QTest.mouseClick(view.viewport(), L, NOMOD, point_at(view, 40))
    assert blocker.args == [[]]
    with qtbot.waitSignal(view.span_clicked) as blocker:  # empty space below the text
        QTest.mouseClick(view.viewport(), L, NOMOD, QPoint(300, view.viewport().height() - 5))
    assert blocker.args == [[]]


def test_double_click_and_enter_activate(view, qtbot):
    view.set_spans(NESTED)
    with qtbot.waitSignal(view.span_activated) as blocker:
        QTest.mouseDClick(view.viewport(), L, NOMOD, point_at(view, 9))
    assert blocker.args == [3]
    view.select_span(2)
    with qtbot.waitSignal(view.span_activated) as blocker:
        QTest.keyClick(view, Qt.Key.Key_Return)
    assert blocker.args == [2]


def test_update_spans_touches_only_their_range(view):
    kim = span(1, "কিম জং উন")
    view.set_article(TEXT, [kim, span(2, "ক্ষমতা", "#43a047")])
    before = [background(view, i) for i in range(len(TEXT))]
    changes: list[tuple[int, int, int]] = []
    view.document().contentsChange.connect(lambda p, r, a: changes.append((p, r, a)))
    added = span(3, "স্বাস্থ্য", "#fb8c00")
    view.update_spans([added], [])
    u16 = Utf16Map.of(TEXT)
    lo, hi = u16.to_utf16(added.start), u16.to_utf16(added.end)
    assert changes and all(lo <= p and p + max(r, a) <= hi for p, r, a in changes)
    after = [background(view, i) for i in range(len(TEXT))]
    for i in range(len(TEXT)):
        if added.start <= i < added.end:
            assert after[i] is not None
        else:
            assert after[i] == before[i], i
    view.update_spans([], [1])
    assert all(background(view, i) is None for i in range(kim.start, kim.end))
    assert view.spans_at(kim.start) == []
    moved = SpanPaint(3, added.start, added.start + 2, "#fb8c00", "x", True)
    view.update_spans([moved], [])
    assert background(view, added.start + 1) is not None
    assert background(view, added.end - 1) is None


def test_current_span_survives_set_spans_and_clears_on_removal(view):
    view.set_spans(NESTED)
    view.select_span(2)
    view.set_spans(NESTED[:3])
    assert view.current_span() == 2
    view.update_spans([], [2])
    assert view.current_span() is None
    view.select_span(99)
    assert view.current_span() is None


# ------------------------------------------------------------------- keys


@pytest.mark.parametrize(
    ("key", "mods"),
    [
        (Qt.Key.Key_1, NOMOD),
        (Qt.Key.Key_9, NOMOD),
        (Qt.Key.Key_Delete, NOMOD),
        (Qt.Key.Key_Return, CTRL),
    ],
)
def test_action_keys_reach_the_parent(parent, view, key, mods):
    QTest.keyClick(view, key, mods)
    assert (key, mods) in parent.keys


def test_window_shortcuts_fire_while_the_view_has_focus(parent, view, qtbot):
    fired: list[str] = []
    shortcuts = (
        ("label", "1"),
        ("delete", "Del"),
        ("accept", "Ctrl+Return"),
        ("grow", "Shift+Right"),
    )
    for name, seq in shortcuts:
        action = QAction(name, parent)
        action.setShortcut(QKeySequence(seq))
        action.triggered.connect(lambda _=False, n=name: fired.append(n))
        parent.addAction(action)
    parent.activateWindow()
    qtbot.waitActive(parent)
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_1)
    QTest.keyClick(view, Qt.Key.Key_Delete)
    QTest.keyClick(view, Qt.Key.Key_Return, CTRL)
    view.set_spans(NESTED)
    view.select_span(1)
    QTest.keyClick(view, Qt.Key.Key_Right, SHIFT)
    assert fired == ["label", "delete", "accept", "grow"]


def test_shift_arrows_reach_shortcuts_only_with_a_current_span(parent, view, qtbot):
    fired: list[str] = []
    for seq in ("Shift+Right", "Shift+Left", "Ctrl+Shift+Right"):
        action = QAction(seq, view)
        action.setShortcut(QKeySequence(seq))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _=False, s=seq: fired.append(s))
        view.addAction(action)
    parent.activateWindow()
    qtbot.waitActive(parent)
    view.setFocus()
    view.set_spans(NESTED)
    view.set_selection(3, 3)
    QTest.keyClick(view, Qt.Key.Key_Right, SHIFT)  # no current span: the selection grows
    QTest.keyClick(view, Qt.Key.Key_Right, SHIFT | CTRL)
    assert fired == [] and view.selection()[1] > 3
    view.select_span(1)
    selection = view.selection()
    QTest.keyClick(view, Qt.Key.Key_Right, SHIFT)
    QTest.keyClick(view, Qt.Key.Key_Left, SHIFT)
    QTest.keyClick(view, Qt.Key.Key_Right, SHIFT | CTRL)
    assert fired == ["Shift+Right", "Shift+Left", "Ctrl+Shift+Right"]
    assert view.selection() == selection and parent.keys == []


def test_zoom_keys(view, qtbot):
    base = view.zoom()
    with qtbot.waitSignal(view.zoom_changed) as blocker:
        QTest.keyClick(view, Qt.Key.Key_Equal, CTRL)
    assert blocker.args == [base + 1]
    with qtbot.waitSignal(view.zoom_changed):
        QTest.keyClick(view, Qt.Key.Key_Minus, CTRL)
    QTest.keyClick(view, Qt.Key.Key_Minus, CTRL)
    assert view.zoom() == base - 1
    with qtbot.waitSignal(view.zoom_changed) as blocker:
        QTest.keyClick(view, Qt.Key.Key_0, CTRL)
    assert blocker.args == [base]
    view.set_zoom(1000)
    assert view.zoom() == 48.0
    assert view.document().defaultFont().pointSizeF() == 48.0


# ------------------------------------------------------------ big article


def big_article(seeds_dir, size: int = 50_000) -> str:
    body = "\n".join(canonicalise(p.read_text("utf-8")) for p in sorted(seeds_dir.glob("*.txt")))
    return ("😀 " + body * (size // len(body) + 1))[:size]


def test_big_article_with_many_overlapping_spans_renders(parent, seeds_dir, qtbot):
    view = parent.view
    text = big_article(seeds_dir)
    rnd = random.Random(5)
    ws = words(text)
    spans = []
    for i in range(1000):
        k = rnd.randrange(len(ws) - 8)
        spans.append(
            SpanPaint(i, ws[k][0], ws[k + rnd.randrange(8)][1], "#1e88e5", "L", i % 5 != 0)
        )
    view.set_article(text, spans)
    assert view.text() == text
    assert not view.grab().isNull()
    target = spans[-1]
    view.scroll_to(target.start, target.end)
    assert view.verticalScrollBar().value() > 0 or target.start < 2000
    cursor = QTextCursor(view.document())
    cursor.setPosition(Utf16Map.of(text).to_utf16(target.start))
    assert view.viewport().rect().contains(view.cursorRect(cursor).center())
    view.select_span(target.id)
    assert not view.grab().isNull()
    assert view.spans_at(target.start)
    qtbot.wait(700)  # the flash timer ends cleanly


def test_follows_the_palette(view):
    palette = QPalette(view.palette())
    palette.setColor(QPalette.ColorRole.Base, QColor("#202124"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#e8eaed"))
    view.setPalette(palette)
    image = view.viewport().grab().toImage()
    assert QColor(image.pixel(2, 2)) == QColor("#202124")


# -------------------------------------------------------------- regression


def test_void_calls_do_not_leak_none_refs(view):
    """PySide6 6.12.0 on Python 3.11 drops a None reference per void call (KNOWLEDGE.md)."""
    cursor = QTextCursor(view.document())
    before = sys.getrefcount(None)
    for i in range(10_000):
        cursor.setPosition(i % 20)
    for i in range(2_000):
        view.set_selection(i % 10, i % 10 + 3)
    assert before - sys.getrefcount(None) < 300


def test_reloading_after_a_selection_inside_a_highlight_leaves_the_rest_plain(view):
    """setPlainText would give the new text the cursor's format (the highlight's)."""
    start, end = find(TEXT.split()[1])
    view.set_article(TEXT, [SpanPaint(1, start, end, "#E8B100", "x")])
    view.set_selection(start + 1, end - 1)
    view.set_article(TEXT, [SpanPaint(1, start, end, "#E8B100", "x")])
    utf16 = Utf16Map.of(TEXT)
    for offset in (0, end + 1, len(TEXT) - 1):
        cursor = QTextCursor(view.document())
        cursor.setPosition(utf16.to_utf16(offset))
        cursor.movePosition(
            QTextCursor.MoveOperation.NextCharacter, QTextCursor.MoveMode.KeepAnchor
        )
        if offset < start or offset >= end:
            assert cursor.charFormat().background().style() == Qt.BrushStyle.NoBrush, offset
