"""Agreement reports: CSV sections with BOM, JSON as the dict, escaped self-contained HTML."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET

import pytest

from annotator.agreement import Document, compare_documents
from annotator.agreement_report import (
    format_score,
    heat_colour,
    render_html,
    report_format,
    save_report,
)

TEXT = "কিম জং উন রাশিয়া সফর করবেন।"
EVIL = "<script>alert('x')</script> সফর & \"চুক্তি\""


@pytest.fixture
def result():
    doc = Document(
        7,
        TEXT,
        a=[(0, 9, "visit"), (10, 17, "=cmd")],
        b=[(0, 6, "visit"), (18, 21, "<i>treaty</i>")],
        title=EVIL,
    )
    return compare_documents([doc], a="রহিম", b="karim")


def test_format_follows_the_suffix(tmp_path):
    assert report_format("x.CSV") == "csv" and report_format("a/b.htm") == "html"
    with pytest.raises(ValueError, match="must end in"):
        report_format(tmp_path / "x.txt")


def test_csv_has_bom_sections_and_no_formulas(tmp_path, result):
    path = tmp_path / "agree.csv"
    assert save_report(result, path) == "csv"
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[:3] == [["a", "রহিম"], ["b", "karim"], ["articles", "1"]]
    names = [row[0] for row in rows if len(row) == 1]
    assert names == ["summary", "per_article", "confusion"]
    summary = rows[rows.index(["summary"]) + 1 :]
    assert summary[0][:4] == ["scope", "label", "a_spans", "b_spans"]
    assert summary[1][:4] == ["overall", "", "2", "2"]
    assert summary[1][4] == "0.0" and summary[1][5] == "0.5"
    assert [row[1] for row in summary[2:5]] == ["<i>treaty</i>", "'=cmd", "visit"]  # by name
    assert summary[3][:6] == ["label", "'=cmd", "1", "0", "0.0", "0.0"]
    article = rows[rows.index(["per_article"]) + 2]
    assert article[:2] == ["7", EVIL]
    confusion = rows[rows.index(["confusion"]) + 1 :]
    assert confusion[0] == ["রহিম \\ karim", "<i>treaty</i>", "'=cmd", "visit", "∅"]
    assert confusion[2] == ["'=cmd", "0", "0", "0", "1"]
    assert confusion[3] == ["visit", "0", "0", "1", "0"]
    assert confusion[4] == ["∅", "1", "0", "0", "0"]


def test_json_is_the_dict(tmp_path, result):
    path = tmp_path / "agree.json"
    save_report(result, path)
    assert json.loads(path.read_text(encoding="utf-8")) == result.as_dict()
    assert "রহিম" in path.read_text(encoding="utf-8")  # not \u-escaped


def test_html_is_escaped_and_bengali_ready(tmp_path, result):
    path = tmp_path / "agree.html"
    save_report(result, path)
    page = path.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="bn">' in page and '<meta charset="utf-8">' in page
    assert '"Noto Sans Bengali"' in page
    assert "<script" not in page and "<i>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; সফর &amp; &quot;চুক্তি&quot;" in page
    assert "http" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")  # self-contained
    svgs = re.findall(r"<svg.*?</svg>", page, flags=re.S)
    assert len(svgs) == len(result.per_label)
    for svg in svgs:
        ET.fromstring(svg)  # well-formed
    assert "background:#ffffff" in page and f"background:{heat_colour(1, 1)}" in page


def test_html_without_spans_still_renders():
    empty = compare_documents([Document(1, TEXT, [], [])])
    page = render_html(empty)
    assert "No spans in either layer" in page and "<svg" not in page
    assert "—" in page  # undefined figures shown as a dash


def test_heat_colour_scale():
    assert heat_colour(0, 5) == "#ffffff"
    light, dark = heat_colour(1, 10), heat_colour(10, 10)
    assert light != dark and dark == "#2166ac"
    assert format_score(None) == "—" and format_score(0.12345) == "0.123"


def test_failed_write_keeps_the_old_file(tmp_path, result, monkeypatch):
    path = tmp_path / "agree.html"
    path.write_text("old", encoding="utf-8")

    def boom(_result):
        raise RuntimeError("disk full")

    monkeypatch.setattr("annotator.agreement_report.render_html", boom)
    with pytest.raises(RuntimeError):
        save_report(result, path)
    assert path.read_text(encoding="utf-8") == "old"
    assert list(tmp_path.iterdir()) == [path]
