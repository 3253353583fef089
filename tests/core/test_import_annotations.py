"""Importing annotations from our JSONL, doccano, Label Studio and brat files."""

from __future__ import annotations

import json
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.export import export
from annotator.ingest.annotations import (
    FORMATS,
    NO_ANNOTATOR,
    AnnotationReport,
    import_annotations,
)
from annotator.models import ArticleDraft
from annotator.store import Store
from annotator.text import canonicalise, grapheme_bounds, snap_to_graphemes

# The ORIGINAL text holds precomposed য় (U+09DF), an emoji, NBSP and CRLF: the store keeps
# its canonical form, which is shorter/longer in places.
ORIGINAL = "প্রথম লাইন 😀 কিম\u00a0জং উন রাশি\u09dfা\u09df যাবেন।\r\nদ্বিতীয় লাইন! তৃতীয়?\r\nশেষ কথা।"
OTHER = "অন্য খবর: ঢাকায় বৃষ্টি 🌧 হবে।"


def _at(text: str, piece: str) -> tuple[int, int]:
    start = text.index(piece)
    return start, start + len(piece)


def _make_store() -> Store:
    store = Store()
    first, second = store.add_articles(
        [
            ArticleDraft(text=ORIGINAL, title="শিরোনাম", outlet="প্রথম আলো", url="https://x/1"),
            ArticleDraft(text=OTHER, title="দ্বিতীয়", published="2025-08-01T09:00:00+06:00"),
        ]
    )
    store.ensure_labels(["claim", "actor", "topic"])
    text = store.article(first.id).text
    store.add_span(first.id, "rina", "claim", *_at(text, canonicalise("রাশি\u09dfা\u09df")),
                   {"certainty": "reported", "actors": ["কিম", "উন"]}, "একটি নোট")  # fmt: skip
    store.add_span(first.id, "rina", "actor", *_at(text, "কিম\u00a0জং উন"))
    store.add_span(first.id, "tom", "claim", *_at(text, "লাইন! তৃতীয়?\nশেষ"), {"flag": True})
    store.add_span(first.id, "tom", "actor", *_at(text, "😀"), note="emoji")
    other = store.article(second.id).text
    store.add_span(second.id, "tom", "claim", *_at(other, "ঢাকায় বৃষ্টি 🌧"))
    store.set_doc_label(first.id, "rina", "topic", True)
    store.set_status(first.id, "rina", "done")
    store.set_status(second.id, "tom", "in_progress")
    return store


def _all_spans(store: Store) -> list:
    return [s for row in store.articles() for s in store.spans(row.id)]


def _key(store: Store, span) -> tuple:
    return (store.article(span.article_id).uid, span.label, span.start, span.end, span.text)


@pytest.fixture
def source() -> Store:
    with _make_store() as store:
        yield store


@pytest.fixture
def target() -> Store:
    with Store() as store:
        yield store


def _export(store: Store, fmt: str, path: Path) -> Path:
    export(store, fmt, path)
    return path


# -- round trips -------------------------------------------------------------------------------


def test_jsonl_round_trip_restores_everything(source, target, tmp_path):
    path = _export(source, "jsonl", tmp_path / "out.jsonl")
    report = import_annotations(target, [path], "jsonl")
    assert report.problems == []
    assert report.articles_created == 2 and report.spans_added == 5
    fields = ("annotator", "label", "start", "end", "text", "attrs", "note", "origin")
    for row in source.articles():
        a = source.article(row.id)
        b = target.article_by_uid(a.uid)
        assert b is not None
        for name in ("text", "title", "outlet", "url", "published", "meta"):
            assert getattr(b, name) == getattr(a, name)
        got = [tuple(getattr(s, f) for f in fields) for s in target.spans(b.id)]
        want = [tuple(getattr(s, f) for f in fields) for s in source.spans(a.id)]
        assert sorted(got, key=repr) == sorted(want, key=repr)
        assert target.doc_labels(b.id) == source.doc_labels(a.id)
        assert target.statuses(b.id) == source.statuses(a.id)
    assert {label.key for label in target.labels()} >= {"claim", "actor", "topic"}
    assert next(lab for lab in target.labels() if lab.key == "topic").kind == "doc"


