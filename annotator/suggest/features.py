"""Features of each token for the tagger: the word, its stem without a Bengali case ending,
affixes, shape, digits, lexicon and register hits, sentence edges, and the same of the
neighbours two tokens either side. Plain strings, as python-crfsuite takes them."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from annotator.inflection import strip_ending
from annotator.suggest.lexicon import Hit
from annotator.suggest.tokens import SENTENCE_ENDS, Token

_BENGALI = range(0x0980, 0x0A00)
_WINDOW = (-2, -1, 1, 2)


def _shape(word: str) -> str:
    if all(ch.isdigit() for ch in word):
        return "digits"
    if any(ord(ch) in _BENGALI for ch in word):
        return "bn"
    if word[0].isalpha():
        return "Aa" if word[0].isupper() else "a"
    return "punct"


def _own(word: str, stem: str, hit_tags: Sequence[str]) -> list[str]:
    feats = [f"w={word}", f"stem={stem}", f"shape={_shape(word)}"]
    if stem != word:
        feats.append(f"end={word[len(stem) :]}")
    for n in (1, 2, 3):
        if len(word) > n:
            feats += [f"p{n}={word[:n]}", f"s{n}={word[-n:]}"]
    feats += hit_tags
    return feats


def _context(word: str, stem: str, hit_tags: Sequence[str], offset: int) -> list[str]:
    feats = [f"{offset}w={word}", f"{offset}stem={stem}"]
    feats += [f"{offset}{tag}" for tag in hit_tags]
    return feats


def hit_tags(tokens: Sequence[Token], hits: Sequence[Hit]) -> list[list[str]]:
    """For each token, the lexicon and register hits it lies in (B-/I- by position)."""
    tags: list[list[str]] = [[] for _ in tokens]
    starts = [t.start for t in tokens]
    for hit in hits:
        i = bisect.bisect_right(starts, hit.start) - 1
        i = max(i, 0)
        first = True
        while i < len(tokens) and tokens[i].start < hit.end:
            if tokens[i].end > hit.start:
                kind = "reg" if hit.source == "register" else f"lex:{hit.label}"
                tags[i].append(f"{'B' if first else 'I'}-{kind}")
                first = False
            i += 1
    return tags


def sequence_features(tokens: Sequence[Token], hits: Sequence[Hit]) -> list[list[str]]:
    """The feature list of every token of one text."""
    tags = hit_tags(tokens, hits)
    words = [t.text.casefold() for t in tokens]
    stems = [strip_ending(w) if len(w) > 2 else w for w in words]
    own = [_own(words[i], stems[i], tags[i]) for i in range(len(tokens))]
    out = []
    for i in range(len(tokens)):
        feats = ["bias", *own[i]]
        if i == 0 or tokens[i - 1].text in SENTENCE_ENDS:
            feats.append("BOS")
        if i + 1 == len(tokens) or tokens[i + 1].text in SENTENCE_ENDS:
            feats.append("EOS")
        for offset in _WINDOW:
            j = i + offset
            if 0 <= j < len(tokens):
                feats += _context(words[j], stems[j], tags[j], offset)
        out.append(feats)
    return out
