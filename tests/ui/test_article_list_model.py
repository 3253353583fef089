"""ArticleListModel: an adapter over Store.article_list, driven through a real QTableView."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QHeaderView, QTableView

from annotator.models import ArticleDraft
from annotator.store import Store
from annotator.ui.models.article_list_model import ArticleListModel, format_published

ME = "rahim"
ARTICLES = [
    ("কিম জং উন রাশিয়া সফরে যাচ্ছেন", "প্রথম আলো", "2025-07-13T13:18:00+06:00"),
    ("উত্তর কোরিয়ার সেনা মোতায়েন", "কালবেলা", "2024-01-02T09:05:00+06:00"),
    ("আমদানি চুক্তি সই", "যুগান্তর", None),
    ("বাণিজ্য মেলা শুরু", "আজকের পত্রিকা", "2025-12-15T20:00:00+06:00"),
]


@pytest.fixture
def store():
    with Store() as s:
        drafts = [
            ArticleDraft(text=f"{title}।\n\nদেহ {n}।", title=title, outlet=outlet, published=p)
            for n, (title, outlet, p) in enumerate(ARTICLES)
        ]
        s.ids = [r.id for r in s.add_articles(drafts)]
        yield s


@pytest.fixture
def view(qtbot, store):
    model = ArticleListModel(store, ME)
    table = QTableView()
    qtbot.addWidget(table)
    table.horizontalHeader().setSortIndicator(model.sort_column(), model.sort_order())
    table.setModel(model)
    table.setSortingEnabled(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.resize(800, 300)
    table.show()
    qtbot.waitExposed(table)
    return table


def cell(model, row, column, role=Qt.ItemDataRole.DisplayRole):
    return model.data(model.index(row, column), role)


def titles(model):
    return [cell(model, r, ArticleListModel.TITLE) for r in range(model.rowCount())]


def click_header(table, column):
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    where = QPoint(x, header.height() // 2)
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0), where)


def test_rows_columns_and_cells(view, store):
    model = view.model()
    assert model.rowCount() == 4 and model.columnCount() == 6
    assert model.rowCount(model.index(0, 0)) == 0
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)]
    assert headers == ["Title", "Outlet", "Published", "Status", "Claims", "Review"]
    # Default order: newest publication first, undated last.
    assert titles(model) == [ARTICLES[i][0] for i in (3, 0, 1, 2)]
    assert cell(model, 1, ArticleListModel.PUBLISHED) == "2025-07-13 13:18"
    assert cell(model, 3, ArticleListModel.PUBLISHED) == ""
    assert cell(model, 0, ArticleListModel.STATUS) == "To do"
    assert cell(model, 0, ArticleListModel.CLAIMS) == "0"
    assert not cell(model, 0, ArticleListModel.STATUS, Qt.ItemDataRole.DecorationRole).isNull()
    assert cell(model, 0, ArticleListModel.TITLE, Qt.ItemDataRole.ToolTipRole) == ARTICLES[3][0]
    assert cell(model, 0, 0, Qt.ItemDataRole.UserRole) == store.ids[3] == model.article_id(0)
    assert model.data(QModelIndex()) is None
    assert cell(model, 0, ArticleListModel.REVIEW) == ""
    store.set_review_status(model.article_id(0), "adjudicated", "lead")
    model.refresh_article(model.article_id(0))
    assert cell(model, 0, ArticleListModel.REVIEW) == "Adjudicated"


def test_bengali_digits(view, qtbot):
    model = view.model()
    with qtbot.waitSignal(model.dataChanged):
        model.bengali_digits = True
    assert cell(model, 1, ArticleListModel.PUBLISHED) == "২০২৫-০৭-১৩ ১৩:১৮"
    assert cell(model, 1, ArticleListModel.CLAIMS) == "০"
    assert format_published("2025-07-13", True) == "২০২৫-০৭-১৩"


def test_clicking_header_sorts_in_sql(view, qtbot, store, monkeypatch):
    model = view.model()
    calls = []
    for name in ("article_list", "article_list_ids"):  # the whole rows, or the ordered ids
        original = getattr(store, name)
        monkeypatch.setattr(
            store, name, lambda *a, _o=original, **kw: calls.append(kw) or _o(*a, **kw)
        )
    with qtbot.waitSignal(model.modelReset):
        click_header(view, ArticleListModel.OUTLET)
    assert calls[-1]["sort"] == "outlet"
    first = [cell(model, r, ArticleListModel.OUTLET) for r in range(4)]
    assert first == sorted(first, reverse=calls[-1]["descending"])
    with qtbot.waitSignal(model.modelReset):
        click_header(view, ArticleListModel.OUTLET)
    second = [cell(model, r, ArticleListModel.OUTLET) for r in range(4)]
    assert second == first[::-1]
    assert len(calls) == 2  # one query per click, no Python-side sorting


def test_sort_by_claims_descending(view, store):
    model = view.model()
    store.add_span(store.ids[2], ME, "visit", 0, 3)
    store.add_span(store.ids[2], ME, "visit", 4, 6)
    store.add_span(store.ids[1], ME, "treaty", 0, 3)
    store.add_span(store.ids[0], "other", "treaty", 0, 3)  # someone else's: not counted
    view.sortByColumn(ArticleListModel.CLAIMS, Qt.SortOrder.DescendingOrder)
    assert model.article_id(0) == store.ids[2] and cell(model, 0, 4) == "2"
    assert model.article_id(1) == store.ids[1] and cell(model, 1, 4) == "1"


def test_filters_by_status_label_and_bengali_search(view, store):
    model = view.model()
    store.set_status(store.ids[1], ME, "done")
    store.set_status(store.ids[0], ME, "in_progress")
    store.add_span(store.ids[3], ME, "treaty", 0, 3)
    model.set_filter("done", None, "")
    assert [model.article_id(r) for r in range(model.rowCount())] == [store.ids[1]]
    assert cell(model, 0, ArticleListModel.STATUS) == "Done"
    model.set_filter(None, "treaty", "")
    assert [model.article_id(r) for r in range(model.rowCount())] == [store.ids[3]]
    model.set_filter(None, None, "কোরিয়া")  # prefix search finds কোরিয়ার
    assert titles(model) == [ARTICLES[1][0]]
    model.set_filter("todo", None, "চুক্তি")
    assert titles(model) == [ARTICLES[2][0]]
    model.set_filter(None, None, "")
    assert model.rowCount() == 4


def test_set_annotator_shows_their_status(view, store):
    model = view.model()
    store.set_status(store.ids[0], "karim", "done")
    row = model.row_of(store.ids[0])
    assert cell(model, row, ArticleListModel.STATUS) == "To do"
    model.set_annotator("karim")
    row = model.row_of(store.ids[0])
    assert cell(model, row, ArticleListModel.STATUS) == "Done"
    assert model.annotator() == "karim"


def test_refresh_article_updates_one_row_without_reset(view, qtbot, store):
    model = view.model()
    row = model.row_of(store.ids[0])
    store.add_span(store.ids[0], ME, "visit", 0, 3)
    store.set_status(store.ids[0], ME, "in_progress")
    with qtbot.assertNotEmitted(model.modelReset):
        with qtbot.waitSignal(model.dataChanged) as blocker:
            model.refresh_article(store.ids[0])
    top, bottom = blocker.args[:2]
    assert top.row() == bottom.row() == row
    assert cell(model, row, ArticleListModel.CLAIMS) == "1"
    assert cell(model, row, ArticleListModel.STATUS) == "In progress"
    model.refresh_article(999_999)  # unknown or filtered out: nothing happens


def test_row_of_and_next_row(view, store):
    model = view.model()
    # rows: ids[3], ids[0], ids[1], ids[2]
    store.add_span(store.ids[0], ME, "visit", 0, 3)
    store.add_span(store.ids[1], ME, "visit", 0, 3)
    model.refresh()
    assert model.row_of(store.ids[2]) == 3 and model.row_of(123456) is None
    assert model.next_row(0) == 1
    assert model.next_row(0, untagged_only=True) == 3
    assert model.next_row(3) is None and model.next_row(3, untagged_only=True) is None
    assert model.next_row(-1, untagged_only=True) == 0


def test_refresh_drops_stale_rows(view, store):
    model = view.model()
    assert model.row_of(store.ids[0]) is not None
    store.add_articles([ArticleDraft(text="নতুন খবর।", title="নতুন")])
    model.refresh()
    assert model.rowCount() == 5
    model.set_filter(None, None, "নতুন")
    assert model.rowCount() == 1 and model.row_of(store.ids[0]) is None


# -- read a page at a time (#13) -------------------------------------------------------------


@pytest.fixture
def paged(qtbot, monkeypatch):
    """A list model over 20 articles that reads 3 rows at once and 3 at a time after."""
    monkeypatch.setattr(ArticleListModel, "FIRST_PAGE", 3)
    monkeypatch.setattr(ArticleListModel, "PAGE", 3)
    monkeypatch.setattr(ArticleListModel, "SCAN_PAGE", 6)
    with Store() as s:
        drafts = [
            ArticleDraft(text=f"{'কোরিয়া' if n % 2 else 'চুক্তি'} খবর {n}।", title=f"খবর {n}",
                         published=f"2025-01-{n + 1:02d}T08:00:00+06:00" if n % 6 else None)
            for n in range(20)
        ]  # fmt: skip
        s.ids = [r.id for r in s.add_articles(drafts)]
        for n, article_id in enumerate(s.ids):
            for k in range(n % 3):
                s.add_span(article_id, ME, "visit", k, k + 2)
        yield s


def rows_of(model):
    return [
        (model.article_id(r), cell(model, r, ArticleListModel.TITLE),
         cell(model, r, ArticleListModel.CLAIMS), cell(model, r, ArticleListModel.STATUS))
        for r in range(model.rowCount())
    ]  # fmt: skip


def expected_rows(store, **filters):
    return [(r.id, r.title, str(r.claims), "To do") for r in store.article_list(ME, **filters)]


def test_the_first_page_shows_at_once_and_the_total_arrives(qtbot, paged):
    model = ArticleListModel(paged, ME)
    assert model.rowCount() == 3 and not model.is_complete() and model.total() is None
    with qtbot.waitSignal(model.counted) as counted:
        pass  # the rest is read from the event loop
    assert counted.args == [20] and model.is_complete() and model.total() == 20
    assert rows_of(model) == expected_rows(paged)  # the same rows, counts and order


def test_a_search_shows_its_first_page_then_counts_the_rest(qtbot, paged):
    model = ArticleListModel(paged, ME)
    qtbot.waitUntil(model.is_complete)
    expected = expected_rows(paged, query="কোরিয়া")
    assert len(expected) == 10
    with qtbot.waitSignal(model.modelReset):
        model.set_filter(None, None, "কোরিয়া")
    assert rows_of(model) == expected[:3]  # the first page of hits, right away
    with qtbot.waitSignal(model.counted) as counted:
        pass
    assert counted.args == [10]
    assert rows_of(model) == expected
    model.set_filter(None, None, "নেই")  # no hits: complete at once
    assert model.rowCount() == 0 and model.total() == 0


def test_rows_are_read_a_page_at_a_time(qtbot, paged, monkeypatch):
    model = ArticleListModel(paged, ME)
    model.fetch_rest()
    reads = []
    original = paged.list_rows
    monkeypatch.setattr(paged, "list_rows", lambda a, ids: reads.append(ids) or original(a, ids))
    cell(model, 0, ArticleListModel.TITLE)  # the first page came with the query
    assert reads == []
    cell(model, 7, ArticleListModel.TITLE)
    cell(model, 8, ArticleListModel.CLAIMS)
    assert reads == [[model.article_id(r) for r in (6, 7, 8)]]
    assert model.list_row(19).id == model.article_id(19) and len(reads) == 2


def test_row_of_next_row_and_refresh_across_pages(qtbot, paged):
    model = ArticleListModel(paged, ME)
    last = paged.article_list_ids(ME)[-1]
    assert model.row_of(last, fetch=False) is None  # not read yet
    assert model.row_of(last) == 19 and model.is_complete()  # reads the rest to answer
    ids = [model.article_id(r) for r in range(20)]
    untagged = [r for r, row in enumerate(paged.article_list(ME)) if row.claims == 0]
    assert model.next_row(0, untagged_only=True) == min(r for r in untagged if r > 0)
    assert model.next_row(untagged[-1], untagged_only=True) is None
    assert model.next_row(18) == 19 and model.next_row(19) is None
    paged.add_span(ids[15], ME, "treaty", 0, 3)  # a row not read yet: read fresh when shown
    model.refresh_article(ids[15])
    assert cell(model, 15, ArticleListModel.CLAIMS) == str(paged.span_count(ids[15], ME))
    paged.set_status(ids[15], ME, "done")
    model.refresh_article(ids[15])  # a row read: updated in place
    assert cell(model, 15, ArticleListModel.STATUS) == "Done"


def test_an_article_deleted_meanwhile_shows_an_empty_row(qtbot, paged):
    model = ArticleListModel(paged, ME)
    model.fetch_rest()
    gone = model.article_id(10)
    paged.db.execute("DELETE FROM articles WHERE id = ?", [gone])
    assert cell(model, 10, ArticleListModel.TITLE) is None
    assert cell(model, 11, ArticleListModel.TITLE) == paged.article(model.article_id(11)).title
    assert model.list_row(10) is None


def test_the_rest_is_listed_afresh_when_the_project_changed_meanwhile(qtbot, paged):
    model = ArticleListModel(paged, ME)
    [new] = paged.add_articles([ArticleDraft(text="নতুন খবর।", title="নতুন",
                                             published="2030-01-01T00:00:00+06:00")])  # fmt: skip
    with qtbot.waitSignal(model.modelReset):
        model.fetch_rest()
    assert model.article_id(0) == new.id and model.total() == 21
    assert rows_of(model) == expected_rows(paged)


def test_sorting_by_status_works(view, store):
    model = view.model()
    store.set_status(store.ids[2], ME, "in_progress")
    view.sortByColumn(ArticleListModel.STATUS, Qt.SortOrder.AscendingOrder)
    assert cell(model, 0, ArticleListModel.STATUS) == "In progress"
