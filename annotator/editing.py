"""Editing rules: what a label key or a resize key does to the open article, decided without Qt.

The window asks (`plan_tag`, `plan_resize`) and shows the answer: an action to apply through
History, or a refusal with the reason to put in the status bar, or nothing to do.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from annotator.actions import AddSpan, EditSpan
from annotator.models import Span
from annotator.text import step_boundary

NEED_SELECTION = "Select some words first, then press a label key."
ALREADY_LABELLED = "These words already carry that label."
NEED_OWN_SPAN = "Select one of your spans first."


@dataclass(frozen=True)
class Plan:
    """The answer to a key: `action` to apply, or `refusal` to show; both None: nothing to do."""

    action: AddSpan | EditSpan | None = None
    refusal: str | None = None


def plan_tag(
    article_id: int,
    annotator: str,
    label: str,
    selection: tuple[int, int],
    current: Span | None,
    spans: Iterable[Span],
) -> Plan:
    """What pressing `label`'s key does: tag the selection, relabel the current span (when
    nothing is selected, or the selection is exactly that span), or refuse.

    Only the annotator's own spans are relabelled; the same words with the same label twice
    are refused.
    """
    start, end = selection
    own = current is not None and current.annotator == annotator
    if start >= end:
        if not own:
            return Plan(refusal=NEED_SELECTION)
        return _relabel(current, annotator, label)
    if own and (current.start, current.end) == (start, end):
        return _relabel(current, annotator, label)
    if any((s.start, s.end, s.label, s.annotator) == (start, end, label, annotator) for s in spans):
        return Plan(refusal=ALREADY_LABELLED)
    return Plan(action=AddSpan(article_id, annotator, label, start, end))


def _relabel(span: Span | None, annotator: str, label: str) -> Plan:
    if span is None or span.label == label:
        return Plan()
    return Plan(action=EditSpan(span.id, annotator, {"label": label}))


def plan_resize(
    text: str, span: Span | None, annotator: str, edge: str, forward: bool, by_words: bool
) -> Plan | None:
    """Move the current span's `edge` ("start" or "end") one word (or cluster) on.

    None when there is no own span to resize (the key is not ours); an empty plan when the
    edge cannot move (it would empty the span, or it is at the text's end).
    """
    if span is None or span.annotator != annotator:
        return None
    if edge == "end":
        new_end = step_boundary(text, span.end, forward, by_words, "end")
        if new_end <= span.start or new_end == span.end:
            return Plan()
        return Plan(action=EditSpan(span.id, annotator, {"end": new_end}))
    new_start = step_boundary(text, span.start, forward, by_words, "start")
    if new_start >= span.end or new_start == span.start:
        return Plan()
    return Plan(action=EditSpan(span.id, annotator, {"start": new_start}))


def plan_certainty(span: Span | None, annotator: str, value: str) -> Plan:
    """What a certainty key does: set the current span's certainty to `value` (one of
    `scheme.CERTAINTY`), keeping its other attributes; refused without an own span, nothing
    to do when it already has that certainty."""
    if span is None or span.annotator != annotator:
        return Plan(refusal=NEED_OWN_SPAN)
    if span.attrs.get("certainty") == value:
        return Plan()
    return Plan(action=EditSpan(span.id, annotator, {"attrs": {**span.attrs, "certainty": value}}))
