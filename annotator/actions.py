"""One dataclass per user action; each applies itself to the store and knows its inverse."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol

from annotator.models import Span
from annotator.store import Store


class ChangeKind(StrEnum):
    """Which part of an article an action changed."""

    SPANS = "spans"
    STATUS = "status"
    DOC_LABELS = "doc_labels"


@dataclass(frozen=True)
class Change:
    """What an action changed, so views repaint only that.

    `span_ids` were added or edited, `removed_ids` were deleted (for `ChangeKind.SPANS`).
    """

    article_id: int
    kind: ChangeKind
    span_ids: tuple[int, ...] = ()
    removed_ids: tuple[int, ...] = ()


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
    """Delete one of the annotator's own spans."""

    span_id: int
    annotator: str
    span: Span | None = None

    @property
    def description(self) -> str:
        """Menu text."""
        return "Delete span"

    def apply(self, store: Store) -> Change:
        """Delete it, remembering it whole."""
        _own(store, self.span_id, self.annotator)
        self.span = store.delete_span(self.span_id)
        return Change(self.span.article_id, ChangeKind.SPANS, removed_ids=(self.span_id,))

    def revert(self, store: Store) -> Change:
        """Restore it with its id and times."""
        assert self.span is not None
        store.restore_span(self.span)
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
