"""Inter-annotator agreement between two span layers: span F1, token kappa and alpha, confusion.

Definitions (all offsets are code points, half-open):

- Exact F1: a match is the same (start, end, label); F1 = 2·matches / (|A| + |B|).
- Overlap F1: same-label spans whose ranges overlap are paired one to one, greedily by the
  largest overlap (ties: earlier A span, then earlier B span); same formula.
- Tokens are the words of `annotator.text.words` (maximal runs of letters, marks, digits). Per
  layer, a token takes the label of the span covering it wholly or partly; where several do,
  the one starting first, then the longest, then the smallest label name; `O` where none does.
  Overall Cohen's kappa and Krippendorff's alpha (nominal) are multi-class over every token of
  every compared article. Per label they use the binary view of those same token labels:
  "this label" where the rule gave the token this label, "not" (`O`) for everything else.
- Confusion: spans of any label paired one to one greedily by largest overlap (ties: same label
  first, then earlier A, then earlier B), counted as (label_a, label_b); spans left unpaired
  count as (label, "∅") or ("∅", label).

Undefined values are None (JSON null), never NaN: F1 when |A| + |B| = 0; kappa and alpha when
no tokens were compared or only one category occurs in both layers together.
"""

from __future__ import annotations

import bisect
import contextlib
import gc
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from itertools import islice
from typing import Any

from annotator.agreement_batch import BatchCounts, Spans, count_batch
from annotator.models import GOLD
from annotator.store import Store
from annotator.word_bounds import word_bounds

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
    return _greedy(_candidates(a, b, same_label))


Candidate = tuple[int, bool, SpanTuple, int, SpanTuple, int]
"""A possible pair as its sort key: (-overlap, labels differ, A span, its index, B span, its
index)."""


def _candidates(
    a: Sequence[SpanTuple], b: Sequence[SpanTuple], same_label: bool
) -> list[Candidate]:
    """Every overlapping pair (of one label with `same_label`), in the order `_greedy` takes
    them. The same-label pairs among all candidates come in the order of a same-label run."""
    if not a or not b:
        return []
    order = sorted(range(len(b)), key=b.__getitem__)
    starts = [b[j][0] for j in order]
    longest = max(e - s for s, e, _ in b)
    found: list[Candidate] = []
    for i, span_a in enumerate(a):
        a_start, a_end, a_label = span_a
        lo = bisect.bisect_right(starts, a_start - longest)
        for j in order[lo : bisect.bisect_left(starts, a_end)]:
            span_b = b[j]
            overlap = min(a_end, span_b[1]) - max(a_start, span_b[0])
            if overlap > 0:
                other = a_label != span_b[2]
                if not (same_label and other):
                    found.append((-overlap, other, span_a, i, span_b, j))
    found.sort()
    return found


def _greedy(candidates: Iterable[Candidate]) -> list[tuple[int, int]]:
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs = []
    for candidate in candidates:
        i, j = candidate[3], candidate[5]
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((i, j))
    return pairs


def confusion_counts(a: Sequence[SpanTuple], b: Sequence[SpanTuple]) -> Counter[tuple[str, str]]:
    """(label in A, label in B) counts over overlapping pairs of any label, plus unpaired spans."""
    counts: Counter[tuple[str, str]] = Counter()
    _confusion(a, b, overlap_pairs(a, b, same_label=False), counts)
    return counts


def _confusion(
    a: Sequence[SpanTuple],
    b: Sequence[SpanTuple],
    pairs: list[tuple[int, int]],
    counts: Counter[tuple[str, str]],
) -> None:
    """Add the confusion counts of these pairs (and of the spans left unpaired) to `counts`."""
    for i, j in pairs:
        counts[a[i][2], b[j][2]] += 1
    if len(pairs) < len(a):
        paired_a = {i for i, _ in pairs}
        counts.update((span[2], UNPAIRED) for i, span in enumerate(a) if i not in paired_a)
    if len(pairs) < len(b):
        paired_b = {j for _, j in pairs}
        counts.update((UNPAIRED, span[2]) for j, span in enumerate(b) if j not in paired_b)


