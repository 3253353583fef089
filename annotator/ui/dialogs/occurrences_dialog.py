"""Tag → Annotate all occurrences…: every occurrence of the selection (or a typed word) across
the project, inflected forms too, one line each with its article and sentence; untick the
ones to leave, pick a label (and an actor to link), and tag them all as one undoable action
(`TagOccurrences`, sent through the controller)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.frame_actions import TagOccurrences
from annotator.models import Actor
from annotator.occurrences import Found, Occurrences, find_occurrences, names_of
from annotator.scheme import LabelDef
from annotator.store import Store
from annotator.store.actors import ACTOR_ATTR
from annotator.ui.controller import Controller

TICK, TITLE, LEFT, MATCH, RIGHT = range(5)


class OccurrencesDialog(QDialog):
    """Find the occurrences of a term, choose which to tag, tag them in one action."""

    def __init__(
        self,
        store: Store,
        controller: Controller,
        labels: Iterable[LabelDef],
        term: str = "",
        label: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Annotate all occurrences"))
        self._store, self._controller = store, controller
        self._found = Occurrences([])
        self._listed: list[Found] = []
        self.term_edit = QLineEdit(term)
        self.term_edit.setPlaceholderText(self.tr("a word or name, e.g. রাশিয়া"))
        self.term_edit.returnPressed.connect(self.refresh)
        self.find_button = QPushButton(self.tr("Find"))
        self.find_button.setAutoDefault(False)
        self.find_button.clicked.connect(self.refresh)
        self.label_box = QComboBox()
        for item in labels:
            if item.kind == "span" and not item.retired:
                self.label_box.addItem(item.display(), item.key)
        self.label_box.setCurrentIndex(max(0, self.label_box.findData(label or "actor")))
        self.label_box.activated.connect(lambda _i: self.refresh())
        self.actor_box = QComboBox()
        self.actor_box.addItem(self.tr("— none —"), None)
        self._actors: dict[str, Actor] = {}
        for actor in store.actors():
            self._actors[actor.id] = actor
            names = " / ".join(n for n in (actor.name, actor.name_bn) if n)
            self.actor_box.addItem(f"{names} [{actor.id}]", actor.id)
        self.actor_box.activated.connect(lambda _i: self.refresh())

        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            ["", self.tr("Article"), self.tr("Before"), self.tr("Occurrence"), self.tr("After")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(TICK, QHeaderView.ResizeMode.ResizeToContents)
        for column in (LEFT, RIGHT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(TITLE, 200)
        self.table.itemChanged.connect(lambda _item: self._show_count())
        self.count_label = QLabel()
        self.count_label.setObjectName("occurrences_count")
        self.count_label.setWordWrap(True)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.tag_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.tag_button.setText(self.tr("Tag ticked"))
        self.buttons.accepted.connect(self.tag)
        self.buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self.term_edit, 1)
        top.addWidget(self.find_button)
        form = QFormLayout()
        form.addRow(self.tr("Find"), top)
        form.addRow(self.tr("Tag as"), self.label_box)
        form.addRow(self.tr("Link to actor"), self.actor_box)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.buttons)
        self.resize(1100, 600)
        self.refresh()

    # -- reading ---------------------------------------------------------------------------

    def label(self) -> str | None:
        """The label key to tag with."""
        return self.label_box.currentData()

    def actor_id(self) -> str | None:
        """The actor to link the new spans to, if one is chosen."""
        return self.actor_box.currentData()

    def choose_actor(self, actor_id: str) -> None:
        """Link to `actor_id` (its names are looked for too) and list again."""
        self.actor_box.setCurrentIndex(max(0, self.actor_box.findData(actor_id)))
        self.refresh()

    def refresh(self) -> None:
        """Find the occurrences of the term (and the chosen actor's names) and list those no
        span of the label covers yet, all ticked."""
        actor = self._actors.get(self.actor_id() or "")
        names = names_of(self.term_edit.text(), actor)
        self._found = find_occurrences(self._store, names, self._controller.annotator, self.label())
        self._listed = [f for f in self._found.found if not f.covered]
        self.table.blockSignals(True)
        self.table.setRowCount(len(self._listed))
        for row, found in enumerate(self._listed):
            tick = QTableWidgetItem()
            tick.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            tick.setCheckState(Qt.CheckState.Checked)
            self.table.setItem(row, TICK, tick)
            cells = ((TITLE, found.title), (LEFT, " ".join(found.left.split())),
                     (MATCH, found.text), (RIGHT, " ".join(found.right.split())))  # fmt: skip
            for column, text in cells:
                item = QTableWidgetItem(text)
                if column == LEFT:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        self.table.blockSignals(False)
        self._show_count()

    def ticked(self) -> list[Found]:
        """The listed occurrences still ticked."""
        return [
            found
            for row, found in enumerate(self._listed)
            if self.table.item(row, TICK).checkState() == Qt.CheckState.Checked
        ]

    def set_ticked(self, row: int, on: bool) -> None:
        """Tick or untick the occurrence on `row`."""
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        self.table.item(row, TICK).setCheckState(state)

    def _show_count(self) -> None:
        listed, ticked = len(self._listed), len(self.ticked())
        text = (
            self.tr("%Ln occurrence(s) to tag", "", ticked)
            + " · "
            + self.tr("%Ln listed", "", listed)
        )
        if self._found.covered:
            text += " · " + self.tr(
                "%Ln already tagged with this label (skipped)", "", self._found.covered
            )
        if self._found.truncated:
            text += " · " + self.tr("only the first %Ln are listed", "", len(self._found.found))
        self.count_label.setText(text)
        self.tag_button.setEnabled(ticked > 0 and self.label() is not None)

    # -- tagging ---------------------------------------------------------------------------

    def tag(self) -> None:
        """Tag the ticked occurrences as one action; on refusal say why and stay open."""
        chosen = self.ticked()
        label = self.label()
        if not chosen or label is None:
            return
        attrs = {ACTOR_ATTR: self.actor_id()} if self.actor_id() else {}
        action = TagOccurrences(
            self._controller.annotator, label, [f.occurrence for f in chosen], attrs
        )
        if self._controller.apply(action) is None:
            self.count_label.setText(self._controller.last_error)
            return
        self.accept()
