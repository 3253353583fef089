"""English singular and plural for Qt's "%n" strings when no translation applies.

Qt picks the plural form from a translation file; with none (English, the source language)
`tr("%n article(s)", "", n)` comes back as "1 article(s)". `plural` fixes that: wrap the
translated text, `plural(self.tr("%n article(s)", "", n), n)`, and English reads "1 article",
"2 articles"; a translation (which has no "(s)") passes through untouched.
"""

from __future__ import annotations

import re

_MARKS = re.compile(r"\((e?s)\)")  # "(s)" and "(es)" after a noun


def plural(text: str, n: int) -> str:
    """`text` with each "(s)"/"(es)" dropped when `n` is 1 and written out otherwise."""
    return _MARKS.sub("" if n == 1 else r"\1", text)
