"""Suggestions for an article: the tagger's spans and the lexicon's and register's hits,
merged, without what the analyst already tagged or rejected. A suggestion is never stored as
a span until the analyst accepts it (`suggest_actions.AcceptSuggestions`), so exports,
agreement and review never see one."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from annotator.models import Span
from annotator.store import Store
from annotator.suggest.lexicon import REGISTER, Hit, Lexicon
from annotator.suggest.model import Predicted, Tagger
from annotator.suggest.training import project_lexicon

MODEL, LEXICON = "model", "lexicon"
REGISTER_SCORE, LEXICON_SCORE = 0.9, 0.6
MAX_PER_ARTICLE = 200


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A span the analyst may accept: code points `[start, end)`, a label, how sure (0-1) and
    where it came from ("model", "lexicon", "register", or two joined by "+")."""

    article_id: int
    start: int
    end: int
    label: str
    score: float
    source: str
    text: str = ""
    actor_id: str | None = None

    @property
    def key(self) -> tuple[int, int, str]:
        """(start, end, label): how a reject is remembered."""
        return (self.start, self.end, self.label)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def combine(
    article_id: int,
    text: str,
    predicted: Iterable[Predicted],
    hits: Iterable[Hit],
    existing: Iterable[Span] = (),
    rejects: Iterable[tuple[int, int, str]] = (),
    labels: set[str] | None = None,
    limit: int = MAX_PER_ARTICLE,
) -> list[Suggestion]:
    """Merge the model's spans with the lexicon and register hits: one suggestion per
    (start, end, label) with the best score and every source; a hit inside a model span of
    its label is left to the model; none that overlaps an `existing` span of its label, sits
    exactly on any existing span, or was rejected. By position, at most `limit`."""
    found: dict[tuple[int, int, str], Suggestion] = {}

    def add(start: int, end: int, label: str, score: float, source: str,
            actor: str | None = None) -> None:  # fmt: skip
        if labels is not None and label not in labels:
            return
        key = (start, end, label)
        known = found.get(key)
        if known is not None:
            sources = "+".join(sorted({*known.source.split("+"), source}))
            score = max(score, known.score)
            actor = actor or known.actor_id
        else:
            sources = source
        found[key] = Suggestion(article_id, start, end, label, round(score, 4), sources,
                                text[start:end], actor)  # fmt: skip

    model_spans = list(predicted)
    for p in model_spans:
        add(p.start, p.end, p.label, p.score, MODEL)
    for hit in hits:
        end = hit.stem_end
        inside = any(
            p.label == hit.label
            and (p.start, p.end) != (hit.start, end)
            and _overlaps((p.start, p.end), (hit.start, end))
            for p in model_spans
        )
        if inside:
            continue
        register = hit.source == REGISTER
        actor = hit.actor_ids[0] if register and len(hit.actor_ids) == 1 else None
        add(hit.start, end, hit.label, REGISTER_SCORE if register else LEXICON_SCORE,
            REGISTER if register else LEXICON, actor)  # fmt: skip
    spans = list(existing)
    exact = {(s.start, s.end) for s in spans}
    rejected = set(rejects)
    kept = [
        s for s in found.values()
        if s.key not in rejected and (s.start, s.end) not in exact
        and not any(e.label == s.label and _overlaps((e.start, e.end), (s.start, s.end))
                    for e in spans)
    ]  # fmt: skip
    return sorted(kept, key=lambda s: (s.start, s.end, s.label))[:limit]


class Suggester:
    """Suggestions for one annotator's articles, with the tagger and lexicon read once."""

    def __init__(self, store: Store, annotator: str, tagger: Tagger | None = None,
                 lexicon: Lexicon | None = None) -> None:  # fmt: skip
        self.store, self.annotator = store, annotator
        if tagger is None:
            stored = store.model(annotator)
            tagger = Tagger(stored[0]) if stored is not None else None
        self.tagger = tagger
        self.lexicon = lexicon if lexicon is not None else project_lexicon(store)
        self.labels = {label.key for label in store.labels() if not label.retired}

    def for_text(
        self, article_id: int, text: str, existing: Sequence[Span] = ()
    ) -> list[Suggestion]:
        """Suggestions for a text (its spans of this annotator given as `existing`)."""
        predicted = self.tagger.predict(text, self.lexicon) if self.tagger is not None else []
        rejects = self.store.rejects(article_id, self.annotator)
        return combine(article_id, text, predicted, self.lexicon.hits(text), existing,
                       rejects, self.labels)  # fmt: skip

    def for_article(self, article_id: int) -> list[Suggestion]:
        """Suggestions for one stored article (empty for an unknown id)."""
        article = self.store.article(article_id)
        if article is None:
            return []
        return self.for_text(article_id, article.text, self.store.spans(article_id, self.annotator))

    def uncertainty(self, article_id: int) -> float:
        """How unsure the tagger is about the article (0 without a tagger)."""
        article = self.store.article(article_id)
        if article is None or self.tagger is None:
            return 0.0
        return self.tagger.uncertainty(article.text, self.lexicon)


def least_certain_first(suggester: Suggester, article_ids: Iterable[int]) -> list[int]:
    """`article_ids` with the ones the tagger is least sure about first (ties: given order)."""
    ids = list(article_ids)
    scores = {i: suggester.uncertainty(i) for i in ids}
    return sorted(ids, key=lambda i: -scores[i])
