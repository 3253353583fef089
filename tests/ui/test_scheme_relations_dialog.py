"""The label scheme dialog's relation types, label categories and CAMEO codes, and its
presets: edited with the widgets, saved on OK as one undoable action with the labels."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox

from annotator.actions import AddSpan
from annotator.models import ArticleDraft
from annotator.store import Store
from annotator.ui.dialogs.label_scheme_dialog import LabelSchemeDialog
from annotator.ui.dialogs.relation_types_editor import NAME, RETIRED

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "project.db")
    s.add_articles([ArticleDraft(text="রাশিয়া সেনা পাঠিয়েছে।", title="t")])
    yield s
    s.close()


@pytest.fixture
def window(make_window, store):
    return make_window(store, active=True)


def _dialog(qtbot, window) -> LabelSchemeDialog:
    dialog = LabelSchemeDialog(window.store, window, window.controller)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _ok(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)  # fmt: skip


def _row(editor, key: str) -> int:
    return [k.key for k in editor.types()].index(key)


def test_edit_a_relation_type_with_the_widgets_then_undo(qtbot, window, store):
    before = {k.key: k for k in store.relation_types()}
    dialog = _dialog(qtbot, window)
    dialog.tabs.setCurrentWidget(dialog.relation_editor)
    editor = dialog.relation_editor
    row = _row(editor, "location")
    editor.table.setCurrentCell(row, NAME)
    editor.table.item(row, NAME).setText("Where")  # as typed in the cell
    tails = editor.tails
    actor = next(i for i in range(tails.count()) if tails.item(i).data(Qt.ItemDataRole.UserRole)
                 == "actor")  # fmt: skip
    tails.item(actor).setCheckState(Qt.CheckState.Checked)  # a place or an actor now
    editor.table.item(_row(editor, "same_event"), RETIRED).setCheckState(Qt.CheckState.Checked)
    _ok(qtbot, dialog)
    after = {k.key: k for k in store.relation_types()}
    assert after["location"].name == "Where"
    assert set(after["location"].tails) == {"place", "actor"}
    assert after["same_event"].retired
    window.activateWindow()
    QTest.keyClick(window.reader, Qt.Key.Key_Z, CTRL)
    restored = {k.key: k for k in store.relation_types()}
    assert restored["location"].name == before["location"].name
    assert restored["location"].tails == before["location"].tails
    assert not restored["same_event"].retired


def test_add_a_type_and_an_invalid_one_is_refused(qtbot, window, store):
    dialog = _dialog(qtbot, window)
    qtbot.mouseClick(dialog.relation_editor.add_button, Qt.MouseButton.LeftButton)
    key = dialog.relation_editor.current_key()
    dialog.relation_editor.set_ends(key, ["no_such_label"], [])
    _ok(qtbot, dialog)
    assert "no_such_label" in dialog.error_text() and dialog.isVisible()
    assert key not in {k.key for k in store.relation_types()}  # nothing saved
    dialog.relation_editor.set_ends(key, ["treaty"], ["actor"])
    _ok(qtbot, dialog)
    added = {k.key: k for k in store.relation_types()}[key]
    assert (added.heads, added.tails) == (["treaty"], ["actor"])


def test_cameo_preset_and_category_fields(qtbot, window, store, tmp_path):
    assert all(not label.cameo for label in store.labels())
    dialog = _dialog(qtbot, window)
    [cameo] = [a for a in dialog.preset_button.menu().actions() if a.text() == "cameo"]
    cameo.trigger()
    row = [label.key for label in dialog.labels()].index("place")
    dialog.table.setCurrentCell(row, 0)
    box = dialog.details.category_box
    box.setCurrentIndex(box.findData(""))
    box.activated.emit(box.currentIndex())
    out = tmp_path / "scheme.json"
    assert dialog.export_file(out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {r["key"] for r in data["relations"]} >= {"agent", "target", "same_event"}
    _ok(qtbot, dialog)
    codes = {label.key: label.cameo for label in store.labels()}
    assert codes["troop_deployment"] == "15" and codes["treaty"] == "057"
    assert {label.key: label.category for label in store.labels()}["place"] == ""
    window.activateWindow()
    QTest.keyClick(window.reader, Qt.Key.Key_Z, CTRL)
    assert all(not label.cameo for label in store.labels())


def test_the_frame_panel_shows_a_renamed_slot(qtbot, window, store):
    window.controller.apply(AddSpan(1, "rahim", "troop_deployment", 8, 22))  # a claim
    window._open_listed_article(1)
    window._select_span(store.spans(1)[0].id)
    dialog = _dialog(qtbot, window)
    dialog.relation_editor.rename("agent", "Who does it", "কে করে")
    _ok(qtbot, dialog)
    assert window.frame_panel.slot_item("agent").text(0).startswith("Who does it · কে করে")
