"""Every occurrence of a name across the project, for "Annotate all occurrences": the words
a selection or a search term names (inflected forms too, `actor_match`), each with its article
and sentence (KWIC), and whether a span of the chosen label already covers it.

The full-text index narrows the articles first (each name's words as prefixes, so inflected
forms are among them); the matcher then finds the exact whole-word mentions in their texts.
Nothing here imports Qt.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from annotator.actor_match import NameMatcher, actor_names
from annotator.concordance import context_in
from annotator.frame_actions import Occurrence
from annotator.inflection import strip_ending
from annotator.models import Actor
from annotator.store import Store

MAX_OCCURRENCES = 5000  # listed at most; the dialog says when there were more
_PAGE = 200  # articles read per query


@dataclass(frozen=True)
class Found:
    """One occurrence: `[start, end)` of an article, its sentence around it, and `covered`:
    the annotator already has a span of the label over (part of) it."""

    article_id: int
    title: str
    start: int
    end: int
    left: str
    text: str
    right: str
    covered: bool = False

    @property
    def occurrence(self) -> Occurrence:
        """What `TagOccurrences` tags."""
        return Occurrence(self.article_id, self.start, self.end)


@dataclass(frozen=True)
class Occurrences:
    """The occurrences found, and whether the list was cut at `MAX_OCCURRENCES`."""

    found: list[Found]
    truncated: bool = False

    @property
    def covered(self) -> int:
        """How many a span of the label already covers."""
        return sum(1 for f in self.found if f.covered)


def term_names(term: str) -> list[str]:
    """The names to look for when the user selected or typed `term`: the term itself and,
    for a last word with a case ending, the same with the bare word (রাশিয়ার → রাশিয়া), so
    every form of it matches."""
    term = " ".join(term.split())
    if not term:
        return []
    *head, last = term.split(" ")
    stem = " ".join([*head, strip_ending(last)])
    return [term] if stem == term else [term, stem]


def names_of(term: str, actor: Actor | None = None) -> list[str]:
    """`term_names(term)`, plus every name of `actor` when one is chosen."""
    names = term_names(term)
    if actor is not None:
        names += [n for n in actor_names([actor]) if n not in names]
    return names


def find_occurrences(
    store: Store,
    names: Iterable[str],
    annotator: str,
    label: str | None = None,
    limit: int = MAX_OCCURRENCES,
) -> Occurrences:
    """Every whole-word mention of `names` in the project, article by article in id order,
    marked `covered` when `annotator` has a `label` span overlapping it."""
    names = [n for n in names if n.strip()]
    matcher = NameMatcher({n: () for n in names})
    if not matcher:
        return Occurrences([])
    found: list[Found] = []
    for article_id, title, text in _candidates(store, names):
        mentions = matcher.find(text)
        if not mentions:
            continue
        spans = [s for s in store.spans(article_id, annotator) if s.label == label]
        for m in mentions:
            if len(found) >= limit:
                return Occurrences(found, truncated=True)
            left, right = context_in(text, m.start, m.end)
            covered = any(s.start < m.end and m.start < s.end for s in spans)
            found.append(Found(article_id, title, m.start, m.end, left, text[m.start : m.end],
                               right, covered))  # fmt: skip
    return Occurrences(found)


def _candidates(store: Store, names: list[str]) -> list[tuple[int, str, str]]:
    """The articles the index says may hold one of `names` (id, title, text), by id."""
    chosen: dict[int, tuple[int, str, str]] = {}
    for name in names:
        query = " ".join(w.lstrip("-") for w in name.replace('"', " ").split())
        after = None
        while query:
            page = store.concordance_articles(query, "", False, after, _PAGE)
            for a in page:
                chosen.setdefault(a.article_id, (a.article_id, a.title, a.text))
            if len(page) < _PAGE:
                break
            after = page[-1].key
    return [chosen[k] for k in sorted(chosen)]
