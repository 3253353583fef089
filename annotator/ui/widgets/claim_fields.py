"""The claim attributes of the span editor: polarity, modality, quote type (word choices
from `scheme.CLAIM_ATTRIBUTES`) and the event date (free text). Shown for claim spans only;
values are stored in the span's attrs under these names."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSignalBlocker
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from annotator.models import Span
from annotator.scheme import CLAIM_ATTRIBUTES, EVENT_DATE
from annotator.ui.i18n import shown_attribute

_CONTEXT = "ClaimFields"


class ClaimFields:
    """The four claim-attribute rows of a form, and reading and showing their values."""

    def __init__(self, form: QFormLayout, changed: Callable[[], None]) -> None:
        self.boxes: dict[str, QComboBox] = {}
        for name, values in CLAIM_ATTRIBUTES.items():
            box = QComboBox()
            box.setObjectName(name)
            box.addItem("—", "")
            for value in values:
                box.addItem(shown_attribute(value), value)
            box.activated.connect(lambda _i: changed())
            self.boxes[name] = box
        self.event_date_edit = QLineEdit()
        self.event_date_edit.setObjectName(EVENT_DATE)
        self.event_date_edit.editingFinished.connect(changed)
        self.fields: tuple[QWidget, ...] = (*self.boxes.values(), self.event_date_edit)
        self.captions = [QLabel() for _ in self.fields]
        for caption, field in zip(self.captions, self.fields, strict=True):
            form.addRow(caption, field)
        self.retranslate()

    def retranslate(self) -> None:
        """Captions, choices and placeholder in the interface language."""
        tr = QCoreApplication.translate
        names = (tr(_CONTEXT, "Polarity"), tr(_CONTEXT, "Modality"), tr(_CONTEXT, "Quote"),
                 tr(_CONTEXT, "Event date"))  # fmt: skip
        for caption, text in zip(self.captions, names, strict=True):
            caption.setText(text)
        for name, values in CLAIM_ATTRIBUTES.items():
            for index, value in enumerate(values, start=1):
                self.boxes[name].setItemText(index, shown_attribute(value))
        self.event_date_edit.setPlaceholderText(tr(_CONTEXT, "when it happened, e.g. 2024-06-19"))

    def show(self, span: Span | None, claim: bool, editable: bool) -> None:
        """Show `span`'s values (rows visible only when `claim`), editable or not."""
        for caption, field in zip(self.captions, self.fields, strict=True):
            caption.setVisible(claim)
            field.setVisible(claim)
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
