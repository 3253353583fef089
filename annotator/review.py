"""Compare two annotation layers of an article and settle their differences into the gold layer.

Spans of both layers are grouped into regions: connected groups of spans whose ranges overlap
(across and within layers). Each region is one review item of one kind:

- ``agreed``: both layers have exactly the same spans (start, end, label) there;
- ``label``: the same ranges, other labels (or other labels and other ranges);
- ``boundary``: overlapping spans with the same labels but other ranges;
- ``only_a`` / ``only_b``: only one layer marked anything there.

A reviewer's decision on an item (accept A, accept B, accept both, reject, edit) writes the
chosen spans into the gold layer through `Store.record_decision`; the compared layers are never
changed. Deciding an item again replaces the earlier ruling.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from annotator.models import Decision, Span
from annotator.store import GoldSpan, Store
from annotator.translatable import QT_TRANSLATE_NOOP

KINDS = ("agreed", "label", "boundary", "only_a", "only_b")
KIND_NAMES = {  # marked for the window's translation (`ui.i18n.translate("review", ...)`)
    "agreed": QT_TRANSLATE_NOOP("review", "agreed"),
    "label": QT_TRANSLATE_NOOP("review", "label disagreement"),
    "boundary": QT_TRANSLATE_NOOP("review", "boundary disagreement"),
    "only_a": QT_TRANSLATE_NOOP("review", "only in A"),
    "only_b": QT_TRANSLATE_NOOP("review", "only in B"),
}
KIND_COLORS = {
    "agreed": "#2E9E44",
    "label": "#E4572E",
    "boundary": "#E8B100",
    "only_a": "#2B7BD6",
    "only_b": "#9B4DCA",
}
ACTIONS = ("accept_a", "accept_b", "accept_both", "reject", "edit")


@dataclass(frozen=True)
class Item:
    """One compared region of one article: spans of layer A and of layer B that overlap."""

    article_id: int
    start: int
    end: int
    kind: str
    a: tuple[Span, ...]
    b: tuple[Span, ...]

    @property
    def region(self) -> tuple[int, int]:
        """The [start, end) range covering every span of the item."""
        return self.start, self.end

    @property
    def is_disagreement(self) -> bool:
        """True unless both layers agree exactly here."""
        return self.kind != "agreed"


def _key(span: Span) -> tuple[int, int, str]:
    return span.start, span.end, span.label


def classify(a: Sequence[Span], b: Sequence[Span]) -> str:
    """The kind of a region holding spans `a` of layer A and `b` of layer B."""
    if not b:
        return "only_a"
    if not a:
        return "only_b"
    if sorted(map(_key, a)) == sorted(map(_key, b)):
        return "agreed"
    if {(s.start, s.end) for s in a} == {(s.start, s.end) for s in b}:
        return "label"
    if {s.label for s in a} == {s.label for s in b}:
        return "boundary"
    return "label"


def compare(article_id: int, a_spans: Iterable[Span], b_spans: Iterable[Span]) -> list[Item]:
    """Group two layers' spans of one article into review items, by position."""
    tagged = [(s, 0) for s in a_spans] + [(s, 1) for s in b_spans]
    tagged.sort(key=lambda t: (t[0].start, t[0].end, t[1], t[0].label, t[0].id))
    items: list[Item] = []
    group: list[tuple[Span, int]] = []
    group_end = -1
    for span, side in tagged:
        if group and span.start >= group_end:
            items.append(_item(article_id, group))
            group, group_end = [], -1
        group.append((span, side))
        group_end = max(group_end, span.end)
    if group:
        items.append(_item(article_id, group))
    return items


def _item(article_id: int, group: list[tuple[Span, int]]) -> Item:
    a = tuple(s for s, side in group if side == 0)
    b = tuple(s for s, side in group if side == 1)
    start = min(s.start for s, _ in group)
    end = max(s.end for s, _ in group)
    return Item(article_id, start, end, classify(a, b), a, b)


