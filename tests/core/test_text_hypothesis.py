import unicodedata

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


BENGALI_NEWS = "উত্তর কোরিয়া রাশিয়ায় আনুমানিক ১১ হাজার সৈন্য পাঠিয়েছে; কৌশল।"
# Vowel signs that compose (ে + া = ো, ে + ৗ = ৌ), precomposed forms, nukta and
# excluded compositions, Latin and Hangul "maybe" characters, a misordered mark pair.
NFC_ALPHABET = st.sampled_from(
    list("কেোৌাৗ়্য়ড়\u09df\u09dc\u09cb\u09cc\u09c7\u09be\u09d7\u09bc ।")
    + ["e", "\u0301", "\u0323", "\u00e9", "\u1100", "\u1161", "\u11a8", "\uac00", "\u0f73", "😀"]
)


@given(st.lists(NFC_ALPHABET, max_size=30).map("".join))
def test_quick_nfc_check_is_sound(text):
    from annotator.text import _surely_nfc

    if _surely_nfc(text):
        assert unicodedata.is_normalized("NFC", text)
    assert canonicalise(text) == unicodedata.normalize("NFC", text)
    assert _surely_nfc(BENGALI_NEWS) and unicodedata.is_normalized("NFC", BENGALI_NEWS)


@given(st.lists(NFC_ALPHABET, min_size=1, max_size=30).map("".join), st.data())
def test_slices_of_canonical_text_are_canonical(text, data):
    # The annotation importer relies on this to skip canonicalising a span text that is
    # exactly the stored slice.
    text = canonicalise(text)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert canonicalise(text[start:end]) == text[start:end]