def test_jsonl_keeps_span_times(source, target, tmp_path):
    path = _export(source, "jsonl", tmp_path / "out.jsonl")
    import_annotations(target, [path], "jsonl")

    def times(store: Store) -> list[tuple]:
        return sorted(
            (*_key(store, s), s.annotator, s.created, s.updated) for s in _all_spans(store)
        )

    assert times(target) == times(source)
    made, changed = "2020-01-02T03:04:05.000+00:00", "2021-01-01T00:00:00.000+00:00"
    record = {
        "text": OTHER,
        "spans": [
            {"start": 0, "end": 4, "label": "x", "annotator": "a", "created": made,
             "updated": changed},
            {"start": 0, "end": 4, "label": "y", "annotator": "a", "created": made},
            {"start": 0, "end": 4, "label": "z", "annotator": "a"},
        ],
    }  # fmt: skip
    with Store() as fresh:
        import_annotations(fresh, [_write_lines(tmp_path / "t.jsonl", [record])], "jsonl")
        got = {s.label: (s.created, s.updated) for s in _all_spans(fresh)}
    assert got["x"] == (made, changed)
    assert got["y"] == (made, made)  # not updated since
    assert got["z"][0] == got["z"][1] > "2025"  # none given: the import time


def test_doccano_round_trip_spans(source, target, tmp_path):
    path = _export(source, "doccano", tmp_path / "out.jsonl")
    report = import_annotations(target, [path], "doccano", annotator="importer")
    assert report.problems == []
    assert sorted(_key(target, s) for s in _all_spans(target)) == sorted(
        _key(source, s) for s in _all_spans(source)
    )
    # an article with exactly one annotator names it; the merged one uses the argument
    other = target.article_by_text(OTHER)
    assert {s.annotator for s in target.spans(other.id)} == {"tom"}


def test_labelstudio_round_trip_spans_and_annotators(source, target, tmp_path):
    path = _export(source, "labelstudio", tmp_path / "out.json")
    report = import_annotations(target, [path], "labelstudio")
    assert report.problems == []

    def layer(store: Store) -> list[tuple]:
        return sorted((s.annotator, s.note, *_key(store, s)) for s in _all_spans(store))

    assert layer(target) == layer(source)
    claim = next(s for s in _all_spans(target) if s.annotator == "rina" and s.label == "claim")
    assert claim.attrs == {"certainty": "reported", "actors": ["কিম", "উন"]}


@pytest.mark.parametrize("name", ["brat_out", "brat_out.zip"])
def test_brat_round_trip_spans(source, target, tmp_path, name):
    path = _export(source, "brat", tmp_path / name)
    report = import_annotations(target, [path], "brat")
    assert report.problems == []
    assert report.files == 2

    def layer(store: Store) -> list[tuple]:
        return sorted((s.annotator, s.note, *_key(store, s)) for s in _all_spans(store))

    assert layer(target) == layer(source)
    attrs = {s.label + s.annotator: s.attrs for s in _all_spans(target)}
    assert attrs["claimtom"] == {"flag": True}
    assert attrs["claimrina"] == {"certainty": "reported", "actors": "কিম; উন"}


def test_single_ann_path_and_crlf_txt(target, tmp_path):
    src = "প্রথম লাইন\r\nরাশি\u09dfা\u09df যাবেন\r\nশেষ"
    (tmp_path / "doc.txt").write_bytes(src.encode("utf-8"))
    s, e = _at(src, "রাশি\u09dfা\u09df")
    s2, e2 = _at(src, "শেষ")
    ann = (
        f"T1\tclaim {s} {e}\tরাশি\u09dfা\u09df\n"
        f"T2\tclaim {s} {e - 1};{s2} {e2}\tignored text\n"  # text mismatch: reported
        f"T3\tclaim {s} {e};{s2} {e2}\tরাশি\u09dfা\u09df শেষ\n"
        "#1\tAnnotatorNotes T1\tannotator=mina\n"
    )
    (tmp_path / "doc.ann").write_text(ann, encoding="utf-8")
    report = import_annotations(target, [tmp_path / "doc.ann"], "brat", annotator="x")
    assert [(p.line, "does not match" in p.reason) for p in report.problems] == [(2, True)]
    spans = _all_spans(target)
    assert [(s.annotator, s.text) for s in spans] == [
        ("mina", canonicalise("রাশি\u09dfা\u09df")),
        ("x", canonicalise(src[s:e2])),
    ]


# -- offsets on non-canonical sources --------------------------------------------------------


