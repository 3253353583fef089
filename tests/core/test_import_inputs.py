"""The one import entry point: datasets with bad records, routing by content, the format table."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from annotator.formats.registry import (
    ANNOTATIONS,
    AUTO,
    INPUT_FORMATS,
    PROJECT,
    choices,
    dialog_filters,
    format_for_filter,
    input_format,
)
from annotator.ingest import detect
from annotator.ingest.inputs import ImportOptions, import_inputs
from annotator.store import Store

BODY = "ঢাকায় আজ দুই দেশের প্রতিনিধিদের মধ্যে একটি নতুন চুক্তি সই হয়েছে বলে জানা গেছে।"


def _csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


@pytest.fixture
def store():
    with Store() as s:
        yield s


def test_empty_bodies_are_skipped_with_their_rows_and_the_rest_import(store, tmp_path):
    rows = [[f"শিরোনাম {i}", "" if i % 4 == 3 else f"{BODY} {i}", "2024-08-12"] for i in range(12)]
    path = _csv(tmp_path / "news.csv", ["title", "content", "date"], rows)
    summary = import_inputs(store, [path])
    [result] = summary.articles.files
    assert (result.status, result.imported, result.skipped_count) == ("imported", 9, 3)
    assert result.skipped_records[0].startswith("row 4 (line 5): empty text")
    assert store.article_count() == 9
    assert not summary.ok  # something was left out: the command line exits 1
    lines = summary.lines()
    assert any("9 articles; 3 bad records skipped" in line for line in lines)
    assert any(line.endswith("row 8 (line 9): empty text (field content)") for line in lines)
    assert "3 bad records skipped" in summary.headline()


def test_strict_fails_the_whole_file_on_the_first_bad_record(store, tmp_path):
    rows = [["এক", BODY], ["দুই", ""], ["তিন", BODY + " আবার"]]
    path = _csv(tmp_path / "news.csv", ["title", "text"], rows)
    summary = import_inputs(store, [path], ImportOptions(strict=True))
    [result] = summary.articles.files
    assert result.status == "failed" and result.reason.startswith("row 2 (line 3): empty text")
    assert store.article_count() == 0


def test_bad_json_lines_are_skipped_by_line_number(store, tmp_path):
    path = tmp_path / "news.jsonl"
    lines = [
        json.dumps({"text": BODY}, ensure_ascii=False),
        '{"text": "ভাঙা',
        "[1, 2]",
        json.dumps({"text": ""}),
        json.dumps({"text": 42}),
        json.dumps({"body": BODY + " দুই"}, ensure_ascii=False),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    [result] = import_inputs(store, [path]).articles.files
    assert result.imported == 2 and result.skipped_count == 4
    assert [r.split(":")[0] for r in result.skipped_records] == [
        "line 2",
        "line 3",
        "line 4",
        "line 5",
    ]


def test_a_file_whose_every_record_is_bad_fails_and_creates_nothing(store, tmp_path):
    path = _csv(tmp_path / "empty.csv", ["title", "text"], [["এক", ""], ["দুই", " "]])
    summary = import_inputs(store, [path])
    [result] = summary.articles.files
    assert result.status == "failed" and "all 2 records bad" in result.reason
    assert store.article_count() == 0 and not summary.ok


def test_common_field_names_of_scraped_datasets(store, tmp_path):
    header = ["headline", "desc", "time", "link", "source", "reporter"]
    rows = [["সফর", BODY, "Jan 09, 2026, 03:52 PM IST", "https://x.example/1", "জি২৪", "রায়"]]
    summary = import_inputs(store, [_csv(tmp_path / "d.csv", header, rows)])
    assert summary.ok
    [article] = [store.article(i) for i in summary.articles.files[0].ids]
    assert (article.title, article.text, article.url) == ("সফর", BODY, "https://x.example/1")
    assert (article.outlet, article.byline) == ("জি২৪", "রায়")
    assert article.published == "2026-01-09T16:22:00+06:00"  # IST is 30 minutes behind Dhaka


def test_an_unnamed_text_column_is_chosen_by_content_and_said(store, tmp_path):
    header = ["id", "col_a", "col_b", "col_c"]
    rows = [[str(i), "bn", f"{BODY} {i}", "https://x.example"] for i in range(5)]
    summary = import_inputs(store, [_csv(tmp_path / "d.csv", header, rows)])
    [result] = summary.articles.files
    assert result.imported == 5
    assert result.notes == ["text taken from column 'col_b' (longest Bengali column)"]
    assert any("note" in line and "col_b" in line for line in summary.lines())


def test_inputs_are_routed_by_content(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "page.txt").write_text(f"শিরোনাম\n\n{BODY}\n", encoding="utf-8")
    record = {"text": BODY, "label": [[0, 5, "visit"]], "user": "mita"}
    (folder / "colleague.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n")
    with Store(tmp_path / "theirs.db") as theirs:
        theirs.add_annotator("karim")
    with Store(tmp_path / "mine.db") as store:
        summary = import_inputs(store, [folder, tmp_path / "theirs.db"])
        assert [Path(f.path).name for f in summary.articles.files] == ["page.txt"]
        assert summary.annotations is not None and summary.annotations.spans_added == 1
        assert [getattr(p, "source", None) for p in summary.projects] == ["theirs.db"]


def test_the_open_project_in_an_imported_folder_is_left_alone(tmp_path):
    (tmp_path / "page.txt").write_text(f"শিরোনাম\n\n{BODY}\n", encoding="utf-8")
    with Store(tmp_path / "mine.db") as store:
        options = ImportOptions(own_project=store.path)
        summary = import_inputs(store, [tmp_path], options)
        assert summary.projects == [] and store.article_count() == 1


def test_nothing_to_import_is_said_and_is_not_ok(store, tmp_path):
    summary = import_inputs(store, [tmp_path])
    assert summary.empty and not summary.ok
    assert summary.lines() == ["nothing to import: no files found"]


def test_an_unknown_format_is_refused_before_anything_is_read(store, tmp_path):
    with pytest.raises(ValueError, match="unknown format 'docx'"):
        import_inputs(store, [tmp_path / "x"], ImportOptions(format="docx"))


def test_one_format_table_feeds_choices_detection_and_dialogs():
    names = [f.name for f in INPUT_FORMATS]
    assert choices() == (AUTO, *names)
    assert detect.FORMATS == (AUTO, "text", "html", "jsonl", "json", "csv")
    for fmt in INPUT_FORMATS:
        assert format_for_filter(fmt.dialog_filter) == fmt.name
        assert input_format(fmt.name) is fmt
    filters = dialog_filters()
    assert format_for_filter(filters[0]) == AUTO and format_for_filter(filters[-1]) == AUTO
    assert "*.ann" in filters[0] and "*.db" in filters[0]
    annotation_filters = dialog_filters((ANNOTATIONS,))
    assert [format_for_filter(f) for f in annotation_filters[1:-1]] == [
        "doccano",
        "labelstudio",
        "brat",
    ]
    assert [format_for_filter(f) for f in dialog_filters((PROJECT,))[1:-1]] == ["project"]
    assert detect.detect_format("x.TSV", "") == "csv"


def test_files_of_formats_that_are_not_read_get_a_reason_not_a_guess(store, tmp_path):
    conll = tmp_path / "tokens.conll"
    conll.write_text("ঢাকায়\tB-LOC\nআজ\tO\nচুক্তি\tO\nসই\tO\nহয়েছে\tO\n", encoding="utf-8")
    sheet = tmp_path / "news.xlsx"
    sheet.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    files = import_inputs(store, [conll, sheet]).articles.files
    reasons = {Path(f.path).name: (f.status, f.reason) for f in files}
    assert reasons["tokens.conll"][0] == "failed"
    assert reasons["tokens.conll"][1].startswith("CoNLL token files are not read")
    assert reasons["news.xlsx"] == (
        "failed",
        "Excel workbooks are not read; save the sheet as CSV",
    )
    assert store.article_count() == 0