# -- tokens and chance-corrected agreement ------------------------------------------------


class Tokens:
    """The words of one text, for labelling them from spans (see `token_labels`)."""

    def __init__(self, text: str) -> None:
        [(self.starts, self.ends)] = word_bounds([text])

    def __len__(self) -> int:
        return len(self.starts)

    def assign(self, spans: Iterable[SpanTuple]) -> dict[int, str]:
        """Token index -> label for every token some span covers, under the token rule."""
        labels: dict[int, str] = {}
        starts, ends = self.starts, self.ends
        for start, end, label in sorted(spans, key=_token_rule):
            for k in range(bisect.bisect_right(ends, start), bisect.bisect_left(starts, end)):
                if k not in labels:
                    labels[k] = label
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
        pairs = Counter([(x, in_b.get(k, OUTSIDE)) for k, x in in_a.items()])
        only_b = [(OUTSIDE, y) for k, y in in_b.items() if k not in in_a]
        if only_b:
            pairs.update(only_b)
        covered = len(in_a) + len(only_b)
        if len(self) > covered:
            pairs[OUTSIDE, OUTSIDE] += len(self) - covered
        return pairs


def _token_rule(span: SpanTuple) -> tuple[int, int, str]:
    """Which span labels a token several cover: the first to start, the longest, the smallest
    label name."""
    return span[0], span[0] - span[1], span[2]


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
    total = observed = 0
    row: dict[str, int] = {}
    col: dict[str, int] = {}
    seen: set[str] = set()
    for (x, y), n in pairs.items():
        total += n
        if x == y:
            observed += n
        row[x] = row.get(x, 0) + n
        col[y] = col.get(y, 0) + n
        if n > 0:
            seen.add(x)
            seen.add(y)
    if total == 0 or len(seen) < 2:
        return None
    expected = sum(n * col.get(c, 0) for c, n in row.items()) / (total * total)
    return (observed / total - expected) / (1 - expected)


def krippendorff_alpha(pairs: Pairs) -> float | None:
    """Krippendorff's alpha (nominal) for two coders who both coded every unit; None if undefined.

    In closed form: with both coders' values of every unit, the coincidences are the table
    plus its transpose, so with n = 2 × units, n_c how often category c was given and D the
    number of units the two coders put in different categories,
    alpha = 1 - (n - 1) · 2D / (n² - Σ n_c²), computed in integers up to the one division.
    This is what the `krippendorff` package computes (the tests check it against it) without
    its memory, which grows with units × categories².
    """
    categories = _categories(pairs)
    if sum(pairs.values()) == 0 or len(categories) < 2:
        return None
    given: Counter[str] = Counter()
    disagreed = 0
    for (x, y), count in pairs.items():
        given[x] += count
        given[y] += count
        if x != y:
            disagreed += count
    n = sum(given.values())
    expected = n * n - sum(c * c for c in given.values())
    observed = (n - 1) * 2 * disagreed
    return (expected - observed) / expected


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
    relations: Any = None
    """`relation_agreement.RelationAgreement` of the same layers, when it was computed."""

    def as_dict(self) -> dict[str, Any]:
        """The result as plain JSON-ready data (None stays None); "relations" only when the
        relation agreement was computed."""
        data = {
            "a": self.a,
            "b": self.b,
            "articles": self.articles,
            "overall": asdict(self.overall),
            "per_label": {label: asdict(s) for label, s in self.per_label.items()},
            "per_article": [asdict(row) for row in self.per_article],
            "confusion": {x: dict(row) for x, row in self.confusion.items()},
        }
        if self.relations is not None:
            data["relations"] = self.relations.as_dict()
        return data

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
    tokens: Pairs = field(default_factory=Counter)

    def scores(self) -> Scores:
        return Scores(
            a_spans=self.a_spans,
            b_spans=self.b_spans,
            exact_f1=f1_score(self.exact, self.a_spans, self.b_spans),
            overlap_f1=f1_score(self.overlap, self.a_spans, self.b_spans),
            cohen_kappa=cohen_kappa(self.tokens),
            krippendorff_alpha=krippendorff_alpha(self.tokens),
        )


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


