"""How span attribute values read to a person (no Qt): lists as comma-separated text."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


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


def attrs_summary(attrs: Mapping[str, Any]) -> str:
    """Every non-empty attribute as "name: value", sorted by name, joined by "; "."""
    return "; ".join(
        f"{name}: {text}" for name, value in sorted(attrs.items()) if (text := attr_text(value))
    )
