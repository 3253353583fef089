"""The tagger that learns from an analyst's spans: conditional random fields
(python-crfsuite, CPU only, no downloads) over word tokens with BIO tags.

Claims and the entities inside them overlap, so there is one model per group of labels
(claim labels, entity labels: `scheme.LabelDef.category`), each tagging every token. A label
whose spans mostly stop before a case ending (an actor tagged `রাশিয়া` in `রাশিয়ার`) has its
predictions cut the same way. The trained models are one byte string (a zip of the crfsuite
files and a JSON note), stored in the project."""

from __future__ import annotations

import io
import json
import random
import tempfile
import zipfile
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from annotator.inflection import strip_ending
from annotator.suggest.features import sequence_features
from annotator.suggest.lexicon import Lexicon
from annotator.suggest.tokens import Token, tokenize

KIND = "crf-bio-v1"
PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 80, "feature.possible_transitions": True}
OUTSIDE = "O"


@dataclass
class TrainingDoc:
    """One article's text and the spans to learn from: (start, end, label), code points."""

    text: str
    spans: list[tuple[int, int, str]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Predicted:
    """A span the model finds, with its mean marginal probability."""

    start: int
    end: int
    label: str
    score: float


def _bio(tokens: Sequence[Token], spans: Iterable[tuple[int, int, str]]) -> list[str]:
    """BIO tags of one group's spans (longer spans first; an overlapping one is left out)."""
    tags = [OUTSIDE] * len(tokens)
    for start, end, label in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):
        cover = [i for i, t in enumerate(tokens) if t.start < end and t.end > start]
        if not cover or any(tags[i] != OUTSIDE for i in cover):
            continue
        tags[cover[0]] = f"B-{label}"
        for i in cover[1:]:
            tags[i] = f"I-{label}"
    return tags


_IDENTITY = ("w=", "stem=", "p1=", "p2=", "p3=", "s1=", "s2=", "s3=")


def _masked(feats: list[list[str]], tags: Sequence[str], rng: random.Random) -> list[list[str]]:
    """`feats` with the word's own identity left out in about half the tagged spans."""
    out, drop = [], False
    for token_feats, tag in zip(feats, tags, strict=True):
        if tag.startswith("B-"):
            drop = rng.random() < 0.5
        if tag != OUTSIDE and drop:
            token_feats = [f for f in token_feats if not f.startswith(_IDENTITY)]
        out.append(token_feats)
    return out


def _stem_labels(docs: Iterable[TrainingDoc]) -> list[str]:
    """Labels whose spans mostly end inside a word (before its case ending)."""
    inside, total = Counter(), Counter()
    for doc in docs:
        ends = {t.end for t in tokenize(doc.text)}
        for _start, end, label in doc.spans:
            total[label] += 1
            inside[label] += end not in ends
    return sorted(label for label in total if inside[label] * 2 > total[label])


def train(
    docs: Sequence[TrainingDoc],
    groups: Mapping[str, str],
    lexicon: Lexicon | None = None,
    params: Mapping[str, object] | None = None,
) -> bytes:
    """Train one model per label group (`groups`: label -> group name; others "claim") on
    `docs`; the models as one byte string. A pure function of its input (runs on any thread)."""
    import pycrfsuite  # noqa: PLC0415 - heavy, only when training

    lexicon = lexicon or Lexicon()
    prepared = []
    for doc in docs:
        tokens = tokenize(doc.text)
        if tokens:
            prepared.append((tokens, sequence_features(tokens, lexicon.hits(doc.text)), doc))
    by_group: dict[str, list[str]] = {}
    for doc in docs:
        for _s, _e, label in doc.spans:
            group = groups.get(label, "claim")
            if label not in by_group.setdefault(group, []):
                by_group[group].append(label)
    out = io.BytesIO()
    with tempfile.TemporaryDirectory() as tmp, zipfile.ZipFile(out, "w") as archive:
        for group in sorted(by_group):
            trainer = pycrfsuite.Trainer(verbose=False)
            trainer.set_params({**PARAMS, **(params or {})})
            rng = random.Random(len(prepared))
            for tokens, feats, doc in prepared:
                spans = [s for s in doc.spans if groups.get(s[2], "claim") == group]
                tags = _bio(tokens, spans)
                trainer.append(feats, tags)
                # The same text with half its tagged words unnamed: the model must learn
                # the context too, so it finds names it has never seen.
                trainer.append(_masked(feats, tags, rng), tags)
            path = Path(tmp) / f"{group}.crfsuite"
            trainer.train(str(path))
            archive.writestr(f"{group}.crfsuite", path.read_bytes())
        meta = {"kind": KIND, "groups": by_group, "stem_labels": _stem_labels(docs),
                "docs": len(prepared), "spans": sum(len(d.spans) for d in docs)}  # fmt: skip
        archive.writestr("meta.json", json.dumps(meta, ensure_ascii=False))
    return out.getvalue()


