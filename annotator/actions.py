"""One dataclass per user action; each applies itself to the store and knows its inverse."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol, TypeVar

from annotator import review
from annotator.models import Relation, Span
from annotator.review import Item
from annotator.scheme import LabelDef
from annotator.store import Rows, Store
from annotator.store.row_sets import changed

T = TypeVar("T")


class ChangeKind(StrEnum):
    """Which part of the project an action changed."""

    SPANS = "spans"
    STATUS = "status"
    DOC_LABELS = "doc_labels"
    RULING = "ruling"  # gold spans, review decisions or review status of an article
    COMMENT = "comment"
    SCHEME = "scheme"  # the label scheme or its relation types (no article)
    RELATIONS = "relations"  # relations between spans of the article (and maybe others)
    ACTORS = "actors"  # the actor register (no article)
    SUGGESTIONS = "suggestions"  # rejected suggestions or the lexicon (nothing exported)


@dataclass(frozen=True)
class Change:
    """What an action changed, so views repaint only that.

    `span_ids` were added or edited, `removed_ids` were deleted (for `ChangeKind.SPANS`);
    `region` is the compared region a ruling settled (for `ChangeKind.RULING`); `article_id`
    is None for `ChangeKind.SCHEME`.
    """

    article_id: int | None
    kind: ChangeKind
    span_ids: tuple[int, ...] = ()
    removed_ids: tuple[int, ...] = ()
    region: tuple[int, int] | None = None


class Action(Protocol):
    """A user action: `apply` does (or redoes) it, `revert` undoes it; each is one transaction."""

    description: str

    def apply(self, store: Store) -> Change:
        """Do the action."""
        ...

    def revert(self, store: Store) -> Change:
        """Undo the action."""
        ...


def _own(store: Store, span_id: int, annotator: str) -> Span:
    span = store.span(span_id)
    if span is None:
        raise KeyError(f"no span {span_id}")
    if span.annotator != annotator:
        raise PermissionError(f"this span belongs to {span.annotator}; it cannot be changed")
    return span


def _start_work(store: Store, article_id: int, annotator: str) -> str | None:
    """The in-progress rule: tagging or editing on a to-do article marks it in progress for
    that annotator. Returns the status it replaced, or None when it left the status alone."""
    old = store.status(article_id, annotator)
    if old != "todo":
        return None
    store.set_status(article_id, annotator, "in_progress")
    return old


def _stop_work(store: Store, article_id: int, annotator: str, old: str | None) -> None:
    """Undo `_start_work`: put back the status it replaced."""
    if old is not None:
        store.set_status(article_id, annotator, old)


@dataclass
class AddSpan:
    """Tag `[start, end)` of an article with a label."""

    article_id: int
    annotator: str
    label: str
    start: int
    end: int
    attrs: dict[str, Any] = field(default_factory=dict)
    note: str = ""
    span: Span | None = None
    replaced_status: str | None = None

    @property
    def description(self) -> str:
        """Menu text."""
        return f"Tag {self.label}"

    def apply(self, store: Store) -> Change:
        """Store the span (a redo puts back the very same span); a to-do article becomes in
        progress in the same transaction."""
        with store.transaction():
            if self.span is None:
                self.span = store.add_span(
                    self.article_id, self.annotator, self.label, self.start, self.end,
                    self.attrs, self.note,
                )  # fmt: skip
            else:
                store.restore_span(self.span)
            self.replaced_status = _start_work(store, self.article_id, self.annotator)
        return Change(self.article_id, ChangeKind.SPANS, span_ids=(self.span.id,))

    def revert(self, store: Store) -> Change:
        """Delete the span again (and put back the status it replaced)."""
        assert self.span is not None
        with store.transaction():
            store.delete_span(self.span.id)
            _stop_work(store, self.article_id, self.annotator, self.replaced_status)
        return Change(self.article_id, ChangeKind.SPANS, removed_ids=(self.span.id,))


@dataclass
class RemoveSpan:
    """Delete one of the annotator's own spans, and the relations that join it, together."""

    span_id: int
    annotator: str
    span: Span | None = None
    relations: list[Relation] = field(default_factory=list)

    @property
    def description(self) -> str:
        """Menu text."""
        return "Delete span"

    def apply(self, store: Store) -> Change:
        """Delete it and its relations (one transaction), remembering them whole."""
        with store.transaction():
            _own(store, self.span_id, self.annotator)
            self.relations = store.relations_of_spans([self.span_id])
            self.span = store.delete_span(self.span_id)  # its relations go by the foreign key
        return Change(self.span.article_id, ChangeKind.SPANS, removed_ids=(self.span_id,))

    def revert(self, store: Store) -> Change:
        """Restore it and its relations with their ids and times."""
        assert self.span is not None
        with store.transaction():
            store.restore_span(self.span)
            store.restore_relations(self.relations)
        return Change(self.span.article_id, ChangeKind.SPANS, span_ids=(self.span_id,))


