"""`annotator scheme`: show the scheme, merge the CAMEO preset or a file, export it."""

from __future__ import annotations

import json

from click.testing import CliRunner

from annotator.cli import cli
from annotator.store import Store


def _run(db_path, *args):
    return CliRunner().invoke(cli, ["--db", str(db_path), "scheme", *args])


def test_preset_export_and_a_bad_file(db_path, tmp_path):
    Store(db_path).close()
    shown = _run(db_path)
    assert shown.exit_code == 0 and "agent" in shown.output and "CAMEO" not in shown.output
    merged = _run(db_path, "--preset", "cameo")
    assert merged.exit_code == 0, merged.output
    assert "merged from cameo.json" in merged.output
    with Store(db_path) as store:
        assert {x.key: x.cameo for x in store.labels()}["treaty"] == "057"
    out = tmp_path / "scheme.json"
    assert _run(db_path, "--export", str(out)).exit_code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {r["key"] for r in data["relations"]} >= {"agent", "same_event"}
    bad = tmp_path / "bad.json"
    bad.write_text('{"labels": [{"key": "x", "name": ""}]}', encoding="utf-8")
    refused = _run(db_path, "--load", str(bad))
    assert refused.exit_code == 1 and refused.output.startswith("Error: ")
    assert len(refused.output.strip().splitlines()) == 1
    with Store(db_path) as store:
        assert "x" not in {x.key for x in store.labels()}
