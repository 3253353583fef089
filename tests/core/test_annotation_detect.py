"""Annotation files are told from article datasets by their content."""

from __future__ import annotations

import json
import zipfile

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.ingest.annotation_detect import annotation_format
from annotator.store import Store

TEXT = "চীন রাশিয়াকে সমর্থন জানিয়েছে"


def _write(path, records, lines: bool = True):
    if lines:
        path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), "utf-8")
    else:
        path.write_text(json.dumps(records, ensure_ascii=False), "utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "records", "lines", "expected"),
    [
        ("ours.jsonl", [{"text": TEXT, "spans": []}], True, "jsonl"),
        ("d.jsonl", [{"text": TEXT, "label": [[0, 3, "x"]]}], True, "doccano"),
        ("d2.jsonl", [{"text": TEXT, "entities": [{"start_offset": 0, "end_offset": 3,
                                                  "label": "x"}]}], True, "doccano"),
        ("topic.jsonl", [{"text": TEXT, "label": "politics"}], True, None),
        ("topics.jsonl", [{"text": TEXT, "label": ["politics"]}], True, None),
        ("plain.jsonl", [{"title": "t", "body": TEXT}], True, None),
        ("ls.json", [{"data": {"text": TEXT}, "annotations": []}], False, "labelstudio"),
        ("min.json", [{"text": TEXT, "label": [{"start": 0, "end": 3, "labels": ["x"]}]}],
         False, "labelstudio"),
        ("array.json", [{"title": "t", "text": TEXT}], False, None),
    ],
)  # fmt: skip
def test_formats_are_recognised(tmp_path, name, records, lines, expected):
    assert annotation_format(_write(tmp_path / name, records, lines)) == expected


def test_brat_and_broken_files(tmp_path):
    (tmp_path / "a.ann").write_text("T1\tx 0 3\tচীন\n", "utf-8")
    assert annotation_format(tmp_path / "a.ann") == "brat"
    with zipfile.ZipFile(tmp_path / "b.zip", "w") as archive:
        archive.writestr("doc.txt", TEXT)
        archive.writestr("doc.ann", "T1\tx 0 3\tচীন\n")
    assert annotation_format(tmp_path / "b.zip") == "brat"
    (tmp_path / "c.zip").write_bytes(b"not a zip")
    (tmp_path / "d.json").write_text("{broken", "utf-8")
    assert annotation_format(tmp_path / "c.zip") is None
    assert annotation_format(tmp_path / "d.json") is None


def test_import_without_format_routes_each_file(tmp_path):
    start = TEXT.index("রাশিয়াকে")
    _write(
        tmp_path / "doccano.jsonl",
        [{"text": TEXT, "user": "mita", "label": [[start, start + 9, "support"]]}],
    )
    _write(tmp_path / "ls.json",
           [{"data": {"text": TEXT}, "annotations": [{"completed_by": "ravi", "result": [
               {"type": "labels", "value": {"start": 0, "end": 3, "labels": ["actor"]}}]}]}],
           lines=False)  # fmt: skip
    _write(tmp_path / "dataset.jsonl", [{"text": "অন্য খবর। দ্বিতীয় বাক্য।", "label": "news"}])
    db = tmp_path / "p.db"
    result = CliRunner().invoke(cli, ["--db", str(db), "import", "--json", str(tmp_path)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["annotations"]["spans_added"] == 2
    with Store(db) as store:
        assert store.article_count() == 2
        spans = store.layer_spans(["mita", "ravi"])
        assert sorted((s.annotator, s.label, s.text) for v in spans.values() for s in v) == [
            ("mita", "support", "রাশিয়াকে"),
            ("ravi", "actor", "চীন"),
        ]


def test_doccano_column_names_make_a_classification_file_doccano(tmp_path):
    from annotator.ingest.annotation_detect import annotation_format

    path = tmp_path / "cls.jsonl"
    lines = [
        json.dumps({"column_data": "ঢাকায় আজ চুক্তি সই", "column_label": ["treaty"]}),
        json.dumps({"column_data": "মস্কো সফর", "column_label": ["visit", "support"]}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert annotation_format(path) == "doccano"
