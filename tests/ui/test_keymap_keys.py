"""The key map in the windows: real key presses take one route each and land in the database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMainWindow, QWidget

from annotator import keymap
from annotator.ingest import import_paths
from annotator.store import Store
from annotator.ui.main_window import MainWindow
from annotator.ui.review_window import ReviewWindow
from annotator.ui.shortcuts import key_text

CLAIM = "রাশিয়ায় আনুমানিক ১১ হাজার সৈন্য পাঠিয়েছে"
FIRST_WORDS = "রাশিয়ায় আনুমানিক"
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier
PORTABLE = QKeySequence.SequenceFormat.PortableText


@pytest.fixture
def store(tmp_path, seeds_dir):
    s = Store(tmp_path / "project.db")
    import_paths(s, [seeds_dir])
    yield s
    s.close()


@pytest.fixture
def window(make_window, store):
    return make_window(store, active=True)


def open_claim(window: MainWindow) -> tuple[int, int]:
    """Open the article with CLAIM; its id and CLAIM's start."""
    for row in range(window.list_model.rowCount()):
        if CLAIM in window.store.article(window.list_model.article_id(row)).text:
            window.list_view.selectRow(row)
            return window.article.id, window.article.text.index(CLAIM)
    raise AssertionError("no article with the claim")


def tag_first_words(window: MainWindow) -> tuple[int, int]:
    """Tag FIRST_WORDS with label 1 from the reader; the article id and the span id."""
    article_id, start = open_claim(window)
    window.reader.setFocus()
    window.reader.set_selection(start, start + len(FIRST_WORDS))
    QTest.keyClick(window.reader, Qt.Key.Key_1)
    [span] = window.store.spans(article_id)
    return article_id, span.id


def table_keys(labels) -> set[str]:
    """Every key the key map gives the main window, in Qt's portable spelling."""
    commands = (*keymap.MAIN, *keymap.FIND_COMMANDS, *keymap.label_commands(labels))
    return {QKeySequence(k).toString(PORTABLE) for c in commands for k in c.keys}


def bound_keys(window: QWidget) -> dict[str, str]:
    """Every key an action or shortcut in `window` is bound to -> who binds it."""
    found: dict[str, str] = {}
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            found[sequence.toString(PORTABLE)] = action.text()
    for shortcut in window.findChildren(QShortcut):
        for sequence in shortcut.keys():
            found[sequence.toString(PORTABLE)] = f"QShortcut {shortcut.objectName()}"
    return found


def unmapped_keys(window: MainWindow) -> dict[str, str]:
    """The keys bound in `window` that the key map does not list."""
    known = table_keys(window.store.labels())
    return {key: who for key, who in bound_keys(window).items() if key not in known}


def test_a_digit_in_the_reader_tags_once_in_one_undo_step(window):
    article_id, start = open_claim(window)
    window.reader.setFocus()
    window.reader.set_selection(start, start + len(CLAIM))
    QTest.keyClick(window.reader, Qt.Key.Key_1)
    [span] = window.store.spans(article_id)
    assert (span.text, span.label) == (CLAIM, "troop_deployment")
    assert window.controller.history.undo_text().startswith("Tag")
    QTest.keyClick(window.reader, Qt.Key.Key_Z, CTRL)
    assert window.store.spans(article_id) == []
    assert not window.controller.history.can_undo  # the one key press was one step


def test_a_keypad_digit_tags_too(window):
    article_id, start = open_claim(window)
    window.reader.set_selection(start, start + len(CLAIM))
    QTest.keyClick(window.reader, Qt.Key.Key_2, Qt.KeyboardModifier.KeypadModifier)
    assert [s.label for s in window.store.spans(article_id)] == ["treaty"]


def test_a_digit_in_the_search_box_types_and_does_not_tag(window):
    article_id, start = open_claim(window)
    window.reader.set_selection(start, start + len(CLAIM))
    window.search_edit.setFocus()
    QTest.keyClick(window.search_edit, Qt.Key.Key_1)
    QTest.keyClick(window.search_edit, Qt.Key.Key_Question)
    assert window.search_edit.text() == "1?"
    QTest.keyClick(window.search_edit, Qt.Key.Key_Left, SHIFT)
    QTest.keyClick(window.search_edit, Qt.Key.Key_Delete)
    assert window.search_edit.text() == "1"
    assert window.store.spans(article_id) == []
    assert window.shortcuts_dialog is None


def test_digits_and_delete_in_the_panel_fields_type(window):
    article_id, span_id = tag_first_words(window)
    panel = window.panel
    panel.note_edit.setFocus()
    QTest.keyClicks(panel.note_edit, "22")
    QTest.keyClick(panel.note_edit, Qt.Key.Key_Left, SHIFT)
    QTest.keyClick(panel.note_edit, Qt.Key.Key_Delete)
    QTest.keyClick(panel.note_edit, Qt.Key.Key_Return)
    panel.source_edit.setFocus()
    QTest.keyClicks(panel.source_edit, "3")
    QTest.keyClick(panel.source_edit, Qt.Key.Key_Return)
    span = window.store.span(span_id)
    assert (span.label, span.note, span.attrs.get("source")) == ("troop_deployment", "2", "3")
    assert len(window.store.spans(article_id)) == 1


