"""Help → Guidelines…: the project's label scheme with each label's guideline, readable
(the bundled Bengali font, so conjuncts and vowel signs shape)."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from annotator.scheme import LabelDef
from annotator.ui.fonts import reading_font
from annotator.ui.screen import fit_to_screen


class GuidelinesDialog(QDialog):
    """Every label (span labels, then document labels, then retired ones) with its colour,
    key, English and Bengali names and its guideline."""

    def __init__(self, labels: list[LabelDef], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Labelling guidelines"))
        self._labels = sorted(labels, key=lambda lab: (lab.retired, lab.kind != "span",
                                                       lab.position, lab.key))  # fmt: skip
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setFont(reading_font(12.0))
        self.browser.setHtml(self._html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        fit_to_screen(self, 720, 640)

    def entries(self) -> list[tuple[str, str]]:
        """What the dialog lists: (label name, guideline) per label, top to bottom."""
        return [(label.name, label.guideline) for label in self._labels]

    def _html(self) -> str:
        if not self._labels:
            return f"<p>{escape(self.tr('This project has no labels yet.'))}</p>"
        parts = []
        for label in self._labels:
            notes = []
            if label.shortcut:
                notes.append(self.tr("key %1").replace("%1", label.shortcut))
            if label.kind == "doc":
                notes.append(self.tr("document label"))
            if label.retired:
                notes.append(self.tr("retired"))
            swatch = (f'<span style="background-color:{escape(label.color)}">'
                      "&nbsp;&nbsp;&nbsp;&nbsp;</span>")  # fmt: skip
            bengali = f" · {escape(label.name_bn)}" if label.name_bn else ""
            extra = f" <small>({escape(', '.join(notes))})</small>" if notes else ""
            guideline = label.guideline.strip() or self.tr("No guideline written yet.")
            parts.append(
                f"<h3>{swatch} {escape(label.name)}{bengali}{extra}</h3><p>{escape(guideline)}</p>"
            )
        return "".join(parts)
