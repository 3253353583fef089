"""LabelSchemeDialog: edit the scheme in the table, save it to the store on OK."""

from __future__ import annotations

import json
from dataclasses import asdict, replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
)

from annotator.models import ArticleDraft
from annotator.store import Store
from annotator.ui.dialogs import label_scheme_dialog as dialog_module
from annotator.ui.dialogs.label_scheme_dialog import (
    COLOR,
    NAME,
    NAME_BN,
    RETIRED,
    SHORTCUT,
    SPANS,
    LabelSchemeDialog,
)

# The offscreen platform plugin warns whenever a shown top-level layout changes its size hints.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

ME = "rahim"


@pytest.fixture
def store():
    with Store() as s:
        [res] = s.add_articles([ArticleDraft(text="কিম জং উন রাশিয়া সফর করবেন।", title="সফর")])
        s.article_id = res.id
        s.add_span(res.id, ME, "visit", 0, 3)
        s.add_span(res.id, ME, "visit", 4, 6)
        s.add_span(res.id, ME, "treaty", 7, 9)
        # These tests give keys 6-9 to new labels: the entity labels give theirs up.
        s.save_labels([replace(x, shortcut=None) for x in s.labels() if x.category == "entity"])
        yield s


@pytest.fixture
def dialog(qtbot, store):
    widget = LabelSchemeDialog(store)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def row_of(dialog, key):
    return [label.key for label in dialog.labels()].index(key)


def type_text(widget, text):
    """Type `text`: keys for ASCII, an input-method commit for Bengali (as a Bengali IME does)."""
    if text.isascii():
        QTest.keyClicks(widget, text)
    else:
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(widget, event)


def open_editor(table):
    [editor] = [e for e in table.findChildren(QLineEdit) if e.isVisible()]
    return editor


def type_into_cell(dialog, row, column, text):
    """Open the cell's editor as a user would, type, press Enter."""
    table = dialog.table
    table.setCurrentCell(row, column)
    table.editItem(table.item(row, column))
    editor = open_editor(table)
    editor.selectAll()
    QTest.keyClick(editor, Qt.Key.Key_Backspace)
    type_text(editor, text)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # Qt 6 commits the editor's data in a queued call


def click(widget):
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def click_ok(dialog):
    click(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))


def as_dicts(labels):
    return [{k: v for k, v in asdict(x).items() if k not in ("extra", "position")} for x in labels]


def test_table_shows_scheme_and_usage(dialog, store):
    table = dialog.table
    assert table.rowCount() == len(store.labels())
    row = row_of(dialog, "visit")
    assert table.item(row, NAME).text() == "Visit/meeting"
    assert table.item(row, NAME_BN).text() == "সফর/বৈঠক"
    assert table.item(row, COLOR).text() == "#4363d8"
    assert table.item(row, SHORTCUT).text() == "3"
    assert table.item(row, RETIRED).checkState() == Qt.CheckState.Unchecked
    assert table.item(row, SPANS).text() == "2"


