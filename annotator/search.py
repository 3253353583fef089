"""Turn what an analyst types into an FTS5 query that matches Bengali words and their forms,
and find in a text the words such a query matched (for highlighting them)."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from annotator.text import canonicalise

# Same character classes as the index tokenizer (letters, marks, digits, private use, format).
_TOKEN = regex.compile(r"[\p{L}\p{M}\p{N}\p{Co}\p{Cf}]+")
_CHUNK = regex.compile(r'(-?)"([^"]*)"|(\S+)')


@dataclass(frozen=True)
class Term:
    """One term of a query: its tokens in order; `prefix`: the last token may begin a longer
    word (plain words); `negate`: articles with the term are excluded (`-word`)."""

    tokens: tuple[str, ...]
    prefix: bool
    negate: bool


def parse_query(query: str) -> list[Term]:
    """The terms of `query` (canonicalised as stored text is), in the order typed."""
    terms: list[Term] = []
    for match in _CHUNK.finditer(canonicalise(query)):
        if match.group(2) is not None:
            negate, body, prefix = bool(match.group(1)), match.group(2), False
        else:
            chunk = match.group(3)
            negate = chunk.startswith("-") and len(chunk) > 1
            body = chunk[1:] if negate else chunk
            prefix = True
        tokens = _TOKEN.findall(body)
        if tokens:
            terms.append(Term(tuple(tokens), prefix, negate))
    return terms


def build_fts_query(query: str) -> str:
    """Build an FTS5 MATCH expression from free text; "" when nothing searchable is left.

    - A plain word matches the word and any word it begins (Bengali inflects by suffix:
      `কোরিয়া` finds `কোরিয়ার`, `কোরিয়ায়`); a trailing `*` says the same explicitly.
    - `"a phrase"` matches those exact words in order, without prefix expansion.
    - `-word` excludes articles with the word. All other terms must all be present.
    The query is canonicalised (NFC) exactly as stored text is, so either form of `য়` works.
    """
    terms = parse_query(query)
    positive = [_fts_term(t) for t in terms if not t.negate]
    if not positive:
        return ""
    expression = " AND ".join(positive)
    for term in terms:
        if term.negate:
            expression += f" NOT {_fts_term(term)}"
    return expression


def _fts_term(term: Term) -> str:
    return '"' + " ".join(term.tokens) + '"' + ("*" if term.prefix else "")


def match_ranges(text: str, query: str) -> list[tuple[int, int]]:
    """Code-point ranges [start, end) of the words of `text` that `query`'s positive terms
    match, as the index matches them: a plain word matches every word it begins (inflected
    forms), a phrase its words in a row; case-insensitive. Each range starts and ends on a
    token boundary (a phrase covers its first word's start to its last word's end); sorted,
    not overlapping."""
    terms = [t for t in parse_query(query) if not t.negate]
    if not terms or not text:
        return []
    tokens = [(m.start(), m.end(), m.group().casefold()) for m in _TOKEN.finditer(text)]
    wanted = [([w.casefold() for w in t.tokens], t.prefix) for t in terms]
    found: list[tuple[int, int]] = []
    for i in range(len(tokens)):
        for words, prefix in wanted:
            if _matches_at(tokens, i, words, prefix):
                found.append((tokens[i][0], tokens[i + len(words) - 1][1]))
    return _merge(found)


def _matches_at(tokens: list[tuple[int, int, str]], i: int, words: list[str], prefix: bool) -> bool:
    if i + len(words) > len(tokens):
        return False
    last = len(words) - 1
    for k, word in enumerate(words):
        token = tokens[i + k][2]
        if not (token.startswith(word) if prefix and k == last else token == word):
            return False
    return True


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`ranges` sorted, overlapping ones joined."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
