"""Whole-file import: encodings, limits, atomicity, duplicates, reports."""

from __future__ import annotations

import json

import pytest

from annotator.ingest import MAX_PAGE_BYTES, import_file, import_paths
from annotator.store import Store

SEED = "000_b7916aeb5253ec9b.txt"


@pytest.fixture
def store():
    with Store() as s:
        yield s


def test_utf16_and_crlf_page_imports_like_the_utf8_original(store, seeds_dir, tmp_path):
    original = (seeds_dir / SEED).read_text(encoding="utf-8")
    converted = tmp_path / "utf16.txt"
    converted.write_bytes(original.replace("\n", "\r\n").encode("utf-16"))
    plain = import_file(store, seeds_dir / SEED)
    other = import_file(store, converted)
    assert plain.status == "imported"
    assert other.status == "duplicate"  # same canonical text, same uid
    assert other.ids == plain.ids


def test_bom_utf8_imports(store, seeds_dir, tmp_path):
    page = tmp_path / "bom.txt"
    page.write_bytes(b"\xef\xbb\xbf" + (seeds_dir / SEED).read_bytes())
    result = import_file(store, page)
    assert result.status == "imported"
    assert not store.article(result.ids[0]).text.startswith("\ufeff")


def test_raw_original_is_kept_and_text_is_canonical(store, tmp_path):
    page = tmp_path / "page.txt"
    body = "উত্তর কোরিয়া\u00a0রাশিয়ায় সৈন্য পাঠিয়েছে বলে দাবি করা হচ্ছে। 😀 কিম জং উন মস্কো যাবেন।"
    page.write_text(f"শিরোনাম এখানে লেখা আছে\r\n\r\n{body}\r\n", encoding="utf-8")
    result = import_file(store, page)
    article = store.article(result.ids[0])
    assert "\r" in article.raw and "\r" not in article.text
    assert "\u00a0" in article.text  # NBSP is text, kept


def test_enormous_page_fails_without_reading_it_all(store, tmp_path):
    big = tmp_path / "huge.txt"
    with big.open("wb") as handle:
        handle.truncate(MAX_PAGE_BYTES + 1)
        handle.seek(0)
        handle.write("কিম ".encode() * 10)
    result = import_file(store, big)
    assert result.status == "failed" and "too large" in result.reason


def test_dataset_is_all_or_nothing(store, tmp_path):
    data = tmp_path / "set.jsonl"
    good = {"title": "ক", "text": "কিম জং উন মস্কো সফর করবেন।"}
    data.write_text(json.dumps(good, ensure_ascii=False) + '\n{"title": 5, ', encoding="utf-8")
    result = import_file(store, data)
    assert result.status == "failed" and result.reason.startswith("line 2")
    assert store.article_count() == 0


def test_dataset_imports_and_counts_duplicates(store, tmp_path):
    rows = [{"headline": f"শিরোনাম {i}", "content": f"খবরের লেখা নম্বর {i}।"} for i in range(3)]
    rows.append(rows[0])
    data = tmp_path / "set.jsonl"
    data.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    result = import_file(store, data)
    assert (result.status, result.imported, result.duplicates) == ("imported", 3, 1)
    again = import_file(store, data)
    assert (again.status, again.imported, again.duplicates) == ("duplicate", 0, 4)


def test_folder_walk_skips_hidden_and_reports_each_file(store, seeds_dir, tmp_path):
    (tmp_path / ".hidden.txt").write_text("x", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "page.txt").write_bytes((seeds_dir / SEED).read_bytes())
    (tmp_path / "notes.txt").write_text("   \n\n", encoding="utf-8")
    report = import_paths(store, [tmp_path])
    names = sorted(f.path.rsplit("/", 1)[-1] for f in report.files)
    assert names == ["notes.txt", "page.txt"]
    assert report.totals() == {
        "files": 2,
        "imported": 1,
        "duplicates": 0,
        "records_skipped": 0,
        "failed": 1,
    }
