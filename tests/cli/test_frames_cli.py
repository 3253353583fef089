"""`annotator frames ID`: an article's claim frames, as text and JSON, per layer."""

from __future__ import annotations

import json

from click.testing import CliRunner

from annotator.actions import AddSpan
from annotator.cli import cli
from annotator.frame_actions import AddRelation
from annotator.models import ArticleDraft
from annotator.store import Store

TEXT = "😀 রাশিয়া খারকিভে সেনা পাঠিয়েছে।"


def _span(store: Store, annotator: str, word: str, label: str) -> int:
    start = TEXT.index(word)
    change = AddSpan(1, annotator, label, start, start + len(word)).apply(store)
    return change.span_ids[0]


def test_frames_as_text_and_json(db_path):
    with Store(db_path) as store:
        store.add_articles([ArticleDraft(text=TEXT, title="খবর")])
        for name in ("rahim", "mita"):
            store.add_annotator(name)
        claim = _span(store, "rahim", "সেনা পাঠিয়েছে", "troop_deployment")
        actor = _span(store, "rahim", "রাশিয়া", "actor")
        place = _span(store, "rahim", "খারকিভে", "place")
        AddRelation("rahim", "agent", claim, actor).apply(store)
        AddRelation("rahim", "location", claim, place).apply(store)
        _span(store, "mita", "সেনা পাঠিয়েছে", "troop_deployment")
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", str(db_path), "frames", "1", "--annotator", "rahim"])
    assert result.exit_code == 0, result.output
    assert "  agent:          রাশিয়া\n" in result.output
    assert "  target:         -\n" in result.output
    data = json.loads(runner.invoke(cli, ["--db", str(db_path), "frames", "1", "--json"]).output)
    assert [f["claim"]["annotator"] for f in data] == ["rahim", "mita"]
    agent = data[0]["slots"]["agent"][0]
    assert (agent["text"], agent["start"], agent["end"]) == ("রাশিয়া", 2, 9)
    assert data[0]["slots"]["location"][0]["text"] == "খারকিভে"
    assert all(not fillers for fillers in data[1]["slots"].values())
    missing = runner.invoke(cli, ["--db", str(db_path), "frames", "9"])
    assert missing.exit_code != 0 and "no article '9'" in missing.output
