"""Annotation files are read, checked and staged a chunk at a time (`CHUNK_RECORDS`), yet
each file stays all or nothing and imports exactly as it would in one piece."""

import importlib
import json
from pathlib import Path

import pytest

from annotator.ingest import limits
from annotator.ingest.annotation_unit import UnitImport
from annotator.ingest.annotations import NO_ANNOTATOR, import_annotations
from annotator.models import ArticleDraft
from annotator.store import Store
from annotator.text import DecodeError, canonical_uid, canonicalise, decode_bytes

# `annotator.ingest.annotations` as a module (the package's `annotations` name is taken by
# `from __future__ import annotations`).
annotations_module = importlib.import_module("annotator.ingest.annotations")

TEXTS = [
    "প্রথম লাইন 😀 কিম\u00a0জং উন রাশি\u09dfা\u09df যাবেন।\r\nদ্বিতীয় লাইন! তৃতীয়?",
    "অন্য খবর: ঢাকায় বৃষ্টি 🌧 হবে। ক্ষেপণাস্ত্র প্রতিরক্ষা চুক্তি সই হয়েছে।",
    "তৃতীয় খবর, সেনা মোতায়েন হয়েছে সীমান্তে।",
]
# Timestamps the import makes itself: they differ between two runs.
_NOW_COLUMNS = {"imported_at", "updated", "created"}


def _span(start, end, label="claim", who="rahim", **more):
    return {"start": start, "end": end, "label": label, "annotator": who, **more}


def _records() -> list[str]:
    """A file with everything that crosses records: the same article several times (its
    spans, statuses, comments and review status repeated or changed), spans repeated within a
    record, bad lines, records by uid only, problems of every step, new span and document
    labels, offsets inside letters."""
    lines = []
    for i in range(23):
        text = TEXTS[i % 3] + ("" if i % 4 == 0 else f" {i // 5}")
        spans = [
            _span(
                i % 7,
                i % 7 + 5,
                ["claim", "visit", f"new{i % 3}"][i % 3],
                ["rahim", "karim"][i % 2],
            ),
            _span(
                3,
                9,
                "claim",
                "mita",
                attrs={"z": 1, "a": [1, 2]},
                created="2025-01-01T00:00:00+00:00",
            ),
        ]
        if i % 5 == 0:
            spans.append(dict(spans[0]))  # repeated within the record
        if i % 6 == 1:
            spans.append(_span(0, 9999))  # outside the text
        if i % 7 == 2:
            spans.append(_span(0, 3, text="নয়"))  # text does not match
        record = {"text": text, "title": f"শিরোনাম {i}", "spans": spans}
        if i % 3 == 0:
            record["status"] = {"rahim": "done", "karim": ["in_progress", "todo", "odd"][i % 3]}
        if i % 4 == 1:
            record["doc_labels"] = [{"annotator": "rahim", "label": ["zeta", "alpha"][i % 2]},
                                    {"annotator": "karim", "label": "alpha"}]  # fmt: skip
        if i % 5 == 2:
            record["comments"] = [
                {"author": "rahim", "body": "দেখুন", "start": 0, "end": 3, "created": "2025-02-02"},
                {"author": "rahim", "body": "বাইরে", "start": 5, "end": 99999},
            ]
        if i % 6 == 3:
            record["review_status"] = ["in_review", "adjudicated"][i % 2]
        lines.append(json.dumps(record, ensure_ascii=False))
        if i == 8:
            lines.append("{not json")
        if i == 11:
            lines += ["[1, 2]", "", json.dumps({"uid": "0000000000000000", "spans": []})]
        if i == 13:
            lines.append(json.dumps({"title": "no text", "spans": [_span(0, 1)]}))
            uid = canonical_uid(canonicalise(TEXTS[1] + " 0"))
            lines.append(json.dumps({"uid": uid, "status": {"mita": "done"}, "spans": []}))
    return lines


def _write(path: Path, lines: list[str], end: bytes = b"\n") -> Path:
    path.write_bytes(b"\n".join(line.encode() for line in lines) + end)
    return path


def _dump(store: Store) -> dict[str, list[tuple]]:
    """Every row of the tables an import writes, in row order, without the import's times
    (span times the file gives are kept)."""
    out = {}
    for table in ("articles", "spans", "labels", "article_status", "doc_labels", "comments",
                  "review_status", "search_pending", "articles_fts_docsize"):  # fmt: skip
        columns = [row[1] for row in store.db.execute(f"PRAGMA table_info({table})")]
        keep = [c for c in columns if c not in _NOW_COLUMNS or table == "spans"]
        rows = store.db.execute(
            f"SELECT {', '.join(f'[{c}]' for c in keep)} FROM {table} ORDER BY rowid"
        )
        out[table] = [tuple(row) for row in rows]
    out["spans"] = [row if str(row[-2]).startswith("2025") else row[:-2] for row in out["spans"]]
    return out


