"""Open the project database the user asked for, seeding a brand-new default one."""

from __future__ import annotations

import os
from pathlib import Path

from annotator.ingest import ImportReport, import_paths
from annotator.paths import resolve_db_path, seeds_dir
from annotator.store import Store


def open_project(explicit: str | os.PathLike[str] | None = None, seed: bool | None = None) -> Store:
    """Open (creating and migrating if needed) the database named by `explicit`/env/default.

    A database created just now is seeded with the bundled sample articles when it is the
    default one, or when `seed` is True; `seed=False` never seeds.
    """
    path, is_default = resolve_db_path(explicit)
    is_new = not Path(path).exists()
    store = Store(path)
    if is_new and (seed if seed is not None else is_default):
        seed_store(store)
    return store


def seed_store(store: Store) -> ImportReport:
    """Import the bundled sample pages (already-present ones are skipped)."""
    return import_paths(store, [seeds_dir()])
