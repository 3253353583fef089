"""Claim frames: a claim span with the role slots its relations fill (agent, target, location,
time, source, same event). Read from spans and relations; no Qt, no store writes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from annotator.models import Relation, Span
from annotator.relation_scheme import RelationTypeDef
from annotator.scheme import LabelDef


@dataclass
class Slot:
    """One role of a frame: its type and what fills it (spans, with the relation of each)."""

    kind: RelationTypeDef
    fillers: list[tuple[Relation, Span | None]] = field(default_factory=list)

    @property
    def filled(self) -> bool:
        """Whether any span fills it."""
        return bool(self.fillers)


@dataclass
class Frame:
    """A claim span and its slots, in the scheme's order of relation types."""

    claim: Span
    slots: list[Slot]

    def slot(self, key: str) -> Slot | None:
        """The slot of relation type `key`, if the claim's label has one."""
        return next((s for s in self.slots if s.kind.key == key), None)

    def fillers(self, key: str) -> list[Span]:
        """The spans filling slot `key` (those in view)."""
        slot = self.slot(key)
        return [span for _, span in slot.fillers if span is not None] if slot else []


def claim_keys(labels: Iterable[LabelDef], types: Iterable[RelationTypeDef]) -> set[str]:
    """Label keys that head a frame: labels of category "claim", and any label a live
    relation type names as a head."""
    keys = {label.key for label in labels if label.category == "claim" and not label.retired}
    for kind in types:
        if not kind.retired:
            keys.update(kind.heads)
    return keys


def slot_types(label: str, types: Iterable[RelationTypeDef]) -> list[RelationTypeDef]:
    """The live relation types a span labelled `label` may head, in scheme order."""
    return [k for k in types if not k.retired and (not k.heads or label in k.heads)]


def build_frames(
    spans: Iterable[Span],
    relations: Iterable[Relation],
    labels: Iterable[LabelDef],
    types: Iterable[RelationTypeDef],
    annotator: str | None = None,
    others: Iterable[Span] = (),
) -> list[Frame]:
    """The frames of an article's claim spans (of one annotator when given), by position.

    `others` are spans outside the article that a cross-article relation may name (fillers
    not found anywhere are kept with `None`, so a count never silently drops one).
    """
    types = list(types)
    spans = [s for s in spans if annotator is None or s.annotator == annotator]
    by_id = {s.id: s for s in spans}
    by_id.update({s.id: s for s in others})
    heads = claim_keys(labels, types)
    by_head: dict[int, list[Relation]] = {}
    for relation in relations:
        by_head.setdefault(relation.head, []).append(relation)
    frames = []
    for span in sorted(spans, key=lambda s: (s.start, s.end, s.id)):
        if span.label not in heads:
            continue
        slots = [Slot(kind) for kind in slot_types(span.label, types)]
        index = {slot.kind.key: slot for slot in slots}
        for relation in by_head.get(span.id, []):
            slot = index.get(relation.type)
            if slot is None:  # a type the label no longer heads: still shown
                known = next((k for k in types if k.key == relation.type), None)
                slot = Slot(known or RelationTypeDef(relation.type, relation.type))
                index[relation.type] = slot
                slots.append(slot)
            slot.fillers.append((relation, by_id.get(relation.tail)))
        for slot in slots:
            slot.fillers.sort(key=lambda f: (f[1].start if f[1] else -1, f[0].id))
        frames.append(Frame(span, slots))
    return frames
