"""Open the project database the user asked for, seeding a brand-new default one."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.backups import keep_setting, snapshot_if_due
from annotator.paths import resolve_db_path, seeds_dir
from annotator.store import Store, StoreError

if TYPE_CHECKING:
    from annotator.ingest import ImportReport

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
PROJECT_SUFFIX = ".db"


def open_project(explicit: str | os.PathLike[str] | None = None, seed: bool | None = None) -> Store:
    """Open (creating and migrating if needed) the database named by `explicit`/env/default.

    A database created just now is seeded with the bundled sample articles when it is the
    default one, or when `seed` is True; `seed=False` never seeds. An existing project gets its
    daily snapshot (`annotator.backups`) the first time it is opened each day; a snapshot that
    cannot be written is logged and never stops the project from opening.
    """
    path, is_default = resolve_db_path(explicit)
    is_new = not Path(path).exists()
    store = Store(path)
    if is_new and (seed if seed is not None else is_default):
        seed_store(store)
    if not is_new:
        snapshot_quietly(store, path)
    return store


def project_file_problem(path: str | os.PathLike[str]) -> str | None:
    """Why `path` cannot be opened as an existing project (one line), or None when it looks
    like an SQLite file. The store itself refuses foreign and damaged SQLite files."""
    where = Path(path)
    if not where.exists():
        return f"{where}: no such file"
    if not where.is_file():
        return f"{where}: not a file"
    try:
        with where.open("rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        return f"{where}: cannot be read ({exc.strerror or exc})"
    if not head:
        return f"{where}: an empty file, not an annotator project"
    if head != SQLITE_HEADER:
        return f"{where}: not an annotator project (not an SQLite file)"
    return None


def open_existing_project(path: str | os.PathLike[str]) -> Store:
    """Open the project file at `path`, which must exist and be a project (StoreError with
    one line otherwise); it gets its daily snapshot as `open_project` gives it."""
    problem = project_file_problem(path)
    if problem is not None:
        raise StoreError(problem)
    return open_project(path, seed=False)


def create_project(path: str | os.PathLike[str]) -> Store:
    """Create an empty project (the default label scheme, no articles) at `path`; a file
    already there is refused (StoreError), never replaced."""
    where = Path(path)
    if where.exists():
        raise StoreError(f"{where}: already exists; open it, or choose another name")
    return Store(where)


def snapshot_quietly(store: Store, path: Path) -> None:
    """Take the day's snapshot if due; any failure (disk full, read-only folder) is logged."""
    try:
        snapshot_if_due(store, path, keep=keep_setting(store))
    except Exception as exc:  # a backup must never stop the project opening
        log.warning("daily backup of %s skipped: %s", path, exc)


def seed_store(store: Store) -> ImportReport:
    """Import the bundled sample pages (already-present ones are skipped)."""
    from annotator.ingest import import_paths  # noqa: PLC0415 - the importers load only here

    return import_paths(store, [seeds_dir()])
