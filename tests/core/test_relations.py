"""Relations between spans, relation types, the actor register and frames: the core rules."""

from __future__ import annotations

import pytest

from annotator.actions import AddSpan, RemoveSpan
from annotator.frame_actions import (
    AddRelation,
    LinkActor,
    LinkRefused,
    Occurrence,
    RemoveRelation,
    SaveActors,
    SaveRelationTypes,
    TagOccurrences,
)
from annotator.frames import build_frames
from annotator.history import History
from annotator.models import Actor, ArticleDraft
from annotator.relation_scheme import RelationTypeDef
from annotator.scheme import SchemeError, preset_path, read_scheme_document
from annotator.store import Store

TEXT = "😀 উত্তর কোরিয়া রাশিয়ায় আনুমানিক ১১ হাজার সৈন্য পাঠিয়েছে, বলেছে রয়টার্স।"


def _at(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


@pytest.fixture
def setup():
    with Store() as store:
        [one, two] = store.add_articles(
            [ArticleDraft(text=TEXT, title="a"), ArticleDraft(text=TEXT + " আবার", title="b")]
        )
        yield store, History(store), one.id, two.id


def _tag(history, store, aid, label, word, who="rahim"):
    history.do(AddSpan(aid, who, label, *_at(word)))
    return next(s for s in store.spans(aid, who) if (s.start, s.end) == _at(word))


def test_a_full_frame_is_built_and_undone_step_by_step(setup):
    store, history, aid, _ = setup
    claim = _tag(history, store, aid, "troop_deployment", "সৈন্য পাঠিয়েছে")
    agent = _tag(history, store, aid, "actor", "উত্তর কোরিয়া")
    place = _tag(history, store, aid, "place", "রাশিয়ায়")
    source = _tag(history, store, aid, "source", "রয়টার্স")
    for kind, tail in (("agent", agent), ("location", place), ("attributed_to", source)):
        history.do(AddRelation("rahim", kind, claim.id, tail.id))
    [frame] = build_frames(
        store.spans(aid), store.relations(aid), store.labels(), store.relation_types()
    )
    assert frame.claim == claim
    assert [s.text for s in frame.fillers("agent")] == ["উত্তর কোরিয়া"]
    assert [s.text for s in frame.fillers("location")] == ["রাশিয়ায়"]
    assert [s.text for s in frame.fillers("attributed_to")] == ["রয়টার্স"]
    assert frame.fillers("target") == [] and not frame.slot("target").filled
    history.undo()
    assert [r.type for r in store.relations(aid)] == ["agent", "location"]
    history.redo()
    assert len(store.relations(aid)) == 3


def test_deleting_a_span_deletes_its_relations_in_the_same_undoable_action(setup):
    store, history, aid, _ = setup
    claim = _tag(history, store, aid, "troop_deployment", "সৈন্য পাঠিয়েছে")
    agent = _tag(history, store, aid, "actor", "উত্তর কোরিয়া")
    history.do(AddRelation("rahim", "agent", claim.id, agent.id))
    [relation] = store.relations(aid)
    history.do(RemoveSpan(agent.id, "rahim"))
    assert store.relations(aid) == []
    history.undo()
    assert store.relations(aid) == [relation]  # same id, same time
    assert store.span(agent.id) == agent


def test_the_scheme_decides_which_labels_a_type_may_join(setup):
    store, history, aid, _ = setup
    claim = _tag(history, store, aid, "troop_deployment", "সৈন্য পাঠিয়েছে")
    place = _tag(history, store, aid, "place", "রাশিয়ায়")
    other = _tag(history, store, aid, "actor", "উত্তর কোরিয়া", who="karim")
    with pytest.raises(LinkRefused, match="cannot join"):
        history.do(AddRelation("rahim", "agent", claim.id, place.id))
    with pytest.raises(PermissionError):
        history.do(AddRelation("rahim", "agent", claim.id, other.id))
    history.do(AddRelation("rahim", "location", claim.id, place.id))
    with pytest.raises(LinkRefused, match="already linked"):
        history.do(AddRelation("rahim", "location", claim.id, place.id))
    assert len(store.relations(aid)) == 1


def test_same_event_links_claims_across_articles_and_others_do_not(setup):
    store, history, aid, bid = setup
    one = _tag(history, store, aid, "troop_deployment", "সৈন্য পাঠিয়েছে")
    two = _tag(history, store, bid, "troop_deployment", "সৈন্য পাঠিয়েছে")
    actor = _tag(history, store, bid, "actor", "উত্তর কোরিয়া")
    with pytest.raises(LinkRefused, match="cross-article"):
        history.do(AddRelation("rahim", "agent", one.id, actor.id))
    history.do(AddRelation("rahim", "same_event", one.id, two.id))
    [relation] = store.relations(bid)  # found from the tail's article too
    assert (relation.article_id, relation.tail_article_id) == (aid, bid)
    history.do(RemoveRelation(relation.id, "rahim"))
    assert store.relations(aid) == []
    history.undo()
    assert store.relations(aid) == [relation]


def test_relation_types_are_saved_and_undone_exactly(setup):
    store, history, _, _ = setup
    before = store.relation_types()
    assert [k.key for k in before] == [
        "agent", "target", "location", "time", "attributed_to", "same_event",
    ]  # fmt: skip
    history.do(SaveRelationTypes([RelationTypeDef("host", "Host", heads=["visit"],
                                                  tails=["actor"], position=6)]))  # fmt: skip
    assert store.relation_types()[-1].key == "host"
    with pytest.raises(SchemeError, match="lacks"):
        store.save_relation_types([RelationTypeDef("bad", "Bad", heads=["nope"])])
    history.undo()
    assert store.relation_types() == before


def test_actor_register_saves_links_and_undoes(setup):
    store, history, aid, _ = setup
    kim = Actor("PRK", "North Korea", "উত্তর কোরিয়া", ["পিয়ংইয়ং"], "state", "PRK")
    history.do(SaveActors([kim]))
    assert store.actor("PRK") == kim
    span = _tag(history, store, aid, "actor", "উত্তর কোরিয়া")
    history.do(LinkActor("rahim", [span.id], "PRK"))
    assert store.span(span.id).attrs["actor_id"] == "PRK"
    assert store.actor_link_counts() == {"PRK": 1}
    history.undo()
    assert "actor_id" not in store.span(span.id).attrs
    with pytest.raises(KeyError):
        history.do(LinkActor("rahim", [span.id], "RUS"))
    history.undo()  # the tag
    history.undo()  # the register entry
    assert store.actors() == []


def test_tag_occurrences_is_one_undoable_action_across_articles(setup):
    store, history, aid, bid = setup
    start, end = _at("রাশিয়ায়")
    occurrences = [Occurrence(aid, start, end), Occurrence(bid, start, end)]
    history.do(TagOccurrences("rahim", "place", occurrences))
    assert [len(store.spans(a)) for a in (aid, bid)] == [1, 1]
    history.undo()
    assert [len(store.spans(a)) for a in (aid, bid)] == [0, 0]
    history.redo()
    assert [s.text for a in (aid, bid) for s in store.spans(a)] == ["রাশিয়ায়"] * 2


def test_the_cameo_preset_maps_every_claim_label_to_a_code():
    scheme = read_scheme_document(preset_path("cameo"))
    codes = {label.key: label.cameo for label in scheme.labels if label.category == "claim"}
    assert codes == {
        "troop_deployment": "15", "treaty": "057", "visit": "042", "military_aid": "07",
        "support_statement": "05",
    }  # fmt: skip
    assert [k.key for k in scheme.relations][:2] == ["agent", "target"]
