"""Review rulings, adjudication, comments and scheme saves as undoable actions (no Qt).

"The same" means byte for byte: every row of the tables an action may touch, with its rowid
and each value as SQLite quotes it. `sqlite_sequence` is left out on purpose: span ids are
AUTOINCREMENT so that an id freed by an undo is never handed out again.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.actions import (
    AddComment,
    Adjudicate,
    ChangeKind,
    RecordRuling,
    SaveScheme,
)
from annotator.history import History
from annotator.models import GOLD, ArticleDraft
from annotator.review import article_items, open_counts, open_disagreements
from annotator.store import StaleRowsError, Store

TEXT = "ঢাকায় সেনা মোতায়েন করা হয়েছে। দুই দেশ চুক্তি সই করেছে। মন্ত্রী সফরে যাবেন। সাহায্য আসছে।"
LAYERS = ("ravi", "mita")
REVIEW_TABLES = ("spans", "review_decisions", "review_status")
ALL_TABLES = (*REVIEW_TABLES, "comments", "labels", "article_status", "doc_labels")


def table_bytes(store: Store, table: str) -> list[tuple[str, ...]]:
    """Every row of `table` as SQLite quotes it, rowid first, in rowid order."""
    columns = [row[1] for row in store.db.execute(f"PRAGMA table_info({table})")]
    quoted = ", ".join(f'quote("{c}")' for c in columns)
    return store.db.execute(f"SELECT rowid, {quoted} FROM {table} ORDER BY rowid").fetchall()


def dump(store: Store, tables=ALL_TABLES) -> dict[str, list[tuple[str, ...]]]:
    return {table: table_bytes(store, table) for table in tables}


def _at(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


@pytest.fixture
def setup():
    """Two layers that agree on one region, disagree on three, and one layer alone on one."""
    with Store() as store:
        [res] = store.add_articles([ArticleDraft(text=TEXT, title="t")])
        aid = res.id
        for who, label, words in [
            ("ravi", "troop_deployment", "সেনা মোতায়েন"),
            ("mita", "troop_deployment", "সেনা মোতায়েন"),  # agreed
            ("ravi", "treaty", "চুক্তি সই"),
            ("mita", "visit", "চুক্তি সই"),  # label
            ("ravi", "visit", "মন্ত্রী সফরে"),
            ("mita", "visit", "সফরে"),  # boundary
            ("mita", "military_aid", "সাহায্য"),  # only B
        ]:
            store.add_span(aid, who, label, *_at(words), attrs={"certainty": "reported"})
        yield store, History(store), aid


def disagreements(store: Store, aid: int):
    return [item for item in article_items(store, aid, LAYERS) if item.is_disagreement]


def test_ruling_undo_leaves_the_review_tables_byte_for_byte(setup) -> None:
    store, history, aid = setup
    before = dump(store)
    item = disagreements(store, aid)[0]
    change = history.do(RecordRuling(item, "accept_a", "lead", LAYERS))
    assert change.kind is ChangeKind.RULING and change.region == item.region
    assert history.undo_text() == "Accept A"
    [gold] = store.spans(aid, GOLD)
    assert (gold.label, gold.attrs["decision"]) == (item.a[0].label, "accept_a")
    assert store.review_status(aid) == "in_review"
    after = dump(store)

    assert history.undo().region == item.region
    assert dump(store) == before
    history.redo()
    assert dump(store) == after  # the very same decision row and gold span, same ids
    history.undo()
    assert dump(store) == before


def test_undoing_a_second_ruling_brings_back_the_one_it_replaced(setup) -> None:
    store, history, aid = setup
    item = disagreements(store, aid)[0]
    start = dump(store)
    history.do(RecordRuling(item, "accept_both", "lead", LAYERS))
    first = dump(store)
    history.do(RecordRuling(item, "reject", "lead", LAYERS, comment="দুটোই ভুল"))
    assert store.spans(aid, GOLD) == []
    [standing] = store.decisions(aid, LAYERS)
    assert (standing.decision, standing.comment) == ("reject", "দুটোই ভুল")

    history.undo()
    assert dump(store) == first
    assert [d.decision for d in store.decisions(aid, LAYERS)] == ["accept_both"]
    history.undo()
    assert dump(store) == start


def test_edit_ruling_and_a_refused_one(setup) -> None:
    store, history, aid = setup
    item = disagreements(store, aid)[1]
    before = dump(store)
    with pytest.raises(ValueError, match="at least one span"):
        history.do(RecordRuling(item, "edit", "lead", LAYERS))
    with pytest.raises(ValueError, match="outside text"):
        history.do(RecordRuling(item, "edit", "lead", LAYERS, (("visit", 0, len(TEXT) + 5),)))
    assert dump(store) == before and not history.can_undo
    history.do(RecordRuling(item, "edit", "lead", LAYERS, (("visit", *_at("দুই দেশ চুক্তি সই")),)))
    assert [g.text for g in store.spans(aid, GOLD)] == ["দুই দেশ চুক্তি সই"]
    history.undo()
    assert dump(store) == before


def test_adjudicate_undo(setup) -> None:
    store, history, aid = setup
    store.set_review_status(aid, "in_review", "someone")  # a status row to put back exactly
    before = dump(store)
    action = Adjudicate(aid, LAYERS, "lead")
    change = history.do(action)
    assert change.kind is ChangeKind.RULING and action.copied == 1
    assert store.review_status(aid) == "adjudicated"
    assert [g.label for g in store.spans(aid, GOLD)] == ["troop_deployment"]
    history.undo()
    assert dump(store) == before
    history.redo()
    assert store.review_status(aid) == "adjudicated" and action.copied == 1


def test_comment_undo_redo(setup) -> None:
    store, history, aid = setup
    item = disagreements(store, aid)[0]
    before = dump(store)
    span_id = item.a[0].id
    change = history.do(AddComment(aid, "lead", "  সীমানা নিয়ে প্রশ্ন ", *item.region, span_id))
    assert change.kind is ChangeKind.COMMENT and history.undo_text() == "Add comment"
    [comment] = store.comments(aid)
    assert (comment.body, comment.span_id) == ("সীমানা নিয়ে প্রশ্ন", span_id)
    after = dump(store)
    history.undo()
    assert dump(store) == before
    history.redo()
    assert dump(store) == after and store.comments(aid) == [comment]
    with pytest.raises(ValueError, match="empty"):
        history.do(AddComment(aid, "lead", "   ", 0, 1))
    assert dump(store) == after


def test_scheme_save_undo_restores_every_field_and_the_order(setup) -> None:
    store, history, aid = setup
    before = dump(store)
    labels = store.labels()
    first, second = labels[0], labels[1]
    edited = [
        replace(second, position=0, name="Renamed", color="#123456", shortcut="1"),
        replace(first, position=1, retired=True, shortcut=None, guideline="আর নয়"),
        *labels[2:],
        replace(labels[-1], key="sanctions", name="Sanctions", shortcut=None, position=len(labels)),
    ]
    change = history.do(SaveScheme(edited))
    assert change.kind is ChangeKind.SCHEME and change.article_id is None
    saved = {label.key: label for label in store.labels()}
    assert saved[first.key].retired and saved["sanctions"].name == "Sanctions"
    assert [label.key for label in store.labels()][:2] == [second.key, first.key]
    after = dump(store)

    history.undo()
    assert dump(store) == before
    assert store.labels() == labels
    history.redo()
    assert dump(store) == after


def test_a_clashing_scheme_is_refused_and_changes_nothing(setup) -> None:
    store, history, _aid = setup
    before = dump(store)
    labels = store.labels()
    clash = [replace(labels[1], shortcut=labels[0].shortcut)]
    with pytest.raises(ValueError, match="shortcut"):
        history.do(SaveScheme(clash))
    assert dump(store) == before and not history.can_undo


def test_undo_refuses_when_another_program_changed_the_rows(setup, tmp_path) -> None:
    store, history, aid = setup
    item = disagreements(store, aid)[0]
    history.do(RecordRuling(item, "accept_a", "lead", LAYERS))
    [gold] = store.spans(aid, GOLD)
    store.set_review_status(aid, "adjudicated", "other")  # someone else, after the ruling
    changed = dump(store)
    with pytest.raises(StaleRowsError, match="the review status changed since"):
        history.undo()
    assert dump(store) == changed and history.can_undo
    assert store.span(gold.id) == gold


def test_open_disagreements_and_counts(setup) -> None:
    store, history, aid = setup
    items = article_items(store, aid, LAYERS)
    assert len(open_disagreements(store, aid, LAYERS)) == 3
    assert open_counts(store, LAYERS, {aid: items}) == {aid: 3}
    first = disagreements(store, aid)[0]
    history.do(RecordRuling(first, "reject", "lead", LAYERS))
    still = open_disagreements(store, aid, LAYERS, items)
    assert first not in still and len(still) == 2
    assert open_counts(store, LAYERS, {aid: items}) == {aid: 2}
    assert open_counts(store, ("mita", "ravi"), {aid: items}) == {aid: 3}  # other layer order
    history.undo()
    assert open_counts(store, LAYERS, {aid: items}) == {aid: 3}


RULINGS = ("accept_a", "accept_b", "accept_both", "reject")


@settings(max_examples=40)
@given(
    steps=st.lists(
        st.one_of(
            st.tuples(st.just("rule"), st.integers(0, 3), st.sampled_from(RULINGS)),
            st.tuples(st.just("adjudicate"), st.just(0), st.just("")),
            st.tuples(st.just("comment"), st.integers(0, 3), st.text(min_size=1, max_size=8)),
        ),
        min_size=1,
        max_size=8,
    )
)
def test_any_run_of_review_actions_undoes_to_the_start_and_redoes_to_the_end(steps) -> None:
    with Store() as store:
        [res] = store.add_articles([ArticleDraft(text=TEXT, title="t")])
        aid = res.id
        for who, label, words in [
            ("ravi", "treaty", "চুক্তি সই"), ("mita", "visit", "চুক্তি সই"),
            ("ravi", "visit", "মন্ত্রী সফরে"), ("mita", "visit", "সফরে"),
            ("mita", "military_aid", "সাহায্য"), ("ravi", "treaty", "সেনা"),
            ("mita", "treaty", "সেনা"),
        ]:  # fmt: skip
            store.add_span(aid, who, label, *_at(words))
        history = History(store)
        items = article_items(store, aid, LAYERS)
        start = dump(store)
        done = 0
        for what, index, value in steps:
            item = items[index % len(items)]
            if what == "rule":
                action = RecordRuling(item, value, "lead", LAYERS)
            elif what == "adjudicate":
                action = Adjudicate(aid, LAYERS, "lead")
            elif value.strip():
                action = AddComment(aid, "lead", value, *item.region)
            else:
                continue
            history.do(action)
            done += 1
        end = dump(store)
        for _ in range(done):
            history.undo()
        assert dump(store) == start
        for _ in range(done):
            history.redo()
        assert dump(store) == end
