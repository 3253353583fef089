"""Every format streams its export: the selection reads the project as it goes, and CSV
learns its attribute columns with one query instead of listing the selection first."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.export import ExportFilter, export, iter_export_items, iter_export_rows
from annotator.export.selection import Selection, attribute_keys
from annotator.formats import csv as csv_format
from annotator.models import ArticleDraft
from annotator.store import Store

WHO = ("rahim", "karim", "mita")
LABELS = ("claim", "visit", "treaty")
STATUSES = ("todo", "in_progress", "done")
DAYS = (None, "", "2025-07-13T13:18:00+06:00", "2025-08-01", "2025-08-01T23:00:00+06:00")
ATTRS = ({}, {"certainty": "reported"}, {"source": "KCNA", "z": ["a", "b"]}, {"flag": True})


@pytest.fixture(scope="module")
def project():
    """Articles with dates, statuses (also of someone with no span and no name), document
    labels, comments, review statuses and spans with varied attributes."""
    with Store() as store:
        drafts = [
            ArticleDraft(text=f"খবর নম্বর {i}: ঢাকায় বৈঠক হয়েছে।", title=f"=শিরোনাম {i}",
                         published=DAYS[i % len(DAYS)])
            for i in range(15)
        ]  # fmt: skip
        ids = [result.id for result in store.add_articles(drafts)]
        store.ensure_labels(LABELS)
        for n, article_id in enumerate(ids):
            for k in range(n % 4):
                who, label = WHO[(n + k) % 3], LABELS[(n * k + n) % 3]
                attrs = {**ATTRS[(n + 2 * k) % len(ATTRS)], f"{who}_{label}": 1}
                if drafts[n].published and drafts[n].published.startswith("2025-08"):
                    attrs["august"] = "yes"
                else:
                    attrs["earlier"] = "yes"
                store.add_span(article_id, who, label, k, k + 4, attrs=attrs)
            if n % 3:
                store.set_status(article_id, WHO[n % 3], STATUSES[n % 3])
            if n % 5 == 4:
                store.set_status(article_id, "outsider", "done")
                store.set_status(article_id, "rahim", "todo")
            if n % 4 == 1:
                store.add_comment(article_id, "rahim", f"মন্তব্য {n}", 0, 3)
                store.set_review_status(article_id, "in_review", "rahim")
            if n % 6 == 2:
                store.set_doc_label(article_id, "karim", "topic", True)
        yield store


def _listed_keys(store, flt):
    return sorted(
        {k for item in iter_export_items(store, flt) for s in item.spans for k in s.attrs}
    )


filters = st.builds(
    ExportFilter,
    annotators=st.lists(st.sampled_from((*WHO, "outsider", "nobody")), max_size=2).map(tuple),
    labels=st.lists(st.sampled_from((*LABELS, "none")), max_size=2).map(tuple),
    status=st.sampled_from((None, *STATUSES)),
    since=st.sampled_from((None, "2025-07-14", "2025-08-01")),
    until=st.sampled_from((None, "2025-07-31", "2025-08-01")),
)


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(flt=filters)
def test_the_attribute_columns_query_names_the_keys_of_the_selection(project, flt):
    assert attribute_keys(project, flt) == _listed_keys(project, flt)


def test_the_filters_do_select_different_columns(project):
    """The property above is not won by dull answers: each kind of filter changes the
    columns for some value."""
    everything = _listed_keys(project, ExportFilter())
    assert {"certainty", "flag", "source", "z", "august"} < set(everything)
    for field, values in (
        ("annotators", [(w,) for w in WHO]),
        ("labels", [(label,) for label in LABELS]),
        ("status", STATUSES),
        ("since", ["2025-07-14", "2025-08-01"]),
    ):
        found = [attribute_keys(project, ExportFilter(**{field: v})) for v in values]
        assert any(keys != everything for keys in found), field
        assert found == [_listed_keys(project, ExportFilter(**{field: v})) for v in values]


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(flt=filters)
def test_csv_from_rows_is_byte_identical_to_csv_from_items(project, tmp_path, flt):
    one, two, three = tmp_path / "items.csv", tmp_path / "rows.csv", tmp_path / "list.csv"
    count = csv_format.write(iter_export_items(project, flt), one)
    assert csv_format.write_rows(iter_export_rows(project, flt), two) == count
    assert csv_format.write(list(iter_export_items(project, flt)), three) == count  # listed
    assert one.read_bytes() == two.read_bytes() == three.read_bytes()


def test_export_writes_csv_from_the_selection_stream(project, tmp_path, monkeypatch):
    """`export` hands the CSV writer the selection itself (never a list), which asks for its
    columns and then streams."""
    seen = []
    real = csv_format.write_rows

    def spy(rows, path, progress=None):
        seen.append(type(rows))
        return real(rows, path, progress)

    monkeypatch.setattr(csv_format, "write_rows", spy)
    from annotator.export import ROW_WRITERS

    assert "csv" in ROW_WRITERS
    assert export(project, "csv", tmp_path / "x.csv") == sum(
        len(item.spans) for item in iter_export_items(project)
    )
    assert seen == [Selection]


def test_comments_and_review_statuses_stream_beside_the_articles(project):
    items = list(iter_export_items(project))
    by_article = {c.article_id: [] for c in project.comments()}
    for comment in project.comments():
        by_article[comment.article_id].append(comment)
    reviews = project.review_statuses()
    for item in items:
        assert item.comments == by_article.get(item.article.id, [])
        assert item.review_status == reviews.get(item.article.id, "not_reviewed")
    assert any(item.comments for item in items) and any(
        item.review_status != "not_reviewed" for item in items
    )
