"""The claim frame beside the reader: the shown claim's role slots (agent, target, location,
time, source, same event) and the spans filling each, as a list under the span panel.

Nothing here writes: filling a slot, removing a link and picking a filler are signals the
window turns into actions (`ui/window/frame_flow.py`)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.frames import Frame
from annotator.models import Span
from annotator.scheme import LabelDef
from annotator.ui.models.span_table_model import swatch

ROLE = Qt.ItemDataRole.UserRole
SLOT, FILLER = "slot", "filler"
_SHORT = 48


def clipped(text: str, limit: int = _SHORT) -> str:
    """One line of `text`, cut with an ellipsis past `limit` characters."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


class _SlotTree(QTreeWidget):
    """The slots and fillers; Delete on a filler asks to remove its link (before the window's
    Delete, which deletes the current span)."""

    remove_pressed = Signal()

    def event(self, event: QEvent) -> bool:  # noqa: D102 - Qt's
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Delete or Backspace on a filler: remove its link."""
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.remove_pressed.emit()
            return
        super().keyPressEvent(event)


class FramePanel(QGroupBox):
    """The shown claim's frame.

    Signals:
        filler_selected(int): make this span current (a filler was activated).
        filler_hovered(object): the span under the mouse in the list (an id, or None).
        remove_requested(int): remove this relation (the analyst's own).
        fill_requested(str): fill the slot of this relation type with the current span.
        pin_toggled(bool): keep this frame while other claims are selected (or stop).
    """

    filler_selected = Signal(int)
    filler_hovered = Signal(object)
    remove_requested = Signal(int)
    fill_requested = Signal(str)
    pin_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("frame_panel")
        self._frame: Frame | None = None
        self._labels: dict[str, LabelDef] = {}
        self._own = False
        self._can_fill = False
        self.claim_label = QLabel()
        self.claim_label.setWordWrap(True)
        self.tree = _SlotTree()
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setMouseTracking(True)
        self.tree.setUniformRowHeights(True)
        self.tree.itemEntered.connect(self._on_item_entered)
        self.tree.itemActivated.connect(self._on_item_activated)
        self.tree.currentItemChanged.connect(lambda *_a: self._update_buttons())
        self.tree.remove_pressed.connect(self._request_remove)
        self.tree.viewport().installEventFilter(self)
        self.fill_button = QPushButton()
        self.fill_button.setObjectName("frame_fill")
        self.fill_button.clicked.connect(self._request_fill)
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("frame_remove")
        self.remove_button.clicked.connect(self._request_remove)
        self.pin_check = QCheckBox()
        self.pin_check.setObjectName("frame_pin")
        self.pin_check.toggled.connect(self.pin_toggled)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.fill_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.pin_check)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.claim_label)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        """Captions in the interface language."""
        self.setTitle(self.tr("Claim frame"))
        self.fill_button.setText(self.tr("Fill slot with current span"))
        self.fill_button.setToolTip(
            self.tr("Select a slot, then an actor, place, source or date span (Ctrl+L)")
        )
        self.remove_button.setText(self.tr("Remove link"))
        self.pin_check.setText(self.tr("Keep this frame"))
        self.pin_check.setToolTip(
            self.tr("Keep showing this claim's frame while other claims are selected")
        )
        self._fill()

    # -- showing ---------------------------------------------------------------------------

    def set_labels(self, labels: list[LabelDef]) -> None:
        """The scheme's labels (names and colours of the fillers)."""
        self._labels = {label.key: label for label in labels}
        self._fill()

    def show_frame(self, frame: Frame | None, own: bool, can_fill: bool) -> None:
        """Show `frame` (None: no claim shown). `own`: the claim is the analyst's (its links
        may be edited); `can_fill`: the current span may fill one of its slots."""
        self._frame, self._own, self._can_fill = frame, own, can_fill
        self._fill()

    def frame(self) -> Frame | None:
        """The frame shown."""
        return self._frame

    def pinned(self) -> bool:
        """Whether the frame is kept while other claims are selected."""
        return self.pin_check.isChecked()

    def _label_name(self, key: str) -> str:
        label = self._labels.get(key)
        return label.display() if label else key

    def _fill(self) -> None:
        keep = self._current_key()
        self.tree.clear()
        frame = self._frame
        if frame is None:
            self.claim_label.setText(self.tr("Select a claim span to see its frame."))
            self._update_buttons()
            return
        claim = frame.claim
        self.claim_label.setText(
            self.tr("{label}: {text}").format(
                label=self._label_name(claim.label), text=clipped(claim.text, 80)
            )
        )
        for slot in frame.slots:
            kind = slot.kind
            item = QTreeWidgetItem([self._slot_text(kind.display(), len(slot.fillers))])
            item.setIcon(0, swatch(kind.color))
            item.setData(0, ROLE, (SLOT, kind.key))
            item.setToolTip(0, kind.guideline)
            self.tree.addTopLevelItem(item)
            for relation, span in slot.fillers:
                child = QTreeWidgetItem([self._filler_text(span)])
                child.setData(0, ROLE, (FILLER, relation.id, span.id if span else None))
                if span is not None:
                    child.setToolTip(0, span.text)
                item.addChild(child)
            item.setExpanded(True)
        self._restore(keep)
        self._update_buttons()

    def _slot_text(self, name: str, count: int) -> str:
        if not count:
            return self.tr("{slot}: (empty)").format(slot=name)
        return self.tr("{slot}: %Ln filled", "", count).format(slot=name)

    def _filler_text(self, span: Span | None) -> str:
        if span is None:
            return self.tr("(a span not in this project any more)")
        return self.tr("{text}  · {label}").format(
            text=clipped(span.text), label=self._label_name(span.label)
        )

    def _current_key(self) -> tuple | None:
        item = self.tree.currentItem()
        return item.data(0, ROLE) if item is not None else None

    def _restore(self, key: tuple | None) -> None:
        if key is None:
            return
        for item in self._items():
            if item.data(0, ROLE) == key:
                self.tree.setCurrentItem(item)
                return

    def _items(self) -> list[QTreeWidgetItem]:
        found = []
        for index in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(index)
            found.append(top)
            found.extend(top.child(i) for i in range(top.childCount()))
        return found

    # -- choosing --------------------------------------------------------------------------

    def slot_item(self, key: str) -> QTreeWidgetItem | None:
        """The list row of the slot of relation type `key`."""
        return next((i for i in self._items() if i.data(0, ROLE) == (SLOT, key)), None)

    def filler_items(self) -> list[QTreeWidgetItem]:
        """The rows of every filler, in list order."""
        return [i for i in self._items() if i.data(0, ROLE)[0] == FILLER]

    def current_slot(self) -> str | None:
        """The relation type of the chosen slot (or of the chosen filler's slot)."""
        item = self.tree.currentItem()
        if item is None:
            return None
        if item.data(0, ROLE)[0] == FILLER:
            item = item.parent()
        return item.data(0, ROLE)[1]

    def _update_buttons(self) -> None:
        data = self._current_key()
        self.fill_button.setEnabled(self._own and self._can_fill and data is not None)
        self.remove_button.setEnabled(self._own and data is not None and data[0] == FILLER)

    def _request_fill(self) -> None:
        key = self.current_slot()
        if key is not None and self._own:
            self.fill_requested.emit(key)

    def _request_remove(self) -> None:
        data = self._current_key()
        if data is not None and data[0] == FILLER and self._own:
            self.remove_requested.emit(data[1])

    def _on_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        """Enter or a double click: a filler becomes the current span; a slot is filled with
        the current span."""
        data = item.data(0, ROLE)
        if data[0] == FILLER and data[2] is not None:
            self.filler_selected.emit(data[2])
        elif data[0] == SLOT and self._own and self._can_fill:
            self.fill_requested.emit(data[1])

    def _on_item_entered(self, item: QTreeWidgetItem, _column: int) -> None:
        data = item.data(0, ROLE)
        self.filler_hovered.emit(data[2] if data[0] == FILLER else None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """The mouse leaving the list ends the hover highlight."""
        if watched is self.tree.viewport() and event.type() == QEvent.Type.Leave:
            self.filler_hovered.emit(None)
        return super().eventFilter(watched, event)