def _staged_rows(store: Store) -> int:
    tables = [r[0] for r in store.db.execute("SELECT name FROM temp.sqlite_master")]
    return sum(
        store.db.execute(f"SELECT count(*) FROM temp.[{t}]").fetchone()[0]
        for t in tables
        if t.startswith("import_")
    )


def _import(monkeypatch, chunk, paths, fmt="jsonl", annotator=None, store=None):
    monkeypatch.setattr(annotations_module, "CHUNK_RECORDS", chunk)
    store = store or Store()
    report = import_annotations(store, paths, fmt, annotator)
    assert _staged_rows(store) == 0
    return report, store


@pytest.mark.parametrize("chunk", [1, 2, 5])
def test_a_file_of_many_chunks_imports_exactly_as_one_chunk(tmp_path, monkeypatch, chunk):
    path = _write(tmp_path / "all.jsonl", _records())
    whole, one = _import(monkeypatch, 10_000, [path], annotator="mita")
    parts, many = _import(monkeypatch, chunk, [path], annotator="mita")
    assert whole.problems and whole.spans_duplicate and whole.spans_snapped
    assert whole.articles_matched and whole.labels_added
    assert parts.as_dict() == whole.as_dict()
    assert _dump(many) == _dump(one)
    # Again, into the project that holds it now: every span is a duplicate, in any chunks.
    again, _ = _import(monkeypatch, chunk, [path], annotator="mita", store=many)
    assert again.spans_added == 0 and again.labels_added == []
    assert again.spans_duplicate == whole.spans_added + whole.spans_duplicate
    assert _dump(many)["spans"] == _dump(one)["spans"]


def test_the_report_is_the_one_the_whole_file_import_gave(tmp_path, monkeypatch):
    """Pinned from the import that parsed and stored the file in one piece: problems in file
    order by the step that found them (reading, spans, articles, then comments)."""
    path = _write(tmp_path / "all.jsonl", _records())
    report, store = _import(monkeypatch, 3, [path], annotator="mita")
    assert (report.articles_created, report.articles_matched) == (16, 7)
    assert (report.spans_added, report.spans_duplicate, report.spans_snapped) == (39, 12, 27)
    assert report.labels_added == ["claim", "new2", "alpha"]
    steps = [(p.line, p.reason.split(":")[0].split(" ")[0]) for p in report.problems]
    assert steps == [
        (10, "invalid"), (14, "record"), (19, "record"),
        (2, "'claim'"), (3, "'claim'"), (8, "'claim'"), (11, "'claim'"), (18, "'claim'"),
        (23, "'claim'"), (26, "'claim'"),
        (16, "no"), (20, "no"),
        (3, "comment"), (8, "comment"), (17, "comment"), (24, "comment"), (29, "comment"),
    ]  # fmt: skip
    twice = store.db.execute(
        "SELECT count(*) FROM (SELECT 1 FROM spans GROUP BY article_id, annotator, label, start,"
        ' "end" HAVING count(*) > 1)'
    ).fetchone()[0]
    assert twice == 0 and store.db.execute("SELECT count(*) FROM spans").fetchone()[0] == 39


def test_chunks_of_a_stored_project_match_its_statuses_and_labels(tmp_path, monkeypatch):
    """Statuses are only set where none is recorded, whichever chunk the record is in."""
    path = _write(tmp_path / "all.jsonl", _records())
    dumps = []
    for chunk in (10_000, 3):
        with Store() as store:
            [first] = store.add_articles([ArticleDraft(text=TEXTS[0], title="আগে")])
            store.set_status(first.id, "rahim", "in_progress")
            store.set_review_status(first.id, "in_review", "x")
            report, _ = _import(monkeypatch, chunk, [path], annotator="mita", store=store)
            assert store.status(first.id, "rahim") == "in_progress"
            dumps.append((report.as_dict(), _dump(store)))
    assert dumps[0] == dumps[1]


@pytest.mark.parametrize("fmt", ["doccano", "labelstudio"])
def test_other_readers_import_alike_in_chunks(tmp_path, monkeypatch, fmt):
    if fmt == "doccano":
        lines = [json.dumps({"text": TEXTS[i % 3], "label": [[0, 4, "claim"], [2, 6, f"x{i}"]]},
                            ensure_ascii=False) for i in range(9)]  # fmt: skip
        path = _write(tmp_path / "d.jsonl", lines)
    else:
        result = [
            {"type": "labels", "value": {"start": 0, "end": 4, "labels": ["claim"]}},
            {"type": "relation"},
        ]
        annotations = [[{"completed_by": i % 2, "result": result}] for i in range(9)]
        tasks = [{"data": {"text": TEXTS[i % 3]}, "annotations": annotations[i]} for i in range(9)]
        path = tmp_path / "ls.json"
        path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    whole, one = _import(monkeypatch, 10_000, [path], fmt, "mita")
    parts, many = _import(monkeypatch, 2, [path], fmt, "mita")
    assert whole.spans_added and parts.as_dict() == whole.as_dict()
    assert _dump(many) == _dump(one)


