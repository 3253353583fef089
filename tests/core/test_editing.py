"""Editing rules decided in the core: what a label key or a resize key does."""

from __future__ import annotations

from annotator.actions import AddSpan, EditSpan
from annotator.editing import ALREADY_LABELLED, NEED_SELECTION, plan_resize, plan_tag
from annotator.models import Span

TEXT = "ভারতীয় সেনা ঢাকায় পৌঁছেছে"


def _span(id_, start, end, label="visit", who="rahim"):
    return Span(id_, 1, who, label, start, end, TEXT[start:end], {}, "", "manual", "", "")


def test_a_selection_is_tagged():
    plan = plan_tag(1, "rahim", "visit", (0, 6), None, [])
    assert plan.refusal is None
    assert isinstance(plan.action, AddSpan)
    assert (plan.action.start, plan.action.end, plan.action.label) == (0, 6, "visit")


def test_no_selection_and_no_own_span_is_refused_with_a_reason():
    assert plan_tag(1, "rahim", "visit", (3, 3), None, []).refusal == NEED_SELECTION
    theirs = _span(7, 0, 6, who="karim")
    plan = plan_tag(1, "rahim", "treaty", (3, 3), theirs, [theirs])
    assert plan.refusal == NEED_SELECTION and plan.action is None


def test_no_selection_relabels_the_current_own_span():
    own = _span(7, 0, 6)
    plan = plan_tag(1, "rahim", "treaty", (2, 2), own, [own])
    assert isinstance(plan.action, EditSpan)
    assert plan.action.changes == {"label": "treaty"} and plan.action.span_id == 7
    same = plan_tag(1, "rahim", "visit", (2, 2), own, [own])
    assert same.action is None and same.refusal is None


def test_selecting_exactly_the_current_span_relabels_it():
    own = _span(7, 0, 6)
    plan = plan_tag(1, "rahim", "treaty", (0, 6), own, [own])
    assert isinstance(plan.action, EditSpan)


def test_the_same_words_with_the_same_label_are_refused():
    own = _span(7, 0, 6)
    plan = plan_tag(1, "rahim", "visit", (0, 6), None, [own])
    assert plan.refusal == ALREADY_LABELLED and plan.action is None
    other_label = plan_tag(1, "rahim", "treaty", (0, 6), None, [own])
    assert isinstance(other_label.action, AddSpan)
    colleague = plan_tag(1, "karim", "visit", (0, 6), None, [own])
    assert isinstance(colleague.action, AddSpan)


def test_resizing_moves_an_edge_by_a_word_and_never_empties_the_span():
    own = _span(7, 0, 7)
    grow = plan_resize(TEXT, own, "rahim", "end", True, by_words=True)
    assert isinstance(grow.action, EditSpan) and grow.action.changes == {"end": 12}
    shrink = plan_resize(TEXT, own, "rahim", "end", False, by_words=True)
    assert shrink.action is None and shrink.refusal is None
    assert plan_resize(TEXT, _span(8, 0, 6, who="karim"), "rahim", "end", True, True) is None
    assert plan_resize(TEXT, None, "rahim", "start", True, True) is None
