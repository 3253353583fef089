"""Colour emoji draw in the reader and every widget, while Bengali keeps its own font."""

from __future__ import annotations

import pytest

from annotator.self_check import CheckFailed
from annotator.ui.font_check import EMOJI, check_emoji, colour_pixels, glyph_runs, render
from annotator.ui.fonts import (
    BUNDLED_EMOJI,
    SANS,
    emoji_family,
    fallback_families,
    interface_font,
    load_bundled_fonts,
    reading_font,
)

NEWS = "কিম জং উন 🇰🇵 ও পুতিন 🇷🇺 বৈঠক 👨\u200d👩\u200d👧 🎖\ufe0f 👍🏽"


def test_the_emoji_font_is_registered_and_last_in_every_font(qapp):
    load_bundled_fonts()
    family = emoji_family()
    assert family == BUNDLED_EMOJI  # this machine has no colour emoji font of its own
    assert fallback_families()[0] == SANS and fallback_families()[-1] == family
    assert reading_font(14).families()[-1] == family
    assert interface_font(qapp.font()).families()[-1] == family
    from PySide6.QtGui import QFontDatabase

    assert QFontDatabase.applicationEmojiFontFamilies() == [family]


@pytest.mark.parametrize("which", ["reader", "interface"])
def test_emoji_in_news_text_are_single_colour_glyphs_and_bengali_stays_bengali(qapp, which):
    font = reading_font(24) if which == "reader" else interface_font(qapp.font())
    font.setPointSize(24)
    runs = glyph_runs(NEWS, font)
    assert all(0 not in run.glyphs for run in runs)  # no .notdef box anywhere
    by_family = {}
    for run in runs:
        by_family.setdefault(run.family, []).extend(run.glyphs)
    assert len(by_family[BUNDLED_EMOJI]) == len(EMOJI)  # a flag, a ZWJ family: one glyph each
    assert SANS in by_family  # the Bengali words are still drawn by Noto Sans Bengali
    check_emoji(font, BUNDLED_EMOJI)


def test_the_emoji_area_is_coloured_and_plain_text_is_not(qapp):
    font = reading_font(24)
    emoji_only = render(" ".join(EMOJI), font, width=400, height=60)
    assert colour_pixels(emoji_only) > 500
    bengali_only = render("কিম জং উন ও পুতিন", font, width=400, height=60)
    assert colour_pixels(bengali_only) == 0


def test_a_font_without_the_emoji_family_fails_the_emoji_check(qapp):
    from PySide6.QtGui import QFont

    plain = QFont()
    plain.setFamilies(["DejaVu Sans"])
    with pytest.raises(CheckFailed):
        check_emoji(plain, "DejaVu Sans")
    with pytest.raises(CheckFailed):  # drawn by the emoji font, but not by the one named
        check_emoji(reading_font(24), "Noto Emoji")


def test_a_system_colour_emoji_font_is_preferred(qapp, monkeypatch):
    from annotator.ui import fonts

    monkeypatch.setattr(fonts, "_loaded", None)
    monkeypatch.setattr(fonts, "_emoji", None)
    monkeypatch.setattr(fonts, "_system_color_emoji", lambda: "Twemoji")
    registered = []
    from PySide6.QtGui import QFontDatabase

    real_add = QFontDatabase.addApplicationFont
    monkeypatch.setattr(
        QFontDatabase, "addApplicationFont", lambda p: registered.append(p) or real_add(p)
    )
    set_emoji = []
    monkeypatch.setattr(QFontDatabase, "setApplicationEmojiFontFamilies", set_emoji.append)
    fonts.load_bundled_fonts()
    assert fonts.emoji_family() == "Twemoji"
    assert set_emoji == [["Twemoji"]]
    assert registered and not any(p.endswith("NotoColorEmoji.ttf") for p in registered)
