"""Help → Keyboard shortcuts: every key of the key map, with the scheme's label digits."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.keymap import (
    MENUS,
    SECTION_NOTES,
    SECTION_TITLES,
    LabelLike,
    help_sections,
    plain_title,
)
from annotator.ui.i18n import key_text as tr_key
from annotator.ui.screen import fit_to_screen
from annotator.ui.shortcuts import command_description, key_text


class ShortcutsDialog(QDialog):
    """A list of every keyed command by menu (`keymap.help_sections`): keys and what they do.

    It reads the key map when it opens, so the label keys are the scheme's of that moment.
    """

    def __init__(self, labels: Iterable[LabelLike], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Keys"), self.tr("Command")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        for heading, commands in help_sections(labels):
            title = plain_title(tr_key(MENUS.get(heading) or SECTION_TITLES[heading]))
            note = SECTION_NOTES.get(heading)
            text = self.tr("{section} — {note}").format(section=title, note=tr_key(note))
            section = QTreeWidgetItem(self.tree, [text if note else title])
            section.setData(0, Qt.ItemDataRole.UserRole, heading)
            section.setFirstColumnSpanned(True)
            font = section.font(0)
            font.setBold(True)
            section.setFont(0, font)
            for command in commands:
                QTreeWidgetItem(section, [key_text(command.keys), command_description(command)])
        self.tree.expandAll()
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        fit_to_screen(self, 720, 740)

    def rows(self) -> list[tuple[str, str, str]]:
        """What the list shows: (section, keys, command) per row, top to bottom."""
        found = []
        for i in range(self.tree.topLevelItemCount()):
            section = self.tree.topLevelItem(i)
            for j in range(section.childCount()):
                row = section.child(j)
                heading = section.data(0, Qt.ItemDataRole.UserRole)
                found.append((heading, row.text(0), row.text(1)))
        return found
