import pytest

from annotator.actions import AddSpan, EditSpan, RemoveSpan, SetDocLabel, SetStatus
from annotator.history import History
from annotator.models import ArticleDraft
from annotator.store import Store

TEXT = "😀 উত্তর কোরিয়া রাশিয়ায় আনুমানিক ১১ হাজার সৈন্য পাঠিয়েছে।"


@pytest.fixture
def setup():
    with Store() as store:
        [res] = store.add_articles([ArticleDraft(text=TEXT, title="t")])
        yield store, History(store), res.id


def rows(store, article_id):
    return [(s.label, s.start, s.end, s.text, s.attrs, s.note) for s in store.spans(article_id)]


def test_add_undo_redo_keeps_database_consistent(setup):
    store, history, aid = setup
    start = TEXT.index("রাশিয়ায়")
    change = history.do(AddSpan(aid, "rahim", "troop_deployment", start, len(TEXT) - 1))
    [span] = store.spans(aid)
    assert change.span_ids == (span.id,)
    assert span.text == "রাশিয়ায় আনুমানিক ১১ হাজার সৈন্য পাঠিয়েছে"
    assert history.undo_text() == "Tag troop_deployment"
    history.undo()
    assert store.spans(aid) == []
    history.redo()
    assert store.spans(aid) == [span]  # same id, same times


def test_edit_and_remove_undo(setup):
    store, history, aid = setup
    history.do(AddSpan(aid, "rahim", "visit", 2, 7))
    before = rows(store, aid)
    sid = store.spans(aid)[0].id
    history.do(
        EditSpan(sid, "rahim", {"label": "treaty", "end": 15, "attrs": {"certainty": "reported"}})
    )
    assert rows(store, aid)[0][:3] == ("treaty", 2, 15)
    assert rows(store, aid)[0][4] == {"certainty": "reported"}
    history.do(RemoveSpan(sid, "rahim"))
    assert store.spans(aid) == []
    history.undo()
    history.undo()
    assert rows(store, aid) == before
    history.redo()
    history.redo()
    assert store.spans(aid) == []
    assert not history.can_redo


def test_new_action_clears_redo(setup):
    store, history, aid = setup
    history.do(AddSpan(aid, "rahim", "visit", 2, 7))
    history.undo()
    history.do(AddSpan(aid, "rahim", "treaty", 2, 7))
    assert not history.can_redo
    assert [s.label for s in store.spans(aid)] == ["treaty"]


def test_other_annotators_spans_cannot_be_changed(setup):
    store, history, aid = setup
    other = store.add_span(aid, "karim", "visit", 2, 7)
    with pytest.raises(PermissionError):
        history.do(RemoveSpan(other.id, "rahim"))
    with pytest.raises(PermissionError):
        history.do(EditSpan(other.id, "rahim", {"label": "treaty"}))
    assert store.spans(aid) == [other]
    assert not history.can_undo


def test_status_and_doc_labels_undo(setup):
    store, history, aid = setup
    history.do(SetStatus(aid, "rahim", "done"))
    assert store.status(aid, "rahim") == "done"
    assert store.progress("rahim") == (1, 1)
    assert store.status(aid, "karim") == "todo"
    history.undo()
    assert store.status(aid, "rahim") == "todo"
    history.do(SetDocLabel(aid, "rahim", "support_statement", True))
    assert store.doc_labels(aid) == [("rahim", "support_statement")]
    history.undo()
    assert store.doc_labels(aid) == []


def test_edit_outside_text_is_refused_and_nothing_changes(setup):
    store, history, aid = setup
    history.do(AddSpan(aid, "rahim", "visit", 2, 7))
    sid = store.spans(aid)[0].id
    with pytest.raises(ValueError):
        history.do(EditSpan(sid, "rahim", {"end": 10_000}))
    assert rows(store, aid)[0][1:3] == (2, 7)


def test_each_action_says_which_part_of_the_article_it_changed(tmp_path):
    from annotator.actions import AddSpan, ChangeKind, SetStatus
    from annotator.models import ArticleDraft
    from annotator.store import Store

    with Store(tmp_path / "kinds.db") as store:
        article = store.add_articles([ArticleDraft(text="ভারত ও চীন", title="t")])[0].id
        add = AddSpan(article, "rahim", "visit", 0, 4)
        assert add.apply(store).kind is ChangeKind.SPANS
        assert add.revert(store).kind is ChangeKind.SPANS
        assert SetStatus(article, "rahim", "done").apply(store).kind is ChangeKind.STATUS


def test_the_first_tag_marks_the_article_in_progress_and_its_undo_puts_it_back(tmp_path):
    from annotator.actions import AddSpan, EditSpan
    from annotator.history import History
    from annotator.models import ArticleDraft
    from annotator.store import Store

    with Store(tmp_path / "status.db") as store:
        first, second = (
            r.id
            for r in store.add_articles(
                [ArticleDraft(text="ভারত ও চীন", title="a"), ArticleDraft(text="ঢাকা সফর", title="b")]
            )
        )
        history = History(store)
        history.do(AddSpan(first, "rahim", "visit", 0, 4))
        assert store.status(first, "rahim") == "in_progress"
        history.undo()
        assert store.status(first, "rahim") == "todo"
        history.redo()
        assert store.status(first, "rahim") == "in_progress"
        store.set_status(second, "rahim", "done")
        span = store.add_span(second, "rahim", "visit", 0, 4)
        history.do(EditSpan(span.id, "rahim", {"label": "treaty"}))
        assert store.status(second, "rahim") == "done"
        assert store.status(first, "karim") == "todo"
