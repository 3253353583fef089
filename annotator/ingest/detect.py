"""Guess a file's import format from its name, then from its first characters."""

from __future__ import annotations

import os

import orjson
import regex

from annotator.formats.registry import ARTICLES, AUTO, article_format_by_extension, format_names

FORMATS = (AUTO, *format_names(ARTICLES))

# Markup that marks a document as HTML rather than prose that happens to start with '<'.
_HTML_MARK = regex.compile(
    r"<\s*(?:!doctype\s+html|html|head|body|meta|title|article|main|p|div|span|h[1-6]|section"
    r"|table|ul|ol|br|a|script|style|header|nav)\b",
    regex.IGNORECASE,
)
_ARRAY_START = regex.compile(r'\[\s*(?:[\[{"\]\d-]|true|false|null|$)')
_JSON_START = regex.compile(r'\{[ \t]*(?:"|\r?\n)')


def detect_format(path: str, head: str) -> str:
    """Return one of FORMATS minus "auto": by extension, else by sniffing `head` (decoded text)."""
    by_name = article_format_by_extension(os.path.splitext(path)[1])
    return by_name if by_name is not None else _sniff(head)


def _sniff(head: str) -> str:
    text = head.lstrip("\ufeff \t\r\n")
    if not text:
        return "text"
    if text.startswith("<") and _HTML_MARK.search(text[:4096]):
        return "html"
    if _ARRAY_START.match(text):
        return "json"
    if text.startswith("{"):
        first = text.split("\n", 1)[0].strip()
        if _is_object(first):
            return "jsonl"
        # A pretty-printed object ({"articles": [...]}) spans many lines.
        if _JSON_START.match(text):
            return "json"
    return "text"


def _is_object(line: str) -> bool:
    try:
        return isinstance(orjson.loads(line), dict)
    except orjson.JSONDecodeError:
        return False
