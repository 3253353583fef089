"""The window's start and list search on a list longer than its first page (#13): one list
query at start, the first page at once, the rest and the count after."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from annotator.models import ArticleDraft
from annotator.store import Store
from annotator.ui.main_window import MainWindow
from annotator.ui.models.article_list_model import ArticleListModel

ME = "rahim"


@pytest.fixture
def store(tmp_path, monkeypatch):
    """12 dated articles (newest first: ids 12 … 1), half of them about কোরিয়া; the list
    reads 4 rows at once and 4 at a time after."""
    monkeypatch.setattr(ArticleListModel, "FIRST_PAGE", 4)
    monkeypatch.setattr(ArticleListModel, "PAGE", 4)
    s = Store(tmp_path / "project.db")
    s.add_articles(
        ArticleDraft(text=f"{'কোরিয়া' if n % 2 else 'চুক্তি'} নিয়ে খবর {n}।", title=f"খবর {n}",
                     published=f"2025-03-{n + 1:02d}T08:00:00+06:00")
        for n in range(12)
    )  # fmt: skip
    yield s
    s.close()


def make_window(qtbot, store, settings) -> MainWindow:
    window = MainWindow(store, ME, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def test_the_window_starts_with_one_list_query(qtbot, store, settings, monkeypatch):
    calls = []
    for name in ("article_list", "article_list_ids", "list_rows"):
        original = getattr(store, name)
        monkeypatch.setattr(store, name, lambda *a, _n=name, _o=original, **kw: calls.append(
            (_n, kw.get("limit"))) or _o(*a, **kw))  # fmt: skip
    window = make_window(qtbot, store, settings)
    assert calls == [("article_list", 4)]  # the first page, whole rows
    assert window.list_model.rowCount() == 4 and window.article is not None
    qtbot.waitUntil(window.list_model.is_complete)
    assert calls[:2] == [("article_list", 4), ("article_list_ids", None)]  # then the rest's ids
    assert {name for name, _limit in calls[2:]} <= {"list_rows"}  # rows shown, a page each
    assert window.list_model.rowCount() == 12
    assert window.list_panel.count_label.text() == "12 articles"


def test_the_last_article_opens_even_beyond_the_first_page(qtbot, store, settings):
    oldest = store.article_list_ids(ME)[-1]
    settings.setValue("last_article", oldest)
    window = make_window(qtbot, store, settings)
    assert window.article.id == oldest  # opened at once
    assert window.list_panel.count_label.text() == "4+ articles, counting…"
    qtbot.waitUntil(window.list_model.is_complete)
    assert window.list_view.currentIndex().row() == 11  # its row selected once it arrived
    window.command_actions["go.previous"].trigger()
    assert window.article.id == window.list_model.article_id(10)


def test_a_search_shows_its_first_page_then_the_count(qtbot, store, settings):
    window = make_window(qtbot, store, settings)
    qtbot.waitUntil(window.list_model.is_complete)
    expected = [row.id for row in store.article_list(ME, query="কোরিয়া")]
    assert len(expected) == 6
    with qtbot.waitSignal(window.list_model.modelReset, timeout=2000):
        window.search_edit.setText("কোরিয়া")  # Bengali arrives as text; the list follows
    model = window.list_model
    assert [model.article_id(r) for r in range(model.rowCount())] == expected[:4]
    assert window.list_panel.count_label.text() == "4+ articles match, counting…"
    qtbot.waitUntil(model.is_complete)
    assert [model.article_id(r) for r in range(model.rowCount())] == expected
    assert window.list_panel.count_label.text() == "6 articles match"
    window.list_view.selectRow(3)
    window.command_actions["go.next"].trigger()
    assert window.article.id == expected[4]  # next article across the first page's end


def test_next_untagged_finds_an_article_far_down_the_list(qtbot, store, settings):
    ids = store.article_list_ids(ME)
    for article_id in ids[1:10]:
        store.add_span(article_id, ME, "visit", 0, 3)
    window = make_window(qtbot, store, settings)
    window.list_view.selectRow(0)
    window.command_actions["go.next_untagged"].trigger()
    assert window.article.id == ids[10]
