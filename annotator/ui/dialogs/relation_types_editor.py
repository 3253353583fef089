"""The label scheme dialog's "Relation types" tab: each type's names, colour, which labels
its heads and tails may carry (ticked in two lists; none ticked: any label), whether it may
join spans of two articles, its guideline, and retirement (types are never deleted, so links
keep their type). Edits stay here until the dialog's OK."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.relation_scheme import RelationTypeDef
from annotator.scheme import PALETTE, LabelDef, make_key
from annotator.translatable import QT_TRANSLATE_NOOP
from annotator.ui.widgets.label_palette import swatch_icon

NAME, NAME_BN, COLOR, CROSS, RETIRED = range(5)
HEADERS = (
    QT_TRANSLATE_NOOP("RelationTypesEditor", "Name"),
    QT_TRANSLATE_NOOP("RelationTypesEditor", "Bengali name"),
    QT_TRANSLATE_NOOP("RelationTypesEditor", "Colour"),
    QT_TRANSLATE_NOOP("RelationTypesEditor", "Across articles"),
    QT_TRANSLATE_NOOP("RelationTypesEditor", "Retired"),
)
_KEY = Qt.ItemDataRole.UserRole


class RelationTypesEditor(QWidget):
    """Edits a copy of the relation types; `types()` gives them back."""

    def __init__(self, types: list[RelationTypeDef], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._types = [replace(kind) for kind in types]
        self._labels: list[LabelDef] = []
        self._filling = False
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels([self.tr(h) for h in HEADERS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        for column in (NAME, NAME_BN):
            self.table.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.Stretch
            )
        self.table.itemChanged.connect(self._on_item_changed)
        self.table.currentCellChanged.connect(lambda *_a: self._show_current())
        self.heads = QListWidget()
        self.tails = QListWidget()
        for box in (self.heads, self.tails):
            box.itemChanged.connect(self._on_ends_changed)
        self.add_button = QPushButton(self.tr("Add type"))
        self.add_button.clicked.connect(lambda: self.add_type(self.tr("New relation")))
        self.color_button = QPushButton(self.tr("Edit colour…"))
        self.color_button.clicked.connect(self._on_color_clicked)
        self.guideline_edit = QPlainTextEdit()
        self.guideline_edit.setPlaceholderText(self.tr("Guideline for the selected type"))
        self.guideline_edit.setMaximumHeight(70)
        self.guideline_edit.textChanged.connect(self._on_guideline_changed)
        ends = QGridLayout()
        ends.addWidget(QLabel(self.tr("Heads (e.g. the claim labels):")), 0, 0)
        ends.addWidget(QLabel(self.tr("Tails (e.g. Actor):")), 0, 1)
        ends.addWidget(self.heads, 1, 0)
        ends.addWidget(self.tails, 1, 1)
        ends.addWidget(QLabel(self.tr("None ticked: any label.")), 2, 0, 1, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.color_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addLayout(ends, 1)
        layout.addWidget(self.guideline_edit)
        self._fill()
        if self._types:
            self.table.setCurrentCell(0, NAME)

    # -- the edited types ------------------------------------------------------------------

    def types(self) -> list[RelationTypeDef]:
        """The types as edited (copies, positions in table order)."""
        return [replace(kind, position=i) for i, kind in enumerate(self._types)]

    def set_labels(self, labels: list[LabelDef]) -> None:
        """The labels heads and tails may name (the dialog's edited labels)."""
        self._labels = [label for label in labels if label.kind == "span"]
        self._show_current()

    def merge(self, incoming: list[RelationTypeDef]) -> int:
        """Take a scheme file's types: same key updates, a new key is appended; how many new."""
        by_key = {kind.key: i for i, kind in enumerate(self._types)}
        new = 0
        for kind in incoming:
            if kind.key in by_key:
                self._types[by_key[kind.key]] = replace(kind)
            else:
                self._types.append(replace(kind))
                new += 1
        self._fill()
        return new

    def add_type(self, name: str, name_bn: str = "") -> str:
        """Append a type (any labels at both ends until ticked); its key."""
        base = make_key(name) or "relation"
        key, n = base, 2
        while any(kind.key == key for kind in self._types):
            key, n = f"{base}_{n}", n + 1
        used = {kind.color.lower() for kind in self._types}
        color = next((c for c in PALETTE if c.lower() not in used), PALETTE[0])
        self._types.append(RelationTypeDef(key, name, name_bn, color))
        self._fill()
        self.table.setCurrentCell(len(self._types) - 1, NAME)
        return key

    def _kind(self, key: str) -> RelationTypeDef:
        return next(kind for kind in self._types if kind.key == key)

    def rename(self, key: str, name: str, name_bn: str | None = None) -> None:
        """Give a type new names (its key stays)."""
        kind = self._kind(key)
        kind.name = name
        if name_bn is not None:
            kind.name_bn = name_bn
        self._fill()

    def set_ends(self, key: str, heads: list[str], tails: list[str]) -> None:
        """Which label keys a type's heads and tails may carry (empty: any)."""
        kind = self._kind(key)
        kind.heads, kind.tails = list(heads), list(tails)
        self._show_current()

    def set_cross_article(self, key: str, on: bool) -> None:
        """Whether the type may join spans of two articles."""
        self._kind(key).cross_article = on
        self._fill()

    def set_retired(self, key: str, retired: bool) -> None:
        """Retire a type (no new links of it) or bring it back."""
        self._kind(key).retired = retired
        self._fill()

    # -- showing ---------------------------------------------------------------------------

    def current_key(self) -> str | None:
        """The selected type's key."""
        row = self.table.currentRow()
        return self._types[row].key if 0 <= row < len(self._types) else None

    def _fill(self) -> None:
        self._filling = True
        current = self.table.currentRow()
        self.table.setRowCount(len(self._types))
        for row, kind in enumerate(self._types):
            for column, text in ((NAME, kind.name), (NAME_BN, kind.name_bn), (COLOR, kind.color)):
                item = QTableWidgetItem(text)
                item.setData(_KEY, kind.key)
                if column == COLOR:
                    item.setIcon(swatch_icon(kind.color))
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, column, item)
            for column, on in ((CROSS, kind.cross_article), (RETIRED, kind.retired)):
                item = QTableWidgetItem()
                item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled
                              | Qt.ItemFlag.ItemIsSelectable)  # fmt: skip
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
                self.table.setItem(row, column, item)
        self._filling = False
        if 0 <= current < len(self._types):
            self.table.setCurrentCell(current, NAME)
        self._show_current()

    def _show_current(self) -> None:
        key = self.current_key()
        kind = self._kind(key) if key else None
        for box, chosen in ((self.heads, kind.heads if kind else []),
                            (self.tails, kind.tails if kind else [])):  # fmt: skip
            with QSignalBlocker(box):
                box.clear()
                for label in self._labels:
                    item = QListWidgetItem(swatch_icon(label.color), label.display())
                    item.setData(_KEY, label.key)
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    state = (
                        Qt.CheckState.Checked if label.key in chosen else Qt.CheckState.Unchecked
                    )
                    item.setCheckState(state)
                    box.addItem(item)
            box.setEnabled(kind is not None)
        with QSignalBlocker(self.guideline_edit):
            self.guideline_edit.setPlainText(kind.guideline if kind else "")

    # -- edits from the widgets ------------------------------------------------------------

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or not (0 <= item.row() < len(self._types)):
            return
        kind = self._types[item.row()]
        if item.column() == NAME and item.text().strip():
            kind.name = item.text().strip()
        elif item.column() == NAME_BN:
            kind.name_bn = item.text().strip()
        elif item.column() == CROSS:
            kind.cross_article = item.checkState() == Qt.CheckState.Checked
        elif item.column() == RETIRED:
            kind.retired = item.checkState() == Qt.CheckState.Checked

    def _on_ends_changed(self) -> None:
        key = self.current_key()
        if key is None:
            return
        kind = self._kind(key)
        for box, name in ((self.heads, "heads"), (self.tails, "tails")):
            ticked = [box.item(i).data(_KEY) for i in range(box.count())
                      if box.item(i).checkState() == Qt.CheckState.Checked]  # fmt: skip
            setattr(kind, name, ticked)

    def _on_guideline_changed(self) -> None:
        key = self.current_key()
        if key is not None:
            self._kind(key).guideline = self.guideline_edit.toPlainText().strip()

    def _on_color_clicked(self) -> None:
        key = self.current_key()
        if key is None:
            return
        kind = self._kind(key)
        chosen = QColorDialog.getColor(QColor(kind.color), self, self.tr("Relation colour"))
        if chosen.isValid():
            kind.color = chosen.name()
            self._fill()
