"""Edit → Actor register…: the register's actors in a table (with how many spans link to
each), added, edited, deleted, imported from or exported to CSV; OK saves every change as one
undoable `SaveActors` through the controller."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
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

from annotator.frame_actions import SaveActors
from annotator.models import ACTOR_KINDS, Actor
from annotator.register_csv import ALIAS_SEPARATOR, RegisterFileError, read_register
from annotator.register_csv import write_register as write_register_file
from annotator.store import Store
from annotator.ui.controller import Controller

ID, NAME, NAME_BN, ALIASES, KIND, CAMEO, NOTE, LINKS = range(8)
_TEXT_COLUMNS = (ID, NAME, NAME_BN, ALIASES, CAMEO, NOTE)


class ActorRegisterDialog(QDialog):
    """The register as an editable table; OK sends the changes as one action."""

    def __init__(self, store: Store, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Actor register"))
        self._store, self._controller = store, controller
        self._saved = {a.id: a for a in store.actors()}
        self._links = store.actor_link_counts()
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("filter by name, alias or id"))
        self.filter_edit.textChanged.connect(self._apply_filter)
        self.table = QTableWidget(0, 8)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Id"), self.tr("Name"), self.tr("Bengali name"),
             self.tr("Aliases (separated by |)"), self.tr("Kind"), self.tr("CAMEO"),
             self.tr("Note"), self.tr("Links")]
        )  # fmt: skip
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(ALIASES, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(NOTE, QHeaderView.ResizeMode.Stretch)
        for actor in self._saved.values():
            self._append(actor)
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.clicked.connect(lambda: self.add_actor())
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.import_button = QPushButton(self.tr("Import CSV…"))
        self.import_button.clicked.connect(lambda: self.import_csv())
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.clicked.connect(lambda: self.export_csv())
        for button in (self.add_button, self.delete_button, self.import_button,
                       self.export_button):  # fmt: skip
            button.setAutoDefault(False)
        self.message = QLabel()
        self.message.setObjectName("register_message")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        row = QHBoxLayout()
        for button in (self.add_button, self.delete_button, self.import_button,
                       self.export_button):  # fmt: skip
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(1000, 560)

    # -- rows ------------------------------------------------------------------------------

    def _append(self, actor: Actor) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self._fill(row, actor)
        return row

    def _fill(self, row: int, actor: Actor) -> None:
        cells = {ID: actor.id, NAME: actor.name, NAME_BN: actor.name_bn,
                 ALIASES: f" {ALIAS_SEPARATOR} ".join(actor.aliases), CAMEO: actor.cameo,
                 NOTE: actor.note}  # fmt: skip
        for column, text in cells.items():
            item = QTableWidgetItem(text)
            if column == ID and actor.id in self._saved:  # a stored actor keeps its id
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, column, item)
        kind = QComboBox()
        for value in ACTOR_KINDS:
            kind.addItem(value, value)
        kind.setCurrentIndex(max(0, kind.findData(actor.kind)))
        self.table.setCellWidget(row, KIND, kind)
        links = QTableWidgetItem(str(self._links.get(actor.id, 0)))
        links.setFlags(links.flags() & ~Qt.ItemFlag.ItemIsEditable)
        links.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.setItem(row, LINKS, links)

    def actor_at(self, row: int) -> Actor:
        """The actor as row `row` shows it."""
        text = {c: self.table.item(row, c).text().strip() for c in _TEXT_COLUMNS}
        aliases = [a.strip() for a in text[ALIASES].split(ALIAS_SEPARATOR) if a.strip()]
        kind = self.table.cellWidget(row, KIND)
        assert isinstance(kind, QComboBox)
        return Actor(text[ID], text[NAME], text[NAME_BN], aliases, kind.currentData(),
                     text[CAMEO], text[NOTE])  # fmt: skip

    def actors(self) -> list[Actor]:
        """Every actor the table shows, in its order."""
        return [self.actor_at(row) for row in range(self.table.rowCount())]

    def add_actor(self, actor: Actor | None = None) -> int:
        """Add a row (blank, or `actor`) and start editing its name; its row."""
        row = self._append(actor or Actor("", ""))
        self.table.setCurrentCell(row, NAME)
        self.table.editItem(self.table.item(row, NAME))
        return row

    def delete_selected(self) -> None:
        """Remove the selected rows (linked spans keep the id; the count is said)."""
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        linked = 0
        for row in rows:
            linked += self._links.get(self.table.item(row, ID).text().strip(), 0)
            self.table.removeRow(row)
        if linked:
            self.message.setText(
                self.tr("%Ln span(s) link to what was deleted; they keep its id.", "", linked)
            )

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for row in range(self.table.rowCount()):
            hay = " ".join(self.table.item(row, c).text() for c in (ID, NAME, NAME_BN, ALIASES))
            self.table.setRowHidden(row, bool(needle) and needle not in hay.casefold())

    # -- files -----------------------------------------------------------------------------

    def import_csv(self, path: str | None = None) -> int:
        """Read a register CSV file into the table (rows by id updated, others added); the
        changes are saved with OK. A bad file: one line, the table unchanged."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("Import actor register"), "", self.tr("CSV files (*.csv)")
            )
            if not path:
                return 0
        try:
            entries = read_register(path)
        except RegisterFileError as exc:
            self.message.setText(str(exc))
            return 0
        rows = {self.table.item(r, ID).text().strip(): r for r in range(self.table.rowCount())}
        for actor in entries:
            if actor.id in rows:
                self._fill(rows[actor.id], actor)
            else:
                rows[actor.id] = self._append(actor)
        self.message.setText(self.tr("%Ln actor(s) read; press OK to save them.", "", len(entries)))
        return len(entries)

    def export_csv(self, path: str | None = None) -> int:
        """Write the table's actors to a CSV file (whole or not at all)."""
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export actor register"), "actors.csv", self.tr("CSV files (*.csv)")
            )
            if not path:
                return 0
        try:
            count = write_register_file(path, self.actors())
        except OSError as exc:
            self.message.setText(
                self.tr("Cannot write {path}: {why}").format(path=path, why=exc.strerror or exc)
            )
            return 0
        self.message.setText(self.tr("%Ln actor(s) written.", "", count))
        return count

    # -- saving ----------------------------------------------------------------------------

    def save(self) -> None:
        """Send the changes as one `SaveActors`; a refusal is shown and the dialog stays."""
        shown = self.actors()
        ids = [a.id for a in shown]
        duplicate = next((i for i in ids if ids.count(i) > 1 and i), None)
        if duplicate:
            self.message.setText(self.tr("Two rows have the id {id}.").format(id=duplicate))
            return
        shown = [self._with_id(a) for a in shown]
        changed = [a for a in shown if self._saved.get(a.id) != a]
        removed = tuple(i for i in self._saved if i not in {a.id for a in shown})
        if not changed and not removed:
            self.accept()
            return
        if self._controller.apply(SaveActors(changed, removed)) is None:
            self.message.setText(self._controller.last_error)
            return
        self.accept()

    def _with_id(self, actor: Actor) -> Actor:
        """A new row without an id gets one made from its name."""
        if actor.id:
            return actor
        from annotator.frame_actions import new_actor_id  # noqa: PLC0415

        return Actor(**{**actor.__dict__, "id": new_actor_id(self._store, actor.name or
                                                              actor.name_bn)})  # fmt: skip
