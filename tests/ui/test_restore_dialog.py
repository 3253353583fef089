"""File → Restore from backup…, driven through the menu and the dialog; assert the database."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from annotator.backups import list_backups, snapshot_if_due
from annotator.models import ArticleDraft
from annotator.store import Store
from annotator.ui.dialogs.restore_dialog import RestoreDialog
from annotator.ui.main_window import MainWindow


def draft(title: str) -> ArticleDraft:
    return ArticleDraft(text=f"{title}: ঢাকায় আজ একটি বৈঠক হয়েছে।", title=title)


@pytest.fixture
def store(db_path):
    s = Store(db_path)
    s.add_articles([draft("প্রথম"), draft("দ্বিতীয়")])
    snapshot_if_due(s, db_path)
    s.add_articles([draft("পরে যোগ করা")])  # not in the snapshot
    yield s
    s.close()


@pytest.fixture
def window(make_window, store):
    return make_window(store)


def titles(path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [row[0] for row in con.execute("SELECT title FROM articles ORDER BY id")]
    finally:
        con.close()


def open_from_menu(window: MainWindow) -> RestoreDialog:
    file_menu = window.menuBar().actions()[0].menu()
    (action,) = [a for a in file_menu.actions() if a.text() == "&Restore from backup…"]
    action.trigger()
    dialog = window.restore_dialog
    assert dialog.isVisible()
    return dialog


def answer(monkeypatch, button: QMessageBox.StandardButton) -> list[str]:
    asked: list[str] = []

    def question(_parent, _title, text, *_args):
        asked.append(text)
        return button

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_dialog_lists_time_kind_and_size(qtbot, store, db_path):
    dialog = RestoreDialog(list_backups(db_path))
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 1).text() == "Daily snapshot"
    assert dialog.table.item(0, 2).text().endswith("KB")
    assert dialog.restore_button.isEnabled()


def test_no_backups_means_nothing_to_restore(qtbot):
    dialog = RestoreDialog([])
    qtbot.addWidget(dialog)
    assert not dialog.restore_button.isEnabled()


def test_restore_through_the_menu_reopens_the_window_on_the_restored_project(
    qtbot, window, db_path, monkeypatch
):
    assert window.list_model.rowCount() == 3
    dialog = open_from_menu(window)
    asked = answer(monkeypatch, QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and "kept beside it" in asked[0]
    new = window.replacement
    qtbot.addWidget(new)
    try:
        assert new.isVisible() and not window.isVisible()
        assert new.list_model.rowCount() == 2
        assert new.store.article_count() == 2
        assert "Restored" in new.statusBar().currentMessage()
        assert titles(db_path) == ["প্রথম", "দ্বিতীয়"]
        (aside,) = [b for b in list_backups(db_path) if b.kind == "before-restore"]
        assert titles(aside.path) == ["প্রথম", "দ্বিতীয়", "পরে যোগ করা"]
    finally:
        new.store.close()


def test_saying_no_changes_nothing(qtbot, window, db_path, monkeypatch):
    dialog = open_from_menu(window)
    answer(monkeypatch, QMessageBox.StandardButton.No)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.chosen is None
    assert window.store.article_count() == 3
    dialog.reject()


def test_a_damaged_backup_is_refused_and_the_window_keeps_working(
    qtbot, window, db_path, monkeypatch
):
    (backup,) = list_backups(db_path)
    with open(backup.path, "r+b") as f:
        f.seek(backup.size // 2)
        f.write(b"\xde\xad" * 2048)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: warnings.append(text))
    dialog = open_from_menu(window)
    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert len(warnings) == 1 and "damaged" in warnings[0]
    assert not hasattr(window, "replacement")
    assert window.store.article_count() == 3
    assert titles(db_path) == ["প্রথম", "দ্বিতীয়", "পরে যোগ করা"]
