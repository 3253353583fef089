"""`annotator agree`: JSON equals hand-computed figures, reports are written, bad names exit 2."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.models import ArticleDraft
from annotator.store import Store

# Tokens: কিম জং উন রাশিয়া সফর করবেন  (0-3 4-6 7-9 10-17 18-21 22-27)
TEXT = "কিম জং উন রাশিয়া সফর করবেন।"


@pytest.fixture
def db(db_path):
    with Store(db_path) as s:
        [res] = s.add_articles([ArticleDraft(text=TEXT, title="[সফর] <b>")])
        # A: visit জং..উন, treaty সফর.  B: visit জং only, treaty সফর (exact).
        s.add_span(res.id, "rahim", "visit", 4, 9)
        s.add_span(res.id, "rahim", "treaty", 18, 21)
        s.add_span(res.id, "karim", "visit", 4, 6)
        s.add_span(res.id, "karim", "treaty", 18, 21)
        for name in ("rahim", "karim"):
            s.set_status(res.id, name, "done")
        s.article_id = res.id
    return db_path


def run(db, *args):
    return CliRunner().invoke(cli, ["--db", str(db), "agree", *args], catch_exceptions=False)


def test_json_equals_hand_computed_values(db):
    result = run(db, "--a", "rahim", "--b", "karim", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    # 6 tokens. A: O V V O T O; B: O V O O T O -> pairs (O,O)3 (V,V)1 (V,O)1 (T,T)1.
    # p_o = 5/6; A: O3 V2 T1, B: O4 V1 T1 -> p_e = (12 + 2 + 1)/36 = 15/36.
    kappa = (5 / 6 - 15 / 36) / (1 - 15 / 36)
    # coincidences n_O = 7, n_V = 3, n_T = 2 (n = 12), disagreeing o = 2:
    alpha = 1 - 11 * 2 / (144 - 49 - 9 - 4)
    assert data["a"] == "rahim" and data["b"] == "karim" and data["articles"] == 1
    overall = data["overall"]
    assert (overall["a_spans"], overall["b_spans"]) == (2, 2)
    assert overall["exact_f1"] == pytest.approx(0.5)
    assert overall["overlap_f1"] == pytest.approx(1.0)
    assert overall["cohen_kappa"] == pytest.approx(kappa)
    assert overall["krippendorff_alpha"] == pytest.approx(alpha)
    assert list(data["per_label"]) == ["treaty", "visit"]  # scheme order
    treaty = data["per_label"]["treaty"]
    assert treaty == {
        "a_spans": 1, "b_spans": 1, "exact_f1": 1.0, "overlap_f1": 1.0,
        "cohen_kappa": 1.0, "krippendorff_alpha": 1.0,
    }  # fmt: skip
    visit = data["per_label"]["visit"]
    # binary visit tokens: (V,V)1 (V,O)1 (O,O)4 -> p_o 5/6, p_e (2·1 + 4·5)/36 = 22/36
    assert visit["cohen_kappa"] == pytest.approx((5 / 6 - 22 / 36) / (1 - 22 / 36))
    assert visit["exact_f1"] == 0.0 and visit["overlap_f1"] == 1.0
    [article] = data["per_article"]
    assert article["title"] == "[সফর] <b>" and article["cohen_kappa"] == pytest.approx(kappa)
    assert data["confusion"] == {"treaty": {"treaty": 1}, "visit": {"visit": 1}}


def test_label_filter_and_all(db):
    data = json.loads(run(db, "--a", "rahim", "--b", "karim", "--label", "visit", "--json").output)
    assert list(data["per_label"]) == ["visit"] and data["overall"]["a_spans"] == 1
    with Store(db) as s:
        [other] = s.add_articles([ArticleDraft(text="সেনা মোতায়েন", title="x")])
        s.add_span(other.id, "karim", "visit", 0, 4)
    assert json.loads(run(db, "--a", "rahim", "--b", "karim", "--json").output)["articles"] == 1
    data = json.loads(run(db, "--a", "rahim", "--b", "karim", "--all", "--json").output)
    assert data["articles"] == 2 and data["per_article"][0]["title"] == "x"


def test_table_output_is_readable(db):
    result = run(db, "--a", "rahim", "--b", "karim")
    assert result.exit_code == 0
    out = result.output
    assert "A = rahim, B = karim: 1 articles compared" in out
    assert "overall" in out and "treaty" in out and "0.500" in out
    assert "[সফর] <b>" in out  # rich markup in titles is shown, not interpreted


@pytest.mark.parametrize("name", ["agree.csv", "agree.json", "agree.html"])
def test_out_writes_the_report(db, tmp_path, name):
    path = tmp_path / name
    result = run(db, "--a", "rahim", "--b", "karim", "--out", str(path))
    assert result.exit_code == 0, result.output
    assert f"Report written to {path}" in result.output
    assert path.stat().st_size > 100


def test_unknown_annotator_exits_2_with_one_line(db):
    result = run(db, "--a", "rahim", "--b", "nobody")
    assert result.exit_code == 2
    assert result.stderr == "Error: unknown annotator 'nobody' (known: karim, rahim, gold)\n"
    assert result.stdout == ""


def test_unknown_label_and_bad_out_suffix_exit_2(db, tmp_path):
    assert run(db, "--a", "rahim", "--b", "karim", "--label", "nope").exit_code == 2
    result = run(db, "--a", "rahim", "--b", "karim", "--out", str(tmp_path / "x.txt"))
    assert result.exit_code == 2 and "must end in .csv, .json or .html" in result.output


def test_help_has_an_example():
    result = CliRunner().invoke(cli, ["agree", "--help"])
    assert any(line.strip().startswith("Example:") for line in result.output.splitlines())


def test_two_layers_imported_from_files_give_the_hand_computed_figures(tmp_path):
    """Rahim's layer as our JSONL (with his done status), Karim's as doccano; then agree."""
    rahim = {
        "text": TEXT, "title": "সফর",
        "spans": [
            {"start": 4, "end": 9, "label": "visit", "annotator": "rahim", "text": TEXT[4:9]},
            {"start": 18, "end": 21, "label": "treaty", "annotator": "rahim"},
        ],
        "status": {"rahim": "done"},
    }  # fmt: skip
    karim = {"text": TEXT, "label": [[4, 6, "visit"], [18, 21, "treaty"]]}
    (tmp_path / "rahim.jsonl").write_text(json.dumps(rahim, ensure_ascii=False), "utf-8")
    (tmp_path / "karim.jsonl").write_text(json.dumps(karim, ensure_ascii=False), "utf-8")
    db = tmp_path / "review.db"
    runner = CliRunner()
    for args in (
        ["import", str(tmp_path / "rahim.jsonl")],
        ["import", "--format", "doccano", "--annotator", "karim", str(tmp_path / "karim.jsonl")],
    ):
        result = runner.invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
        assert result.exit_code == 0, result.output
    # karim's doccano file carries no status: only --all compares the article
    done_only = json.loads(run(db, "--a", "rahim", "--b", "karim", "--json").output)
    assert done_only["articles"] == 0
    data = json.loads(run(db, "--a", "rahim", "--b", "karim", "--all", "--json").output)
    kappa = (5 / 6 - 15 / 36) / (1 - 15 / 36)
    alpha = 1 - 11 * 2 / (144 - 49 - 9 - 4)
    assert data["articles"] == 1
    assert data["overall"] == {
        "a_spans": 2, "b_spans": 2, "exact_f1": 0.5, "overlap_f1": 1.0,
        "cohen_kappa": pytest.approx(kappa), "krippendorff_alpha": pytest.approx(alpha),
    }  # fmt: skip
