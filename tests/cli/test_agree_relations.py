"""`annotator agree` reports relation F1 per type and actor-link agreement (text and JSON)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from relation_project import build

from annotator.cli import cli
from annotator.store import Store


@pytest.fixture
def db(db_path):
    with Store(db_path) as store:
        build(store)
    return db_path


def run(db, *args):
    return CliRunner().invoke(cli, ["--db", str(db), "agree", *args], catch_exceptions=False)


def test_json_holds_the_hand_worked_relation_figures(db):
    result = run(db, "--a", "A", "--b", "B", "--all", "--json")
    assert result.exit_code == 0, result.output
    relations = json.loads(result.output)["relations"]
    assert relations["matched_spans"] == 15
    assert relations["overall"]["f1"] == pytest.approx(2 / 3)
    assert relations["overall"]["a_unmatched"] == 1
    assert relations["per_type"]["agent"]["f1"] == pytest.approx(6 / 7)
    assert relations["per_type"]["target"]["recall"] is None
    assert relations["actors"]["same"] == 2
    assert relations["actors"]["kappa"] == pytest.approx(7 / 22)


def test_text_output_has_a_relation_table_and_actor_links(db):
    result = run(db, "--a", "A", "--b", "B", "--all")
    assert result.exit_code == 0, result.output
    assert "Relations on 15 matched spans" in result.output
    agent = next(line for line in result.output.splitlines() if "agent" in line)
    assert "0.857" in agent and "1/1" in agent
    assert "Actor links on 5 matched actor spans: same 2" in result.output


@pytest.mark.parametrize("suffix", ["csv", "html", "json"])
def test_reports_carry_the_relation_sections(db, tmp_path, suffix):
    out = tmp_path / f"report.{suffix}"
    result = run(db, "--a", "A", "--b", "B", "--all", "--out", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_bytes().decode("utf-8-sig")
    if suffix == "csv":
        assert "\r\nrelations\r\n" in text and "\r\nactor_links\r\n" in text
        assert "type,agent,3,0,1,1,1,1.0,0.75,0.857143,0.666667" in text
    elif suffix == "html":
        assert "Relations (on matched spans)" in text and "Actor links" in text
    else:
        assert json.loads(text)["relations"]["per_type"]["time"]["precision"] == 0.5
