"""File → New project…, Open project…, Open recent: driven through the menu actions with the
file dialogs patched; the window switches to the other file and tags land there."""

from __future__ import annotations

import contextlib
import gc
import sqlite3

import pytest
import shiboken6
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from annotator.models import ArticleDraft
from annotator.store import Store
from annotator.ui.app import open_window
from annotator.ui.main_window import MainWindow
from annotator.ui.window.project_files import RECENT_KEY

CLAIM = "উত্তর কোরিয়া রাশিয়ায় সৈন্য পাঠিয়েছে।"
ME = "rahim"


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "first.db")
    s.add_articles([ArticleDraft(text="প্রথম প্রকল্পের খবর।", title="প্রথম")])
    yield s
    s.close()


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, store, settings):
    """The first window; every window a switch opens is closed after the test too (a
    switched-away window deletes itself, so pytest-qt's own clean-up cannot hold it)."""
    w = MainWindow(store, ME, settings)
    w.show()
    qtbot.waitExposed(w)
    yield w
    for other in main_windows():
        other.close()
        other.deleteLater()
        with contextlib.suppress(Exception):
            other.store.close()


def main_windows() -> list[MainWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and
            shiboken6.isValid(w) and w.isVisible()]  # fmt: skip


def is_closed(store: Store) -> bool:
    try:
        store.db.execute("SELECT 1")
    except sqlite3.ProgrammingError:
        return True
    return False


def switched(qtbot, old: MainWindow, old_store: Store) -> MainWindow:
    """The window that replaced `old` (alive after a garbage collection: nothing but the
    app holds it); waits until `old`'s store is closed."""
    gc.collect()
    qtbot.wait(10)
    [new] = [w for w in main_windows() if w is not old]
    qtbot.waitUntil(lambda: is_closed(old_store))
    return new


def test_a_new_project_from_the_menu_takes_the_spans_tagged_by_key(
    qtbot, window, store, tmp_path, monkeypatch
):
    review = window.open_review()
    target = tmp_path / "claims"  # no suffix: .db is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.new_project_action.trigger()
    new = switched(qtbot, window, store)
    assert new.store.path == tmp_path / "claims.db" and new.annotator == ME
    assert not shiboken6.isValid(review)  # the old project's review window went with it
    assert new.list_model.rowCount() == 0  # empty: no samples in a new project
    assert [label.key for label in new.store.labels()][:1] == ["troop_deployment"]
    new.store.add_articles([ArticleDraft(text=CLAIM, title="খবর")])
    new.list_model.refresh()
    new.list_view.selectRow(0)
    assert new.article is not None
    new.reader.setFocus()
    new.reader.set_selection(0, len("উত্তর কোরিয়া"))
    QTest.keyClick(new.reader, Qt.Key.Key_1)
    with Store(tmp_path / "claims.db") as check:  # another connection reads the new file
        [article] = check.article_list(ME)
        assert [(s.text, s.label) for s in check.spans(article.id)] == [
            ("উত্তর কোরিয়া", "troop_deployment")
        ]
    with Store(tmp_path / "first.db") as first:
        assert all(first.spans(a.id) == [] for a in first.article_list(ME))
    assert new.controller.history.undo_text().startswith("Tag")  # a fresh history


def test_a_new_project_never_replaces_an_existing_file(qtbot, window, tmp_path, monkeypatch):
    taken = tmp_path / "taken.db"
    taken.write_bytes(b"keep me")
    told = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(taken), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: told.append(text))
    window.new_project_action.trigger()
    assert taken.read_bytes() == b"keep me"
    assert len(told) == 1 and "already exists" in told[0] and "\n" not in told[0]
    assert main_windows() == [window]


def test_open_project_switches_and_open_recent_comes_back(
    qtbot, window, store, tmp_path, monkeypatch
):
    other_path = tmp_path / "other.db"
    with Store(other_path) as other:
        other.add_articles([ArticleDraft(text=CLAIM, title="অন্য")])
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other_path), ""))
    window.open_project_action.trigger()
    new = switched(qtbot, window, store)
    assert new.store.path == other_path and new.list_model.rowCount() == 1
    assert new.windowTitle() == f"other.db — {QGuiApplication.applicationDisplayName()}"

    new.recent_menu.aboutToShow.emit()
    entries = {a.data(): a for a in new.recent_menu.actions() if a.data()}
    assert list(entries) == [str(other_path), str(tmp_path / "first.db")]  # newest first
    assert not entries[str(other_path)].isEnabled()  # the open one
    entries[str(tmp_path / "first.db")].trigger()
    back = switched(qtbot, new, new.store)
    assert back.store.path == tmp_path / "first.db"
    assert back.settings.value(RECENT_KEY)[:2] == [str(tmp_path / "first.db"), str(other_path)]


def test_open_recent_drops_files_gone_and_can_be_cleared(window, tmp_path):
    gone = tmp_path / "gone.db"
    window.settings.setValue(RECENT_KEY, [str(window.store.path), str(gone)])
    window.recent_menu.aboutToShow.emit()
    assert [a.data() for a in window.recent_menu.actions() if a.data()] == [str(window.store.path)]
    [clear] = [a for a in window.recent_menu.actions() if a.objectName() == "clear_recent"]
    clear.trigger()
    assert window.recent_projects() == []
    assert not [a for a in window.recent_menu.actions() if a.data()]


@pytest.mark.parametrize(
    "content",
    [b"", b"this is not a database\n" * 10, "sqlite-foreign", "sqlite-truncated"],
    ids=["empty", "text", "foreign-sqlite", "truncated"],
)
def test_a_damaged_or_foreign_file_is_refused_in_one_line(
    qtbot, window, store, tmp_path, monkeypatch, content
):
    bad = tmp_path / "bad.db"
    if content == "sqlite-foreign":
        with sqlite3.connect(bad) as conn:
            conn.execute("CREATE TABLE recipes (name TEXT)")
        conn.close()
    elif content == "sqlite-truncated":
        with Store(tmp_path / "whole.db"):
            pass
        bad.write_bytes((tmp_path / "whole.db").read_bytes()[:1500])
    else:
        bad.write_bytes(content)
    before = bad.read_bytes()
    told = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: told.append(text))
    window.open_project_action.trigger()
    assert len(told) == 1 and "\n" not in told[0] and "bad.db" in told[0], told
    assert main_windows() == [window] and window.store is store and not is_closed(store)
    assert bad.read_bytes() == before  # never written
    assert str(bad) not in window.recent_projects()
    window.list_view.selectRow(0)
    assert window.article is not None  # the old project still works


def test_the_title_names_the_project_and_the_app_once(window):
    name = QGuiApplication.applicationDisplayName()
    assert window.windowTitle() == f"first.db — {name}"
    assert window.windowTitle().count(name) == 1
    assert window.windowFilePath() == str(window.store.path)


def test_the_project_given_on_the_command_line_goes_into_recent(qtbot, tmp_path, settings):
    settings.setValue("annotator", ME)
    path = tmp_path / "cli.db"
    window = open_window(path, settings)
    assert window is not None
    qtbot.addWidget(window)
    try:
        assert window.recent_projects()[0] == str(path)
    finally:
        window.store.close()
