"""The dialog that edits the project's label scheme and saves it as one undoable action."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.actions import SaveScheme
from annotator.relation_scheme import validate_relation_types
from annotator.scheme import (
    PALETTE,
    PRESETS,
    LabelDef,
    SchemeError,
    make_key,
    merge_labels,
    preset_path,
    read_scheme_document,
    save_scheme_file,
    validate,
)
from annotator.store import Store
from annotator.translatable import QT_TRANSLATE_NOOP
from annotator.ui.controller import Controller
from annotator.ui.dialogs.label_details import LabelDetails
from annotator.ui.dialogs.relation_types_editor import RelationTypesEditor
from annotator.ui.i18n import number
from annotator.ui.widgets.label_palette import swatch_icon

NAME, NAME_BN, COLOR, SHORTCUT, RETIRED, SPANS = range(6)
HEADERS = (
    QT_TRANSLATE_NOOP("LabelSchemeDialog", "Name"),
    QT_TRANSLATE_NOOP("LabelSchemeDialog", "Bengali name"),
    QT_TRANSLATE_NOOP("LabelSchemeDialog", "Colour"),
    QT_TRANSLATE_NOOP("LabelSchemeDialog", "Key"),
    QT_TRANSLATE_NOOP("LabelSchemeDialog", "Retired"),
    QT_TRANSLATE_NOOP("LabelSchemeDialog", "Spans"),
)
FILE_FILTER = QT_TRANSLATE_NOOP("LabelSchemeDialog", "Label schemes (*.json);;All files (*)")
_KEY_ROLE = Qt.ItemDataRole.UserRole


class LabelSchemeDialog(QDialog):
    """Edit names, colours, shortcut keys, guidelines and retirement of the store's labels.

    Edits stay in the dialog until OK, which sends every label as one `actions.SaveScheme`
    through `controller` (the main window's, so its Ctrl+Z puts the old scheme back); a
    `SchemeError` (e.g. two labels on one key) is shown inline and the dialog stays open.
    Labels are never deleted, only retired, so spans always keep their label. A stored label's
    key never changes; a label added in this dialog takes its key from its name.
    Every button has a method (`add_label`, `set_color`, `import_file`, ...) that tests and
    scripts can call without modal dialogs.

    Signals:
        Only QDialog's own (accepted after the scheme was saved, rejected).
    """

    def __init__(
        self, store: Store, parent: QWidget | None = None, controller: Controller | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Label scheme"))
        self.resize(760, 520)
        self._store = store
        self._controller = controller if controller is not None else Controller(store, "", self)
        self._labels: list[LabelDef] = [replace(label) for label in store.labels()]
        self._stored_keys = {label.key for label in self._labels}
        self._usage = store.label_usage()
        self._filling = False

        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels([self.tr(h) for h in HEADERS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(NAME_BN, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._on_table_item_changed)
        self.table.itemDoubleClicked.connect(self._on_table_item_double_clicked)
        self.table.currentCellChanged.connect(lambda *_: self._on_table_current_changed())

        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.clicked.connect(self._on_add_clicked)
        self.color_button = QPushButton(self.tr("Edit colour…"))
        self.color_button.clicked.connect(self._on_color_clicked)
        self.retire_button = QPushButton(self.tr("Retire"))
        self.retire_button.clicked.connect(self._on_retire_clicked)
        self.import_button = QPushButton(self.tr("Import scheme file…"))
        self.import_button.clicked.connect(self._on_import_clicked)
        self.export_button = QPushButton(self.tr("Export scheme file…"))
        self.export_button.clicked.connect(self._on_export_clicked)
        self.preset_button = QPushButton(self.tr("Load preset"))
        presets = QMenu(self.preset_button)
        for name in PRESETS:
            presets.addAction(name, lambda n=name: self.load_preset(n))
        self.preset_button.setMenu(presets)
        row = QHBoxLayout()
        for button in (self.add_button, self.color_button, self.retire_button):
            row.addWidget(button)
        row.addStretch(1)
        for button in (self.preset_button, self.import_button, self.export_button):
            row.addWidget(button)

        self.guideline_edit = QPlainTextEdit()
        self.guideline_edit.setPlaceholderText(
            self.tr("Guideline for the selected label (its tooltip)")
        )
        self.guideline_edit.setMaximumHeight(110)
        self.guideline_edit.textChanged.connect(self._on_guideline_changed)
        self.details = LabelDetails()
        self.details.edited.connect(self._on_detail_edited)
        self.relation_editor = RelationTypesEditor(store.relation_types())
        self.relation_editor.set_labels(self._labels)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        labels_tab = QWidget()
        tab = QVBoxLayout(labels_tab)
        tab.addWidget(self.table, 1)
        tab.addWidget(self.details)
        tab.addWidget(QLabel(self.tr("Guideline:")))
        tab.addWidget(self.guideline_edit)
        self.tabs = QTabWidget()
        self.tabs.addTab(labels_tab, self.tr("Labels"))
        self.tabs.addTab(self.relation_editor, self.tr("Relation types"))
        self.tabs.currentChanged.connect(lambda _i: self.relation_editor.set_labels(self.labels()))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        self._fill_table()
        if self._labels:
            self.table.setCurrentCell(0, NAME)
        self._on_table_current_changed()

    # -- the edited scheme -----------------------------------------------------------------

    def labels(self) -> list[LabelDef]:
        """The scheme as edited so far (copies, positions in table order)."""
        return [replace(label, position=i) for i, label in enumerate(self._labels)]

    def add_label(
        self,
        name: str,
        name_bn: str = "",
        color: str | None = None,
        shortcut: str | None = None,
        kind: str = "span",
    ) -> str:
        """Append a new label and return its key (from the name, made unique)."""
        key = self._unique_key(make_key(name))
        used = {label.color.lower() for label in self._labels}
        color = color or next(
            (c for c in PALETTE if c.lower() not in used),
            PALETTE[len(self._labels) % len(PALETTE)],
        )
        label = LabelDef(
            key=key, name=name.strip(), name_bn=name_bn.strip(), color=color,
            shortcut=shortcut, position=len(self._labels), kind=kind,
        )  # fmt: skip
        self._labels.append(label)
        self._fill_table()
        self.table.setCurrentCell(len(self._labels) - 1, NAME)
        self._check()
        return key

    def rename(self, key: str, name: str, name_bn: str | None = None) -> str:
        """Change a label's names; returns its key (a label added here follows its name)."""
        label = self._label(key)
        label.name = name.strip()
        if name_bn is not None:
            label.name_bn = name_bn.strip()
        if key not in self._stored_keys and label.name:
            try:
                label.key = self._unique_key(make_key(label.name), ignore=label)
            except SchemeError:
                pass  # no letters yet: keep the old key, validation reports the name
        self._fill_row(self._labels.index(label))
        self._check()
        return label.key

    def set_color(self, key: str, color: str) -> None:
        """Give a label a new colour ('#RRGGBB')."""
        label = self._label(key)
        label.color = color
        self._fill_row(self._labels.index(label))
        self._check()

    def set_shortcut(self, key: str, digit: str | None) -> None:
        """Give a label the shortcut key 1-9 (None: no shortcut); clashes show at once."""
        label = self._label(key)
        label.shortcut = digit or None
        self._fill_row(self._labels.index(label))
        self._check()

    def set_retired(self, key: str, retired: bool) -> None:
        """Retire a label (no button, no new spans; old spans keep it) or bring it back."""
        label = self._label(key)
        label.retired = retired
        self._fill_row(self._labels.index(label))
        self._update_buttons()
        self._check()

    def set_guideline(self, key: str, text: str) -> None:
        """Replace a label's guideline text."""
        label = self._label(key)
        label.guideline = text
        if self._current() is label and self.guideline_edit.toPlainText() != text:
            self._show_guideline(label)

    def import_file(self, path: str | os.PathLike[str]) -> bool:
        """Merge a scheme file (labels and relation types) into the edited scheme: same key
        updates, new keys append (`scheme.merge_labels`).

        Labels missing from the file are kept; where the file takes a shortcut key, a kept
        label loses it. On error the reason is shown and nothing changes (returns False).
        """
        try:
            document = read_scheme_document(path)
        except SchemeError as exc:
            self._show_error(str(exc))
            return False
        incoming = document.labels
        self._labels, new = merge_labels(self._labels, incoming)
        self.relation_editor.merge(document.relations)
        self.relation_editor.set_labels(self.labels())
        self._fill_table()
        self._on_table_current_changed()
        if self._check():
            self._show_info(
                self.tr(
                    "Imported %n label(s) from {file}: {new} new, {updated} updated.",
                    "",
                    len(incoming),
                ).format(file=Path(path).name, new=number(new), updated=number(len(incoming) - new))
            )
        return True

    def load_preset(self, name: str) -> bool:
        """Merge a bundled scheme (`scheme.PRESETS`: the default five claim labels, or the
        CAMEO-coded one) into the edited scheme, as an import of its file."""
        return self.import_file(preset_path(name))

    def export_file(self, path: str | os.PathLike[str]) -> bool:
        """Write the edited scheme to a scheme file; False (reason shown) when it cannot."""
        try:
            labels = self.labels()
            validate(labels)
            save_scheme_file(labels, path, self.relation_editor.types())
        except (SchemeError, OSError) as exc:
            self._show_error(str(exc))
            return False
        self._show_info(
            self.tr("Exported %n label(s) to {file}.", "", len(labels)).format(file=Path(path).name)
        )
        return True

    def error_text(self) -> str:
        """The message line as shown ('' when there is nothing to report)."""
        return self.message.text()

    def accept(self) -> None:
        """Save every label as one undoable action (none when nothing changed); stay open on
        a SchemeError or a failed save."""
        labels, types = self.labels(), self.relation_editor.types()
        try:
            validate(labels)
            validate_relation_types(types, {label.key for label in labels})
        except SchemeError as exc:
            self._show_error(self.tr("Not saved: {reason}").format(reason=exc))
            return
        same = labels == self._store.labels() and types == self._store.relation_types()
        if not same and self._controller.apply(SaveScheme(labels, types)) is None:
            self._show_error(
                self.tr("Not saved: {reason}").format(reason=self._controller.last_error)
            )
            return
        super().accept()

    # -- helpers ---------------------------------------------------------------------------

    def _label(self, key: str) -> LabelDef:
        for label in self._labels:
            if label.key == key:
                return label
        raise KeyError(f"no label {key!r}")

    def _unique_key(self, base: str, ignore: LabelDef | None = None) -> str:
        keys = {label.key for label in self._labels if label is not ignore}
        key, n = base, 2
        while key in keys:
            key, n = f"{base}_{n}", n + 1
        return key

    def _current(self) -> LabelDef | None:
        row = self.table.currentRow()
        return self._labels[row] if 0 <= row < len(self._labels) else None

    def _check(self) -> bool:
        try:
            validate(self.labels())
        except SchemeError as exc:
            self._show_error(str(exc))
            return False
        self._show_info("")
        return True

    def _show_error(self, text: str) -> None:
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText(text)

    def _show_info(self, text: str) -> None:
        self.message.setStyleSheet("")
        self.message.setText(text)

    def _fill_table(self) -> None:
        self._filling = True
        try:
            self.table.setRowCount(len(self._labels))
            for row in range(len(self._labels)):
                self._fill_row(row)
        finally:
            self._filling = False

    def _fill_row(self, row: int) -> None:
        label = self._labels[row]
        was_filling, self._filling = self._filling, True
        try:
            muted = QBrush(self.palette().color(QPalette.ColorRole.PlaceholderText))
            cells = {
                NAME: label.name,
                NAME_BN: label.name_bn,
                COLOR: label.color,
                SHORTCUT: label.shortcut or "",
                RETIRED: "",
                SPANS: number(self._usage.get(label.key, 0)),
            }
            for column, text in cells.items():
                item = self.table.item(row, column)
                if item is None:
                    item = QTableWidgetItem()
                    self.table.setItem(row, column, item)
                item.setText(text)
                item.setData(_KEY_ROLE, label.key)
                flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                if column in (NAME, NAME_BN, SHORTCUT):
                    flags |= Qt.ItemFlag.ItemIsEditable
                if column == RETIRED:
                    flags |= Qt.ItemFlag.ItemIsUserCheckable
                item.setFlags(flags)
                if label.retired and column in (NAME, NAME_BN):
                    item.setForeground(muted)
                else:
                    item.setData(Qt.ItemDataRole.ForegroundRole, None)
            tip = (
                self.tr("key: {key} (document label)")
                if label.kind == "doc"
                else self.tr("key: {key}")
            )
            self.table.item(row, NAME).setToolTip(tip.format(key=label.key))
            self.table.item(row, COLOR).setIcon(swatch_icon(label.color))
            self.table.item(row, RETIRED).setCheckState(
                Qt.CheckState.Checked if label.retired else Qt.CheckState.Unchecked
            )
            self.table.item(row, SPANS).setTextAlignment(
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
        finally:
            self._filling = was_filling

    def _show_guideline(self, label: LabelDef | None) -> None:
        self.guideline_edit.blockSignals(True)
        self.guideline_edit.setPlainText(label.guideline if label else "")
        self.guideline_edit.blockSignals(False)
        self.guideline_edit.setEnabled(label is not None)

    def _update_buttons(self) -> None:
        label = self._current()
        self.color_button.setEnabled(label is not None)
        self.retire_button.setEnabled(label is not None)
        self.retire_button.setText(
            self.tr("Unretire") if label is not None and label.retired else self.tr("Retire")
        )

    # -- slots -----------------------------------------------------------------------------

    def _on_table_current_changed(self) -> None:
        self._show_guideline(self._current())
        self.details.show_label(self._current())
        self._update_buttons()

    def _on_table_item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        key, column = str(item.data(_KEY_ROLE)), item.column()
        if column == NAME:
            self.rename(key, item.text())
        elif column == NAME_BN:
            self.rename(key, self._label(key).name, item.text())
        elif column == SHORTCUT:
            self._on_shortcut_typed(key, item.text().strip())
        elif column == RETIRED:
            self.set_retired(key, item.checkState() == Qt.CheckState.Checked)

    def _on_shortcut_typed(self, key: str, text: str) -> None:
        if not text:
            self.set_shortcut(key, None)
            return
        try:
            digit = str(int(text))  # int() also reads Bengali digits: '৩' -> 3
        except ValueError:
            digit = ""
        if len(text) == 1 and digit in tuple("123456789"):
            self.set_shortcut(key, digit)
        else:
            self._fill_row(self._labels.index(self._label(key)))
            self._show_error(
                self.tr("Key must be a digit 1-9 or empty, not {text}.").format(text=repr(text))
            )

    def _on_table_item_double_clicked(self, item: QTableWidgetItem) -> None:
        if item.column() == COLOR:
            self._on_color_clicked()

    def _on_detail_edited(self, name: str, value: str) -> None:
        label = self._current()
        if label is not None:
            setattr(label, name, value)
            self._check()

    def _on_guideline_changed(self) -> None:
        label = self._current()
        if label is not None:
            label.guideline = self.guideline_edit.toPlainText()

    def _on_add_clicked(self) -> None:
        names = {label.name for label in self._labels}
        name, n = self.tr("New label"), 2
        while name in names:
            name, n = self.tr("New label {n}").format(n=n), n + 1
        self.add_label(name)
        self.table.editItem(self.table.item(len(self._labels) - 1, NAME))

    def _on_color_clicked(self) -> None:
        label = self._current()
        if label is None:
            return
        color = QColorDialog.getColor(
            QColor(label.color), self, self.tr("Colour of {label}").format(label=label.name)
        )
        if color.isValid():
            self.set_color(label.key, color.name())

    def _on_retire_clicked(self) -> None:
        label = self._current()
        if label is not None:
            self.set_retired(label.key, not label.retired)

    def _on_import_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import label scheme"), "", self.tr(FILE_FILTER)
        )
        if path:
            self.import_file(path)

    def _on_export_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export label scheme"), "labels.json", self.tr(FILE_FILTER)
        )
        if path:
            self.export_file(path)