def _write_lines(path: Path, records: list) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_doccano_precomposed_ya_offsets_land_on_words(target, tmp_path):
    src = "কিম জং উন রাশি\u09dfা\u09df যাবেন, ঢাকা\u09dc নয়; 😀 ঠিক।"
    assert canonicalise(src) != src
    words = ["রাশি\u09dfা\u09df", "যাবেন", "ঢাকা\u09dc", "ঠিক"]
    labels = [[*_at(src, w), "place"] for w in words]
    path = _write_lines(tmp_path / "d.jsonl", [{"text": src, "label": labels, "user": "ana"}])
    report = import_annotations(target, [path], "doccano")
    assert report.problems == [] and report.spans_added == 4
    spans = _all_spans(target)
    assert [s.text for s in spans] == [canonicalise(w) for w in words]
    assert {s.annotator for s in spans} == {"ana"}
    text = target.article(spans[0].article_id).text
    assert all(text[s.start : s.end] == s.text for s in spans)


def test_crlf_source_offsets_are_mapped(target, tmp_path):
    src = "প্রথম লাইন\r\nদ্বিতীয় লাইন\r\nতৃতীয় শব্দ"
    path = _write_lines(
        tmp_path / "d.jsonl",
        [{"text": src, "labels": [{"start_offset": a, "end_offset": b, "label": "w"}
                                  for a, b in (_at(src, "তৃতীয়"), _at(src, "লাইন\r\nতৃতীয়"))]}],
    )  # fmt: skip
    report = import_annotations(target, [path], "doccano", annotator="ana")
    assert report.problems == []
    assert sorted(s.text for s in _all_spans(target)) == ["তৃতীয়", "লাইন\nতৃতীয়"]


def test_bad_lines_reported_good_ones_imported(target, tmp_path):
    good = "ভালো খবর আজ।"
    path = _write_lines(
        tmp_path / "mixed.jsonl",
        [
            {"text": good, "label": [[0, 4, "ok"], [5, 99, "ok"]]},
            '{"text": "ভাঙা JSON", "label": [[0, 2,',
            {"text": "দ্বিতীয় খবর।", "label": [[0, 8, "ok"]]},
            {"text": "   ", "label": []},
        ],
    )
    report = import_annotations(target, [path], "doccano", annotator="ana")
    lines = sorted((p.line, p.reason.split(":")[0]) for p in report.problems)
    assert [line for line, _ in lines] == [1, 2, 4]
    assert "outside text" in next(p.reason for p in report.problems if p.line == 1)
    assert "invalid JSON" in next(p.reason for p in report.problems if p.line == 2)
    assert sorted(s.text for s in _all_spans(target)) == sorted(["ভালো", "দ্বিতীয়"])


def test_jsonl_text_mismatch_reported_with_line(target, tmp_path):
    record = {
        "text": "এক দুই তিন",
        "spans": [
            {"start": 0, "end": 2, "label": "n", "text": "এক", "annotator": "a"},
            {"start": 3, "end": 6, "label": "n", "text": "তিন", "annotator": "a"},
        ],
    }
    path = _write_lines(tmp_path / "x.jsonl", ["", record])
    report = import_annotations(target, [path], "jsonl")
    assert len(report.problems) == 1
    assert report.problems[0].line == 2 and "does not match" in report.problems[0].reason
    assert [s.text for s in _all_spans(target)] == ["এক"]


def test_offsets_cutting_a_composition_are_reported(target, tmp_path):
    src = "ক\u09c7\u09be খ"  # ে + া composes to ো under NFC
    path = _write_lines(tmp_path / "d.jsonl", [{"text": src, "label": [[0, 2, "x"], [0, 3, "x"]]}])
    report = import_annotations(target, [path], "doccano", annotator="ana")
    assert [p.line for p in report.problems] == [1]
    assert "canonicalisation" in report.problems[0].reason
    assert [s.text for s in _all_spans(target)] == ["ক\u09cb"]


# -- duplicates, labels, existing data ---------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_import_twice_adds_nothing(source, target, tmp_path, fmt):
    path = _export(source, fmt, tmp_path / f"out.{fmt}")
    first = import_annotations(target, [path], fmt, annotator="ana")
    before = [(s.id, s.updated) for s in _all_spans(target)]
    second = import_annotations(target, [path], fmt, annotator="ana")
    assert first.spans_added == 5 and first.problems == []
    assert second.spans_added == 0 and second.spans_duplicate == 5
    assert second.articles_created == 0 and second.articles_matched == 2
    assert second.labels_added == []
    assert [(s.id, s.updated) for s in _all_spans(target)] == before


