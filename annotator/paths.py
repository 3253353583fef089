"""Where bundled files (seeds, fonts, label schemes) and the default database live."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "bengali-news-annotator"
# The desktop id (reverse DNS): the .desktop and metainfo file names, the icon name and
# QGuiApplication.desktopFileName all use it (tests/test_desktop_files.py checks they agree).
APP_ID = "io.github.bnclaims.Annotator"
ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)
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


def icon_theme_dir() -> Path:
    """The app icon as a hicolor icon theme tree (`<size>x<size>/apps/`, `scalable/apps/`)."""
    return resources_dir() / "icons" / "hicolor"


def icon_paths() -> list[Path]:
    """The app icon's files: the PNG of each size, then the SVG they are rendered from."""
    root = icon_theme_dir()
    pngs = [root / f"{n}x{n}" / "apps" / f"{APP_ID}.png" for n in ICON_SIZES]
    return [*pngs, root / "scalable" / "apps" / f"{APP_ID}.svg"]


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
