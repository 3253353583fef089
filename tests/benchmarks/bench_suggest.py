"""Benchmark the suggestions (issue #16) on the generated corpus of `tests/suggest_corpus.py`.

Figures:
- "suggest: train on ~3,600 spans": seconds to train both taggers (claims, entities) on about
  470 articles with about 3,600 spans (what `retrain` runs in the background), against the
  floor of making their features only (tokens, lexicon hits, feature strings);
- "suggest: one article": median milliseconds to suggest for one unseen article (tagging,
  lexicon, merging), against tokenizing it alone;
- "suggest: quality on unseen names": overlap recall on 60 articles whose actors and places
  the tagger never saw (the issue's bar: overlap precision and recall >= 0.8, exact recall
  >= 0.5; all four are in the note).
Run: QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_suggest.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent), str(HERE.parents[1])]

from figures import figure, print_figures  # noqa: E402
from suggest_corpus import corpus  # noqa: E402

from annotator.suggest.evaluate import evaluate_split  # noqa: E402
from annotator.suggest.features import sequence_features  # noqa: E402
from annotator.suggest.lexicon import Lexicon  # noqa: E402
from annotator.suggest.model import Tagger, train  # noqa: E402
from annotator.suggest.suggestions import combine  # noqa: E402
from annotator.suggest.tokens import tokenize  # noqa: E402

GROUPS = {"actor": "entity", "place": "entity", "source": "entity", "date": "entity"}


def measure() -> dict[str, float]:
    """Every figure's raw numbers."""
    docs, unseen = corpus(train=470, test=60, seed=1)
    spans = sum(len(d.spans) for d in docs)
    lexicon = Lexicon()
    t0 = time.perf_counter()
    for doc in docs:
        sequence_features(tokenize(doc.text), lexicon.hits(doc.text))
    floor = time.perf_counter() - t0
    t0 = time.perf_counter()
    data = train(docs, GROUPS, lexicon)
    trained = time.perf_counter() - t0
    tagger = Tagger(data)
    per, base = [], []
    for doc in unseen:
        t0 = time.perf_counter()
        combine(0, doc.text, tagger.predict(doc.text, lexicon), lexicon.hits(doc.text))
        per.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        tokenize(doc.text)
        base.append(time.perf_counter() - t0)
    quality = evaluate_split(*corpus(train=200, test=60), GROUPS).overall.figures()
    return {"spans": spans, "docs": len(docs), "train": trained, "floor": floor,
            "suggest_ms": statistics.median(per) * 1000,
            "tokens_ms": statistics.median(base) * 1000, **quality}  # fmt: skip


def figures() -> list[dict]:
    """The suggestion figures for `make bench`."""
    m = measure()
    quality = (f"overlap P {m['overlap_p']:.3f} R {m['overlap_r']:.3f}, exact P "
               f"{m['exact_p']:.3f} R {m['exact_r']:.3f} (200 training, 60 unseen)")  # fmt: skip
    return [
        figure(f"suggest: train on {m['spans']:,} spans", m["train"], "s", target=30,
               baseline=m["floor"], baseline_what="making the features only",
               note=f"{m['docs']} articles; two CRF models with name masking"),
        figure("suggest: one article", m["suggest_ms"], "ms", target=50,
               baseline=m["tokens_ms"], baseline_what="tokenizing the article alone"),
        figure("suggest: quality on unseen names", m["overlap_r"], "overlap recall",
               target=0.8, lower_is_better=False, note=quality),
    ]  # fmt: skip


if __name__ == "__main__":
    print_figures(figures())
