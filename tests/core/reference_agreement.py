"""The agreement computation as it was before it streamed (issue #13), kept as the oracle.

`tests/core/test_agreement_streaming.py` checks that `annotator.agreement` gives exactly these
numbers. This is the module `annotator/agreement.py` of commit 2f276c3, unchanged but for
this docstring: it loads every span of both layers at once and tokenises with `text.words`.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from annotator.models import GOLD
from annotator.store import Store
from annotator.text import words

OUTSIDE = "O"
"""The token category for "no span"."""
UNPAIRED = "∅"
"""The confusion-matrix label for a span the other layer has nothing overlapping with."""

SpanTuple = tuple[int, int, str]
"""A span as (start, end, label)."""
Pairs = Mapping[tuple[str, str], int]
"""A contingency table: (category in A, category in B) -> number of tokens."""


class AgreementError(ValueError):
    """The comparison cannot be made (e.g. an unknown layer); the message is one line."""


# -- span matching -------------------------------------------------------------------------


def f1_score(matches: int, n_a: int, n_b: int) -> float | None:
    """2·matches / (n_a + n_b); None when both layers are empty (nothing to agree on)."""
    total = n_a + n_b
    return None if total == 0 else 2 * matches / total


def exact_matches(a: Iterable[SpanTuple], b: Iterable[SpanTuple]) -> int:
    """How many spans of A have an identical (start, end, label) span in B, one to one."""
    return sum((Counter(a) & Counter(b)).values())


def overlap_pairs(
    a: Sequence[SpanTuple], b: Sequence[SpanTuple], same_label: bool = True
) -> list[tuple[int, int]]:
    """One-to-one pairs (index in A, index in B) of overlapping spans, largest overlap first.

    With `same_label`, only spans of one label pair up. Ties in overlap go to a same-label pair,
    then to the earlier A span, then to the earlier B span (by start, end, label, index).
    """
    order = sorted(range(len(b)), key=lambda j: b[j])
    starts = [b[j][0] for j in order]
    longest = max((e - s for s, e, _ in b), default=0)
    candidates = []
    for i, (a_start, a_end, a_label) in enumerate(a):
        lo = bisect.bisect_right(starts, a_start - longest)
        hi = bisect.bisect_left(starts, a_end)
        for j in order[lo:hi]:
            b_start, b_end, b_label = b[j]
            overlap = min(a_end, b_end) - max(a_start, b_start)
            if overlap <= 0 or (same_label and a_label != b_label):
                continue
            candidates.append((-overlap, a_label != b_label, a[i], i, b[j], j))
    candidates.sort()
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs = []
    for *_, i, _, j in candidates:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((i, j))
    return pairs


def confusion_counts(a: Sequence[SpanTuple], b: Sequence[SpanTuple]) -> Counter[tuple[str, str]]:
    """(label in A, label in B) counts over overlapping pairs of any label, plus unpaired spans."""
    counts: Counter[tuple[str, str]] = Counter()
    pairs = overlap_pairs(a, b, same_label=False)
    for i, j in pairs:
        counts[a[i][2], b[j][2]] += 1
    paired_a = {i for i, _ in pairs}
    paired_b = {j for _, j in pairs}
    counts.update((span[2], UNPAIRED) for i, span in enumerate(a) if i not in paired_a)
    counts.update((UNPAIRED, span[2]) for j, span in enumerate(b) if j not in paired_b)
    return counts


# -- tokens and chance-corrected agreement ------------------------------------------------


class Tokens:
    """The words of one text, for labelling them from spans (see `token_labels`)."""

    def __init__(self, text: str) -> None:
        spans = words(text)
        self.starts = [start for start, _ in spans]
        self.ends = [end for _, end in spans]

    def __len__(self) -> int:
        return len(self.starts)

    def assign(self, spans: Iterable[SpanTuple]) -> dict[int, str]:
        """Token index -> label for every token some span covers, under the token rule."""
        labels: dict[int, str] = {}
        for start, end, label in sorted(spans, key=lambda s: (s[0], s[0] - s[1], s[2])):
            lo = bisect.bisect_right(self.ends, start)
            for k in range(lo, bisect.bisect_left(self.starts, end)):
                labels.setdefault(k, label)
        return labels

    def pairs(self, a: Iterable[SpanTuple], b: Iterable[SpanTuple]) -> Counter[tuple[str, str]]:
        """(category in A, category in B) counts over every token, `O` for uncovered ones."""
        return self.pairs_of(self.assign(a), self.assign(b))

    def pairs_of(
        self, in_a: Mapping[int, str], in_b: Mapping[int, str], label: str | None = None
    ) -> Counter[tuple[str, str]]:
        """`pairs` from assigned token labels; with `label`, the binary view (label or `O`)."""
        if label is not None:
            in_a = {k: v for k, v in in_a.items() if v == label}
            in_b = {k: v for k, v in in_b.items() if v == label}
        covered = in_a.keys() | in_b.keys()
        pairs = Counter((in_a.get(k, OUTSIDE), in_b.get(k, OUTSIDE)) for k in covered)
        if len(self) > len(covered):
            pairs[OUTSIDE, OUTSIDE] += len(self) - len(covered)
        return pairs


def token_labels(text: str, spans: Iterable[SpanTuple]) -> list[str]:
    """The category of each word of `text` (see `annotator.text.words`); `O` where no span is.

    A span covering a token wholly or partly gives it its label; where several do, the one
    starting first wins, then the longest, then the smallest label name.
    """
    tokens = Tokens(text)
    labels = tokens.assign(spans)
    return [labels.get(k, OUTSIDE) for k in range(len(tokens))]


def _categories(pairs: Pairs) -> list[str]:
    return sorted({c for pair, n in pairs.items() if n > 0 for c in pair})


def cohen_kappa(pairs: Pairs) -> float | None:
    """Cohen's kappa of a two-annotator contingency table; None if < 2 categories or no items."""
    total = sum(pairs.values())
    if total == 0 or len(_categories(pairs)) < 2:
        return None
    observed = sum(n for (x, y), n in pairs.items() if x == y) / total
    row: Counter[str] = Counter()
    col: Counter[str] = Counter()
    for (x, y), n in pairs.items():
        row[x] += n
        col[y] += n
    expected = sum(row[c] * col[c] for c in row) / (total * total)
    return (observed - expected) / (1 - expected)


