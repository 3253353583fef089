"""How span attribute values read to a person (no Qt): lists as comma-separated text."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from annotator.translatable import QT_TRANSLATE_NOOP

# How the window names the attributes and the certainty values (translated in `ui/`,
# context "attributes"); the stored keys and values stay as they are.
SHOWN_NAMES = {
    "actors": QT_TRANSLATE_NOOP("attributes", "actors"),
    "certainty": QT_TRANSLATE_NOOP("attributes", "certainty"),
    "source": QT_TRANSLATE_NOOP("attributes", "source"),
    "asserted": QT_TRANSLATE_NOOP("attributes", "asserted"),
    "reported": QT_TRANSLATE_NOOP("attributes", "reported"),
    "speculated": QT_TRANSLATE_NOOP("attributes", "speculated"),
    "denied": QT_TRANSLATE_NOOP("attributes", "denied"),
    "polarity": QT_TRANSLATE_NOOP("attributes", "polarity"),
    "modality": QT_TRANSLATE_NOOP("attributes", "modality"),
    "quote": QT_TRANSLATE_NOOP("attributes", "quote"),
    "event_date": QT_TRANSLATE_NOOP("attributes", "event date"),
    "actor_id": QT_TRANSLATE_NOOP("attributes", "register entry"),
    "happened": QT_TRANSLATE_NOOP("attributes", "happened"),
    "planned": QT_TRANSLATE_NOOP("attributes", "planned"),
    "threatened": QT_TRANSLATE_NOOP("attributes", "threatened"),
    "hypothetical": QT_TRANSLATE_NOOP("attributes", "hypothetical"),
    "direct": QT_TRANSLATE_NOOP("attributes", "direct"),
    "indirect": QT_TRANSLATE_NOOP("attributes", "indirect"),
    "none": QT_TRANSLATE_NOOP("attributes", "none"),
}
# Attributes whose values are words of `SHOWN_NAMES` (shown translated, stored as they are).
_WORD_VALUES = ("certainty", "polarity", "modality", "quote")


def _same(text: str) -> str:
    return text


def attr_text(value: Any) -> str:
    """A span attribute's value as readable text: a list (actors) as "a, b", nothing for
    None or an empty value, anything else as `str`; lists inside lists are flattened."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
        return ", ".join(text for text in (attr_text(item) for item in items) if text)
    if isinstance(value, Mapping):
        return ", ".join(f"{k}: {attr_text(v)}" for k, v in value.items() if attr_text(v))
    return str(value)


def attrs_summary(attrs: Mapping[str, Any], shown: Callable[[str], str] = _same) -> str:
    """Every non-empty attribute as "name: value", sorted by name, joined by "; ". `shown`
    turns a name or a certainty value into the words the reader sees (the window passes its
    translation of `SHOWN_NAMES`)."""
    parts = []
    for name, value in sorted(attrs.items()):
        text = attr_text(value)
        if text:
            if name in _WORD_VALUES:
                text = shown(text)
            parts.append(f"{shown(name)}: {text}")
    return "; ".join(parts)
