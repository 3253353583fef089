"""AgreementDialog: pick layers, read the tables and chart, open an article, save the reports."""

from __future__ import annotations

import json
import threading
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog

from annotator.models import ArticleDraft
from annotator.store import Store
from annotator.ui.dialogs.agreement_dialog import AgreementDialog

TEXT = "কিম জং উন রাশিয়া সফর করবেন।"  # tokens 0-3 4-6 7-9 10-17 18-21 22-27


@pytest.fixture
def store():
    with Store() as s:
        [one, two] = s.add_articles(
            [ArticleDraft(text=TEXT, title="সফর"), ArticleDraft(text="সেনা মোতায়েন", title="সেনা")]
        )
        s.ids = (one.id, two.id)
        s.add_span(one.id, "rahim", "visit", 4, 9)
        s.add_span(one.id, "rahim", "treaty", 18, 21)
        s.add_span(one.id, "karim", "visit", 4, 6)
        s.add_span(one.id, "karim", "treaty", 18, 21)
        s.add_span(two.id, "karim", "visit", 0, 4)
        s.add_span(two.id, "salma", "treaty", 0, 4)
        for name in ("rahim", "karim"):
            s.set_status(one.id, name, "done")
        yield s


def computed(qtbot, dialog):
    """Wait for the dashboard's figures (they are computed off the GUI thread)."""
    qtbot.waitUntil(lambda: not dialog.computing, timeout=20000)
    return dialog


@pytest.fixture
def dialog(qtbot, store):
    widget = AgreementDialog(store, a="rahim", b="karim")
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return computed(qtbot, widget)