def test_rename_recolour_rekey_retire_then_ok(dialog, store, qtbot, monkeypatch):
    visit, treaty = row_of(dialog, "visit"), row_of(dialog, "treaty")
    type_into_cell(dialog, visit, NAME, "Official visit")
    type_into_cell(dialog, visit, NAME_BN, "সরকারি সফর")
    type_into_cell(dialog, visit, SHORTCUT, "৯")  # a Bengali digit works too
    monkeypatch.setattr(QColorDialog, "getColor", lambda *a, **k: QColor("#123456"))
    dialog.table.setCurrentCell(visit, NAME)
    click(dialog.color_button)
    dialog.table.setCurrentCell(treaty, NAME)
    assert dialog.retire_button.text() == "Retire"
    click(dialog.retire_button)
    assert dialog.retire_button.text() == "Unretire"
    assert dialog.table.item(treaty, RETIRED).checkState() == Qt.CheckState.Checked
    assert dialog.error_text() == ""

    with qtbot.waitSignal(dialog.accepted):
        click_ok(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    labels = {label.key: label for label in store.labels()}
    assert labels["visit"].name == "Official visit"
    assert labels["visit"].name_bn == "সরকারি সফর"
    assert labels["visit"].shortcut == "9"
    assert labels["visit"].color == "#123456"
    assert labels["treaty"].retired
    assert [s.label for s in store.spans(store.article_id)] == ["visit", "visit", "treaty"]
    assert store.label_usage() == {"visit": 2, "treaty": 1}


def test_clashing_shortcut_shows_error_and_keeps_store(dialog, store, qtbot):
    before = as_dicts(store.labels())
    type_into_cell(dialog, row_of(dialog, "treaty"), SHORTCUT, "1")
    assert "shortcut 1" in dialog.error_text()  # shown as soon as it clashes
    with qtbot.assertNotEmitted(dialog.accepted):
        click_ok(dialog)
    assert dialog.isVisible()
    assert "Not saved" in dialog.error_text() and "shortcut 1" in dialog.error_text()
    assert as_dicts(store.labels()) == before
    # Moving the other label off the key resolves it.
    dialog.set_shortcut("troop_deployment", "7")
    assert dialog.error_text() == ""
    with qtbot.waitSignal(dialog.accepted):
        click_ok(dialog)
    assert {x.key: x.shortcut for x in store.labels()}["treaty"] == "1"


def test_retired_label_frees_its_shortcut(dialog, store, qtbot):
    dialog.set_retired("troop_deployment", True)
    dialog.set_shortcut("treaty", "1")
    assert dialog.error_text() == ""
    with qtbot.waitSignal(dialog.accepted):
        click_ok(dialog)
    assert store.labels()[0].retired


def test_bad_shortcut_text_is_refused(dialog):
    row = row_of(dialog, "visit")
    type_into_cell(dialog, row, SHORTCUT, "x")
    assert "digit 1-9" in dialog.error_text()
    assert dialog.table.item(row, SHORTCUT).text() == "3"
    type_into_cell(dialog, row, SHORTCUT, "")
    assert dialog.labels()[row].shortcut is None


def test_add_label_key_follows_name_until_saved(dialog, store, qtbot):
    click(dialog.add_button)
    row = dialog.table.rowCount() - 1
    assert dialog.labels()[row].key == "new_label"
    QTest.keyClick(open_editor(dialog.table), Qt.Key.Key_Escape)
    QApplication.processEvents()
    type_into_cell(dialog, row, NAME, "Sanctions")
    assert dialog.labels()[row].key == "sanctions"
    assert dialog.rename("visit", "Trip") == "visit"  # stored keys never change
    key = dialog.add_label("Sanctions", "নিষেধাজ্ঞা", shortcut="6")
    assert key == "sanctions_2"
    assert dialog.labels()[-1].color not in {x.color for x in dialog.labels()[:-1]}
    with qtbot.waitSignal(dialog.accepted):
        click_ok(dialog)
    keys = [x.key for x in store.labels()]
    assert keys[-2:] == ["sanctions", "sanctions_2"]
    assert {x.key: x.name for x in store.labels()}["visit"] == "Trip"


def test_guideline_edit_follows_selection(dialog, store, qtbot):
    treaty = row_of(dialog, "treaty")
    dialog.table.setCurrentCell(treaty, NAME)
    assert dialog.guideline_edit.toPlainText() == store.labels()[treaty].guideline
    dialog.guideline_edit.selectAll()
    type_text(dialog.guideline_edit, "চুক্তি সই হলে")
    assert dialog.labels()[treaty].guideline == "চুক্তি সই হলে"
    dialog.table.setCurrentCell(0, NAME)
    assert dialog.guideline_edit.toPlainText() == store.labels()[0].guideline
    with qtbot.waitSignal(dialog.accepted):
        click_ok(dialog)
    assert store.labels()[treaty].guideline == "চুক্তি সই হলে"


def test_cancel_leaves_store_alone(dialog, store, qtbot):
    before = as_dicts(store.labels())
    dialog.rename("visit", "Changed")
    with qtbot.waitSignal(dialog.rejected):
        click(dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel))
    assert as_dicts(store.labels()) == before


