"""Settling a compared relation into the gold layer: the gold relation joins the gold copies
of its head and tail spans (same article, start, end and label), so the spans are accepted
first, through the review rulings. One undoable action."""

from __future__ import annotations

from dataclasses import dataclass

from annotator.actions import Change, ChangeKind
from annotator.models import GOLD, Relation, Span
from annotator.relation_agreement import RelationItem
from annotator.store import Store

NEED_GOLD_SPANS = "Accept its {which} span into gold first (its relation joins gold spans)."
ALREADY_GOLD = "Gold already has this relation."


def gold_copy(store: Store, span: Span) -> Span | None:
    """The gold layer's span at `span`'s place with its label, if gold has one."""
    place = (span.start, span.end, span.label)
    return next((s for s in store.spans(span.article_id, GOLD)
                 if (s.start, s.end, s.label) == place), None)  # fmt: skip


def gold_relation_of(store: Store, item: RelationItem) -> Relation | None:
    """Gold's relation matching `item` (same type between the gold copies), if any."""
    head, tail = store.span(item.relation.head), store.span(item.relation.tail)
    if head is None or tail is None:
        return None
    gold_head, gold_tail = gold_copy(store, head), gold_copy(store, tail)
    if gold_head is None or gold_tail is None:
        return None
    return next((r for r in store.relations_of_spans([gold_head.id])
                 if r.annotator == GOLD and (r.type, r.head, r.tail)
                 == (item.type, gold_head.id, gold_tail.id)), None)  # fmt: skip


@dataclass
class AcceptGoldRelation:
    """Put one compared relation (A's or B's) into the gold layer."""

    reviewer: str
    item: RelationItem
    relation: Relation | None = None

    @property
    def description(self) -> str:
        """Menu text."""
        return "Accept relation into gold"

    def apply(self, store: Store) -> Change:
        """Store the gold relation (ValueError, one line, when its spans are not in gold or
        gold has it already); a redo puts back the same row."""
        with store.transaction():
            if self.relation is not None:
                store.restore_relations([self.relation])
                return Change(self.relation.article_id, ChangeKind.RELATIONS)
            source = self.item.relation
            head, tail = store.span(source.head), store.span(source.tail)
            if head is None or tail is None:
                raise ValueError("this relation's spans are gone")
            gold_head, gold_tail = gold_copy(store, head), gold_copy(store, tail)
            if gold_head is None or gold_tail is None:
                raise ValueError(NEED_GOLD_SPANS.format(which="head" if gold_head is None
                                                        else "tail"))  # fmt: skip
            if gold_relation_of(store, self.item) is not None:
                raise ValueError(ALREADY_GOLD)
            attrs = {**source.attrs, "layer": source.annotator, "reviewer": self.reviewer}
            self.relation = store.add_relation(GOLD, source.type, gold_head.id, gold_tail.id,
                                               attrs)  # fmt: skip
        return Change(self.relation.article_id, ChangeKind.RELATIONS)

    def revert(self, store: Store) -> Change:
        """Delete the gold relation again."""
        assert self.relation is not None
        store.delete_relation(self.relation.id)
        return Change(self.relation.article_id, ChangeKind.RELATIONS)
