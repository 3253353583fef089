"""Agreement on claim frames between two layers: relations on matched spans, and actor links.

Definitions (offsets are code points, half-open):

- Matched spans: a span of A and a span of B match when they have the same article, start,
  end and label, one to one, as `agreement.exact_matches` counts them; where one layer has
  several identical spans, they pair up in id order and the rest stay unmatched.
- A relation (type, head, tail) of A agrees with one of B when B's head is the match of A's
  head, B's tail the match of A's tail, and the types are the same (one to one).
- Per relation type and overall: `agreed` (in both), `a_only` / `b_only` (both ends are matched
  spans, but the other layer lacks the relation), and `a_unmatched` / `b_unmatched`: relations
  with a head or tail span the other layer does not have. Those cannot agree whatever the
  relation says; they are counted and reported apart, not in P/R/F1.
  Precision = agreed / (agreed + a_only) (A's relations B confirms), recall = agreed /
  (agreed + b_only), F1 = 2·agreed / (2·agreed + a_only + b_only) (symmetric in A and B).
  `strict_f1` also counts the unmatched relations as disagreements:
  2·agreed / (2·agreed + a_only + b_only + a_unmatched + b_unmatched).
- Actor links, over matched spans with an actor label (or with a register id in either layer):
  each side's category is its `attrs["actor_id"]` or none. `same` = both linked to the same
  id; `raw_agreement` = (same + neither linked) / spans (Cohen's observed agreement p_o);
  `same_share` = same / spans; `kappa` = Cohen's kappa over those categories.

Undefined figures are None, never NaN.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from annotator.agreement import cohen_kappa, compared_articles
from annotator.models import Relation, Span
from annotator.store import Store
from annotator.store.actors import ACTOR_ATTR

ACTOR_LABELS = ("actor",)
"""Span labels whose matched spans count for actor-link agreement."""
NO_LINK = "∅"
"""The actor-link category of a span with no register id."""
BOTH, ONLY_A, ONLY_B = "both", "a", "b"
BATCH = 500
"""Articles read from the store together."""


def _ratio(part: int, whole: int) -> float | None:
    return None if whole == 0 else part / whole


@dataclass
class RelationScores:
    """Relation counts of one type (or of all) and the figures they give."""

    agreed: int = 0
    a_only: int = 0
    b_only: int = 0
    a_unmatched: int = 0
    b_unmatched: int = 0

    @property
    def precision(self) -> float | None:
        """Share of A's relations (on matched spans) that B has too."""
        return _ratio(self.agreed, self.agreed + self.a_only)

    @property
    def recall(self) -> float | None:
        """Share of B's relations (on matched spans) that A has too."""
        return _ratio(self.agreed, self.agreed + self.b_only)

    @property
    def f1(self) -> float | None:
        """2·agreed / (2·agreed + a_only + b_only)."""
        return _ratio(2 * self.agreed, 2 * self.agreed + self.a_only + self.b_only)

    @property
    def strict_f1(self) -> float | None:
        """F1 with relations on unmatched spans counted as disagreements."""
        missed = self.a_only + self.b_only + self.a_unmatched + self.b_unmatched
        return _ratio(2 * self.agreed, 2 * self.agreed + missed)

    def add(self, other: RelationScores) -> None:
        """Add another tally's counts to this one."""
        for name in ("agreed", "a_only", "b_only", "a_unmatched", "b_unmatched"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def as_dict(self) -> dict[str, Any]:
        """Counts and figures as plain data."""
        return {
            **asdict(self),
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "strict_f1": self.strict_f1,
        }


@dataclass
class ActorLinks:
    """Actor-link counts over matched actor spans."""

    spans: int = 0
    same: int = 0
    different: int = 0
    only_a: int = 0
    only_b: int = 0
    neither: int = 0
    pairs: Counter[tuple[str, str]] = field(default_factory=Counter)

    @property
    def same_share(self) -> float | None:
        """Share of the matched actor spans both linked to the same register entry."""
        return _ratio(self.same, self.spans)

    @property
    def raw_agreement(self) -> float | None:
        """Observed agreement: same entry, or both unlinked."""
        return _ratio(self.same + self.neither, self.spans)

    @property
    def kappa(self) -> float | None:
        """Cohen's kappa over the register ids (and "none")."""
        return cohen_kappa(self.pairs)

    def count(self, a: str | None, b: str | None) -> None:
        """Count one matched span pair with these register ids (None: unlinked)."""
        self.spans += 1
        if a is not None and b is not None:
            if a == b:
                self.same += 1
            else:
                self.different += 1
        elif a is not None:
            self.only_a += 1
        elif b is not None:
            self.only_b += 1
        else:
            self.neither += 1
        self.pairs[a or NO_LINK, b or NO_LINK] += 1

    def as_dict(self) -> dict[str, Any]:
        """Counts and figures as plain data."""
        keys = ("spans", "same", "different", "only_a", "only_b", "neither")
        return {
            **{key: getattr(self, key) for key in keys},
            "same_share": self.same_share,
            "raw_agreement": self.raw_agreement,
            "kappa": self.kappa,
        }


@dataclass
class RelationAgreement:
    """Relation and actor-link agreement of layers `a` and `b` over `articles` articles."""

    a: str
    b: str
    articles: int = 0
    matched_spans: int = 0
    overall: RelationScores = field(default_factory=RelationScores)
    per_type: dict[str, RelationScores] = field(default_factory=dict)
    actors: ActorLinks = field(default_factory=ActorLinks)

    def as_dict(self) -> dict[str, Any]:
        """The result as JSON-ready data."""
        return {
            "a": self.a,
            "b": self.b,
            "articles": self.articles,
            "matched_spans": self.matched_spans,
            "overall": self.overall.as_dict(),
            "per_type": {key: s.as_dict() for key, s in self.per_type.items()},
            "actors": self.actors.as_dict(),
        }


# -- matching ------------------------------------------------------------------------------


def match_spans(a: Iterable[Span], b: Iterable[Span]) -> dict[int, int]:
    """A span id -> B span id for spans of one article with the same start, end and label,
    one to one in id order (the rest stay unmatched)."""
    waiting: dict[tuple[int, int, int, str], list[int]] = {}
    for span in sorted(b, key=lambda s: s.id):
        waiting.setdefault((span.article_id, span.start, span.end, span.label), []).append(span.id)
    matched: dict[int, int] = {}
    for span in sorted(a, key=lambda s: s.id):
        ids = waiting.get((span.article_id, span.start, span.end, span.label))
        if ids:
            matched[span.id] = ids.pop(0)
    return matched


@dataclass(frozen=True)
class RelationItem:
    """One relation as compared: A's and/or B's, and who has it (`BOTH`, `ONLY_A`,
    `ONLY_B`). `matched` is False when its head or tail span is missing from the other layer."""

    type: str
    who: str
    matched: bool
    a: Relation | None
    b: Relation | None

    @property
    def relation(self) -> Relation:
        """A's relation when A has it, else B's."""
        found = self.a or self.b
        assert found is not None
        return found


def compare_relations(
    matched: dict[int, int], a: Iterable[Relation], b: Iterable[Relation]
) -> list[RelationItem]:
    """Pair A's relations with B's through the span matching `matched` (A id -> B id)."""
    to_a = {b_id: a_id for a_id, b_id in matched.items()}
    waiting: dict[tuple[str, int, int], list[Relation]] = {}
    b_items: list[RelationItem] = []
    for rel in sorted(b, key=lambda r: r.id):
        if rel.head in to_a and rel.tail in to_a:
            waiting.setdefault((rel.type, to_a[rel.head], to_a[rel.tail]), []).append(rel)
        else:
            b_items.append(RelationItem(rel.type, ONLY_B, False, None, rel))
    items: list[RelationItem] = []
    for rel in sorted(a, key=lambda r: r.id):
        if rel.head not in matched or rel.tail not in matched:
            items.append(RelationItem(rel.type, ONLY_A, False, rel, None))
            continue
        partners = waiting.get((rel.type, rel.head, rel.tail))
        if partners:
            items.append(RelationItem(rel.type, BOTH, True, rel, partners.pop(0)))
        else:
            items.append(RelationItem(rel.type, ONLY_A, True, rel, None))
    for left in waiting.values():
        b_items.extend(RelationItem(rel.type, ONLY_B, True, None, rel) for rel in left)
    return items + sorted(b_items, key=lambda item: item.relation.id)


def tally(items: Iterable[RelationItem], into: RelationAgreement) -> None:
    """Add compared relations to the per-type and overall counts."""
    for item in items:
        scores = into.per_type.setdefault(item.type, RelationScores())
        one = RelationScores()
        if item.who == BOTH:
            one.agreed = 1
        elif item.who == ONLY_A:
            one.a_only, one.a_unmatched = (1, 0) if item.matched else (0, 1)
        else:
            one.b_only, one.b_unmatched = (1, 0) if item.matched else (0, 1)
        scores.add(one)
        into.overall.add(one)


def count_actor_links(
    matched: dict[int, int],
    spans: dict[int, Span],
    into: ActorLinks,
    actor_labels: Sequence[str] = ACTOR_LABELS,
) -> None:
    """Count the actor links of matched spans (`spans`: both layers' spans by id)."""
    for a_id, b_id in matched.items():
        a, b = spans[a_id], spans[b_id]
        link_a, link_b = a.attrs.get(ACTOR_ATTR), b.attrs.get(ACTOR_ATTR)
        if a.label in actor_labels or link_a or link_b:
            into.count(link_a or None, link_b or None)


# -- the store -----------------------------------------------------------------------------


def article_relation_items(
    store: Store, article_id: int, layers: tuple[str, str]
) -> list[RelationItem]:
    """The compared relations headed in one article (review window)."""
    return list(_compared(store, layers, [article_id]))[0][1]


def _compared(
    store: Store, layers: tuple[str, str], ids: Sequence[int]
) -> Iterator[tuple[dict[int, int], list[RelationItem], dict[int, Span]]]:
    """Per batch of `ids`: the span matching, the compared relations, the spans by id."""
    a, b = layers
    for k in range(0, len(ids), BATCH):
        batch = ids[k : k + BATCH]
        relations = store.layer_relations(layers, batch)
        # Cross-article tails: their articles' spans are needed for the matching too.
        others = {r.tail_article_id for r in relations} - set(batch)
        grouped = store.layer_spans(layers, [*batch, *others])
        spans = {s.id: s for found in grouped.values() for s in found}
        every = list(spans.values())
        matched = match_spans(
            [s for s in every if s.annotator == a], [s for s in every if s.annotator == b]
        )
        items = compare_relations(
            matched,
            [r for r in relations if r.annotator == a],
            [r for r in relations if r.annotator == b],
        )
        in_batch = set(batch)
        own = {i: j for i, j in matched.items() if spans[i].article_id in in_batch}
        yield own, items, spans


def compute_relation_agreement(
    store: Store,
    a: str,
    b: str,
    all_articles: bool = False,
    actor_labels: Sequence[str] = ACTOR_LABELS,
) -> RelationAgreement:
    """Relation and actor-link agreement of layers `a` and `b` on the articles
    `agreement.compute_agreement` compares (both marked done, or all with `all_articles`)."""
    ids = compared_articles(store, a, b, all_articles)
    result = RelationAgreement(a, b, articles=len(ids))
    order = [kind.key for kind in store.relation_types()]
    for matched, items, spans in _compared(store, (a, b), ids):
        result.matched_spans += len(matched)
        tally(items, result)
        count_actor_links(matched, spans, result.actors, actor_labels)
    known = [key for key in order if key in result.per_type]
    result.per_type = {
        key: result.per_type[key] for key in known + sorted(set(result.per_type) - set(known))
    }
    return result
