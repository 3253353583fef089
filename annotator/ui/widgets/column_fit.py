"""Column widths that fit what a table shows: one column stretches, the others fit their text.

Qt's own ResizeToContents asks the model for up to 1,000 rows on every change, which on a
paged model reads pages (and on the review table compares articles); these functions
measure only the rows and texts they are given.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QStyle, QTableView

_SLACK = 8  # pixels beyond the measured text, so a fitted cell is never elided


def text_width(view: QTableView, texts: Iterable[str], icon: bool = False) -> int:
    """Pixels a cell of `view` needs to show the widest of `texts` whole (after its icon)."""
    metrics = view.fontMetrics()
    widest = max((metrics.horizontalAdvance(text) for text in texts if text), default=0)
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    extra = 0
    if icon:
        size = view.iconSize().width()
        if size <= 0:
            size = view.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, view)
        extra = size + 2 * margin
    return widest + 2 * margin + extra + _SLACK


def shown_texts(view: QTableView, column: int, rows: int) -> list[str]:
    """What the first `rows` rows of `column` show (the caller keeps `rows` to rows in memory)."""
    model = view.model()
    count = min(rows, model.rowCount())
    return [str(model.data(model.index(row, column)) or "") for row in range(count)]


def fit_columns(
    view: QTableView,
    stretch: int,
    texts: Mapping[int, Iterable[str]],
    icons: Iterable[int] = (),
    caps: Mapping[int, int] | None = None,
    hide_first: Sequence[int] = (),
    stretch_min: int = 0,
) -> set[int]:
    """`stretch` takes the spare width; each column of `texts` is as wide as its widest text
    or its header (with the sort arrow), whichever is wider, at most `caps[column]` pixels.

    While the stretched column would get less than `stretch_min` pixels, the columns of
    `hide_first` are hidden in that order (and shown again when there is room); the ones
    hidden are returned. Columns hidden by the caller and not in `hide_first` stay hidden.
    """
    header = view.horizontalHeader()
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    with_icon = set(icons)
    widths: dict[int, int] = {}
    for column, values in texts.items():
        width = max(
            text_width(view, values, column in with_icon),
            header.sectionSizeFromContents(column).width(),
        )
        widths[column] = min(width, caps[column]) if caps and column in caps else width
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, widths[column])
    room = view.viewport().width() - stretch_min
    shown = {c: w for c, w in widths.items() if c in hide_first or not view.isColumnHidden(c)}
    hidden: set[int] = set()
    for column in hide_first:
        if sum(w for c, w in shown.items() if c not in hidden) <= room:
            break
        hidden.add(column)
    for column in hide_first:
        view.setColumnHidden(column, column in hidden)
    return hidden


class RefitOnResize(QObject):
    """Calls `refit()` whenever `view`'s viewport changes size (the pane was resized, or a
    vertical scroll bar came or went)."""

    def __init__(self, view: QTableView, refit: Callable[[], object]) -> None:
        super().__init__(view)
        self._refit = refit
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Refit after a resize; the event goes on as usual."""
        if event.type() == QEvent.Type.Resize:
            self._refit()
        return False