def krippendorff_alpha(pairs: Pairs) -> float | None:
    """Krippendorff's alpha (nominal) for two coders who both coded every unit; None if undefined.

    Computed by the `krippendorff` package. Its memory grows with units x categories², so
    units both coders put in the same category are handed over as one unit per category
    (a unit of m equal values adds exactly m to the coincidence matrix, as m/2 two-value units
    do); each disagreeing unit stays its own unit. The result is the same alpha.
    """
    categories = _categories(pairs)
    if sum(pairs.values()) == 0 or len(categories) < 2:
        return None
    import krippendorff  # noqa: PLC0415 - imported on first use
    import numpy as np  # noqa: PLC0415

    index = {c: k for k, c in enumerate(categories)}
    agreed = [(index[x], n) for (x, y), n in pairs.items() if x == y and n > 0]
    disagreed = [(index[x], index[y], n) for (x, y), n in pairs.items() if x != y and n > 0]
    counts = np.zeros((len(agreed) + sum(n for *_, n in disagreed), len(categories)), np.int64)
    for row, (k, n) in enumerate(agreed):
        counts[row, k] = 2 * n
    row = len(agreed)
    for x, y, n in disagreed:
        counts[row : row + n, x] += 1
        counts[row : row + n, y] += 1
        row += n
    return float(krippendorff.alpha(value_counts=counts, level_of_measurement="nominal"))


# -- results -------------------------------------------------------------------------------


@dataclass
class Scores:
    """Agreement figures for one scope (overall, one label, or one article)."""

    a_spans: int = 0
    b_spans: int = 0
    exact_f1: float | None = None
    overlap_f1: float | None = None
    cohen_kappa: float | None = None
    krippendorff_alpha: float | None = None


@dataclass
class ArticleScores:
    """One row of the per-article table."""

    article_id: int
    title: str
    a_spans: int
    b_spans: int
    exact_f1: float | None
    overlap_f1: float | None
    cohen_kappa: float | None


