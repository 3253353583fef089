"""The span table's view: columns fitted to what they show, never wider than the pane.

The text column takes the spare width. When the pane is too narrow for every column, the
least needed ones (note, then source, then certainty) are hidden rather than giving the
table a horizontal scroll bar; every row's tooltip still has all of it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from annotator.ui.models.span_table_model import (
    ANNOTATOR,
    CERTAINTY,
    LABEL,
    NOTE,
    SOURCE,
    TEXT,
    SpanTableModel,
)
from annotator.ui.widgets.column_fit import RefitOnResize, fit_columns, shown_texts

TEXT_MIN_WIDTH = 110  # pixels the span's text keeps before a column is hidden
# The widest a fitted column gets (longer cells are elided; the tooltip has them whole).
CAPS = {LABEL: 150, ANNOTATOR: 110, CERTAINTY: 100, SOURCE: 120, NOTE: 120}
HIDE_FIRST = (NOTE, SOURCE, CERTAINTY)  # the order columns go when the pane is narrow


# Rows measured when fitting: enough for what a pane shows, without reading every cell of an
# article with a thousand spans on each open and resize (cells wider still are elided, with
# their text in the tooltip).
FIT_ROWS = 200


class SpanTable(QTableView):
    """A table of `SpanTableModel` whose columns fit its width (see the module)."""

    def __init__(self, model: SpanTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setWordWrap(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setMinimumSectionSize(24)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        model.modelReset.connect(self.fit_columns)
        model.dataChanged.connect(lambda *_a: self.fit_columns())
        self._refit = RefitOnResize(self, self.fit_columns)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Size the columns to their contents, hiding the least needed ones that do not fit."""
        texts = {column: shown_texts(self, column, FIT_ROWS) for column in CAPS}
        fit_columns(self, TEXT, texts, (LABEL, ANNOTATOR), CAPS, HIDE_FIRST, TEXT_MIN_WIDTH)
