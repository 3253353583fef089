"""The File → Export dialog: format, which layer, which articles, and where to write."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from annotator.export import EXTENSIONS, ExportFilter
from annotator.formats.registry import OUTPUT_FORMATS, output_format
from annotator.models import GOLD

FORMAT_NAMES = {f.name: f.export_title for f in OUTPUT_FORMATS}  # from the format table
ALL_LAYERS = ""
MIN_WIDTH = 560  # pixels: room for a path in a user's home folder
PATH_WIDTH_CAP = 900  # the path field grows to show the whole path up to this width


class ExportDialog(QDialog):
    """Choose format, layer (everyone, one annotator, or gold), done-only, and the output path."""

    def __init__(self, layers: list[str], start_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export labelled dataset"))
        self.format_combo = QComboBox()
        for key, name in FORMAT_NAMES.items():
            self.format_combo.addItem(name, key)
        self.layer_combo = QComboBox()
        self.layer_combo.addItem(self.tr("All layers"), ALL_LAYERS)
        for name in layers:
            if name == GOLD:
                self.layer_combo.addItem(self.tr("Gold (adjudicated)"), GOLD)
            else:
                self.layer_combo.addItem(name, name)
        self.done_check = QCheckBox(self.tr("Only articles marked done"))
        self.done_check.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.path_edit = QLineEdit(str(start_dir / "claims.jsonl"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        self.format_combo.currentIndexChanged.connect(self._on_format_changed)
        self.layer_combo.currentIndexChanged.connect(
            lambda _i: self.done_check.setEnabled(self.layer_combo.currentData() != GOLD)
        )
        self.path_edit.textChanged.connect(self._show_path)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Format"), self.format_combo)
        form.addRow(self.tr("Layer"), self.layer_combo)
        form.addRow("", self.done_check)
        form.addRow(self.tr("Save to"), path_row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(MIN_WIDTH)
        self._show_path(self.path_edit.text())
        self.resize(max(MIN_WIDTH, self.sizeHint().width()), self.sizeHint().height())

    def _show_path(self, text: str) -> None:
        """Make the path field wide enough for the whole path (up to a cap; the tooltip
        always has it whole)."""
        needed = self.path_edit.fontMetrics().horizontalAdvance(text) + 24
        self.path_edit.setMinimumWidth(min(PATH_WIDTH_CAP, max(320, needed)))
        self.path_edit.setToolTip(text)

    @property
    def fmt(self) -> str:
        """The chosen format key."""
        return str(self.format_combo.currentData())

    @property
    def out(self) -> Path:
        """The chosen output path."""
        return Path(self.path_edit.text().strip()).expanduser()

    def export_filter(self) -> ExportFilter:
        """The filter the choices describe."""
        layer = str(self.layer_combo.currentData() or "")
        return ExportFilter(
            annotators=(layer,) if layer else (),
            status="done" if self.done_check.isChecked() and layer != GOLD else None,
        )

    def _on_format_changed(self) -> None:
        path = self.out
        suffix = EXTENSIONS.get(self.fmt, "")
        stem = path.stem if path.suffix else path.name
        self.path_edit.setText(str(path.with_name(stem + suffix)))

    def _browse(self) -> None:
        if output_format(self.fmt).to_folder:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export to"), str(self.out), self.tr("Zip (*.zip);;Folder (*)")
            )
        else:
            ext = EXTENSIONS.get(self.fmt, "")
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export to"), str(self.out), f"*{ext}"
            )
        if path:
            self.path_edit.setText(path)

    def _accept(self) -> None:
        if self.path_edit.text().strip():
            self.accept()
