"""The plain-text cluster rules (`annotator.clusters`) agree with `\\X` everywhere."""

from __future__ import annotations

import itertools

import regex
from hypothesis import given
from hypothesis import strategies as st

from annotator import clusters
from annotator.text import snap_to_graphemes

_X = regex.compile(r"\X", regex.DOTALL)
# Consonants, vowel signs (extend and spacing), virama (both scripts), nukta, candrabindu,
# ZWJ, ZWNJ, soft hyphen, ZWSP, CR, LF, a Latin letter and accent, danda, a vowel letter.
ALPHABET = "কষযড়অা" + "ি়্ঁৗ\u0903\u093e" + "\u200c\u200d\u00ad\u200b\r\n" + "a\u0301।क्" + "ৎ "


def _bounds(text: str) -> set[int]:
    ends = [0]
    for m in _X.finditer(text):
        ends.append(m.end())
    return set(ends)


def _reference_snap(text: str, start: int, end: int) -> tuple[int, int]:
    bounds = sorted(_bounds(text))
    s = max(b for b in bounds if b <= start)
    if start == end:
        return s, s
    return s, min(b for b in bounds if b >= end)


def test_every_boundary_of_short_strings_matches_the_regex_engine():
    for length in (2, 3, 4):
        for chars in itertools.product(ALPHABET, repeat=length):
            text = "".join(chars)
            expected = _bounds(text)
            for i in range(1, length):
                got = clusters.plain_break(text, i)
                assert got == (i in expected), (text, i)


@given(
    st.text(alphabet=ALPHABET + "ত্রবসন", max_size=60),
    st.integers(0, 60),
    st.integers(0, 60),
)
def test_snapping_matches_the_regex_engine(text, a, b):
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    assert snap_to_graphemes(text, start, end) == _reference_snap(text, start, end)


@given(st.text(max_size=40), st.integers(0, 40), st.integers(0, 40))
def test_snapping_any_text_matches_the_regex_engine(text, a, b):
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    assert snap_to_graphemes(text, start, end) == _reference_snap(text, start, end)


def test_a_long_run_of_marks_or_other_scripts_go_to_the_regex_engine():
    assert clusters.plain_snap("ক" + "\u09cd\u200d" * 40 + "ষ", 40, 41) is None
    assert clusters.plain_snap("ক👍🏽ক", 2, 3) is None
    assert snap_to_graphemes("ক👍🏽ক", 2, 3) == (1, 3)


def test_a_boundary_next_to_other_scripts_is_left_to_the_regex_engine():
    assert clusters.plain_break("👍🏽", 1) is None
    assert clusters.plain_break("க்ক", 2) is None  # a Tamil virama before a Bengali consonant
    assert clusters.plain_break("ক্ক", 2) is False


@given(
    st.text(alphabet=ALPHABET + "👍🏽\u2764\ufe0f", min_size=2, max_size=60),
    st.lists(st.tuples(st.integers(0, 60), st.integers(1, 60)), min_size=1, max_size=12),
)
def test_the_importers_snapping_agrees_with_the_reference(text, ranges):
    from annotator.ingest.annotation_checks import snap_to_letters as _snap_to_letters

    spans = []
    for a, b in ranges:
        start, end = sorted((min(a, len(text)), min(b, len(text))))
        if start < end:
            spans.append(("mita", "claim", start, end, {}, "", "import", None, None))
    snapped = list(spans)
    widened = _snap_to_letters(text, snapped)
    expected = [_reference_snap(text, s[2], s[3]) for s in spans]
    assert [(s[2], s[3]) for s in snapped] == expected
    assert widened == sum(e != (s[2], s[3]) for e, s in zip(expected, spans, strict=True))
