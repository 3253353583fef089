"""`annotator actors list|import|export`: the register as CSV from the command line."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.store import Store

GOOD = (
    "id,name,name_bn,aliases,kind,cameo,note\n"
    "RUS,Russia,রাশিয়া,রুশ|Russian Federation,state,RUS,\n"
    "KIM,Kim Jong Un,কিম জং উন,কিম,person,PRK,=leader\n"
)


@pytest.fixture
def run(db_path):
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(cli, ["--db", str(db_path), *args], catch_exceptions=False)

    return invoke


def test_import_list_export_round_trip(run, tmp_path, db_path):
    source = tmp_path / "in.csv"
    source.write_text(GOOD, encoding="utf-8")
    result = run("actors", "import", str(source))
    assert result.exit_code == 0, result.output
    assert "2 actors added, 0 updated" in result.output
    listing = json.loads(run("actors", "list", "--json").output)
    assert [(a["id"], a["aliases"], a["links"]) for a in listing] == [
        ("KIM", ["কিম"], 0),
        ("RUS", ["রুশ", "Russian Federation"], 0),
    ]
    out = tmp_path / "out.csv"
    assert run("actors", "export", str(out)).exit_code == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a BOM for spreadsheets
    assert "'=leader" in raw.decode("utf-8-sig")  # no formula
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    again = run("actors", "import", str(out))
    assert "0 actors added, 2 updated" in again.output
    with Store(db_path) as store:
        assert store.actor("KIM").note == "=leader"


def test_a_bad_row_stores_nothing_and_names_the_row(run, tmp_path, db_path):
    source = tmp_path / "bad.csv"
    source.write_text(GOOD + "X1,Someone,,,planet,,\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--db", str(db_path), "actors", "import", str(source)])
    assert result.exit_code == 2
    assert "bad.csv row 4" in result.output and "kind must be one of" in result.output
    assert "Traceback" not in result.output
    assert "The register is empty." in run("actors", "list").output


def test_a_duplicate_id_is_refused(tmp_path, db_path):
    source = tmp_path / "dup.csv"
    source.write_text(GOOD + "RUS,Russia again,,,state,,\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--db", str(db_path), "actors", "import", str(source)])
    assert result.exit_code == 2
    assert "row 4: id 'RUS' already on row 2" in result.output