@dataclass
class EditSpan:
    """Change label, boundaries, attributes or note of one of the annotator's own spans."""

    span_id: int
    annotator: str
    changes: dict[str, Any]
    before: Span | None = None
    after: Span | None = None
    replaced_status: str | None = None

    @property
    def description(self) -> str:
        """Menu text."""
        names = {"label": "label", "start": "boundaries", "end": "boundaries",
                 "attrs": "attributes", "note": "note"}  # fmt: skip
        what = sorted({names[k] for k in self.changes})
        return "Change span " + " and ".join(what)

    def apply(self, store: Store) -> Change:
        """Apply the changes (a redo writes back the edited span as it was); a to-do article
        becomes in progress in the same transaction."""
        with store.transaction():
            if self.after is None:
                _own(store, self.span_id, self.annotator)
                self.before, self.after = store.update_span(self.span_id, **self.changes)
            else:
                store.put_span(self.after)
            self.replaced_status = _start_work(store, self.after.article_id, self.annotator)
        return Change(self.after.article_id, ChangeKind.SPANS, span_ids=(self.span_id,))

    def revert(self, store: Store) -> Change:
        """Write back the span as it was before (and the status the edit replaced)."""
        assert self.before is not None
        with store.transaction():
            store.put_span(self.before)
            _stop_work(store, self.before.article_id, self.annotator, self.replaced_status)
        return Change(self.before.article_id, ChangeKind.SPANS, span_ids=(self.span_id,))


@dataclass
class SetStatus:
    """Mark an article to do, in progress or done for one annotator."""

    article_id: int
    annotator: str
    status: str
    old: str | None = None

    @property
    def description(self) -> str:
        """Menu text."""
        return f"Mark {self.status.replace('_', ' ')}"

    def apply(self, store: Store) -> Change:
        """Set the status, remembering the old one."""
        old = store.set_status(self.article_id, self.annotator, self.status)
        if self.old is None:
            self.old = old
        return Change(self.article_id, ChangeKind.STATUS)

    def revert(self, store: Store) -> Change:
        """Put the old status back."""
        store.set_status(self.article_id, self.annotator, self.old or "todo")
        return Change(self.article_id, ChangeKind.STATUS)


@dataclass
class SetDocLabel:
    """Add (on=True) or remove a document-level label."""

    article_id: int
    annotator: str
    label: str
    on: bool
    changed: bool = False

    @property
    def description(self) -> str:
        """Menu text."""
        return ("Add" if self.on else "Remove") + f" document label {self.label}"

    def apply(self, store: Store) -> Change:
        """Set it."""
        self.changed = store.set_doc_label(self.article_id, self.annotator, self.label, self.on)
        return Change(self.article_id, ChangeKind.DOC_LABELS)

    def revert(self, store: Store) -> Change:
        """Put it back as it was."""
        if self.changed:
            store.set_doc_label(self.article_id, self.annotator, self.label, not self.on)
        return Change(self.article_id, ChangeKind.DOC_LABELS)


@dataclass
class RowCopies:
    """The rows an action changed, as they were and as it left them: its exact inverse.

    The first `apply` runs the action's write between two reads of the rows it may touch;
    later ones (redo) and `revert` swap the copies (`Store.swap_rows`, which refuses when the
    rows changed elsewhere since). Each is one transaction.
    """

    old: Rows = field(default_factory=Rows)
    new: Rows = field(default_factory=Rows)
    done: bool = False

    def apply(self, store: Store, read: Callable[[], Rows], write: Callable[[], T]) -> T | None:
        """Do the write (first time: returns its result) or put its rows back (redo: None)."""
        with store.transaction():
            if self.done:
                store.swap_rows(self.old, self.new)
                return None
            before = read()
            result = write()
            self.old, self.new = changed(before, read())
            self.done = True
        return result

    def revert(self, store: Store) -> None:
        """Put back the rows as they were before the first apply."""
        assert self.done
        store.swap_rows(self.new, self.old)


