"""The side panel of span-label buttons the annotator clicks to tag a selection."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from annotator.scheme import LabelDef

SWATCH = 18


def swatch_icon(color: str, size: int = SWATCH) -> QIcon:
    """A square icon filled with `color` (with a thin dark border)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(color))
    painter = QPainter(pixmap)
    painter.setPen(QColor(0, 0, 0, 90))
    painter.drawRect(0, 0, size - 1, size - 1)
    painter.end()
    return QIcon(pixmap)


def button_text(label: LabelDef) -> str:
    """'1  Troop deployment' with the Bengali name on a second line."""
    first = f"{label.shortcut}  {label.name}" if label.shortcut else label.name
    return f"{first}\n{label.name_bn}" if label.name_bn else first


class LabelPalette(QWidget):
    """One button per active span label (swatch, shortcut, English and Bengali name).

    Retired labels and document labels get no button. The window may disable the buttons
    while there is nothing selected to tag (`set_enabled_for_selection`); they start enabled.

    Signals:
        label_chosen(str): a label button was clicked; carries the label key.
    """

    label_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._labels: list[LabelDef] = []
        self._buttons: dict[str, QToolButton] = {}
        self._enabled = True
        self._inner = QWidget()
        self._column = QVBoxLayout(self._inner)
        self._column.setContentsMargins(4, 4, 4, 4)
        self._column.setSpacing(4)
        self._empty = QLabel(self.tr("No labels: add some in Edit ▸ Label scheme."))
        self._empty.setWordWrap(True)
        self._column.addWidget(self._empty)
        self._column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self._inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def set_labels(self, labels: list[LabelDef]) -> None:
        """Show a button for each non-retired span label, in the given order."""
        for button in self._buttons.values():
            self._column.removeWidget(button)
            button.deleteLater()
        self._buttons.clear()
        self._labels = [lab for lab in labels if not lab.retired and lab.kind == "span"]
        for position, label in enumerate(self._labels):
            button = QToolButton()
            button.setObjectName(f"label_{label.key}")
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            button.setIcon(swatch_icon(label.color))
            button.setIconSize(QSize(SWATCH, SWATCH))
            button.setText(button_text(label))
            button.setToolTip(label.guideline or label.display())
            button.setAutoRaise(False)
            button.setEnabled(self._enabled)
            button.clicked.connect(lambda _=False, key=label.key: self.label_chosen.emit(key))
            self._column.insertWidget(position, button)
            self._buttons[label.key] = button
        self._empty.setVisible(not self._labels)

    def labels(self) -> list[LabelDef]:
        """The labels that have a button, in order."""
        return list(self._labels)

    def button(self, key: str) -> QToolButton | None:
        """The button of label `key`, or None when it has none (retired, unknown)."""
        return self._buttons.get(key)

    def set_enabled_for_selection(self, enabled: bool) -> None:
        """Enable the buttons when there is text selected to tag, disable them otherwise."""
        self._enabled = enabled
        for button in self._buttons.values():
            button.setEnabled(enabled)

    def shortcut_map(self) -> dict[str, str]:
        """Digit -> label key for the labels that have a button and a shortcut."""
        return {lab.shortcut: lab.key for lab in self._labels if lab.shortcut}
