"""What `annotator.agreement` counts, for a batch of articles at once, with numpy.

For each article of a batch: its token table (how many of its words got each pair of
categories, A's and B's, under the token rule), its span counts, its exact matches (same
start, end and label, one to one) and its same-label overlap pairs; for the batch: the same
by label, and the label confusion counts of its any-label overlap pairs. The definitions are
the module docstring of `annotator.agreement`; `agreement.Tokens`, `exact_matches`,
`overlap_pairs` and `confusion_counts` compute them for one article in plain Python, and
the tests check both give the same counts (and the same figures as the computation this
replaced, which counted article by article). Here the words and spans of a batch (500
articles) go through a few array operations; only the greedy pairing walks the overlapping
pairs in Python, once for both kinds of pairs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from annotator.word_bounds import joined_bounds

OUTSIDE = "O"
UNPAIRED = "∅"
SpanTuple = tuple[int, int, str]
Table = dict[tuple[str, str], int]
"""(category in A, category in B) -> how many words of the article got that pair."""
_MOST_BINS = 1 << 22  # counting by bins up to this many (articles x category pairs)


@dataclass
class BatchCounts:
    """The counts of one batch: per article (lists in batch order) and for the whole batch."""

    tables: list[Table]
    a_spans: list[int]
    b_spans: list[int]
    exact: list[int]
    overlap: list[int]
    tokens: Counter[tuple[str, str]]
    a_labels: Counter[str]
    b_labels: Counter[str]
    exact_labels: Counter[str]
    overlap_labels: Counter[str]
    confusion: Counter[tuple[str, str]]


@dataclass
class Spans:
    """One layer's spans of a batch, column by column: the article (its place in the batch),
    start, end and label of each (sequences or numpy arrays of one length)."""

    article: Any
    start: Any
    end: Any
    label: Any

    @classmethod
    def of_articles(cls, spans: Sequence[Sequence[SpanTuple]]) -> Spans:
        """The columns of one layer's (start, end, label) spans, article by article."""
        flat = [span for article in spans for span in article]
        return cls(
            article=[k for k, article in enumerate(spans) for _ in article],
            start=[span[0] for span in flat],
            end=[span[1] for span in flat],
            label=[span[2] for span in flat],
        )

    def kept(self, keep: set[str] | None) -> Spans:
        """Only the spans whose label is in `keep` (all when None)."""
        if keep is None:
            return self
        mine = [k for k, label in enumerate(self.label) if label in keep]
        return Spans(*([column[k] for k in mine] for column in
                       (self.article, self.start, self.end, self.label)))  # fmt: skip


@dataclass
class _Layer:
    """One layer's spans of the batch as arrays, in batch order (article by article)."""

    article: Any
    start: Any
    end: Any
    code: Any
    rank: Any


