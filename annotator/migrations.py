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


def pending_names(db: Database) -> list[str]:
    """Names of the migrations not yet applied to `db`."""
    return [m.name for m in migrations.pending(db)]


def backup_path(db_path: Path, applied: int) -> Path:
    """Where the copy taken before migrating `db_path` (at `applied` steps) goes."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    return db_path.with_name(f"{db_path.stem}.backup-v{applied}-{stamp}{db_path.suffix}")


def backup(db: Database, target: Path) -> Path:
    """Copy the whole database to `target` with SQLite's online backup API."""
    dest = sqlite3.connect(str(target))
    try:
        db.conn.backup(dest)
    finally:
        dest.close()
    return target


def migrate(db: Database, db_path: Path | None) -> Path | None:
    """Apply pending migrations; an existing file is first copied aside. Returns the backup path."""
    pending = migrations.pending(db)
    if not pending:
        return None
    copy = None
    has_tables = bool(db.table_names())
    if db_path is not None and has_tables:
        copy = backup(db, backup_path(db_path, len(migrations.applied(db))))
    migrations.apply(db)
    return copy
