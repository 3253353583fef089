"""What a new user met first (issue #14): list attributes as text, the review window closing,
column widths, the span table's layers and filters, the export dialog's size, plurals and the
confusion colours, and the overlap menu beside the line it asks about."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, QSettings, QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QHeaderView, QPushButton

from annotator.agreement_report import heat_colour, ink_colour
from annotator.models import ArticleDraft
from annotator.store import Store
from annotator.ui.dialogs.export_dialog import ExportDialog
from annotator.ui.main_window import MainWindow
from annotator.ui.models.article_list_model import ArticleListModel
from annotator.ui.models.span_table_model import ANNOTATOR, COLLEAGUE_TINT, TEXT
from annotator.ui.review_window import ReviewWindow
from annotator.ui.widgets.column_fit import text_width
from annotator.ui.widgets.popup_place import below_or_above

TEXT_BODY = (
    "উত্তর কোরিয়া রাশিয়ায় আনুমানিক ১১ হাজার সৈন্য পাঠিয়েছে। দুই দেশ প্রতিরক্ষা চুক্তি সই করেছে। "
    "কিম জং উন মস্কো সফর করবেন।"
)
TITLE = "রাশিয়ার সঙ্গে সম্পর্ক আরও গভীর হয়েছে বলে মন্তব্য করেছেন উত্তর কোরিয়ার নেতা কিম জং উন"
ACTORS = ["কিম জং উন", "পুতিন"]


def _at(words: str) -> tuple[int, int]:
    start = TEXT_BODY.index(words)
    return start, start + len(words)


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "project.db")
    s.add_articles(
        [ArticleDraft(text=TEXT_BODY, title=TITLE, url="https://www.prothomalo.com/world/1")]
    )
    article = s.article_by_text(TEXT_BODY).id
    attrs = {"actors": ACTORS, "certainty": "reported", "source": "কেসিএনএ"}
    s.add_span(article, "rahim", "troop_deployment", *_at("১১ হাজার সৈন্য পাঠিয়েছে"), attrs)
    s.add_span(article, "rahim", "treaty", *_at("প্রতিরক্ষা চুক্তি"))
    s.add_span(article, "karim", "troop_deployment", *_at("১১ হাজার সৈন্য"), {"actors": ACTORS})
    s.add_span(article, "karim", "visit", *_at("মস্কো সফর"), note="সফরের তারিখ নেই")
    return s


@pytest.fixture
def window(make_window, store):
    return make_window(store)


def _cells(model, column: int, role=Qt.ItemDataRole.DisplayRole) -> list:
    return [model.data(model.index(row, column), role) for row in range(model.rowCount())]


# -- attributes, the review window ----------------------------------------------------------


def test_review_window_lists_actors_as_text_and_closes_with_escape(qtbot, window):
    review = window.open_review("rahim", "karim")
    qtbot.waitExposed(review)
    found = review.step(True)
    while found is not None and not any(s.attrs.get("actors") for s in found.a + found.b):
        found = review.step(True)
    assert found is not None
    shown = review.item_view.toPlainText()
    assert "actors: কিম জং উন, পুতিন" in shown and "[" not in shown

    assert review.menuBar().actions()[0].text() == "&Window"
    window_menu = review.menuBar().actions()[0].menu()
    assert "&Close" in [a.text() for a in window_menu.actions()]
    QTest.mouseClick(review.close_button, Qt.MouseButton.LeftButton)
    assert not review.isVisible()


def test_escape_closes_the_review_window(qtbot, store):
    review = ReviewWindow(store, "rahim", "rahim", "karim")
    qtbot.addWidget(review)
    review.show()
    qtbot.waitExposed(review)
    assert review.close_button.text().replace("&", "") == "Close"
    review.activateWindow()
    qtbot.waitUntil(review.isActiveWindow)
    review.reader.setFocus()
    QTest.keyClick(review.reader, Qt.Key.Key_Escape)
    assert not review.isVisible()


# -- the article list -----------------------------------------------------------------------


def test_article_list_title_stretches_and_status_fits(qtbot, window):
    window.resize(1480, 846)  # the default window at 1600x900
    qtbot.waitUntil(lambda: window.width() == 1480)
    view, model = window.list_view, window.list_model
    header = view.horizontalHeader()
    assert header.sectionResizeMode(ArticleListModel.TITLE) == QHeaderView.ResizeMode.Stretch
    assert _cells(model, ArticleListModel.OUTLET) == ["প্রথম আলো"]  # from the URL
    status = _cells(model, ArticleListModel.STATUS)
    assert status == ["To do"]
    needed = text_width(view, status, icon=True)
    assert view.columnWidth(ArticleListModel.STATUS) >= needed
    assert _cells(model, ArticleListModel.TITLE, Qt.ItemDataRole.ToolTipRole) == [TITLE]
    title = view.columnWidth(ArticleListModel.TITLE)
    others = sum(view.columnWidth(c) for c in range(1, 6) if not view.isColumnHidden(c))
    assert title >= 160 and title > others / 2


# -- the span table -------------------------------------------------------------------------


@pytest.mark.parametrize("size", [(1480, 846), (1203, 752)])  # the default at 1600x900, 1280x800
def test_span_table_has_room_and_an_annotator_column(qtbot, window, size):
    window.resize(*size)
    qtbot.waitUntil(lambda: window.width() == size[0])
    table = window.panel.table
    qtbot.waitUntil(lambda: table.viewport().width() > 0)
    assert not table.horizontalScrollBar().isVisible()
    visible = [c for c in range(table.model().columnCount()) if not table.isColumnHidden(c)]
    assert sum(table.columnWidth(c) for c in visible) <= table.viewport().width() + 1
    assert not table.isColumnHidden(ANNOTATOR) and table.columnWidth(TEXT) >= 100
    names = _cells(table.model(), ANNOTATOR)
    assert sorted(set(names)) == ["karim", "rahim"]
    shown = table.fontMetrics().horizontalAdvance("karim")
    assert table.columnWidth(ANNOTATOR) >= shown


def test_colleague_rows_are_tinted_italic_and_named(window):
    model = window.panel.model
    for row in range(model.rowCount()):
        index = model.index(row, TEXT)
        span = model.span(row)
        font = model.data(index, Qt.ItemDataRole.FontRole)
        background = model.data(index, Qt.ItemDataRole.BackgroundRole)
        tooltip = model.data(index, Qt.ItemDataRole.ToolTipRole)
        if span.annotator == "karim":
            assert isinstance(font, QFont) and font.italic()
            assert background.color() == COLLEAGUE_TINT
            assert "karim's layer" in tooltip
            marker = model.data(model.index(row, ANNOTATOR), Qt.ItemDataRole.DecorationRole)
            assert not marker.isNull()
        else:
            assert font is None and background is None and "Your layer (rahim)" in tooltip
    tooltips = _cells(model, TEXT, Qt.ItemDataRole.ToolTipRole)
    assert any("actors: কিম জং উন, পুতিন" in t for t in tooltips)


def test_span_table_filters_by_annotator_and_label(qtbot, window):
    panel = window.panel
    model = panel.model
    assert model.rowCount() == 4
    combo = panel.annotator_filter
    assert [combo.itemData(i) for i in range(combo.count())] == [None, "rahim", "karim"]
    combo.setCurrentIndex(combo.findData("karim"))
    combo.activated.emit(combo.currentIndex())
    assert set(_cells(model, ANNOTATOR)) == {"karim"} and model.rowCount() == 2
    labels = panel.label_filter
    labels.setCurrentIndex(labels.findData("visit"))
    labels.activated.emit(labels.currentIndex())
    assert model.rowCount() == 1 and model.span(0).label == "visit"
    combo.setCurrentIndex(0)
    combo.activated.emit(0)
    labels.setCurrentIndex(0)
    labels.activated.emit(0)
    assert model.rowCount() == 4


def test_hiding_colleagues_spans_draws_only_your_layer(qtbot, window):
    own = {s.id for s in window.panel.spans() if s.annotator == "rahim"}
    assert {p.id for p in window.reader.spans()} > own
    action = window.colleagues_action
    assert action.isCheckable() and action.isChecked()
    view_menu = window.menus["View"]
    assert action in view_menu.actions()
    action.trigger()
    assert {p.id for p in window.reader.spans()} == own
    assert set(_cells(window.panel.model, ANNOTATOR)) == {"rahim"}
    # A new span by a colleague (another program) stays hidden; one of yours shows.
    article = window.article.id
    theirs = window.store.add_span(article, "karim", "treaty", *_at("সই করেছে"))
    window.refresh_from_project()
    assert theirs.id not in {p.id for p in window.reader.spans()}
    action.trigger()
    assert theirs.id in {p.id for p in window.reader.spans()}


# -- the export dialog ------------------------------------------------------------------------


def test_export_dialog_is_wide_enough_for_its_path(qtbot, tmp_path):
    folder = tmp_path / "a folder with a fairly long name" / "exports for the claims project"
    dialog = ExportDialog(["rahim"], folder)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.width() >= 560
    edit = dialog.path_edit
    assert edit.width() >= edit.fontMetrics().horizontalAdvance(edit.text())
    assert edit.toolTip() == str(folder / "claims.jsonl")
    browse = [b for b in dialog.findChildren(QPushButton) if b.text() == "Browse…"]
    assert browse and browse[0].isVisible()


# -- plurals and the confusion colours -------------------------------------------------------


def test_agreement_dashboard_says_one_article(qtbot, store):
    from annotator.ui.dialogs.agreement_dialog import AgreementDialog

    dialog = AgreementDialog(store, None, "rahim", "karim")
    qtbot.addWidget(dialog)
    dialog.set_layers("rahim", "karim", all_articles=True)
    qtbot.waitUntil(lambda: not dialog.computing, timeout=20000)
    assert dialog.message.text() == "1 article with spans in either layer."
    table = dialog.confusion_table
    colours = {}
    for r in range(table.rowCount()):
        for c in range(table.columnCount()):
            item = table.item(r, c)
            colours[(r, c)] = (item.background().color().name(), item.text())
    diagonal = {v[0] for (r, c), v in colours.items() if r == c and v[1] != "0"}
    off = {v[0] for (r, c), v in colours.items() if r != c and v[1] != "0"}
    assert diagonal and off and not diagonal & off


def test_confusion_colours_scale_and_stay_readable():
    light, dark = heat_colour(1, 10), heat_colour(10, 10)
    assert light != dark != heat_colour(5, 10)
    assert heat_colour(3, 3, diagonal=True) != heat_colour(3, 3)
    assert ink_colour(dark) == "#ffffff" and ink_colour(light) == "#222222"
    assert ink_colour(heat_colour(4, 4, diagonal=True)) == "#ffffff"


# -- the overlap menu --------------------------------------------------------------------------


def test_overlap_menu_goes_below_the_line_or_above_it():
    screen = QRect(0, 0, 1600, 900)
    line = QRect(100, 400, 600, 30)
    where = below_or_above(line, QSize(300, 120), screen, 250)
    assert where == QPoint(250, 432)  # just below, not over the line
    low = QRect(100, 820, 600, 30)
    where = below_or_above(low, QSize(300, 120), screen, 1500)
    assert where.y() + 120 <= low.top() and where.x() == 1300  # above; kept on screen


def test_overlap_menu_entries_have_label_swatches(window):
    ids = [s.id for s in window.panel.spans() if "১১ হাজার" in s.text]
    assert len(ids) == 2
    menu = window.span_menu(ids)
    actions = menu.actions()
    assert len(actions) == 2 and all(not a.icon().isNull() for a in actions)
    line = window.reader.clicked_line()
    assert line.height() > 0


def test_an_article_without_outlet_or_address_shows_a_dash_and_says_why(qtbot, store, tmp_path):
    store.add_articles([ArticleDraft(text="পাতায় সংবাদমাধ্যমের নাম নেই।", title="নামহীন")])
    settings = QSettings(str(tmp_path / "s2.ini"), QSettings.Format.IniFormat)
    w = MainWindow(store, "rahim", settings)
    qtbot.addWidget(w)
    model = w.list_model
    rows = {model.index(r, ArticleListModel.TITLE).data(): r for r in range(model.rowCount())}
    named = model.index(rows[TITLE], ArticleListModel.OUTLET)
    unnamed = model.index(rows["নামহীন"], ArticleListModel.OUTLET)
    assert named.data() == "প্রথম আলো"  # from the URL's host
    assert unnamed.data() == "—"
    assert "no outlet" in unnamed.data(Qt.ItemDataRole.ToolTipRole)
