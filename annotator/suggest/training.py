"""Training from the project: the spans of an annotator (and, if asked, the gold layer) as
training documents, the project's lexicon, and `retrain`, which a background job runs."""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass

from annotator.models import GOLD
from annotator.scheme import LabelDef
from annotator.store import Store
from annotator.suggest.lexicon import ACTOR_LABEL, Lexicon
from annotator.suggest.model import KIND, TrainingDoc, train


def label_groups(labels: Iterable[LabelDef]) -> dict[str, str]:
    """Which model learns each label: entity labels one, the others (claims) the other."""
    return {label.key: "entity" if label.category == "entity" else "claim" for label in labels}


def project_lexicon(store: Store) -> Lexicon:
    """The lexicon's trigger phrases and the actor register (its names suggest actor spans
    when the scheme has a live `actor` label)."""
    live = {label.key for label in store.labels() if not label.retired}
    return Lexicon(store.lexicon_phrases(), store.actors(),
                   ACTOR_LABEL if ACTOR_LABEL in live else None)  # fmt: skip


def training_docs(store: Store, annotator: str, with_gold: bool = False) -> list[TrainingDoc]:
    """Every article where `annotator` (or, with `with_gold`, the gold layer) has spans, with
    those spans (gold wins for an article both have)."""
    layers = [annotator, GOLD] if with_gold else [annotator]
    docs = []
    for article_id in store.tagged_articles(layers):
        article = store.article(article_id)
        spans = store.spans(article_id)
        gold = [s for s in spans if s.annotator == GOLD] if with_gold else []
        chosen = gold or [s for s in spans if s.annotator == annotator]
        if article is not None and chosen:
            docs.append(TrainingDoc(article.text, [(s.start, s.end, s.label) for s in chosen]))
    return docs


@dataclass(frozen=True)
class TrainResult:
    """What a training run learnt from and how long it took."""

    annotator: str
    docs: int
    spans: int
    labels: list[str]
    seconds: float


def retrain(store: Store, annotator: str, with_gold: bool = False) -> TrainResult:
    """Train `annotator`'s tagger on their spans and keep it in the project (ValueError when
    there is nothing to learn from). Reads and writes through `store` only: safe in a worker
    thread with its own connection."""
    began = time.perf_counter()
    docs = training_docs(store, annotator, with_gold)
    spans = sum(len(d.spans) for d in docs)
    if not spans:
        raise ValueError(f"{annotator} has no spans to learn from yet")
    data = train(docs, label_groups(store.labels()), project_lexicon(store))
    labels = sorted({label for d in docs for _s, _e, label in d.spans})
    seconds = round(time.perf_counter() - began, 2)
    info = {"docs": len(docs), "labels": labels, "seconds": seconds, "with_gold": with_gold}
    store.save_model(annotator, KIND, data, store.layer_span_count(annotator), info)
    return TrainResult(annotator, len(docs), spans, labels, seconds)
