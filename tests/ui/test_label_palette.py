"""LabelPalette: one button per active span label; clicks emit the label key."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from annotator.scheme import LabelDef
from annotator.ui.widgets.label_palette import LabelPalette

# The offscreen platform plugin warns whenever a shown top-level layout changes its size hints.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

LABELS = [
    LabelDef(
        key="troop_deployment", name="Troop deployment", name_bn="সেনা মোতায়েন",
        color="#e6194b", shortcut="1", guideline="সৈন্য পাঠানোর দাবি।",
    ),
    LabelDef(key="treaty", name="Treaty", name_bn="চুক্তি", color="#3cb44b", shortcut="2"),
    LabelDef(key="old", name="Old label", color="#4363d8", shortcut="3", retired=True),
    LabelDef(key="visit", name="Visit", color="#f58231"),
    LabelDef(key="opinion", name="Opinion piece", color="#911eb4", kind="doc"),
]  # fmt: skip


@pytest.fixture
def palette(qtbot):
    widget = LabelPalette()
    qtbot.addWidget(widget)
    widget.set_labels(LABELS)
    widget.resize(260, 400)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_click_emits_label_key(palette, qtbot):
    button = palette.button("treaty")
    with qtbot.waitSignal(palette.label_chosen) as blocker:
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["treaty"]


def test_buttons_only_for_active_span_labels(palette):
    assert [label.key for label in palette.labels()] == ["troop_deployment", "treaty", "visit"]
    assert palette.button("old") is None and palette.button("opinion") is None
    assert palette.shortcut_map() == {"1": "troop_deployment", "2": "treaty"}


def test_button_text_swatch_and_tooltip(palette):
    button = palette.button("troop_deployment")
    assert button.text() == "1  Troop deployment\nসেনা মোতায়েন"
    assert button.toolTip() == "সৈন্য পাঠানোর দাবি।"
    assert palette.button("visit").text() == "Visit"
    image = button.icon().pixmap(18, 18).toImage()
    assert image.pixelColor(9, 9).name() == "#e6194b"


def test_disabled_without_selection(palette, qtbot):
    palette.set_enabled_for_selection(False)
    with qtbot.assertNotEmitted(palette.label_chosen):
        QTest.mouseClick(palette.button("treaty"), Qt.MouseButton.LeftButton)
    palette.set_enabled_for_selection(True)
    with qtbot.waitSignal(palette.label_chosen):
        QTest.mouseClick(palette.button("treaty"), Qt.MouseButton.LeftButton)


def test_set_labels_replaces_buttons(palette, qtbot):
    palette.set_enabled_for_selection(False)
    palette.set_labels(LABELS[3:4])
    assert palette.button("treaty") is None
    assert not palette.button("visit").isEnabled()  # new buttons follow the selection state
    palette.set_labels([])
    assert palette.labels() == [] and palette.shortcut_map() == {}
