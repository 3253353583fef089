"""The actor register: canonical actors that actor spans link to (`attrs["actor_id"]`)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from annotator.models import ACTOR_KINDS, Actor
from annotator.store.base import StoreBase, now_iso
from annotator.store.tables import TABLES, sql_list

_COLUMNS = TABLES["actors"]
_FIELDS = ("id", "name", "name_bn", "aliases", "kind", "cameo", "note")
ACTOR_ATTR = "actor_id"  # the span attribute that links a span to a register entry


class ActorError(ValueError):
    """An actor cannot be stored as given; the message is one line."""


def check_actor(actor: Actor) -> None:
    """Raise ActorError unless the actor has an id, a name and a known kind."""
    if not actor.id.strip() or any(c.isspace() for c in actor.id):
        raise ActorError(f"actor id {actor.id!r}: needs letters or digits and no spaces")
    if not actor.name.strip() and not actor.name_bn.strip():
        raise ActorError(f"actor {actor.id!r}: needs an English or a Bengali name")
    if actor.kind not in ACTOR_KINDS:
        raise ActorError(f"actor {actor.id!r}: kind must be one of {', '.join(ACTOR_KINDS)}")


def actor_from_row(row: tuple[Any, ...]) -> Actor:
    """An `Actor` from a row of the actors table (columns in table order)."""
    values = dict(zip(_COLUMNS, row, strict=True))
    values["aliases"] = json.loads(values["aliases"] or "[]")
    return Actor(**{k: values[k] for k in _FIELDS})


class ActorRows(StoreBase):
    """The actors table."""

    def actors(self) -> list[Actor]:
        """The register, by English name then id."""
        rows = self.db.execute(
            f"SELECT {sql_list(_COLUMNS)} FROM actors ORDER BY lower(name), id"
        ).fetchall()
        return [actor_from_row(r) for r in rows]

    def actor(self, actor_id: str) -> Actor | None:
        """One actor by id."""
        row = self.db.execute(
            f"SELECT {sql_list(_COLUMNS)} FROM actors WHERE id = ?", [actor_id]
        ).fetchone()
        return actor_from_row(row) if row else None

    def save_actors(self, actors: Iterable[Actor]) -> int:
        """Insert or update actors by id (one transaction, all checked first); how many."""
        actors = list(actors)
        for actor in actors:
            check_actor(actor)
        stamp = now_iso()
        with self.transaction():
            for actor in actors:
                self.db.execute(
                    "INSERT INTO actors (id, name, name_bn, aliases, kind, cameo, note, created,"
                    " updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
                    " name = excluded.name, name_bn = excluded.name_bn,"
                    " aliases = excluded.aliases, kind = excluded.kind, cameo = excluded.cameo,"
                    " note = excluded.note, updated = excluded.updated",
                    [actor.id.strip(), actor.name.strip(), actor.name_bn.strip(),
                     json.dumps([a.strip() for a in actor.aliases if a.strip()],
                                ensure_ascii=False),
                     actor.kind, actor.cameo.strip(), actor.note, stamp, stamp],
                )  # fmt: skip
        return len(actors)

    def delete_actor(self, actor_id: str) -> None:
        """Remove an actor from the register (spans that link to it keep the id)."""
        with self.transaction():
            self.db.execute("DELETE FROM actors WHERE id = ?", [actor_id])

    def actor_link_counts(self) -> dict[str, int]:
        """How many spans link to each actor id."""
        rows = self.db.execute(
            "SELECT json_extract(attrs, '$." + ACTOR_ATTR + "') AS a, count(*) FROM spans"
            " WHERE a IS NOT NULL GROUP BY a"
        ).fetchall()
        return {str(r[0]): int(r[1]) for r in rows}
