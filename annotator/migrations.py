"""Numbered schema steps for the project database; pending steps run after a backup copy.

The steps are applied by `sqlite_utils.Migrations` (its `_sqlite_migrations` table records
them), but sqlite-utils is imported only when a step is pending: which steps a file has is
read with plain SQL, so opening an up-to-date project does not load it (nor the numpy it
pulls in).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database, Migrations

MIGRATION_SET = "annotator"
MIGRATIONS_TABLE = "_sqlite_migrations"  # sqlite-utils' record of the applied steps
FTS_TOKENIZE = "unicode61 remove_diacritics 0 categories 'L* N* Co M* Cf'"

Step = Callable[["Database"], None]
STEPS: list[tuple[str, Step]] = []  # every schema step, in order


def step(name: str) -> Callable[[Step], Step]:
    """Register the decorated function as the next schema step, called `name`."""

    def register(function: Step) -> Step:
        STEPS.append((name, function))
        return function

    return register


def sqlite_migrations() -> Migrations:
    """The steps as a `sqlite_utils.Migrations` set (imports sqlite-utils)."""
    from sqlite_utils import Migrations  # noqa: PLC0415 - only when a step must run

    found = Migrations(MIGRATION_SET)
    for name, function in STEPS:
        found(name=name)(function)
    return found


@step("0001_articles_spans")
def m0001_articles_spans(db: Database) -> None:
    """Articles, their Bengali full-text index, and spans."""
    db.execute(
        """
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL DEFAULT '',
            outlet TEXT NOT NULL DEFAULT '',
            byline TEXT NOT NULL DEFAULT '',
            url TEXT NOT NULL DEFAULT '',
            published TEXT,
            updated TEXT,
            text TEXT NOT NULL,
            raw TEXT NOT NULL DEFAULT '',
            source_file TEXT NOT NULL DEFAULT '',
            imported_at TEXT NOT NULL,
            meta TEXT NOT NULL DEFAULT '{}'
        )
        """
    )
    db.execute("CREATE INDEX idx_articles_published ON articles(published)")
    db["articles"].enable_fts(
        ["title", "text"], fts_version="FTS5", create_triggers=True, tokenize=FTS_TOKENIZE
    )
    db.execute(
        """
        CREATE TABLE spans (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            annotator TEXT NOT NULL,
            label TEXT NOT NULL,
            start INTEGER NOT NULL CHECK (start >= 0),
            "end" INTEGER NOT NULL CHECK ("end" >= start),
            text TEXT NOT NULL,
            attrs TEXT NOT NULL DEFAULT '{}',
            note TEXT NOT NULL DEFAULT '',
            origin TEXT NOT NULL DEFAULT 'manual',
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX idx_spans_article ON spans(article_id, start)")
    db.execute("CREATE INDEX idx_spans_annotator ON spans(annotator)")
    db.execute("CREATE INDEX idx_spans_label ON spans(label)")


@step("0002_labels_status_annotators")
def m0002_labels_status_annotators(db: Database) -> None:
    """Label scheme, annotators, per-annotator article status, document labels, settings."""
    from annotator.scheme import default_scheme  # noqa: PLC0415 - only needed here

    db.execute(
        """
        CREATE TABLE labels (
            key TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            name_bn TEXT NOT NULL DEFAULT '',
            color TEXT NOT NULL,
            shortcut TEXT,
            guideline TEXT NOT NULL DEFAULT '',
            retired INTEGER NOT NULL DEFAULT 0,
            position INTEGER NOT NULL DEFAULT 0,
            kind TEXT NOT NULL DEFAULT 'span' CHECK (kind IN ('span', 'doc'))
        )
        """
    )
    for label in default_scheme():
        db.execute(
            "INSERT INTO labels (key, name, name_bn, color, shortcut, guideline, retired,"
            " position, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                label.key,
                label.name,
                label.name_bn,
                label.color,
                label.shortcut,
                label.guideline,
                int(label.retired),
                label.position,
                label.kind,
            ],
        )
    db.execute("CREATE TABLE annotators (name TEXT PRIMARY KEY, created TEXT NOT NULL)")
    db.execute(
        """
        CREATE TABLE article_status (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            annotator TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('todo', 'in_progress', 'done')),
            updated TEXT NOT NULL,
            PRIMARY KEY (article_id, annotator)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE doc_labels (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            annotator TEXT NOT NULL,
            label TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL,
            UNIQUE (article_id, annotator, label)
        )
        """
    )
    db.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


