"""brat's R, E, *, A, M and # lines come back exactly after import then export: every line
kind, numbered roles, nested events, events sharing a trigger, an event without arguments,
entities in two fragments (across a line break; around a word), attributes and notes on
each kind."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from annotator.export import export
from annotator.ingest.annotations import import_annotations
from annotator.store import Store

BENCH = Path(__file__).parents[1] / "benchmarks" / "brat_realdata.py"
_spec = importlib.util.spec_from_file_location("brat_realdata", BENCH)
assert _spec is not None and _spec.loader is not None
brat_realdata = importlib.util.module_from_spec(_spec)
sys.modules["brat_realdata"] = brat_realdata
_spec.loader.exec_module(brat_realdata)

TEXT = "চীন রাশিয়াকে সমর্থন দিল এবং\nঅস্ত্র পাঠাল। ঢাকায় বৈঠক হবে।"


def at(piece: str) -> str:
    start = TEXT.index(piece)
    return f"{start} {start + len(piece)}\t{piece}"


def gapped() -> str:
    """A discontinuous entity: two words with a word between them."""
    a, b = TEXT.index("চীন"), TEXT.index("সমর্থন")
    return f"{a} {a + 3};{b} {b + len('সমর্থন')}\tচীন সমর্থন"


def two_lines() -> str:
    """An entity across the line break: one fragment per line."""
    start, cut = TEXT.index("এবং"), TEXT.index("\n")
    end = TEXT.index("পাঠাল") + len("পাঠাল")
    return f"{start} {cut};{cut + 1} {end}\tএবং অস্ত্র পাঠাল"


ANN = [
    f"T1\tCountry {at('চীন')}",
    f"T2\tCountry {at('রাশিয়াকে')}",
    f"T3\tSupport {at('সমর্থন')}",
    f"T4\tTransfer {two_lines()}",
    f"T5\tPlace {at('ঢাকায়')}",
    f"T6\tMeeting {at('বৈঠক')}",
    f"T7\tStance {gapped()}",
    "R1\tAlly Arg1:T1 Arg2:T2",
    "R2\tLocated Subject:T6 Where:T5",
    "E1\tSupport:T3 Agent:T1 Theme:T2 Theme2:T4",
    "E2\tTransfer:T4 Agent:T1 Cause:E1",
    "E3\tTransfer:T4 Agent:T2",
    "E4\tMeeting:T6",
    "*\tEquiv T1 T2 T5",
    "A1\tCertainty T3 reported",
    "M1\tNegation E3",
    "A2\tConfidence E1 High",
    "A3\tDirect R1",
    "#1\tAnnotatorNotes T1\tদেশ",
    "#2\tAnnotatorNotes R2\tnot sure",
    "#3\tAnnotatorNotes E2\tনিশ্চিত নয়",
]


@pytest.fixture
def ann(tmp_path: Path) -> Path:
    (tmp_path / "doc.txt").write_text(TEXT, encoding="utf-8")
    path = tmp_path / "doc.ann"
    path.write_text("\n".join(ANN) + "\n", encoding="utf-8")
    return path


def test_every_line_kind_comes_back(ann):
    counts_in, counts_out, differ, problems = brat_realdata.round_trip(ann)
    assert problems == [] and differ == []
    assert counts_in == counts_out
    assert counts_in == {"T": 7, "R": 2, "E": 4, "roles": 6, "*": 1, "A": 4, "#": 3}


def test_a_changed_event_is_seen(ann, tmp_path):
    """The comparison itself: an event losing its numbered role differs."""
    before = brat_realdata.parse(ann.read_text(encoding="utf-8"))
    changed = ann.read_text(encoding="utf-8").replace(" Theme2:T4", "")
    assert brat_realdata.parse(changed)["E"] != before["E"]


def test_argument_and_role_names_are_written_as_read(ann, tmp_path):
    with Store() as store:
        report = import_annotations(store, [ann], "brat", annotator="peer")
        assert report.problems == [] and report.relations_added > 0
        export(store, "brat", tmp_path / "out")
    [written] = (tmp_path / "out").glob("*.ann")
    lines = written.read_text(encoding="utf-8").splitlines()
    bodies = []  # type and argument names, ids left out (the export numbers afresh)
    for line in lines:
        if line[:1] in "RE":
            kind, *args = line.split("\t")[1].split()
            bodies.append(" ".join([kind.partition(":")[0], *(a.partition(":")[0] for a in args)]))
        elif line[:1] == "*":
            bodies.append(f"* {line.split()[1]} {len(line.split()) - 2}")
    assert sorted(bodies) == [
        "* Equiv 3", "Ally Arg1 Arg2", "Located Subject Where", "Meeting",
        "Support Agent Theme Theme2", "Transfer Agent", "Transfer Agent Cause",
    ]  # fmt: skip


def test_a_discontinuous_entity_is_one_span_keeping_its_fragments(ann):
    with Store() as store:
        assert import_annotations(store, [ann], "brat", annotator="peer").problems == []
        [row] = store.articles()
        spans = {s.label: s for s in store.spans(row.id)}
    start, end = TEXT.index("চীন"), TEXT.index("সমর্থন") + len("সমর্থন")
    stance = spans["Stance"]
    assert (stance.start, stance.end) == (start, end)  # stored whole, gap included
    assert stance.attrs["brat_fragments"] == [[start, start + 3], [end - 6, end]]
    assert "brat_fragments" not in spans["Transfer"].attrs  # split at a line break only
