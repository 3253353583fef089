"""The tagging keys and helps of #14, driven as an analyst would: certainty keys, the claim
source key, the guideline beside the palette, the blank label box, the View menu's zoom and
check items, Help → Guidelines and Help → About."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QEnterEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from annotator import keymap
from annotator.ingest import import_paths
from annotator.store import Store
from annotator.ui.main_window import MainWindow

CLAIM = "রাশিয়ায় আনুমানিক ১১ হাজার সৈন্য পাঠিয়েছে"
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def store(tmp_path, seeds_dir):
    s = Store(tmp_path / "project.db")
    import_paths(s, [seeds_dir])
    yield s
    s.close()


@pytest.fixture
def window(make_window, store):
    return make_window(store, active=True)


def tag_claim(window: MainWindow, key: Qt.Key = Qt.Key.Key_1) -> int:
    """Open the article with CLAIM, tag CLAIM by key; the new span's id (now current)."""
    for row in range(window.list_model.rowCount()):
        if CLAIM in window.store.article(window.list_model.article_id(row)).text:
            window.list_view.selectRow(row)
            break
    start = window.article.text.index(CLAIM)
    window.reader.setFocus()
    window.reader.set_selection(start, start + len(CLAIM))
    QTest.keyClick(window.reader, key)
    [span] = window.store.spans(window.article.id)
    assert window.panel.current_span().id == span.id
    return span.id


def test_alt_2_sets_the_certainty_and_ctrl_z_undoes_it(window):
    span_id = tag_claim(window)
    QTest.keyClick(window.reader, Qt.Key.Key_2, ALT)
    assert window.store.span(span_id).attrs.get("certainty") == "reported"
    assert window.panel.certainty_box.currentData() == "reported"  # the editor follows
    QTest.keyClick(window.reader, Qt.Key.Key_4, ALT)
    assert window.store.span(span_id).attrs.get("certainty") == "denied"
    QTest.keyClick(window.reader, Qt.Key.Key_Z, CTRL)
    assert window.store.span(span_id).attrs.get("certainty") == "reported"  # one step each
    QTest.keyClick(window.reader, Qt.Key.Key_Z, CTRL)
    assert "certainty" not in window.store.span(span_id).attrs
    assert window.store.span(span_id).label == "troop_deployment"  # the tag itself stays


def test_a_certainty_key_without_a_span_changes_nothing_and_says_why(window):
    window.reader.setFocus()
    assert window.panel.current_span() is None
    QTest.keyClick(window.reader, Qt.Key.Key_1, ALT)
    assert not window.controller.history.can_undo
    assert window.statusBar().currentMessage() == "Select one of your spans first."


def test_alt_s_puts_the_cursor_in_the_claim_source_field(window, qtbot):
    span_id = tag_claim(window)
    QTest.keyClick(window.reader, Qt.Key.Key_S, ALT)
    source = window.panel.source_edit
    qtbot.waitUntil(source.hasFocus)
    QTest.keyClicks(source, "KCNA")
    QTest.keyClick(source, Qt.Key.Key_Return)
    assert window.store.span(span_id).attrs.get("source") == "KCNA"


def test_the_certainty_and_source_keys_are_in_the_tag_menu_after_the_labels(window):
    texts = [a.text() for a in window.menus["Tag"].actions() if not a.isSeparator()]
    label_names = [label.name for label in window.store.labels() if label.shortcut]
    assert texts[: len(label_names)] == label_names
    assert [c.text for c in keymap.CERTAINTY_COMMANDS] == texts[len(label_names) :][:4]
    action = window.command_actions["span.certainty.reported"]
    assert action.shortcut().toString() == "Alt+2"


def test_the_guideline_beside_the_palette_follows_the_current_span_and_the_pointer(window):
    guideline = window.palette_widget.guideline
    assert guideline.label() is None and "No span selected" in guideline.text()
    tag_claim(window, Qt.Key.Key_2)  # a treaty span is now current
    treaty = next(label for label in window.store.labels() if label.key == "treaty")
    assert guideline.label().key == "treaty" and treaty.guideline in guideline.text()
    visit_button = window.palette_widget.button("visit")
    QApplication.sendEvent(visit_button, QEnterEvent(QPointF(2, 2), QPointF(2, 2), QPointF(2, 2)))
    assert guideline.label().key == "visit"  # the label pointed at
    QApplication.sendEvent(visit_button, QEvent(QEvent.Type.Leave))
    assert guideline.label().key == "treaty"  # back to the current span's
    window.panel.select_span(None)
    assert guideline.label() is None


def test_the_label_box_is_blank_without_a_span(window):
    box = window.panel.label_box
    assert window.panel.current_span() is None
    assert box.currentIndex() == -1 and box.currentText() == ""
    assert box.placeholderText() == "no span selected" and not box.isEnabled()
    tag_claim(window)
    assert box.currentData() == "troop_deployment" and box.isEnabled()
    QTest.keyClick(window.reader, Qt.Key.Key_Delete)
    assert box.currentIndex() == -1 and box.currentText() == ""
    window.refresh_from_project()
    window._reload_labels()  # a scheme reload refills the box: still blank
    assert box.currentIndex() == -1


def test_zoom_from_the_view_menu_and_by_key_in_the_reader(window):
    view_menu = {a.objectName(): a for a in window.menus["View"].actions()}
    zoom_in = view_menu["view.zoom_in"]
    assert zoom_in.shortcut().toString() == "Ctrl+="
    size = window.reader.zoom()
    zoom_in.trigger()
    assert window.reader.zoom() == size + 1
    window.reader.setFocus()
    QTest.keyClick(window.reader, Qt.Key.Key_Minus, CTRL)
    QTest.keyClick(window.reader, Qt.Key.Key_Minus, CTRL)
    assert window.reader.zoom() == size - 1
    view_menu["view.zoom_reset"].trigger()
    assert window.reader.zoom() == size


def test_check_items_carry_no_icon_so_the_menu_draws_their_check_mark(window):
    checkable = [a for a in window.command_actions.values() if a.isCheckable()]
    assert {a.objectName() for a in checkable} == {
        "view.snap",
        "view.digits",
        "view.colleagues",
        "view.language_bn",
        "view.language_en",
        "suggest.show",
        "suggest.least_certain",
    }
    assert all(a.icon().isNull() for a in checkable)
    snap = window.command_actions["view.snap"]
    on = window.menus["View"].grab().toImage()
    snap.trigger()
    assert not snap.isChecked()
    window.menus["View"].adjustSize()
    off = window.menus["View"].grab().toImage()
    assert on != off  # on and off draw differently


def test_help_guidelines_lists_each_labels_guideline(window):
    dialog = window.show_guidelines()
    shown = dialog.browser.toPlainText()
    for label in window.store.labels():
        assert label.name in shown and label.guideline in shown
        assert label.name_bn in shown  # the Bengali names too
    assert "Noto Sans Bengali" in dialog.browser.font().families()
    assert dict(dialog.entries())["Treaty/agreement"].startswith("A claim that states signed")


def test_help_about_shows_the_versions_and_the_project(window):
    dialog = window.show_about()
    facts = dict(dialog.facts())
    assert facts["SQLite"] == sqlite3.sqlite_version
    assert facts["Project"] == str(window.store.path)
    assert facts["Version"] and facts["Qt"] and facts["PySide6"] and facts["Python"]
    assert "MIT" in facts["Licences"]
    shown = [w.text() for w in dialog.findChildren(type(window.progress_label))]
    assert sqlite3.sqlite_version in shown  # on screen, not only in the list
    about = window.command_actions["help.about"]
    assert about in window.menus["Help"].actions()
