import pytest

from annotator.models import ArticleDraft
from annotator.search import build_fts_query
from annotator.store import Store

ARTICLES = {
    "a": "উত্তর কোরিয়ার নেতা কিম জং উন মস্কো সফর করবেন।",
    "b": "রাশিয়া ও কোরিয়া চুক্তি স্বাক্ষর করেছে।",
    "c": "বাংলাদেশের কারিয়া গ্রামে বন্যা।",
    "d": "শি জিনপিং,পুতিন ও উন তিয়ানানমেন স্কোয়ারে।",
}


@pytest.fixture
def store():
    with Store() as s:
        results = s.add_articles([ArticleDraft(text=t, title=k) for k, t in ARTICLES.items()])
        s.ids = {k: r.id for k, r in zip(ARTICLES, results, strict=True)}
        yield s


def found(store, query):
    return {hit.title for hit in store.search(query)}


def test_bengali_word_is_not_split_at_vowel_signs(store):
    # The default tokenizer would match কারিয়া for কোরিয়া; ours must not.
    assert found(store, "কোরিয়া") == {"a", "b"}
    assert found(store, "কারিয়া") == {"c"}


def test_prefix_matches_inflected_forms_and_quotes_are_exact(store):
    assert found(store, "কোরিয়ার") == {"a"}
    assert found(store, '"কোরিয়া"') == {"b"}
    assert found(store, "কোরিয়া*") == {"a", "b"}


def test_terms_are_anded_and_negation_works(store):
    assert found(store, "কোরিয়া কিম") == {"a"}
    assert found(store, "কোরিয়া -কিম") == {"b"}


def test_query_is_normalised_like_text(store):
    # precomposed য় (U+09DF) in the query finds the NFC text
    assert found(store, "কোরি\u09dfা") == {"a", "b"}


def test_punctuation_between_words_and_snippet(store):
    assert found(store, "পুতিন") == {"d"}
    hit = store.search("তিয়ানানমেন")[0]
    assert "«তিয়ানানমেন»" in hit.snippet


@pytest.mark.parametrize("query", ["", "   ", "***", '"', "AND", "NEAR(", "-x", "()"])
def test_odd_queries_never_raise(store, query):
    assert isinstance(store.search(query), list)


def test_fts_operators_are_literal():
    assert build_fts_query("OR") == '"OR"*'


# -- the words a search matched, for the reader's highlights ----------------------------------

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from annotator.search import _TOKEN, match_ranges  # noqa: E402

EMOJI_TEXT = "😀🇧🇩 উত্তর কোরিয়ার নেতা। কোরিয়া ও কারিয়া; KIM Kimchi কোরিয়ায়"


def test_match_ranges_are_the_inflected_words_the_search_matched():
    ranges = match_ranges(EMOJI_TEXT, "কোরিয়া")
    assert [EMOJI_TEXT[s:e] for s, e in ranges] == ["কোরিয়ার", "কোরিয়া", "কোরিয়ায়"]
    assert ranges[0][0] == EMOJI_TEXT.index("কোরিয়ার")  # code points, after the emoji
    assert [EMOJI_TEXT[s:e] for s, e in match_ranges(EMOJI_TEXT, '"কোরিয়া"')] == ["কোরিয়া"]
    assert [EMOJI_TEXT[s:e] for s, e in match_ranges(EMOJI_TEXT, "kim")] == ["KIM", "Kimchi"]
    assert [EMOJI_TEXT[s:e] for s, e in match_ranges(EMOJI_TEXT, '"উত্তর কোরিয়ার"')] == [
        "উত্তর কোরিয়ার"
    ]
    assert match_ranges(EMOJI_TEXT, "-কোরিয়া") == []
    assert [EMOJI_TEXT[s:e] for s, e in match_ranges(EMOJI_TEXT, "নেতা -কারিয়া")] == ["নেতা"]


_WORDS = st.sampled_from(["কোরিয়া", "কোরিয়ার", "নেতা", "😀", " ", "। ", "ab", "AB", "\u200c"])


@given(
    st.lists(_WORDS, max_size=20).map("".join),
    st.sampled_from(["কোরিয়া", "ab", "নে", '"নেতা কোরিয়া"', "x"]),
)
def test_match_ranges_lie_within_the_text_on_token_boundaries(text, query):
    starts = {m.start() for m in _TOKEN.finditer(text)}
    ends = {m.end() for m in _TOKEN.finditer(text)}
    previous_end = 0
    for start, end in match_ranges(text, query):
        assert 0 <= previous_end <= start < end <= len(text)
        assert start in starts and end in ends
        previous_end = end
