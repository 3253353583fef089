"""Adapt the store's article list (one annotator's view) to a Qt table model."""

from __future__ import annotations

from typing import Any

import bangla
import qtawesome as qta
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QIcon

from annotator.store import ListRow, Store
from annotator.translatable import QT_TRANSLATE_NOOP

_Index = QModelIndex | QPersistentModelIndex

STATUS_TEXT = {
    "todo": QT_TRANSLATE_NOOP("ArticleListModel", "To do"),
    "in_progress": QT_TRANSLATE_NOOP("ArticleListModel", "In progress"),
    "done": QT_TRANSLATE_NOOP("ArticleListModel", "Done"),
}
REVIEW_TEXT = {
    "not_reviewed": "",
    "in_review": QT_TRANSLATE_NOOP("ArticleListModel", "In review"),
    "adjudicated": QT_TRANSLATE_NOOP("ArticleListModel", "Adjudicated"),
}
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_DECORATION = int(Qt.ItemDataRole.DecorationRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole.value)
_USER = int(Qt.ItemDataRole.UserRole.value)
_RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
_ROLES = frozenset((_DISPLAY, _DECORATION, _TOOLTIP, _ALIGNMENT, _USER))
_STATUS_ICONS = {
    "todo": ("fa5.circle", "#808080"),
    "in_progress": ("fa5s.adjust", "#d08000"),
    "done": ("fa5s.check-circle", "#2e8b57"),
}


def format_published(value: str | None, bengali_digits: bool = False) -> str:
    """'YYYY-MM-DD HH:MM' from an ISO 8601 string (the outlet's wall clock), '' when undated."""
    if not value:
        return ""
    text = value[:10] if len(value) < 16 else f"{value[:10]} {value[11:16]}"
    return bangla.convert_english_digit_to_bangla_digit(text) if bengali_digits else text


