"""brat standoff as brat writes it: relations, events and the rest carried, lone .ann files."""

from __future__ import annotations

import pytest

from annotator.ingest.annotations import AnnotationReport, Problem, import_annotations
from annotator.ingest.routing import import_annotation_groups, split_annotation_files
from annotator.store import Store

TEXT = "চীন রাশিয়াকে সমর্থন জানিয়েছে। ঢাকায় বৈঠক হবে।"


def _at(piece: str) -> str:
    start = TEXT.index(piece)
    return f"{start} {start + len(piece)}\t{piece}"


ANN = "\n".join(
    [
        f"T1\tactor {_at('চীন')}",
        f"T2\tactor {_at('রাশিয়াকে')}",
        f"T3\tsupport {_at('সমর্থন')}",
        f"T4\tplace {_at('ঢাকায়')}",
        "R1\tsupports Arg1:T1 Arg2:T2\t",
        "R2\tlocated Arg1:T1 Arg2:T4\t",
        "E1\tsupport:T3 Agent:T1 Patient:T2",
        "*\tEquiv T1 T2",
        "N1\tReference T4 Wikidata:Q1354\tঢাকা",
        "A1\tNegated E1",
        "A2\tConfidence E1 High",
        "M1\tSpeculation R1",
        "A3\tCertainty T3 reported",
        "#1\tAnnotatorNotes R2\tnot sure",
        "#2\tLemma T2\tরাশিয়া",
        "#3\tAnnotatorNotes T1\tদেশ",
    ]
)


def _spans(store: Store) -> list[tuple]:
    return sorted(
        (s.annotator, s.label, s.text, tuple(s.attrs.items()), s.note)
        for row in store.articles()
        for s in store.spans(row.id)
    )


def _snapshot(store: Store) -> tuple:
    rows = [store.article(r.id) for r in store.articles()]
    return rows, _spans(store), store.labels()


