"""Export, then import into an empty store: what each format can carry comes back.

Texts mix Bengali with astral emoji, combining marks, precomposed য় (U+09DF, decomposed by
the store), NBSP and CRLF originals; spans overlap, from several annotators. `jsonl` must give
back every article and span field for field; doccano, brat and Label Studio the spans they can
express (Label Studio and brat also their annotators). The offsets-on-raw-sources properties
are in test_import_annotations.py, the writers' own in test_export_hypothesis.py.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.export import export
from annotator.export.selection import iter_export_items
from annotator.formats import jsonl
from annotator.ingest.annotations import import_annotations
from annotator.models import ArticleDraft
from annotator.store import Store
from annotator.text import canonicalise, grapheme_bounds

PIECES = [
    "কিম", "জং", "উন", "রাশি\u09dfা", "য়", "\u09df", "ড\u09bc", "\u09dc", "ক্ষ", "ো", "ে", "া", "্",
    "😀", "👍🏽", "🇧🇩", "\u00a0", "\u200c", "\u200d", " ", "।", "\r\n", "\n", "\t", "a", "২০২৫",
]  # fmt: skip
NOTE_PIECES = [*PIECES, "\u2028", "\u0085", '"', "\\", "\r"]
ANNOTATORS = ["rina", "tom", "করিম"]
LABELS = ["claim", "troop_deployment", "দাবি", "x-y"]  # brat-safe names
STAMP = st.sampled_from(
    ["2025-07-13T07:18:00.000+00:00", "2026-01-02T03:04:05.678+00:00", "২০২৫-০১-০১"]
)
EXAMPLES = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

texts = st.lists(st.sampled_from(PIECES), min_size=1, max_size=25).map("".join)
notes = st.lists(st.sampled_from(NOTE_PIECES), max_size=6).map("".join)
attr_values = st.one_of(
    st.sampled_from(["reported", "confirmed", "KCNA", "রয়টার্স"]),
    st.booleans(),
    st.integers(-3, 3),
    st.lists(st.sampled_from(["কিম", "পুতিন", "x y"]), min_size=2, max_size=3),
)
attrs = st.dictionaries(st.sampled_from(["certainty", "source", "actors", "flag"]), attr_values)


@st.composite
def projects(draw: Any) -> list[dict[str, Any]]:
    """Articles (distinct canonical texts) with overlapping spans, doc labels and statuses."""
    originals = draw(
        st.lists(
            texts.filter(lambda t: canonicalise(t).strip()),
            min_size=1,
            max_size=3,
            unique_by=canonicalise,
        )
    )
    articles = []
    for original in originals:
        # Stored spans are whole letters (grapheme clusters): the window and every import snap.
        bounds = st.sampled_from(grapheme_bounds(canonicalise(original)))
        ranges = st.tuples(bounds, bounds).filter(lambda r: r[0] < r[1])
        keys = draw(
            st.lists(
                st.tuples(st.sampled_from(ANNOTATORS), st.sampled_from(LABELS), ranges),
                max_size=7,
                unique_by=lambda k: (k[0], k[1], k[2]),
            )
        )
        spans = [
            (who, label, start, end, draw(attrs), draw(notes), draw(STAMP), draw(STAMP))
            for who, label, (start, end) in keys
        ]
        articles.append(
            {
                "draft": ArticleDraft(
                    text=original,
                    title=draw(texts),
                    outlet=draw(st.sampled_from(["", "প্রথম আলো"])),
                    byline=draw(st.sampled_from(["", "নিজস্ব প্রতিবেদক"])),
                    url=draw(st.sampled_from(["", "https://example.org/1"])),
                    published=draw(st.sampled_from([None, "2025-07-13T13:18:00+06:00"])),
                    updated=draw(st.sampled_from([None, "2025-07-14T09:00:00+06:00"])),
                    meta=draw(
                        st.dictionaries(st.sampled_from(["page", "লেখক"]), texts, max_size=2)
                    ),
                ),
                "spans": spans,
                "doc_labels": draw(
                    st.lists(
                        st.tuples(st.sampled_from(ANNOTATORS), st.sampled_from(["topic", "বিষয়"])),
                        max_size=2,
                        unique=True,
                    )
                ),
                "status": draw(
                    st.dictionaries(
                        st.sampled_from(ANNOTATORS),
                        st.sampled_from(["todo", "in_progress", "done"]),
                    )
                ),
            }
        )
    return articles


def _build(project: list[dict[str, Any]]) -> Store:
    store = Store()
    results = store.add_articles([a["draft"] for a in project])
    rows = []
    for article, result in zip(project, results, strict=True):
        for who, label, start, end, span_attrs, note, created, updated in article["spans"]:
            rows.append((result.id, who, label, start, end, span_attrs, note, "manual", created,
                         updated))  # fmt: skip
        for who, label in article["doc_labels"]:
            store.set_doc_label(result.id, who, label, True)
        for who, status in article["status"].items():
            store.set_status(result.id, who, status)
    store.insert_span_rows(rows)
    return store


def _export_import(source: Store, fmt: str, folder: Path, annotator: str | None = None) -> Store:
    path = folder / {"jsonl": "a.jsonl", "doccano": "d.jsonl", "labelstudio": "ls.json"}.get(
        fmt, "brat"
    )
    export(source, fmt, path)
    target = Store()
    report = import_annotations(target, [path], fmt, annotator=annotator)
    assert report.problems == []
    assert report.articles_created == source.article_count() == target.article_count()
    return target


def _texts(store: Store) -> dict[str, int]:
    """Article id by stored text."""
    return {store.article(row.id).text: row.id for row in store.articles()}


def _canonical_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _everything(store: Store) -> dict[str, Any]:
    """Every exported field of every article and span, by uid (span ids left out)."""
    out = {}
    for row in store.articles():
        a = store.article(row.id)
        spans = sorted(
            (s.annotator, s.label, s.start, s.end, s.text, _canonical_json(s.attrs), s.note,
             s.origin, s.created, s.updated)
            for s in store.spans(a.id)
        )  # fmt: skip
        statuses = {k: v for k, v in store.statuses(a.id).items() if v != "todo"}
        out[a.uid] = (
            a.title, a.outlet, a.byline, a.url, a.published, a.updated, a.text,
            _canonical_json(a.meta), spans, sorted(store.doc_labels(a.id)), statuses,
        )  # fmt: skip
    return out


@EXAMPLES
@given(projects())
def test_jsonl_round_trip_is_field_for_field(tmp_path_factory, project):
    folder = tmp_path_factory.mktemp("jsonl")
    with _build(project) as source:
        # the fast row writer `export` uses gives exactly the bytes of the item writer
        jsonl.write(iter_export_items(source), folder / "items.jsonl")
        with _export_import(source, "jsonl", folder) as target:
            assert (folder / "a.jsonl").read_bytes() == (folder / "items.jsonl").read_bytes()
            assert _everything(target) == _everything(source)
            # and once more: the second import finds everything there already
            again = import_annotations(target, [folder / "a.jsonl"], "jsonl")
            assert again.spans_added == 0 and again.articles_created == 0
            assert again.spans_duplicate == sum(len(a["spans"]) for a in project)


@EXAMPLES
@given(projects())
def test_doccano_round_trip_spans(tmp_path_factory, project):
    folder = tmp_path_factory.mktemp("doccano")
    with _build(project) as source, _export_import(source, "doccano", folder, "imp") as target:
        ours = _texts(target)
        for text, article_id in _texts(source).items():
            spans = source.spans(article_id)
            got = target.spans(ours[text])
            assert {(s.start, s.end, s.label) for s in got} == {
                (s.start, s.end, s.label) for s in spans
            }
            names = {s.annotator for s in spans}  # doccano keeps one annotator per document
            assert {s.annotator for s in got} <= (names if len(names) == 1 else {"imp"})
            assert all(s.text == text[s.start : s.end] for s in got)


def _brat_range(text: str, start: int, end: int) -> tuple[int, int] | None:
    """What brat can express of a span: line breaks at its edges are not part of a fragment."""
    while start < end and text[start] == "\n":
        start += 1
    while end > start and text[end - 1] == "\n":
        end -= 1
    return (start, end) if start < end else None


@EXAMPLES
@given(projects(), st.booleans())
def test_brat_round_trip_spans_and_annotators(tmp_path_factory, project, zipped):
    folder = tmp_path_factory.mktemp("brat")
    path = folder / ("out.zip" if zipped else "out")
    with _build(project) as source:
        export(source, "brat", path)
        with Store() as target:
            report = import_annotations(target, [path], "brat")
            assert report.problems == []
            ours = _texts(target)
            for text, article_id in _texts(source).items():
                want = set()
                for s in source.spans(article_id):
                    edges = _brat_range(text, s.start, s.end)
                    if edges is not None:
                        want.add((s.annotator, s.label, *edges))
                got = {(s.annotator, s.label, s.start, s.end) for s in target.spans(ours[text])}
                assert got == want


@EXAMPLES
@given(projects())
def test_labelstudio_round_trip_spans_annotators_notes(tmp_path_factory, project):
    folder = tmp_path_factory.mktemp("ls")
    with _build(project) as source, _export_import(source, "labelstudio", folder) as target:
        ours = _texts(target)
        for text, article_id in _texts(source).items():

            def carried(attrs: dict[str, Any]) -> str:
                # Label Studio choices carry string attributes (and lists of strings)
                return _canonical_json(
                    {
                        k: v
                        for k, v in attrs.items()
                        if (isinstance(v, str) and v)
                        or (isinstance(v, list) and v and all(isinstance(x, str) and x for x in v))
                    }
                )

            want = sorted(
                (s.annotator, s.label, s.start, s.end, s.text, s.note, carried(s.attrs))
                for s in source.spans(article_id)
            )
            got = sorted(
                (s.annotator, s.label, s.start, s.end, s.text, s.note, _canonical_json(s.attrs))
                for s in target.spans(ours[text])
            )
            assert got == want