def test_delete_removes_the_current_span(window):
    article_id, span_id = tag_first_words(window)
    assert window.panel.current_span().id == span_id
    QTest.keyClick(window.reader, Qt.Key.Key_Delete)
    assert window.store.spans(article_id) == []
    QTest.keyClick(window.reader, Qt.Key.Key_Z, CTRL)
    assert [s.id for s in window.store.spans(article_id)] == [span_id]


def test_shift_and_ctrl_shift_arrows_resize_the_current_span(window):
    article_id, span_id = tag_first_words(window)
    reader = window.reader
    QTest.keyClick(reader, Qt.Key.Key_Right, SHIFT)
    assert window.store.span(span_id).text == "রাশিয়ায় আনুমানিক ১১"
    QTest.keyClick(reader, Qt.Key.Key_Right, SHIFT | CTRL)
    assert window.store.span(span_id).text == "আনুমানিক ১১"
    QTest.keyClick(reader, Qt.Key.Key_Left, SHIFT | CTRL)
    QTest.keyClick(reader, Qt.Key.Key_Left, SHIFT)
    assert window.store.span(span_id).text == FIRST_WORDS
    assert len(window.store.spans(article_id)) == 1


def test_shift_arrows_without_a_current_span_select_text(window):
    article_id, start = open_claim(window)
    window.reader.setFocus()
    window.reader.set_selection(start, start)
    assert window.panel.current_span() is None
    QTest.keyClick(window.reader, Qt.Key.Key_Right, SHIFT)
    assert window.reader.selection() == (start, start + len("রাশিয়ায়"))
    assert window.store.spans(article_id) == []


def test_help_overlay_lists_every_command_and_each_label_digit(window, qtbot):
    QTest.keyClick(window.reader, Qt.Key.Key_F1)
    dialog = window.shortcuts_dialog
    assert dialog is not None and dialog.isVisible()
    rows = {(keys, text) for _section, keys, text in dialog.rows()}
    for command in (*keymap.MAIN, *keymap.REVIEW):
        if command.keys:
            assert (key_text(command.keys), command.description) in rows, command.id
    labels = [label for label in window.store.labels() if label.shortcut and not label.retired]
    assert len(labels) >= 5
    for label in labels:
        assert any(keys == label.shortcut and label.name in text for keys, text in rows), label
    sections = [section for section, _keys, _text in dialog.rows()]
    assert "Tag" in sections and "Review window" in sections
    dialog.close()
    window.reader.setFocus()
    QTest.keyClick(window.reader, "?")
    assert window.shortcuts_dialog is not dialog and window.shortcuts_dialog.isVisible()


def test_help_overlay_follows_a_scheme_edit(window):
    labels = window.store.labels()
    visit = next(label for label in labels if label.key == "visit")
    date = next(label for label in labels if label.key == "date")
    visit.shortcut, date.shortcut = "9", None
    window.store.save_labels(labels)
    window.refresh_from_project()
    rows = window.show_shortcuts().rows()
    assert ("Tag", "9", keymap.label_commands([visit])[0].description) in rows
    article_id, start = open_claim(window)
    window.reader.set_selection(start, start + len(CLAIM))
    QTest.keyClick(window.reader, Qt.Key.Key_9)
    assert [s.label for s in window.store.spans(article_id)] == ["visit"]


def test_every_key_in_the_window_is_in_the_key_map(window):
    bound = bound_keys(window)
    assert unmapped_keys(window) == {}
    # and the other way: every key of the table is bound (none is listed but dead)
    assert table_keys(window.store.labels()) <= set(bound)
    inline = QShortcut(QKeySequence("Ctrl+K"), window)
    try:
        assert "Ctrl+K" in unmapped_keys(window)  # a key added outside the table fails
    finally:
        inline.setParent(None)


def test_main_window_has_no_key_press_handler():
    for cls in MainWindow.__mro__:
        if cls is QMainWindow:
            break
        assert "keyPressEvent" not in vars(cls), cls


def test_review_window_keys_are_the_key_map(qtbot, store):
    review = ReviewWindow(store, "rahim")
    qtbot.addWidget(review)
    with qtbot.waitActive(review):
        review.show()
    known = {QKeySequence(k).toString(PORTABLE) for c in keymap.REVIEW for k in c.keys}
    known |= {QKeySequence(k).toString(PORTABLE) for c in keymap.READER_COMMANDS for k in c.keys}
    assert set(bound_keys(review)) == known
    QTest.keyClick(review.reader, Qt.Key.Key_F1)
    assert review.shortcuts_dialog is not None and review.shortcuts_dialog.isVisible()