@pytest.fixture
def doc(tmp_path):
    (tmp_path / "doc.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "doc.ann").write_text(ANN + "\n", encoding="utf-8")
    return tmp_path / "doc.ann"


# -- 3. what cannot be stored is counted, not lost or misreported ----------------------------


def test_relations_events_equivalences_attributes_and_notes_are_carried(doc):
    with Store() as store:
        report = import_annotations(store, [doc], "brat", annotator="ana")
        assert report.problems == []
        event = {"E1": {"type": "support", "roles": ["Agent", "Patient"],
                        "attrs": {"Negated": True, "Confidence": "High"}}}  # fmt: skip
        assert _spans(store) == [
            ("ana", "actor", "চীন", (), "দেশ"),
            ("ana", "actor", "রাশিয়াকে", (("brat_notes", [["Lemma", "রাশিয়া"]]),), ""),
            ("ana", "place", "ঢাকায়", (), ""),
            ("ana", "support", "সমর্থন", (("Certainty", "reported"), ("brat_events", event)), ""),
        ]
        [row] = store.articles()
        text = {s.id: s.text for s in store.spans(row.id)}
        links = sorted(
            (r.type, text[r.head], text[r.tail], r.attrs) for r in store.relations(row.id)
        )
        assert links == [
            ("Agent", "সমর্থন", "চীন", {"brat_events": {"E1": [["Agent", ""]]}}),
            ("Equiv", "চীন", "রাশিয়াকে", {"brat_equiv": 1}),
            ("Patient", "সমর্থন", "রাশিয়াকে", {"brat_events": {"E1": [["Patient", ""]]}}),
            ("located", "চীন", "ঢাকায়", {"brat_notes": [["AnnotatorNotes", "not sure"]]}),
            ("supports", "চীন", "রাশিয়াকে", {"Speculation": True}),
        ]
    assert report.relations_added == 5
    assert report.not_imported == {"brat normalisations": 1}
    assert report.summary_lines()[-1] == "not imported: 1 brat normalisation (not supported)"


def test_attributes_of_really_unknown_annotations_are_still_problems(tmp_path):
    (tmp_path / "d.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "d.ann").write_text(
        f"T1\tactor {_at('চীন')}\nA1\tNegated E7\n#1\tAnnotatorNotes T9\tx\nX1\tweird\n",
        encoding="utf-8",
    )
    with Store() as store:
        report = import_annotations(store, [tmp_path / "d.ann"], "brat", annotator="ana")
        assert [(p.line, p.reason) for p in report.problems] == [
            (4, "unknown brat annotation 'X1'"),
            (2, "attribute for an unknown annotation"),
            (3, "note for an unknown annotation"),
        ]
        assert len(_spans(store)) == 1


def test_a_note_holding_a_line_separator_stays_one_note(tmp_path):
    (tmp_path / "d.txt").write_text(TEXT, encoding="utf-8")
    ann = f"T1\tactor {_at('চীন')}\r\n#1\tAnnotatorNotes T1\tএক\u2028দুই\r\n"
    (tmp_path / "d.ann").write_text(ann, encoding="utf-8", newline="")
    with Store() as store:
        report = import_annotations(store, [tmp_path / "d.ann"], "brat", annotator="ana")
        assert report.problems == []
        assert [s[-1] for s in _spans(store)] == ["এক\u2028দুই"]


# -- 5. no annotator: the file fails before anything is written ------------------------------


def test_without_an_annotator_nothing_of_the_file_is_written(doc, tmp_path):
    other = tmp_path / "named"
    other.mkdir()
    (other / "ok.txt").write_text(TEXT, encoding="utf-8")
    (other / "ok.ann").write_text(
        f"T1\tactor {_at('চীন')}\n#1\tAnnotatorNotes T1\tannotator=mita\n", encoding="utf-8"
    )
    with Store() as store:
        before = _snapshot(store)
        report = import_annotations(store, [doc], "brat")
        [problem] = report.problems
        assert problem.line is None and "--annotator NAME" in problem.reason
        assert "4 spans" in problem.reason
        assert _snapshot(store) == before and store.article_count() == 0
        assert report.articles_created == 0 and report.not_imported == {}
        named = import_annotations(store, [other], "brat")  # every span names its annotator
        assert named.problems == [] and _spans(store) == [("mita", "actor", "চীন", (), "")]


def test_one_unnamed_span_fails_the_whole_file(tmp_path):
    (tmp_path / "d.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "d.ann").write_text(
        f"T1\tactor {_at('চীন')}\nT2\tplace {_at('ঢাকায়')}\n#1\tAnnotatorNotes T1\tannotator=mita\n",
        encoding="utf-8",
    )
    with Store() as store:
        report = import_annotations(store, [tmp_path / "d.ann"], "brat")
        assert len(report.problems) == 1 and "1 span)" in report.problems[0].reason
        assert store.article_count() == 0


# -- 6. a lone .ann, and .ann + .txt given together -------------------------------------------


def test_a_lone_ann_without_its_txt_writes_nothing(tmp_path):
    (tmp_path / "lone.ann").write_text(f"T1\tactor {_at('চীন')}\n", encoding="utf-8")
    with Store() as store:
        report = import_annotations(store, [tmp_path / "lone.ann"], "brat", annotator="ana")
        assert [(p.line, p.reason) for p in report.problems] == [
            (None, "no lone.txt beside lone.ann")
        ]
        assert store.article_count() == 0 and report.files == 1


def test_a_lone_ann_finds_its_txt(doc):
    with Store() as store:
        report = import_annotations(store, [doc], "brat", annotator="ana")
        assert report.problems == [] and report.spans_added == 4
        [row] = store.articles()
        assert store.article(row.id).text == TEXT


@pytest.mark.parametrize("given", [["doc.ann", "doc.txt"], ["doc.txt", "doc.ann"], ["."]])
def test_ann_and_txt_given_together_import_once(doc, given):
    paths = [str(doc.parent / name) for name in given]
    articles, groups = split_annotation_files(paths)
    assert articles == [] and list(groups) == ["brat"]
    with Store() as store:
        report = import_annotations(store, paths + [str(doc)], "brat", annotator="ana")
        assert report.problems == [] and report.files == 1
        assert report.spans_added == 4 and report.spans_duplicate == 0
        assert store.article_count() == 1
        grouped = import_annotation_groups(store, groups, "ana")
        assert grouped.spans_duplicate == 4 and grouped.relations_duplicate == 5


def test_a_txt_without_ann_is_still_an_article(tmp_path):
    (tmp_path / "page.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "d.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "d.ann").write_text(f"T1\tactor {_at('চীন')}\n", encoding="utf-8")
    articles, groups = split_annotation_files([str(tmp_path)])
    assert articles == [str(tmp_path / "page.txt")]
    assert groups == {"brat": [str(tmp_path / "d.ann")]}


# -- 7. the report for people -------------------------------------------------------------------


def test_summary_lines_keep_the_wording():
    report = AnnotationReport(
        spans_added=3,
        spans_duplicate=1,
        articles_matched=2,
        articles_created=1,
        spans_snapped=2,
        labels_added=["actor", "place"],
        problems=[Problem("a.jsonl", 4, "bad\nthing"), Problem("b.ann", None, "no b.txt")],
        not_imported={"brat relations": 3, "brat events": 1},
    )
    assert report.summary_lines() == [
        "problem    a.jsonl:4: bad\\nthing",
        "problem    b.ann: no b.txt",
        "new labels added to the scheme: actor, place",
        "3 spans added, 1 already there, 2 problems; articles: 2 matched, 1 created",
        "2 spans widened to whole letters (their offsets split a conjunct, vowel sign or emoji)",
        "not imported: 3 brat relations, 1 brat event (not supported)",
    ]
    assert AnnotationReport().summary_lines() == [
        "0 spans added, 0 already there, 0 problems; articles: 0 matched, 0 created"
    ]