@step("0003_review_gold_comments")
def m0003_review_gold_comments(db: Database) -> None:
    """Review decisions (audit of the gold layer), comments, per-article review status."""
    db.execute(
        """
        CREATE TABLE review_decisions (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            reviewer TEXT NOT NULL,
            layer_a TEXT NOT NULL,
            layer_b TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            kind TEXT NOT NULL,
            decision TEXT NOT NULL CHECK (decision IN
                ('accept_a', 'accept_b', 'accept_both', 'reject', 'edit', 'agreed')),
            a_spans TEXT NOT NULL DEFAULT '[]',
            b_spans TEXT NOT NULL DEFAULT '[]',
            gold_span_ids TEXT NOT NULL DEFAULT '[]',
            comment TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL,
            superseded INTEGER NOT NULL DEFAULT 0
        )
        """
    )
    db.execute("CREATE INDEX idx_decisions_article ON review_decisions(article_id, start)")
    db.execute(
        """
        CREATE TABLE comments (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            span_id INTEGER REFERENCES spans(id) ON DELETE SET NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            author TEXT NOT NULL,
            body TEXT NOT NULL,
            created TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX idx_comments_article ON comments(article_id, start)")
    db.execute(
        """
        CREATE TABLE review_status (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            status TEXT NOT NULL CHECK (status IN ('not_reviewed', 'in_review', 'adjudicated')),
            reviewer TEXT NOT NULL DEFAULT '',
            updated TEXT NOT NULL
        )
        """
    )


@step("0004_span_ids_never_reused")
def m0004_span_ids_never_reused(db: Database) -> None:
    """Span ids are AUTOINCREMENT: an id freed by an undo is never given to another span.

    Undo deletes a span and redo puts it back under its old id; with plain rowids a second
    writer's new span could take that id in between. Runs with foreign keys off (the store
    turns them on after migrating), so dropping the old table does not touch `comments`.
    """
    db.execute(
        """
        CREATE TABLE spans_new (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            annotator TEXT NOT NULL,
            label TEXT NOT NULL,
            start INTEGER NOT NULL CHECK (start >= 0),
            "end" INTEGER NOT NULL CHECK ("end" >= start),
            text TEXT NOT NULL,
            attrs TEXT NOT NULL DEFAULT '{}',
            note TEXT NOT NULL DEFAULT '',
            origin TEXT NOT NULL DEFAULT 'manual',
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        )
        """
    )
    db.execute("INSERT INTO spans_new SELECT * FROM spans")
    db.execute("DROP TABLE spans")
    db.execute("ALTER TABLE spans_new RENAME TO spans")
    db.execute("CREATE INDEX idx_spans_article ON spans(article_id, start)")
    db.execute("CREATE INDEX idx_spans_annotator ON spans(annotator)")
    db.execute("CREATE INDEX idx_spans_label ON spans(label)")


@step("0005_search_index_after_import")
def m0005_search_index_after_import(db: Database) -> None:
    """New articles are indexed for search after their import commits, in short steps.

    Indexing in the insert trigger made a big import hold the write lock for seconds. Now an
    import records its new articles in `search_pending` in the same transaction, and
    `Store.index_pending` indexes them afterwards, a batch per transaction. The delete and
    update triggers skip articles that are not indexed yet (an external-content FTS5 table
    must never be told to delete a row it does not hold).
    """
    db.execute("CREATE TABLE search_pending (article_id INTEGER PRIMARY KEY)")
    db.execute("DROP TRIGGER IF EXISTS articles_ai")
    db.execute("DROP TRIGGER IF EXISTS articles_ad")
    db.execute("DROP TRIGGER IF EXISTS articles_au")
    db.execute(
        """
        CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
          INSERT INTO articles_fts (articles_fts, rowid, title, text)
            SELECT 'delete', old.id, old.title, old.text
            WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE article_id = old.id);
          DELETE FROM search_pending WHERE article_id = old.id;
        END
        """
    )
    db.execute(
        """
        CREATE TRIGGER articles_au AFTER UPDATE ON articles
        WHEN NOT EXISTS (SELECT 1 FROM search_pending WHERE article_id = old.id) BEGIN
          INSERT INTO articles_fts (articles_fts, rowid, title, text)
            VALUES ('delete', old.id, old.title, old.text);
          INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
        END
        """
    )


@step("0006_span_counts_by_annotator")
def m0006_span_counts_by_annotator(db: Database) -> None:
    """An index on spans(article_id, annotator, label): the article list's claims column (one
    annotator's span count per article, a page of rows at a time) and its label filter (does
    an article have a span of this label) are read from the index alone, without the rows."""
    db.execute(
        "CREATE INDEX IF NOT EXISTS idx_spans_article_annotator"
        " ON spans(article_id, annotator, label)"
    )


@step("0007_claim_frames")
def m0007_claim_frames(db: Database) -> None:
    """Claim frames: relations between spans, their types, the actor register, and the
    labels' category (claim / entity) and CAMEO code. The default scheme's entity labels and
    relation types are added where the project does not have those keys yet."""
    from annotator.scheme import preset_path, read_scheme_document  # noqa: PLC0415

    db.execute("ALTER TABLE labels ADD COLUMN category TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE labels ADD COLUMN cameo TEXT NOT NULL DEFAULT ''")
    db.execute(
        """
        CREATE TABLE relations (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            annotator TEXT NOT NULL,
            type TEXT NOT NULL,
            head INTEGER NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
            tail INTEGER NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
            tail_article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            attrs TEXT NOT NULL DEFAULT '{}',
            origin TEXT NOT NULL DEFAULT 'manual',
            created TEXT NOT NULL,
            UNIQUE (annotator, type, head, tail)
        )
        """
    )
    db.execute("CREATE INDEX idx_relations_article ON relations(article_id, annotator)")
    db.execute("CREATE INDEX idx_relations_tail_article ON relations(tail_article_id)")
    db.execute("CREATE INDEX idx_relations_head ON relations(head)")
    db.execute("CREATE INDEX idx_relations_tail ON relations(tail)")
    db.execute(
        """
        CREATE TABLE relation_types (
            key TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            name_bn TEXT NOT NULL DEFAULT '',
            color TEXT NOT NULL,
            heads TEXT NOT NULL DEFAULT '[]',
            tails TEXT NOT NULL DEFAULT '[]',
            cross_article INTEGER NOT NULL DEFAULT 0,
            guideline TEXT NOT NULL DEFAULT '',
            retired INTEGER NOT NULL DEFAULT 0,
            position INTEGER NOT NULL DEFAULT 0
        )
        """
    )
    db.execute(
        """
        CREATE TABLE actors (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            name_bn TEXT NOT NULL DEFAULT '',
            aliases TEXT NOT NULL DEFAULT '[]',
            kind TEXT NOT NULL DEFAULT 'state'
                CHECK (kind IN ('state', 'person', 'organisation', 'outlet')),
            cameo TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        )
        """
    )
    scheme = read_scheme_document(preset_path("default"))
    have = {str(row[0]): row for row in db.execute("SELECT key, shortcut FROM labels")}
    used = {str(row[1]) for row in have.values() if row[1] is not None}
    position = int(db.execute("SELECT coalesce(max(position), -1) FROM labels").fetchone()[0])
    for label in scheme.labels:
        if label.key in have:
            db.execute(
                "UPDATE labels SET category = ? WHERE key = ? AND category = ''",
                [label.category, label.key],
            )
            continue
        position += 1
        shortcut = label.shortcut if label.shortcut not in used else None
        db.execute(
            "INSERT INTO labels (key, name, name_bn, color, shortcut, guideline, retired,"
            " position, kind, category, cameo) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)",
            [label.key, label.name, label.name_bn, label.color, shortcut, label.guideline,
             position, label.kind, label.category, label.cameo],
        )  # fmt: skip
        if shortcut is not None:
            used.add(shortcut)
    for kind in scheme.relations:
        db.execute(
            "INSERT INTO relation_types (key, name, name_bn, color, heads, tails,"
            " cross_article, guideline, retired, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?)",
            [kind.key, kind.name, kind.name_bn, kind.color,
             json.dumps(kind.heads), json.dumps(kind.tails), int(kind.cross_article),
             kind.guideline, kind.position],
        )  # fmt: skip


@step("0008_suggestions")
def m0008_suggestions(db: Database) -> None:
    """Suggestions: each annotator's trained tagger (stored in the project, never
    downloaded), the label trigger phrases of the lexicon, and the suggestions an analyst
    rejected (never suggested again)."""
    db.execute(
        """
        CREATE TABLE suggestion_models (
            annotator TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            data BLOB NOT NULL,
            spans INTEGER NOT NULL DEFAULT 0,
            info TEXT NOT NULL DEFAULT '{}',
            created TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE lexicon (
            id INTEGER PRIMARY KEY,
            label TEXT NOT NULL,
            phrase TEXT NOT NULL,
            created TEXT NOT NULL,
            UNIQUE (label, phrase)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE suggestion_rejects (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            annotator TEXT NOT NULL,
            label TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            created TEXT NOT NULL,
            UNIQUE (article_id, annotator, label, start, "end")
        )
        """
    )


def _conn(db: Any) -> sqlite3.Connection:
    """The sqlite3 connection of a store's connection, a `Database` or a connection."""
    return db if isinstance(db, sqlite3.Connection) else db.conn


def pending_names(db: Any) -> list[str]:
    """Names of the migrations not yet applied to `db`."""
    applied = set(applied_names(db))
    return [name for name in known_names() if name not in applied]


def backup_path(db_path: Path, applied: int) -> Path:
    """Where the copy taken before migrating `db_path` (at `applied` steps) goes."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    return db_path.with_name(f"{db_path.stem}.backup-v{applied}-{stamp}{db_path.suffix}")


def backup(db: Any, target: Path) -> Path:
    """Copy the whole database to `target` with SQLite's online backup API.

    The copy is put in rollback-journal mode, so reading it later leaves no `-wal` beside it.
    """
    dest = sqlite3.connect(str(target))
    try:
        _conn(db).backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()
    return target


def known_names() -> list[str]:
    """Every schema step this version of the program knows, in order."""
    return [name for name, _function in STEPS]


def applied_names(db: Any) -> list[str]:
    """The schema steps recorded in `db`, in the order applied (read only)."""
    conn = _conn(db)
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [MIGRATIONS_TABLE]
    ).fetchone()
    if exists is None:
        return []
    rows = conn.execute(
        f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ? ORDER BY rowid",
        [MIGRATION_SET],
    )
    return [str(row[0]) for row in rows]


class NewerSchemaError(RuntimeError):
    """The database was written by a newer version: it has steps this version does not know."""


def check_not_newer(db: Any, label: str) -> None:
    """Raise NewerSchemaError (one line naming both versions) if `db` has unknown steps.

    Only reads: call it before anything writes to the file.
    """
    known = known_names()
    applied = applied_names(db)
    unknown = [name for name in applied if name not in known]
    if unknown:
        from annotator import __version__  # noqa: PLC0415 - only for this message

        raise NewerSchemaError(
            f"{label} was written by a newer version of annotator (schema version {len(applied)},"
            f" up to step {unknown[-1]}); this annotator {__version__} reads schema version"
            f" {len(known)} or older: update annotator to open it (nothing was changed)"
        )


def migrate(db: Any, db_path: Path | None) -> Path | None:
    """Apply pending migrations; an existing file is first copied aside. Returns the backup path.

    The steps run inside one `BEGIN IMMEDIATE` transaction, and the pending list is read again
    once the write lock is held, so two processes opening a project at once migrate it once.
    `db` is the store's connection (`store.base.Connection`) or a `sqlite_utils.Database`.
    """
    if not pending_names(db):
        return None
    conn = _conn(db)
    copy = None
    if db_path is not None and conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone():
        copy = backup(db, backup_path(db_path, len(applied_names(db))))
    utils = getattr(db, "utils", db)  # the sqlite-utils Database the steps are written for
    conn.execute("BEGIN IMMEDIATE")
    try:
        if pending_names(db):
            sqlite_migrations().apply(utils)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return copy
