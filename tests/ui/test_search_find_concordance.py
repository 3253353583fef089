"""Search hits, find in article and the concordance, driven with keys and clicks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from annotator.concordance import BY_LABEL, BY_TERM
from annotator.ingest import import_paths
from annotator.models import ArticleDraft
from annotator.store import Store
from annotator.text import Utf16Map
from annotator.ui.main_window import MainWindow
from annotator.ui.models.concordance_model import LEFT, RIGHT, SPAN, TITLE

SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier
EMOJI_TEXT = "😀🇧🇩 মন্তব্য: 👍👍\n\nউত্তর কোরিয়ার সৈন্য। 🙏 কোরিয়া ও ঢাকা। DHAKA ঢাকায় বৃষ্টি! dhaka"
OTHER = "আরেকটি খবর। কোরিয়ায় ঢাকার প্রতিনিধি গেলেন।"


@pytest.fixture
def store(tmp_path, seeds_dir):
    s = Store(tmp_path / "project.db")
    import_paths(s, [seeds_dir])
    [a, b] = s.add_articles(
        [
            ArticleDraft(text=EMOJI_TEXT, title="ইমোজি পরীক্ষা"),
            ArticleDraft(text=OTHER, title="অ আরেক"),
        ]
    )
    s.test_ids = (a.id, b.id)
    yield s
    s.close()


@pytest.fixture
def window(make_window, store):
    return make_window(store, active=True)


def type_text(widget, text: str) -> None:
    """Type `text`: keys for ASCII, an input-method commit for Bengali (as a Bengali IME does)."""
    if text.isascii():
        QTest.keyClicks(widget, text)
    else:
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(widget, event)


def open_article(window: MainWindow, article_id: int) -> None:
    window._open_listed_article(article_id)
    assert window.article.id == article_id


def search(window: MainWindow, qtbot, text: str) -> None:
    window.search_edit.setFocus()
    type_text(window.search_edit, text)
    qtbot.waitUntil(lambda: "match" in window.list_panel.count_label.text(), timeout=3000)


def test_typing_a_search_shows_how_many_articles_match(window, qtbot, store):
    search(window, qtbot, "কোরিয়া")
    qtbot.waitUntil(lambda: window.list_model.is_complete(), timeout=3000)
    expected = len(store.article_list_ids("rahim", query="কোরিয়া"))
    assert expected >= 3 and window.list_model.rowCount() == expected
    assert window.list_panel.count_label.text() == f"{expected} articles match"
    window.search_edit.clear()
    qtbot.waitUntil(lambda: "match" not in window.list_panel.count_label.text(), timeout=3000)


def test_the_reader_underlines_the_searched_words_at_their_code_points(window, qtbot, store):
    emoji_id, _other = store.test_ids
    search(window, qtbot, "কোরিয়া")
    open_article(window, emoji_id)
    first, second = EMOJI_TEXT.index("কোরিয়ার"), EMOJI_TEXT.index("কোরিয়া ও")
    assert window.reader.marked_ranges() == [
        ("search", first, first + len("কোরিয়ার")),
        ("search", second, second + len("কোরিয়া")),
    ]
    # The widget's own positions are UTF-16: one more per astral emoji before the word.
    [selection, _] = window.reader.extraSelections()
    units = Utf16Map.of(EMOJI_TEXT)
    assert selection.cursor.selectionStart() == units.to_utf16(first) == first + 5
    assert selection.format.fontUnderline()
    window.search_edit.clear()
    qtbot.waitUntil(lambda: window.reader.marked_ranges() == [], timeout=3000)


def test_ctrl_f_finds_f3_steps_and_escape_closes(window, qtbot, store):
    emoji_id, _other = store.test_ids
    open_article(window, emoji_id)
    window.reader.setFocus()
    QTest.keyClick(window.reader, Qt.Key.Key_F, CTRL)
    bar = window.find_bar
    assert bar.isVisible() and bar.field.hasFocus()
    QTest.keyClicks(bar.field, "dhaka")
    starts = [i for i in range(len(EMOJI_TEXT)) if EMOJI_TEXT[i : i + 5].lower() == "dhaka"]
    assert len(starts) == 2
    assert bar.count_label.text() == "1 of 2"
    assert window.reader.selection() == (starts[0], starts[0] + 5)
    QTest.keyClick(bar.field, Qt.Key.Key_F3)
    assert bar.count_label.text() == "2 of 2"
    assert window.reader.selection() == (starts[1], starts[1] + 5)
    assert [(s, e) for layer, s, e in window.reader.marked_ranges() if layer == "find_current"] == [
        (starts[1], starts[1] + 5)
    ]
    QTest.keyClick(bar.field, Qt.Key.Key_Return)  # Enter wraps round to the first
    assert bar.count_label.text() == "1 of 2"
    QTest.keyClick(bar.field, Qt.Key.Key_Return, SHIFT)
    assert bar.count_label.text() == "2 of 2"
    bar.field.selectAll()
    type_text(bar.field, "ঢাকা")  # ঢাকা, and ঢাকা inside ঢাকায়
    assert bar.count_label.text() == "1 of 2"
    QTest.keyClicks(bar.field, "zz")
    assert bar.count_label.text() == "No matches"
    QTest.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert window.reader.hasFocus()
    assert [layer for layer, _s, _e in window.reader.marked_ranges()] == []


def test_concordance_by_label_sorts_and_opens_the_span(window, qtbot, store):
    emoji_id, other_id = store.test_ids
    kim = EMOJI_TEXT.index("কোরিয়ার")
    first = store.add_span(
        emoji_id, "rahim", "troop_deployment", kim, kim + len("কোরিয়ার"), {"certainty": "asserted"}
    )
    k2 = OTHER.index("কোরিয়ায়")
    second = store.add_span(other_id, "karim", "troop_deployment", k2, k2 + len("কোরিয়ায়"))
    window.reader.setFocus()
    QTest.keyClick(window.reader, Qt.Key.Key_K, CTRL | SHIFT)
    concordance = window.concordance_window
    assert concordance is not None and concordance.isVisible()
    qtbot.waitExposed(concordance)
    concordance.choose(BY_LABEL, "troop_deployment")
    model = concordance.model
    assert model.rowCount() == 2
    cells = [[model.index(r, c).data() for c in (TITLE, LEFT, SPAN, RIGHT)] for r in range(2)]
    assert cells[0] == ["ইমোজি পরীক্ষা", "উত্তর", "কোরিয়ার", "সৈন্য।"]
    assert cells[1] == ["অ আরেক", "", "কোরিয়ায়", "ঢাকার প্রতিনিধি গেলেন।"]
    assert model.index(0, SPAN).data(Qt.ItemDataRole.FontRole).bold()
    assert "2 lines" in concordance.count_label.text()

    header = concordance.view.horizontalHeader()
    QTest.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=_section_point(header, TITLE)
    )
    assert [model.index(r, TITLE).data() for r in range(2)] == ["অ আরেক", "ইমোজি পরীক্ষা"]
    QTest.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=_section_point(header, TITLE)
    )
    assert [model.index(r, TITLE).data() for r in range(2)] == ["ইমোজি পরীক্ষা", "অ আরেক"]

    view = concordance.view
    rect = view.visualRect(model.index(1, SPAN))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.article.id == other_id
    assert window.reader.current_span() == second.id
    assert window.panel.current_span().id == second.id

    view.setFocus()
    view.setCurrentIndex(model.index(0, SPAN))
    QTest.keyClick(view, Qt.Key.Key_Return)
    assert window.article.id == emoji_id and window.reader.current_span() == first.id


def test_concordance_of_a_search_term_opens_the_match(window, qtbot, store):
    emoji_id, _other = store.test_ids
    concordance = window.open_concordance()
    qtbot.waitExposed(concordance)
    concordance.choose(BY_TERM, "ঢাকা")
    model = concordance.model
    texts = sorted(model.index(r, SPAN).data() for r in range(model.rowCount()))
    assert texts == sorted(["ঢাকা", "ঢাকায়", "ঢাকার"])
    row = next(r for r in range(model.rowCount()) if model.index(r, SPAN).data() == "ঢাকায়")
    rect = concordance.view.visualRect(model.index(row, SPAN))
    QTest.mouseClick(concordance.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseDClick(concordance.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    start = EMOJI_TEXT.index("ঢাকায়")
    assert window.article.id == emoji_id
    assert window.reader.selection() == (start, start + len("ঢাকায়"))


def _section_point(header, column):
    from PySide6.QtCore import QPoint

    return QPoint(header.sectionViewportPosition(column) + 5, header.height() // 2)


def test_the_concordance_lists_the_first_label_as_soon_as_it_opens(window, store):
    emoji_id, _other = store.test_ids
    kim = EMOJI_TEXT.index("কোরিয়ার")
    store.add_span(emoji_id, "rahim", "troop_deployment", kim, kim + len("কোরিয়ার"))
    window.reader.setFocus()
    QTest.keyClick(window.reader, Qt.Key.Key_K, CTRL | SHIFT)  # no Show click
    concordance = window.concordance_window
    assert concordance.model.rowCount() == 1
    assert concordance.model.index(0, SPAN).data() == "কোরিয়ার"
    assert concordance.count_label.text() == "1 line"