BATCH = 500
"""Articles tokenised (and read from the store) together."""


def compare_documents(
    docs: Iterable[Document],
    labels: Sequence[str] | None = None,
    a: str = "a",
    b: str = "b",
    label_order: Sequence[str] = (),
) -> AgreementResult:
    """Compare layers A and B over `docs`; only spans with `labels` count when given.

    Per-label scores are given for every label in `labels`, or else for every label either
    layer used (in `label_order`, then by name). `docs` are taken `BATCH` at a time (their
    words found together), so a generator of them is never held whole.
    """
    docs = iter(docs)

    def batches() -> Iterator[Batch]:
        while batch := list(islice(docs, BATCH)):
            yield (
                [(doc.article_id, doc.title, doc.text) for doc in batch],
                Spans.of_articles([doc.a for doc in batch]),
                Spans.of_articles([doc.b for doc in batch]),
            )

    return _compare(batches(), labels, a, b, label_order)


Batch = tuple[list[tuple[int, str, str]], Spans, Spans]
"""Articles (id, title, text) and the spans of layers A and B on them."""


def _compare(
    batches: Iterable[Batch],
    labels: Sequence[str] | None,
    a: str,
    b: str,
    label_order: Sequence[str],
) -> AgreementResult:
    keep = None if labels is None else set(labels)
    running = _Running()
    with _collector_paused():
        for articles, spans_a, spans_b in batches:
            texts = [text for _, _, text in articles]
            running.add(articles, count_batch(texts, spans_a.kept(keep), spans_b.kept(keep)))
    return running.result(labels, a, b, label_order)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector: the per-article rows pile up to one per article (100,000
    and more), and the collector would walk them over and over while nothing here makes
    cycles (a quarter of the time at 100,000 articles). Reference counting still frees."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


@dataclass
class _Running:
    """What `compare_documents` has counted so far. Per label, spans, exact and overlap matches
    are counted as they come; a label's binary token table comes at the end from the table of
    every token's (A, B) categories, which holds the same counts."""

    articles: int = 0
    tokens: Counter[tuple[str, str]] = field(default_factory=Counter)
    a_spans: Counter[str] = field(default_factory=Counter)
    b_spans: Counter[str] = field(default_factory=Counter)
    exact: Counter[str] = field(default_factory=Counter)
    overlap: Counter[str] = field(default_factory=Counter)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    rows: list[ArticleScores] = field(default_factory=list)

    def add(self, batch: list[tuple[int, str, str]], counts: BatchCounts) -> None:
        """Count a batch of articles, (id, title, text) each (`count_batch` counted them)."""
        self.articles += len(batch)
        self.tokens.update(counts.tokens)
        self.a_spans.update(counts.a_labels)
        self.b_spans.update(counts.b_labels)
        self.exact.update(counts.exact_labels)
        self.overlap.update(counts.overlap_labels)
        self.confusion.update(counts.confusion)
        per_article = (counts.tables, counts.a_spans, counts.b_spans, counts.exact,
                       counts.overlap)  # fmt: skip
        for (article_id, title, _), table, n_a, n_b, exact, overlap in zip(
            batch, *per_article, strict=True
        ):
            self.rows.append(
                ArticleScores(article_id, title, n_a, n_b, f1_score(exact, n_a, n_b),
                              f1_score(overlap, n_a, n_b), cohen_kappa(table))
            )  # fmt: skip

    def result(
        self, labels: Sequence[str] | None, a: str, b: str, label_order: Sequence[str]
    ) -> AgreementResult:
        """The figures of everything counted."""
        overall = _Tally(
            sum(self.a_spans.values()), sum(self.b_spans.values()),
            sum(self.exact.values()), sum(self.overlap.values()), self.tokens,
        )  # fmt: skip
        seen = {*self.a_spans, *self.b_spans, *(labels or ())}
        per_label = {
            label: _Tally(
                self.a_spans[label], self.b_spans[label], self.exact[label],
                self.overlap[label], _binary(self.tokens, label),
            ).scores()
            for label in _label_order(seen, labels, label_order)
        }  # fmt: skip
        return AgreementResult(
            a=a,
            b=b,
            articles=self.articles,
            overall=overall.scores(),
            per_label=per_label,
            per_article=sorted(self.rows, key=_worst_first),
            confusion=_nested(self.confusion),
        )


