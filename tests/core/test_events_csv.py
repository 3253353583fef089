"""The events CSV: one row per claim frame, read back with csv.DictReader."""

from __future__ import annotations

import csv
from pathlib import Path

from click.testing import CliRunner

from annotator.cli import cli
from annotator.export import ExportFilter, ExportItem, export
from annotator.formats.events import COLUMNS
from annotator.formats.events import write as write_events
from annotator.models import Actor, ArticleDraft
from annotator.scheme import load_scheme_file, preset_path
from annotator.store import Store

TEXT = "উত্তর কোরিয়া ও রাশিয়া ইউক্রেনে সৈন্য পাঠিয়েছে, বলেছে রয়টার্স। কিম মস্কো সফর করবেন।"


def at(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


def build(store: Store, outlet: str = "প্রথম আলো") -> dict[str, int]:
    """A deployment with two agents (one in the register), a target, a place and a source,
    a visit with no relation, and an entity that heads nothing."""
    [added] = store.add_articles(
        [
            ArticleDraft(
                text=TEXT,
                title="t",
                outlet=outlet,
                url="https://x.example/1",
                published="2024-11-02T09:30:00+06:00",
            )
        ]  # fmt: skip
    )
    store.save_actors([Actor(id="PRK", name="North Korea", name_bn="উত্তর কোরিয়া")])
    article = added.id
    attrs = {"certainty": "reported", "polarity": "asserted", "modality": "happened",
             "event_date": "2024-10", "quote": "indirect"}  # fmt: skip
    ids = {
        "claim": store.add_span(article, "rahim", "troop_deployment",
                                *at("সৈন্য পাঠিয়েছে"), attrs).id,
        "prk": store.add_span(article, "rahim", "actor", *at("উত্তর কোরিয়া"),
                              {"actor_id": "PRK"}).id,
        "rus": store.add_span(article, "rahim", "actor", *at("রাশিয়া")).id,
        "ukr": store.add_span(article, "rahim", "place", *at("ইউক্রেনে")).id,
        "src": store.add_span(article, "rahim", "source", *at("রয়টার্স")).id,
        "visit": store.add_span(article, "rahim", "visit", *at("মস্কো সফর করবেন"),
                                {"source": "KCNA"}).id,
    }  # fmt: skip
    store.add_relation("rahim", "agent", ids["claim"], ids["prk"])
    store.add_relation("rahim", "agent", ids["claim"], ids["rus"])
    store.add_relation("rahim", "target", ids["claim"], ids["ukr"])
    store.add_relation("rahim", "location", ids["claim"], ids["ukr"])
    store.add_relation("rahim", "attributed_to", ids["claim"], ids["src"])
    return ids


def rows(path: Path) -> list[dict[str, str]]:
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM: spreadsheets read UTF-8
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        assert tuple(reader.fieldnames or ()) == COLUMNS
        return list(reader)


def test_one_row_per_claim_with_its_slots(tmp_path):
    out = tmp_path / "events.csv"
    with Store() as store:
        build(store)
        store.save_labels(load_scheme_file(preset_path("cameo")))
        assert export(store, "events", out) == 2
    deployment, visit = rows(out)
    assert deployment["label"] == "troop_deployment" and deployment["cameo"] == "15"
    assert deployment["date"] == "2024-11-02" and deployment["outlet"] == "প্রথম আলো"
    assert deployment["url"] == "https://x.example/1" and deployment["annotator"] == "rahim"
    assert deployment["agent_ids"] == "PRK"
    assert deployment["agent_names"] == "North Korea; রাশিয়া"  # register name, else text
    assert (deployment["target_ids"], deployment["target_names"]) == ("", "ইউক্রেনে")
    assert deployment["location"] == "ইউক্রেনে" and deployment["source"] == "রয়টার্স"
    assert [deployment[k] for k in ("certainty", "polarity", "modality", "event_date",
                                    "quote")] == ["reported", "asserted", "happened",
                                                  "2024-10", "indirect"]  # fmt: skip
    assert deployment["claim_text"] == "সৈন্য পাঠিয়েছে"
    assert (int(deployment["claim_start"]), int(deployment["claim_end"])) == at("সৈন্য পাঠিয়েছে")
    assert visit["label"] == "visit" and visit["cameo"] == "042"
    assert visit["agent_names"] == "" and visit["source"] == "KCNA"  # the free-text source


def test_without_the_cameo_preset_the_code_is_empty(tmp_path):
    out = tmp_path / "events.csv"
    with Store() as store:
        build(store)
        export(store, "events", out, ExportFilter(labels=("troop_deployment", "actor")))
    [row] = rows(out)  # the filter keeps the claim and its actor fillers only
    assert row["cameo"] == "" and row["agent_names"] == "North Korea; রাশিয়া"
    assert row["location"] == "" and row["source"] == ""


def test_formula_like_cells_are_neutralised(tmp_path):
    out = tmp_path / "events.csv"
    with Store() as store:
        build(store, outlet="=HYPERLINK(1)")
        export(store, "events", out)
    assert {row["outlet"] for row in rows(out)} == {"'=HYPERLINK(1)"}


def test_bare_items_take_relation_heads_as_claims(tmp_path):
    out = tmp_path / "events.csv"
    with Store() as store:
        build(store)
        [article] = store.articles()
        item = ExportItem(
            store.article(article.id), store.spans(article.id),
            relations=store.relations(article.id),
        )  # fmt: skip
    assert write_events([item], out) == 1  # the visit heads no relation
    [row] = rows(out)
    assert row["label"] == "troop_deployment" and row["agent_ids"] == "PRK"
    assert row["agent_names"] == "উত্তর কোরিয়া; রাশিয়া"  # no register: the span texts


def test_cli_export_events(tmp_path, db_path):
    with Store(db_path) as store:
        build(store)
    out = tmp_path / "events.csv"
    result = CliRunner().invoke(
        cli, ["--db", str(db_path), "export", "--format", "events", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "2 claim rows written" in result.output
    assert [row["label"] for row in rows(out)] == ["troop_deployment", "visit"]