@dataclass
class AgreementResult:
    """Agreement between layers `a` and `b` over `articles` compared articles.

    `per_article` is sorted worst first: lowest overlap F1, then exact F1, then kappa, articles
    where neither layer has a span (F1 undefined) last, ties by id. `confusion` maps
    label_a -> label_b -> count, with `UNPAIRED` for spans the other layer lacks.
    """

    a: str
    b: str
    articles: int
    overall: Scores
    per_label: dict[str, Scores]
    per_article: list[ArticleScores]
    confusion: dict[str, dict[str, int]]

    def as_dict(self) -> dict[str, Any]:
        """The result as plain JSON-ready data (None stays None)."""
        return {
            "a": self.a,
            "b": self.b,
            "articles": self.articles,
            "overall": asdict(self.overall),
            "per_label": {label: asdict(s) for label, s in self.per_label.items()},
            "per_article": [asdict(row) for row in self.per_article],
            "confusion": {x: dict(row) for x, row in self.confusion.items()},
        }

    def confusion_labels(self) -> list[str]:
        """Row/column order for the confusion matrix: labels as in `per_label`, `UNPAIRED` last."""
        seen = set(self.confusion) | {y for row in self.confusion.values() for y in row}
        known = [label for label in self.per_label if label in seen]
        extra = sorted(seen - set(known) - {UNPAIRED})
        return known + extra + ([UNPAIRED] if UNPAIRED in seen else [])


@dataclass
class Document:
    """One article as compared: its text and the spans of both layers."""

    article_id: int
    text: str
    a: list[SpanTuple]
    b: list[SpanTuple]
    title: str = ""


@dataclass
class _Tally:
    a_spans: int = 0
    b_spans: int = 0
    exact: int = 0
    overlap: int = 0
    tokens: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, other: _Tally) -> None:
        self.a_spans += other.a_spans
        self.b_spans += other.b_spans
        self.exact += other.exact
        self.overlap += other.overlap
        self.tokens.update(other.tokens)

    def scores(self) -> Scores:
        return Scores(
            a_spans=self.a_spans,
            b_spans=self.b_spans,
            exact_f1=f1_score(self.exact, self.a_spans, self.b_spans),
            overlap_f1=f1_score(self.overlap, self.a_spans, self.b_spans),
            cohen_kappa=cohen_kappa(self.tokens),
            krippendorff_alpha=krippendorff_alpha(self.tokens),
        )


def _label_tally(
    tokens: Tokens,
    a: list[SpanTuple],
    b: list[SpanTuple],
    assigned: tuple[Mapping[int, str], Mapping[int, str]],
    label: str,
) -> _Tally:
    """One label's spans in one article: counts, matches, and the binary token pairs (this
    label or O) of the article's token labels `assigned` (A's, B's)."""
    tally = _Tally(len(a), len(b), exact_matches(a, b), len(overlap_pairs(a, b)))
    tally.tokens = tokens.pairs_of(*assigned, label=label)
    return tally


def _worst_first(row: ArticleScores) -> tuple[Any, ...]:
    def low(value: float | None) -> float:
        return 2.0 if value is None else value

    return (
        row.overlap_f1 is None,
        low(row.overlap_f1),
        low(row.exact_f1),
        low(row.cohen_kappa),
        row.article_id,
    )


