"""Suggestions in the window, driven by keys: F8 steps to a suggestion, F9 accepts it,
Shift+F9 rejects it, Ctrl+F9 accepts all, Ctrl+Z undoes each; training runs on another
thread; least-certain-first picks the next article. Checked in the database."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from suggest_corpus import corpus, fill_store

from annotator.actions import AddSpan
from annotator.store import Store
from annotator.suggest import training
from annotator.suggest.suggestions import least_certain_first
from annotator.ui.reader.marks import SUGGESTION, SUGGESTION_CURRENT

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def project(tmp_path):
    train_docs, test_docs = corpus(train=40, test=4, seed=21)
    store = Store(tmp_path / "project.db")
    fill_store(store, train_docs)
    new = fill_store(store, test_docs, annotator=None)
    training.retrain(store, "rahim")
    yield store, new
    store.close()


@pytest.fixture
def window(make_window, project):
    store, new = project
    w = make_window(store, active=True)
    w._open_listed_article(new[0])
    assert w.article.id == new[0]
    w.reader.setFocus()
    return w


def _own(store: Store, article_id: int) -> list[tuple[int, int, str]]:
    return [(s.start, s.end, s.label) for s in store.spans(article_id, "rahim")]


def test_suggestions_are_drawn_and_accepted_with_f9_then_undone(window, project):
    store, new = project
    found = window.suggestions()
    assert found, "the trained tagger suggests something in an unseen article"
    assert window.reader.marks(SUGGESTION) == [(s.start, s.end) for s in found]
    assert _own(store, new[0]) == []  # nothing is a span until accepted

    QTest.keyClick(window.reader, Qt.Key.Key_F8)
    first = window.current_suggestion()
    assert first == found[0]
    assert window.reader.marks(SUGGESTION_CURRENT) == [(first.start, first.end)]
    assert "F9 accept" in window.statusBar().currentMessage()
    QTest.keyClick(window.reader, Qt.Key.Key_F9)
    assert _own(store, new[0]) == [first.key]
    assert first.key not in {s.key for s in window.suggestions()}
    assert window.current_suggestion() == window.suggestions()[0]  # the next one is current

    QTest.keyClick(window.reader, Qt.Key.Key_Z, CTRL)
    assert _own(store, new[0]) == []
    assert first.key in {s.key for s in window.suggestions()}


def test_shift_f9_rejects_for_good_and_ctrl_z_brings_it_back(window, project):
    store, new = project
    QTest.keyClick(window.reader, Qt.Key.Key_F8)
    QTest.keyClick(window.reader, Qt.Key.Key_F8)
    second = window.current_suggestion()
    assert second == window.suggestions()[1]
    QTest.keyClick(window.reader, Qt.Key.Key_F9, SHIFT)
    assert store.rejects(new[0], "rahim") == {second.key}
    assert second.key not in {s.key for s in window.suggestions()}
    window._open_listed_article(new[1])
    window._open_listed_article(new[0])
    assert second.key not in {s.key for s in window.suggestions()}  # remembered
    window.reader.setFocus()
    QTest.keyClick(window.reader, Qt.Key.Key_Z, CTRL)
    assert store.rejects(new[0], "rahim") == set()
    assert second.key in {s.key for s in window.suggestions()}


def test_ctrl_f9_accepts_all_as_one_action(window, project):
    store, new = project
    keys = [s.key for s in window.suggestions()]
    QTest.keyClick(window.reader, Qt.Key.Key_F9, CTRL)
    assert sorted(_own(store, new[0])) == sorted(keys)
    assert window.suggestions() == [] and window.reader.marks(SUGGESTION) == []
    QTest.keyClick(window.reader, Qt.Key.Key_Z, CTRL)
    assert _own(store, new[0]) == []


def test_hiding_suggestions_clears_the_layer(window):
    window.suggest_show_action.trigger()
    assert window.reader.marks(SUGGESTION) == [] and window.suggestions() == []
    window.suggest_show_action.trigger()
    assert window.suggestions()


def test_training_runs_off_the_gui_thread(window, project, qtbot, monkeypatch):
    store, _new = project
    threads = []
    real = training.retrain

    def recording(s, name, with_gold=False):
        threads.append(threading.get_ident())
        return real(s, name, with_gold)

    monkeypatch.setattr(training, "retrain", recording)
    before = store.model("rahim")
    window.command_actions["suggest.retrain"].trigger()
    runner = window.suggest_runner
    assert runner is not None and runner.running  # the window's loop is free meanwhile
    qtbot.waitUntil(lambda: not runner.running, timeout=60_000)
    assert threads and threads[0] != threading.get_ident()
    assert "learnt from" in window.statusBar().currentMessage()
    assert store.model("rahim") is not None and before is not None


def test_twenty_new_spans_start_a_training_by_themselves(window, project, qtbot, monkeypatch):
    store, new = project
    started = []
    monkeypatch.setattr(type(window), "retrain_suggestions",
                        lambda self, quiet=False: started.append(quiet))  # fmt: skip
    text = store.article(new[1]).text
    for i in range(19):
        window.controller.apply(AddSpan(new[1], "rahim", "place", i, i + 1))
    assert started == []
    window.controller.apply(AddSpan(new[1], "rahim", "place", 19, 20))
    assert started == [True] and len(text) > 20


def test_least_certain_article_next(window, project):
    store, new = project
    window._open_listed_article(new[0])
    candidates = []
    row = window.list_view.currentIndex().row()
    while (row := window.list_model.next_row(row, untagged_only=True)) is not None:
        candidates.append(window.list_model.article_id(row))
    expected = least_certain_first(window.suggester(), candidates[:30])[0]
    window.suggest_least_action.trigger()
    window.command_actions["go.next_untagged"].trigger()
    assert window.article.id == expected
