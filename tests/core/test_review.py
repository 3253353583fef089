"""Review items, decisions into the gold layer, review status and comments (no Qt)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.models import GOLD, ArticleDraft, Span
from annotator.review import (
    Navigator,
    accept_agreements,
    adjudicate,
    article_items,
    compare,
    decide,
)
from annotator.store import Store

TEXT = "ঢাকায় সেনা মোতায়েন করা হয়েছে। দুই দেশ চুক্তি সই করেছে। মন্ত্রী সফরে যাবেন। সাহায্য আসছে।"
LAYERS = ("ravi", "mita")


def _span(start: int, end: int, label: str, who: str = "ravi", sid: int = 0) -> Span:
    return Span(sid, 1, who, label, start, end, "", {}, "", "manual", "", "")


@pytest.fixture
def store() -> Store:
    s = Store(None)
    s.add_articles([ArticleDraft(text=TEXT), ArticleDraft(text="দ্বিতীয় খবর: সেনা পাঠানো হবে।")])
    return s


def _find(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


def test_compare_kinds() -> None:
    a = [_span(0, 5, "x"), _span(10, 15, "x"), _span(20, 25, "x"), _span(30, 35, "x")]
    b = [_span(0, 5, "x", "mita"), _span(10, 15, "y", "mita"), _span(21, 25, "x", "mita"),
         _span(40, 45, "y", "mita")]  # fmt: skip
    kinds = [(item.start, item.end, item.kind) for item in compare(1, a, b)]
    assert kinds == [
        (0, 5, "agreed"),
        (10, 15, "label"),
        (20, 25, "boundary"),
        (30, 35, "only_a"),
        (40, 45, "only_b"),
    ]


def test_compare_groups_chains_of_overlaps() -> None:
    a = [_span(0, 10, "x"), _span(18, 30, "x")]
    b = [_span(8, 20, "x", "mita")]
    items = compare(1, a, b)
    assert [(i.start, i.end, len(i.a), len(i.b)) for i in items] == [(0, 30, 2, 1)]
    assert items[0].kind == "boundary"


def test_touching_spans_are_separate_regions() -> None:
    items = compare(1, [_span(0, 5, "x")], [_span(5, 9, "x", "mita")])
    assert [i.kind for i in items] == ["only_a", "only_b"]


def test_label_and_boundary_both_differ_counts_as_label() -> None:
    items = compare(1, [_span(0, 5, "x")], [_span(2, 9, "y", "mita")])
    assert [i.kind for i in items] == ["label"]


@given(
    st.lists(
        st.tuples(st.integers(0, 40), st.integers(1, 10), st.sampled_from("xyz"), st.booleans()),
        max_size=12,
    )
)
@settings(max_examples=150, deadline=None)
def test_every_span_lands_in_exactly_one_region(raw: list[tuple[int, int, str, bool]]) -> None:
    spans = [
        _span(start, start + length, label, "ravi" if in_a else "mita", sid)
        for sid, (start, length, label, in_a) in enumerate(raw)
    ]
    a = [s for s in spans if s.annotator == "ravi"]
    b = [s for s in spans if s.annotator == "mita"]
    items = compare(1, a, b)
    placed = [s.id for item in items for s in item.a + item.b]
    assert sorted(placed) == sorted(s.id for s in spans)
    for first, second in zip(items, items[1:], strict=False):
        assert first.end <= second.start  # regions never overlap
    for item in items:
        assert all(item.start <= s.start and s.end <= item.end for s in item.a + item.b)
    same = compare(1, a, [Span(**{**s.__dict__, "annotator": "mita"}) for s in a])
    assert all(item.kind == "agreed" for item in same)


def _tag(store: Store, who: str, word: str, label: str) -> Span:
    start, end = _find(TEXT, word)
    return store.add_span(1, who, label, start, end, attrs={"certainty": "high"})


def test_accept_a_writes_gold_with_reviewer_and_leaves_layers_alone(store: Store) -> None:
    a = _tag(store, "ravi", "সেনা মোতায়েন", "troop_deployment")
    b = _tag(store, "mita", "সেনা মোতায়েন", "military_aid")
    item = article_items(store, 1, LAYERS)[0]
    assert item.kind == "label"
    decision = decide(store, item, "accept_a", "lead", LAYERS, comment="A is right")
    gold = store.spans(1, GOLD)
    assert [(g.label, g.start, g.end, g.text) for g in gold] == [
        ("troop_deployment", a.start, a.end, "সেনা মোতায়েন")
    ]
    assert gold[0].attrs == {
        "certainty": "high", "layer": "ravi", "reviewer": "lead", "decision": "accept_a"
    }  # fmt: skip
    assert decision.gold_span_ids == [gold[0].id]
    assert decision.reviewer == "lead" and decision.comment == "A is right"
    assert decision.a_spans[0]["id"] == a.id and decision.b_spans[0]["id"] == b.id
    assert store.spans(1, "ravi") == [a] and store.spans(1, "mita") == [b]
    assert store.review_status(1) == "in_review"


def test_deciding_again_replaces_the_earlier_ruling(store: Store) -> None:
    _tag(store, "ravi", "সেনা মোতায়েন", "troop_deployment")
    _tag(store, "mita", "সেনা মোতায়েন", "military_aid")
    item = article_items(store, 1, LAYERS)[0]
    decide(store, item, "accept_a", "lead", LAYERS)
    decide(store, item, "accept_both", "lead", LAYERS)
    assert sorted(g.label for g in store.spans(1, GOLD)) == ["military_aid", "troop_deployment"]
    decide(store, item, "reject", "lead", LAYERS)
    assert store.spans(1, GOLD) == []
    standing = store.decisions(1, LAYERS)
    assert [d.decision for d in standing] == ["reject"]


def test_edit_and_revoke(store: Store) -> None:
    _tag(store, "ravi", "সেনা মোতায়েন", "troop_deployment")
    _tag(store, "mita", "মোতায়েন", "troop_deployment")
    item = article_items(store, 1, LAYERS)[0]
    assert item.kind == "boundary"
    start, end = _find(TEXT, "ঢাকায় সেনা মোতায়েন")
    decision = decide(
        store, item, "edit", "lead", LAYERS, edited=[("troop_deployment", start, end)]
    )
    assert [g.text for g in store.spans(1, GOLD)] == ["ঢাকায় সেনা মোতায়েন"]
    store.revoke_decision(decision.id)
    assert store.spans(1, GOLD) == [] and store.decisions(1) == []
    with pytest.raises(ValueError, match="edit needs"):
        decide(store, item, "edit", "lead", LAYERS)


def test_adjudicate_copies_agreements_once(store: Store) -> None:
    _tag(store, "ravi", "চুক্তি", "treaty")
    _tag(store, "mita", "চুক্তি", "treaty")
    _tag(store, "ravi", "সফরে", "visit")
    assert adjudicate(store, 1, LAYERS, "lead") == 1
    assert accept_agreements(store, 1, LAYERS, "lead") == 0
    assert [g.label for g in store.spans(1, GOLD)] == ["treaty"]
    assert store.review_status(1) == "adjudicated"
    assert store.review_statuses() == {1: "adjudicated"}


def test_reviewer_cannot_be_gold_and_analyst_cannot_be_named_gold(store: Store) -> None:
    _tag(store, "ravi", "চুক্তি", "treaty")
    item = article_items(store, 1, LAYERS)[0]
    with pytest.raises(ValueError):
        decide(store, item, "accept_a", "Gold", LAYERS)
    with pytest.raises(ValueError, match="adjudicated layer"):
        store.add_annotator("gold")


def test_navigator_walks_disagreements_across_articles(store: Store) -> None:
    _tag(store, "ravi", "চুক্তি", "treaty")
    _tag(store, "mita", "চুক্তি", "treaty")  # agreed: skipped
    _tag(store, "ravi", "সেনা মোতায়েন", "troop_deployment")
    _tag(store, "mita", "সফরে", "visit")
    second = "দ্বিতীয় খবর: সেনা পাঠানো হবে।"
    s = second.index("সেনা")
    store.add_span(2, "mita", "troop_deployment", s, s + 4)
    nav = Navigator(store, LAYERS, [1, 2])
    first = nav.step(None, None)
    assert first is not None and first.kind == "only_a" and first.article_id == 1
    nxt = nav.step(1, first.start)
    assert nxt is not None and nxt.kind == "only_b" and nxt.a == ()
    third = nav.step(1, nxt.start)
    assert third is not None and third.article_id == 2
    assert nav.step(2, third.start) is None
    back = nav.step(2, third.start, forward=False)
    assert back == nxt
    assert nav.step(None, None, forward=False) == third


def test_comments_are_kept(store: Store) -> None:
    span = _tag(store, "ravi", "চুক্তি", "treaty")
    comment = store.add_comment(1, "lead", "  কোন চুক্তি?  ", span.start, span.end, span.id)
    assert comment.body == "কোন চুক্তি?" and comment.span_id == span.id
    store.add_comment(1, "lead", "region note", 0, 5)
    assert [c.body for c in store.comments(1)] == ["region note", "কোন চুক্তি?"]
    with pytest.raises(ValueError):
        store.add_comment(1, "lead", "   ", 0, 1)
    store.delete_span(span.id)
    assert store.comments(1)[1].span_id is None  # the comment outlives its span
    store.delete_comment(comment.id)
    assert [c.body for c in store.comments(1)] == ["region note"]


def test_replace_layer_keeps_ids_and_updates(store: Store) -> None:
    mine = _tag(store, "me", "চুক্তি", "treaty")
    s, e = _find(TEXT, "সফরে")
    rows = [("visit", s, e, {"c": 1}, "", "project:x", "t0", "t0")]
    assert store.replace_layer(1, "ravi", rows) == (1, 0)
    first = store.spans(1, "ravi")[0]
    rows2 = [("visit", s, e, {"c": 2}, "n", "project:x", "t0", "t1"),
             ("treaty", *_find(TEXT, "চুক্তি"), {}, "", "project:x", "t0", "t0")]  # fmt: skip
    assert store.replace_layer(1, "ravi", rows2) == (1, 0)
    again = {sp.label: sp for sp in store.spans(1, "ravi")}
    assert again["visit"].id == first.id and again["visit"].attrs == {"c": 2}
    assert store.replace_layer(1, "ravi", rows2[1:]) == (0, 1)
    assert [sp.label for sp in store.spans(1, "ravi")] == ["treaty"]
    assert store.spans(1, "me") == [mine]
    assert store.layers() == ["me", "ravi"]


def test_comments_and_review_status_round_trip_through_jsonl(store: Store, tmp_path) -> None:
    import orjson

    from annotator.export import export
    from annotator.ingest.annotations import import_annotations

    span = _tag(store, "ravi", "চুক্তি", "treaty")
    store.add_comment(1, "lead", "কোন চুক্তি?", span.start, span.end, span.id)
    store.set_review_status(1, "adjudicated", "lead")
    out = tmp_path / "all.jsonl"
    export(store, "jsonl", out)
    first = orjson.loads(out.read_bytes().splitlines()[0])
    assert first["review_status"] == "adjudicated"
    assert [(c["author"], c["body"], c["start"], c["span_id"]) for c in first["comments"]] == [
        ("lead", "কোন চুক্তি?", span.start, span.id)
    ]
    target = Store(None)
    for _ in range(2):  # importing twice adds nothing
        report = import_annotations(target, [out], "jsonl")
        assert not report.problems
    [comment] = target.comments(1)
    assert (comment.author, comment.body, comment.start, comment.end) == (
        "lead", "কোন চুক্তি?", span.start, span.end
    )  # fmt: skip
    assert target.review_status(1) == "adjudicated"
