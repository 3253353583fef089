"""Numbered schema steps for the project database; pending steps run after a backup copy."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database, Migrations

MIGRATION_SET = "annotator"
FTS_TOKENIZE = "unicode61 remove_diacritics 0 categories 'L* N* Co M* Cf'"

migrations = Migrations(MIGRATION_SET)


@migrations(name="0001_articles_spans")
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


@migrations(name="0002_labels_status_annotators")
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


@migrations(name="0003_review_gold_comments")
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


@migrations(name="0004_span_ids_never_reused")
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


@migrations(name="0005_search_index_after_import")
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


def pending_names(db: Database) -> list[str]:
    """Names of the migrations not yet applied to `db`."""
    return [m.name for m in migrations.pending(db)]


def backup_path(db_path: Path, applied: int) -> Path:
    """Where the copy taken before migrating `db_path` (at `applied` steps) goes."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    return db_path.with_name(f"{db_path.stem}.backup-v{applied}-{stamp}{db_path.suffix}")


def backup(db: Database, target: Path) -> Path:
    """Copy the whole database to `target` with SQLite's online backup API.

    The copy is put in rollback-journal mode, so reading it later leaves no `-wal` beside it.
    """
    dest = sqlite3.connect(str(target))
    try:
        db.conn.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()
    return target


def known_names() -> list[str]:
    """Every schema step this version of the program knows, in order."""
    return [m.name for m in migrations.pending(Database(memory=True))]


def applied_names(db: Database) -> list[str]:
    """The schema steps recorded in `db` (read only)."""
    return [m.name for m in migrations.applied(db)]


class NewerSchemaError(RuntimeError):
    """The database was written by a newer version: it has steps this version does not know."""


def check_not_newer(db: Database, label: str) -> None:
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


def migrate(db: Database, db_path: Path | None) -> Path | None:
    """Apply pending migrations; an existing file is first copied aside. Returns the backup path.

    The steps run inside one `BEGIN IMMEDIATE` transaction, and the pending list is read again
    once the write lock is held, so two processes opening a project at once migrate it once.
    """
    if not migrations.pending(db):
        return None
    copy = None
    if db_path is not None and db.table_names():
        copy = backup(db, backup_path(db_path, len(migrations.applied(db))))
    conn = db.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        if migrations.pending(db):
            migrations.apply(db)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return copy