def cells(table):
    model = table.model()
    return [
        [str(model.data(model.index(r, c))) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_layers_come_from_the_store_and_are_preselected(dialog):
    names = [dialog.a_combo.itemText(i) for i in range(dialog.a_combo.count())]
    assert names == ["karim", "rahim", "salma"]
    assert (dialog.a_combo.currentText(), dialog.b_combo.currentText()) == ("rahim", "karim")
    assert dialog.message.text() == "1 article both marked done."


def test_summary_table_shows_overall_and_per_label(dialog):
    rows = cells(dialog.summary_table)
    assert [row[0] for row in rows] == ["Overall", "Treaty/agreement", "Visit/meeting"]
    overall = rows[0]
    assert overall[1:5] == ["2", "2", "0.500", "1.000"]
    assert overall[5] == f"{(5 / 6 - 15 / 36) / (1 - 15 / 36):.3f}"
    assert rows[1][1:] == ["1", "1", "1.000", "1.000", "1.000", "1.000"]
    assert dialog.chart.groups() == ["Treaty/agreement", "Visit/meeting"]


def test_confusion_is_a_heat_map(dialog):
    table = dialog.confusion_table
    assert cells(table) == [["1", "0"], ["0", "1"]]
    assert table.verticalHeaderItem(0).text() == "A: Treaty/agreement"
    assert table.horizontalHeaderItem(1).text() == "B: Visit/meeting"
    assert table.item(0, 0).background().color() != table.item(0, 1).background().color()
    assert table.item(0, 1).background().color() == QColor("#ffffff")


def test_all_articles_and_other_layers(dialog, store, qtbot):
    dialog.all_check.setChecked(True)
    computed(qtbot, dialog)
    assert dialog.result.articles == 2
    assert [row[1] for row in cells(dialog.article_table)] == ["সেনা", "সফর"]  # worst first
    dialog.set_layers("salma", "karim", all_articles=False)
    computed(qtbot, dialog)
    assert dialog.result.articles == 0 and "Tick “All articles”" in dialog.message.text()
    assert dialog.summary_table.item(0, 3).text() == "—"
    dialog.set_layers("salma", "karim", all_articles=True)
    computed(qtbot, dialog)
    # salma's treaty overlaps karim's visit; karim's two spans in article 1 pair with nothing
    assert cells(dialog.confusion_table) == [["0", "1", "0"], ["0", "0", "0"], ["1", "1", "0"]]
    assert dialog.confusion_table.verticalHeaderItem(2).text() == "A: ∅"


def test_double_click_on_an_article_asks_to_open_it(dialog, qtbot, store):
    dialog.all_check.setChecked(True)
    computed(qtbot, dialog)
    dialog.tabs.setCurrentWidget(dialog.article_table)
    table = dialog.article_table
    rect = table.visualRect(table.model().index(1, 1))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.wait_signal(dialog.article_requested) as blocker:
        QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [store.ids[0]]


def test_save_writes_the_three_reports(dialog, tmp_path):
    for suffix in ("csv", "json", "html"):
        assert dialog.save(tmp_path / f"agree.{suffix}")
    assert (tmp_path / "agree.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    data = json.loads((tmp_path / "agree.json").read_text(encoding="utf-8"))
    assert data == dialog.result.as_dict() and data["a"] == "rahim"
    assert '<html lang="bn">' in (tmp_path / "agree.html").read_text(encoding="utf-8")
    assert not dialog.save(tmp_path / "agree.txt")
    assert "must end in" in dialog.message.text()


def test_save_button_asks_for_a_file_and_adds_the_suffix(dialog, tmp_path, monkeypatch):
    target = tmp_path / "report"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    QTest.mouseClick(dialog.save_buttons["html"], Qt.MouseButton.LeftButton)
    assert (tmp_path / "report.html").exists()
    assert dialog.message.text() == f"Saved {target}.html"


def test_empty_project(qtbot):
    with Store() as empty:
        widget = AgreementDialog(empty)
        qtbot.addWidget(widget)
        computed(qtbot, widget)
        assert widget.result is None and widget.a_combo.count() == 0
        assert not widget.save_buttons["csv"].isEnabled()
        assert widget.grab().width() > 0  # paints without a result


# -- the computation runs on a worker thread ------------------------------------------------


@pytest.fixture
def file_store(tmp_path, store):
    """The fixture's project in a file (a worker thread opens its own connection to it)."""
    path = tmp_path / "project.db"
    store.db.conn.execute(f"VACUUM INTO '{path}'")
    with Store(path) as on_disk:
        on_disk.ids = store.ids
        yield on_disk


def test_the_dashboard_computes_off_the_gui_thread(qtbot, file_store, monkeypatch):
    from PySide6.QtCore import QTimer

    from annotator.ui.dialogs import agreement_dialog

    real = agreement_dialog.compute_agreement
    seen = {}
    ticked = threading.Event()

    def watched(store, a, b, **options):
        seen["thread"] = threading.get_ident()
        seen["gui ran meanwhile"] = ticked.wait(10)  # set by a timer of the GUI thread
        return real(store, a, b, **options)

    monkeypatch.setattr(agreement_dialog, "compute_agreement", watched)
    QTimer.singleShot(50, ticked.set)
    widget = AgreementDialog(file_store, a="rahim", b="karim")
    qtbot.addWidget(widget)
    assert widget.computing and widget.result is None
    assert widget.message.text() == "Comparing rahim and karim…"
    shares = []
    widget.runner.progressed.connect(shares.append)
    with qtbot.waitSignal(widget.computed, timeout=20000):
        pass
    assert seen == {"thread": seen["thread"], "gui ran meanwhile": True}
    assert seen["thread"] != threading.get_ident()
    assert shares and shares[-1] == agreement_dialog.PROGRESS_STEPS
    assert widget.result.articles == 1 and widget.message.text() == "1 article both marked done."
    assert cells(widget.summary_table)[0][1:5] == ["2", "2", "0.500", "1.000"]


def test_a_newer_choice_drops_the_older_computation(qtbot, file_store, monkeypatch):
    from annotator.ui.dialogs import agreement_dialog

    real = agreement_dialog.compute_agreement
    release = threading.Event()
    started = []

    def held(store, a, b, **options):
        started.append((a, b))
        if len(started) == 1:
            release.wait(10)  # the first computation is still running when the layers change
        return real(store, a, b, **options)

    monkeypatch.setattr(agreement_dialog, "compute_agreement", held)
    widget = AgreementDialog(file_store, a="rahim", b="karim")
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: len(started) == 1)
    widget.set_layers("salma", "karim", all_articles=True)
    release.set()
    with qtbot.waitSignal(widget.computed, timeout=20000):
        pass
    qtbot.wait(200)  # the first one ends meanwhile; its result must not come back
    assert started == [("rahim", "karim"), ("salma", "karim")]
    assert (widget.result.a, widget.result.b, widget.result.articles) == ("salma", "karim", 2)
    assert not widget.computing


def test_closing_while_computing_waits_for_the_worker(qtbot, file_store, monkeypatch):
    from annotator.ui.dialogs import agreement_dialog

    real = agreement_dialog.compute_agreement
    running = threading.Event()

    def slow(store, a, b, **options):
        running.set()
        time.sleep(0.3)
        return real(store, a, b, **options)

    monkeypatch.setattr(agreement_dialog, "compute_agreement", slow)
    widget = AgreementDialog(file_store, a="rahim", b="karim")
    qtbot.addWidget(widget)
    widget.show()
    assert running.wait(10)
    runner = widget.runner
    widget.close()
    assert not runner.thread.isRunning() and not widget.computing
