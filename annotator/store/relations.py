"""Relations between spans, and the scheme's relation types (rules: `relation_scheme`)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from annotator.models import Relation
from annotator.relation_scheme import RelationTypeDef, validate_relation_types
from annotator.store.base import StoreBase, now_iso
from annotator.store.tables import TABLES, sql_list

_COLUMNS = TABLES["relations"]
_SELECT = sql_list(_COLUMNS)
_INSERT = f"INSERT INTO relations ({_SELECT}) VALUES ({', '.join('?' * len(_COLUMNS))})"
_INSERT_NEW = (
    f"INSERT INTO relations ({sql_list(_COLUMNS[1:])})"
    f" VALUES ({', '.join('?' * (len(_COLUMNS) - 1))})"
)
_TYPE_COLUMNS = TABLES["relation_types"]
_TYPE_UPSERT = (
    f"INSERT INTO relation_types ({sql_list(_TYPE_COLUMNS)})"
    f" VALUES ({', '.join('?' * len(_TYPE_COLUMNS))}) ON CONFLICT (key) DO UPDATE SET "
    + ", ".join(f'"{c}" = excluded."{c}"' for c in _TYPE_COLUMNS if c != "key")
)


def relation_from_row(row: tuple[Any, ...]) -> Relation:
    """A `Relation` from a row of `relations` (columns in table order)."""
    values = dict(zip(_COLUMNS, row, strict=True))
    values["attrs"] = json.loads(values["attrs"] or "{}")
    return Relation(**values)


def relation_row(relation: Relation) -> list[Any]:
    """The row of `relations` for `relation` (table order)."""
    return [
        relation.id, relation.article_id, relation.annotator, relation.type, relation.head,
        relation.tail, relation.tail_article_id,
        json.dumps(relation.attrs or {}, ensure_ascii=False, sort_keys=True),
        relation.origin, relation.created,
    ]  # fmt: skip


def _type_from_row(row: tuple[Any, ...]) -> RelationTypeDef:
    values = dict(zip(_TYPE_COLUMNS, row, strict=True))
    values["heads"] = json.loads(values["heads"] or "[]")
    values["tails"] = json.loads(values["tails"] or "[]")
    values["cross_article"] = bool(values["cross_article"])
    values["retired"] = bool(values["retired"])
    return RelationTypeDef(**values)


class RelationRows(StoreBase):
    """The relations and relation_types tables."""

    def add_relation(
        self,
        annotator: str,
        type_: str,
        head: int,
        tail: int,
        attrs: dict[str, Any] | None = None,
        origin: str = "manual",
    ) -> Relation:
        """Link span `head` to span `tail` (one transaction). Both spans must exist and be
        different; the relation's articles are the spans' (KeyError / ValueError otherwise)."""
        if head == tail:
            raise ValueError("a relation joins two different spans")
        with self.transaction():
            found = dict(
                self.db.execute(
                    "SELECT id, article_id FROM spans WHERE id IN (?, ?)", [head, tail]
                ).fetchall()
            )
            for span_id in (head, tail):
                if span_id not in found:
                    raise KeyError(f"no span {span_id}")
            relation = Relation(
                0, found[head], annotator, type_, head, tail, found[tail], dict(attrs or {}),
                origin, now_iso(),
            )  # fmt: skip
            cursor = self.db.execute(_INSERT_NEW, relation_row(relation)[1:])
            relation.id = int(cursor.lastrowid or 0)
        return relation

    def relation(self, relation_id: int) -> Relation | None:
        """One relation by id."""
        row = self.db.execute(
            f"SELECT {_SELECT} FROM relations WHERE id = ?", [relation_id]
        ).fetchone()
        return relation_from_row(row) if row else None

    def relations(self, article_id: int, annotator: str | None = None) -> list[Relation]:
        """Relations with a head or a tail in the article (of one annotator when given), by
        id."""
        sql = (
            f"SELECT {_SELECT} FROM relations WHERE id IN (SELECT id FROM relations WHERE"
            " article_id = ? UNION SELECT id FROM relations WHERE tail_article_id = ?)"
        )
        params: list[Any] = [article_id, article_id]
        if annotator is not None:
            sql += " AND annotator = ?"
            params.append(annotator)
        return [relation_from_row(r) for r in self.db.execute(sql + " ORDER BY id", params)]

    def relations_of_spans(self, span_ids: Iterable[int]) -> list[Relation]:
        """Relations that have one of these spans as head or tail, by id."""
        ids = json.dumps(sorted(set(span_ids)))
        rows = self.db.execute(
            f"SELECT {_SELECT} FROM relations WHERE head IN (SELECT value FROM json_each(?))"
            " OR tail IN (SELECT value FROM json_each(?)) ORDER BY id",
            [ids, ids],
        )
        return [relation_from_row(r) for r in rows]

    def layer_relations(
        self, annotators: Iterable[str], article_ids: Iterable[int]
    ) -> list[Relation]:
        """Relations of these annotators whose head is in one of these articles, by id."""
        names, ids = sorted(set(annotators)), sorted(set(article_ids))
        if not names or not ids:
            return []
        rows = self.db.execute(
            f"SELECT {_SELECT} FROM relations WHERE annotator IN (SELECT value FROM json_each(?))"
            " AND article_id IN (SELECT value FROM json_each(?)) ORDER BY id",
            [json.dumps(names), json.dumps(ids)],
        )
        return [relation_from_row(r) for r in rows]

    def iter_relations(self) -> Iterator[Relation]:
        """Every relation by head article, then id: one streaming query (exports)."""
        rows = self.db.execute(f"SELECT {_SELECT} FROM relations ORDER BY article_id, id")
        return map(relation_from_row, rows)

    def delete_relation(self, relation_id: int) -> Relation:
        """Delete a relation (one transaction) and return it as it was."""
        with self.transaction():
            relation = self.relation(relation_id)
            if relation is None:
                raise KeyError(f"no relation {relation_id}")
            self.db.execute("DELETE FROM relations WHERE id = ?", [relation_id])
        return relation

    def restore_relations(self, relations: Iterable[Relation]) -> None:
        """Put back relations exactly as they were (same ids), e.g. to undo a delete."""
        with self.transaction():
            self.db.conn.executemany(_INSERT, [relation_row(r) for r in relations])

    def relation_count(self, annotator: str | None = None) -> int:
        """How many relations the project holds (of one annotator when given)."""
        if annotator is None:
            return int(self.db.execute("SELECT count(*) FROM relations").fetchone()[0])
        row = self.db.execute("SELECT count(*) FROM relations WHERE annotator = ?", [annotator])
        return int(row.fetchone()[0])

    # -- relation types ------------------------------------------------------------------

    def relation_types(self, include_retired: bool = True) -> list[RelationTypeDef]:
        """The scheme's relation types in display order."""
        sql = f"SELECT {sql_list(_TYPE_COLUMNS)} FROM relation_types"
        if not include_retired:
            sql += " WHERE retired = 0"
        rows = self.db.execute(sql + " ORDER BY position, key").fetchall()
        return [_type_from_row(r) for r in rows]

    def save_relation_types(self, types: list[RelationTypeDef]) -> None:
        """Insert or update these types (by key) in one transaction, after validating the
        whole resulting set against the labels. Types not named are kept; relations are never
        touched."""
        with self.transaction():
            current = {kind.key: kind for kind in self.relation_types()}
            for kind in types:
                current[kind.key] = kind
            keys = {str(r[0]) for r in self.db.execute("SELECT key FROM labels")}
            validate_relation_types(list(current.values()), keys)
            for kind in types:
                self.db.execute(_TYPE_UPSERT, [
                    kind.key, kind.name, kind.name_bn, kind.color, json.dumps(kind.heads),
                    json.dumps(kind.tails), int(kind.cross_article), kind.guideline,
                    int(kind.retired), kind.position,
                ])  # fmt: skip

    def ensure_relation_types(self, keys: Iterable[str]) -> list[str]:
        """Add relation types the scheme does not know yet (any labels may be joined); the
        new keys. Imports call it for the types their files name."""
        existing = {kind.key for kind in self.relation_types()}
        added: list[RelationTypeDef] = []
        for key in keys:
            if key in existing or any(a.key == key for a in added):
                continue
            added.append(RelationTypeDef(key=key, name=key, position=len(existing) + len(added)))
        if added:
            self.save_relation_types(added)
        return [kind.key for kind in added]
