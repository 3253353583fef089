"""The side panel of span-label buttons the annotator clicks to tag a selection."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
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
from annotator.ui.widgets.guideline_view import GuidelineView

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
    """One button per active span label (swatch, shortcut, English and Bengali name), and
    under them the guideline of the label pointed at (hovered or focused) or else of the
    current span's label (`set_current_label`).

    Retired labels and document labels get no button. The window may disable the buttons
    while there is nothing selected to tag (`set_enabled_for_selection`); they start enabled.

    Signals:
        label_chosen(str): a label button was clicked; carries the label key.
    """

    label_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._labels: list[LabelDef] = []
        self._known: dict[str, LabelDef] = {}  # every label given, retired ones too
        self._current: str | None = None  # the current span's label
        self._pointed: str | None = None  # the button under the mouse or with focus
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
        self.guideline = GuidelineView()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll, 1)
        outer.addWidget(self.guideline)

    def set_labels(self, labels: list[LabelDef]) -> None:
        """Show a button for each non-retired span label, in the given order."""
        for button in self._buttons.values():
            self._column.removeWidget(button)
            button.deleteLater()
        self._buttons.clear()
        self._pointed = None
        self._known = {lab.key: lab for lab in labels}
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
            button.installEventFilter(self)
            self._column.insertWidget(position, button)
            self._buttons[label.key] = button
        self._empty.setVisible(not self._labels)
        self._show_guideline()

    def set_current_label(self, key: str | None) -> None:
        """The current span's label (None: no span): its guideline shows while no button is
        pointed at."""
        self._current = key
        self._show_guideline()

    def _show_guideline(self) -> None:
        key = self._pointed or self._current
        self.guideline.show_label(self._known.get(key) if key else None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """A button hovered or focused shows its label's guideline; leaving goes back to the
        current span's."""
        kind = event.type()
        key = next((k for k, b in self._buttons.items() if b is watched), None)
        if key is not None:
            if kind in (QEvent.Type.Enter, QEvent.Type.FocusIn):
                self._pointed = key
                self._show_guideline()
            elif kind in (QEvent.Type.Leave, QEvent.Type.FocusOut) and self._pointed == key:
                self._pointed = None
                self._show_guideline()
        return super().eventFilter(watched, event)

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