def test_unknown_label_added_and_reported(source, tmp_path):
    path = _write_lines(
        tmp_path / "d.jsonl", [{"text": OTHER, "label": [[0, 4, "নতুন_লেবেল"], [0, 4, "claim"]]}]
    )
    report = import_annotations(source, [path], "doccano", annotator="ana")
    assert report.labels_added == ["নতুন_লেবেল"]
    assert "নতুন_লেবেল" in {label.key for label in source.labels()}
    assert report.articles_matched == 1 and report.articles_created == 0


def test_nothing_pre_existing_changes(source, tmp_path):
    def snapshot() -> tuple:
        rows = [(source.article(r.id), source.statuses(r.id), source.doc_labels(r.id))
                for r in source.articles()]  # fmt: skip
        return rows, _all_spans(source), source.labels()

    before = snapshot()
    first = source.article_by_text(ORIGINAL)
    text = first.text
    record = {
        "uid": first.uid,
        "text": text,
        "spans": [
            {"start": 0, "end": 5, "label": "claim", "text": text[:5], "annotator": "new"},
            {"start": 0, "end": 900, "label": "claim", "annotator": "new"},
        ],
        "doc_labels": [{"annotator": "rina", "label": "topic"}],
        "status": {"rina": "todo", "tom": "done"},
    }
    path = _write_lines(tmp_path / "x.jsonl", [record])
    report = import_annotations(source, [path], "jsonl")
    assert report.spans_added == 1 and len(report.problems) == 1
    rows, spans, labels = snapshot()
    assert source.statuses(first.id) == {"rina": "done", "tom": "done"}  # rina's "done" kept
    assert [r for r in rows if r[0].id != first.id] == [r for r in before[0] if r[0].id != first.id]
    assert [replace(r[0], span_count=0) for r in rows] == [
        replace(r[0], span_count=0) for r in before[0]
    ]
    assert [s for s in spans if s.annotator != "new"] == before[1]
    assert labels == before[2]


# -- annotators and whole-file failures ------------------------------------------------------


def test_no_annotator_fails_the_file_before_writing(target, tmp_path):
    records = [{"text": OTHER, "label": [[0, 4, "x"]]}, {"text": "আরেকটি খবর।", "label": []}]
    path = _write_lines(tmp_path / "d.jsonl", records)
    labels = target.labels()
    report = import_annotations(target, [path], "doccano")
    [problem] = report.problems
    assert problem.line is None and problem.reason.startswith(NO_ANNOTATOR)
    assert "--annotator NAME" in problem.reason
    assert report.spans_added == 0 and report.articles_created == 0
    assert target.article_count() == 0 and target.labels() == labels


def test_labelstudio_annotator_sources_and_cancelled(target, tmp_path):
    text = "কিম 😀 জং উন"
    s, e = _at(text, "জং")
    tasks = [
        {
            "data": {"text": text},
            "annotations": [
                {"completed_by": {"id": 3, "email": "a@x.org"},
                 "result": [{"id": "r1", "type": "labels", "from_name": "label",
                             "value": {"start": s, "end": e, "text": "জং", "labels": ["P"]}},
                            {"id": "r1", "type": "choices", "from_name": "stance",
                             "value": {"choices": ["pro"]}},
                            {"id": "r2", "type": "textarea", "value": {"text": ["x"]}}]},
                {"completed_by": 7, "was_cancelled": True,
                 "result": [{"id": "c", "type": "labels",
                             "value": {"start": 0, "end": 3, "text": "কিম", "labels": ["P"]}}]},
                {"completed_by": 9,  # JavaScript (UTF-16) offsets after the emoji
                 "result": [{"id": "u", "type": "labels",
                             "value": {"start": s + 1, "end": e + 1, "text": "জং",
                                       "labels": ["Q"]}}]},
            ],
        },
        {"data": {"text": text},
         "annotations": [{"result": [{"id": "z", "type": "labels",
                                      "value": {"start": 0, "end": 3, "text": "ভুল",
                                                "labels": ["P"]}}]}]},
    ]  # fmt: skip
    path = tmp_path / "ls.json"
    path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    report = import_annotations(target, [path], "labelstudio", annotator="fallback")
    assert [(p.line, "does not match" in p.reason) for p in report.problems] == [(2, True)]
    got = sorted((sp.annotator, sp.label, sp.text, sp.attrs) for sp in _all_spans(target))
    assert got == [("9", "Q", "জং", {}), ("a@x.org", "P", "জং", {"stance": "pro"})]


