"""Daily snapshots, listing, the newest good copy and restoring, on real files (no Qt)."""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from annotator import backups
from annotator.backups import (
    BackupError,
    latest_good_backup,
    list_backups,
    restore,
    snapshot_if_due,
)
from annotator.models import ArticleDraft
from annotator.project import open_project
from annotator.store import Store

NOON = datetime(2026, 12, 14, 12, 0, tzinfo=UTC)


def make_project(path: Path, titles: list[str]) -> Store:
    store = Store(path)
    store.add_articles([ArticleDraft(text=f"{t} সংবাদের মূল লেখা।", title=t) for t in titles])
    return store


def titles(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [row[0] for row in con.execute("SELECT title FROM articles ORDER BY id")]
    finally:
        con.close()


def damage(path: Path) -> None:
    """Overwrite the middle of the file with garbage (the header stays valid)."""
    size = path.stat().st_size
    with open(path, "r+b") as f:
        f.seek(size // 2)
        f.write(b"\xde\xad" * 2048)


@pytest.fixture
def project(db_path):
    store = make_project(db_path, ["প্রথম", "দ্বিতীয়"])
    yield store
    store.close()


def test_one_snapshot_per_local_day(project, db_path):
    first = snapshot_if_due(project, db_path, now=NOON)
    assert first is not None and first.kind == "daily" and first.path.is_file()
    assert first.path.parent == db_path.with_name("project.backups")
    assert snapshot_if_due(project, db_path, now=NOON + timedelta(minutes=20)) is None
    second = snapshot_if_due(project, db_path, now=NOON + timedelta(days=1))
    assert second is not None and second.path != first.path
    assert [b.path for b in list_backups(db_path)] == [second.path, first.path]
    assert titles(second.path) == ["প্রথম", "দ্বিতীয়"]
    assert not list(second.path.parent.glob(".*")), "no temporary file left"
    assert not list(second.path.parent.glob("*-wal")), "snapshot is a plain, closed file"


def test_a_snapshot_dated_in_the_future_does_not_make_every_opening_copy(project, db_path):
    snapshot_if_due(project, db_path, now=NOON + timedelta(days=30))  # clock set back since
    assert snapshot_if_due(project, db_path, now=NOON) is not None
    assert snapshot_if_due(project, db_path, now=NOON + timedelta(minutes=20)) is None


def test_not_due_reads_no_database(project, db_path, monkeypatch):
    snapshot_if_due(project, db_path, now=NOON)
    monkeypatch.setattr(backups, "_has_articles", lambda conn: pytest.fail("read the database"))
    assert snapshot_if_due(object(), db_path, now=NOON + timedelta(minutes=5)) is None


def test_pruning_keeps_the_newest_n_daily_and_every_pre_migration_copy(project, db_path):
    pre = db_path.with_name("project.backup-v2-20200101T000000000000Z.db")
    pre.write_bytes(db_path.read_bytes())
    for day in range(5):
        snapshot_if_due(project, db_path, keep=3, now=NOON + timedelta(days=day))
    found = list_backups(db_path)
    daily = [b for b in found if b.kind == "daily"]
    assert [b.created.date().day for b in daily] == [18, 17, 16]
    assert [b.path for b in found if b.kind == "pre-migration"] == [pre]
    assert found[-1].created == datetime(2020, 1, 1, tzinfo=UTC)
    assert all(b.size == b.path.stat().st_size > 0 for b in found)


def test_keep_zero_turns_snapshots_off(project, db_path):
    assert snapshot_if_due(project, db_path, keep=0, now=NOON) is None
    assert list_backups(db_path) == []


def test_empty_project_gets_no_snapshot(db_path):
    with Store(db_path) as store:
        assert snapshot_if_due(store, db_path, now=NOON) is None
    assert list_backups(db_path) == []


def test_open_project_snapshots_existing_projects_once_and_never_new_ones(db_path):
    open_project(db_path, seed=False).close()
    assert list_backups(db_path) == [], "a brand-new project is not copied"
    make_project(db_path, ["খবর"]).close()
    open_project(db_path).close()
    open_project(db_path).close()
    assert [b.kind for b in list_backups(db_path)] == ["daily"]


def test_open_project_keep_setting(db_path):
    store = make_project(db_path, ["খবর"])
    store.set_setting("backup_keep", 0)
    store.close()
    open_project(db_path).close()
    assert list_backups(db_path) == []


def test_a_failing_snapshot_never_stops_opening(db_path, monkeypatch, caplog):
    make_project(db_path, ["খবর"]).close()

    def full(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backups, "_copy_into", full)
    with open_project(db_path) as store:
        assert store.article_count() == 1
    assert "daily backup" in caplog.text and "No space left" in caplog.text
    assert list_backups(db_path) == []
    assert not list(db_path.with_name("project.backups").glob(".*")), "temporary file removed"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs POSIX permissions")
def test_read_only_folder_snapshot_fails_cleanly(project, db_path):
    folder = db_path.with_name("project.backups")
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(BackupError, match="cannot write a snapshot"):
            snapshot_if_due(project, db_path, now=NOON)
    finally:
        folder.chmod(0o700)


def test_a_refused_rename_leaves_no_snapshot_and_no_temporary_file(project, db_path, monkeypatch):
    def refuse(*_args):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(backups.os, "replace", refuse)
    with pytest.raises(BackupError, match="Permission denied"):
        snapshot_if_due(project, db_path, now=NOON)
    monkeypatch.undo()
    assert list(db_path.with_name("project.backups").iterdir()) == []


def test_latest_good_skips_a_damaged_newest_copy_without_touching_it(project, db_path):
    older = snapshot_if_due(project, db_path, now=NOON)
    project.add_articles([ArticleDraft(text="আরও একটি খবর, অনেক লম্বা। " * 400, title="তৃতীয়")])
    newest = snapshot_if_due(project, db_path, now=NOON + timedelta(days=1))
    damage(newest.path)
    before = newest.path.read_bytes()
    good = latest_good_backup(db_path)
    assert good is not None and good.path == older.path
    assert newest.path.read_bytes() == before
    assert sorted(p.name for p in newest.path.parent.iterdir()) == sorted(
        [older.path.name, newest.path.name]
    ), "reading left no -wal/-shm beside the copies"


def test_latest_good_reads_a_pre_migration_copy_in_wal_mode(db_path):
    make_project(db_path, ["খবর"]).close()
    copy = db_path.with_name("project.backup-v3-20250101T000000000000Z.db")
    copy.write_bytes(db_path.read_bytes())  # WAL flag set, no -wal beside it
    assert latest_good_backup(db_path).path == copy
    assert not Path(f"{copy}-wal").exists() and not Path(f"{copy}-shm").exists()


def test_restore_keeps_the_current_file_aside_and_brings_the_backup_back(project, db_path):
    copy = snapshot_if_due(project, db_path, now=NOON)
    project.add_articles([ArticleDraft(text="পরে যোগ করা খবর।", title="পরে")])
    project.close()
    aside = restore(db_path, copy.path, now=NOON + timedelta(hours=1))
    assert aside == db_path.with_name("project.before-restore-20261214T130000000000Z.db")
    assert titles(db_path) == ["প্রথম", "দ্বিতীয়"]
    assert titles(aside) == ["প্রথম", "দ্বিতীয়", "পরে"]
    assert [b.kind for b in list_backups(db_path)] == ["before-restore", "daily"]
    with Store(db_path) as reopened:
        assert reopened.article_count() == 2
    assert titles(copy.path) == ["প্রথম", "দ্বিতীয়"], "the backup itself is unchanged"


def test_a_damaged_backup_is_refused_and_nothing_changes(project, db_path):
    copy = snapshot_if_due(project, db_path, now=NOON)
    project.close()
    damage(copy.path)
    before = db_path.read_bytes()
    names = sorted(p.name for p in db_path.parent.iterdir())
    with pytest.raises(BackupError, match="damaged") as caught:
        restore(db_path, copy.path)
    assert "\n" not in str(caught.value)
    assert db_path.read_bytes() == before
    assert sorted(p.name for p in db_path.parent.iterdir()) == names


def test_a_file_that_is_not_a_project_is_refused(project, db_path, tmp_path):
    other = tmp_path / "other.db"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    project.close()
    with pytest.raises(BackupError, match="not an annotator project"):
        restore(db_path, other)
    (tmp_path / "junk.db").write_bytes(b"not a database at all" * 100)
    with pytest.raises(BackupError):
        restore(db_path, tmp_path / "junk.db")


@pytest.mark.parametrize("checkpoint", [True, False], ids=["checkpointed", "moved-along"])
def test_restore_over_a_project_with_a_wal_left_by_a_crash(
    db_path, tmp_path, monkeypatch, checkpoint
):
    """The aside copy keeps the WAL's work (checkpointed in, or moved with it when the project
    cannot be opened) and the restored file never meets that -wal."""
    make_project(db_path, ["প্রথম"]).close()
    copy = tmp_path / "copy.db"
    with Store(db_path) as store:
        snap = snapshot_if_due(store, db_path, now=NOON)
    # A writer that "crashes" with committed work still in the -wal: copy the file pair.
    writer = make_project(db_path, ["দ্বিতীয়"])
    writer.db.execute("PRAGMA wal_autocheckpoint = 0")
    writer.add_articles([ArticleDraft(text="শুধু ওয়াল ফাইলে থাকা খবর।", title="ওয়াল")])
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    for side in ("", "-wal"):
        Path(f"{crashed / 'project.db'}{side}").write_bytes(Path(f"{db_path}{side}").read_bytes())
    writer.close()
    project = crashed / "project.db"
    assert Path(f"{project}-wal").stat().st_size > 0
    copy.write_bytes(snap.path.read_bytes())
    if not checkpoint:
        monkeypatch.setattr(backups, "_other_connections", lambda path: False)
    aside = restore(project, copy)
    assert Path(f"{aside}-wal").exists() is not checkpoint
    assert titles(project) == ["প্রথম"]
    assert not Path(f"{project}-wal").exists(), "no stale -wal meets the restored file"
    assert titles(aside) == ["প্রথম", "দ্বিতীয়", "ওয়াল"], "the aside copy is complete"


def test_restore_refuses_while_another_connection_holds_the_project(project, db_path):
    copy = snapshot_if_due(project, db_path, now=NOON)
    with pytest.raises(BackupError, match="still open"):
        restore(db_path, copy.path)
    assert project.article_count() == 2


def test_restore_into_a_missing_project(project, db_path):
    copy = snapshot_if_due(project, db_path, now=NOON)
    project.close()
    db_path.unlink()
    assert restore(db_path, copy.path) is None
    assert titles(db_path) == ["প্রথম", "দ্বিতীয়"]


def test_restore_over_a_damaged_project_keeps_the_damaged_file_aside(project, db_path):
    good = snapshot_if_due(project, db_path, now=NOON)
    project.add_articles([ArticleDraft(text="অনেক লম্বা খবর। " * 2000, title="লম্বা")])
    project.close()
    damage(db_path)
    assert latest_good_backup(db_path) == good
    aside = restore(db_path, good)  # a Backup is accepted as well as a path
    assert titles(db_path) == ["প্রথম", "দ্বিতীয়"]
    with pytest.raises(BackupError, match="damaged"):
        backups.verify_backup(aside)
