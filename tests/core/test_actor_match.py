"""Finding register actors in a text: names, aliases, inflected Bengali forms, whole words."""

from __future__ import annotations

import time

import regex
from hypothesis import given
from hypothesis import strategies as st

from annotator.actor_match import ActorMatcher, NameMatcher
from annotator.inflection import strip_ending
from annotator.models import Actor
from annotator.text import WORD_CHARS, grapheme_bounds

REGISTER = [
    Actor("RUS", "Russia", "রাশিয়া"),
    Actor("IND", "India", "ভারত"),
    Actor("USA", "United States", "যুক্তরাষ্ট্র", ["মার্কিন যুক্তরাষ্ট্র", "US"]),
    Actor("KIM", "Kim Jong Un", "কিম জং উন", ["কিম"], kind="person"),
]
_WORD = regex.compile(f"[{WORD_CHARS}]")


def _found(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(text[m.start : m.end], m.actor_ids) for m in ActorMatcher(REGISTER).find(text)]


def test_inflected_bengali_forms_match_their_actor():
    text = "রাশিয়ার সঙ্গে ভারতের বৈঠক। রাশিয়াকে যুক্তরাষ্ট্রের চাপ, কিমের বার্তা, রাশিয়ায় সেনা।"
    assert _found(text) == [
        ("রাশিয়ার", ("RUS",)),
        ("ভারতের", ("IND",)),
        ("রাশিয়াকে", ("RUS",)),
        ("যুক্তরাষ্ট্রের", ("USA",)),
        ("কিমের", ("KIM",)),
        ("রাশিয়ায়", ("RUS",)),
    ]


def test_a_longer_different_word_is_not_a_mention():
    assert _found("ভারতীয় কিমচি রুশিয়া USB") == []


def test_the_longest_name_wins_and_latin_names_ignore_case():
    text = "মার্কিন যুক্তরাষ্ট্রকে কিম জং উনের বার্তা; russia-র ও US-এর জবাব"
    assert _found(text) == [
        ("মার্কিন যুক্তরাষ্ট্রকে", ("USA",)),
        ("কিম জং উনের", ("KIM",)),
        ("russia-র", ("RUS",)),
        ("US-এর", ("USA",)),
    ]


def test_an_ambiguous_name_names_every_actor_and_suggest_needs_the_whole_span():
    matcher = ActorMatcher([*REGISTER, Actor("KIMY", "Kim Yo Jong", aliases=["কিম"])])
    [mention] = matcher.find("কিমের")
    assert mention.actor_ids == ("KIM", "KIMY")
    assert matcher.suggest("ভারতের") == ["IND"]
    assert matcher.suggest("ভারতের সেনা") == []


def test_an_empty_register_finds_nothing():
    assert not NameMatcher({})
    assert NameMatcher({}).find("ভারত") == []


def test_strip_ending():
    assert strip_ending("ভারতের") == "ভারত"
    assert strip_ending("রাশিয়াকে") == "রাশিয়া"
    assert strip_ending("রাশিয়াকেও") == "রাশিয়া"
    assert strip_ending("US-এর") == "US"
    assert strip_ending("ভারত") == "ভারত"


_PIECES = st.sampled_from(
    ["রাশিয়া", "ভারত", "কিম", "ের", "র", "কে", "য়", "ীয়", " ", "।", "😀", "্", "a", "US", "-"]
)


@given(st.lists(_PIECES, max_size=25).map("".join))
def test_mentions_are_whole_words_in_range_on_cluster_bounds(text):
    bounds = set(grapheme_bounds(text))
    last = 0
    for m in ActorMatcher(REGISTER).find(text):
        assert 0 <= last <= m.start < m.end <= len(text)
        assert m.start in bounds and m.end in bounds
        assert m.start == 0 or not _WORD.match(text[m.start - 1])
        assert m.end == len(text) or not _WORD.match(text[m.end])
        last = m.end


def test_a_large_register_reads_a_text_quickly():
    actors = [Actor(f"A{i}", f"Name{i}", f"নাম{i:04d}", [f"ডাক{i}"]) for i in range(3000)]
    matcher = ActorMatcher([*actors, *REGISTER])
    text = "রাশিয়ার সঙ্গে ভারতের বৈঠক। " * 400  # about 11,000 code points
    started = time.perf_counter()
    found = matcher.find(text)
    elapsed = time.perf_counter() - started
    assert len(found) == 800
    assert elapsed < 1.0, elapsed
