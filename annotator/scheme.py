"""Label schemes: the label records, validation, and reading/writing scheme files."""

from __future__ import annotations

import json
import os
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from annotator.paths import resources_dir

CERTAINTY = ("asserted", "reported", "speculated", "denied")
# The claim attributes the research schemes use, with their values (stored as span attrs);
# `event_date` beside them is free text (a date as the article gives it, or ISO).
CLAIM_ATTRIBUTES = {
    "polarity": ("asserted", "denied"),
    "modality": ("happened", "planned", "threatened", "hypothetical"),
    "quote": ("direct", "indirect", "none"),
}
EVENT_DATE = "event_date"
CATEGORIES = ("claim", "entity", "")
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
_CAMEO = re.compile(r"^[0-9]{2,4}$")
_KEY_CHARS = r"[^\p{L}\p{M}\p{N}]+"  # for the regex engine, loaded by `make_key`
# Colours given to labels that arrive without one (imported files), in turn.
PALETTE = (
    "#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#42d4f4", "#f032e6",
    "#bfef45", "#469990", "#9a6324", "#800000", "#808000", "#000075", "#a9a9a9",
)  # fmt: skip


class SchemeError(ValueError):
    """A label scheme file or edit is invalid; the message is one line."""


@dataclass
class LabelDef:
    """One label of the scheme. `key` is what spans store; names are for display."""

    key: str
    name: str
    name_bn: str = ""
    color: str = "#a9a9a9"
    shortcut: str | None = None
    guideline: str = ""
    retired: bool = False
    position: int = 0
    kind: str = "span"  # "span" or "doc" (document-level label)
    category: str = ""  # "claim", "entity" (fills a claim's slots) or "" (neither)
    cameo: str = ""  # the CAMEO event code of a claim label ("" when none is given)
    extra: dict[str, Any] = field(default_factory=dict)

    def display(self) -> str:
        """English and Bengali name together."""
        return f"{self.name} · {self.name_bn}" if self.name_bn else self.name


def make_key(name: str) -> str:
    """A stable key for a label name: lower case, words joined by underscores."""
    import regex  # noqa: PLC0415 - not needed to open a project

    key = regex.sub(_KEY_CHARS, "_", name.strip().lower()).strip("_")
    if not key:
        raise SchemeError(f"label name {name!r} has no letters or digits")
    return key


def validate(labels: list[LabelDef]) -> None:
    """Raise SchemeError for duplicate keys, bad colours or clashing shortcuts."""
    keys: set[str] = set()
    shortcuts: dict[str, str] = {}
    for label in labels:
        if not label.key or not label.name.strip():
            raise SchemeError("every label needs a key and a name")
        if label.key in keys:
            raise SchemeError(f"label key {label.key!r} appears twice")
        keys.add(label.key)
        if not _COLOR.match(label.color):
            raise SchemeError(f"label {label.key!r}: colour {label.color!r} is not #RRGGBB")
        if label.kind not in ("span", "doc"):
            raise SchemeError(f"label {label.key!r}: kind must be 'span' or 'doc'")
        if label.category not in CATEGORIES:
            raise SchemeError(f"label {label.key!r}: category must be 'claim', 'entity' or empty")
        if label.cameo and not _CAMEO.match(label.cameo):
            raise SchemeError(f"label {label.key!r}: CAMEO code {label.cameo!r} is not 2-4 digits")
        if label.shortcut is not None and not label.retired:
            if label.shortcut not in tuple("123456789"):
                raise SchemeError(f"label {label.key!r}: shortcut must be a digit 1-9")
            if label.shortcut in shortcuts:
                raise SchemeError(
                    f"shortcut {label.shortcut} is used by {shortcuts[label.shortcut]!r} "
                    f"and {label.key!r}"
                )
            shortcuts[label.shortcut] = label.key


def parse_scheme(data: Any) -> list[LabelDef]:
    """Labels from a scheme document (`{"labels": [...]}` or a bare list); validated."""
    items = data.get("labels") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise SchemeError("a scheme file holds {'labels': [...]} or a list of labels")
    labels: list[LabelDef] = []
    known = {f for f in LabelDef.__dataclass_fields__ if f != "extra"}
    for position, item in enumerate(items):
        if isinstance(item, str):
            item = {"name": item}
        if not isinstance(item, dict) or not str(item.get("name") or item.get("key") or ""):
            raise SchemeError(f"label {position + 1}: needs at least a name")
        values = {k: v for k, v in item.items() if k in known}
        values.setdefault("name", str(values.get("key")))
        values.setdefault("key", make_key(str(values["name"])))
        values.setdefault("color", PALETTE[position % len(PALETTE)])
        if values.get("shortcut") is not None:
            values["shortcut"] = str(values["shortcut"])
        values["position"] = position
        extra = {k: v for k, v in item.items() if k not in known}
        labels.append(LabelDef(**values, extra=extra))
    validate(labels)
    return labels


def load_scheme_file(path: str | os.PathLike[str]) -> list[LabelDef]:
    """Read a scheme JSON file; SchemeError with a one-line reason when it is not one."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SchemeError(f"{Path(path).name}: cannot read scheme ({exc})") from None
    return parse_scheme(data)


# The bundled schemes a project can start from (files under resources/).
PRESETS = {"default": "labels.json", "cameo": "schemes/cameo.json"}


def preset_path(name: str) -> Path:
    """The file of a bundled scheme preset; SchemeError for a name not in `PRESETS`."""
    if name not in PRESETS:
        raise SchemeError(f"no scheme preset {name!r} (known: {', '.join(PRESETS)})")
    return resources_dir() / PRESETS[name]


def default_scheme() -> list[LabelDef]:
    """The bundled scheme for claims in news about military ties."""
    return load_scheme_file(preset_path("default"))


@dataclass
class SchemeDocument:
    """A whole scheme file: its labels and its relation types."""

    labels: list[LabelDef]
    relations: list[Any]  # relation_scheme.RelationTypeDef


def read_scheme_document(path: str | os.PathLike[str]) -> SchemeDocument:
    """Labels and relation types of a scheme file, each validated (SchemeError, one line)."""
    from annotator.relation_scheme import parse_relation_types  # noqa: PLC0415 - cycle

    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SchemeError(f"{Path(path).name}: cannot read scheme ({exc})") from None
    labels = parse_scheme(data)
    return SchemeDocument(labels, parse_relation_types(data, {label.key for label in labels}))


def save_scheme_file(
    labels: list[LabelDef], path: str | os.PathLike[str], relations: list[Any] | None = None
) -> None:
    """Write a scheme file (labels, and relation types when given) atomically (temporary
    file, then rename)."""
    from annotator.relation_scheme import relation_types_payload  # noqa: PLC0415 - cycle

    target = Path(path)
    payload: dict[str, Any] = {
        "labels": [
            {k: v for k, v in asdict(label).items() if k not in ("extra", "position")}
            for label in labels
        ]
    }
    if relations:
        payload["relations"] = relation_types_payload(relations)
    import tempfile  # noqa: PLC0415 - only to write a scheme file

    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(payload, handle, ensure_ascii=False, indent=2)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
