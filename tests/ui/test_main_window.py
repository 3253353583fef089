"""The main window driven as an analyst would: select, press keys, click; assert the database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from annotator.ingest import import_paths
from annotator.models import ArticleDraft
from annotator.store import Store
from annotator.text import Utf16Map
from annotator.ui.main_window import MainWindow

CLAIM = "রাশিয়ায় আনুমানিক ১১ হাজার সৈন্য পাঠিয়েছে"
EMOJI_TEXT = (
    "😀🇧🇩 মন্তব্য: 👍👍\u00a0\n\n"
    "উত্তর কোরিয়া রাশিয়ায় আনুমানিক ১১ হাজার সৈন্য পাঠিয়েছে। 🙏 কিম জং উন মস্কো সফর করবেন।"
)


@pytest.fixture
def store(tmp_path, seeds_dir):
    s = Store(tmp_path / "project.db")
    import_paths(s, [seeds_dir])
    s.add_articles([ArticleDraft(text=EMOJI_TEXT, title="ইমোজি পরীক্ষা")])
    yield s
    s.close()


@pytest.fixture
def window(make_window, store):
    return make_window(store)


def open_containing(window: MainWindow, needle: str) -> int:
    for row in range(window.list_model.rowCount()):
        article_id = window.list_model.article_id(row)
        if needle in window.store.article(article_id).text:
            window.list_view.selectRow(row)
            assert window.article.id == article_id
            return article_id
    raise AssertionError(f"no article contains {needle!r}")


def point_of(reader, offset: int) -> QPoint:
    """Viewport point at code-point `offset` of the reader's text."""
    position = Utf16Map.of(reader.text()).to_utf16(offset)
    cursor = QTextCursor(reader.document())
    cursor.setPosition(position)
    reader.ensureCursorVisible()
    rect = reader.cursorRect(cursor)
    return QPoint(rect.left() + 1, rect.center().y())


def drag_select(qtbot, reader, start: int, end: int) -> None:
    """Select `[start, end)` with the mouse: press at start, drag, release at end."""
    reader.set_selection(start, start)
    reader.scroll_to(start, end, flash=False)
    viewport = reader.viewport()
    a, b = point_of(reader, start), point_of(reader, end)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    QTest.mouseMove(viewport, b)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b)


