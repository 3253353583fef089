"""Rolling copies of a project file: a daily snapshot on open, listing, checking and restoring.

Where they live: beside the project, so they travel with it and a user finds them in a file
manager. For `project.db`:

- daily snapshots: `project.backups/project.daily-<UTC time>.db` (this module);
- pre-migration copies: `project.backup-v<N>-<UTC time>.db` (`annotator.migrations`);
- files kept aside by a restore: `project.before-restore-<UTC time>.db` (with their `-wal`).

A daily snapshot is taken with SQLite's online backup API the first time the project is opened
on a (local) calendar day; it is written under a temporary name and renamed, so a snapshot is
whole or absent. Only daily snapshots are pruned, to the newest `keep` (default 7, the project
setting `backup_keep`, `annotator backups --keep N`; 0 turns snapshots off); pre-migration and
before-restore copies are rare, and a user's own way back, so they are never deleted here.
Deciding whether a snapshot is due reads one directory listing, nothing of the database.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

DAILY = "daily"
PRE_MIGRATION = "pre-migration"
BEFORE_RESTORE = "before-restore"
KEEP_SETTING = "backup_keep"
DEFAULT_KEEP = 7
_STAMP = r"(\d{8}T\d{6})(\d{0,6})Z"
_SIDE_FILES = ("-wal", "-shm", "-journal")


class BackupError(RuntimeError):
    """A backup cannot be made, read or restored; the message is one line."""


@dataclass
class Backup:
    """One copy of a project file."""

    path: Path
    kind: str  # "daily", "pre-migration" or "before-restore"
    created: datetime  # UTC, from the file name
    size: int  # bytes


def backups_dir(db_path: Path) -> Path:
    """The folder holding the daily snapshots of `db_path` (`<stem>.backups/` beside it)."""
    return db_path.with_name(f"{db_path.stem}.backups")


def stamp(now: datetime | None = None) -> str:
    """The UTC time stamp used in backup file names."""
    return (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%dT%H%M%S%fZ")


def human_size(n: int) -> str:
    """A file size for people: 812 B, 3.4 KB, 12.0 MB."""
    if n < 1024:
        return f"{n} B"
    value = n / 1024
    for unit in ("KB", "MB"):
        if value < 1024:
            return f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GB"


def _parse_stamp(base: str, micro: str) -> datetime:
    created = datetime.strptime(base, "%Y%m%dT%H%M%S").replace(tzinfo=UTC)
    return created.replace(microsecond=int(micro.ljust(6, "0"))) if micro else created


def _patterns(db_path: Path) -> dict[str, re.Pattern[str]]:
    stem, suffix = re.escape(db_path.stem), re.escape(db_path.suffix)
    return {
        DAILY: re.compile(rf"{stem}\.daily-{_STAMP}{suffix}"),
        PRE_MIGRATION: re.compile(rf"{stem}\.backup-v\d+-{_STAMP}{suffix}"),
        BEFORE_RESTORE: re.compile(rf"{stem}\.before-restore-{_STAMP}{suffix}"),
    }


def _scan(folder: Path, kinds: dict[str, re.Pattern[str]]) -> list[Backup]:
    found: list[Backup] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return found
    for entry in entries:
        for kind, pattern in kinds.items():
            match = pattern.fullmatch(entry.name)
            if match:
                try:
                    size = entry.stat().st_size
                except OSError:
                    break
                found.append(Backup(Path(entry.path), kind, _parse_stamp(*match.groups()), size))
                break
    return found


def _dailies(db_path: Path) -> list[Backup]:
    found = _scan(backups_dir(db_path), {DAILY: _patterns(db_path)[DAILY]})
    return sorted(found, key=lambda b: b.created, reverse=True)


def list_backups(db_path: Path) -> list[Backup]:
    """Every copy of `db_path` (daily, pre-migration, before-restore), newest first."""
    db_path = Path(db_path)
    patterns = _patterns(db_path)
    aside = {kind: patterns[kind] for kind in (PRE_MIGRATION, BEFORE_RESTORE)}
    found = _dailies(db_path) + _scan(db_path.parent, aside)
    return sorted(found, key=lambda b: b.created, reverse=True)


def _open_read_only(path: Path) -> sqlite3.Connection:
    """Open `path` without writing anything: not the file, nor a `-wal`/`-shm` beside it.

    Copies made by the backup API keep the source's WAL flag; opening such a file with only
    `mode=ro` creates `-wal`/`-shm` files, so a file without a `-wal` is opened immutable.
    """
    uri = Path(path).resolve().as_uri() + "?mode=ro"
    if not Path(f"{path}-wal").exists():
        uri += "&immutable=1"
    return sqlite3.connect(uri, uri=True)


def verify_backup(path: Path) -> None:
    """Raise BackupError unless `path` is an undamaged annotator project (`quick_check`)."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path}: no such backup file")
    try:
        con = _open_read_only(path)
        try:
            result = [row[0] for row in con.execute("PRAGMA quick_check").fetchall()]
            tables = {
                row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{path.name}: damaged or not a database ({exc})") from None
    if result != ["ok"]:
        problem = " ".join(result[0].split()) if result else "no answer"
        raise BackupError(f"{path.name}: damaged ({problem})")
    if "_sqlite_migrations" not in tables:
        raise BackupError(f"{path.name}: an SQLite file, but not an annotator project")


def latest_good_backup(db_path: Path) -> Backup | None:
    """The newest daily or pre-migration copy that opens and passes `PRAGMA quick_check`.

    Files kept aside by a restore are not offered: they are what the user moved away from.
    """
    for backup in list_backups(db_path):
        if backup.kind == BEFORE_RESTORE:
            continue
        try:
            verify_backup(backup.path)
        except BackupError:
            continue
        return backup
    return None


def is_due(db_path: Path, now: datetime | None = None) -> bool:
    """Whether no daily snapshot of `db_path` was taken yet on `now`'s local calendar day.

    Any snapshot of that day counts, not only the newest: after the clock was set back, a
    snapshot dated in the future does not make every opening take another.
    """
    today = (now or datetime.now(UTC)).astimezone().date()
    return all(b.created.astimezone().date() != today for b in _dailies(Path(db_path)))


def _connection(conn_or_store: Any) -> sqlite3.Connection:
    """The sqlite3 connection of a Store, a sqlite_utils Database or a connection."""
    db = getattr(conn_or_store, "db", conn_or_store)
    return getattr(db, "conn", db)


def _fsync(path: Path) -> None:
    """Flush a file (or, on POSIX, a folder's entries) to disk; best effort."""
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _copy_into(source: sqlite3.Connection, target: Path) -> None:
    """Write the whole database of `source` to `target` (a new file), rollback-journal mode."""
    dest = sqlite3.connect(target)
    try:
        source.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()
    _fsync(target)


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def snapshot(conn_or_store: Any, db_path: Path, now: datetime | None = None) -> Backup:
    """Take a daily snapshot of the open project now (temporary file, then rename)."""
    db_path = Path(db_path)
    when = (now or datetime.now(UTC)).astimezone(UTC)
    folder = backups_dir(db_path)
    target = folder / f"{db_path.stem}.daily-{stamp(when)}{db_path.suffix}"
    temp = folder / f".{target.name}.tmp"
    try:
        folder.mkdir(exist_ok=True)
        for stale in folder.glob(f".{db_path.stem}.daily-*.tmp*"):
            _remove(stale)
        _copy_into(_connection(conn_or_store), temp)
        os.replace(temp, target)
        _fsync(folder)
        size = target.stat().st_size
    except (OSError, sqlite3.Error) as exc:
        _remove(temp)
        raise BackupError(f"cannot write a snapshot in {folder}: {exc}") from None
    return Backup(target, DAILY, when, size)


def prune(db_path: Path, keep: int) -> list[Path]:
    """Delete all but the newest `keep` daily snapshots; returns the deleted paths."""
    doomed = [backup.path for backup in _dailies(Path(db_path))[max(keep, 0) :]]
    for path in doomed:
        _remove(path)
    return doomed


def _has_articles(conn: sqlite3.Connection) -> bool:
    try:
        return conn.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is not None
    except sqlite3.Error:
        return False


def snapshot_if_due(
    conn_or_store: Any, db_path: Path, keep: int = DEFAULT_KEEP, now: datetime | None = None
) -> Backup | None:
    """The day's snapshot of the open project, if none was taken today; then prune to `keep`.

    Returns None when not due (one directory listing, no read of the database), when `keep`
    is 0 or less (snapshots off), or when the project holds no articles. Raises BackupError
    when the snapshot cannot be written; the project is never touched.
    """
    if keep <= 0 or not is_due(db_path, now):
        return None
    conn = _connection(conn_or_store)
    if not _has_articles(conn):
        return None
    made = snapshot(conn, db_path, now)
    prune(db_path, keep)
    return made


def keep_setting(store: Any) -> int:
    """How many daily snapshots the project keeps (its `backup_keep` setting, default 7)."""
    try:
        value = int(store.setting(KEEP_SETTING, DEFAULT_KEEP))
    except (TypeError, ValueError):
        return DEFAULT_KEEP
    return max(value, 0)


def _other_connections(db_path: Path) -> bool:
    """Checkpoint the project's WAL into its main file; True if another connection holds it.

    Closing the last connection to a WAL database deletes its `-wal`; one left behind after a
    clean checkpoint and close means someone else has the file open. A file SQLite cannot
    read (the damaged project a restore replaces) is left as it is.
    """
    try:
        con = sqlite3.connect(db_path, timeout=2)
        try:
            con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        return (getattr(exc, "sqlite_errorcode", 0) & 0xFF) in (5, 6)  # SQLITE_BUSY, _LOCKED
    return Path(f"{db_path}-wal").exists()


def restore(db_path: Path, backup: Path | Backup, now: datetime | None = None) -> Path | None:
    """Put the copy `backup` in place of the project `db_path`; returns where the old file went.

    The backup is checked first (quick_check, an annotator project) and BackupError is raised,
    with nothing changed, if it is damaged or the project is open in another program. The
    current file, with any `-wal`/`-shm`/`-journal` beside it, is renamed to
    `<stem>.before-restore-<time><suffix>` (complete: its WAL goes with it); the backup is
    copied to a temporary file beside the project and renamed into place, so the restored
    file never meets a stale `-wal`. Returns None when there was no project file to keep.
    Close every connection to the project first (a Store of this process counts).
    """
    db_path, backup = Path(db_path), Path(getattr(backup, "path", backup))
    if db_path.exists() and backup.resolve() == db_path.resolve():
        raise BackupError(f"{backup.name} is the project itself")
    verify_backup(backup)
    if db_path.exists() and _other_connections(db_path):
        raise BackupError(f"{db_path.name} is still open (a window or command); close it first")
    temp = db_path.with_name(f".{db_path.name}.restoring.tmp")
    aside = db_path.with_name(f"{db_path.stem}.{BEFORE_RESTORE}-{stamp(now)}{db_path.suffix}")
    for stale in (temp, *(Path(f"{temp}{side}") for side in _SIDE_FILES)):
        _remove(stale)
    try:
        source = _open_read_only(backup)
        try:
            _copy_into(source, temp)
        finally:
            source.close()
    except (OSError, sqlite3.Error) as exc:
        _remove(temp)
        raise BackupError(f"cannot copy {backup.name} beside the project: {exc}") from None
    moved: list[tuple[Path, Path]] = []
    try:
        for side in ("", *_SIDE_FILES):
            current = Path(f"{db_path}{side}")
            if current.exists():
                os.replace(current, f"{aside}{side}")
                moved.append((current, Path(f"{aside}{side}")))
        os.replace(temp, db_path)
    except OSError as exc:
        for current, kept in reversed(moved):  # put the project back as it was
            with contextlib.suppress(OSError):
                os.replace(kept, current)
        _remove(temp)
        raise BackupError(f"cannot put {backup.name} in place: {exc}") from None
    _fsync(db_path.parent)
    return aside if moved and moved[0][0] == db_path else None
