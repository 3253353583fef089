"""Claim frames in the window: tag a claim and its actor and place with keys, fill the slots
with Ctrl+L and the slot menu, or with the frame panel's button; Delete and undo take links
away; the claim attributes are edited in the span panel. Checked in the database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu

from annotator.models import ArticleDraft
from annotator.store import Store
from annotator.ui.reader.marks import FRAME, FRAME_HOVER
from annotator.ui.widgets.frame_panel import FILLER, ROLE

CTRL = Qt.KeyboardModifier.ControlModifier
TEXT = "😀 রাশিয়া ইউক্রেনের সীমান্তে সেনা মোতায়েন করেছে, জানিয়েছে রয়টার্স। খারকিভে উত্তেজনা।"
OTHER = "ভারত ও রাশিয়া চুক্তি সই করেছে।"


def _range(word: str, text: str = TEXT) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "project.db")
    s.add_articles([ArticleDraft(text=TEXT, title="খবর"), ArticleDraft(text=OTHER, title="চুক্তি")])
    yield s
    s.close()


@pytest.fixture
def window(make_window, store):
    w = make_window(store, active=True)
    w._open_listed_article(1)
    assert w.article.id == 1
    return w


def _tag(window, word: str, key: Qt.Key, text: str = TEXT) -> int:
    """Select `word` in the reader and press a label key; the id of the new span."""
    window.reader.setFocus()
    window.reader.set_selection(*_range(word, text))
    QTest.keyClick(window.reader, key)
    span = window.panel.current_span()
    assert span is not None and span.text == word
    return span.id


def _links(store: Store, article_id: int = 1) -> set[tuple[str, str, str]]:
    """(type, head text, tail text) of every relation touching the article."""
    found = set()
    for relation in store.relations(article_id):
        head, tail = store.span(relation.head), store.span(relation.tail)
        found.add((relation.type, head.text, tail.text))
    return found


def _popup(qtbot) -> QMenu:
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    return QApplication.activePopupWidget()


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")
def test_fill_slots_by_keyboard_then_undo(window, store, qtbot):
    claim = "সেনা মোতায়েন করেছে"
    _tag(window, claim, Qt.Key.Key_1)  # troop deployment
    assert window.frame_panel.frame().claim.text == claim
    _tag(window, "রাশিয়া", Qt.Key.Key_6)  # an actor: the claim's frame stays shown
    assert window.frame_panel.frame().claim.text == claim

    QTest.keyClick(window.reader, Qt.Key.Key_L, CTRL)
    menu = _popup(qtbot)
    offered = [a.data() for a in menu.actions()]
    assert offered == ["agent", "target", "attributed_to"]
    QTest.keyClick(menu, Qt.Key.Key_1)  # the mnemonic of the first slot
    qtbot.waitUntil(lambda: bool(store.relations(1)))
    assert _links(store) == {("agent", claim, "রাশিয়া")}
    assert window.frame_panel.frame().fillers("agent")[0].text == "রাশিয়া"
    assert window.reader.marks(FRAME) == [_range("রাশিয়া")]

    # A place fills the only slot that takes a place at once, no menu.
    _tag(window, "খারকিভে", Qt.Key.Key_7)
    QTest.keyClick(window.reader, Qt.Key.Key_L, CTRL)
    assert _links(store) == {("agent", claim, "রাশিয়া"), ("location", claim, "খারকিভে")}
    assert "Location" in window.statusBar().currentMessage()

    QTest.keyClick(window.reader, Qt.Key.Key_Z, CTRL)
    assert _links(store) == {("agent", claim, "রাশিয়া")}
    assert window.reader.marks(FRAME) == [_range("রাশিয়া")]
    QTest.keyClick(window.reader, Qt.Key.Key_Z, CTRL)  # the place span
    assert [s.text for s in store.spans(1)] == ["রাশিয়া", "সেনা মোতায়েন করেছে"]
    QTest.keyClick(window.reader, Qt.Key.Key_Z, CTRL)  # the link goes, the spans stay
    assert _links(store) == set()
    assert len(store.spans(1)) == 2
    assert not window.frame_panel.frame().fillers("agent")


def test_refusals_are_one_line_and_store_nothing(window, store):
    QTest.keyClick(window.reader, Qt.Key.Key_L, CTRL)
    assert "claim span first" in window.statusBar().currentMessage()
    _tag(window, "সেনা মোতায়েন করেছে", Qt.Key.Key_1)
    QTest.keyClick(window.reader, Qt.Key.Key_L, CTRL)  # the claim itself is current
    assert "select the span to link" in window.statusBar().currentMessage()
    _tag(window, "রয়টার্স", Qt.Key.Key_8)  # a source may fill "attributed_to" only
    QTest.keyClick(window.reader, Qt.Key.Key_L, CTRL)  # so it is linked at once
    assert {t for t, _h, _t in _links(store)} == {"attributed_to"}
    QTest.keyClick(window.reader, Qt.Key.Key_L, CTRL)  # the same link twice is refused
    assert "already linked" in window.statusBar().currentMessage()
    assert len(store.relations(1)) == 1


def test_fill_with_the_mouse_hover_and_delete(window, store, qtbot):
    claim = "সেনা মোতায়েন করেছে"
    _tag(window, claim, Qt.Key.Key_1)
    _tag(window, "রয়টার্স", Qt.Key.Key_8)  # a source
    panel = window.frame_panel
    item = panel.slot_item("attributed_to")
    panel.tree.setCurrentItem(item)
    assert panel.fill_button.isEnabled()
    qtbot.mouseClick(panel.fill_button, Qt.MouseButton.LeftButton)
    assert _links(store) == {("attributed_to", claim, "রয়টার্স")}

    filler = panel.filler_items()[0]
    assert filler.data(0, ROLE)[0] == FILLER
    panel.tree.itemEntered.emit(filler, 0)  # the mouse over the filler's row
    assert window.reader.marks(FRAME_HOVER) == [_range("রয়টার্স")]
    panel.tree.setCurrentItem(panel.filler_items()[0])
    panel.tree.setFocus()
    QTest.keyClick(panel.tree, Qt.Key.Key_Delete)
    assert _links(store) == set()
    assert [s.text for s in store.spans(1)] != []  # the spans stay: only the link went

    # Deleting the source span itself takes its link with it; undo brings both back.
    panel.tree.setCurrentItem(panel.slot_item("attributed_to"))
    qtbot.mouseClick(panel.fill_button, Qt.MouseButton.LeftButton)
    assert len(store.relations(1)) == 1
    source = next(s for s in store.spans(1) if s.label == "source")
    window.delete_span(source.id)
    assert store.relations(1) == []
    QTest.keyClick(window.reader, Qt.Key.Key_Z, CTRL)
    assert _links(store) == {("attributed_to", claim, "রয়টার্স")}


def test_same_event_across_articles_with_a_kept_frame(window, store, qtbot):
    first = _tag(window, "সেনা মোতায়েন করেছে", Qt.Key.Key_1)
    window.frame_panel.pin_check.setChecked(True)
    window._open_listed_article(2)
    assert window.frame_panel.frame().claim.id == first  # kept across articles
    second = _tag(window, "চুক্তি সই করেছে", Qt.Key.Key_2, OTHER)
    assert window.frame_panel.frame().claim.id == first  # pinned: not replaced
    QTest.keyClick(window.reader, Qt.Key.Key_L, CTRL)  # only same_event crosses articles
    [relation] = store.relations(2)
    assert (relation.type, relation.head, relation.tail) == ("same_event", first, second)


def test_claim_attributes_are_edited_in_the_span_panel(window, store, qtbot):
    span_id = _tag(window, "সেনা মোতায়েন করেছে", Qt.Key.Key_1)
    panel = window.panel
    assert panel.claim_fields.boxes["modality"].isVisible()
    box = panel.claim_fields.boxes["modality"]
    box.setCurrentIndex(box.findData("threatened"))
    box.activated.emit(box.currentIndex())
    panel.claim_fields.event_date_edit.setText("2024-06-19")
    panel.claim_fields.event_date_edit.editingFinished.emit()
    attrs = store.span(span_id).attrs
    assert attrs["modality"] == "threatened" and attrs["event_date"] == "2024-06-19"
    _tag(window, "রাশিয়া", Qt.Key.Key_6)
    assert not panel.claim_fields.boxes["modality"].isVisible()  # an actor span has none
    QTest.keyClick(window.reader, Qt.Key.Key_Z, CTRL)  # the actor span
    QTest.keyClick(window.reader, Qt.Key.Key_Z, CTRL)  # the event date
    assert "event_date" not in store.span(span_id).attrs


def test_a_filler_shows_the_frame_it_fills_when_none_is_shown(window, store, make_window):
    claim = _tag(window, "সেনা মোতায়েন করেছে", Qt.Key.Key_1)
    place = _tag(window, "খারকিভে", Qt.Key.Key_7)
    QTest.keyClick(window.reader, Qt.Key.Key_L, CTRL)
    window._open_listed_article(2)
    window._open_listed_article(1)  # a fresh start on the article: no frame shown
    assert window.frame_panel.frame() is None
    window._select_span(place)
    assert window.frame_panel.frame().claim.id == claim