RULING_TEXT = {
    "accept_a": "Accept A",
    "accept_b": "Accept B",
    "accept_both": "Accept both",
    "reject": "Reject",
    "edit": "Edit gold",
    "agreed": "Accept agreement",
}


@dataclass
class RecordRuling:
    """Settle one review item into the gold layer (`review.decide`): the decision row, its gold
    spans, the rulings it supersedes and the article's review status, all undone exactly."""

    item: Item
    ruling: str
    reviewer: str
    layers: tuple[str, str]
    edited: tuple[tuple[str, int, int], ...] = ()
    comment: str = ""
    rows: RowCopies = field(default_factory=RowCopies)

    @property
    def description(self) -> str:
        """Menu text."""
        return RULING_TEXT.get(self.ruling, "Ruling")

    def apply(self, store: Store) -> Change:
        """Record the ruling (a redo puts back the very same rows)."""
        self.rows.apply(
            store,
            lambda: store.review_rows(self.item.article_id),
            lambda: review.decide(store, self.item, self.ruling, self.reviewer, self.layers,
                                  self.edited, self.comment),
        )  # fmt: skip
        return self._change()

    def revert(self, store: Store) -> Change:
        """Withdraw it: its decision row and gold spans go, what it superseded comes back."""
        self.rows.revert(store)
        return self._change()

    def _change(self) -> Change:
        return Change(self.item.article_id, ChangeKind.RULING, region=self.item.region)


@dataclass
class Adjudicate:
    """Accept an article's remaining agreements into gold and mark it adjudicated."""

    article_id: int
    layers: tuple[str, str]
    reviewer: str
    copied: int = 0
    rows: RowCopies = field(default_factory=RowCopies)

    @property
    def description(self) -> str:
        """Menu text."""
        return "Mark adjudicated"

    def apply(self, store: Store) -> Change:
        """Adjudicate (`review.adjudicate`); `copied` says how many agreements went to gold."""
        copied = self.rows.apply(
            store,
            lambda: store.review_rows(self.article_id),
            lambda: review.adjudicate(store, self.article_id, self.layers, self.reviewer),
        )
        if copied is not None:
            self.copied = copied
        return Change(self.article_id, ChangeKind.RULING)

    def revert(self, store: Store) -> Change:
        """Put the gold layer, decisions and review status back as they were."""
        self.rows.revert(store)
        return Change(self.article_id, ChangeKind.RULING)


@dataclass
class AddComment:
    """Keep a comment on a span or a stretch `[start, end)` of an article."""

    article_id: int
    author: str
    body: str
    start: int
    end: int
    span_id: int | None = None
    rows: RowCopies = field(default_factory=RowCopies)

    @property
    def description(self) -> str:
        """Menu text."""
        return "Add comment"

    def apply(self, store: Store) -> Change:
        """Store the comment (a redo puts back the very same row)."""
        self.rows.apply(
            store,
            lambda: store.comment_rows(self.article_id),
            lambda: store.add_comment(self.article_id, self.author, self.body, self.start,
                                      self.end, self.span_id),
        )  # fmt: skip
        return Change(self.article_id, ChangeKind.COMMENT)

    def revert(self, store: Store) -> Change:
        """Delete it again."""
        self.rows.revert(store)
        return Change(self.article_id, ChangeKind.COMMENT)


@dataclass
class SaveScheme:
    """Save edited labels (`Store.save_labels`: by key, none deleted)."""

    labels: list[LabelDef]
    rows: RowCopies = field(default_factory=RowCopies)

    @property
    def description(self) -> str:
        """Menu text."""
        return "Change label scheme"

    def apply(self, store: Store) -> Change:
        """Save them (a redo puts back the very same rows)."""
        self.rows.apply(store, store.label_rows, lambda: store.save_labels(self.labels))
        return Change(None, ChangeKind.SCHEME)

    def revert(self, store: Store) -> Change:
        """Put the scheme back exactly: names, colours, keys, retired flags and order."""
        self.rows.revert(store)
        return Change(None, ChangeKind.SCHEME)
