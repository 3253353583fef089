"""Label Studio exports as Label Studio writes them: non-span results and image tasks."""

from __future__ import annotations

import json

from annotator.ingest.annotation_detect import annotation_format
from annotator.ingest.annotations import import_annotations
from annotator.store import Store

TEXT = "কিম 😀 জং উন মস্কো যাবেন"


def _region(rid: str, piece: str, label: str) -> dict:
    start = TEXT.index(piece)
    value = {"start": start, "end": start + len(piece), "text": piece, "labels": [label]}
    return {"id": rid, "type": "labels", "from_name": "label", "to_name": "text", "value": value}


def _write(tmp_path, tasks: list) -> object:
    path = tmp_path / "export.json"
    path.write_text(json.dumps(tasks, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def _image_task(n: int) -> dict:
    rect = {"x": 1.0, "y": 2.0, "width": 3.0, "height": 4.0, "rectanglelabels": ["Car"]}
    return {
        "id": n,
        "data": {"image": f"https://x/{n}.jpg"},
        "annotations": [{"completed_by": 1, "result": [
            {"id": "r", "type": "rectanglelabels", "value": rect},
            {"id": "c", "type": "choices", "value": {"choices": ["day"]}}]}],
        "predictions": [{"result": [{"id": "p", "type": "rectanglelabels", "value": rect}]}],
    }  # fmt: skip


def test_results_that_are_not_text_spans_are_counted(tmp_path):
    results = [
        _region("a", "কিম", "person"),
        _region("b", "মস্কো", "place"),
        {"type": "relation", "from_id": "a", "to_id": "b", "direction": "right"},
        {"id": "a", "type": "choices", "from_name": "role", "value": {"choices": ["leader"]}},
        {"id": "t", "type": "choices", "from_name": "topic", "value": {"choices": ["visit"]}},
        {"id": "n", "type": "textarea", "from_name": "note", "value": {"text": ["x"]}},
        {"id": "s", "type": "rating", "from_name": "r", "value": {"rating": 4}},
    ]
    tasks = [
        {"data": {"text": TEXT}, "annotations": [
            {"completed_by": {"email": "a@x.org"}, "result": results},
            {"completed_by": 2, "was_cancelled": True, "result": [_region("c", "জং", "person")]}],
         "predictions": [{"result": [_region("p", "উন", "person")]}]},
        _image_task(2),
    ]  # fmt: skip
    with Store() as store:
        report = import_annotations(store, [_write(tmp_path, tasks)], "labelstudio")
        assert report.problems == []
        spans = sorted(
            (s.annotator, s.label, s.text, s.attrs)
            for row in store.articles()
            for s in store.spans(row.id)
        )
        assert spans == [
            ("a@x.org", "person", "কিম", {"role": "leader"}),
            ("a@x.org", "place", "মস্কো", {}),
        ]
        [row] = store.articles()
        assert store.doc_labels(row.id) == [("a@x.org", "visit")]
    assert report.not_imported == {
        "Label Studio predictions": 2,
        "Label Studio textarea results": 1,
        "Label Studio rating results": 1,
        "Label Studio cancelled annotations": 1,
        "Label Studio non-text tasks": 1,
        "Label Studio rectanglelabels results": 1,
        "Label Studio choices results": 1,
    }
    assert report.articles_created == 1


def test_an_image_export_creates_nothing(tmp_path):
    path = _write(tmp_path, [_image_task(1), _image_task(2)])
    assert annotation_format(path) == "labelstudio"
    with Store() as store:
        labels = store.labels()
        report = import_annotations(store, [path], "labelstudio", annotator="ana")
        [problem] = report.problems
        assert problem.line is None and problem.reason.startswith("nothing to import: only 2 ")
        assert "Label Studio non-text tasks" in problem.reason
        assert store.article_count() == 0 and store.labels() == labels
        assert report.articles_created == 0


def test_json_min_image_tasks_are_counted(tmp_path):
    tasks = [
        {"id": 1, "image": "https://x/1.jpg", "label": [{"x": 1, "rectanglelabels": ["Car"]}]},
        {"id": 2, "text": TEXT, "label": [{"start": 0, "end": 3, "text": "কিম", "labels": ["P"]}]},
    ]
    with Store() as store:
        report = import_annotations(store, [_write(tmp_path, tasks)], "labelstudio", "ana")
        assert report.problems == [] and report.spans_added == 1
        assert report.not_imported == {"Label Studio non-text tasks": 1}


def test_the_text_field_can_be_named(tmp_path):
    annotation = {"completed_by": 1, "result": [_region("a", "জং", "person")]}
    tasks = [{"data": {"headline": "শিরোনাম", "story": TEXT}, "annotations": [annotation]}]
    path = _write(tmp_path, tasks)
    with Store() as store:
        report = import_annotations(store, [path], "labelstudio", field_map={"text": "story"})
        assert report.problems == [] and report.spans_added == 1
    with Store() as store:
        report = import_annotations(store, [path], "labelstudio")
        assert report.problems[0].reason.startswith("nothing to import")


def test_document_choices_need_an_annotator(tmp_path):
    tasks = [{"data": {"text": TEXT}, "annotations": [{"result": [
        {"type": "choices", "from_name": "c", "value": {"choices": ["pos"]}}]}]}]  # fmt: skip
    path = _write(tmp_path, tasks)
    with Store() as store:
        report = import_annotations(store, [path], "labelstudio")
        assert len(report.problems) == 1 and "1 document label" in report.problems[0].reason
        assert store.article_count() == 0
        report = import_annotations(store, [path], "labelstudio", annotator="ana")
        [row] = store.articles()
        assert report.problems == [] and store.doc_labels(row.id) == [("ana", "pos")]
