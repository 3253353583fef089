"""Register the bundled Bengali and colour emoji fonts with Qt and build the app's fonts."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from annotator.paths import resources_dir

SANS = "Noto Sans Bengali"
SERIF = "Noto Serif Bengali"
BUNDLED_EMOJI = "Noto Color Emoji"
_BUNDLED_EMOJI_FILE = "NotoColorEmoji.ttf"
# Colour emoji families a system may have, preferred over the bundled copy (which is then not
# registered at all). Monochrome ones ("Noto Emoji", "Symbola") are not in this list.
SYSTEM_COLOR_EMOJI = (
    "Noto Color Emoji",
    "Apple Color Emoji",
    "Segoe UI Emoji",
    "Twemoji",
    "Twitter Color Emoji",
    "JoyPixels",
    "EmojiOne Color",
)
# Tried after the Bengali families, in order, when installed: another Bengali font, then
# Latin fonts. Only installed families are named: a missing family makes Qt warn.
_FALLBACKS = ("Lohit Bengali", "Noto Sans", "DejaVu Sans")
_loaded: list[str] | None = None
_emoji: str | None = None


def _system_color_emoji() -> str | None:
    """The first colour emoji family the system already has, or None."""
    installed = set(QFontDatabase.families())
    return next((family for family in SYSTEM_COLOR_EMOJI if family in installed), None)


def load_bundled_fonts() -> list[str]:
    """Register resources/fonts/*.ttf with Qt once; return the families registered.

    The bundled colour emoji font is registered only when the system has no colour emoji
    font of its own; either way that family becomes Qt's emoji font
    (`QFontDatabase.setApplicationEmojiFontFamilies`). Needs a QGuiApplication. Later calls
    return the families of the first call.
    """
    global _loaded, _emoji
    if _loaded is not None:
        return list(_loaded)
    system_emoji = _system_color_emoji()
    families: list[str] = []
    for path in sorted((resources_dir() / "fonts").glob("*.ttf")):
        if path.name == _BUNDLED_EMOJI_FILE and system_emoji is not None:
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            continue
        for family in QFontDatabase.applicationFontFamilies(font_id):
            if family not in families:
                families.append(family)
    _emoji = system_emoji or (BUNDLED_EMOJI if BUNDLED_EMOJI in families else None)
    if _emoji is not None:
        QFontDatabase.setApplicationEmojiFontFamilies([_emoji])
    _loaded = families
    return list(families)


def emoji_family() -> str | None:
    """The colour emoji family in use (a system one, else the bundled one), or None."""
    load_bundled_fonts()
    return _emoji


def fallback_families(serif: bool = False) -> list[str]:
    """The installed Bengali families (the chosen style first), Latin fallbacks, then emoji."""
    load_bundled_fonts()
    installed = set(QFontDatabase.families())
    primary, other = (SERIF, SANS) if serif else (SANS, SERIF)
    families = [f for f in (primary, other, *_FALLBACKS) if f in installed]
    if _emoji is not None:
        families.append(_emoji)
    return families


def reading_font(point_size: float = 14.0, serif: bool = False) -> QFont:
    """Noto Sans Bengali (or Noto Serif Bengali) at `point_size`, with installed fallbacks
    and the colour emoji font last."""
    families = fallback_families(serif)
    font = QFont()
    if families:
        font.setFamilies(families)
    font.setStyleHint(QFont.StyleHint.Serif if serif else QFont.StyleHint.SansSerif)
    font.setPointSizeF(point_size)
    return font


def interface_font(base: QFont) -> QFont:
    """`base` (the system's UI font) followed by the Bengali and colour emoji families."""
    font = QFont(base)
    first = font.family()
    font.setFamilies([first, *(f for f in fallback_families() if f != first)])
    return font


def apply_application_font(app: QGuiApplication) -> QFont:
    """Give every widget (headline, lists, tables, dialogs) `interface_font` of the app's
    font; return the font set."""
    font = interface_font(app.font())
    app.setFont(font)
    return font
