from hypothesis import given
from hypothesis import strategies as st

from annotator.text import Utf16Map, canonicalise, snap_to_graphemes, snap_to_words

ALPHABET = st.sampled_from(
    list("কিমজংউনরাশয়ষ্ট্রীোো।‘’ \n\t") + ["\u09df", "\u00a0", "😀", "🇧🇩", "\r\n", "\r", "a", "5"]
)
TEXTS = st.lists(ALPHABET, max_size=80).map("".join)


@given(TEXTS)
def test_utf16_round_trip(text):
    m = Utf16Map.of(text)
    units = text.encode("utf-16-le")
    for i in range(len(text) + 1):
        u = m.to_utf16(i)
        assert len(text[:i].encode("utf-16-le")) // 2 == u
        assert m.from_utf16(u) == i
    assert m.to_utf16(len(text)) == len(units) // 2


@given(TEXTS)
def test_canonical_text_is_stable(text):
    once = canonicalise(text)
    assert canonicalise(once) == once
    assert "\r" not in once


@given(TEXTS, st.integers(0, 100), st.integers(0, 100))
def test_snapping_stays_inside_and_covers(text, a, b):
    text = canonicalise(text)
    for snap in (snap_to_graphemes, snap_to_words):
        s, e = snap(text, a, b)
        assert 0 <= s <= e <= len(text)
    lo, hi = sorted((min(a, len(text)), min(b, len(text))))
    s, e = snap_to_graphemes(text, a, b)
    if lo == hi:  # a caret stays a caret, at the start of its cluster
        assert s == e <= lo
    else:
        assert s <= lo and e >= hi
