"""Word tokens of a text for the tagger: runs of letters, marks and digits (ZWJ/ZWNJ kept
inside a word, a hyphen or apostrophe joining two parts), and every other visible character
on its own (danda, comma, quotes, an emoji with its modifiers). Offsets are code points,
half-open, on grapheme-cluster edges."""

from __future__ import annotations

from dataclasses import dataclass

import regex

_CLUSTER = regex.compile(r"\X")
_WORD_START = regex.compile(r"[\p{L}\p{M}\p{N}]")
_JOINERS = frozenset("-'’")
SENTENCE_ENDS = frozenset({"।", "?", "!", ".", "॥"})


@dataclass(frozen=True, slots=True)
class Token:
    """One token: its text and `[start, end)` in the text."""

    text: str
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        """Letters or digits (not punctuation or a symbol)."""
        return self.text[0].isalnum() or len(self.text) > 1


def tokenize(text: str) -> list[Token]:
    """The tokens of `text`, in order: words are runs of grapheme clusters that begin with a
    letter, mark or digit (a hyphen or apostrophe between two such runs joins them); any
    other visible cluster is a token of its own."""
    clusters = [(m.start(), m.end()) for m in _CLUSTER.finditer(text)]
    kinds = [
        "space" if text[a].isspace() else "word" if _WORD_START.match(text[a]) else "other"
        for a, _b in clusters
    ]
    tokens: list[Token] = []
    start = None
    for i, ((a, b), kind) in enumerate(zip(clusters, kinds, strict=True)):
        joiner = (kind == "other" and text[a:b] in _JOINERS and start is not None
                  and i + 1 < len(kinds) and kinds[i + 1] == "word")  # fmt: skip
        if kind == "word" or joiner:
            start = a if start is None else start
            continue
        if start is not None:
            tokens.append(Token(text[start:a], start, a))
            start = None
        if kind == "other":
            tokens.append(Token(text[a:b], a, b))
    if start is not None:
        tokens.append(Token(text[start:], start, len(text)))
    return tokens