def gold_spans(
    item: Item, action: str, edited: Sequence[tuple[str, int, int]] = ()
) -> list[GoldSpan]:
    """The spans an action puts into the gold layer."""
    if action not in ACTIONS and action != "agreed":
        raise ValueError(f"action must be one of {', '.join(ACTIONS)}")
    if action == "edit":
        if not edited:
            raise ValueError("an edit needs at least one span")
        return [GoldSpan(label, start, end, {}) for label, start, end in edited]
    chosen: list[Span] = []
    if action in ("accept_a", "accept_both", "agreed"):
        chosen.extend(item.a)
    if action in ("accept_b", "accept_both"):
        chosen.extend(item.b)
    out: list[GoldSpan] = []
    seen: set[tuple[int, int, str]] = set()
    for span in chosen:
        if _key(span) in seen:
            continue
        seen.add(_key(span))
        attrs = {**span.attrs, "layer": span.annotator}
        out.append(GoldSpan(span.label, span.start, span.end, attrs, span.note))
    return out


def decide(
    store: Store,
    item: Item,
    action: str,
    reviewer: str,
    layers: tuple[str, str],
    edited: Sequence[tuple[str, int, int]] = (),
    comment: str = "",
) -> Decision:
    """Record the reviewer's ruling on `item` and write its gold spans (one transaction)."""
    return store.record_decision(
        item.article_id,
        reviewer,
        layers,
        item.region,
        item.kind,
        action,
        (list(item.a), list(item.b)),
        gold_spans(item, action, edited),
        comment,
    )


def article_items(store: Store, article_id: int, layers: tuple[str, str]) -> list[Item]:
    """Review items of one article for layers (A, B)."""
    a, b = layers
    return compare(article_id, store.spans(article_id, a), store.spans(article_id, b))


def accept_agreements(store: Store, article_id: int, layers: tuple[str, str], reviewer: str) -> int:
    """Copy every agreed region not yet ruled on into the gold layer; how many were copied."""
    ruled = rulings(store, article_id, layers)
    copied = 0
    with store.transaction():
        for item in article_items(store, article_id, layers):
            if item.kind == "agreed" and item.region not in ruled:
                decide(store, item, "agreed", reviewer, layers)
                copied += 1
    return copied


def adjudicate(store: Store, article_id: int, layers: tuple[str, str], reviewer: str) -> int:
    """Accept the remaining agreements and mark the article adjudicated (one transaction)."""
    with store.transaction():
        copied = accept_agreements(store, article_id, layers, reviewer)
        store.set_review_status(article_id, "adjudicated", reviewer)
    return copied


def rulings(
    store: Store, article_id: int, layers: tuple[str, str]
) -> dict[tuple[int, int], Decision]:
    """Standing decisions of one article for these layers, by region."""
    return {(d.start, d.end): d for d in store.decisions(article_id, layers)}


def open_disagreements(
    store: Store, article_id: int, layers: tuple[str, str], items: Sequence[Item] | None = None
) -> list[Item]:
    """The disagreements of an article for layers (A, B) with no standing ruling yet.

    `items` are the article's review items when the caller has them (else they are read).
    """
    ruled = rulings(store, article_id, layers)
    found = article_items(store, article_id, layers) if items is None else items
    return [item for item in found if item.is_disagreement and item.region not in ruled]


def open_counts(
    store: Store, layers: tuple[str, str], items: dict[int, list[Item]]
) -> dict[int, int]:
    """How many disagreements of each article in `items` are still open (one query for their
    rulings)."""
    ruled: dict[int, set[tuple[int, int]]] = {}
    for decision in store.decisions(layers=layers, article_ids=items):
        ruled.setdefault(decision.article_id, set()).add((decision.start, decision.end))
    return {
        article_id: sum(
            1
            for item in found
            if item.is_disagreement and item.region not in ruled.get(article_id, set())
        )
        for article_id, found in items.items()
    }


