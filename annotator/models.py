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
