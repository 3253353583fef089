"""Bengali case endings: the suffixes a noun or a name takes (ভারত → ভারতের, রাশিয়া → রাশিয়াকে,
রাশিয়ায়), defined once for whatever matches a name with its inflected forms.

The list search does not need them (its index matches any word a search word begins, see
`search.build_fts_query`); matching a register name inside a text does, so a name does not
match a longer different word (ভারত is not ভারতীয়). All forms are NFC, as stored text is
(`text.canonicalise`): `য়` is two code points there.
"""

from __future__ import annotations

import regex

from annotator.text import canonicalise

# Case endings after a name, longest first once compiled: genitive, objective, locative,
# plural, classifier forms; an emphatic ও or ই may follow any of them.
CASE_ENDINGS: tuple[str, ...] = tuple(
    canonicalise(s)
    for s in (
        "ের", "র", "এর", "কে", "য়", "য়ে", "ে", "তে", "েতে", "দের", "রা", "েরা",
        "টি", "টা", "টির", "টার", "টিকে", "গুলো", "গুলোর", "গুলি", "গুলির", "সহ",
        "ই", "ও",
    )
)  # fmt: skip
EMPHATIC: tuple[str, ...] = ("ও", "ই")
# A Latin name or an abbreviation often takes its ending after a hyphen or an apostrophe.
ENDING_JOINERS = "-'’"


def ending_pattern() -> str:
    """A regex (for the `regex` module) of an optional case ending, its joiner and emphatic."""
    endings = "|".join(regex.escape(e) for e in sorted(CASE_ENDINGS, key=len, reverse=True))
    emphatic = "|".join(EMPHATIC)
    joiners = regex.escape(ENDING_JOINERS)
    return f"(?:[{joiners}]?(?:{endings})(?:{emphatic})?)?"


def strip_ending(word: str) -> str:
    """`word` without one case ending (and emphatic), if what is left is two code points or
    more: ভারতের → ভারত, রাশিয়াকে → রাশিয়া. A word without one is returned as is."""
    word = canonicalise(word)
    for emphatic in EMPHATIC:
        if word.endswith(emphatic) and len(word) - len(emphatic) >= 2:
            word = word[: -len(emphatic)]
            break
    for ending in sorted(CASE_ENDINGS, key=len, reverse=True):
        if ending in EMPHATIC:
            continue
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            return word[: -len(ending)].rstrip(ENDING_JOINERS)
    return word
