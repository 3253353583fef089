"""A colleague's relations and actor register, read from their project file (untrusted) and
brought in after their spans: each relation joins the spans it joined there, found again by
(article, layer, label, range) in ours; their register entries we lack are added (ours win).

Files written before claim frames existed have neither table; they import as before.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

import orjson

from annotator.ingest.untrusted_db import has_table, read_rows
from annotator.models import ACTOR_KINDS, Actor
from annotator.store import Store
from annotator.store.actors import ActorError, check_actor

SpanKey = tuple[int, str, str, int, int]  # our article id, layer, label, start, end


@dataclass(frozen=True)
class TheirRelation:
    """One of their relations, types checked (its ends are their span ids)."""

    id: int
    annotator: str
    type: str
    head: int
    tail: int
    attrs: dict[str, Any]


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _relation_problem(row: dict[str, Any]) -> str | None:
    for column in ("id", "head", "tail"):
        if not _is_int(row[column]):
            return f"{column} is not an integer"
    for column in ("annotator", "type"):
        value = row[column]
        if not isinstance(value, str) or not value.strip() or len(value) > 200:
            return f"{column} is not a usable name"
    return None


def _attrs(text: Any) -> dict[str, Any] | None:
    if text in (None, ""):
        return {}
    try:
        value = orjson.loads(text)
    except (orjson.JSONDecodeError, TypeError):
        return None
    return value if isinstance(value, dict) else None


def read_relations(
    conn: sqlite3.Connection, name: str
) -> tuple[list[TheirRelation], list[tuple[str, str, Any]]]:
    """Their relations (none when the file has no relations table) and the problems of rows
    that fail a check, as (where, why, annotator)."""
    if not has_table(conn, name, "relations"):
        return [], []
    found, problems = [], []
    for row, oversize in read_rows(conn, name, "relations", '"id"'):
        where = f"relations #{row['id']}"
        reason = oversize or _relation_problem(row)
        attrs = _attrs(row["attrs"]) if reason is None else None
        if reason is None and attrs is None:
            reason = "attrs is not a JSON object"
        if reason:
            problems.append((where, reason, row["annotator"]))
            continue
        found.append(TheirRelation(row["id"], row["annotator"], row["type"].strip(),
                                   row["head"], row["tail"], attrs or {}))  # fmt: skip
    return found, problems


def store_relations(
    store: Store,
    relations: list[TheirRelation],
    span_keys: dict[int, SpanKey],
    layers: set[str],
    touched: set[int],
    origin: str,
    problem: Any,
) -> dict[str, int]:
    """Make each imported layer's relations on the touched articles exactly theirs (the
    caller holds the transaction); how many were added per layer. `span_keys` maps their span
    ids to where those spans are now ours; `problem(where, why)` reports one that cannot be."""
    wanted = [r for r in relations if r.annotator in layers]
    if not layers or not touched:
        return {}
    store.db.execute(
        "DELETE FROM relations WHERE annotator IN (SELECT value FROM json_each(?))"
        " AND article_id IN (SELECT value FROM json_each(?))",
        [orjson.dumps(sorted(layers)).decode(), orjson.dumps(sorted(touched)).decode()],
    )
    store.ensure_relation_types(sorted({r.type for r in wanted}))
    ids: dict[tuple[int, str], dict[tuple[str, int, int], int]] = {}

    def our_span(key: SpanKey) -> int | None:
        article, layer, label, start, end = key
        if (article, layer) not in ids:
            ids[(article, layer)] = {
                (s.label, s.start, s.end): s.id for s in store.spans(article, layer)
            }
        return ids[(article, layer)].get((label, start, end))

    added: dict[str, int] = {}
    seen: set[tuple[str, str, int, int]] = set()
    for relation in wanted:
        ends = [span_keys.get(relation.head), span_keys.get(relation.tail)]
        if None in ends:
            problem(f"relations #{relation.id}", "one of its spans was not imported")
            continue
        head, tail = (our_span(key) for key in ends)  # type: ignore[arg-type]
        if head is None or tail is None or head == tail:
            problem(f"relations #{relation.id}", "one of its spans was not imported")
            continue
        key = (relation.annotator, relation.type, head, tail)
        if key in seen:
            continue
        seen.add(key)
        store.add_relation(relation.annotator, relation.type, head, tail, relation.attrs, origin)
        added[relation.annotator] = added.get(relation.annotator, 0) + 1
    return added


def read_actors(conn: sqlite3.Connection, name: str) -> list[Actor]:
    """Their register entries that pass the checks (none when the file has no register)."""
    if not has_table(conn, name, "actors"):
        return []
    found = []
    for row, oversize in read_rows(conn, name, "actors", '"id"'):
        aliases = _aliases(row["aliases"])
        texts = [row[c] for c in ("id", "name", "name_bn", "kind", "cameo", "note")]
        if oversize or aliases is None or not all(isinstance(t, str) for t in texts):
            continue
        if not row["id"].strip() or row["kind"] not in ACTOR_KINDS:
            continue
        found.append(Actor(row["id"], row["name"], row["name_bn"], aliases, row["kind"],
                           row["cameo"], row["note"]))  # fmt: skip
    return found


def _aliases(text: Any) -> list[str] | None:
    try:
        value = orjson.loads(text) if isinstance(text, str) else None
    except orjson.JSONDecodeError:
        return None
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value
    return None


def merge_actors(store: Store, actors: list[Actor]) -> int:
    """Add their register entries whose ids we lack (ours are kept as they are); how many."""
    have = {actor.id for actor in store.actors()}
    valid = []
    for actor in actors:
        try:
            check_actor(actor)
        except ActorError:
            continue
        if actor.id not in have:
            valid.append(actor)
    return store.save_actors(valid) if valid else 0