def test_unparseable_files_import_nothing(target, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('[{"data": {"text": "ক"}, ', encoding="utf-8")
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "lonely.ann").write_text("T1\tx 0 1\tক\n", encoding="utf-8")
    ls = import_annotations(target, [bad], "labelstudio", annotator="a")
    br = import_annotations(target, [folder], "brat", annotator="a")
    missing = import_annotations(target, [tmp_path / "nope.jsonl"], "jsonl")
    for report in (ls, br, missing):
        assert len(report.problems) == 1 and report.problems[0].line is None
        assert report.files == 1
    assert "invalid JSON" in ls.problems[0].reason
    assert ".txt" in br.problems[0].reason
    assert target.article_count() == 0
    assert isinstance(AnnotationReport().as_dict()["problems"], list)


def test_brat_zip_with_missing_txt(target, tmp_path):
    path = tmp_path / "a.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("a.txt", "এক দুই")
        z.writestr("a.ann", "T1\tn 0 2\tএক\n#1\tAnnotatorNotes T1\tannotator=z\n")
        z.writestr("b.ann", "T1\tn 0 2\tএক\n")
    report = import_annotations(target, [path], "brat")
    assert report.files == 2 and report.spans_added == 1
    assert [p.file.endswith("b.ann") for p in report.problems] == [True]


# -- property tests --------------------------------------------------------------------------

