"""The one span insert: every write path goes through `store.span_rows`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from annotator.models import ArticleDraft
from annotator.store import Store
from annotator.store.span_rows import check_range, in_range

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("start,end", [(-1, 2), (2, 2), (3, 1), (0, 6)])
def test_a_range_outside_or_empty_is_refused(start, end):
    assert not in_range(start, end, 5)
    with pytest.raises(ValueError, match="outside text of length 5"):
        check_range(start, end, 5)


def test_a_range_inside_is_accepted():
    assert in_range(0, 5, 5)
    check_range(1, 2, 5)


def test_no_other_module_inserts_spans():
    writers = [
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "annotator").rglob("*.py")
        if re.search(r"INSERT INTO spans\b", path.read_text(encoding="utf-8"))
    ]
    assert writers == ["annotator/store/span_rows.py"]


def test_a_deleted_span_comes_back_under_its_id(tmp_path):
    with Store(tmp_path / "p.db") as store:
        article = store.add_articles([ArticleDraft(text="ভারত ও চীন", title="t")])[0].id
        span = store.add_span(article, "rahim", "visit", 0, 4)
        store.delete_span(span.id)
        store.restore_span(span)
        assert store.span(span.id) == span
        with pytest.raises(ValueError, match="outside text"):
            store.add_span(article, "rahim", "visit", 3, 40)