class ArticleListModel(QAbstractTableModel):
    """The window's article list over `Store.article_list`, read a page at a time.

    Sorting and filtering re-query the store (SQL ORDER BY / WHERE). Newest first, a query
    reads the first `FIRST_PAGE` rows whole (shown at once) and the ids of the rest follow
    from the event loop (`counted` then gives the total); other orders read every id at once.
    The other rows are read a `PAGE` at a time as they are shown. Rows whose status or claims
    change are updated in place by `refresh_article`, even if they no longer match the filter
    (no jumping while annotating).

    Attributes:
        COLUMNS: the store sort key of each column, in column order.

    Signals:
        counted(int): the whole list's number of rows, once known (at once when the first
            page holds them all). Besides: modelReset after a re-query, rowsInserted when the
            rest of the ids arrives, dataChanged per row.
    """

    counted = Signal(int)

    COLUMNS = ("title", "outlet", "published", "status", "claims", "review")
    HEADERS = (
        QT_TRANSLATE_NOOP("ArticleListModel", "Title"),
        QT_TRANSLATE_NOOP("ArticleListModel", "Outlet"),
        QT_TRANSLATE_NOOP("ArticleListModel", "Published"),
        QT_TRANSLATE_NOOP("ArticleListModel", "Status"),
        QT_TRANSLATE_NOOP("ArticleListModel", "Claims"),
        QT_TRANSLATE_NOOP("ArticleListModel", "Review"),
    )
    TITLE, OUTLET, PUBLISHED, STATUS, CLAIMS, REVIEW = range(6)
    FIRST_PAGE = 200  # rows a re-query reads at once
    PAGE = 200  # rows read at a time as the view shows them
    SCAN_PAGE = 2000  # rows read at a time when looking for the next untagged article

    def __init__(
        self,
        store: Store,
        annotator: str,
        parent: QObject | None = None,
        bengali_digits: bool = False,
        load: bool = True,
    ) -> None:
        """`load=False`: no query until `refresh()` (a window that restores its state first)."""
        super().__init__(parent)
        self._store = store
        self._annotator = annotator
        self._bengali = bengali_digits
        self._status: str | None = None
        self._label: str | None = None
        self._query = ""
        self._sort_column = self.PUBLISHED
        self._order = Qt.SortOrder.DescendingOrder
        self._ids: list[int] = []
        self._rows: list[ListRow | None] = []  # by row; None until its page is read
        self._read_pages: set[int] = set()
        self._complete = True
        self._index: dict[int, int] | None = None
        self._icons: dict[str, QIcon] = {}
        self._names: dict[tuple[str, int], str] = {}
        self._rest = QTimer(self, singleShot=True, interval=0)
        self._rest.timeout.connect(self.fetch_rest)
        if load:
            self.refresh()

    # -- queries ---------------------------------------------------------------------------

    def _filter(self) -> dict[str, Any]:
        return {
            "status": self._status,
            "label": self._label,
            "query": self._query,
            "sort": self.COLUMNS[self._sort_column],
            "descending": self._order == Qt.SortOrder.DescendingOrder,
        }

    def refresh(self) -> None:
        """Re-query the store with the current annotator, filter and sort.

        Newest first (the default) the first page comes whole from the date index and the
        rest of the ids from the event loop (`fetch_rest`); any other order sorts every row
        anyway, so all ids are read at once and only the first page's rows.
        """
        filters = self._filter()
        if filters["sort"] == "published" and filters["descending"]:
            first = self._store.article_list(self._annotator, **filters, limit=self.FIRST_PAGE)
            ids = [row.id for row in first]
            complete = len(first) < self.FIRST_PAGE
        else:
            ids = self._store.article_list_ids(self._annotator, **filters)
            first = self._store.list_rows(self._annotator, ids[: self.FIRST_PAGE])
            complete = True
        self.beginResetModel()
        self._ids = ids
        self._rows = [*first, *([None] * (len(ids) - len(first)))]
        self._read_pages = set(range(len(first) // self.PAGE))
        self._complete = complete
        self._index = None
        self.endResetModel()
        if self._complete:
            self._rest.stop()
            self.counted.emit(len(self._ids))
        else:
            self._rest.start()

    def fetch_rest(self) -> None:
        """Read the ids of the rest of the list now (if not read yet) and emit `counted`."""
        self._rest.stop()
        if self._complete:
            return
        ids = self._store.article_list_ids(self._annotator, **self._filter())
        known = len(self._ids)
        if ids[:known] == self._ids:
            if len(ids) > known:
                self.beginInsertRows(QModelIndex(), known, len(ids) - 1)
                self._ids = ids
                self._rows.extend([None] * (len(ids) - known))
                self._complete = True
                self.endInsertRows()
        else:  # the project changed in between (another window wrote): list it afresh
            self.beginResetModel()
            self._ids = ids
            self._rows = [None] * len(ids)
            self._read_pages = set()
            self.endResetModel()
        self._complete = True
        self._index = None
        self.counted.emit(len(self._ids))

    def is_complete(self) -> bool:
        """Whether every id of the list is known (else `fetch_rest` is pending)."""
        return self._complete

    def total(self) -> int | None:
        """The number of rows of the whole list, or None while the rest is being counted."""
        return len(self._ids) if self._complete else None

    def _item(self, row: int, page: int | None = None) -> ListRow | None:
        """The row's record, reading its page (`PAGE` rows, or `page`) if not read yet; None
        for an article gone since the list was read."""
        item = self._rows[row]
        if item is None:
            size = page or self.PAGE
            first = row - row % size
            numbers = range(first // self.PAGE, (first + size - 1) // self.PAGE + 1)
            if not all(n in self._read_pages for n in numbers):
                ids = self._ids[first : first + size]
                found = {r.id: r for r in self._store.list_rows(self._annotator, ids)}
                for offset, article_id in enumerate(ids):
                    if self._rows[first + offset] is None:
                        self._rows[first + offset] = found.get(article_id)
                self._read_pages.update(numbers)
                item = self._rows[row]
        return item

    def set_annotator(self, name: str) -> None:
        """Show statuses and claim counts of another annotator."""
        self._annotator = name
        self.refresh()

    def annotator(self) -> str:
        """Whose statuses and claims the rows show."""
        return self._annotator

    def set_filter(self, status: str | None, label: str | None, query: str) -> None:
        """Keep only articles with this status, a span of this label, matching this search."""
        self._status, self._label, self._query = status or None, label or None, query
        self.refresh()

    def query(self) -> str:
        """The search the list is filtered by, as typed ("" for none)."""
        return self._query

    @property
    def bengali_digits(self) -> bool:
        """Whether dates and claim counts show in Bengali digits (০-৯)."""
        return self._bengali

    @bengali_digits.setter
    def bengali_digits(self, on: bool) -> None:
        self.set_bengali_digits(on)

    def set_bengali_digits(self, on: bool) -> None:
        """Show dates and claim counts in Bengali digits (০-৯) or not; repaints those cells."""
        if on != self._bengali:
            self._bengali = on
            if self._ids:
                self.dataChanged.emit(
                    self.index(0, self.PUBLISHED), self.index(len(self._ids) - 1, self.CLAIMS)
                )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Re-query the store ordered by `column` (nothing happens if already so ordered)."""
        if not 0 <= column < len(self.COLUMNS):
            return
        if column == self._sort_column and order == self._order:
            return
        self._sort_column, self._order = column, order
        self.refresh()

    def sort_column(self) -> int:
        """The column rows are currently ordered by."""
        return self._sort_column

    def sort_order(self) -> Qt.SortOrder:
        """The current sort direction."""
        return self._order

    def refresh_article(self, article_id: int) -> None:
        """Re-read one article's status and claim count and repaint its row (no reset)."""
        row = self.row_of(article_id, fetch=False)
        if row is None:
            return
        item = self._rows[row]
        if item is not None:  # a row not read yet is read fresh when shown
            item.status = self._store.status(article_id, self._annotator)
            item.claims = self._store.span_count(article_id, self._annotator)
            item.review = self._store.review_status(article_id)
        self.dataChanged.emit(self.index(row, self.STATUS), self.index(row, self.REVIEW))

    # -- lookups ---------------------------------------------------------------------------

    def article_id(self, row: int) -> int:
        """The article shown in `row`."""
        return self._ids[row]

    def row_of(self, article_id: int, fetch: bool = True) -> int | None:
        """The row showing `article_id`, or None when it is filtered out. While the rest of
        the list is pending, `fetch` reads it now; without, only known rows are searched."""
        if self._index is None:
            self._index = {item: row for row, item in enumerate(self._ids)}
        row = self._index.get(article_id)
        if row is None and fetch and not self._complete:
            self.fetch_rest()
            return self.row_of(article_id, fetch=False)
        return row

    def list_row(self, row: int) -> ListRow | None:
        """The store record behind `row` (do not modify); None if the article is gone."""
        return self._item(row)

    def next_row(self, row: int, untagged_only: bool = False) -> int | None:
        """The row after `row` (with no claims yet when `untagged_only`), or None at the end."""
        if not self._complete and (untagged_only or row + 1 >= len(self._ids)):
            self.fetch_rest()
        for candidate in range(max(row + 1, 0), len(self._ids)):
            if not untagged_only:
                return candidate
            item = self._item(candidate, self.SCAN_PAGE)
            if item is not None and item.claims == 0:
                return candidate
        return None

    # -- QAbstractTableModel ---------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Number of rows (none under a parent: this is a flat table)."""
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Number of columns."""
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        """Column titles; rows have none of their own."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(self.HEADERS):
                return self.tr(self.HEADERS[section])
        return None

    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        """Cell contents from the in-memory row: O(1), no database access."""
        # Called for ~10 roles per visible cell per paint: reject unused roles first.
        if role not in _ROLES or not index.isValid():
            return None
        item = self._item(index.row())
        if item is None:
            return None
        column = index.column()
        if role == _DISPLAY:
            if column == self.TITLE:
                return item.title
            if column == self.OUTLET:
                return item.outlet or "—"
            if column == self.PUBLISHED:
                return format_published(item.published, self._bengali)
            if column == self.STATUS:
                return self._text(STATUS_TEXT, item.status)
            if column == self.REVIEW:
                return self._text(REVIEW_TEXT, item.review)
            text = str(item.claims)
            return bangla.convert_english_digit_to_bangla_digit(text) if self._bengali else text
        if role == _USER:
            return item.id
        if role == _DECORATION:
            return self._status_icon(item.status) if column == self.STATUS else None
        if role == _ALIGNMENT:
            return _RIGHT if column == self.CLAIMS else None
        if column == self.TITLE:  # tooltip
            return item.title
        if column == self.OUTLET:
            return item.outlet or self.tr("The article names no outlet and has no web address")
        if column == self.PUBLISHED:
            return item.published or self.tr("no publication date")
        return None

    def _text(self, names: dict[str, str], value: str) -> str:
        """A status or review value's name in the interface language (texts are cached:
        `data` runs for every painted cell)."""
        key = (value, id(names))
        text = self._names.get(key)
        if text is None:
            name = names.get(value, value)
            text = self._names[key] = self.tr(name) if name else ""
        return text

    def retranslate(self) -> None:
        """The interface language changed: headers and status names again."""
        self._names.clear()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.HEADERS) - 1)
        if self._ids:
            self.dataChanged.emit(
                self.index(0, self.STATUS), self.index(len(self._ids) - 1, self.REVIEW)
            )

    def _status_icon(self, status: str) -> QIcon | None:
        icon = self._icons.get(status)
        if icon is None and status in _STATUS_ICONS:
            # Render once to a pixmap: a qtawesome icon repaints its glyph in Python per cell.
            name, color = _STATUS_ICONS[status]
            icon = QIcon()
            for size in (16, 32):
                icon.addPixmap(qta.icon(name, color=color).pixmap(size, size))
            self._icons[status] = icon
        return icon
