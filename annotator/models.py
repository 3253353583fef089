"""Plain records that cross layers (ingest -> store -> CLI/UI)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class ArticleDraft:
    """An article as an importer produced it, before it is stored.

    `text` is the article body; the store canonicalises it once (LF, NFC) and never again.
    `published`/`updated` are ISO 8601 strings (with offset when the page gave a local time).
    """

    text: str
    raw: str = ""
    title: str = ""
    outlet: str = ""
    byline: str = ""
    url: str = ""
    published: str | None = None
    updated: str | None = None
    source_file: str = ""
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class Article:
    """A stored article."""

    id: int
    uid: str
    title: str
    outlet: str
    byline: str
    url: str
    published: str | None
    updated: str | None
    text: str
    raw: str
    source_file: str
    imported_at: str
    meta: dict[str, Any]
    status: str = "todo"
    span_count: int = 0


@dataclass
class Span:
    """A labelled span: `[start, end)` code-point offsets into its article's stored text."""

    id: int
    article_id: int
    annotator: str
    label: str
    start: int
    end: int
    text: str
    attrs: dict[str, Any]
    note: str
    origin: str
    created: str
    updated: str


GOLD = "gold"
"""The name of the adjudicated layer; no analyst may use it."""

REVIEW_STATUSES = ("not_reviewed", "in_review", "adjudicated")
DECISIONS = ("accept_a", "accept_b", "accept_both", "reject", "edit", "agreed")


def is_reserved_name(name: str) -> bool:
    """True for annotator names the app keeps for itself (the gold layer)."""
    return name.strip().casefold() == GOLD


@dataclass
class Decision:
    """A reviewer's ruling on one region where two layers were compared."""

    id: int
    article_id: int
    reviewer: str
    layer_a: str
    layer_b: str
    start: int
    end: int
    kind: str
    decision: str
    a_spans: list[dict[str, Any]]
    b_spans: list[dict[str, Any]]
    gold_span_ids: list[int]
    comment: str
    created: str


@dataclass
class Comment:
    """A remark on a span or on a stretch of text (e.g. a disagreement)."""

    id: int
    article_id: int
    span_id: int | None
    start: int
    end: int
    author: str
    body: str
    created: str


@dataclass
class Relation:
    """A typed, directed link from the `head` span to the `tail` span, in one annotator's
    layer. `article_id` is the head's article, `tail_article_id` the tail's (they differ
    only for a cross-article type such as `same_event`)."""

    id: int
    article_id: int
    annotator: str
    type: str
    head: int
    tail: int
    tail_article_id: int
    attrs: dict[str, Any]
    origin: str
    created: str


ACTOR_KINDS = ("state", "person", "organisation", "outlet")


@dataclass
class Actor:
    """A canonical actor of the register: spans that name it link to it by `id`.

    `aliases` are other spellings (Bengali or English); inflected forms (কিমের, রাশিয়ার)
    match without being listed. `cameo` is an optional CAMEO actor code (e.g. "RUS").
    """

    id: str
    name: str
    name_bn: str = ""
    aliases: list[str] = field(default_factory=list)
    kind: str = "state"
    cameo: str = ""
    note: str = ""

    def names(self) -> list[str]:
        """Every name it goes by: the two names, then the aliases (no empties, no repeats)."""
        found: list[str] = []
        for name in (self.name, self.name_bn, *self.aliases):
            if name and name not in found:
                found.append(name)
        return found
