"""Grapheme-cluster boundaries in plain text (Bengali, Devanagari, Latin, punctuation) decided
by table lookups instead of the regex engine's `\\X`, which costs ~0.4 µs a cluster.

The rules are those `\\X` applies to these scripts (tests compare them exhaustively): a mark,
ZWJ or ZWNJ joins the cluster before it; a consonant after a virama, with only non-spacing
marks or ZWJ between, joins too (conjuncts); CR LF stays together; controls stand alone.
Anything else (emoji, other scripts, very long mark runs) answers None: ask `\\X`.
"""

from __future__ import annotations

import unicodedata

_PLAIN_RANGES = ((0x0000, 0x036F), (0x0900, 0x09FF), (0x2000, 0x206F))
_ZWNJ, _ZWJ = "\u200c", "\u200d"
_LINKERS = frozenset("\u094d\u09cd")  # viramas
_LINKED_CONSONANTS = frozenset(
    chr(c)
    for first, last in (
        (0x0915, 0x0939),
        (0x0958, 0x095F),
        (0x0978, 0x097F),
        (0x0995, 0x09A8),
        (0x09AA, 0x09B0),
        (0x09B2, 0x09B2),
        (0x09B6, 0x09B9),
        (0x09DC, 0x09DD),
        (0x09DF, 0x09DF),
        (0x09F0, 0x09F1),
    )  # fmt: skip
    for c in range(first, last + 1)
)
_PLAIN = frozenset(chr(c) for first, last in _PLAIN_RANGES for c in range(first, last + 1))
# Characters that join the cluster before them.
_EXTENDS = frozenset(
    ch for ch in _PLAIN if ch in (_ZWNJ, _ZWJ) or unicodedata.category(ch)[0] == "M"
)
# Characters that stand alone (GB4/GB5).
_CONTROLS = frozenset(
    ch
    for ch in _PLAIN
    if ch not in (_ZWNJ, _ZWJ) and unicodedata.category(ch) in ("Cc", "Zl", "Zp", "Cf")
)
# What may sit between a virama and the consonant it links: non-spacing marks, ZWJ, and the
# two Bengali length marks that are Grapheme_Extend although spacing.
_CHAIN = frozenset(
    ch
    for ch in _EXTENDS
    if ch == _ZWJ or unicodedata.category(ch) in ("Mn", "Me") or ch in "\u09be\u09d7"
)
LOOK = 24  # how far a boundary test may look before it hands over to \\X

# A quick test callers inline (`plain_break` answers True at `i` when it passes): a boundary
# falls before a character of STARTS when the one before is PLAIN, and before a consonant
# (LINKED) when the one before is UNCHAINED (plain, and no virama or mark a conjunct spans).
PLAIN = _PLAIN
STARTS = frozenset(_PLAIN - _EXTENDS - _LINKED_CONSONANTS - {"\n"})
LINKED = _LINKED_CONSONANTS
UNCHAINED = frozenset(_PLAIN - _CHAIN - _LINKERS)
# ... and no boundary falls before a mark (EXTENDS) when the one before JOINS (is plain and
# not a control): `plain_break` answers False there.
EXTENDS = _EXTENDS
JOINS = frozenset(_PLAIN - _CONTROLS)


def plain_break(text: str, i: int) -> bool | None:
    """Whether a cluster boundary falls at offset `i` (None: not plain text here, ask `\\X`)."""
    if i <= 0 or i >= len(text):
        return True
    before, ch = text[i - 1], text[i]
    if ch not in _PLAIN or before not in _PLAIN:
        return None
    if before == "\r" and ch == "\n":
        return False
    if before in _CONTROLS or ch in _CONTROLS:
        return True
    if ch in _EXTENDS:
        return False
    if ch not in _LINKED_CONSONANTS:
        return True
    for back in range(i - 1, max(-1, i - 1 - LOOK), -1):
        prev = text[back]
        if prev in _LINKERS:
            return False
        if prev not in _CHAIN:
            return True if prev in _PLAIN else None
    return True if i - 1 < LOOK else None


def plain_snap(text: str, start: int, end: int) -> tuple[int, int] | None:
    """`[start, end)` widened to whole clusters (0 <= start <= end <= len(text)), or None when
    the text near either end is not plain (each boundary test checks the characters it reads)."""
    s = nearest_break(text, start, -1)
    if s is None or start == end:
        return None if s is None else (s, s)
    e = nearest_break(text, end, 1)
    return None if e is None else (s, max(s, e))


def nearest_break(text: str, i: int, step: int) -> int | None:
    """The first cluster boundary from `i` on in direction `step` (None: ask `\\X`)."""
    at = i
    length = len(text)
    while abs(at - i) <= LOOK:
        if 0 < at < length:  # the common answers of `plain_break`, decided inline
            ch, before = text[at], text[at - 1]
            if ch in STARTS and before in PLAIN or ch in LINKED and before in UNCHAINED:
                return at
            if ch in _EXTENDS and before in JOINS:
                at += step
                continue
        found = plain_break(text, at)
        if found is None:
            return None
        if found:
            return at
        at += step
    return None