class Tagger:
    """Trained models, ready to tag texts."""

    def __init__(self, data: bytes) -> None:
        """Open models made by `train` (ValueError for bytes that are not)."""
        import pycrfsuite  # noqa: PLC0415 - heavy, only when suggesting

        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                self.meta = json.loads(archive.read("meta.json"))
                models = {g: archive.read(f"{g}.crfsuite") for g in self.meta["groups"]}
        except (zipfile.BadZipFile, KeyError, ValueError) as exc:
            raise ValueError(f"not a trained suggestion model ({exc})") from None
        self._taggers = {}
        self._blobs = models  # crfsuite reads the model in place: the bytes must outlive it
        for group, blob in models.items():
            tagger = pycrfsuite.Tagger()
            tagger.open_inmemory(blob)
            self._taggers[group] = tagger
        self._stem = set(self.meta.get("stem_labels", []))

    @property
    def labels(self) -> list[str]:
        """The labels it was trained on."""
        return [label for labels in self.meta["groups"].values() for label in labels]

    def predict(self, text: str, lexicon: Lexicon | None = None) -> list[Predicted]:
        """The spans every model finds in `text`, by position."""
        tokens = tokenize(text)
        if not tokens:
            return []
        feats = sequence_features(tokens, (lexicon or Lexicon()).hits(text))
        found = []
        for tagger in self._taggers.values():
            tags = tagger.tag(feats)
            marginals = [tagger.marginal(tag, i) for i, tag in enumerate(tags)]
            found += self._spans(text, tokens, tags, marginals)
        return sorted(found, key=lambda p: (p.start, p.end, p.label))

    def uncertainty(self, text: str, lexicon: Lexicon | None = None) -> float:
        """How unsure the models are about `text`: 1 - the lowest marginal of a chosen tag
        over its tokens (0: sure of every token)."""
        tokens = tokenize(text)
        if not tokens:
            return 0.0
        feats = sequence_features(tokens, (lexicon or Lexicon()).hits(text))
        lowest = 1.0
        for tagger in self._taggers.values():
            tags = tagger.tag(feats)
            lowest = min([lowest, *(tagger.marginal(t, i) for i, t in enumerate(tags))])
        return 1.0 - lowest

    def _spans(self, text: str, tokens: Sequence[Token], tags: Sequence[str],
               marginals: Sequence[float]) -> list[Predicted]:  # fmt: skip
        found: list[Predicted] = []
        run: list[int] = []
        label = None

        def close() -> None:
            if run and label is not None:
                start, end = tokens[run[0]].start, tokens[run[-1]].end
                if label in self._stem:
                    last = tokens[run[-1]].text
                    end = tokens[run[-1]].start + len(strip_ending(last)) if len(last) > 2 else end
                score = sum(marginals[i] for i in run) / len(run)
                found.append(Predicted(start, end, label, round(score, 4)))

        for i, tag in enumerate(tags):
            if tag == OUTSIDE:
                close()
                run, label = [], None
                continue
            kind, name = tag.split("-", 1)
            if kind == "B" or name != label:
                close()
                run, label = [i], name
            else:
                run.append(i)
        close()
        return [p for p in found if p.end > p.start and text[p.start : p.end].strip()]
