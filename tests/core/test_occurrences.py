"""Finding every occurrence of a name across the project for "Annotate all occurrences"."""

from __future__ import annotations

import pytest

from annotator.actions import AddSpan
from annotator.frame_actions import TagOccurrences
from annotator.history import History
from annotator.models import Actor, ArticleDraft
from annotator.occurrences import find_occurrences, names_of, term_names
from annotator.store import Store

TEXTS = [
    "রাশিয়ার সঙ্গে ভারতের বৈঠক। রাশিয়াকে চাপ দিল যুক্তরাষ্ট্র।",
    "ভারতীয় সেনা সীমান্তে। রাশিয়া চুপ।",
    "কোনো নাম নেই এখানে।",
]


@pytest.fixture
def store():
    with Store() as s:
        s.add_articles([ArticleDraft(text=t, title=f"t{i}") for i, t in enumerate(TEXTS)])
        yield s


def test_term_names_add_the_bare_word():
    assert term_names(" রাশিয়ার ") == ["রাশিয়ার", "রাশিয়া"]
    assert term_names("কিম জং উনের") == ["কিম জং উনের", "কিম জং উন"]
    assert term_names("ভারত") == ["ভারত"]
    assert term_names("  ") == []
    assert names_of("রুশ", Actor("RUS", "Russia", "রাশিয়া")) == ["রুশ", "Russia", "রাশিয়া"]


def test_every_inflected_form_in_every_article_with_its_sentence(store):
    result = find_occurrences(store, term_names("রাশিয়ার"), "ana", "actor")
    assert [(f.article_id, f.text) for f in result.found] == [
        (1, "রাশিয়ার"),
        (1, "রাশিয়াকে"),
        (2, "রাশিয়া"),
    ]
    second = result.found[1]
    assert (second.left, second.right) == (" ", " চাপ দিল যুক্তরাষ্ট্র।")
    assert TEXTS[0][second.start : second.end] == "রাশিয়াকে"
    assert result.covered == 0 and not result.truncated
    assert [f.text for f in find_occurrences(store, ["ভারত"], "ana").found] == ["ভারতের"]


def test_covered_by_a_span_of_that_label_only(store):
    history = History(store)
    start = TEXTS[1].index("রাশিয়া")
    history.do(AddSpan(2, "ana", "actor", start, start + len("রাশিয়া")))
    history.do(AddSpan(1, "ana", "place", 0, 8))
    result = find_occurrences(store, ["রাশিয়া"], "ana", "actor")
    assert [f.covered for f in result.found] == [False, False, True]
    assert find_occurrences(store, ["রাশিয়া"], "bob", "actor").covered == 0
    cut = find_occurrences(store, ["রাশিয়া"], "ana", "actor", limit=2)
    assert cut.truncated and len(cut.found) == 2


def test_tagging_what_was_found_is_one_undoable_action(store):
    history = History(store)
    store.save_actors([Actor("RUS", "Russia", "রাশিয়া")])
    found = find_occurrences(store, ["রাশিয়া"], "ana", "actor").found
    action = TagOccurrences("ana", "actor", [f.occurrence for f in found], {"actor_id": "RUS"})
    history.do(action)
    spans = [s for a in (1, 2) for s in store.spans(a, "ana")]
    assert [(s.label, s.attrs) for s in spans] == [("actor", {"actor_id": "RUS"})] * 3
    assert store.actor_link_counts() == {"RUS": 3}
    history.undo()
    assert [s for a in (1, 2) for s in store.spans(a, "ana")] == []


def test_add_to_the_register_creates_and_links_in_one_undoable_action(store):
    from annotator.frame_actions import AddActorAndLink, new_actor_id

    history = History(store)
    span = history.do(AddSpan(2, "ana", "actor", 0, 7)) and store.spans(2, "ana")[0]
    assert new_actor_id(store, "ভারতীয় সেনা") == "ভারতীয়_সেনা"
    actor = Actor(new_actor_id(store, "ভারতীয় সেনা"), "", "ভারতীয় সেনা", kind="organisation")
    change = history.do(AddActorAndLink("ana", actor, [span.id]))
    assert change.article_id == 2 and change.span_ids == (span.id,)
    assert store.actor("ভারতীয়_সেনা").name_bn == "ভারতীয় সেনা"
    assert store.span(span.id).attrs == {"actor_id": "ভারতীয়_সেনা"}
    assert new_actor_id(store, "ভারতীয় সেনা") == "ভারতীয়_সেনা_2"
    history.undo()
    assert store.actors() == [] and store.span(span.id).attrs == {}
    history.redo()
    assert store.actor_link_counts() == {"ভারতীয়_সেনা": 1}
    with pytest.raises(ValueError, match="already in the register"):
        history.do(AddActorAndLink("ana", actor, [span.id]))
