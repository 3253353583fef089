"""The export dialog: its choices become the format, path and filter of the export."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from annotator.formats import registry
from annotator.models import GOLD
from annotator.ui.dialogs.export_dialog import ExportDialog


def test_choices_make_the_filter(qtbot, tmp_path) -> None:
    dialog = ExportDialog(["mita", "rahim", GOLD], tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.fmt == "jsonl" and dialog.out == tmp_path / "claims.jsonl"
    assert dialog.export_filter().annotators == () and dialog.export_filter().status is None

    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("csv"))
    assert dialog.out == tmp_path / "claims.csv"
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("brat"))
    assert dialog.out == tmp_path / "claims"

    dialog.layer_combo.setCurrentIndex(dialog.layer_combo.findData("rahim"))
    QTest.mouseClick(dialog.done_check, Qt.MouseButton.LeftButton)
    flt = dialog.export_filter()
    assert flt.annotators == ("rahim",) and flt.status == "done"

    dialog.layer_combo.setCurrentIndex(dialog.layer_combo.findText("Gold (adjudicated)"))
    assert not dialog.done_check.isEnabled()
    assert dialog.export_filter().annotators == (GOLD,)
    assert dialog.export_filter().status is None


def test_the_dialog_lists_the_format_tables_written_formats(qtbot, tmp_path) -> None:
    dialog = ExportDialog(["mita"], tmp_path)
    qtbot.addWidget(dialog)
    combo = dialog.format_combo
    listed = [combo.itemData(i) for i in range(combo.count())]
    assert listed == list(registry.export_names())
    for i, name in enumerate(listed):
        assert combo.itemText(i) == registry.output_format(name).export_title
        combo.setCurrentIndex(i)
        ending = registry.output_format(name).export_extension
        assert dialog.out == tmp_path / f"claims{ending}"