def count_batch(texts: Sequence[str], a: Spans, b: Spans) -> BatchCounts:
    """The counts of the articles `texts`, with the spans `a` of layer A and `b` of B."""
    import numpy as np  # noqa: PLC0415 - numpy only for agreement

    ordered = sorted({*a.label, *b.label})
    names = [OUTSIDE, *(label for label in ordered if label != OUTSIDE)]
    code = {name: k for k, name in enumerate(names)}
    rank = {label: k for k, label in enumerate(ordered)}
    layer_a = _layer(np, a, code, rank)
    layer_b = _layer(np, b, code, rank)
    size, width = len(texts), len(names)

    def per_article(values: Any) -> list[int]:
        return np.bincount(values, minlength=size).tolist()

    def by_label(values: Any, weights: Any = None) -> Counter[str]:
        counts = np.bincount(values, weights=weights, minlength=width)
        return Counter({names[k]: int(counts[k]) for k in np.flatnonzero(counts).tolist()})

    tables, tokens = _token_tables(np, texts, layer_a, layer_b, names)
    common, common_article, common_code = _common(np, layer_a, layer_b)
    same, any_label = _pairs(np, layer_a, layer_b)
    paired_a, paired_b = layer_a.code[any_label[0]], layer_b.code[any_label[1]]
    confusion: Counter[tuple[str, str]] = Counter()
    pair_counts = np.bincount(paired_a * width + paired_b, minlength=width * width)
    for key in np.flatnonzero(pair_counts).tolist():
        confusion[names[key // width], names[key % width]] = int(pair_counts[key])
    for layer, paired, flip in ((layer_a, any_label[0], False), (layer_b, any_label[1], True)):
        alone = np.ones(len(layer.code), dtype=bool)
        alone[paired] = False
        for label, count in by_label(layer.code[alone]).items():
            confusion[(UNPAIRED, label) if flip else (label, UNPAIRED)] = count
    return BatchCounts(
        tables=tables,
        a_spans=per_article(layer_a.article),
        b_spans=per_article(layer_b.article),
        exact=np.bincount(common_article, weights=common, minlength=size).astype(int).tolist(),
        overlap=per_article(layer_a.article[same[0]]),
        tokens=tokens,
        a_labels=by_label(layer_a.code),
        b_labels=by_label(layer_b.code),
        exact_labels=by_label(common_code, common),
        overlap_labels=by_label(layer_a.code[same[0]]),
        confusion=confusion,
    )


def _layer(np: Any, spans: Spans, code: dict[str, int], rank: dict[str, int]) -> _Layer:
    def column(values: Any) -> Any:
        return np.asarray(values, dtype=np.int64).reshape(-1)

    return _Layer(
        article=column(spans.article),
        start=column(spans.start),
        end=column(spans.end),
        code=column([code[label] for label in spans.label]),
        rank=column([rank[label] for label in spans.label]),
    )


def _token_tables(
    np: Any, texts: Sequence[str], a: _Layer, b: _Layer, names: list[str]
) -> tuple[list[Table], Counter[tuple[str, str]]]:
    """Each article's token table, and the batch's."""
    starts, ends, offsets = joined_bounds(texts)
    article = np.searchsorted(np.asarray(offsets), starts, side="right") - 1
    width = len(names)
    square = width * width
    pair = _word_labels(np, a, starts, ends, offsets) * width + _word_labels(
        np, b, starts, ends, offsets
    )
    pairs = [(x, y) for x in names for y in names]
    total = np.bincount(pair, minlength=square)
    tokens = Counter({pairs[k]: int(total[k]) for k in np.flatnonzero(total).tolist()})
    keys = article * square + pair
    if len(texts) * square <= _MOST_BINS:
        counts = np.bincount(keys, minlength=len(texts) * square)
        found = np.flatnonzero(counts)
        counts = counts[found]
    else:  # very many labels: count the keys that occur only
        found, counts = np.unique(keys, return_counts=True)
    tables: list[Table] = [{} for _ in texts]
    for k, key, count in zip(
        (found // square).tolist(), (found % square).tolist(), counts.tolist(), strict=True
    ):
        tables[k][pairs[key]] = count
    return tables, tokens


def _word_labels(np: Any, layer: _Layer, starts: Any, ends: Any, offsets: list[int]) -> Any:
    """Each word's category code in one layer (0: `O`), under the token rule."""
    labels = np.zeros(len(starts), dtype=np.int64)
    if not len(layer.code):
        return labels
    begin, finish = layer.start, layer.end
    order = np.lexsort((layer.rank, begin - finish, begin, layer.article))
    base = np.asarray(offsets[:-1], dtype=np.int64)[layer.article]
    length = np.asarray(offsets[1:], dtype=np.int64)[layer.article] - base - 1
    # A span's words: those ending after its start and starting before its end (in its text).
    first = np.searchsorted(ends, base + np.clip(begin, 0, length), side="right")[order]
    stop = np.searchsorted(starts, base + np.clip(finish, 0, length), side="left")[order]
    count = np.clip(stop - first, 0, None)
    total = int(count.sum())
    if total == 0:
        return labels
    taken = np.repeat(np.arange(len(order)), count)  # rule order: the first to cover wins
    words = np.arange(total) + np.repeat(first - (np.cumsum(count) - count), count)
    covered, where = np.unique(words, return_index=True)
    labels[covered] = layer.code[order][taken[where]]
    return labels


def _common(np: Any, a: _Layer, b: _Layer) -> tuple[Any, Any, Any]:
    """Exact matches: for each distinct (article, start, end, label) both layers have, how
    many times both have it (the smaller count), its article and its label code."""
    side = np.concatenate([np.zeros(len(a.code), bool), np.ones(len(b.code), bool)])
    columns = [np.concatenate([getattr(a, n), getattr(b, n)]) for n in ("article", "start")]
    columns += [np.concatenate([getattr(a, n), getattr(b, n)]) for n in ("end", "code")]
    if not len(side) or not len(a.code) or not len(b.code):
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty
    order = np.lexsort(columns[::-1])
    columns = [column[order] for column in columns]
    side = side[order]
    changed = np.zeros(len(side), dtype=bool)
    changed[0] = True
    for column in columns:
        changed[1:] |= column[1:] != column[:-1]
    group = np.cumsum(changed) - 1
    in_b = np.bincount(group, weights=side)
    in_a = np.bincount(group, weights=~side)
    firsts = np.flatnonzero(changed)
    return np.minimum(in_a, in_b), columns[0][firsts], columns[3][firsts]


def _pairs(np: Any, a: _Layer, b: _Layer) -> tuple[tuple[Any, Any], tuple[Any, Any]]:
    """The greedy one-to-one pairs of overlapping spans, same-label and any-label: each as
    (indices in A, indices in B) of the batch. Largest overlap first; ties: a same-label pair,
    the earlier A span (start, end, label, index), the earlier B span."""
    none = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64))
    if not len(a.code) or not len(b.code):
        return none, none
    low = min(int(a.start.min()), int(b.start.min()))
    stride = max(int(a.end.max()), int(b.end.max()), int(a.start.max())) - low + 1
    at_a, at_b = a.article * stride + a.start - low, b.article * stride + b.start - low
    order_b = np.argsort(at_b, kind="stable")
    sorted_b = at_b[order_b]
    longest = int((b.end - b.start).max())
    lo = np.searchsorted(sorted_b, at_a - longest, side="right")
    hi = np.searchsorted(sorted_b, at_a + (a.end - a.start), side="left")
    count = np.clip(hi - lo, 0, None)
    i = np.repeat(np.arange(len(a.code)), count)
    j = order_b[np.arange(int(count.sum())) + np.repeat(lo - (np.cumsum(count) - count), count)]
    overlap = np.minimum(a.end[i], b.end[j]) - np.maximum(a.start[i], b.start[j])
    keep = (overlap > 0) & (a.article[i] == b.article[j])
    i, j, overlap = i[keep], j[keep], overlap[keep]
    other = a.code[i] != b.code[j]
    order = np.lexsort((j, b.rank[j], b.end[j], b.start[j], i, a.rank[i], a.end[i], a.start[i],
                        other, -overlap, a.article[i]))  # fmt: skip
    i, j, other = i[order], j[order], other[order]
    same = np.flatnonzero(~other)
    same = same[_greedy(np, i[same], j[same], len(a.code), len(b.code))]
    taken = _greedy(np, i, j, len(a.code), len(b.code))
    return (i[same], j[same]), (i[taken], j[taken])


def _greedy(np: Any, i: Any, j: Any, n_a: int, n_b: int) -> Any:
    """Which of the candidate pairs (A index `i`, B index `j`, best first) the greedy pairing
    takes: each in turn unless its A or its B span is taken already. A pair whose spans are
    in no other candidate is always taken; only the rest are walked one by one."""
    alone = (np.bincount(i, minlength=n_a)[i] == 1) & (np.bincount(j, minlength=n_b)[j] == 1)
    taken = alone.copy()
    rest = np.flatnonzero(~alone)
    used_a: set[int] = set()
    used_b: set[int] = set()
    for k, x, y in zip(rest.tolist(), i[rest].tolist(), j[rest].tolist(), strict=True):
        if x not in used_a and y not in used_b:
            used_a.add(x)
            used_b.add(y)
            taken[k] = True
    return np.flatnonzero(taken)
