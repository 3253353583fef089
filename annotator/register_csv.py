"""The actor register as a CSV file: columns id, name, name_bn, aliases (joined by "|"), kind,
cameo, note; UTF-8 with BOM for spreadsheets, cells safe against CSV injection.

`read_register` checks every row before anything is stored (a bad row: one `RegisterFileError`
naming it); `write_register` writes the file whole or not at all (`export.atomic`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path

from annotator.models import ACTOR_KINDS, Actor
from annotator.store.actors import ActorError, check_actor
from annotator.text import DecodeError, canonicalise, decode_bytes

COLUMNS = ("id", "name", "name_bn", "aliases", "kind", "cameo", "note")
ALIAS_SEPARATOR = "|"
_DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
MAX_FILE_BYTES = 50 * 1024 * 1024


class RegisterFileError(ValueError):
    """A register file that cannot be read as given; the message is one line."""


def _safe(value: str) -> str:
    """A cell a spreadsheet would read as a formula gets a leading apostrophe; so does one
    that already starts with an apostrophe before such a character (so it reads back as is)."""
    if value.startswith(_DANGEROUS) or (value.startswith("'") and _unsafe(value) != value):
        return "'" + value
    return value


def _unsafe(value: str) -> str:
    """Undo `_safe` (a cell written by `write_register` reads back as it was)."""
    rest = value[1:]
    if value.startswith("'") and (rest.startswith(_DANGEROUS) or _unsafe(rest) != rest):
        return rest
    return value


def actor_row(actor: Actor, links: int | None = None) -> list[str]:
    """The cells of one actor (and its link count when asked)."""
    cells = [actor.id, actor.name, actor.name_bn, ALIAS_SEPARATOR.join(actor.aliases),
             actor.kind, actor.cameo, actor.note]  # fmt: skip
    if links is not None:
        cells.append(str(links))
    return cells


def write_register(path: str | Path, actors: Iterable[Actor]) -> int:
    """Write `actors` to `path` (temp file, then rename); how many rows."""
    from annotator.export.atomic import atomic_write  # noqa: PLC0415 - only for writing

    count = 0
    with atomic_write(path, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        for actor in actors:
            writer.writerow([_safe(cell) for cell in actor_row(actor)])
            count += 1
    return count


def read_register(path: str | Path) -> list[Actor]:
    """The actors of a register CSV file, every row checked; RegisterFileError otherwise."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise RegisterFileError(f"{path.name}: larger than 50 MB, not a register")
        text = decode_bytes(path.read_bytes())
    except DecodeError as exc:
        raise RegisterFileError(f"{path.name}: {exc}") from None
    except OSError as exc:
        raise RegisterFileError(f"cannot read {path}: {exc.strerror or exc}") from None
    return parse_register(text, path.name)


def parse_register(text: str, name: str = "register") -> list[Actor]:
    """The actors of CSV `text` (a header row first); RegisterFileError names the bad row."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        raise RegisterFileError(f"{name}: empty file") from None
    except csv.Error as exc:
        raise RegisterFileError(f"{name}: not a CSV file ({exc})") from None
    unknown = [h for h in header if h and h not in (*COLUMNS, "links")]
    if unknown:
        raise RegisterFileError(
            f"{name}: unknown column {unknown[0]!r}; expected {', '.join(COLUMNS)}"
        )
    if "name" not in header and "name_bn" not in header:
        raise RegisterFileError(f"{name}: needs a name or a name_bn column")
    actors: list[Actor] = []
    seen: dict[str, int] = {}
    try:
        for number, row in enumerate(reader, start=2):
            if not any(cell.strip() for cell in row):
                continue
            actor = _actor(dict(zip(header, row, strict=False)), f"{name} row {number}")
            if actor.id in seen:
                raise RegisterFileError(
                    f"{name} row {number}: id {actor.id!r} already on row {seen[actor.id]}"
                )
            seen[actor.id] = number
            actors.append(actor)
    except csv.Error as exc:
        raise RegisterFileError(f"{name} row {reader.line_num}: {exc}") from None
    return actors


def _actor(cells: dict[str, str], where: str) -> Actor:
    values = {k: canonicalise(_unsafe(cells.get(k, "") or "")).strip() for k in COLUMNS}
    if not values["id"]:
        values["id"] = "_".join((values["name"] or values["name_bn"]).split())
    values["kind"] = values["kind"].lower() or ACTOR_KINDS[0]
    aliases = [a.strip() for a in values.pop("aliases").split(ALIAS_SEPARATOR) if a.strip()]
    actor = Actor(**values, aliases=aliases)
    try:
        check_actor(actor)
    except ActorError as exc:
        raise RegisterFileError(f"{where}: {exc}") from None
    return actor