def _binary(pairs: Pairs, label: str) -> Counter[tuple[str, str]]:
    """The binary view of a token table: `label` or `O` (everything else) in each layer."""
    binary: Counter[tuple[str, str]] = Counter()
    for (x, y), n in pairs.items():
        if x == label or y == label:
            binary[x if x == label else OUTSIDE, y if y == label else OUTSIDE] += n
        else:
            binary[OUTSIDE, OUTSIDE] += n
    return binary


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
        return store.layer_article_ids([a, b])
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


Progress = Callable[[float], None]
"""Told the share of the work done (0 to 1) every `BATCH` articles."""


def compute_agreement(
    store: Store,
    a: str,
    b: str,
    labels: Sequence[str] | None = None,
    all_articles: bool = False,
    progress: Progress | None = None,
    relations: bool = False,
) -> AgreementResult:
    """Agreement between layers `a` and `b` of `store` (see the module docstring); with
    `relations`, also their relation and actor-link agreement (`relation_agreement`).

    Articles and their spans are read `BATCH` articles at a time, in id order, so memory holds
    one batch and the per-article rows, whatever the project's size.

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
    ids = None if all_articles else sorted(_done(store, a) & _done(store, b))
    result = _compare(_batches(store, a, b, ids, progress), labels, a, b, order)
    if relations:
        from annotator.relation_agreement import compute_relation_agreement  # noqa: PLC0415

        result.relations = compute_relation_agreement(store, a, b, all_articles)
    return result


def _batches(
    store: Store, a: str, b: str, ids: list[int] | None, progress: Progress | None
) -> Iterator[Batch]:
    """The compared articles (every article with spans from either when `ids` is None) and
    both layers' spans, a batch at a time, telling `progress` how far through they are (the
    share of the project's id range, or of `ids`)."""
    import numpy as np  # noqa: PLC0415 - numpy only for agreement

    if ids is None:
        first, last = store.article_id_range()
        total = last - first + 1
    else:
        first, total = 0, len(ids)
    done = 0
    for articles, (article_ids, who, starts, ends, labels) in store.layer_batches(
        [a, b], ids, BATCH
    ):
        place = np.searchsorted(np.asarray([i for i, _, _ in articles]), article_ids)
        columns = (place, np.asarray(starts, dtype=np.int64), np.asarray(ends, dtype=np.int64),
                   np.asarray(labels, dtype=object))  # fmt: skip
        layer = np.asarray(who, dtype=object)
        yield articles, _columns(*columns, layer == a), _columns(*columns, layer == b)
        if progress is not None:
            done = done + len(articles) if ids is not None else articles[-1][0] - first + 1
            progress(min(1.0, done / max(1, total)))
    if progress is not None:
        progress(1.0)


def _columns(place: Any, start: Any, end: Any, label: Any, mine: Any) -> Spans:
    """The spans of one layer (`mine`: which of a batch's are its) as `Spans`."""
    return Spans(place[mine], start[mine], end[mine], label[mine].tolist())