def test_export_then_import_round_trip(dialog, qtbot, tmp_path, monkeypatch):
    dialog.add_label("Sanctions", "নিষেধাজ্ঞা", color="#000075", shortcut="6")
    dialog.set_retired("treaty", True)
    dialog.set_guideline("visit", "সফর বা বৈঠকের দাবি")
    path = tmp_path / "scheme.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    click(dialog.export_button)
    assert "Exported 10 labels" in dialog.error_text()
    assert json.loads(path.read_text(encoding="utf-8"))["labels"][-1]["name_bn"] == "নিষেধাজ্ঞা"

    with Store() as other:
        other.save_labels([x for x in other.labels() if x.key == "visit"])
        other_dialog = LabelSchemeDialog(other)
        qtbot.addWidget(other_dialog)
        other_dialog.set_shortcut("visit", "6")  # taken by the file's new label: it gives way
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
        click(other_dialog.import_button)
        assert "Imported 10 labels" in other_dialog.error_text()
        assert as_dicts(other_dialog.labels()) == as_dicts(dialog.labels())
        other_dialog.accept()
        assert other_dialog.result() == QDialog.DialogCode.Accepted
        assert as_dicts(other.labels()) == as_dicts(dialog.labels())


def test_import_keeps_labels_missing_from_file(dialog, tmp_path):
    path = tmp_path / "small.json"
    path.write_text(
        json.dumps({"labels": [{"name": "Arms sale", "shortcut": "1"}]}), encoding="utf-8"
    )
    assert dialog.import_file(path)
    keys = [x.key for x in dialog.labels()]
    assert keys[0] == "troop_deployment" and keys[-1] == "arms_sale"
    assert dialog.labels()[0].shortcut is None  # its key 1 went to the imported label


def test_import_bad_file_changes_nothing(dialog, tmp_path):
    before = as_dicts(dialog.labels())
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert not dialog.import_file(bad)
    assert "cannot read scheme" in dialog.error_text()
    clash = tmp_path / "clash.json"
    clash.write_text(
        json.dumps([{"name": "A", "shortcut": "1"}, {"name": "B", "shortcut": "1"}]),
        encoding="utf-8",
    )
    assert not dialog.import_file(clash)
    assert as_dicts(dialog.labels()) == before


def test_export_of_invalid_scheme_is_refused(dialog, tmp_path):
    dialog.set_color("visit", "red")
    assert "#RRGGBB" in dialog.error_text()
    assert not dialog.export_file(tmp_path / "x.json")
    assert not (tmp_path / "x.json").exists()


def test_file_filter_is_json():
    assert "*.json" in dialog_module.FILE_FILTER


def test_a_scheme_saved_from_the_main_window_is_undone_with_ctrl_z(qtbot, store, tmp_path):
    from PySide6.QtCore import QSettings, QTimer

    from annotator.ui.main_window import MainWindow

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    main = MainWindow(store, ME, settings)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    before = store.labels()
    shown = []

    def edit_then_ok():
        dialog = QApplication.activeModalWidget()
        shown.append(dialog)
        visit, treaty = row_of(dialog, "visit"), row_of(dialog, "treaty")
        type_into_cell(dialog, visit, NAME, "Official visit")
        type_into_cell(dialog, visit, SHORTCUT, "9")
        dialog.table.setCurrentCell(treaty, NAME)
        click(dialog.retire_button)
        dialog.set_color("visit", "#123456")
        click_ok(dialog)

    QTimer.singleShot(0, edit_then_ok)
    main.scheme_action.trigger()  # runs the dialog until OK
    assert isinstance(shown[0], LabelSchemeDialog)
    saved = {label.key: label for label in store.labels()}
    assert (saved["visit"].name, saved["visit"].shortcut, saved["visit"].color) == (
        "Official visit", "9", "#123456",
    )  # fmt: skip
    assert saved["treaty"].retired
    assert main.labels["visit"].name == "Official visit"  # the main window reloaded them
    assert main.palette_widget.button("treaty") is None  # retired: no button
    assert main.undo_action.text() == "&Undo Change label scheme"

    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)
    main.reader.setFocus()
    QTest.keyClick(main.reader, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.labels() == before  # names, colours, keys, retired flags, order
    assert main.labels["visit"].name == "Visit/meeting"
    assert main.palette_widget.button("treaty") is not None
    QTest.keyClick(main.reader, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.labels() == before and not main.undo_action.isEnabled()


def test_ok_without_changes_adds_nothing_to_undo(dialog, store, qtbot):
    before = store.label_rows()
    with qtbot.waitSignal(dialog.accepted):
        click_ok(dialog)
    assert store.label_rows() == before
    assert not dialog._controller.history.can_undo
