"""Killing the app right after a tag keystroke, or a link keystroke, loses nothing that was
shown as saved."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from annotator.ingest import import_paths
from annotator.store import Store

SCRIPT = textwrap.dedent(
    """
    import os, signal, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest
    from annotator.store import Store
    from annotator.ui.app import make_application
    from annotator.ui.main_window import MainWindow

    db, ini, word, place = sys.argv[1:]
    app = make_application()
    window = MainWindow(Store(db), "rahim", QSettings(ini, QSettings.Format.IniFormat))
    window.show()
    QTest.qWaitForWindowActive(window)  # keys are shortcuts: they go to the active window
    for row in range(window.list_model.rowCount()):
        window.list_view.selectRow(row)
        if word in window.article.text:
            break
    start = window.article.text.index(word)
    window.reader.set_selection(start, start + len(word))
    QTest.keyClick(window.reader, Qt.Key.Key_1)
    if place:  # a place span, linked to the claim as its location (Ctrl+L: the one slot)
        start = window.article.text.index(place)
        window.reader.set_selection(start, start + len(place))
        QTest.keyClick(window.reader, Qt.Key.Key_7)
        QTest.keyClick(window.reader, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    app.processEvents()
    print(window.save_label.text(), flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


def _run_and_kill(tmp_path, seeds_dir, word: str, place: str = "") -> Path:
    db = tmp_path / "project.db"
    with Store(db) as store:
        import_paths(store, [seeds_dir])
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(db), str(tmp_path / "s.ini"), word, place],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert "saved" in proc.stdout.lower()
    return db


def test_sigkill_after_tag_keeps_the_span(tmp_path, seeds_dir):
    word = "ল্যাভরভ"
    db = _run_and_kill(tmp_path, seeds_dir, word)
    with Store(db) as store:
        spans = [span for row in store.articles() for span in store.spans(row.id)]
    assert [(s.text, s.label, s.annotator) for s in spans] == [(word, "troop_deployment", "rahim")]


def test_sigkill_after_a_link_keeps_the_relation(tmp_path, seeds_dir):
    db = _run_and_kill(tmp_path, seeds_dir, "ল্যাভরভ", "মস্কো")
    with Store(db) as store:
        spans = {span.id: span for row in store.articles() for span in store.spans(row.id)}
        [relation] = [r for article_id in {s.article_id for s in spans.values()}
                      for r in store.relations(article_id)]  # fmt: skip
    assert relation.type == "location" and relation.annotator == "rahim"
    assert (spans[relation.head].text, spans[relation.tail].text) == ("ল্যাভরভ", "মস্কো")
