"""The window's ways in (file dialogs, drag and drop) all go through `import_inputs`."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog

from annotator.formats.registry import input_format
from annotator.store import Store
from annotator.ui import main_window
from annotator.ui.main_window import MainWindow

BODY = "ঢাকায় আজ দুই দেশের প্রতিনিধিদের মধ্যে একটি নতুন চুক্তি সই হয়েছে বলে জানা গেছে।"


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(main_window.QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    with Store(tmp_path / "project.db") as store:
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        win = MainWindow(store, "rahim", settings)
        win.warnings = shown  # type: ignore[attr-defined]
        qtbot.addWidget(win)
        win.show()
        yield win
        win.close()


def _dataset(path: Path) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["headline", "desc"])
        writer.writerows([[f"খবর {i}", "" if i == 2 else f"{BODY} {i}"] for i in range(5)])
    return path


def _mime(paths: list[Path]) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def test_dropping_files_from_a_file_manager_imports_them(window, qtbot, tmp_path):
    data = _dataset(tmp_path / "news.csv")
    page = tmp_path / "page.txt"
    page.write_text(f"শিরোনাম\n\nআবার {BODY}\n", encoding="utf-8")
    mime = _mime([data, page])
    center = QPointF(window.rect().center())
    action, buttons = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton
    enter = QDragEnterEvent(center.toPoint(), action, mime, buttons, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(center, action, mime, buttons, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    with qtbot.waitSignal(window.task_runner.finished, timeout=20000):
        pass
    assert window.store.article_count() == 5, window.warnings  # 4 good rows and the page
    [text] = window.warnings
    assert "1 bad record skipped" in text.splitlines()[0]
    assert "skipped    news.csv: row 3 (line 4): empty text (field desc)" in text


def test_a_drag_of_web_links_is_not_accepted(window):
    mime = QMimeData()
    mime.setUrls([QUrl("https://www.prothomalo.com/x")])
    enter = QDragEnterEvent(
        window.rect().center(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()


def test_the_chosen_dialog_filter_decides_the_format_by_the_table(
    window, qtbot, tmp_path, monkeypatch
):
    text = BODY
    path = tmp_path / "colleague.json"  # doccano, though .json also names article datasets
    record = {"text": text, "label": [[0, 6, "visit"]]}
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    chosen = input_format("doccano").dialog_filter
    seen: list[str] = []

    def dialog(_parent, _title, _folder, filters):
        seen.append(filters)
        return [str(path)], chosen

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", dialog)
    window.import_annotations_action.trigger()
    with qtbot.waitSignal(window.task_runner.finished, timeout=20000):
        pass
    [span] = [s for a in window.store.articles() for s in window.store.spans(a.id)]
    assert (span.annotator, span.label, span.text) == ("rahim", "visit", "ঢাকায়")
    assert chosen in seen[0].split(";;") and "brat standoff (*.ann *.zip)" in seen[0]
    assert "1 spans added" in window.statusBar().currentMessage()
