"""The self-check's Qt part: Qt itself, the fonts, Bengali shaping and colour emoji.

Shaping is checked on what Qt really lays out (`QTextLayout` glyph runs), not on font
names: no glyph is index 0 (the .notdef box), the Bengali text is drawn by a Bengali
family, and a conjunct gives fewer glyphs than it has code points. Emoji are checked the
same way (a flag, a ZWJ family, a keycap-style variation and a skin tone each one glyph of
the emoji family) and by their colour in a rendered image.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass

from annotator.self_check import Check, CheckFailed, guarded

BENGALI_LINE = "ক্ষমতা স্বাক্ষর"
CONJUNCTS = ("ক্ষ", "স্বা", "ক্ষমতা")
# Each is one emoji (one glyph when the emoji font is used): two flags, a ZWJ family,
# a medal with VS16, a thumbs-up with a skin tone.
EMOJI = ("🇰🇵", "🇷🇺", "👨\u200d👩\u200d👧", "🎖\ufe0f", "👍🏽")
BENGALI_FAMILIES = ("Noto Sans Bengali", "Noto Serif Bengali", "Lohit Bengali")
# Pixels whose channels differ at least this much count as coloured (grey text does not).
COLOUR_SPREAD = 60


@dataclass(frozen=True)
class Run:
    """One glyph run of a laid-out text: the font family that drew it and its glyph indexes."""

    family: str
    glyphs: tuple[int, ...]


def ensure_application() -> object:
    """A QGuiApplication (the existing one, or a new one: offscreen when there is no display
    or its platform plugin lacks system libraries) with the bundled fonts registered."""
    from PySide6.QtGui import QGuiApplication  # noqa: PLC0415

    if QGuiApplication.instance() is None and not os.environ.get("QT_QPA_PLATFORM"):
        from annotator.desktop_libs import missing_libraries, platform_in_use  # noqa: PLC0415

        platform = platform_in_use()
        # No display, or one whose plugin cannot load (Qt would abort): draw offscreen.
        if platform == "offscreen" or missing_libraries(platform):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"

    from annotator.ui.fonts import load_bundled_fonts  # noqa: PLC0415

    app = QGuiApplication.instance() or QGuiApplication(["annotator"])
    load_bundled_fonts()
    return app


def glyph_runs(text: str, font: object) -> list[Run]:
    """The glyph runs Qt lays `text` out in with `font` (one line, no wrapping)."""
    from PySide6.QtGui import QTextLayout  # noqa: PLC0415

    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return [Run(r.rawFont().familyName(), tuple(r.glyphIndexes())) for r in layout.glyphRuns()]


def render(text: str, font: object, width: int = 900, height: int = 120) -> object:
    """`text` drawn in black on white with `font` into a QImage."""
    from PySide6.QtCore import QPoint  # noqa: PLC0415
    from PySide6.QtGui import QColor, QImage, QPainter  # noqa: PLC0415

    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(QPoint(8, height * 2 // 3), text)
    painter.end()
    return image


def colour_pixels(image: object) -> int:
    """How many pixels of `image` are coloured, not grey (max - min channel >= COLOUR_SPREAD)."""
    count = 0
    for y in range(image.height()):
        for x in range(image.width()):
            colour = image.pixelColor(x, y)
            channels = (colour.red(), colour.green(), colour.blue())
            count += max(channels) - min(channels) >= COLOUR_SPREAD
    return count


def ink_pixels(image: object) -> int:
    """How many pixels of `image` are not white."""
    return sum(
        image.pixelColor(x, y).lightness() < 250
        for y in range(image.height())
        for x in range(image.width())
    )


def _qt() -> str:
    import PySide6  # noqa: PLC0415
    from PySide6.QtCore import qVersion  # noqa: PLC0415
    from PySide6.QtGui import QGuiApplication  # noqa: PLC0415

    ensure_application()
    platform = QGuiApplication.platformName()
    return f"Qt {qVersion()}, PySide6 {PySide6.__version__}, platform {platform}"


def _fonts() -> str:
    from annotator.ui.fonts import SANS, emoji_family, load_bundled_fonts  # noqa: PLC0415

    ensure_application()
    families = load_bundled_fonts()
    if SANS not in families:
        raise CheckFailed(f"{SANS} is not registered (registered: {', '.join(families) or 'none'})")
    emoji = emoji_family()
    if emoji is None:
        raise CheckFailed("no colour emoji font (bundled NotoColorEmoji.ttf missing?)")
    where = "bundled" if emoji in families else "system"
    return f"{', '.join(f for f in families if f != emoji)}; emoji: {emoji} ({where})"


def _shaping() -> str:
    from annotator.ui.fonts import reading_font  # noqa: PLC0415

    ensure_application()
    font = reading_font(24)
    runs = glyph_runs(BENGALI_LINE, font)
    if not runs or any(0 in run.glyphs for run in runs):
        raise CheckFailed(f"{BENGALI_LINE!r} has missing glyphs (boxes)")
    drawn = {run.family for run in runs}
    if not drawn & set(BENGALI_FAMILIES):
        names = ", ".join(sorted(drawn))
        raise CheckFailed(f"{BENGALI_LINE!r} drawn by {names}, not a Bengali font")
    for conjunct in CONJUNCTS:
        glyphs = sum(len(run.glyphs) for run in glyph_runs(conjunct, font))
        if not 0 < glyphs < len(conjunct):
            raise CheckFailed(f"{conjunct!r}: {glyphs} glyphs for {len(conjunct)} code points")
    if ink_pixels(render(BENGALI_LINE, font)) < 200:
        raise CheckFailed(f"{BENGALI_LINE!r} draws (almost) nothing")
    bengali = "/".join(sorted(drawn & set(BENGALI_FAMILIES)))
    return f"{BENGALI_LINE} in {bengali}, no boxes, conjuncts form single glyphs"


def check_emoji(font: object, emoji_family: str) -> None:
    """Raise CheckFailed unless each of EMOJI is one non-.notdef glyph of `emoji_family`
    when laid out with `font`, and they render in colour."""
    for emoji in EMOJI:
        runs = [run for run in glyph_runs(emoji, font) if run.glyphs]
        glyphs = [g for run in runs for g in run.glyphs]
        families = {run.family for run in runs}
        if families != {emoji_family} or len(glyphs) != 1 or glyphs[0] == 0:
            codes = " ".join(f"U+{ord(c):04X}" for c in emoji)
            raise CheckFailed(
                f"{codes}: {len(glyphs)} glyphs {glyphs} from {', '.join(sorted(families))}"
            )
    coloured = colour_pixels(render(" ".join(EMOJI), font, width=400, height=60))
    if coloured < 100:
        raise CheckFailed(f"emoji drawn without colour ({coloured} coloured pixels)")


def _emoji() -> str:
    from PySide6.QtGui import QGuiApplication  # noqa: PLC0415

    from annotator.ui.fonts import emoji_family, interface_font, reading_font  # noqa: PLC0415

    ensure_application()
    family = emoji_family()
    if family is None:
        raise CheckFailed("no colour emoji font")
    check_emoji(reading_font(24), family)
    interface = interface_font(QGuiApplication.font())
    interface.setPointSize(24)
    check_emoji(interface, family)
    return f"{' '.join(EMOJI)} each one colour glyph of {family} (reader and interface)"


def qt_checks() -> Iterator[Check]:
    """Qt, the registered fonts, Bengali shaping and colour emoji, one `Check` each."""
    yield guarded("qt", _qt)
    yield guarded("fonts", _fonts)
    yield guarded("shaping", _shaping)
    yield guarded("emoji", _emoji)
