"""User actions on claim frames: relations between spans, relation types, the actor register,
and tagging many occurrences at once. Each applies itself in one transaction and knows its
inverse, like those of `actions.py`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from annotator.actions import Change, ChangeKind, RowCopies, _own
from annotator.models import Actor, Relation, Span
from annotator.relation_scheme import RelationTypeDef
from annotator.store import Store
from annotator.store.actors import ACTOR_ATTR
from annotator.store.base import now_iso

NOT_ALLOWED = "A {kind} link cannot join a {head} span to a {tail} span."
NOT_SAME_LAYER = "Both spans must be your own to link them."
ALREADY_LINKED = "These two spans are already linked that way."
CROSS_ARTICLE = "Only a cross-article type (such as same event) may join spans of two articles."


class LinkRefused(ValueError):
    """A relation the scheme or the layers do not allow; the message is one line."""


def check_link(store: Store, annotator: str, type_: str, head: Span, tail: Span) -> None:
    """Raise LinkRefused unless `annotator` may link `head` to `tail` with `type_`."""
    if head.annotator != annotator or tail.annotator != annotator:
        raise LinkRefused(NOT_SAME_LAYER)
    kinds = {kind.key: kind for kind in store.relation_types()}
    kind = kinds.get(type_)
    if kind is None or kind.retired:
        raise LinkRefused(f"No relation type {type_!r} in the scheme.")
    if head.article_id != tail.article_id and not kind.cross_article:
        raise LinkRefused(CROSS_ARTICLE)
    if not kind.allows(head.label, tail.label):
        raise LinkRefused(NOT_ALLOWED.format(kind=kind.name, head=head.label, tail=tail.label))
    for known in store.relations_of_spans([head.id]):
        if (known.annotator, known.type, known.head, known.tail) == (
            annotator,
            type_,
            head.id,
            tail.id,
        ):
            raise LinkRefused(ALREADY_LINKED)


def _change(relation: Relation) -> Change:
    return Change(relation.article_id, ChangeKind.RELATIONS)


@dataclass
class AddRelation:
    """Link one of the annotator's spans (`head`, e.g. a claim) to another (`tail`, e.g. the
    actor that fills its `agent` slot)."""

    annotator: str
    type: str
    head: int
    tail: int
    attrs: dict[str, Any] = field(default_factory=dict)
    relation: Relation | None = None

    @property
    def description(self) -> str:
        """Menu text."""
        return f"Link {self.type}"

    def apply(self, store: Store) -> Change:
        """Store the relation, checked against the scheme (a redo puts back the same row)."""
        with store.transaction():
            if self.relation is None:
                head = _own(store, self.head, self.annotator)
                tail = _own(store, self.tail, self.annotator)
                check_link(store, self.annotator, self.type, head, tail)
                self.relation = store.add_relation(
                    self.annotator, self.type, self.head, self.tail, self.attrs
                )
            else:
                store.restore_relations([self.relation])
        return _change(self.relation)

    def revert(self, store: Store) -> Change:
        """Delete it again."""
        assert self.relation is not None
        store.delete_relation(self.relation.id)
        return _change(self.relation)


@dataclass
class RemoveRelation:
    """Delete one of the annotator's relations."""

    relation_id: int
    annotator: str
    relation: Relation | None = None

    @property
    def description(self) -> str:
        """Menu text."""
        return "Remove link"

    def apply(self, store: Store) -> Change:
        """Delete it, remembering it whole."""
        with store.transaction():
            found = store.relation(self.relation_id)
            if found is None:
                raise KeyError(f"no relation {self.relation_id}")
            if found.annotator != self.annotator:
                raise PermissionError(f"this link belongs to {found.annotator}")
            self.relation = store.delete_relation(self.relation_id)
        return _change(self.relation)

    def revert(self, store: Store) -> Change:
        """Put it back with its id."""
        assert self.relation is not None
        store.restore_relations([self.relation])
        return _change(self.relation)


@dataclass
class SaveRelationTypes:
    """Save edited relation types (`Store.save_relation_types`: by key, none deleted)."""

    types: list[RelationTypeDef]
    rows: RowCopies = field(default_factory=RowCopies)

    @property
    def description(self) -> str:
        """Menu text."""
        return "Change relation types"

    def apply(self, store: Store) -> Change:
        """Save them (a redo puts back the very same rows)."""
        self.rows.apply(
            store, store.relation_type_rows, lambda: store.save_relation_types(self.types)
        )
        return Change(None, ChangeKind.SCHEME)

    def revert(self, store: Store) -> Change:
        """Put the relation types back exactly."""
        self.rows.revert(store)
        return Change(None, ChangeKind.SCHEME)


@dataclass
class SaveActors:
    """Add or edit register entries (by id), e.g. from the register dialog or a CSV file."""

    actors: list[Actor]
    remove: tuple[str, ...] = ()
    rows: RowCopies = field(default_factory=RowCopies)

    @property
    def description(self) -> str:
        """Menu text."""
        if self.remove and not self.actors:
            return "Remove actor"
        return "Add actor" if len(self.actors) == 1 else "Change actor register"

    def apply(self, store: Store) -> Change:
        """Save (and remove) them (a redo puts back the very same rows)."""

        def write() -> None:
            store.save_actors(self.actors)
            for actor_id in self.remove:
                store.delete_actor(actor_id)

        self.rows.apply(store, store.actor_rows, write)
        return Change(None, ChangeKind.ACTORS)

    def revert(self, store: Store) -> Change:
        """Put the register back exactly."""
        self.rows.revert(store)
        return Change(None, ChangeKind.ACTORS)


