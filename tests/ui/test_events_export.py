"""Exporting the events CSV from the window: the file has a row per claim and the status
bar counts claim rows, not spans."""

from __future__ import annotations

import csv

from annotator.models import ArticleDraft
from annotator.store import Store

TEXT = "উত্তর কোরিয়া রাশিয়ায় সৈন্য পাঠিয়েছে।"


def test_events_export_counts_claim_rows(make_window, qtbot, tmp_path):
    store = Store(tmp_path / "project.db")
    [added] = store.add_articles([ArticleDraft(text=TEXT, title="t")])
    claim = store.add_span(added.id, "rahim", "troop_deployment", 24, 39)
    actor = store.add_span(added.id, "rahim", "actor", 0, 13)
    store.add_relation("rahim", "agent", claim.id, actor.id)
    window = make_window(store)
    out = tmp_path / "events.csv"
    window.export_dataset("events", out)
    with qtbot.waitSignal(window.export_runner.finished, timeout=20000) as blocker:
        pass
    assert blocker.args == [1]
    qtbot.waitUntil(lambda: "claim row" in window.statusBar().currentMessage())
    assert "Exported 1 claim row" in window.statusBar().currentMessage()
    with out.open(encoding="utf-8-sig", newline="") as f:
        [row] = list(csv.DictReader(f))
    assert (row["claim_text"], row["agent_names"]) == ("সৈন্য পাঠিয়েছে", "উত্তর কোরিয়া")
    store.close()