_PIECES = ["ক", "া", "ে", "্", "ষ", "\u09df", "\u09dc", "😀", "\r\n", "\n", " ", "\u00a0", "a"]
_texts = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=40).map("".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(original=_texts.filter(lambda t: canonicalise(t).strip()), data=st.data())
def test_property_jsonl_and_doccano_round_trip(original, data, tmp_path_factory):
    folder = tmp_path_factory.mktemp("prop")
    with Store() as source:
        article_id = source.add_articles([ArticleDraft(text=original)])[0].id
        bounds = st.sampled_from(grapheme_bounds(source.article(article_id).text))
        pairs = data.draw(
            st.lists(
                st.tuples(bounds, bounds).filter(lambda p: p[0] < p[1]),
                max_size=6,
                unique=True,
            )
        )
        for i, (a, b) in enumerate(pairs):
            source.add_span(article_id, "ana", f"L{i % 2}", a, b, {"k": i}, f"n{i}")
        want = sorted((s.label, s.start, s.end, s.text) for s in source.spans(article_id))
        for fmt in ("jsonl", "doccano"):
            path = _export(source, fmt, folder / f"{fmt}.jsonl")
            with Store() as target:
                report = import_annotations(target, [path], fmt, annotator="ana")
                assert report.problems == []
                got = target.spans(target.article_by_text(original).id)
                assert sorted((s.label, s.start, s.end, s.text) for s in got) == want
                if fmt == "jsonl":
                    assert sorted((s.attrs["k"], s.note) for s in got) == [
                        (i, f"n{i}") for i in range(len(pairs))
                    ]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(src=_texts.filter(lambda t: canonicalise(t).strip()), data=st.data())
def test_property_doccano_source_offsets(src, data, tmp_path_factory):
    """Spans on the raw source either import covering canonicalise(source slice) or are
    reported; spans whose edges touch a space always import."""
    n = len(src)
    pairs = data.draw(
        st.lists(
            st.tuples(st.integers(0, n - 1), st.integers(1, n)).filter(lambda p: p[0] < p[1]),
            max_size=6,
            unique=True,
        )
    )
    path = tmp_path_factory.mktemp("raw") / "d.jsonl"
    records = [{"text": src, "label": [[a, b, f"L{i}"] for i, (a, b) in enumerate(pairs)]}]
    _write_lines(path, records)
    with Store() as target:
        report = import_annotations(target, [path], "doccano", annotator="ana")
        got = {s.label: s for s in target.spans(target.article_by_text(src).id)}
        assert len(got) + len(report.problems) == len(pairs)

        def safe(o: int) -> bool:
            return o in (0, n) or src[o - 1] == " " or src[o] == " "

        for i, (a, b) in enumerate(pairs):
            span = got.get(f"L{i}")
            if span is not None:  # the canonical slice, widened to whole letters if it split one
                text = target.article(span.article_id).text
                assert canonicalise(src[a:b]) in span.text
                assert (span.start, span.end) == snap_to_graphemes(text, span.start, span.end)
            else:
                assert not (safe(a) and safe(b)), (a, b, report.problems)


def test_labelstudio_json_min_and_untyped_results(target, tmp_path):
    text = "কিম জং উন মস্কো সফর করবেন"
    s, e = _at(text, "মস্কো সফর")
    tasks = [
        {"id": 1, "text": text, "annotator": 4, "annotation_id": 9, "lead_time": 3.1,
         "label": [{"start": s, "end": e, "text": "মস্কো সফর", "labels": ["visit"]}]},
        {"data": {"content": text},
         "annotations": [{"completed_by": 5,
                          "result": [{"value": {"start": 0, "end": 3, "labels": ["person"]}},
                                     {"value": {"start": 0, "end": 99, "labels": ["x"]}}]}]},
    ]  # fmt: skip
    path = tmp_path / "min.json"
    path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    report = import_annotations(target, [path], "labelstudio")
    assert [(p.line, "outside" in p.reason) for p in report.problems] == [(2, True)]
    got = sorted((sp.annotator, sp.label, sp.text) for sp in _all_spans(target))
    assert got == [("4", "visit", "মস্কো সফর"), ("5", "person", "কিম")]


def test_doccano_user_ids_entities_and_classification_labels(target, tmp_path):
    text = "চীন রাশিয়াকে সমর্থন জানিয়েছে"
    s, e = _at(text, "রাশিয়াকে সমর্থন")
    lines = [
        {"id": 1, "text": text, "user": 7,
         "entities": [{"id": 3, "label": "support_statement", "start_offset": s, "end_offset": e}]},
        {"id": 2, "text": text + "।", "user": 7, "label": ["relevant"]},
    ]  # fmt: skip
    path = tmp_path / "doccano.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    report = import_annotations(target, [path], "doccano")
    assert not report.problems
    [span] = _all_spans(target)
    assert (span.annotator, span.label, span.text) == ("7", "support_statement", "রাশিয়াকে সমর্থন")
    second = target.article_by_text(text + "।")
    assert target.doc_labels(second.id) == [("7", "relevant")]


# -- spans that split a letter ---------------------------------------------------------------


def test_offsets_inside_a_letter_are_widened_to_whole_letters_and_counted(target, tmp_path):
    text = "রাষ্ট্রপতি বললেন 👍🏽 ঠিক 🇧🇩 দেশ"
    conj = text.index("ষ্ট্র")
    thumb = text.index("👍🏽")
    flag = text.index("🇧🇩")
    records = [
        {
            "text": text,
            "label": [
                [conj + 2, conj + 4, "a"],  # starts after a virama, ends inside ট্র
                [thumb, thumb + 1, "b"],  # the skin-tone modifier left out
                [flag + 1, flag + 2, "c"],  # the second regional indicator only
                [0, 2, "d"],  # whole letters already: রা (no change)
            ],
        }
    ]
    path = _write_lines(tmp_path / "d.jsonl", records)
    report = import_annotations(target, [path], "doccano", annotator="ana")
    assert report.problems == []
    got = {s.label: s.text for s in _all_spans(target)}
    assert got == {"a": "ষ্ট্র", "b": "👍🏽", "c": "🇧🇩", "d": "রা"}
    assert report.spans_snapped == 3


def test_cheap_cluster_test_never_misses_a_split(tmp_path):
    """`may_split_cluster` is a pre-filter: wherever the exact grapheme rules put no boundary
    it must say "maybe"."""
    from annotator.text import grapheme_bounds, may_split_cluster

    samples = ["রাষ্ট্রপতি", "ক্াক", "ক্‍ষ", "👨‍👩‍👧 হ্যাঁ", "🇧🇩🇮🇳", "কৌশল", "য়ে", "❤️‍🔥", "স্ত্রী"]
    for text in samples:
        bounds = set(grapheme_bounds(text))
        for i in range(1, len(text)):
            if i not in bounds:
                assert may_split_cluster(text, i), (text, i)
