"""Killing the app right after a tag keystroke loses nothing that was shown as saved."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap

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

    db, ini, word = sys.argv[1:]
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
    app.processEvents()
    print(window.save_label.text(), flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


def test_sigkill_after_tag_keeps_the_span(tmp_path, seeds_dir):
    db = tmp_path / "project.db"
    with Store(db) as store:
        import_paths(store, [seeds_dir])
    word = "ল্যাভরভ"
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(db), str(tmp_path / "s.ini"), word],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert "saved" in proc.stdout.lower()
    with Store(db) as store:
        spans = [span for row in store.articles() for span in store.spans(row.id)]
    assert [(s.text, s.label, s.annotator) for s in spans] == [(word, "troop_deployment", "rahim")]
