"""The review window's relations: both layers' relations of the article compared (both, A
only, B only, spans unmatched), one accepted into gold with `L`, refused while its spans are
not in gold, undone with Ctrl+Z. Checked in the database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from relation_project import build

from annotator.models import GOLD
from annotator.store import Store
from annotator.ui.review.relations_review import HEAD, TAIL, TYPE, WHO
from annotator.ui.review_window import ReviewWindow

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def project(tmp_path):
    store = Store(tmp_path / "project.db")
    ids = build(store)
    yield store, ids
    store.close()


@pytest.fixture
def window(qtbot, project):
    w = ReviewWindow(project[0], "lead", "A", "B")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def _press(window, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    window.reader.setFocus()
    QTest.keyClick(window.reader, key, modifiers)


def _rows(window) -> list[tuple[str, str, str]]:
    tree = window.relations_review.tree
    return [tuple(tree.topLevelItem(i).text(c) for c in (TYPE, WHO))
            for i in range(tree.topLevelItemCount())]  # fmt: skip


def test_relations_are_compared_and_one_goes_to_gold_by_key(window, project):
    store, (first, second) = project
    assert window.article.id == first
    rows = _rows(window)
    assert ("Agent · কর্তা", "both") in rows
    assert ("Target · লক্ষ্য/অংশীদার", "A only") in rows
    assert any(who.startswith("A only (span not") for _t, who in rows)  # c2 -> x3 (unmatched)
    assert window.relations_review.tree.topLevelItem(0).text(HEAD) == "ক" * 10

    # The spans are not in gold yet: refused, in one line, nothing stored.
    window.relations_review.tree.setCurrentItem(window.relations_review.tree.topLevelItem(0))
    _press(window, Qt.Key.Key_L)
    assert "into gold first" in window.statusBar().currentMessage()
    assert store.relations(first, GOLD) == []

    _press(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # agreed -> gold
    window.open_article(first)
    assert store.spans(first, GOLD)
    tree = window.relations_review.tree
    agent = next(i for i in range(tree.topLevelItemCount())
                 if tree.topLevelItem(i).text(WHO) == "both")  # fmt: skip
    tree.setCurrentItem(tree.topLevelItem(agent))
    _press(window, Qt.Key.Key_L)
    [gold] = store.relations(first, GOLD)
    head, tail = store.span(gold.head), store.span(gold.tail)
    assert (gold.type, head.annotator, tail.annotator) == ("agent", GOLD, GOLD)
    assert (head.start, head.end, tail.start, tail.end) == (0, 10, 20, 25)
    assert gold.attrs["reviewer"] == "lead"
    assert tree.topLevelItem(agent).text(4) == "yes"
    _press(window, Qt.Key.Key_L)  # twice: refused
    assert "already has" in window.statusBar().currentMessage()

    _press(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.relations(first, GOLD) == []
    assert tree.topLevelItem(agent).text(4) == ""
    assert tree.topLevelItem(agent).text(TAIL) == "ক" * 5
