"""The claim attributes of the span editor: polarity, modality, quote type (word choices
from `scheme.CLAIM_ATTRIBUTES`) and the event date (free text). Shown for claim spans only;
values are stored in the span's attrs under these names."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSignalBlocker
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QWidget

from annotator.models import Span
from annotator.scheme import CLAIM_ATTRIBUTES, EVENT_DATE
from annotator.ui.i18n import shown_attribute


class ClaimFields:
    """Two rows of a form (the three word choices side by side, then the event date), and
    reading and showing their values. A choice left blank shows the attribute's name."""

    def __init__(self, form: QFormLayout, changed: Callable[[], None]) -> None:
        self.boxes: dict[str, QComboBox] = {}
        choices = QWidget()
        row = QHBoxLayout(choices)
        row.setContentsMargins(0, 0, 0, 0)
        for name, values in CLAIM_ATTRIBUTES.items():
            box = QComboBox()
            box.setObjectName(name)
            box.addItem("—", "")
            for value in values:
                box.addItem(shown_attribute(value), value)
            box.activated.connect(lambda _i: changed())
            self.boxes[name] = box
            row.addWidget(box, 1)
        self.event_date_edit = QLineEdit()
        self.event_date_edit.setObjectName(EVENT_DATE)
        self.event_date_edit.editingFinished.connect(changed)
        self.rows: tuple[QWidget, ...] = (choices, self.event_date_edit)
        self.captions = [QLabel(), QLabel()]
        for caption, field in zip(self.captions, self.rows, strict=True):
            form.addRow(caption, field)
        self.retranslate()

    def retranslate(self) -> None:
        """Captions, choices and placeholder in the interface language."""
        self.captions[0].setText(QCoreApplication.translate("ClaimFields", "Claim"))
        self.captions[1].setText(QCoreApplication.translate("ClaimFields", "Event date"))
        for name, values in CLAIM_ATTRIBUTES.items():
            box = self.boxes[name]
            box.setItemText(
                0,
                QCoreApplication.translate("ClaimFields", "{name}: —").format(
                    name=shown_attribute(name)
                ),
            )
            box.setToolTip(shown_attribute(name))
            for index, value in enumerate(values, start=1):
                box.setItemText(index, shown_attribute(value))
        self.event_date_edit.setPlaceholderText(
            QCoreApplication.translate("ClaimFields", "when it happened, e.g. 2024-06-19")
        )

    def show(self, span: Span | None, claim: bool, editable: bool) -> None:
        """Show `span`'s values (rows visible only when `claim`), editable or not."""
        for caption, row in zip(self.captions, self.rows, strict=True):
            caption.setVisible(claim)
            row.setVisible(claim)
        for field in (*self.boxes.values(), self.event_date_edit):
            field.setEnabled(editable)
        for name, box in self.boxes.items():
            with QSignalBlocker(box):
                value = span.attrs.get(name, "") if span is not None else None
                box.setCurrentIndex(-1 if value is None else max(0, box.findData(value)))
        date = span.attrs.get(EVENT_DATE, "") if span is not None else ""
        self.event_date_edit.setText(str(date or ""))

    def values(self) -> list[tuple[str, str]]:
        """(attribute, value) as the fields show them; "" for a cleared one."""
        found = [(name, box.currentData() or "") for name, box in self.boxes.items()]
        return [*found, (EVENT_DATE, self.event_date_edit.text().strip())]
