"""A small read-only text area that shows one label's guideline (beside the label palette)."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from annotator.scheme import LabelDef
from annotator.ui.fonts import reading_font


class GuidelineView(QWidget):
    """The guideline of the label being pointed at or of the current span; says so when
    there is neither (`show_label(None)`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = QTextBrowser()
        self.browser.setObjectName("guideline_text")
        self.browser.setFont(reading_font(10.5))
        self.browser.setMaximumHeight(64)
        self.browser.setOpenLinks(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 4)
        layout.addWidget(self.browser)
        self._label: LabelDef | None = None
        self.show_label(None)

    def show_label(self, label: LabelDef | None) -> None:
        """Show `label`'s name and guideline, or the empty state for None."""
        self._label = label
        if label is None:
            self.browser.setHtml(
                "<i>" + escape(self.tr("No span selected: select a span or point at a label "
                                       "to read its guideline.")) + "</i>"
            )  # fmt: skip
            return
        bengali = f" · {escape(label.name_bn)}" if label.name_bn else ""
        guideline = label.guideline.strip() or self.tr("No guideline written for this label.")
        self.browser.setHtml(f"<b>{escape(label.name)}{bengali}</b><br>{escape(guideline)}")

    def label(self) -> LabelDef | None:
        """The label shown, or None for the empty state."""
        return self._label

    def text(self) -> str:
        """What the area shows, as plain text."""
        return self.browser.toPlainText()
