"""The window beside other writers: a held lock, a tagging process, another window's spans."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

import annotator.store.project_store as store_module
from annotator.actions import AddSpan
from annotator.history import History
from annotator.models import ArticleDraft
from annotator.store import Store

TEXT = "উত্তর কোরিয়া রাশিয়ায় আনুমানিক ১১ হাজার সৈন্য পাঠিয়েছে। কিম জং উন মস্কো সফর করবেন।"

HOLD_LOCK = textwrap.dedent(
    """
    import sqlite3, sys, time
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
    conn.execute("ROLLBACK")
    """
)

TAGGER = textwrap.dedent(
    """
    import sys
    from annotator.actions import AddSpan
    from annotator.history import History
    from annotator.store import Store
    with Store(sys.argv[1]) as store:
        history = History(store)
        for i in range(int(sys.argv[3])):
            history.do(AddSpan(int(sys.argv[2]), "other", "visit", i % 40, i % 40 + 2))
    """
)


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "shared.db"
    with Store(path) as s:
        [result] = s.add_articles([ArticleDraft(text=TEXT, title="সফর")])
    return path, result.id


@pytest.fixture
def window(make_window, project):
    path, _ = project
    store = Store(path)
    w = make_window(store)
    yield w
    w.watcher.stop()
    store.close()


def _tag_words(window, word: str) -> None:
    start = window.article.text.index(word)
    window.reader.set_selection(start, start + len(word))
    window.reader.setFocus()
    QTest.keyClick(window.reader, Qt.Key.Key_4)  # military aid


def test_a_tag_refused_by_a_held_lock_is_reported_and_can_be_retried(
    window, project, monkeypatch, qtbot
):
    path, article_id = project
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_MS", 300)
    window.store.db.execute(f"PRAGMA busy_timeout = {store_module.BUSY_TIMEOUT_MS}")
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(path), "1.5"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        with qtbot.waitSignal(window.controller.save_failed, timeout=5000) as failed:
            _tag_words(window, "মস্কো")
        assert "busy" in failed.args[0] and "try again" in failed.args[0]
        assert window.save_label.text() == "Last change NOT saved"
        assert "busy" in window.statusBar().currentMessage()
        assert window.store.spans(article_id) == []
        assert not window.controller.history.can_undo
    finally:
        holder.wait(timeout=10)
    _tag_words(window, "মস্কো")  # the lock is gone: the same key press now saves
    [span] = window.store.spans(article_id)
    assert span.text == "মস্কো" and span.annotator == "rahim"
    assert "saved" in window.save_label.text().lower()


def test_tagging_while_another_process_tags_loses_nothing(window, project, qtbot):
    path, article_id = project
    other = subprocess.Popen(
        [sys.executable, "-c", TAGGER, str(path), str(article_id), "600"], stderr=subprocess.PIPE
    )
    failures: list[str] = []
    window.controller.save_failed.connect(failures.append)
    words = ["উত্তর", "কোরিয়া", "রাশিয়ায়", "আনুমানিক", "হাজার", "সৈন্য", "কিম", "মস্কো", "সফর"]
    for word in words:
        _tag_words(window, word)
    steps = 0
    while other.poll() is None or steps < 20:  # undo and redo, under contention
        QTest.keyClick(window.reader, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClick(
            window.reader,
            Qt.Key.Key_Z,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
        steps += 2
    assert other.wait(timeout=60) == 0, other.stderr.read()
    assert failures == []
    assert window.store.span_count(article_id, "other") == 600
    assert sorted(s.text for s in window.store.spans(article_id, "rahim")) == sorted(words)


def test_spans_written_elsewhere_appear_without_losing_the_selection(window, project, qtbot):
    path, article_id = project
    start = TEXT.index("কিম")
    window.reader.set_selection(start, start + 3)
    with Store(path) as elsewhere:
        History(elsewhere).do(AddSpan(article_id, "mita", "visit", 0, 5))
    assert window.watcher.check()
    [painted] = window.reader.spans()
    assert (painted.start, painted.end, painted.own) == (0, 5, False)
    assert [s.annotator for s in window.panel.spans()] == ["mita"]
    assert window.reader.selection() == (start, start + 3)
    assert window.list_model.rowCount() == 1
    assert not window.watcher.check()  # its own writes and no news: nothing to do


def test_the_watcher_notices_within_its_interval(window, project, qtbot):
    path, article_id = project
    window.watcher.timer.setInterval(50)
    with Store(path) as elsewhere:
        elsewhere.add_articles([ArticleDraft(text="নতুন খবর এসেছে। " * 3, title="নতুন")])
    deadline = time.monotonic() + 5
    while window.list_model.rowCount() != 2 and time.monotonic() < deadline:
        qtbot.wait(20)
    assert window.list_model.rowCount() == 2
    assert window.article.id == article_id  # the open article stays open


def test_a_refresh_keeps_the_span_being_edited(window, project, qtbot):
    path, article_id = project
    _tag_words(window, "মস্কো")
    [span] = window.store.spans(article_id)
    window.panel.select_span(span.id)
    with Store(path) as elsewhere:
        elsewhere.add_articles([ArticleDraft(text="নতুন খবর এসেছে। " * 3, title="নতুন")])
    assert window.watcher.check()
    assert window.panel.current_span().id == span.id
    assert window.panel.label_box.currentData() == span.label == "military_aid"
