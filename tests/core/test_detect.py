"""detect_format: extension first, then the decoded head."""

from __future__ import annotations

import pytest

from annotator.ingest.detect import FORMATS, detect_format


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("a.jsonl", "jsonl"),
        ("a.NDJSON", "jsonl"),
        ("dir.v2/a.json", "json"),
        ("a.csv", "csv"),
        ("a.tsv", "csv"),
        ("a.html", "html"),
        ("a.HTM", "html"),
        ("a.xhtml", "html"),
        ("a.txt", "text"),
        ("a.md", "text"),
    ],
)
def test_extension_wins(path: str, expected: str) -> None:
    # The head says something else; the extension decides.
    assert (
        detect_format(path, "<html><body><p>x</p></body></html>" if expected != "html" else "")
        == expected
    )


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("<!DOCTYPE html>\n<html lang='bn'>", "html"),
        ("\ufeff  <html><head><title>খবর</title>", "html"),
        ("<div class='story'><p>লেখা</p></div>", "html"),
        ("<?xml version='1.0'?>\n<html xmlns='http://www.w3.org/1999/xhtml'>", "html"),
        ('\n\n{"title": "ক", "body": "লেখা"}\n{"title": "খ"', "jsonl"),
        ('[{"title": "ক"}]', "json"),
        ('[\n  {\n    "title": "ক"', "json"),
        ("[ছবি] ঢাকায় বন্যা", "text"),
        ('{\n  "articles": [\n', "json"),
        ("<<< এটা HTML নয় >>>", "text"),
        ("ঢাকায় বন্যা পরিস্থিতির অবনতি\nপ্রকাশ: ১৩ জুলাই ২০২৫", "text"),
        ("{ এটা JSON নয়", "text"),
        ("", "text"),
        ("   \n", "text"),
    ],
)
def test_sniffing_unknown_extensions(head: str, expected: str) -> None:
    assert detect_format("downloads/article", head) == expected
    assert detect_format("page.dat", head) == expected


def test_result_is_a_known_format() -> None:
    for head in ("", "<p>", "{}", "[", "x"):
        assert detect_format("f", head) in FORMATS[1:]
