"""doccano files as doccano writes them: any JSON layout, any column names, relations."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.ingest.annotation_detect import annotation_format
from annotator.ingest.annotations import import_annotations
from annotator.ingest.routing import split_annotation_files
from annotator.store import Store
from annotator.text import canonicalise

TEXT = "চীন রাশিয়াকে সমর্থন জানিয়েছে"
OTHER = "ঢাকায় বৃষ্টি হবে। 😀 কাল রোদ।"


def _at(text: str, piece: str) -> tuple[int, int]:
    start = text.index(piece)
    return start, start + len(piece)


def _records() -> list[dict]:
    return [
        {"text": TEXT, "label": [[*_at(TEXT, "চীন"), "actor"], [*_at(TEXT, "সমর্থন"), "claim"]]},
        {"text": OTHER, "label": [[*_at(OTHER, "ঢাকায়"), "place"]]},
    ]


def _spans(store: Store) -> list[tuple[str, str, str]]:
    return sorted(
        (s.annotator, s.label, s.text) for row in store.articles() for s in store.spans(row.id)
    )


WANT = [("ana", "actor", "চীন"), ("ana", "claim", "সমর্থন"), ("ana", "place", "ঢাকায়")]


def _layouts(records: list[dict]) -> dict[str, str]:
    def dump(value: object, indent: int | None = None) -> str:
        return json.dumps(value, ensure_ascii=False, indent=indent)

    return {
        "lines": "\n".join(dump(r) for r in records) + "\n",
        "array": dump(records),
        "pretty array": dump(records, 4),
        "pretty objects": "\n".join(dump(r, 4) for r in records) + "\n",
        "objects with commas": ",\n".join(dump(r, 2) for r in records),
        "objects on one line": "".join(dump(r) for r in records),
    }


# -- 1. every JSON layout --------------------------------------------------------------------


@pytest.mark.parametrize("layout", list(_layouts([])))
@pytest.mark.parametrize("suffix", [".jsonl", ".json"])
def test_every_json_layout_imports_and_is_detected(tmp_path, layout, suffix):
    path = tmp_path / f"export{suffix}"
    path.write_text(_layouts(_records())[layout], encoding="utf-8")
    assert annotation_format(path) == "doccano"
    with Store() as store:
        report = import_annotations(store, [path], "doccano", annotator="ana")
        assert report.problems == []
        assert _spans(store) == WANT
        assert store.article_count() == 2


def test_a_single_pretty_object_with_relations(tmp_path):
    record = {
        "text": TEXT,
        "entities": [
            {"id": 0, "start_offset": 0, "end_offset": 3, "label": "actor"},
            {"id": 1, "start_offset": 14, "end_offset": 20, "label": "claim"},
        ],
        "relations": [{"id": 0, "from_id": 0, "to_id": 1, "type": "says"}],
    }
    path = tmp_path / "pretty.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False, indent=4), encoding="utf-8")
    with Store() as store:
        report = import_annotations(store, [path], "doccano", annotator="ana")
        assert report.problems == []
        assert _spans(store) == [("ana", "actor", "চীন"), ("ana", "claim", "সমর্থন")]
        [relation] = store.relations(store.articles()[0].id)
        heads = {s.id: s.text for s in store.spans(relation.article_id)}
        assert (relation.type, heads[relation.head], heads[relation.tail]) == (
            "says", "চীন", "সমর্থন"
        )  # fmt: skip
    assert report.relations_added == 1 and report.relation_types_added == ["says"]
    assert report.not_imported == {}


def test_problems_in_pretty_objects_name_the_line_they_start_on(tmp_path):
    first, second = _records()
    second = {**second, "label": [[0, 99, "place"]]}
    text = json.dumps(first, ensure_ascii=False, indent=2)
    path = tmp_path / "p.json"
    path.write_text(text + "\n" + json.dumps(second, ensure_ascii=False, indent=2) + "\n[1, 2",
                    encoding="utf-8")  # fmt: skip
    start = text.count("\n") + 2
    tail = start + json.dumps(second, indent=2).count("\n") + 1
    with Store() as store:
        report = import_annotations(store, [path], "doccano", annotator="ana")
        assert sorted((p.line, p.reason.split(":")[0]) for p in report.problems) == [
            (start, "'place'"),
            (tail, "invalid JSON"),
        ]
        assert _spans(store) == WANT[:2]


def test_json_lines_with_a_broken_first_line_keep_the_rest(tmp_path):
    lines = ['{"text": "ভাঙা", "label": [[0,', *(json.dumps(r, ensure_ascii=False)
                                                for r in _records())]  # fmt: skip
    path = tmp_path / "d.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    with Store() as store:
        report = import_annotations(store, [path], "doccano", annotator="ana")
        assert [(p.line, p.reason.startswith("invalid JSON")) for p in report.problems] == [
            (1, True)
        ]
        assert _spans(store) == WANT


def test_an_empty_array_is_one_problem(tmp_path):
    path = tmp_path / "e.json"
    path.write_text("[\n]\n", encoding="utf-8")
    with Store() as store:
        report = import_annotations(store, [path], "doccano", annotator="ana")
        assert [p.reason for p in report.problems] == ["nothing to import: no records"]
        assert store.article_count() == 0


# -- 2. column names -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text_key", "label_key"),
    [("data", "entities"), ("text", "labels"), ("content", "spans"),
     ("column_data", "column_label")],
)  # fmt: skip
def test_common_column_names_import_without_a_map(tmp_path, text_key, label_key):
    records = [{text_key: r["text"], label_key: r["label"]} for r in _records()]
    path = tmp_path / "d.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), "utf-8")
    assert annotation_format(path) == "doccano"
    with Store() as store:
        report = import_annotations(store, [path], "doccano", annotator="ana")
        assert report.problems == [] and _spans(store) == WANT


def test_columns_named_by_the_field_map(tmp_path):
    records = [{"body_text": r["text"], "marks": r["label"], "text": "শিরোনাম"} for r in _records()]
    path = tmp_path / "d.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), "utf-8")
    field_map = {"text": "body_text", "label": "marks"}
    assert annotation_format(path) is None  # "marks" is no common name
    assert annotation_format(path, field_map) == "doccano"
    articles, groups = split_annotation_files([str(path)], "auto", field_map=field_map)
    assert articles == [] and groups == {"doccano": [str(path)]}
    with Store() as store:
        report = import_annotations(store, [path], "doccano", "ana", field_map=field_map)
        assert report.problems == [] and _spans(store) == WANT
    with Store() as store:
        report = import_annotations(store, [path], "doccano", "ana", field_map={"text": "x"})
        assert {p.reason for p in report.problems} == {"record has no text (no column 'x')"}
        assert store.article_count() == 0


# -- 4. a damaged offset does not make a doccano file articles ---------------------------------


@pytest.mark.parametrize("bad", [[3, "x", "claim"], [3.5, 7, "claim"], ["3", 7, "claim"]])
@pytest.mark.parametrize("first", [True, False])
def test_a_non_integer_offset_is_one_problem_and_detection_holds(tmp_path, bad, first):
    records = _records()
    records[0 if first else 1]["label"].append(bad)
    path = tmp_path / "d.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), "utf-8")
    assert annotation_format(path) == "doccano"
    articles, groups = split_annotation_files([str(path)])
    assert articles == [] and list(groups) == ["doccano"]
    with Store() as store:
        report = import_annotations(store, [path], "doccano", annotator="ana")
        [problem] = report.problems
        assert problem.line == (1 if first else 2) and "not integers" in problem.reason
        assert _spans(store) == WANT


def test_topic_datasets_stay_articles(tmp_path):
    path = tmp_path / "topics.jsonl"
    rows = [{"text": TEXT, "label": ["politics"]}, {"text": OTHER, "label": "weather"}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), "utf-8")
    assert annotation_format(path) is None


_PIECES = ["ক", "া", "্", "ষ", "\u09df", "😀", "\r\n", " ", "\u00a0", "a", "\u2028", '"', "}"]
_texts = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=30).map("".join)
_offset = st.one_of(st.integers(0, 40), st.floats(0, 40), st.text(max_size=2), st.none())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    texts=st.lists(_texts.filter(lambda t: canonicalise(t).strip()), min_size=1, max_size=4),
    data=st.data(),
)
def test_property_every_layout_gives_the_same_import(texts, data, tmp_path_factory):
    """Whatever the layout, the same spans import and the same spans are reported, with
    offsets of any JSON type; each imported span covers the canonical source slice."""
    records = []
    for i, text in enumerate(texts):
        n = len(text)
        spans = data.draw(
            st.lists(st.tuples(st.integers(0, n), st.integers(0, n)), max_size=4)
            | st.lists(st.tuples(_offset, _offset), max_size=2)
        )
        records.append({"text": text, "label": [[a, b, f"L{i}"] for a, b in spans]})
    folder = tmp_path_factory.mktemp("layouts")
    results = set()
    for name, content in _layouts(records).items():
        path = folder / f"{name.replace(' ', '_')}.jsonl"
        path.write_text(content, encoding="utf-8")
        with Store() as store:
            report = import_annotations(store, [path], "doccano", annotator="ana")
            got = []
            for row in store.articles():
                article = store.article(row.id)
                for s in store.spans(row.id):
                    assert article.text[s.start : s.end] == s.text
                    got.append((s.label, s.start, s.end))
            results.add((tuple(sorted(got)), len(report.problems)))
    assert len(results) == 1, results