def key(widget, k, mods=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(widget, k, mods)


def test_window_opens_on_the_seeds_with_progress(window):
    assert window.list_model.rowCount() == 6
    assert window.article is not None
    assert window.progress_label.text() == "0 / 6 done"
    assert "rahim" in window.annotator_label.text()


def test_select_with_mouse_and_press_1_stores_the_span(window, qtbot):
    article_id = open_containing(window, CLAIM)
    text = window.article.text
    start = text.index(CLAIM)
    drag_select(qtbot, window.reader, start, start + len(CLAIM))
    assert window.reader.selection() == (start, start + len(CLAIM))
    key(window.reader, Qt.Key.Key_1)
    [span] = window.store.spans(article_id)
    assert (span.start, span.end, span.text) == (start, start + len(CLAIM), CLAIM)
    assert span.label == "troop_deployment" and span.annotator == "rahim"
    assert window.store.status(article_id, "rahim") == "in_progress"
    assert "saved" in window.save_label.text().lower()


def test_emoji_before_span_keeps_offsets_exact(window, qtbot):
    article_id = open_containing(window, "🙏")
    text = window.article.text
    start = text.index("কিম")
    end = text.index("সফর") + len("সফর")
    drag_select(qtbot, window.reader, start, end - 1)  # word snapping completes the last word
    key(window.reader, Qt.Key.Key_3)
    [span] = window.store.spans(article_id)
    assert (span.start, span.end) == (start, end)
    assert span.text == "কিম জং উন মস্কো সফর"


def test_keyboard_selection_snaps_to_whole_words(window, qtbot):
    open_containing(window, CLAIM)
    text = window.article.text
    start = text.index(CLAIM)
    window.reader.set_selection(start + 2, start + 2)
    window.reader.setFocus()
    for _ in range(5):
        key(window.reader, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    s, e = window.reader.selection()
    assert s == start and text[e - 1] != " "
    assert text[s:e].split()[0] == "রাশিয়ায়"


def test_overlapping_spans_and_choice_on_click(window, qtbot):
    article_id = open_containing(window, CLAIM)
    text = window.article.text
    start = text.index(CLAIM)
    inner = text.index("১১ হাজার সৈন্য")
    window.reader.set_selection(start, start + len(CLAIM))
    key(window.reader, Qt.Key.Key_1)
    window.reader.set_selection(inner, inner + len("১১ হাজার সৈন্য"))
    key(window.reader, Qt.Key.Key_4)
    spans = window.store.spans(article_id)
    assert [(s.label, s.text) for s in spans] == [
        ("troop_deployment", CLAIM),
        ("military_aid", "১১ হাজার সৈন্য"),
    ]
    ids = window.reader.spans_at(inner + 1)
    assert set(ids) == {s.id for s in spans}
    assert ids[0] == spans[1].id  # innermost first
    menu = window.span_menu(ids)
    assert len(menu.actions()) == 2
    menu.actions()[0].trigger()
    assert window.panel.current_span().id == spans[1].id


def test_undo_redo_with_keys_matches_database(window, qtbot):
    article_id = open_containing(window, CLAIM)
    start = window.article.text.index(CLAIM)
    window.reader.set_selection(start, start + len(CLAIM))
    key(window.reader, Qt.Key.Key_1)
    [span] = window.store.spans(article_id)
    key(window.reader, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.store.spans(article_id) == []
    assert window.reader.spans_at(start) == []
    key(
        window.reader,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.store.spans(article_id) == [span]
    assert window.reader.spans_at(start) == [span.id]


def test_relabel_delete_and_resize_selected_span(window, qtbot):
    article_id = open_containing(window, CLAIM)
    text = window.article.text
    start = text.index(CLAIM)
    end = start + len("রাশিয়ায় আনুমানিক")
    window.reader.set_selection(start, end)
    key(window.reader, Qt.Key.Key_1)
    [span] = window.store.spans(article_id)
    # the new span is the current one: digit with no selection relabels it
    window.reader.set_selection(start + 1, start + 1)
    key(window.reader, Qt.Key.Key_2)
    assert window.store.span(span.id).label == "treaty"
    # Shift+Right grows the end by a word, Shift+Left shrinks it back
    key(window.reader, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert window.store.span(span.id).text == "রাশিয়ায় আনুমানিক ১১"
    key(window.reader, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert window.store.span(span.id).text == "রাশিয়ায় আনুমানিক"
    key(window.reader, Qt.Key.Key_Delete)
    assert window.store.spans(article_id) == []


def test_attributes_edited_in_the_panel(window, qtbot):
    article_id = open_containing(window, CLAIM)
    start = window.article.text.index(CLAIM)
    window.reader.set_selection(start, start + len(CLAIM))
    key(window.reader, Qt.Key.Key_1)
    panel = window.panel
    panel.certainty_box.setCurrentIndex(panel.certainty_box.findData("reported"))
    panel.certainty_box.activated.emit(panel.certainty_box.currentIndex())
    panel.source_edit.setFocus()
    QTest.keyClicks(panel.source_edit, "KCNA")
    key(panel.source_edit, Qt.Key.Key_Return)
    # QTest.keyClicks only types ASCII; Bengali arrives as text, committed with Return.
    panel.actors_edit.setText("কিম জং উন, ল্যাভরভ")
    key(panel.actors_edit, Qt.Key.Key_Return)
    panel.note_edit.setText("পশ্চিমা দেশগুলোর ধারণা")
    key(panel.note_edit, Qt.Key.Key_Return)
    [span] = window.store.spans(article_id)
    assert span.attrs == {
        "certainty": "reported",
        "source": "KCNA",
        "actors": ["কিম জং উন", "ল্যাভরভ"],
    }
    assert span.note == "পশ্চিমা দেশগুলোর ধারণা"
    assert "KCNA" in window.store.attr_values("source")


def test_other_annotators_spans_are_read_only(window, qtbot):
    article_id = open_containing(window, CLAIM)
    start = window.article.text.index(CLAIM)
    other = window.store.add_span(article_id, "karim", "visit", start, start + 8)
    window.open_article(article_id)
    window.panel.select_span(other.id)
    key(window.reader, Qt.Key.Key_Delete)
    assert window.store.span(other.id) is not None
    assert not window.panel.source_edit.isEnabled()


def test_mark_done_moves_on_and_counts(window, qtbot):
    first = window.article.id
    key(window.reader, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.store.status(first, "rahim") == "done"
    assert window.article.id != first
    assert window.progress_label.text() == "1 / 6 done"


def test_next_and_previous_article_keys(window, qtbot):
    window.list_view.selectRow(0)
    first = window.article.id
    key(window.reader, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert window.article.id == window.list_model.article_id(1)
    key(window.reader, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert window.article.id == first


def test_document_label_toggle(window, qtbot):
    article_id = window.article.id
    window.panel._doc_checks["support_statement"].click()
    assert window.store.doc_labels(article_id, "rahim") == [("rahim", "support_statement")]


def test_search_box_filters_the_list(window, qtbot):
    window.search_edit.setText("ল্যাভরভ")
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 1, timeout=2000)


def test_settings_remember_zoom(window, qtbot, store, tmp_path):
    window.reader.set_zoom(20.0)
    window.close()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    again = MainWindow(store, "rahim", settings)
    qtbot.addWidget(again)
    assert float(settings.value("zoom")) == 20.0


def test_tagging_clears_the_selection_and_never_duplicates(window, qtbot):
    article_id = open_containing(window, CLAIM)
    start = window.article.text.index(CLAIM)
    window.reader.set_selection(start, start + len(CLAIM))
    key(window.reader, Qt.Key.Key_1)
    assert window.reader.selection()[0] == window.reader.selection()[1]
    window.reader.set_selection(start, start + len(CLAIM))
    key(window.reader, Qt.Key.Key_1)  # same words, same label: nothing new
    key(window.reader, Qt.Key.Key_5)  # same words as the selected span: relabel it
    assert [(s.label, s.text) for s in window.store.spans(article_id)] == [
        ("support_statement", CLAIM)
    ]


def test_export_runs_in_the_background_and_writes_the_file(window, qtbot, tmp_path):
    import json

    article_id = open_containing(window, CLAIM)
    start = window.article.text.index(CLAIM)
    window.reader.set_selection(start, start + len(CLAIM))
    key(window.reader, Qt.Key.Key_1)
    out = tmp_path / "claims.jsonl"
    window.export_dataset("jsonl", out)
    with qtbot.waitSignal(window.export_runner.finished, timeout=20000) as blocker:
        pass
    assert blocker.args == [1]
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    [spans] = [r["spans"] for r in records if r["spans"]]
    assert spans[0]["text"] == CLAIM and spans[0]["annotator"] == "rahim"
    assert window.store.spans(article_id)[0].text == CLAIM


def test_import_doccano_annotations_into_the_open_article(window, qtbot, tmp_path):
    import json

    article_id = open_containing(window, CLAIM)
    text = window.article.text
    start = text.index(CLAIM)
    path = tmp_path / "colleague.jsonl"
    record = {"text": text, "label": [[start, start + len(CLAIM), "troop_deployment"]]}
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    with qtbot.waitSignal(window.import_annotations("doccano", [str(path)]).finished):
        pass
    [span] = window.store.spans(article_id)
    assert span.annotator == "rahim"  # doccano files carry no name: the importing analyst's
    assert window.reader.spans_at(start) == [span.id]


def test_switch_annotator_makes_earlier_spans_read_only(window, qtbot):
    article_id = open_containing(window, CLAIM)
    start = window.article.text.index(CLAIM)
    window.reader.set_selection(start, start + len(CLAIM))
    key(window.reader, Qt.Key.Key_1)
    [span] = window.store.spans(article_id)
    window.switch_annotator("karim")
    assert window.annotator_label.text() == "Annotator: karim"
    assert not window.controller.history.can_undo
    window.panel.select_span(span.id)
    key(window.reader, Qt.Key.Key_Delete)
    assert window.store.span(span.id) is not None  # rahim's span survives karim's Delete
    window.reader.set_selection(start, start + len(CLAIM))
    key(window.reader, Qt.Key.Key_1)
    assert sorted(s.annotator for s in window.store.spans(article_id)) == ["karim", "rahim"]


def test_import_articles_runs_in_the_background(window, qtbot, tmp_path):
    page = tmp_path / "new.txt"
    page.write_text("নতুন খবর\n\nঢাকায় আজ নতুন একটি চুক্তি সই হয়েছে।\n", encoding="utf-8")
    before = window.list_model.rowCount()
    runner = window.import_paths([str(page)])
    assert runner.thread is not None  # a file-backed project imports off the GUI thread
    with qtbot.waitSignal(runner.finished, timeout=20000):
        pass
    assert window.list_model.rowCount() == before + 1
    assert "1 articles imported" in window.statusBar().currentMessage()


def test_import_files_routes_annotation_files_to_the_annotation_import(window, qtbot, tmp_path):
    import json

    article_id = open_containing(window, CLAIM)
    text = window.article.text
    start = text.index(CLAIM)
    path = tmp_path / "mita.jsonl"
    record = {"text": text, "user": "mita", "label": [[start, start + len(CLAIM), "visit"]]}
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    with qtbot.waitSignal(window.import_paths([str(path)]).finished, timeout=20000):
        pass
    [span] = window.store.spans(article_id, "mita")
    assert span.text == CLAIM and span.label == "visit"
    assert "1 spans added" in window.statusBar().currentMessage()