@dataclass(frozen=True)
class Occurrence:
    """One place to tag: `[start, end)` of an article."""

    article_id: int
    start: int
    end: int


@dataclass
class TagOccurrences:
    """Tag many occurrences (across articles) with one label as one undoable action, each
    carrying `attrs` (e.g. the actor it names). Occurrences the annotator already tagged with
    that label are left alone."""

    annotator: str
    label: str
    occurrences: list[Occurrence]
    attrs: dict[str, Any] = field(default_factory=dict)
    spans: list[Span] = field(default_factory=list)

    @property
    def description(self) -> str:
        """Menu text."""
        return f"Tag {len(self.spans) or len(self.occurrences)} × {self.label}"

    def apply(self, store: Store) -> Change:
        """Store the spans in one transaction (a redo puts back the very same spans)."""
        with store.transaction():
            if not self.spans:
                for occ in self.occurrences:
                    known = store.spans(occ.article_id, self.annotator)
                    if any((s.start, s.end, s.label) == (occ.start, occ.end, self.label)
                           for s in known):  # fmt: skip
                        continue
                    self.spans.append(store.add_span(
                        occ.article_id, self.annotator, self.label, occ.start, occ.end,
                        dict(self.attrs), origin="manual",
                    ))  # fmt: skip
            else:
                for span in self.spans:
                    store.restore_span(span)
        return self._change(added=True)

    def revert(self, store: Store) -> Change:
        """Delete the spans again."""
        with store.transaction():
            for span in self.spans:
                store.delete_span(span.id)
        return self._change(added=False)

    def _change(self, added: bool) -> Change:
        ids = tuple(span.id for span in self.spans)
        articles = {span.article_id for span in self.spans}
        # One article: repaint it; several: None, so every view re-reads what it shows.
        article = next(iter(articles)) if len(articles) == 1 else None
        if added:
            return Change(article, ChangeKind.SPANS, span_ids=ids)
        return Change(article, ChangeKind.SPANS, removed_ids=ids)


@dataclass
class LinkActor:
    """Link spans to a register entry (`attrs["actor_id"]`), or unlink them (`actor_id`
    None), as one undoable action. Only the annotator's own spans are changed."""

    annotator: str
    span_ids: list[int]
    actor_id: str | None
    before: list[Span] = field(default_factory=list)
    after: list[Span] = field(default_factory=list)

    @property
    def description(self) -> str:
        """Menu text."""
        return "Link to actor" if self.actor_id else "Unlink actor"

    def apply(self, store: Store) -> Change:
        """Set the link on every span (a redo writes back the very same spans)."""
        with store.transaction():
            if not self.after:
                if self.actor_id is not None and store.actor(self.actor_id) is None:
                    raise KeyError(f"no actor {self.actor_id} in the register")
                stamp = now_iso()
                for span_id in self.span_ids:
                    span = _own(store, span_id, self.annotator)
                    attrs = dict(span.attrs)
                    if self.actor_id is None:
                        attrs.pop(ACTOR_ATTR, None)
                    else:
                        attrs[ACTOR_ATTR] = self.actor_id
                    self.before.append(span)
                    after = Span(**{**span.__dict__, "attrs": attrs, "updated": stamp})
                    self.after.append(after)
            for span in self.after:
                store.put_span(span)
        return self._change(self.after)

    def revert(self, store: Store) -> Change:
        """Write back the spans as they were."""
        with store.transaction():
            for span in self.before:
                store.put_span(span)
        return self._change(self.before)

    def _change(self, spans: list[Span]) -> Change:
        article = spans[0].article_id if spans else None
        return Change(article, ChangeKind.SPANS, span_ids=tuple(s.id for s in spans))


@dataclass
class AddActorAndLink:
    """ "Add to the register": store a new actor (e.g. made from an unknown mention's text)
    and link spans to it, as one undoable action in one transaction."""

    annotator: str
    actor: Actor
    span_ids: list[int]
    save: SaveActors | None = None
    link: LinkActor | None = None

    @property
    def description(self) -> str:
        """Menu text."""
        return "Add to the register"

    def apply(self, store: Store) -> Change:
        """Save the actor, then link the spans (a redo puts back the very same rows)."""
        if self.save is None or self.link is None:
            if store.actor(self.actor.id) is not None:
                raise ValueError(f"an actor {self.actor.id!r} is already in the register")
            self.save = SaveActors([self.actor])
            self.link = LinkActor(self.annotator, list(self.span_ids), self.actor.id)
        with store.transaction():
            self.save.apply(store)
            return self.link.apply(store)

    def revert(self, store: Store) -> Change:
        """Unlink the spans, then remove the actor."""
        assert self.save is not None and self.link is not None
        with store.transaction():
            change = self.link.revert(store)
            self.save.revert(store)
        return change


def new_actor_id(store: Store, name: str) -> str:
    """An id for a new register entry named `name`: its words joined by "_", with a number
    added when that id is taken."""
    base = "_".join(name.split()) or "actor"
    candidate, n = base, 2
    while store.actor(candidate) is not None:
        candidate, n = f"{base}_{n}", n + 1
    return candidate
