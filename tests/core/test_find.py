"""Find in article: case-insensitive occurrences in code points, joiners ignored."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotator.find import find_all

TEXT = "😀 Dhaka ঢাকা। 👍 dhaka DHAKA র\u200d্যাব এবং র্যাব"


def test_occurrences_are_code_points_after_emoji_and_ignore_case():
    found = find_all(TEXT, "dhaka")
    assert [TEXT[s:e] for s, e in found] == ["Dhaka", "dhaka", "DHAKA"]
    assert found[0] == (2, 7)
    assert find_all(TEXT, "ঢাকা") == [(8, 12)]
    assert find_all(TEXT, "") == [] and find_all("", "a") == []


def test_zwj_and_zwnj_are_ignored_on_both_sides():
    typed_without = find_all(TEXT, "র্যাব")
    assert [TEXT[s:e] for s, e in typed_without] == ["র\u200d্যাব", "র্যাব"]
    assert len(find_all(TEXT, "র\u200d্যাব")) == 2


def test_a_match_never_cuts_a_character_whose_folded_form_is_longer():
    assert find_all("Straße strasse", "ss") == [(4, 5), (11, 13)]  # ß folds to ss
    assert find_all("Straße", "s") == [(0, 1)]  # not half of ß
    assert find_all("Straße", "straße") == [(0, 6)]


_PIECES = st.sampled_from(["a", "A", "ß", "😀", "\u200d", "ক", "্", "য", " ", "İ"])


@given(
    st.lists(_PIECES, max_size=30).map("".join),
    st.lists(_PIECES, min_size=1, max_size=3).map("".join),
)
def test_matches_lie_in_the_text_in_order_and_fold_to_the_needle(text, needle):
    previous = 0
    for start, end in find_all(text, needle):
        assert previous <= start < end <= len(text)
        piece = "".join(c for c in text[start:end] if c not in "\u200c\u200d")
        wanted = "".join(c for c in needle if c not in "\u200c\u200d")
        assert piece.casefold() == wanted.casefold()
        previous = end
