"""AgreementDialog's Relations tab shows the hand-worked relation and actor-link figures."""

from __future__ import annotations

import pytest
from relation_project import build

from annotator.store import Store
from annotator.ui.dialogs.agreement_dialog import AgreementDialog


@pytest.fixture
def dialog(qtbot):
    with Store() as store:
        build(store)
        widget = AgreementDialog(store, a="A", b="B")
        qtbot.addWidget(widget)
        widget.show()
        qtbot.waitUntil(lambda: not widget.computing, timeout=20000)
        widget.all_check.setChecked(True)
        qtbot.waitUntil(lambda: not widget.computing, timeout=20000)
        yield widget


def test_relations_tab_has_f1_per_type_and_actor_links(dialog):
    view = dialog.relation_view
    assert dialog.tabs.indexOf(view) >= 0
    table = view.table
    rows = {
        table.item(r, 0).text(): [table.item(r, c).text() for c in range(1, table.columnCount())]
        for r in range(table.rowCount())
    }
    assert list(rows) == ["Overall", "Agent", "Target", "Location", "Time", "Attributed to"]
    assert rows["Agent"] == ["3", "0", "1", "1", "1", "1.000", "0.750", "0.857", "0.667"]
    assert rows["Target"][6] == "—"  # recall undefined
    assert rows["Overall"][7] == "0.667"
    assert "on 15 matched span" in view.matched_label.text()
    assert "same entry 2, different 1" in view.actor_label.text()


def test_the_json_report_from_the_dialog_has_the_relations(dialog, tmp_path):
    import json

    path = tmp_path / "r.json"
    assert dialog.save(path)
    assert json.loads(path.read_text(encoding="utf-8"))["relations"]["actors"]["spans"] == 5
