"""The review window's article list as a Qt model that reads only the rows shown.

Rows are the articles where either compared layer has a span, by id. They come from the
store a page at a time (`canFetchMore`/`fetchMore`: the view asks for the next page when it
is scrolled near the end), and each row's count of open disagreements is computed the first
time a view asks for it, for the block of rows around it, so opening the window reads one
page and compares only the articles painted, whatever the project's size.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from annotator import review
from annotator.store import Store
from annotator.translatable import QT_TRANSLATE_NOOP
from annotator.ui.i18n import number

REVIEW_TEXT = {
    "not_reviewed": QT_TRANSLATE_NOOP("ReviewArticleModel", "Not reviewed"),
    "in_review": QT_TRANSLATE_NOOP("ReviewArticleModel", "In review"),
    "adjudicated": QT_TRANSLATE_NOOP("ReviewArticleModel", "Adjudicated"),
}
HEADERS = (
    QT_TRANSLATE_NOOP("ReviewArticleModel", "Title"),
    QT_TRANSLATE_NOOP("ReviewArticleModel", "Review"),
    QT_TRANSLATE_NOOP("ReviewArticleModel", "Open"),
)
PAGE = 200
"""Rows read from the store at a time."""
BLOCK = 50
"""Rows whose open counts are computed together (one query for their spans, one for rulings)."""

Index = QModelIndex | QPersistentModelIndex


class ReviewArticleModel(QAbstractTableModel):
    """Title, review status and open disagreements of the compared articles, fetched lazily."""

    TITLE, REVIEW, OPEN = range(3)

    def __init__(self, store: Store, parent: Any = None) -> None:
        super().__init__(parent)
        self.store = store
        self.layers: tuple[str, str] | None = None
        self._ids: list[int] = []
        self._titles: list[str] = []
        self._row_of: dict[int, int] = {}
        self._status: dict[int, str] = {}
        self._open: dict[int, int] = {}
        self._more = False

    # -- contents --------------------------------------------------------------------------

    def reset(self, layers: tuple[str, str] | None) -> None:
        """Show the articles compared for `layers` (none when None): the first page only."""
        self.beginResetModel()
        self.layers = layers
        self._ids, self._titles, self._row_of = [], [], {}
        self._status, self._open = {}, {}
        self._more = layers is not None
        self.endResetModel()
        if self._more:
            self.fetchMore(QModelIndex())

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802 - Qt
        """True while the store may hold more compared articles than fetched."""
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802 - Qt
        """Read the next page of compared articles (titles and review statuses)."""
        if parent.isValid() or not self._more or self.layers is None:
            return
        after = self._ids[-1] if self._ids else None
        page = self.store.layer_articles(self.layers, after, True, PAGE)
        self._more = len(page) == PAGE
        if not page:
            return
        first = len(self._ids)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        for offset, (article_id, title) in enumerate(page):
            self._row_of[article_id] = first + offset
            self._ids.append(article_id)
            self._titles.append(title or self.tr("Article {id}").format(id=article_id))
        self._status.update(self.store.review_statuses([i for i, _ in page]))
        self.endInsertRows()

    def load_through(self, article_id: int) -> int | None:
        """Fetch pages until `article_id`'s row is there; its row (None if it is no row)."""
        while article_id not in self._row_of and self._more and self._ids[-1] < article_id:
            self.fetchMore(QModelIndex())
        return self._row_of.get(article_id)

    def article_id(self, row: int) -> int:
        """The article shown in `row`."""
        return self._ids[row]

    def row_of(self, article_id: int) -> int | None:
        """The row of an article if it is fetched already."""
        return self._row_of.get(article_id)

    def update_row(self, article_id: int, status: str, open_count: int) -> None:
        """Bring one fetched article's review status and open count up to date."""
        row = self._row_of.get(article_id)
        if row is None:
            return
        self._status[article_id] = status
        self._open[article_id] = open_count
        self.dataChanged.emit(self.index(row, self.REVIEW), self.index(row, self.OPEN))

    def open_count(self, row: int) -> int:
        """Row `row`'s open disagreements (computed with its block of rows the first time)."""
        article_id = self._ids[row]
        if article_id not in self._open and self.layers is not None:
            start = row - row % BLOCK
            block = [i for i in self._ids[start : start + BLOCK] if i not in self._open]
            items = review.items_of(self.store, self.layers, block)
            self._open.update(review.open_counts(self.store, self.layers, items))
        return self._open.get(article_id, 0)

    # -- the model interface ---------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt
        """Rows fetched so far."""
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt
        """Title, review status, open disagreements."""
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The cell's text (and the article id as UserRole)."""
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.UserRole:
            return self._ids[row]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.OPEN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == self.TITLE:
            return self._titles[row]
        if column == self.REVIEW:
            return self.tr(REVIEW_TEXT[self._status.get(self._ids[row], "not_reviewed")])
        return number(self.open_count(row))

    def headerData(  # noqa: N802 - Qt
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column names."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(HEADERS[section])
        return None
