"""One set of input limits for every importer: each refusal is one line, the store unchanged."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.display import decoded_name, printable_name
from annotator.ingest import import_file, import_paths
from annotator.ingest.annotations import import_annotations
from annotator.ingest.limits import (
    MAX_JSON_DEPTH,
    Budget,
    CappedReader,
    LimitError,
    _DepthGuard,
    read_member,
    use_limits,
)
from annotator.ingest.project_db import ProjectImportError, import_project_db
from annotator.store import Store

TEXT = "ঢাকায় আজ বৃষ্টি হয়েছে। সরকার বলেছে, নির্বাচন হবে সময়মতো।"
BIG = TEXT * 40  # about 6 KB of UTF-8


@pytest.fixture
def store():
    with Store(":memory:") as s:
        yield s


def _empty(store: Store) -> bool:
    return store.article_count() == 0 and not store.layers()


def _one_line(reason: str) -> bool:
    return bool(reason) and "\n" not in reason and "Traceback" not in reason


# -- one article-size limit for pages and every dataset format -------------------------------


def _dataset(tmp_path, fmt: str, body: str):
    if fmt == "jsonl":
        path = tmp_path / "set.jsonl"
        rows = [{"title": "ক", "text": TEXT}, {"title": "খ", "text": body}]
        path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), "utf-8")
    elif fmt == "json":
        path = tmp_path / "set.json"
        rows = [{"title": "ক", "text": TEXT}, {"title": "খ", "text": body}]
        path.write_text(json.dumps(rows, ensure_ascii=False), "utf-8")
    elif fmt == "csv":
        path = tmp_path / "set.csv"
        path.write_text(f'title,body\nক,"{TEXT}"\nখ,"{body}"\n', "utf-8")
    elif fmt == "text":
        path = tmp_path / "page.txt"
        path.write_text(f"শিরোনাম\n\n{body}\n", "utf-8")
    else:
        path = tmp_path / "page.html"
        path.write_text(f"<html><body><h1>শিরোনাম</h1><p>{body}</p></body></html>", "utf-8")
    return path


@pytest.mark.parametrize("fmt", ["text", "html", "jsonl", "json", "csv"])
def test_article_limit_is_the_same_for_every_format(store, tmp_path, fmt):
    path = _dataset(tmp_path, fmt, BIG)
    with use_limits(article_bytes=2048):
        result = import_file(store, path)
    assert result.status == "failed" and "too large" in result.reason, result.reason
    assert "limit 2 KB" in result.reason and _one_line(result.reason)
    assert _empty(store)
    with use_limits(article_bytes=64 * 1024):  # the same file within the limit imports
        assert import_file(store, path).status == "imported"


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv"])
def test_records_per_file_limit(store, tmp_path, fmt):
    path = _dataset(tmp_path, fmt, TEXT + "।")
    with use_limits(records=1):
        result = import_file(store, path)
    assert result.status == "failed" and "more than 1 records" in result.reason
    assert _empty(store)


def test_file_limit_refuses_before_reading(store, tmp_path):
    path = _dataset(tmp_path, "jsonl", BIG)
    with use_limits(file_bytes=1024):
        result = import_file(store, path)
    assert result.status == "failed" and result.reason.startswith("file too large")
    assert _empty(store)


def test_record_limit_counts_the_record_as_written(store, tmp_path):
    path = tmp_path / "set.jsonl"
    path.write_text(json.dumps({"text": TEXT, "html": BIG}, ensure_ascii=False), "utf-8")
    with use_limits(record_bytes=1024):
        result = import_file(store, path)
    assert result.status == "failed" and result.reason.startswith("line 1: record too large")


def test_csv_cell_over_the_record_limit(store, tmp_path):
    path = tmp_path / "set.csv"
    path.write_text(f'title,body\nক,"{BIG}"\n', "utf-8")
    with use_limits(record_bytes=1024):
        result = import_file(store, path)
    assert result.status == "failed" and "too large" in result.reason
    assert _one_line(result.reason) and _empty(store)


def test_json_array_of_tiny_objects_is_refused_before_parsing(store, tmp_path):
    path = tmp_path / "set.json"
    path.write_text("[" + ",".join(['{"text": "ক"}'] * 50) + "]", "utf-8")
    with use_limits(records=4):
        result = import_file(store, path)
    assert result.status == "failed" and "more than 40 JSON objects" in result.reason


# -- annotation files ------------------------------------------------------------------------


def _labelstudio(tmp_path, tasks: int, results: int):
    word = TEXT.split()[0]
    task = {
        "data": {"text": TEXT},
        "annotations": [
            {
                "completed_by": 1,
                "result": [
                    {"type": "labels", "id": f"r{i}", "value": {
                        "start": 0, "end": len(word), "text": word, "labels": [f"L{i}"]}}
                    for i in range(results)
                ],
            }
        ],
    }  # fmt: skip
    path = tmp_path / "ls.json"
    path.write_text(json.dumps([task] * tasks, ensure_ascii=False), "utf-8")
    return path


def test_labelstudio_spans_limit_refuses_the_file(store, tmp_path):
    path = _labelstudio(tmp_path, tasks=3, results=4)
    with use_limits(spans=10):
        report = import_annotations(store, [path], "labelstudio")
    assert [p.reason for p in report.problems] == [
        "more than 10 spans (the limit per file); split the file"
    ]
    assert report.spans_added == 0 and _empty(store)
    with use_limits(spans=12):
        report = import_annotations(store, [path], "labelstudio")
    assert (report.spans_added, report.spans_duplicate, report.problems) == (4, 8, [])


def test_labelstudio_tasks_and_text_limits(store, tmp_path):
    path = _labelstudio(tmp_path, tasks=3, results=1)
    with use_limits(records=2):
        report = import_annotations(store, [path], "labelstudio")
    assert "more than 2 tasks" in report.problems[0].reason
    with use_limits(article_bytes=64):
        report = import_annotations(store, [path], "labelstudio")
    assert report.problems[0].reason.startswith("task 1: article text too large")
    assert _empty(store)


def test_labelstudio_one_huge_task_is_stopped_while_streaming(store, tmp_path):
    path = _labelstudio(tmp_path, tasks=1, results=30_000)  # one task of about 3 MB
    with use_limits(record_bytes=64 * 1024):
        report = import_annotations(store, [path], "labelstudio")
    assert report.problems[0].reason == "one record too large (over 64 KB)"
    assert _empty(store)


def test_deeply_nested_json_is_refused_not_parsed(store, tmp_path):
    path = tmp_path / "deep.json"
    path.write_bytes(b"[" * 200_000)  # a streaming parser needs memory ~ depth squared
    report = import_annotations(store, [path], "labelstudio")
    assert report.problems[0].reason == f"JSON nested too deeply (over {MAX_JSON_DEPTH:,} levels)"
    assert import_file(store, path).status == "failed"
    assert _empty(store)


def test_jsonl_and_doccano_limits(store, tmp_path):
    path = tmp_path / "dc.jsonl"
    lines = [{"text": TEXT, "label": [[0, 4, "X"], [5, 7, "Y"]]} for _ in range(3)]
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), "utf-8")
    with use_limits(spans=5):
        report = import_annotations(store, [path], "doccano", annotator="a")
    assert "more than 5 spans" in report.problems[0].reason
    with use_limits(records=2):
        report = import_annotations(store, [path], "doccano", annotator="a")
    assert "more than 2 records" in report.problems[0].reason
    assert _empty(store)


def _brat_zip(path, members: dict[str, str]):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return path


def test_brat_zip_refused_by_declared_sizes_before_reading(store, tmp_path):
    path = _brat_zip(
        tmp_path / "b.zip",
        {"a.txt": TEXT, "a.ann": "T1\tX 0 4\tঢাকায়\n", "b.txt": BIG, "b.ann": "T1\tX 0 4\tঢাকায়\n"},
    )
    with use_limits(article_bytes=1024):
        report = import_annotations(store, [path], "brat", annotator="a")
    assert [p.reason for p in report.problems] == [
        "b.txt: article text too large (6 KB; limit 1 KB)"
    ]
    assert _empty(store)  # a.ann was within the limits, but the zip is refused as a whole
    with use_limits(file_bytes=4096):
        report = import_annotations(store, [path], "brat", annotator="a")
    assert report.problems[0].reason.startswith("zip archive when expanded too large")


def test_brat_ann_spans_limit(store, tmp_path):
    (tmp_path / "d.txt").write_text(TEXT, "utf-8")
    (tmp_path / "d.ann").write_text("".join(f"T{i}\tX 0 4\tঢাকায়\n" for i in range(5)), "utf-8")
    with use_limits(spans=3):
        report = import_annotations(store, [tmp_path / "d.ann"], "brat", annotator="a")
    assert report.problems[0].reason == "more than 3 spans (the limit per file); split the file"
    assert _empty(store)


class _LyingMember:
    """A zip member whose header says 10 bytes but whose data goes on (a forged archive)."""

    file_size = 10

    def open(self, _info):
        return io.BytesIO(b"x" * (5 << 20))


def test_zip_member_real_size_is_checked_while_reading():
    lying = _LyingMember()
    with pytest.raises(LimitError, match=r"a.txt too large \(over 1.0 MB\)"):
        read_member(lying, lying, 1 << 20, Budget(1 << 30), "a.txt")
    with pytest.raises(LimitError, match="zip archive when expanded too large"):
        read_member(lying, lying, 1 << 30, Budget(2 << 20, "zip archive when expanded"), "a.txt")


def test_colleague_project_file_and_article_limits(store, tmp_path):
    path = tmp_path / "their.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 5000)
    with use_limits(project_bytes=4096), pytest.raises(ProjectImportError) as caught:
        import_project_db(store, path)
    assert str(caught.value) == "their.db: file too large (5 KB; limit 4 KB)"
    assert _empty(store)


# -- the streaming guards --------------------------------------------------------------------

_json = st.recursive(
    st.none() | st.integers() | st.text(alphabet='ab"\\[]{}ক\n', max_size=6),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner),
    max_leaves=30,
)


@given(_json, st.integers(1, 17))
def test_depth_guard_follows_strings_and_escapes_across_chunks(value, chunk):
    data = json.dumps(value).encode()
    guard = _DepthGuard()
    for i in range(0, len(data), chunk):
        guard.feed(data[i : i + chunk])
    assert guard.depth == 0 and not guard.in_string


def test_capped_reader_passes_bytes_through():
    data = json.dumps([{"a": '[[[{\\"'}] * 100).encode()
    reader = CappedReader(io.BytesIO(data[10:]), data[:10])
    assert b"".join(iter(lambda: reader.read(7), b"")) == data


# -- links out of the folder, names in reports ----------------------------------------------


def test_folder_import_skips_links_to_outside_and_reports_them(store, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(f"গোপন\n\n{TEXT}\n", "utf-8")
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "page.txt").write_text(f"শিরোনাম\n\n{TEXT}\n", "utf-8")
    (folder / "link.txt").symlink_to(outside / "secret.txt")
    (folder / "linked").symlink_to(outside)
    (folder / "sub" / "inside.txt").symlink_to(folder / "page.txt")  # inside: followed
    report = import_paths(store, [folder])
    skipped = {f.path.rsplit("/", 1)[-1]: f.reason for f in report.files if f.status == "skipped"}
    assert skipped == {
        "link.txt": "symbolic link to outside the folder; skipped",
        "linked": "symbolic link to outside the folder; skipped",
    }
    assert store.article_count() == 1 and not report.failed
    assert all("গোপন" not in store.article(i).text for i in report.files[-1].ids)


def test_printable_name_escapes_what_could_hide_or_break_a_line():
    assert printable_name("a\nb\u202etxt.exe") == "a\\nb\\u202etxt.exe"
    assert printable_name("\u2066x\u2069\u200e\u200f\u061c\x1b\t\udcff") == (
        "\\u2066x\\u2069\\u200e\\u200f\\u061c\\x1b\\t\\udcff"
    )
    bengali = "কিম জং উন-এর সফর\u200c\u200d ২০২৫.txt"
    assert printable_name(bengali) == bengali
    assert decoded_name("bad\udcff.txt") == "bad\\xff.txt"
