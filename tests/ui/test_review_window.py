"""Review mode end to end: a colleague's file in, disagreements walked by key, gold out."""

from __future__ import annotations

import json

import orjson
import pytest
from click.testing import CliRunner
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from annotator.cli import cli
from annotator.ingest.annotations import import_annotations
from annotator.models import GOLD, ArticleDraft
from annotator.review import KIND_COLORS
from annotator.store import Store
from annotator.ui.review_window import ReviewWindow

FIRST = (
    "উত্তর কোরিয়া রাশিয়ায় 😀 আনুমানিক ১১ হাজার সৈন্য পাঠিয়েছে। দুই দেশ প্রতিরক্ষা চুক্তি সই করেছে। "
    "কিম জং উন মস্কো সফর করবেন।"
)
SECOND = "যুক্তরাষ্ট্র ইউক্রেনকে নতুন সামরিক সহায়তা দেবে। চীন রাশিয়াকে সমর্থন জানিয়েছে।"


def _at(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


@pytest.fixture
def project(tmp_path):
    store = Store(tmp_path / "project.db")
    store.add_articles(
        [ArticleDraft(text=FIRST, title="প্রথম খবর"), ArticleDraft(text=SECOND, title="দ্বিতীয়")]
    )
    first, second = (store.article_by_text(t).id for t in (FIRST, SECOND))
    mine = [
        (first, "troop_deployment", "১১ হাজার সৈন্য পাঠিয়েছে"),
        (first, "treaty", "প্রতিরক্ষা চুক্তি"),
        (first, "visit", "মস্কো সফর"),
        (second, "military_aid", "নতুন সামরিক সহায়তা"),
    ]
    for article_id, label, words in mine:
        text = FIRST if article_id == first else SECOND
        store.add_span(article_id, "rahim", label, *_at(text, words))
    theirs = [
        (FIRST, "troop_deployment", "১১ হাজার সৈন্য"),  # boundary
        (FIRST, "treaty", "প্রতিরক্ষা চুক্তি"),  # agreed
        (FIRST, "military_aid", "মস্কো সফর"),  # label
        (SECOND, "military_aid", "নতুন সামরিক সহায়তা"),  # agreed
        (SECOND, "support_statement", "রাশিয়াকে সমর্থন"),  # only B
    ]
    lines = []
    for text in (FIRST, SECOND):
        spans = [
            {"start": s, "end": e, "label": label, "text": text[s:e], "annotator": "mita",
             "attrs": {"certainty": "medium"}}
            for t, label, words in theirs if t == text for s, e in [_at(text, words)]
        ]  # fmt: skip
        lines.append(orjson.dumps({"text": text, "spans": spans}).decode())
    colleague = tmp_path / "mita.jsonl"
    colleague.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = import_annotations(store, [colleague], "jsonl")
    assert report.spans_added == 5 and not report.problems
    yield store, first, second, tmp_path
    store.close()


@pytest.fixture
def window(qtbot, project):
    store = project[0]
    w = ReviewWindow(store, "lead", "rahim", "mita")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def press(window: ReviewWindow, key: Qt.Key) -> None:
    window.reader.setFocus()
    QTest.keyClick(window.reader, key)


def test_layers_are_coloured_by_kind_with_a_legend(window, project) -> None:
    store, first, _second, _ = project
    assert window.article.id == first
    colors = {p.label: p.color for p in window.reader.spans()}
    assert colors["treaty"] == KIND_COLORS["agreed"]
    assert colors["troop_deployment"] == KIND_COLORS["boundary"]
    assert colors["visit"] == KIND_COLORS["label"] == colors["military_aid"]
    legend = {kind: label.text() for kind, label in window.legend.labels.items()}
    assert legend["agreed"].endswith("agreed: 1") and legend["boundary"].endswith(": 1")
    assert window.article_table.row_count() == 2
    assert window.article_table.text(0, 1) == "Not reviewed"
    assert window.article_table.text(0, 2) == "2"


def test_walk_and_settle_disagreements_by_key(window, project) -> None:
    store, first, second, tmp_path = project
    before_mita = store.spans(first, "mita") + store.spans(second, "mita")
    before_mine = store.spans(first, "rahim") + store.spans(second, "rahim")

    press(window, Qt.Key.Key_N)
    assert window.item.kind == "boundary" and window.reader.selection() == window.item.region
    press(window, Qt.Key.Key_B)  # accept mita's shorter span; moves on to the next one
    assert window.item.kind == "label" and window.item.article_id == first
    press(window, Qt.Key.Key_A)  # keep rahim's label
    assert window.item.kind == "only_b" and window.article.id == second
    window.comment_edit.setText("মতামত নয়, দাবি নয়")
    press(window, Qt.Key.Key_R)
    assert window.item is not None and window.item.kind == "only_b"  # end: nothing further
    press(window, Qt.Key.Key_P)
    assert window.article.id == first and window.item.kind == "label"

    # the two articles are settled; agreements go in when they are marked adjudicated
    window.reader.setFocus()
    QTest.keyClick(window.reader, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    window.open_article(second)
    QTest.keyClick(window.reader, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    gold = {(g.article_id, g.label, g.text) for g in store.spans(first, GOLD)}
    gold |= {(g.article_id, g.label, g.text) for g in store.spans(second, GOLD)}
    assert gold == {
        (first, "troop_deployment", "১১ হাজার সৈন্য"),
        (first, "visit", "মস্কো সফর"),
        (first, "treaty", "প্রতিরক্ষা চুক্তি"),
        (second, "military_aid", "নতুন সামরিক সহায়তা"),
    }
    assert all(g.attrs["reviewer"] == "lead" for g in store.spans(first, GOLD))
    decisions = {(d.kind, d.decision) for d in store.decisions()}
    assert decisions == {
        ("boundary", "accept_b"), ("label", "accept_a"), ("only_b", "reject"),
        ("agreed", "agreed"),
    }  # fmt: skip
    assert [d.comment for d in store.decisions() if d.decision == "reject"] == ["মতামত নয়, দাবি নয়"]
    # the compared layers are exactly as they were
    assert store.spans(first, "mita") + store.spans(second, "mita") == before_mita
    assert store.spans(first, "rahim") + store.spans(second, "rahim") == before_mine
    assert store.review_status(first) == store.review_status(second) == "adjudicated"
    assert window.article_table.text(0, 1) == "Adjudicated"
    assert window.article_table.text(0, 2) == "0"

    out = tmp_path / "gold.jsonl"
    result = CliRunner().invoke(
        cli, ["--db", str(store.path), "export", "--format", "jsonl", "--gold", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    exported = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    labels = sorted(s["label"] for doc in exported for s in doc["spans"])
    assert labels == ["military_aid", "treaty", "troop_deployment", "visit"]
    assert {s["annotator"] for doc in exported for s in doc["spans"]} == {GOLD}


def test_edit_puts_the_selection_into_gold(window, project) -> None:
    store, first, _second, _ = project
    press(window, Qt.Key.Key_N)
    start, end = _at(FIRST, "আনুমানিক ১১ হাজার সৈন্য")
    window.reader.set_selection(start, end)
    window.gold_label.setCurrentIndex(window.gold_label.findData("troop_deployment"))
    press(window, Qt.Key.Key_E)
    assert [(g.start, g.end, g.attrs["decision"]) for g in store.spans(first, GOLD)] == [
        (start, end, "edit")
    ]


def test_redeciding_replaces_gold_and_comments_are_kept(window, project) -> None:
    store, first, _second, _ = project
    press(window, Qt.Key.Key_N)
    press(window, Qt.Key.Key_H)  # both spans of the boundary disagreement
    assert len(store.spans(first, GOLD)) == 2
    press(window, Qt.Key.Key_P)
    assert window.item.kind == "boundary"
    assert "accepted both" in window.item_view.toPlainText()
    press(window, Qt.Key.Key_R)
    assert store.spans(first, GOLD) == []
    press(window, Qt.Key.Key_P)
    window.comment_edit.setText("সীমানা নিয়ে প্রশ্ন")
    QTest.keyClick(window.comment_edit, Qt.Key.Key_Return)
    assert [c.body for c in store.comments(first)] == ["সীমানা নিয়ে প্রশ্ন"]
    assert window.comment_list.count() == 1


def test_same_layer_twice_shows_nothing(qtbot, project) -> None:
    w = ReviewWindow(project[0], "lead", "mita", "mita")
    qtbot.addWidget(w)
    assert w.navigator is None and w.article_table.row_count() == 0
    w.b_combo.setCurrentText("rahim")
    assert w.navigator is not None and w.article_table.row_count() == 2


def test_main_window_opens_review_and_shows_review_status(qtbot, project, tmp_path) -> None:
    from PySide6.QtCore import QSettings

    from annotator.ui.main_window import MainWindow
    from annotator.ui.models.article_list_model import ArticleListModel

    store, first, _second, _ = project
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    main = MainWindow(store, "rahim", settings)
    qtbot.addWidget(main)
    assert main.list_view.isColumnHidden(ArticleListModel.REVIEW)  # no reviews yet
    main.review_action.trigger()
    review = main.review_window
    assert review is not None and review.layers == ("rahim", "mita")
    review.step(True)
    review.decide("accept_a")
    assert not main.list_view.isColumnHidden(ArticleListModel.REVIEW)
    row = main.list_model.row_of(first)
    index = main.list_model.index(row, ArticleListModel.REVIEW)
    assert main.list_model.data(index) == "In review"
    review.close()


def test_agreement_dashboard_from_the_menu_opens_articles(qtbot, project, tmp_path) -> None:
    from PySide6.QtCore import QSettings

    from annotator.ui.main_window import MainWindow

    store, first, second, _ = project
    for article_id in (first, second):
        store.set_status(article_id, "rahim", "done")
        store.set_status(article_id, "mita", "done")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    main = MainWindow(store, "rahim", settings)
    qtbot.addWidget(main)
    main.agreement_action.trigger()
    dialog = main.agreement_dialog
    qtbot.waitUntil(lambda: not dialog.computing, timeout=20000)
    assert dialog.windowTitle() and dialog.result is not None
    assert dialog.result.as_dict()["a"] == "rahim"
    assert dialog.result.as_dict()["b"] == "mita"
    dialog.article_requested.emit(second)
    assert main.article is not None and main.article.id == second
    dialog.close()


def test_import_a_colleague_project_file_then_review(qtbot, project, tmp_path, monkeypatch):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox

    from annotator.ui.main_window import MainWindow

    store, first, _second, _ = project
    colleague = Store(tmp_path / "karim.db")
    colleague.add_articles([ArticleDraft(text=FIRST, title="প্রথম খবর")])
    theirs = colleague.article_by_text(FIRST).id
    colleague.add_span(theirs, "karim", "visit", *_at(FIRST, "মস্কো সফর"))
    colleague.add_span(theirs, "rahim", "treaty", *_at(FIRST, "দুই দেশ"))  # not to be imported
    colleague.close()
    before = store.spans(first, "rahim")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    main = MainWindow(store, "rahim", settings)
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.import_project(str(tmp_path / "karim.db")).finished, timeout=20000):
        pass
    assert [(s.label, s.text) for s in store.spans(first, "karim")] == [("visit", "মস্কো সফর")]
    assert store.spans(first, "rahim") == before
    assert "karim (+1" in main.statusBar().currentMessage()
    review = main.open_review("rahim", "karim")
    assert review.legend.labels["agreed"].text().endswith(": 1")
    review.close()

    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    with qtbot.waitSignal(main.import_project(str(bogus)).finished, timeout=20000):
        pass
    [warning] = warnings
    assert "bogus.db" in warning and "failed" in warning


def test_ctrl_z_withdraws_the_last_ruling(window, project) -> None:
    store, first, _second, _ = project
    press(window, Qt.Key.Key_N)
    region = window.item.region
    press(window, Qt.Key.Key_A)
    assert len(store.spans(first, GOLD)) == 1 and window.item.region != region
    window.reader.setFocus()
    QTest.keyClick(window.reader, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.spans(first, GOLD) == [] and store.decisions() == []
    assert window.item.region == region


def test_ruled_regions_are_drawn_as_underlines_only(window, project) -> None:
    press(window, Qt.Key.Key_N)
    region_ids = {s.id for s in window.item.a + window.item.b}
    assert all(p.own for p in window.reader.spans() if p.id in region_ids)
    press(window, Qt.Key.Key_A)
    assert not any(p.own for p in window.reader.spans() if p.id in region_ids)
    assert all(p.own for p in window.reader.spans() if p.id not in region_ids)
    assert window.statusBar().currentMessage().startswith("Accepted A")


def test_main_list_filters_by_review_status(qtbot, project, tmp_path) -> None:
    from PySide6.QtCore import QSettings

    from annotator.ui.main_window import MainWindow

    store, first, second, _ = project
    store.set_review_status(second, "adjudicated", "lead")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    main = MainWindow(store, "rahim", settings)
    qtbot.addWidget(main)
    main.status_filter.setCurrentIndex(main.status_filter.findData("review:adjudicated"))
    assert [main.list_model.article_id(r) for r in range(main.list_model.rowCount())] == [second]
    main.status_filter.setCurrentIndex(main.status_filter.findData("review:not_reviewed"))
    assert [main.list_model.article_id(r) for r in range(main.list_model.rowCount())] == [first]


# -- one History: rulings, comments and the main window's edits undo in one order ----------


@pytest.fixture
def main_and_review(qtbot, project, tmp_path):
    from PySide6.QtCore import QSettings

    from annotator.ui.main_window import MainWindow

    store = project[0]
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    main = MainWindow(store, "rahim", settings)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    main.review_action.trigger()
    review = main.review_window
    assert review is not None and review.controller is main.controller
    qtbot.waitExposed(review)
    yield main, review
    review.close()


def key_in(qtbot, window, widget, key, mods=Qt.KeyboardModifier.NoModifier) -> None:
    """Press a key in `window` as its user would: the window active, `widget` focused."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    widget.setFocus()
    QTest.keyClick(widget, key, mods)


def decision_rows(store) -> int:
    return store.db.execute("SELECT count(*) FROM review_decisions").fetchone()[0]


CTRL = Qt.KeyboardModifier.ControlModifier


def test_ctrl_z_in_the_main_window_withdraws_a_ruling(qtbot, main_and_review, project) -> None:
    main, review = main_and_review
    store, first, _second, _ = project
    key_in(qtbot, review, review.reader, Qt.Key.Key_N)
    region = review.item.region
    key_in(qtbot, review, review.reader, Qt.Key.Key_A)
    assert decision_rows(store) == 1 and len(store.spans(first, GOLD)) == 1
    assert review.article_table.text(0, 2) == "1"
    assert main.undo_action.text() == "&Undo Accept A"
    assert any(s.annotator == GOLD for s in main._spans.values())  # the main reader shows gold

    key_in(qtbot, main, main.reader, Qt.Key.Key_Z, CTRL)
    assert decision_rows(store) == 0 and store.spans(first, GOLD) == []
    assert store.review_status(first) == "not_reviewed"
    assert not any(s.annotator == GOLD for s in main._spans.values())
    assert review.item is not None and review.item.region == region  # shown again
    assert review.article_table.text(0, 2) == "2"
    assert review.article_table.text(0, 1) == "Not reviewed"

    key_in(qtbot, review, review.reader, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert decision_rows(store) == 1 and [d.decision for d in store.decisions()] == ["accept_a"]


def test_the_undo_button_undoes_the_last_action_of_any_window(qtbot, main_and_review, project):
    main, review = main_and_review
    store, first, _second, _ = project
    assert not review._buttons["undo"].isEnabled()  # nothing done yet
    key_in(qtbot, review, review.reader, Qt.Key.Key_N)
    key_in(qtbot, review, review.reader, Qt.Key.Key_B)  # a ruling in the review window
    assert main.article.id == first
    key_in(qtbot, main, main.reader, Qt.Key.Key_Return, CTRL)  # then "done" in the main one
    assert store.status(first, "rahim") == "done"
    button = review._buttons["undo"]
    assert button.isEnabled() and "Mark done" in button.toolTip()

    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    assert store.status(first, "rahim") == "todo" and decision_rows(store) == 1
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    assert decision_rows(store) == 0 and store.spans(first, GOLD) == []
    assert not button.isEnabled() and not main.undo_action.isEnabled()
    assert review.statusBar().currentMessage() == "Undone: Accept B."


def test_a_comment_is_undone_with_ctrl_z(qtbot, main_and_review, project) -> None:
    main, review = main_and_review
    store, first, _second, _ = project
    key_in(qtbot, review, review.reader, Qt.Key.Key_N)
    review.activateWindow()
    review.comment_edit.setFocus()
    QTest.keyClicks(review.comment_edit, "boundary: check the source")
    QTest.keyClick(review.comment_edit, Qt.Key.Key_Return)
    [comment] = store.comments(first)
    assert (comment.body, (comment.start, comment.end)) == (
        "boundary: check the source",
        review.item.region,
    )
    assert review.comment_list.count() == 1 and review.comment_edit.text() == ""
    assert main.undo_action.text() == "&Undo Add comment"

    key_in(qtbot, review, review.reader, Qt.Key.Key_Z, CTRL)
    assert store.comments(first) == [] and review.comment_list.count() == 0
    key_in(qtbot, main, main.reader, Qt.Key.Key_Y, CTRL)  # redo, from the other window
    assert store.comments(first) == [comment] and review.comment_list.count() == 1


def test_adjudication_is_undone_too(qtbot, main_and_review, project) -> None:
    main, review = main_and_review
    store, first, _second, _ = project
    key_in(qtbot, review, review.reader, Qt.Key.Key_Return, CTRL)
    assert store.review_status(first) == "adjudicated"
    assert [g.label for g in store.spans(first, GOLD)] == ["treaty"]  # the agreement
    assert review.article_table.text(0, 1) == "Adjudicated"
    key_in(qtbot, main, main.reader, Qt.Key.Key_Z, CTRL)
    assert store.review_status(first) == "not_reviewed" and store.spans(first, GOLD) == []
    assert decision_rows(store) == 0
    assert review.article_table.text(0, 1) == "Not reviewed"
