"""The project's tables and their columns: the one description of the schema's shape.

The store selects by these names, the open check (`check_tables`) insists a project file has
them, the reader of a colleague's file (`ingest/untrusted_db.py`) picks the ones it reads from
here, and the records export copies (`records.ArticleRecord`, `records.SpanRecord`) are
checked against them. `migrations.py` holds the steps that build them.
"""

from __future__ import annotations

from typing import Any

TABLES: dict[str, tuple[str, ...]] = {
    "articles": ("id", "uid", "title", "outlet", "byline", "url", "published", "updated",
                 "text", "raw", "source_file", "imported_at", "meta"),
    "spans": ("id", "article_id", "annotator", "label", "start", "end", "text", "attrs", "note",
              "origin", "created", "updated"),
    "labels": ("key", "name", "name_bn", "color", "shortcut", "guideline", "retired",
               "position", "kind", "category", "cameo"),
    "annotators": ("name", "created"),
    "article_status": ("article_id", "annotator", "status", "updated"),
    "doc_labels": ("id", "article_id", "annotator", "label", "note", "created"),
    "settings": ("key", "value"),
    "review_decisions": ("id", "article_id", "reviewer", "layer_a", "layer_b", "start", "end",
                         "kind", "decision", "a_spans", "b_spans", "gold_span_ids", "comment",
                         "created", "superseded"),
    "comments": ("id", "article_id", "span_id", "start", "end", "author", "body", "created"),
    "review_status": ("article_id", "status", "reviewer", "updated"),
    "search_pending": ("article_id",),
    "relations": ("id", "article_id", "annotator", "type", "head", "tail", "tail_article_id",
                  "attrs", "origin", "created"),
    "relation_types": ("key", "name", "name_bn", "color", "heads", "tails", "cross_article",
                       "guideline", "retired", "position"),
    "actors": ("id", "name", "name_bn", "aliases", "kind", "cameo", "note", "created",
               "updated"),
    "suggestion_models": ("annotator", "kind", "data", "spans", "info", "created"),
    "lexicon": ("id", "label", "phrase", "created"),
    "suggestion_rejects": ("id", "article_id", "annotator", "label", "start", "end", "created"),
}  # fmt: skip

# The primary key of each table with one (a copied row is put back by it: `row_sets`).
PRIMARY_KEYS: dict[str, tuple[str, ...]] = {
    "articles": ("id",),
    "spans": ("id",),
    "labels": ("key",),
    "annotators": ("name",),
    "article_status": ("article_id", "annotator"),
    "doc_labels": ("id",),
    "settings": ("key",),
    "review_decisions": ("id",),
    "comments": ("id",),
    "review_status": ("article_id",),
    "search_pending": ("article_id",),
    "relations": ("id",),
    "relation_types": ("key",),
    "actors": ("id",),
    "suggestion_models": ("annotator",),
    "lexicon": ("id",),
    "suggestion_rejects": ("id",),
}


def pick(table: str, *columns: str) -> tuple[str, ...]:
    """`columns` of `table`, in the order given; KeyError for a name the table lacks."""
    known = TABLES[table]
    for column in columns:
        if column not in known:
            raise KeyError(f"table {table} has no column {column}")
    return columns


def omit(table: str, *columns: str) -> tuple[str, ...]:
    """The columns of `table` without `columns`, in table order."""
    pick(table, *columns)
    return tuple(c for c in TABLES[table] if c not in columns)


def sql_list(columns: tuple[str, ...], alias: str = "") -> str:
    """A quoted SQL column list (`"end"` is a keyword), each prefixed by `alias.` if given."""
    prefix = f"{alias}." if alias else ""
    return ", ".join(f'{prefix}"{c}"' for c in columns)


def missing_columns(db: Any) -> list[str]:
    """`table.column` names this description has and the open database lacks (read only)."""
    missing: list[str] = []
    for table, columns in TABLES.items():
        found = {row[1] for row in db.execute(f'PRAGMA table_xinfo("{table}")').fetchall()}
        missing.extend(f"{table}.{c}" for c in columns if c not in found)
    return missing
