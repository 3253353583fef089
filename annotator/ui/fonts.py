"""Register the bundled Bengali fonts with Qt and build the reading font."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from annotator.paths import resources_dir

SANS = "Noto Sans Bengali"
SERIF = "Noto Serif Bengali"
# Tried after the bundled family, in order, when installed: other Bengali fonts, then Latin
# and emoji fonts. Only installed families are named: a missing family makes Qt warn.
_FALLBACKS = (
    "Lohit Bengali",
    "Noto Sans",
    "DejaVu Sans",
    "Noto Color Emoji",
    "Noto Emoji",
    "Symbola",
)
_loaded: list[str] | None = None


def load_bundled_fonts() -> list[str]:
    """Register resources/fonts/*.ttf with Qt once; return their family names.

    Needs a QGuiApplication. Later calls return the families of the first call.
    """
    global _loaded
    if _loaded is not None:
        return list(_loaded)
    families: list[str] = []
    for path in sorted((resources_dir() / "fonts").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            continue
        for family in QFontDatabase.applicationFontFamilies(font_id):
            if family not in families:
                families.append(family)
    _loaded = families
    return list(families)


def reading_font(point_size: float = 14.0, serif: bool = False) -> QFont:
    """Noto Sans Bengali (or Noto Serif Bengali) at `point_size`, with installed fallbacks."""
    load_bundled_fonts()
    installed = set(QFontDatabase.families())
    primary, other = (SERIF, SANS) if serif else (SANS, SERIF)
    families = [f for f in (primary, other, *_FALLBACKS) if f in installed]
    font = QFont()
    if families:
        font.setFamilies(families)
    font.setStyleHint(QFont.StyleHint.Serif if serif else QFont.StyleHint.SansSerif)
    font.setPointSizeF(point_size)
    return font
