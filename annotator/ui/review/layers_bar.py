"""The review window's top bar: the two layers compared (A and B), the reviewer, Close."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QSizePolicy, QToolBar, QWidget

from annotator.models import GOLD


class LayersBar(QToolBar):
    """Two layer choosers preset to the layers asked for (else the first two non-gold ones)
    and the reviewer's name; `add_trailing` puts a widget at the right end."""

    def __init__(
        self, layers: list[str], reviewer: str, layer_a: str | None, layer_b: str | None
    ) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("Layers"))
        self.setObjectName("review_layers")
        self.a_combo, self.b_combo = QComboBox(), QComboBox()
        for combo in (self.a_combo, self.b_combo):
            combo.addItems(layers)
            combo.setMinimumContentsLength(10)
        others = [name for name in layers if name != GOLD]
        self.a_combo.setCurrentText(layer_a or (others[0] if others else ""))
        default_b = next((n for n in layers if n != self.a_combo.currentText()), "")
        self.b_combo.setCurrentText(layer_b or default_b)
        self.addWidget(QLabel(self.tr(" A: ")))
        self.addWidget(self.a_combo)
        self.addWidget(QLabel(self.tr("  B: ")))
        self.addWidget(self.b_combo)
        self.addWidget(QLabel(self.tr("   reviewer: {name}").format(name=reviewer)))
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.addWidget(spacer)

    def add_trailing(self, widget: QWidget) -> None:
        """Put `widget` at the bar's right end (after the spacer)."""
        self.addWidget(widget)
