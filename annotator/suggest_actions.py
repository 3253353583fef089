"""Accepting and rejecting suggestions, and adding a trigger phrase to the lexicon: user
actions with their inverse (one transaction each), run through History like any edit."""

from __future__ import annotations

from dataclasses import dataclass, field

from annotator.actions import AddSpan, Change, ChangeKind
from annotator.store import Store
from annotator.store.actors import ACTOR_ATTR
from annotator.suggest.suggestions import Suggestion


@dataclass
class AcceptSuggestions:
    """Tag each suggestion as a span of the annotator (a register hit also links its actor)."""

    annotator: str
    article_id: int
    items: list[Suggestion]
    adds: list[AddSpan] = field(default_factory=list)

    @property
    def description(self) -> str:
        """Menu text."""
        return "Accept suggestion" if len(self.items) == 1 else "Accept suggestions"

    def apply(self, store: Store) -> Change:
        """Store the spans (a redo puts back the very same ones)."""
        if not self.items:
            raise ValueError("no suggestion to accept")
        if not self.adds:
            self.adds = [
                AddSpan(
                    self.article_id,
                    self.annotator,
                    s.label,
                    s.start,
                    s.end,
                    {ACTOR_ATTR: s.actor_id} if s.actor_id else {},
                )  # fmt: skip
                for s in self.items
            ]
        with store.transaction():
            for add in self.adds:
                add.apply(store)
        ids = tuple(add.span.id for add in self.adds if add.span is not None)
        return Change(self.article_id, ChangeKind.SPANS, span_ids=ids)

    def revert(self, store: Store) -> Change:
        """Delete them again."""
        with store.transaction():
            for add in reversed(self.adds):
                add.revert(store)
        ids = tuple(add.span.id for add in self.adds if add.span is not None)
        return Change(self.article_id, ChangeKind.SPANS, removed_ids=ids)


@dataclass
class RejectSuggestion:
    """Remember that the annotator does not want this suggestion (never offered again)."""

    annotator: str
    item: Suggestion
    reject_id: int | None = None

    @property
    def description(self) -> str:
        """Menu text."""
        return "Reject suggestion"

    def apply(self, store: Store) -> Change:
        """Store the reject (a redo keeps its id)."""
        s = self.item
        self.reject_id = store.add_reject(s.article_id, self.annotator, s.label, s.start,
                                          s.end, self.reject_id)  # fmt: skip
        return Change(s.article_id, ChangeKind.SUGGESTIONS)

    def revert(self, store: Store) -> Change:
        """Forget it: the suggestion is offered again."""
        assert self.reject_id is not None
        store.delete_reject(self.reject_id)
        return Change(self.item.article_id, ChangeKind.SUGGESTIONS)


@dataclass
class AddTriggerPhrase:
    """Add a phrase to the lexicon: it then suggests spans of `label` wherever it appears."""

    label: str
    phrase: str
    phrase_id: int | None = None

    @property
    def description(self) -> str:
        """Menu text."""
        return "Add trigger phrase"

    def apply(self, store: Store) -> Change:
        """Store it (ValueError when it is already there)."""
        self.phrase_id = store.add_phrase(self.label, self.phrase, self.phrase_id)
        return Change(None, ChangeKind.SUGGESTIONS)

    def revert(self, store: Store) -> Change:
        """Take it out again."""
        assert self.phrase_id is not None
        store.delete_phrase(self.phrase_id)
        return Change(None, ChangeKind.SUGGESTIONS)
