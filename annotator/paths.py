"""Where bundled files (seeds, fonts, label schemes) and the default database live."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "bengali-news-annotator"
ENV_DB = "ANNOTATOR_DB"


def bundle_root() -> Path:
    """Top folder holding `seeds/` and `resources/` (a source checkout or a PyInstaller bundle)."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def seeds_dir() -> Path:
    """The bundled sample pages."""
    return bundle_root() / "seeds"


def resources_dir() -> Path:
    """Fonts, icons and the default label scheme."""
    return bundle_root() / "resources"


def default_db_path() -> Path:
    """The database used when neither `--db` nor `ANNOTATOR_DB` names one."""
    return platformdirs.user_data_path(APP_NAME, appauthor=False) / "annotator.db"


def resolve_db_path(explicit: str | os.PathLike[str] | None) -> tuple[Path, bool]:
    """The database to open, and whether it is the default (`--db` > `ANNOTATOR_DB` > default)."""
    if explicit:
        return Path(explicit).expanduser(), False
    from_env = os.environ.get(ENV_DB)
    if from_env:
        return Path(from_env).expanduser(), False
    return default_db_path(), True
