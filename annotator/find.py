"""Find in one article: every case-insensitive occurrence of a typed string, in code points.

The stored text is NFC, so the needle is made NFC too. Case is folded per code point
(`str.casefold`), so a match never starts or ends inside a character whose folded form is
longer (German ß). ZWJ (U+200D) and ZWNJ (U+200C) are ignored on both sides: they only
choose how a conjunct is drawn (`র‍্যাব` and `র্যাব` are one word to a reader), so a
needle typed without them finds text that has them, and the other way round; a match that
has them inside covers them. Nothing here imports Qt: the reading pane converts the ranges.
"""

from __future__ import annotations

import unicodedata

JOINERS = frozenset("\u200c\u200d")


def find_all(text: str, needle: str) -> list[tuple[int, int]]:
    """Code-point ranges [start, end) of every occurrence of `needle` in `text`, in order and
    not overlapping; [] for an empty needle (or one of joiners only)."""
    wanted = "".join(c for c in unicodedata.normalize("NFC", needle) if c not in JOINERS)
    wanted = wanted.casefold()
    if not wanted or not text:
        return []
    folded = text.casefold()
    if len(folded) == len(text) and not any(j in text for j in JOINERS):
        return _plain(folded, wanted)
    return _mapped(text, wanted)


def _plain(folded: str, wanted: str) -> list[tuple[int, int]]:
    """Occurrences when folding kept every code point in place (the common case)."""
    found = []
    at = folded.find(wanted)
    while at >= 0:
        found.append((at, at + len(wanted)))
        at = folded.find(wanted, at + len(wanted))
    return found


def _mapped(text: str, wanted: str) -> list[tuple[int, int]]:
    """Occurrences in the folded text without joiners, mapped back to code points of `text`."""
    pieces: list[str] = []
    origin: list[int] = []  # the text offset each folded code point came from
    starts: set[int] = set()  # folded offsets where a text character begins
    for offset, char in enumerate(text):
        if char in JOINERS:
            continue
        starts.add(len(origin))
        piece = char.casefold()
        pieces.append(piece)
        origin.extend([offset] * len(piece))
    folded = "".join(pieces)
    starts.add(len(origin))
    found = []
    at = folded.find(wanted)
    while at >= 0:
        end = at + len(wanted)
        if at in starts and end in starts:
            found.append((origin[at], origin[end - 1] + 1))
            at = folded.find(wanted, end)
        else:
            at = folded.find(wanted, at + 1)
    return found
