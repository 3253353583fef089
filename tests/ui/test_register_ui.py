"""The actor register in the window: annotate all occurrences, the register dialog and the
span panel's link to a register entry, driven with keys and clicks, checked in the database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from annotator.actions import AddSpan
from annotator.models import Actor, ArticleDraft
from annotator.store import Store
from annotator.ui.dialogs.occurrences_dialog import MATCH, TICK, OccurrencesDialog

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
TEXTS = [
    "রাশিয়ার সঙ্গে ভারতের বৈঠক। রাশিয়াকে চাপ দিল যুক্তরাষ্ট্র।",
    "ভারতীয় সেনা সীমান্তে। রাশিয়া চুপ। রাশিয়ায় শীত।",
]


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "project.db")
    s.add_articles([ArticleDraft(text=t, title=f"খবর {i}") for i, t in enumerate(TEXTS)])
    s.save_actors([Actor("RUS", "Russia", "রাশিয়া"), Actor("IND", "India", "ভারত")])
    yield s
    s.close()


@pytest.fixture
def window(make_window, store):
    w = make_window(store, active=True)
    w._open_listed_article(1)
    assert w.article.id == 1
    return w


def _dialog(qtbot, cls):
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), cls))
    return QApplication.activeModalWidget()


def _own_spans(store: Store) -> list:
    return [s for a in (1, 2) for s in store.spans(a, "rahim")]


def test_annotate_all_occurrences_from_a_selection_then_undo(window, store, qtbot):
    # One occurrence is already an actor span: it is skipped, and said so.
    start = TEXTS[1].index("রাশিয়া চুপ")
    window.controller.apply(AddSpan(2, "rahim", "actor", start, start + len("রাশিয়া")))
    window.reader.setFocus()
    window.reader.set_selection(0, len("রাশিয়ার"))
    QTest.keyClick(window.reader, Qt.Key.Key_A, CTRL_SHIFT)
    dialog = _dialog(qtbot, OccurrencesDialog)
    assert dialog.term_edit.text() == "রাশিয়ার"
    shown = [dialog.table.item(r, MATCH).text() for r in range(dialog.table.rowCount())]
    assert shown == ["রাশিয়ার", "রাশিয়াকে", "রাশিয়ায়"]
    assert "1 already tagged with this label (skipped)" in dialog.count_label.text()
    # Untick the second with the keyboard, link to Russia, tag.
    dialog.table.setCurrentCell(1, TICK)
    QTest.keyClick(dialog.table, Qt.Key.Key_Space)
    assert dialog.table.item(1, TICK).checkState() == Qt.CheckState.Unchecked
    assert dialog.count_label.text().startswith("2 occurrence")  # plural forms: make i18n
    dialog.actor_box.setCurrentIndex(dialog.actor_box.findData("RUS"))
    qtbot.mouseClick(dialog.tag_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    spans = _own_spans(store)
    assert sorted((s.article_id, s.text, s.attrs.get("actor_id")) for s in spans) == [
        (1, "রাশিয়ার", "RUS"),
        (2, "রাশিয়া", None),
        (2, "রাশিয়ায়", "RUS"),
    ]
    assert [s.text for s in window.panel.spans()] == ["রাশিয়ার"]  # the open article repainted
    QTest.keyClick(window.reader, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [s.text for s in _own_spans(store)] == ["রাশিয়া"]
    assert window.panel.spans() == []


def test_the_register_dialog_adds_imports_and_undoes(window, store, qtbot, tmp_path):
    from annotator.ui.dialogs.actor_register_dialog import NAME, NAME_BN, ActorRegisterDialog

    QTest.keyClick(window, Qt.Key.Key_E, CTRL_SHIFT)
    dialog = _dialog(qtbot, ActorRegisterDialog)
    assert [a.id for a in dialog.actors()] == ["IND", "RUS"]
    row = dialog.add_actor()
    dialog.table.item(row, NAME).setText("Kim Jong Un")
    dialog.table.item(row, NAME_BN).setText("কিম জং উন")
    bad = tmp_path / "bad.csv"
    bad.write_text("id,name,kind\nX,Someone,planet\n", encoding="utf-8")
    assert dialog.import_csv(str(bad)) == 0
    assert "bad.csv row 2" in dialog.message.text()
    good = tmp_path / "good.csv"
    good.write_text("id,name,aliases\nIND,India,Bharat|ভারতবর্ষ\nCHN,China,\n", encoding="utf-8")
    assert dialog.import_csv(str(good)) == 2
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    assert [a.id for a in store.actors()] == ["CHN", "IND", "Kim_Jong_Un", "RUS"]
    assert store.actor("IND").aliases == ["Bharat", "ভারতবর্ষ"]
    out = tmp_path / "out.csv"
    window.controller.undo()
    assert [a.id for a in store.actors()] == ["IND", "RUS"]
    assert store.actor("IND").aliases == []
    again = window.open_register()
    assert again.export_csv(str(out)) == 2
    assert (
        out.read_text(encoding="utf-8-sig").splitlines()[0]
        == "id,name,name_bn,aliases,kind,cameo,note"
    )


# Typing in the link field opens its completer popup, which the offscreen platform cannot raise.
@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")
def test_the_panel_suggests_links_and_adds_to_the_register(window, store, qtbot):
    panel = window.panel
    india = TEXTS[0].index("ভারতের")
    window.controller.apply(AddSpan(1, "rahim", "actor", india, india + len("ভারতের")))
    window.controller.apply(AddSpan(1, "rahim", "actor", TEXTS[0].index("বৈঠক"),
                                    TEXTS[0].index("বৈঠক") + len("বৈঠক")))  # fmt: skip
    [first, second] = sorted(store.spans(1, "rahim"), key=lambda s: s.start)
    window._select_span(first.id)
    assert panel.actor_suggest_button.isVisible()
    assert panel.actor_suggest_button.text() == "Link to India / ভারত [IND]"
    qtbot.mouseClick(panel.actor_suggest_button, Qt.MouseButton.LeftButton)
    assert store.span(first.id).attrs == {"actor_id": "IND"}
    assert panel.actor_link_edit.text() == "India / ভারত [IND]"
    # Typed by name in the link field: linked to that actor instead.
    panel.actor_link_edit.setFocus()
    panel.actor_link_edit.selectAll()
    QTest.keyClicks(panel.actor_link_edit, "russia")
    QTest.keyClick(panel.actor_link_edit, Qt.Key.Key_Return)
    assert store.span(first.id).attrs == {"actor_id": "RUS"}
    # An unknown mention: added to the register and linked, one undoable action.
    window._select_span(second.id)
    assert not panel.actor_suggest_button.isVisible() and panel.actor_add_button.isVisible()
    qtbot.mouseClick(panel.actor_add_button, Qt.MouseButton.LeftButton)
    assert store.actor("বৈঠক").name_bn == "বৈঠক"
    assert store.span(second.id).attrs == {"actor_id": "বৈঠক"}
    window.controller.undo()
    assert store.actor("বৈঠক") is None and store.span(second.id).attrs == {}
