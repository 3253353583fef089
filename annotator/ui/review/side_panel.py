"""The review window's side panel: legend, the item, ruling and navigation buttons, comments."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.keymap import command
from annotator.models import Comment
from annotator.review import KIND_COLORS, KIND_NAMES, KINDS
from annotator.scheme import LabelDef
from annotator.ui.i18n import number, translate
from annotator.ui.review.item_view import ItemView

RULING_BUTTONS = ("accept_a", "accept_b", "accept_both", "reject")
NAVIGATION_BUTTONS = ("previous", "next", "undo", "redo", "adjudicate")


class Legend(QWidget):
    """Colour key of the five kinds of regions, with their counts in the open article."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.labels: dict[str, QLabel] = {}
        for kind in KINDS:
            label = QLabel()
            label.setTextFormat(Qt.TextFormat.RichText)
            self.labels[kind] = label
            layout.addWidget(label)
        self.set_counts({})

    def set_counts(self, counts: dict[str, int]) -> None:
        """Show how many regions of each kind the article has."""
        for kind, label in self.labels.items():
            swatch = f'<span style="background:{KIND_COLORS[kind]}">&nbsp;&nbsp;&nbsp;&nbsp;</span>'
            name = translate("review", KIND_NAMES[kind])
            count = number(counts.get(kind, 0))
            label.setText(
                f"{swatch}&nbsp; " + self.tr("{kind}: {count}").format(kind=name, count=count)
            )


class SidePanel(QWidget):
    """Legend, position, the item, a button for each window action, the gold label for an
    edit, and the comments of the article with the box for a new one.

    `actions` are the window's (ruling, navigation, undo...): each button triggers one.
    """

    def __init__(self, actions: dict[str, QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.legend = Legend()
        self.position_label = QLabel()
        self.item_view = ItemView()
        self.gold_label = QComboBox()
        self.comment_list = QListWidget()
        self.comment_edit = QLineEdit()
        self.comment_edit.setPlaceholderText(self.tr("Comment on this disagreement… (Enter)"))
        self.buttons: dict[str, QPushButton] = {}

        form = QVBoxLayout(self)
        form.addWidget(QLabel(self.tr("<b>Legend</b> (ruled regions: underline only)")))
        form.addWidget(self.legend)
        form.addWidget(self.position_label)
        form.addWidget(self.item_view, 2)
        rulings = QHBoxLayout()
        for name in RULING_BUTTONS:
            button = self._button(name, actions[name])
            button.setToolTip(actions[name].toolTip())
            rulings.addWidget(button)
        form.addLayout(rulings)
        edit_row = QFormLayout()
        edit_button = QPushButton(
            self.tr("Edit ({key})").format(key=command("review.edit").keys[0])
        )
        edit_button.setToolTip(self.tr("Put the reader's selection into gold with this label"))
        edit_button.clicked.connect(actions["edit"].trigger)
        self.buttons["edit"] = edit_button
        edit_row.addRow(edit_button, self.gold_label)
        form.addLayout(edit_row)
        navigation = QHBoxLayout()
        for name in NAVIGATION_BUTTONS:
            navigation.addWidget(self._button(name, actions[name]))
        form.addLayout(navigation)
        form.addWidget(QLabel(self.tr("<b>Comments</b>")))
        form.addWidget(self.comment_list, 1)
        form.addWidget(self.comment_edit)

    def _button(self, name: str, action: QAction) -> QPushButton:
        button = QPushButton(action.icon(), action.text().replace("&", ""))
        button.clicked.connect(action.trigger)
        self.buttons[name] = button
        return button

    def set_gold_labels(self, labels: dict[str, LabelDef]) -> None:
        """Offer the span labels for an edit, keeping the one chosen if it is still there."""
        chosen = self.gold_label.currentData()
        blocker = QSignalBlocker(self.gold_label)
        self.gold_label.clear()
        for key, label in labels.items():
            if label.kind == "span":
                self.gold_label.addItem(f"{label.name} ({key})", key)
        self.gold_label.setCurrentIndex(max(0, self.gold_label.findData(chosen)))
        del blocker

    def choose_gold_label(self, key: str) -> None:
        """Preselect a label for an edit (if the scheme has it)."""
        index = self.gold_label.findData(key)
        if index >= 0:
            self.gold_label.setCurrentIndex(index)

    def show_comments(self, comments: list[Comment], text: str) -> None:
        """List an article's comments with the stretch of `text` each is about."""
        self.comment_list.clear()
        for comment in comments:
            snippet = text[comment.start : comment.end]
            entry = QListWidgetItem(f"{comment.author}: {comment.body}  [«{snippet[:30]}»]")
            entry.setData(Qt.ItemDataRole.UserRole, comment.id)
            self.comment_list.addItem(entry)
