"""The label scheme dialog's fields for the selected label beside its guideline: its category
(claim, entity, neither: what frames are made of) and its CAMEO event code."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from annotator.scheme import CATEGORIES, LabelDef
from annotator.translatable import QT_TRANSLATE_NOOP

CATEGORY_NAMES = {
    "claim": QT_TRANSLATE_NOOP("LabelDetails", "Claim (heads a frame)"),
    "entity": QT_TRANSLATE_NOOP("LabelDetails", "Entity (fills a slot)"),
    "": QT_TRANSLATE_NOOP("LabelDetails", "Neither"),
}


class LabelDetails(QWidget):
    """Category and CAMEO code of one label.

    Signals:
        edited(str, str): the field ("category" or "cameo") and its new value.
    """

    edited = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.category_box = QComboBox()
        for category in CATEGORIES:
            self.category_box.addItem(self.tr(CATEGORY_NAMES[category]), category)
        self.category_box.activated.connect(
            lambda _i: self.edited.emit("category", self.category_box.currentData())
        )
        self.cameo_edit = QLineEdit()
        self.cameo_edit.setPlaceholderText(self.tr("e.g. 15 or 057"))
        self.cameo_edit.setMaximumWidth(140)
        self.cameo_edit.editingFinished.connect(
            lambda: self.edited.emit("cameo", self.cameo_edit.text().strip())
        )
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("Category:")))
        row.addWidget(self.category_box, 1)
        row.addWidget(QLabel(self.tr("CAMEO code:")))
        row.addWidget(self.cameo_edit)

    def show_label(self, label: LabelDef | None) -> None:
        """Show the selected label's values (disabled without one)."""
        with QSignalBlocker(self.category_box), QSignalBlocker(self.cameo_edit):
            index = self.category_box.findData(label.category if label else "")
            self.category_box.setCurrentIndex(max(0, index))
            self.cameo_edit.setText(label.cameo if label else "")
        self.setEnabled(label is not None)
