"""How good the suggestions are: precision, recall and F1 per label, for exact spans (same
start, end and label) and overlapping ones (same label, any shared code point), by k-fold
cross-validation over an annotator's tagged articles."""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from annotator.suggest.lexicon import Lexicon
from annotator.suggest.model import Tagger, TrainingDoc, train
from annotator.suggest.suggestions import combine

Triple = tuple[int, int, str]


@dataclass
class Counts:
    """One label's counts: gold and predicted spans, and how many of each were matched."""

    gold: int = 0
    predicted: int = 0
    exact: int = 0  # predicted spans equal to a gold one (each gold matched once)
    overlap_predicted: int = 0  # predicted spans overlapping a gold span of the label
    overlap_gold: int = 0  # gold spans overlapped by a predicted span of the label

    def add(self, other: Counts) -> None:
        """Add another's counts to these."""
        for name in ("gold", "predicted", "exact", "overlap_predicted", "overlap_gold"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def figures(self) -> dict[str, float]:
        """Exact and overlap precision, recall and F1 (0 where nothing to divide)."""

        def ratio(a: int, b: int) -> float:
            return round(a / b, 4) if b else 0.0

        def f1(p: float, r: float) -> float:
            return round(2 * p * r / (p + r), 4) if p + r else 0.0

        ep, er = ratio(self.exact, self.predicted), ratio(self.exact, self.gold)
        op, orr = ratio(self.overlap_predicted, self.predicted), ratio(self.overlap_gold, self.gold)
        return {"exact_p": ep, "exact_r": er, "exact_f1": f1(ep, er),
                "overlap_p": op, "overlap_r": orr, "overlap_f1": f1(op, orr)}  # fmt: skip


@dataclass
class Evaluation:
    """Counts per label and over all labels."""

    labels: dict[str, Counts] = field(default_factory=dict)
    folds: int = 0
    docs: int = 0

    @property
    def overall(self) -> Counts:
        """All labels together (micro-averaged)."""
        total = Counts()
        for counts in self.labels.values():
            total.add(counts)
        return total


def score(gold: Iterable[Triple], predicted: Iterable[Triple]) -> dict[str, Counts]:
    """Compare one text's predicted spans with its gold ones, per label."""
    gold, predicted = list(gold), list(predicted)
    out: dict[str, Counts] = {}
    for label in {t[2] for t in (*gold, *predicted)}:
        g = [t for t in gold if t[2] == label]
        p = [t for t in predicted if t[2] == label]
        counts = out.setdefault(label, Counts())
        counts.gold, counts.predicted = len(g), len(p)
        counts.exact = len(set(g) & set(p))
        counts.overlap_predicted = sum(any(a[0] < b[1] and b[0] < a[1] for b in g) for a in p)
        counts.overlap_gold = sum(any(a[0] < b[1] and b[0] < a[1] for a in p) for b in g)
    return out


def predict(tagger: Tagger | None, lexicon: Lexicon, text: str) -> list[Triple]:
    """What the suggestions would offer on a text with no spans yet."""
    predicted = tagger.predict(text, lexicon) if tagger is not None else []
    return [s.key for s in combine(0, text, predicted, lexicon.hits(text), limit=10**6)]


def evaluate_split(
    train_docs: Sequence[TrainingDoc],
    test_docs: Sequence[TrainingDoc],
    groups: Mapping[str, str],
    lexicon: Lexicon | None = None,
) -> Evaluation:
    """Train on `train_docs`, score the suggestions on `test_docs`."""
    lexicon = lexicon or Lexicon()
    tagger = Tagger(train(train_docs, groups, lexicon))
    result = Evaluation(folds=1, docs=len(test_docs))
    for doc in test_docs:
        for label, counts in score(doc.spans, predict(tagger, lexicon, doc.text)).items():
            result.labels.setdefault(label, Counts()).add(counts)
    return result


def cross_validate(
    docs: Sequence[TrainingDoc],
    groups: Mapping[str, str],
    lexicon: Lexicon | None = None,
    folds: int = 5,
    seed: int = 0,
) -> Evaluation:
    """k-fold cross-validation (articles shuffled with `seed`); ValueError for fewer articles
    than folds."""
    if folds < 2 or len(docs) < folds:
        raise ValueError(f"{len(docs)} tagged articles cannot be split into {folds} folds")
    order = list(docs)
    random.Random(seed).shuffle(order)
    result = Evaluation(folds=folds, docs=len(order))
    for k in range(folds):
        test = order[k::folds]
        rest = [d for i, d in enumerate(order) if i % folds != k]
        for label, counts in evaluate_split(rest, test, groups, lexicon).labels.items():
            result.labels.setdefault(label, Counts()).add(counts)
    return result


def table(result: Evaluation) -> list[str]:
    """The evaluation as aligned text lines: one row per label and the overall row."""
    head = (f"{'label':22} {'gold':>5} {'pred':>5}  {'exact P':>7} {'R':>5} {'F1':>5}"
            f"  {'overlap P':>9} {'R':>5} {'F1':>5}")  # fmt: skip
    lines = [head]
    rows = [*sorted(result.labels.items()), ("(all labels)", result.overall)]
    for label, counts in rows:
        f = counts.figures()
        lines.append(
            f"{label:22} {counts.gold:5} {counts.predicted:5}  {f['exact_p']:7.3f} "
            f"{f['exact_r']:5.3f} {f['exact_f1']:5.3f}  {f['overlap_p']:9.3f} "
            f"{f['overlap_r']:5.3f} {f['overlap_f1']:5.3f}"
        )
    return lines


def as_json(result: Evaluation) -> dict:
    """The evaluation as JSON-ready data."""

    def entry(counts: Counts) -> dict:
        return {"gold": counts.gold, "predicted": counts.predicted, **counts.figures()}

    return {"folds": result.folds, "docs": result.docs, "overall": entry(result.overall),
            "labels": {k: entry(v) for k, v in sorted(result.labels.items())}}  # fmt: skip
