"""CoNLL-2003 style token/IOB2 export for one annotator layer, with a Bengali tokenizer.

Written only: token files carry no article text to match, so they are not read (the format
table gives a `.conll` file a reason instead).

Layout: a `-DOCSTART-<TAB>O` line and a blank line before each article, then one
`TOKEN<TAB>TAG` line per token, a blank line after each sentence.
Tags are IOB2 (`B-LABEL`, `I-LABEL`, `O`); whitespace in labels becomes `_`.

Tokens: runs of letters, marks and digits (ZWJ/ZWNJ inside a word keep it whole); every other
non-space character is its own token (danda, quotes, commas, emoji with their variation
selectors). Sentences end after । ॥ ? ! and at line breaks.

One layer: the `annotator` argument, or per article the annotator with the most spans (ties
by name). Overlapping spans: the longest wins (then the earliest); the others are dropped. A
token touched by a kept span is tagged with it.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from pathlib import Path

import regex

from annotator.export.atomic import atomic_write
from annotator.export.selection import ExportItem
from annotator.models import Span

_WORD = r"[\p{L}\p{M}\p{N}]+(?:[\u200c\u200d]+[\p{L}\p{M}\p{N}]+)*"
_OTHER = r"[^\s\u200b\u2060\ufeff][\p{M}\u200c\u200d\ufe0e\ufe0f\U0001f3fb-\U0001f3ff]*"
_TOKEN = regex.compile(f"{_WORD}|{_OTHER}")
SPACE = regex.compile(r"[\s\u200b\u2060\ufeff]")  # what tokens never contain nor need cover
_ENDS = frozenset("\u0964\u0965?!")


def tokenize(text: str) -> list[tuple[int, int]]:
    """Half-open code-point ranges of the tokens of `text`, in order."""
    return [m.span() for m in _TOKEN.finditer(text)]


def sentences(text: str) -> list[list[tuple[int, int]]]:
    """Tokens grouped into sentences (ends at । ॥ ? ! and line breaks); no empty sentence."""
    result: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    prev_end = 0
    for start, end in tokenize(text):
        if current and "\n" in text[prev_end:start]:
            result.append(current)
            current = []
        current.append((start, end))
        prev_end = end
        if text[start:end] in _ENDS:
            result.append(current)
            current = []
    if current:
        result.append(current)
    return result


def choose_layer(spans: list[Span], annotator: str | None = None) -> list[Span]:
    """The spans of one annotator (given, or the one with most spans), overlaps resolved."""
    if annotator is None and spans:
        counts: dict[str, int] = {}
        for s in spans:
            counts[s.annotator] = counts.get(s.annotator, 0) + 1
        annotator = min(counts, key=lambda name: (-counts[name], name))
    layer = sorted(
        (s for s in spans if s.annotator == annotator), key=lambda s: (s.start - s.end, s.start)
    )
    kept: list[Span] = []
    for s in layer:
        if all(s.end <= k.start or k.end <= s.start for k in kept):
            kept.append(s)
    return sorted(kept, key=lambda s: s.start)


def tag_tokens(tokens: list[tuple[int, int]], spans: list[Span]) -> tuple[list[str], int]:
    """IOB2 tags for `tokens` from non-overlapping `spans`; also how many spans got a token."""
    tags = ["O"] * len(tokens)
    starts = [t[0] for t in tokens]
    used = 0
    for s in spans:
        i = max(0, bisect.bisect_right(starts, s.start) - 1)
        label = regex.sub(r"\s+", "_", s.label)
        first = True
        while i < len(tokens) and tokens[i][0] < s.end:
            if tokens[i][1] > s.start and tags[i] == "O":
                tags[i] = ("B-" if first else "I-") + label
                first = False
            i += 1
        used += not first
    return tags, used


def write(
    items: Iterable[ExportItem],
    path: Path,
    progress: Callable[[int], None] | None = None,
    annotator: str | None = None,
) -> int:
    """Write `items` as CoNLL IOB2 to `path` (atomically); return the number of spans tagged."""
    count = 0
    with atomic_write(path, "w") as out:
        for done, item in enumerate(items, 1):
            text = item.article.text
            spans = choose_layer(item.spans, annotator)
            groups = sentences(text)
            flat = [t for g in groups for t in g]
            tags, used = tag_tokens(flat, spans)
            count += used
            chunks = ["-DOCSTART-\tO\n\n"]
            k = 0
            for group in groups:
                for start, end in group:
                    chunks.append(f"{text[start:end]}\t{tags[k]}\n")
                    k += 1
                chunks.append("\n")
            out.write("".join(chunks))
            if progress is not None:
                progress(done)
    return count
