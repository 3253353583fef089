"""Open the project database the user asked for, seeding a brand-new default one."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.backups import keep_setting, snapshot_if_due
from annotator.paths import resolve_db_path, seeds_dir
from annotator.store import Store

if TYPE_CHECKING:
    from annotator.ingest import ImportReport

log = logging.getLogger(__name__)


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
