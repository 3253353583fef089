"""The review window's article table reads the store lazily: a page of rows at a time as it
scrolls, open counts only for the rows shown, and every count as a brute-force count has it."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from annotator import review
from annotator.models import ArticleDraft
from annotator.store import Store
from annotator.ui.review import article_model
from annotator.ui.review_window import ReviewWindow

LAYERS = ("rahim", "mita")
WORDS = ("উত্তর", "কোরিয়া", "রাশিয়ায়", "সৈন্য", "চুক্তি", "সফর", "মস্কো", "সহায়তা")
LABELS = ("visit", "treaty", "military_aid")
ARTICLES = 60


@pytest.fixture
def store(monkeypatch):
    """60 articles: most with both layers (some spans shared, some not), some with one layer,
    every seventh with neither (not listed); a few rulings."""
    monkeypatch.setattr(article_model, "PAGE", 5)
    monkeypatch.setattr(article_model, "BLOCK", 3)
    rng = random.Random(7)
    with Store() as s:
        drafts = [
            ArticleDraft(text=" ".join(rng.choice(WORDS) for _ in range(40)), title=f"খবর {k}")
            for k in range(ARTICLES)
        ]
        s.ids = [r.id for r in s.add_articles(drafts)]
        for k, article_id in enumerate(s.ids):
            if k % 7 == 3:
                continue
            text = s.article(article_id).text
            for _ in range(4):
                start = rng.randrange(len(text) - 20)
                end = start + rng.randrange(3, 20)
                label = rng.choice(LABELS)
                s.add_span(article_id, "rahim", label, start, end)
                if k % 5 != 1 and rng.random() < 0.6:
                    s.add_span(article_id, "mita", rng.choice((label, label, "visit")), start, end)
        for article_id in s.ids[::4]:
            found = review.open_disagreements(s, article_id, LAYERS)
            if found:
                review.decide(s, found[0], "accept_a", "lead", LAYERS)
        yield s


@pytest.fixture
def window(qtbot, store):
    w = ReviewWindow(store, "lead", *LAYERS)
    qtbot.addWidget(w)
    w.resize(900, 500)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()  # before the store closes


def compared(store: Store) -> list[int]:
    return [i for i in store.ids if store.spans(i, "rahim") or store.spans(i, "mita")]


def brute_open_count(store: Store, article_id: int) -> int:
    """Regions of the article, one by one, that disagree and have no standing ruling."""
    items = review.compare(article_id, store.spans(article_id, "rahim"),
                           store.spans(article_id, "mita"))  # fmt: skip
    ruled = {
        (d.start, d.end) for d in store.decisions(article_id) if (d.layer_a, d.layer_b) == LAYERS
    }
    return sum(1 for item in items if item.kind != "agreed" and item.region not in ruled)


def scroll_to_the_end(qtbot, window, rows: int) -> None:
    """Drag the table's scroll bar to its end until `rows` rows are fetched (the view asks
    the model for more each time it reaches the end)."""
    bar = window.article_table.verticalScrollBar()

    def at_the_end() -> bool:
        bar.setValue(bar.maximum())
        return window.article_table.row_count() >= rows

    qtbot.waitUntil(at_the_end, timeout=10000)


def test_rows_come_a_page_at_a_time_as_the_table_scrolls(qtbot, window, store) -> None:
    table = window.article_table
    first = table.row_count()
    assert 5 <= first < len(compared(store)) and first % 5 == 0
    assert table.articles.canFetchMore()
    scroll_to_the_end(qtbot, window, len(compared(store)))
    assert table.row_count() == len(compared(store))
    assert not table.articles.canFetchMore()
    shown = [table.articles.article_id(r) for r in range(table.row_count())]
    assert shown == compared(store)  # by id; articles with neither layer are not listed
    assert [table.text(r, 0) for r in range(3)] == [f"খবর {k}" for k in (0, 1, 2)]


def test_every_open_count_is_the_brute_force_count(qtbot, window, store) -> None:
    scroll_to_the_end(qtbot, window, len(compared(store)))
    table = window.article_table
    for row in range(table.row_count()):
        article_id = table.articles.article_id(row)
        assert table.text(row, 2) == str(brute_open_count(store, article_id)), article_id
    statuses = {table.text(r, 1) for r in range(table.row_count())}
    assert statuses == {"In review", "Not reviewed"}


def test_open_counts_are_computed_for_the_rows_shown_only(qtbot, store, monkeypatch) -> None:
    asked: list[int] = []
    real = review.items_of

    def items_of(store, layers, ids):
        asked.extend(ids)
        return real(store, layers, ids)

    monkeypatch.setattr(review, "items_of", items_of)
    w = ReviewWindow(store, "lead", *LAYERS)
    qtbot.addWidget(w)
    w.resize(900, 300)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: bool(asked))  # the rows painted have their counts
    qtbot.wait(50)
    table = w.article_table
    shown = table.rowAt(table.viewport().height() - 1)
    shown = table.row_count() if shown < 0 else shown + 1
    assert len(set(asked)) == len(asked) < len(compared(store))  # each once, not all
    blocks = {table.articles.article_id(r) for r in range(min(table.row_count(), shown + 3))}
    assert set(asked) <= blocks
    w.close()


def test_next_walks_into_rows_not_fetched_yet(qtbot, window, store) -> None:
    table = window.article_table
    loaded = table.row_count()
    visited = []
    for _ in range(400):
        before = window.item
        window.reader.setFocus()
        QTest.keyClick(window.reader, Qt.Key.Key_N)
        if window.item is before:
            break
        visited.append(window.article.id)
        assert table.currentIndex().row() == table.articles.row_of(window.article.id)
    open_ones = [i for i in compared(store) if review.Navigator(store, LAYERS).disagreements(i)]
    assert visited[-1] == open_ones[-1] and sorted(set(visited)) == open_ones
    assert table.row_count() > loaded
    assert window.statusBar().currentMessage() == "No more disagreements."


def test_a_ruling_updates_the_count_of_its_row(qtbot, window, store) -> None:
    ruled = set(store.ids[::4])
    article_id = next(i for i in compared(store) if i not in ruled and brute_open_count(store, i))
    window.open_article(article_id)
    row = window.article_table.articles.row_of(article_id)
    assert window.article_table.currentIndex().row() == row
    before = int(window.article_table.text(row, 2))
    window.reader.setFocus()
    QTest.keyClick(window.reader, Qt.Key.Key_N)
    assert window.item.article_id == article_id
    QTest.keyClick(window.reader, Qt.Key.Key_A)
    after = int(window.article_table.text(row, 2))
    assert after == before - 1 == brute_open_count(store, article_id)
    assert window.article_table.text(row, 1) == "In review"
