"""Relations through the interchange formats: import stores them with their spans in one
transaction, export writes them, and what cannot be carried is a problem line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.export import export
from annotator.ingest.annotations import import_annotations
from annotator.models import ArticleDraft
from annotator.store import Store

TEXT = "উত্তর কোরিয়া রাশিয়ায় সৈন্য পাঠিয়েছে, বলেছে রয়টার্স।"


def at(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


def framed_store(store: Store) -> int:
    """One article with a claim, its agent, place and source, linked by rahim."""
    [article] = store.add_articles([ArticleDraft(text=TEXT, title="t", outlet="প্রথম আলো")])
    ids = {}
    for label, word in (
        ("troop_deployment", "সৈন্য পাঠিয়েছে"),
        ("actor", "উত্তর কোরিয়া"),
        ("place", "রাশিয়ায়"),
        ("source", "রয়টার্স"),
    ):
        ids[label] = store.add_span(article.id, "rahim", label, *at(word)).id
    claim = ids["troop_deployment"]
    store.add_relation("rahim", "agent", claim, ids["actor"], {"certainty": "reported"})
    store.add_relation("rahim", "location", claim, ids["place"])
    store.add_relation("rahim", "attributed_to", claim, ids["source"])
    return article.id


def relation_set(store: Store) -> list[tuple[str, str, str, dict]]:
    """(type, head text, tail text, attrs) of every relation, sorted."""
    out = []
    for article in store.articles():
        spans = {s.id: s for s in store.spans(article.id)}
        for r in store.relations(article.id):
            out.append((r.type, spans[r.head].text, spans[r.tail].text, r.attrs))
    return sorted(out, key=repr)


def write(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return path


@pytest.mark.parametrize("fmt", ["jsonl", "doccano", "labelstudio", "brat"])
def test_relations_survive_export_then_import(tmp_path, fmt):
    with Store() as source:
        framed_store(source)
        expected = relation_set(source)
        out = tmp_path / ("out" if fmt == "brat" else "out.json")
        export(source, fmt, out)
    with Store() as target:
        report = import_annotations(target, [out], fmt, annotator="rahim")
        assert report.problems == []
        assert report.relations_added == 3
        got = relation_set(target)
        if fmt in ("doccano", "labelstudio"):  # these carry no relation attributes
            expected = [(t, h, tl, {}) for t, h, tl, _ in expected]
        assert got == expected
        again = import_annotations(target, [out], fmt, annotator="rahim")
        assert again.relations_added == 0 and again.relations_duplicate == 3
        assert target.relation_count() == 3


def test_jsonl_writes_frames_with_their_slots(tmp_path):
    with Store() as store:
        framed_store(store)
        export(store, "jsonl", tmp_path / "a.jsonl")
    [record] = [json.loads(line) for line in open(tmp_path / "a.jsonl", encoding="utf-8")]
    by_id = {s["id"]: s["text"] for s in record["spans"]}
    [frame] = record["frames"]
    assert by_id[frame["claim"]] == "সৈন্য পাঠিয়েছে"
    assert {k: [by_id[i] for i in v] for k, v in frame["slots"].items()} == {
        "agent": ["উত্তর কোরিয়া"],
        "location": ["রাশিয়ায়"],
        "attributed_to": ["রয়টার্স"],
    }


def test_a_relation_whose_span_was_refused_is_a_problem_and_the_rest_imports(tmp_path):
    start, end = at("রাশিয়ায়")
    path = write(tmp_path / "a.jsonl", [{
        "text": TEXT,
        "spans": [
            {"start": start, "end": end, "label": "place", "annotator": "karim"},
            {"start": 0, "end": 999, "label": "actor", "annotator": "karim"},
            {"start": 0, "end": 5, "label": "actor", "annotator": "karim"},
        ],
        "relations": [
            {"type": "location", "head": 2, "tail": 0},
            {"type": "agent", "head": 0, "tail": 1},
            {"type": "", "head": 0, "tail": 2},
            {"type": "located_near", "head": 0, "tail": 2, "attrs": {"k": "v"}},
        ],
    }])  # fmt: skip
    with Store() as store:
        report = import_annotations(store, [path], "jsonl")
        reasons = [p.reason for p in report.problems]
        assert "relation 'agent': its tail span was not imported" in reasons
        assert any(r.startswith("relation without a type") for r in reasons)
        assert report.relations_added == 2
        assert report.relation_types_added == ["located_near"]
        assert "located_near" in {k.key for k in store.relation_types()}
        assert any("2 relations added" in line for line in report.summary_lines())
        kinds = sorted((t, a) for t, _, _, a in relation_set(store))
        assert kinds == [("located_near", {"k": "v"}), ("location", {})]


def test_a_failed_file_stores_neither_spans_nor_relations(tmp_path):
    path = write(tmp_path / "a.jsonl", [{
        "text": TEXT,
        "spans": [{"start": 0, "end": 5, "label": "actor"}, {"start": 6, "end": 9, "label": "x"}],
        "relations": [{"type": "agent", "head": 0, "tail": 1}],
    }])  # fmt: skip
    with Store() as store:
        report = import_annotations(store, [path], "jsonl")  # no annotator anywhere
        assert report.problems and store.relation_count() == 0
        assert store.articles() == []
