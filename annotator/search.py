"""Turn what an analyst types into an FTS5 query that matches Bengali words and their forms."""

from __future__ import annotations

import regex

from annotator.text import canonicalise

# Same character classes as the index tokenizer (letters, marks, digits, private use, format).
_TOKEN = regex.compile(r"[\p{L}\p{M}\p{N}\p{Co}\p{Cf}]+")
_CHUNK = regex.compile(r'(-?)"([^"]*)"|(\S+)')


def build_fts_query(query: str) -> str:
    """Build an FTS5 MATCH expression from free text; "" when nothing searchable is left.

    - A plain word matches the word and any word it begins (Bengali inflects by suffix:
      `কোরিয়া` finds `কোরিয়ার`, `কোরিয়ায়`); a trailing `*` says the same explicitly.
    - `"a phrase"` matches those exact words in order, without prefix expansion.
    - `-word` excludes articles with the word. All other terms must all be present.
    The query is canonicalised (NFC) exactly as stored text is, so either form of `য়` works.
    """
    positive: list[str] = []
    negative: list[str] = []
    for match in _CHUNK.finditer(canonicalise(query)):
        if match.group(2) is not None:
            negate, body, prefix = bool(match.group(1)), match.group(2), False
        else:
            chunk = match.group(3)
            negate = chunk.startswith("-") and len(chunk) > 1
            body = chunk[1:] if negate else chunk
            prefix = True
        tokens = _TOKEN.findall(body)
        if not tokens:
            continue
        term = '"' + " ".join(tokens) + '"' + ("*" if prefix else "")
        (negative if negate else positive).append(term)
    if not positive:
        return ""
    expression = " AND ".join(positive)
    for term in negative:
        expression += f" NOT {term}"
    return expression
