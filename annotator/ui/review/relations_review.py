"""The review window's relations of the shown article: each relation of A and B on spans
(type, head, tail), who has it — both, A only, B only, and whether its spans are matched in
the other layer — and whether gold has it; the chosen one is accepted into gold (`L`, or the
button) as one undoable action through the window's controller."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.actions import Change, ChangeKind
from annotator.gold_relations import AcceptGoldRelation, gold_relation_of
from annotator.relation_agreement import BOTH, ONLY_A, RelationItem, article_relation_items
from annotator.store import Store
from annotator.translatable import QT_TRANSLATE_NOOP
from annotator.ui.controller import Controller

TYPE, HEAD, TAIL, WHO, GOLD_COLUMN = range(5)
HEADERS = (
    QT_TRANSLATE_NOOP("RelationsReview", "Type"),
    QT_TRANSLATE_NOOP("RelationsReview", "Head"),
    QT_TRANSLATE_NOOP("RelationsReview", "Tail"),
    QT_TRANSLATE_NOOP("RelationsReview", "Who"),
    QT_TRANSLATE_NOOP("RelationsReview", "Gold"),
)
_ROLE = Qt.ItemDataRole.UserRole
_KINDS = (ChangeKind.RELATIONS, ChangeKind.RULING, ChangeKind.SPANS)


class RelationsReview(QGroupBox):
    """The compared relations of one article, and accepting one into gold.

    Signals:
        accept_requested(): the button or Enter on a row (the window's `L` action runs).
    """

    accept_requested = Signal()

    def __init__(self, store: Store, controller: Controller, reviewer: str,
                 accept: QAction | None = None, parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setTitle(self.tr("Relations"))
        self.store, self.controller, self.reviewer = store, controller, reviewer
        self._article: int | None = None
        self._layers: tuple[str, str] = ("", "")
        self._items: list[RelationItem] = []
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr(h) for h in HEADERS])
        self.tree.setRootIsDecorated(False)
        self.tree.setMinimumHeight(130)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.itemActivated.connect(lambda *_a: self.accept_requested.emit())
        self.accept_button = QPushButton(self.tr("Accept relation into gold (L)"))
        self.accept_button.clicked.connect(self.accept_requested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.accept_button)
        controller.changed.connect(self._on_changed)
        if accept is not None:  # the window's action: its key, and its report of the outcome
            self.accept_requested.connect(accept.trigger)

    def show_article(self, article_id: int | None, layers: tuple[str, str]) -> None:
        """Compare the relations of A and B in this article (None: nothing shown)."""
        self._article, self._layers = article_id, layers
        self.refresh()

    def items(self) -> list[RelationItem]:
        """The compared relations shown, in list order."""
        return list(self._items)

    def refresh(self) -> None:
        """Read the comparison again, keeping the chosen row."""
        row = self.tree.indexOfTopLevelItem(self.tree.currentItem())
        self.tree.clear()
        a, b = self._layers
        self._items = (
            article_relation_items(self.store, self._article, self._layers)
            if self._article is not None and a and b and a != b else []
        )  # fmt: skip
        names = {kind.key: kind.display() for kind in self.store.relation_types()}
        for item in self._items:
            head, tail = self.store.span(item.relation.head), self.store.span(item.relation.tail)
            who = {BOTH: self.tr("both"), ONLY_A: self.tr("{a} only").format(a=a)}.get(
                item.who, self.tr("{b} only").format(b=b)
            )
            if not item.matched:
                who = self.tr("{who} (span not in the other layer)").format(who=who)
            gold = gold_relation_of(self.store, item) is not None
            entry = QTreeWidgetItem([
                names.get(item.type, item.type), head.text if head else "?",
                tail.text if tail else "?", who, self.tr("yes") if gold else "",
            ])  # fmt: skip
            for column in range(len(HEADERS)):
                entry.setToolTip(column, entry.text(column))
            self.tree.addTopLevelItem(entry)
        self.setTitle(self.tr("Relations (%Ln)", "", len(self._items)))
        if self._items:
            self.tree.setCurrentItem(self.tree.topLevelItem(min(max(row, 0), len(self._items) - 1)))
        self.accept_button.setEnabled(bool(self._items))

    def current(self) -> RelationItem | None:
        """The chosen compared relation."""
        row = self.tree.indexOfTopLevelItem(self.tree.currentItem())
        return self._items[row] if 0 <= row < len(self._items) else None

    def accept_current(self) -> Change | None:
        """Accept the chosen relation into gold (a refusal goes to the status bar)."""
        item = self.current()
        if item is None:
            return None
        return self.controller.apply(AcceptGoldRelation(self.reviewer, item))

    def _on_changed(self, change: Change) -> None:
        if change.kind in _KINDS and self._article is not None and self.isVisible():
            self.refresh()
