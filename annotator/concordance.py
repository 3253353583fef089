"""The concordance (Review → Concordance…): every span of a label or an actor, or every
occurrence of a search term, across the project, with the sentence around it (KWIC: left
context | the span | right context), a page at a time in a chosen order.

The store reads the pages (`store/concordance.py`, keyset-paged in SQL, so sorting by a
column works on the whole result, not only on rows fetched); this module cuts the sentence
around each span and, for a search term, finds the words the search matched in each
article (`search.match_ranges`). Sentences end at । ॥ ? ! and line breaks, as in the CSV
export's sentence column. Nothing here imports Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import regex

from annotator.search import match_ranges
from annotator.store import Store
from annotator.store.concordance import ARTICLE_SORTS, SPAN_SORTS

BY_LABEL, BY_ACTOR, BY_TERM = "label", "actor", "term"
KINDS = (BY_LABEL, BY_ACTOR, BY_TERM)
MAX_CONTEXT = 120  # code points of context shown each side at most
_SENTENCE_END = regex.compile(r"[\u0964\u0965?!\n]")


@dataclass(frozen=True)
class Line:
    """One concordance line: the span (or search match) [start, end) of an article, and the
    rest of its sentence each side. `span_id` is None for a search match."""

    article_id: int
    span_id: int | None
    title: str
    published: str | None
    label: str
    annotator: str
    start: int
    end: int
    left: str
    text: str
    right: str
    certainty: str


def context(before: str, after: str, limit: int = MAX_CONTEXT) -> tuple[str, str]:
    """The rest of the sentence each side of a span: `before` is the text just before it,
    `after` just after; each side is cut at the nearest sentence end (the right side keeps a
    danda, ? or !, never a line break) and to `limit` code points next to the span. Both
    are exact slices: `before` ends with the left side, `after` starts with the right."""
    ends = [m.end() for m in _SENTENCE_END.finditer(before)]
    left = before[ends[-1] :] if ends else before
    stop = _SENTENCE_END.search(after)
    if stop is None:
        right = after
    elif after[stop.start()] == "\n":
        right = after[: stop.start()]
    else:
        right = after[: stop.end()]
    return (left[-limit:] if limit else ""), right[:limit]


def context_in(text: str, start: int, end: int, limit: int = MAX_CONTEXT) -> tuple[str, str]:
    """`context` of `text[start:end]`, reading at most `limit` beyond the cut each side."""
    window = max(limit * 3, 300)
    return context(text[max(0, start - window) : start], text[end : end + window], limit)


def sort_columns(kind: str) -> tuple[str, ...]:
    """The columns a concordance of `kind` can be sorted by (in SQL, over the whole result)."""
    return tuple(k for k in (ARTICLE_SORTS if kind == BY_TERM else SPAN_SORTS) if k)


class Pages:
    """The lines of one concordance, read a page at a time (`next_page`) in one order."""

    def __init__(
        self,
        store: Store,
        kind: str,
        value: str,
        sort: str = "",
        descending: bool = False,
        page: int = 200,
    ) -> None:
        """`kind`: BY_LABEL or BY_ACTOR (`value`: a label key or an actor's name), or BY_TERM
        (`value`: a search as typed in the list's search box). `sort`: a `sort_columns` name
        ("" for the order spans were made, or articles' ids)."""
        if kind not in KINDS:
            raise ValueError(f"unknown concordance kind {kind!r}")
        if sort and sort not in sort_columns(kind):
            sort = ""
        self.store, self.kind, self.value = store, kind, value
        self.sort, self.descending, self.page = sort, descending, page
        self._after: tuple[Any, ...] | None = None
        self.done = not value.strip()

    def next_page(self) -> list[Line]:
        """The next lines ([] and `done` at the end)."""
        if self.done:
            return []
        if self.kind == BY_TERM:
            return self._term_page()
        rows = self.store.concordance_spans(
            self.kind, self.value, self.sort, self.descending, self._after, self.page
        )
        self.done = len(rows) < self.page
        if rows:
            self._after = rows[-1].key
        lines = []
        for r in rows:
            left, right = context(r.left, r.right)
            lines.append(
                Line(r.article_id, r.span_id, r.title, r.published, r.label, r.annotator,
                     r.start, r.end, left, r.text, right, str(r.certainty))
            )  # fmt: skip
        return lines

    def _term_page(self) -> list[Line]:
        """The matches in the next page of matching articles (a quarter of `page` articles)."""
        size = max(1, self.page // 4)
        articles = self.store.concordance_articles(
            self.value, self.sort, self.descending, self._after, size
        )
        self.done = len(articles) < size
        if articles:
            self._after = articles[-1].key
        lines = []
        for a in articles:
            for start, end in match_ranges(a.text, self.value):
                left, right = context_in(a.text, start, end)
                lines.append(Line(a.article_id, None, a.title, a.published, "", "", start, end,
                                  left, a.text[start:end], right, ""))  # fmt: skip
        return lines