def compare_documents(
    docs: Iterable[Document],
    labels: Sequence[str] | None = None,
    a: str = "a",
    b: str = "b",
    label_order: Sequence[str] = (),
) -> AgreementResult:
    """Compare layers A and B over `docs`; only spans with `labels` count when given.

    Per-label scores are given for every label in `labels`, or else for every label either
    layer used (in `label_order`, then by name).
    """
    keep = None if labels is None else set(labels)
    overall = _Tally()
    per_label: dict[str, _Tally] = {label: _Tally() for label in labels or ()}
    covered: Counter[str] = Counter()  # tokens of the articles where a label occurs
    total_tokens = 0
    confusion: Counter[tuple[str, str]] = Counter()
    rows: list[ArticleScores] = []
    count = 0
    for doc in docs:
        count += 1
        spans_a = [s for s in doc.a if keep is None or s[2] in keep]
        spans_b = [s for s in doc.b if keep is None or s[2] in keep]
        tokens = Tokens(doc.text)
        total_tokens += len(tokens)
        article = _Tally(len(spans_a), len(spans_b))
        assigned = (tokens.assign(spans_a), tokens.assign(spans_b))
        for label in sorted({s[2] for s in spans_a} | {s[2] for s in spans_b}):
            tally = _label_tally(
                tokens,
                [s for s in spans_a if s[2] == label],
                [s for s in spans_b if s[2] == label],
                assigned,
                label,
            )
            per_label.setdefault(label, _Tally()).add(tally)
            covered[label] += len(tokens)
            article.exact += tally.exact
            article.overlap += tally.overlap
        article.tokens = tokens.pairs_of(*assigned)
        overall.add(article)
        confusion.update(confusion_counts(spans_a, spans_b))
        rows.append(
            ArticleScores(
                doc.article_id,
                doc.title,
                article.a_spans,
                article.b_spans,
                f1_score(article.exact, article.a_spans, article.b_spans),
                f1_score(article.overlap, article.a_spans, article.b_spans),
                cohen_kappa(article.tokens),
            )
        )
    for label, tally in per_label.items():  # articles without the label: all tokens O/O
        tally.tokens[OUTSIDE, OUTSIDE] += total_tokens - covered[label]
    return AgreementResult(
        a=a,
        b=b,
        articles=count,
        overall=overall.scores(),
        per_label={
            label: per_label[label].scores()
            for label in _label_order(per_label, labels, label_order)
        },
        per_article=sorted(rows, key=_worst_first),
        confusion=_nested(confusion),
    )


def _label_order(
    seen: Iterable[str], labels: Sequence[str] | None, label_order: Sequence[str]
) -> list[str]:
    if labels is not None:
        return list(dict.fromkeys(labels))
    seen = set(seen)
    known = [label for label in label_order if label in seen]
    return known + sorted(seen - set(known))


def _nested(counts: Counter[tuple[str, str]]) -> dict[str, dict[str, int]]:
    nested: dict[str, dict[str, int]] = {}
    for (x, y), n in sorted(counts.items()):
        nested.setdefault(x, {})[y] = n
    return nested


# -- the store -----------------------------------------------------------------------------


def compared_articles(store: Store, a: str, b: str, all_articles: bool = False) -> list[int]:
    """Ids of the articles both layers marked done, or with spans from either if `all_articles`.

    The gold layer counts an article as done when its review status is "adjudicated".
    """
    if all_articles:
        return sorted(store.layer_spans([a, b]))
    return sorted(_done(store, a) & _done(store, b))


def _done(store: Store, name: str) -> set[int]:
    done = store.done_articles(name)
    if name == GOLD:
        done |= {i for i, status in store.review_statuses().items() if status == "adjudicated"}
    return done


def known_layers(store: Store) -> list[str]:
    """Layer names that may be compared: every annotator, and the gold layer."""
    layers = store.layers()
    return layers if GOLD in layers else [*layers, GOLD]


def compute_agreement(
    store: Store,
    a: str,
    b: str,
    labels: Sequence[str] | None = None,
    all_articles: bool = False,
) -> AgreementResult:
    """Agreement between layers `a` and `b` of `store` (see the module docstring).

    Raises AgreementError for a label or a layer name the project does not know (a name is
    known when it is an annotator, has spans, has marked an article done, or is the gold layer).
    """
    known = known_layers(store)
    for name in (a, b):
        if name not in known and not store.done_articles(name):
            raise AgreementError(f"unknown annotator {name!r} (known: {', '.join(known)})")
    order = [label.key for label in store.labels()]
    labels = list(labels) if labels else None
    if labels is not None:
        known_labels = set(order) | set(store.label_usage())
        for label in labels:
            if label not in known_labels:
                raise AgreementError(f"unknown label {label!r} (known: {', '.join(order)})")
    ids = compared_articles(store, a, b, all_articles)
    spans = store.layer_spans([a, b], ids)

    def documents() -> Iterable[Document]:
        for article_id in ids:
            article = store.article(article_id)
            if article is None:
                continue
            mine = spans.get(article_id, [])
            yield Document(
                article_id=article_id,
                title=article.title,
                text=article.text,
                a=[(s.start, s.end, s.label) for s in mine if s.annotator == a],
                b=[(s.start, s.end, s.label) for s in mine if s.annotator == b],
            )

    return compare_documents(documents(), labels, a=a, b=b, label_order=order)
