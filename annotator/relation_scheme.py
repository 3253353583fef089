"""Relation types of the label scheme: which typed, directed links may join which labels.

A relation runs from a head span to a tail span (`agent`: claim -> actor). The types live in
the scheme beside the labels (`{"labels": [...], "relations": [...]}`), are stored in the
project's `relation_types` table and are edited in the scheme dialog. No Qt.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

from annotator.scheme import PALETTE, SchemeError, make_key

_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclass
class RelationTypeDef:
    """One relation type. `heads`/`tails`: the label keys its head and tail may carry (empty:
    any label); `cross_article`: its tail may sit in another article (`same_event`)."""

    key: str
    name: str
    name_bn: str = ""
    color: str = "#808080"
    heads: list[str] = field(default_factory=list)
    tails: list[str] = field(default_factory=list)
    cross_article: bool = False
    guideline: str = ""
    retired: bool = False
    position: int = 0

    def display(self) -> str:
        """English and Bengali name together."""
        return f"{self.name} · {self.name_bn}" if self.name_bn else self.name

    def allows(self, head_label: str, tail_label: str) -> bool:
        """Whether a span labelled `head_label` may link to one labelled `tail_label`."""
        return (not self.heads or head_label in self.heads) and (
            not self.tails or tail_label in self.tails
        )


def validate_relation_types(types: list[RelationTypeDef], label_keys: set[str]) -> None:
    """Raise SchemeError for duplicate keys, bad colours, or labels the scheme lacks."""
    seen: set[str] = set()
    for kind in types:
        if not kind.key or not kind.name.strip():
            raise SchemeError("every relation type needs a key and a name")
        if kind.key in seen:
            raise SchemeError(f"relation type {kind.key!r} appears twice")
        seen.add(kind.key)
        if not _COLOR.match(kind.color):
            raise SchemeError(f"relation type {kind.key!r}: colour {kind.color!r} is not #RRGGBB")
        unknown = sorted(set(kind.heads) - label_keys | set(kind.tails) - label_keys)
        if unknown:
            raise SchemeError(
                f"relation type {kind.key!r} names labels the scheme lacks: {', '.join(unknown)}"
            )


def _keys(value: Any, where: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise SchemeError(f"{where}: heads and tails are lists of label keys")


def parse_relation_types(data: Any, label_keys: set[str] | None = None) -> list[RelationTypeDef]:
    """The relation types of a scheme document (`{"relations": [...]}`; none when absent),
    validated against `label_keys` when given."""
    items = data.get("relations") if isinstance(data, dict) else None
    if items is None:
        return []
    if not isinstance(items, list):
        raise SchemeError("a scheme's 'relations' is a list of relation types")
    types: list[RelationTypeDef] = []
    for position, item in enumerate(items):
        if isinstance(item, str):
            item = {"name": item}
        if not isinstance(item, dict) or not str(item.get("name") or item.get("key") or ""):
            raise SchemeError(f"relation type {position + 1}: needs at least a name")
        name = str(item.get("name") or item.get("key"))
        key = str(item.get("key") or make_key(name))
        types.append(
            RelationTypeDef(
                key=key,
                name=name,
                name_bn=str(item.get("name_bn") or ""),
                color=str(item.get("color") or PALETTE[(position + 7) % len(PALETTE)]),
                heads=_keys(item.get("heads"), f"relation type {key!r}"),
                tails=_keys(item.get("tails"), f"relation type {key!r}"),
                cross_article=bool(item.get("cross_article", False)),
                guideline=str(item.get("guideline") or ""),
                retired=bool(item.get("retired", False)),
                position=position,
            )
        )
    validate_relation_types(types, label_keys if label_keys is not None else _named(types))
    return types


def _named(types: list[RelationTypeDef]) -> set[str]:
    return {key for kind in types for key in (*kind.heads, *kind.tails)}


def relation_types_payload(types: list[RelationTypeDef]) -> list[dict[str, Any]]:
    """The types as a scheme file writes them (no positions: the list order is kept)."""
    return [{k: v for k, v in asdict(kind).items() if k != "position"} for kind in types]


def allowed_types(
    types: list[RelationTypeDef], head_label: str, tail_label: str, same_article: bool = True
) -> list[RelationTypeDef]:
    """The live types a span labelled `head_label` may use to link one labelled `tail_label`
    (only cross-article types when the two sit in different articles)."""
    return [
        kind
        for kind in types
        if not kind.retired
        and kind.allows(head_label, tail_label)
        and (same_article or kind.cross_article)
    ]