def items_of(
    store: Store, layers: tuple[str, str], article_ids: Iterable[int]
) -> dict[int, list[Item]]:
    """Review items of these articles (one query for all their spans); an article where
    neither layer has a span has none."""
    a, b = layers
    ids = list(article_ids)
    grouped = store.layer_spans(layers, ids)
    return {
        article_id: compare(
            article_id,
            [s for s in grouped.get(article_id, ()) if s.annotator == a],
            [s for s in grouped.get(article_id, ()) if s.annotator == b],
        )
        for article_id in ids
    }


PAGE = 200
"""Articles a walk through the compared articles reads from the store at a time."""


class Navigator:
    """Walks the disagreements of two layers: through an article, then on to the next one.

    The articles walked are `articles` when given, else every article where either layer has
    a span, by id, read from the store a page at a time as the walk goes (never all at once).
    Items are computed when the walk first needs an article's (a page of articles at a time)
    and cached (the most recent `CACHE` articles) until `refresh`, so decisions and edits made
    meanwhile are seen once the window refreshes. Positions are (article id, offset).
    """

    CACHE = 1024

    def __init__(
        self, store: Store, layers: tuple[str, str], articles: Sequence[int] | None = None
    ) -> None:
        self.store = store
        self.layers = layers
        self._listed = None if articles is None else list(articles)
        self._cache: OrderedDict[int, list[Item]] = OrderedDict()

    def covers(self, article_id: int) -> bool:
        """True if the walk goes through this article."""
        if self._listed is not None:
            return article_id in self._listed
        return self.store.has_layer_spans(article_id, self.layers)

    def items(self, article_id: int) -> list[Item]:
        """Review items of an article (cached until `refresh`)."""
        found = self._cache.get(article_id)
        if found is None:
            found = article_items(self.store, article_id, self.layers)
            self._keep({article_id: found})
        else:
            self._cache.move_to_end(article_id)
        return found

    def _keep(self, items: dict[int, list[Item]]) -> None:
        self._cache.update(items)
        while len(self._cache) > self.CACHE:
            self._cache.popitem(last=False)

    def refresh(self, article_id: int | None = None) -> None:
        """Forget cached items (of one article, or all)."""
        if article_id is None:
            self._cache.clear()
        else:
            self._cache.pop(article_id, None)

    def disagreements(self, article_id: int) -> list[Item]:
        """The items of an article that are not agreements."""
        return [item for item in self.items(article_id) if item.is_disagreement]

    def articles_from(self, article_id: int | None, forward: bool = True) -> Iterator[int]:
        """The walk's articles after (before) `article_id`, in walk order; from the first (the
        last) when None."""
        if self._listed is not None:
            order = self._listed if forward else self._listed[::-1]
            if article_id is not None:
                order = order[order.index(article_id) + 1 :] if article_id in order else []
            yield from order
            return
        while page := self.store.layer_articles(self.layers, article_id, forward, PAGE):
            ids = [i for i, _ in page]
            missing = [i for i in ids if i not in self._cache]
            if missing:  # a page's items in one query, not one per article
                self._keep(items_of(self.store, self.layers, missing))
            yield from ids
            article_id = ids[-1]

    def step(self, article_id: int | None, offset: int | None, forward: bool = True) -> Item | None:
        """The next (or previous) disagreement after (before) `offset` in `article_id`,
        continuing into the following (preceding) articles; None at the end of the walk."""
        if article_id is None or not self.covers(article_id):
            return self._first(None, forward)
        here = self.disagreements(article_id)
        if offset is not None:
            if forward:
                later = [item for item in here if item.start > offset]
                if later:
                    return later[0]
            else:
                earlier = [item for item in here if item.start < offset]
                if earlier:
                    return earlier[-1]
        elif here:
            return here[0] if forward else here[-1]
        return self._first(article_id, forward)

    def _first(self, article_id: int | None, forward: bool) -> Item | None:
        for aid in self.articles_from(article_id, forward):
            found = self.disagreements(aid)
            if found:
                return found[0] if forward else found[-1]
        return None
