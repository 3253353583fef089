"""The concordance's core: context cutting, the paged span and search queries, their order."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.concordance import BY_ACTOR, BY_LABEL, BY_TERM, Pages, context, context_in
from annotator.models import ArticleDraft
from annotator.store import Store
from annotator.store.concordance import CONTEXT_WINDOW

FIRST = "প্রথম বাক্য এখানে। 😀 উত্তর কোরিয়ার নেতা কিম জং উন মস্কো যাবেন! শেষ কথা\nপরের লাইন"
SECOND = "আরেকটি লেখা। কিম জং উন আবার কোরিয়ায় ফিরলেন।"


def all_lines(pages: Pages):
    lines = []
    while not pages.done:
        lines += pages.next_page()
    return lines


@pytest.fixture
def store():
    with Store() as s:
        a, b = s.add_articles(
            [ArticleDraft(text=FIRST, title="খ দ্বিতীয়"), ArticleDraft(text=SECOND, title="ক প্রথম")]
        )
        s.ids = (a.id, b.id)
        kim = FIRST.index("কিম জং উন")
        s.add_span(
            a.id, "rahim", "person", kim, kim + 9, {"actors": ["কিম জং উন"], "certainty": "high"}
        )
        k2 = SECOND.index("কিম জং উন")
        s.add_span(
            b.id, "karim", "person", k2, k2 + 9, {"actors": ["কিম জং উন"], "certainty": "low"}
        )
        moscow = FIRST.index("মস্কো")
        s.add_span(a.id, "rahim", "place", moscow, moscow + 5, {"actors": ["পুতিন"]})
        yield s


def test_label_lines_carry_the_sentence_around_the_span(store):
    lines = all_lines(Pages(store, BY_LABEL, "person"))
    assert [(line.text, line.annotator, line.certainty) for line in lines] == [
        ("কিম জং উন", "rahim", "high"),
        ("কিম জং উন", "karim", "low"),
    ]
    first = lines[0]
    assert first.left == " 😀 উত্তর কোরিয়ার নেতা "
    assert first.right == " মস্কো যাবেন!"
    assert FIRST[first.start : first.end] == first.text
    assert lines[1].left == " " and lines[1].right == " আবার কোরিয়ায় ফিরলেন।"


def test_actor_lines_and_sorting_in_sql(store):
    assert {line.label for line in all_lines(Pages(store, BY_ACTOR, "পুতিন"))} == {"place"}
    by_title = all_lines(Pages(store, BY_ACTOR, "কিম জং উন", sort="title"))
    assert [line.title for line in by_title] == ["ক প্রথম", "খ দ্বিতীয়"]
    desc = all_lines(Pages(store, BY_ACTOR, "কিম জং উন", sort="certainty", descending=True))
    assert [line.certainty for line in desc] == ["low", "high"]
    assert all_lines(Pages(store, BY_ACTOR, "কিম")) == []  # whole names only


def test_pages_follow_each_other_without_gaps(store):
    a, _b = store.ids
    for n in range(25):
        store.add_span(a, "rahim", "person", n % 5, n % 5 + 2)
    pages = Pages(store, BY_LABEL, "person", sort="published", page=4)
    seen = []
    while not pages.done:
        page = pages.next_page()
        assert len(page) <= 4
        seen += [line.span_id for line in page]
    assert len(seen) == len(set(seen)) == 27


def test_search_term_lines_are_the_matched_words_inflections_included(store):
    lines = all_lines(Pages(store, BY_TERM, "কোরিয়া", sort="title"))
    assert [(line.title, line.text) for line in lines] == [
        ("ক প্রথম", "কোরিয়ায়"),
        ("খ দ্বিতীয়", "কোরিয়ার"),
    ]
    assert lines[0].span_id is None and lines[0].right == " ফিরলেন।"
    assert all_lines(Pages(store, BY_TERM, "   ")) == []


def test_context_window_is_cut_in_sql_by_code_points(store):
    a, _b = store.ids
    [row] = [r for r in store.concordance_spans("label", "place") if r.article_id == a]
    assert row.left == FIRST[: row.start][-CONTEXT_WINDOW:]
    assert row.right == FIRST[row.end :][:CONTEXT_WINDOW]


_TEXT = st.text(alphabet=st.sampled_from("কোরিয়া ।?!\n😀ab\u200d"), max_size=60)


@given(_TEXT, st.data())
def test_context_slices_lie_within_the_text_around_the_span(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    left, right = context_in(text, start, end, limit=20)
    assert len(left) <= 20 and len(right) <= 20
    assert text[start - len(left) : start] == left
    assert text[end : end + len(right)] == right
    assert not any(sep in left for sep in "।?!\n")
    assert "\n" not in right and not any(sep in right[:-1] for sep in "।?!")


@given(st.text(max_size=40), st.text(max_size=40), st.integers(0, 50))
def test_context_keeps_the_span_side_of_each_window(before, after, limit):
    left, right = context(before, after, limit)
    assert before.endswith(left) and after.startswith(right)
    assert len(left) <= limit and len(right) <= limit