# -- a file that fails late imports nothing -------------------------------------------------


def _project() -> Store:
    store = Store()
    [res] = store.add_articles([ArticleDraft(text=TEXTS[0], title="আগে")])
    store.add_span(res.id, "rahim", "claim", 0, 5)
    store.set_status(res.id, "rahim", "in_progress")
    return store


def _fails_late(tmp_path, monkeypatch, path, reason, annotator="mita", **lowered):
    store = _project()
    before = _dump(store)
    with limits.use_limits(**lowered):
        report, _ = _import(monkeypatch, 2, [path], annotator=annotator, store=store)
    assert [(p.file, p.line, p.reason) for p in report.problems] == [(str(path), None, reason)]
    assert report.spans_added == report.articles_created == 0
    assert _dump(store) == before
    return store


def test_bad_bytes_in_the_last_line_leave_the_store_unchanged(tmp_path, monkeypatch):
    lines = _records()
    data = b"\n".join(line.encode() for line in lines)
    bad = data[: len(data) - 20] + b"\xff" + data[len(data) - 20 :]
    path = tmp_path / "bad.jsonl"
    path.write_bytes(bad)
    with pytest.raises(DecodeError) as whole:  # the message a whole-file decode gives
        decode_bytes(bad)
    _fails_late(tmp_path, monkeypatch, path, str(whole.value))
    assert "not valid UTF-8 at byte" in str(whole.value)


def test_a_truncated_last_letter_is_reported_as_a_whole_file_decode_would(tmp_path, monkeypatch):
    data = _write(tmp_path / "ok.jsonl", _records(), b"").read_bytes()
    path = tmp_path / "cut.jsonl"
    path.write_bytes(data[:-2] + "অ".encode()[:2])
    with pytest.raises(DecodeError) as whole:
        decode_bytes(path.read_bytes())
    _fails_late(tmp_path, monkeypatch, path, str(whole.value))
    assert "truncated UTF-8" in str(whole.value)


def test_a_span_over_the_limit_in_the_last_record_leaves_the_store_unchanged(tmp_path, monkeypatch):
    lines = _records()
    records = [json.loads(line) for line in lines if line.startswith('{"')]
    counted = sum(len(r["spans"]) for r in records if "text" in r or "uid" in r)
    path = _write(tmp_path / "many.jsonl", lines)
    reason = f"more than {counted - 1:,} spans (the limit per file); split the file"
    _fails_late(tmp_path, monkeypatch, path, reason, spans=counted - 1)


def test_a_span_without_annotator_in_the_last_record_fails_the_file(tmp_path, monkeypatch):
    named = [json.dumps({"text": t, "spans": [_span(0, 3)]}) for t in TEXTS * 3]
    unnamed = json.dumps({"text": TEXTS[2], "spans": [{"start": 0, "end": 3, "label": "x"}]})
    path = _write(tmp_path / "unnamed.jsonl", [*named, unnamed])
    reason = f"{NO_ANNOTATOR} (1 span); nothing imported from this file"
    store = _fails_late(tmp_path, monkeypatch, path, reason, annotator=None)
    assert store.article_count() == 1


def test_damage_late_in_a_label_studio_file_leaves_the_store_unchanged(tmp_path, monkeypatch):
    task = {"data": {"text": TEXTS[1]}, "annotations": [{"result": [
        {"type": "labels", "value": {"start": 0, "end": 4, "labels": ["claim"]}}]}]}  # fmt: skip
    path = tmp_path / "ls.json"
    text = json.dumps([task] * 7, ensure_ascii=False)
    path.write_text(text[: len(text) - 30] + "}}", encoding="utf-8")
    store = _project()
    before = _dump(store)
    report, _ = _import(monkeypatch, 2, [path], "labelstudio", "mita", store=store)
    [problem] = report.problems
    assert problem.reason.startswith("invalid JSON")
    assert _dump(store) == before


# -- the write lock -------------------------------------------------------------------------


def test_staging_takes_no_write_lock(tmp_path, monkeypatch):
    """Between chunks another program writes at once: the project is not locked until the
    file's one short commit."""
    path = _write(tmp_path / "all.jsonl", _records())
    db = tmp_path / "p.db"
    Store(db).close()
    writes = []
    add = UnitImport.add

    def add_then_write(self, docs):
        add(self, docs)
        with Store(db) as other:
            other.db.execute("PRAGMA busy_timeout = 0")  # a held lock would fail at once
            other.set_setting("probe", len(writes))
            writes.append(len(docs))

    monkeypatch.setattr(UnitImport, "add", add_then_write)
    with Store(db) as store:
        report, _ = _import(monkeypatch, 4, [path], annotator="mita", store=store)
        assert report.spans_added > 0
    assert len(writes) > 3
