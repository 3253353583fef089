"""The reading pane's pure pieces on their own: position conversion, selection snapping,
the background segment walk and the span set's dirty ranges (hypothesis)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor, QTextDocument

from annotator.text import canonicalise, grapheme_bounds
from annotator.ui.reader.highlights import segments
from annotator.ui.reader.positions import Positions
from annotator.ui.reader.spans import SpanPaint, SpanSet, merge_ranges

# Bengali letters, vowel signs and virama (conjuncts such as ক্ষ, ন্ত্র), emoji with skin
# tones, flags and ZWJ families, a mathematical letter, NBSP, ZWJ/ZWNJ and line breaks.
_ALPHABET = list("কখগষতনমরলসহািীুূেোৌ্ংঁয়। a\n") + [
    "ক্ষ",
    "ন্ত্র",
    "\u00a0",
    "\u200c",
    "\u200d",
    "😀",
    "👍🏽",
    "🇧🇩",
    "𝐀",
    "👨\u200d👩\u200d👧",
]
TEXTS = st.lists(st.sampled_from(_ALPHABET), max_size=40).map("".join).map(canonicalise)


def _units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@given(TEXTS, st.data())
def test_positions_agree_with_a_qt_document(qapp, text, data):
    positions = Positions(text)
    doc = QTextDocument()
    doc.setPlainText(text)
    assert doc.characterCount() - 1 == _units(text) == positions.to_qt(len(text))
    for i in range(len(text) + 1):
        assert positions.to_qt(i) == _units(text[:i])
        assert positions.from_qt(positions.to_qt(i)) == i
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    cursor = QTextCursor(doc)
    cursor.setPosition(positions.to_qt(start))
    cursor.setPosition(positions.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText().replace("\u2029", "\n") == text[start:end]
    assert positions.to_qt(-5) == 0 and positions.to_qt(len(text) + 5) == _units(text)


def test_a_position_inside_a_surrogate_pair_is_its_code_point():
    positions = Positions("😀ক😀")
    assert [positions.from_qt(p) for p in range(6)] == [0, 0, 1, 2, 2, 3]


@given(TEXTS, st.data(), st.booleans())
def test_a_qt_selection_snaps_to_whole_clusters_covering_it(text, data, words):
    positions = Positions(text)
    units = _units(text)
    a16 = data.draw(st.integers(0, units))
    b16 = data.draw(st.integers(a16, units))
    s, e = positions.selection(a16, b16, words)
    bounds = grapheme_bounds(text)
    assert 0 <= s <= e <= len(text) and s in bounds and e in bounds
    a, b = positions.from_qt(a16), positions.from_qt(b16)
    if a >= b:
        assert s == e <= a
    elif not words:  # words also trims spaces and danda, so it may cover less
        assert s <= a and e >= b
    # what it gives back, selected again, stays as it is (by clusters: word snapping is not
    # always stable where a word and a cluster disagree, e.g. "ক𝐀\u200cাক")
    assert positions.selection(*positions.to_qt_range(s, e), False) == (s, e)


COLORS = ("#e53935", "#1e88e5", "#43a047")


@st.composite
def span_lists(draw, length: int = 30, min_id: int = 1):
    spans = []
    for i in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, length))
        end = draw(st.integers(start, length))
        own = draw(st.booleans())
        spans.append(SpanPaint(min_id + i, start, end, draw(st.sampled_from(COLORS)), "L", own))
    return spans


def _stack(spans: list[SpanPaint], offset: int) -> tuple[str, ...]:
    """Colours of the own spans over code point `offset`, outer first, one at a time."""
    over = [s for s in spans if s.own and s.start <= offset < s.end]
    return tuple(s.color for s in sorted(over, key=lambda s: (s.start, -s.end, s.id)))


@given(span_lists(), st.integers(0, 30), st.integers(0, 30))
def test_segments_are_the_runs_of_equal_colour_stacks(spans, a, b):
    lo, hi = min(a, b), max(a, b)
    expected: list[tuple[int, int, tuple[str, ...]]] = []
    for offset in range(lo, hi):
        key = _stack(spans, offset)
        if expected and expected[-1][1] == offset and expected[-1][2] == key:
            expected[-1] = (expected[-1][0], offset + 1, key)
        elif key:
            expected.append((offset, offset + 1, key))
    assert list(segments(spans, lo, hi)) == expected


@given(span_lists(), span_lists(min_id=4), st.data())
def test_span_set_update_reports_every_changed_code_point(before, changed, data):
    text = "ক্ষ😀" * 10  # 30 code points
    positions = Positions(text)
    spans = SpanSet()
    spans.replace(before, positions)
    removed = data.draw(st.lists(st.sampled_from([s.id for s in before] or [99]), max_size=3))
    old = {s.id: s for s in spans.values()}
    dirty = spans.update(changed, removed, positions)
    assert dirty == merge_ranges(dirty)
    after = spans.values()
    fresh = SpanSet()
    fresh.replace(after, positions)
    assert {s.id for s in after} == (set(old) - set(removed)) | {s.id for s in changed}
    for span in after:
        assert spans.qt_range(span.id) == fresh.qt_range(span.id)
        assert spans.lane(span.id) == fresh.lane(span.id)
    for offset in range(len(text)):
        if _stack(list(old.values()), offset) != _stack(after, offset):
            assert any(lo <= offset < hi for lo, hi in dirty), offset


def test_spans_are_clamped_to_the_text():
    positions = Positions("😀ক")
    spans = SpanSet()
    spans.replace([SpanPaint(1, 5, -2, "#000000"), SpanPaint(2, 0, 1, "#000000")], positions)
    assert [(s.start, s.end) for s in spans.values()] == [(0, 2), (0, 1)]
    assert spans.qt_range(1) == (0, 3) and spans.qt_range(2) == (0, 2)
