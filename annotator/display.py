"""Make names from outside (file names, archive members) safe to show in a one-line report."""

from __future__ import annotations

import unicodedata

# Format characters that Bengali needs, shown as they are: zero-width non-joiner and joiner.
_KEPT_FORMAT = frozenset("\u200c\u200d")
_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable_name(name: str) -> str:
    """`name` with every invisible or line-breaking character written as an escape.

    Control characters (newline as `\\n`, tab, ESC as `\\x1b` ...), line and paragraph
    separators, bidirectional controls and other format characters (U+202E as `\\u202e`,
    U+200E/F, U+2066-9, U+061C), and lone surrogates (bytes of a file name that are not
    UTF-8) are escaped, so a name cannot break a report's lines, reorder its text or hide.
    Bengali letters, signs and ZWNJ/ZWJ are kept.
    """
    if name.isprintable():
        return name  # the usual case; False for any Cc, Cf, Cs, Co, Cn, Zl, Zp or Zs but space
    return "".join(_escape(c) for c in name)


def _escape(char: str) -> str:
    if char in _SHORT:
        return _SHORT[char]
    if char in _KEPT_FORMAT or char == " ":
        return char
    if unicodedata.category(char) not in ("Cc", "Cf", "Cs", "Zl", "Zp", "Co", "Cn"):
        return char
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def decoded_name(name: str) -> str:
    """A file name as storable text: bytes of it that are not UTF-8 (which Python holds as
    lone surrogates, and which no UTF-8 database or file accepts) written as `\\xff`."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return name
