"""The find bar by the reading pane (Edit → Find in article…): a field, next/previous
buttons, "3 of 12", a close button. Not modal: the text stays readable and taggable."""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from annotator.keymap import FIND_COMMANDS
from annotator.ui.i18n import number
from annotator.ui.shortcuts import make_actions


class FindBar(QWidget):
    """The field and buttons of find in article; its keys (Enter, Shift+Enter, Esc) are the
    key map's FIND commands, bound to this bar.

    Signals:
        text_changed(str): the text to find changed.
        next_requested(), previous_requested(): go to the next / previous match.
        close_requested(): Esc or the close button.
    """

    text_changed = Signal(str)
    next_requested = Signal()
    previous_requested = Signal()
    close_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("find_bar")
        self.field = QLineEdit()
        self.field.setObjectName("find_field")
        self.field.setPlaceholderText(self.tr("Find in article…"))
        self.field.setClearButtonEnabled(True)
        self.field.addAction(qta.icon("fa5s.search"), QLineEdit.ActionPosition.LeadingPosition)
        self.field.textChanged.connect(self.text_changed)
        self.count_label = QLabel()
        self.count_label.setObjectName("find_count")
        slots = {
            "find.next": self.next_requested.emit,
            "find.previous": self.previous_requested.emit,
            "find.close": self.close_requested.emit,
        }
        self.key_actions: dict[str, QAction] = make_actions(FIND_COMMANDS, slots, self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count_label)
        for command_id in ("find.previous", "find.next", "find.close"):
            button = QToolButton()
            button.setDefaultAction(self.key_actions[command_id])
            button.setAutoRaise(True)
            layout.addWidget(button)

    def text(self) -> str:
        """The text to find, as typed."""
        return self.field.text()

    def set_count(self, current: int | None, total: int) -> None:
        """Show "3 of 12" (`current` counts from 0; None: no match is current yet), or that
        nothing matches; nothing while the field is empty."""
        if not self.field.text():
            self.count_label.clear()
        elif total == 0:
            self.count_label.setText(self.tr("No matches"))
        elif current is None:
            self.count_label.setText(self.tr("%Ln match(es)", "", total))
        else:
            self.count_label.setText(
                self.tr("{current} of {total}").format(
                    current=number(current + 1), total=number(total)
                )
            )

    def open(self) -> None:
        """Show the bar with its text selected and the field focused."""
        self.show()
        self.field.setFocus()
        self.field.selectAll()
