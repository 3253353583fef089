import csv
import io
import json
import zipfile

import pytest

from annotator.export import (
    EXTENSIONS,
    FORMATS,
    ExportFilter,
    export,
    iter_export_items,
)
from annotator.export.atomic import atomic_write
from annotator.formats import brat, conll
from annotator.formats import csv as csv_format
from annotator.models import ArticleDraft
from annotator.store import Store

TEXT = 'প্রথম লাইন 😀 কিম\u00a0জং উন রাশিয়ায় (\u09df) যাবেন।\n"=cmd" দ্বিতীয় লাইন! তৃতীয়?\nশেষ।'
OTHER = "অন্য খবর: ঢাকায় বৃষ্টি।"


def _at(text, piece, after=0):
    start = text.index(piece, after)
    return start, start + len(piece)


@pytest.fixture
def store():
    with Store() as s:
        first, second = s.add_articles(
            [
                ArticleDraft(text=TEXT, title="=শিরোনাম", published="2025-07-13T13:18:00+06:00"),
                ArticleDraft(text=OTHER, title="দ্বিতীয়", published="2025-08-01T09:00:00+06:00"),
            ]
        )
        text = s.article(first.id).text
        assert "\u09df" not in text and "\u09af\u09bc" in text
        s.add_span(
            first.id, "rahim", "person", *_at(text, "কিম\u00a0জং উন"),
            attrs={"certainty": "reported", "actors": ["কিম", "=x"], "source": "=HYPERLINK()"},
            note="=cmd",
        )  # fmt: skip
        s.add_span(
            first.id, "rahim", "troop_deployment",
            text.index("যাবেন"), text.index("দ্বিতীয়") + len("দ্বিতীয়"),
        )  # fmt: skip
        s.add_span(
            first.id, "karim", "visit", *_at(text, "জং উন রাশিয়ায়"),
            attrs={"certainty": "asserted"},
        )  # fmt: skip
        s.add_span(first.id, "karim", "emoji label/x", *_at(text, "😀 কিম"))
        s.set_status(first.id, "rahim", "done")
        s.set_status(first.id, "karim", "in_progress")
        s.set_doc_label(first.id, "rahim", "politics", True)
        s.ids = (first.id, second.id)
        yield s


def _lines(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_jsonl_is_lossless(store, tmp_path):
    out = tmp_path / "a.jsonl"
    assert export(store, "jsonl", out) == 4
    records = {r["title"]: r for r in _lines(out)}
    rec = records["=শিরোনাম"]
    assert rec["text"] == store.article(store.ids[0]).text
    assert len(rec["spans"]) == 4
    for span in rec["spans"]:
        assert rec["text"][span["start"] : span["end"]] == span["text"]
        assert set(span) >= {"id", "annotator", "attrs", "note", "origin", "created", "updated"}
    assert rec["doc_labels"] == [{"annotator": "rahim", "label": "politics"}]
    assert rec["status"] == {"karim": "in_progress", "rahim": "done"}
    assert records["দ্বিতীয়"]["spans"] == []
    person = next(s for s in rec["spans"] if s["label"] == "person")
    assert person["attrs"]["actors"] == ["কিম", "=x"] and person["note"] == "=cmd"


def test_filters(store):
    def uids(flt):
        return [(i.article.title, len(i.spans)) for i in iter_export_items(store, flt)]

    assert len(uids(ExportFilter())) == 2
    assert uids(ExportFilter(annotators=("karim",))) == [("=শিরোনাম", 2)]
    assert uids(ExportFilter(labels=("visit", "person"))) == [("=শিরোনাম", 2)]
    assert uids(ExportFilter(labels=("nothing",))) == []
    assert uids(ExportFilter(status="done")) == [("=শিরোনাম", 4)]
    assert uids(ExportFilter(status="done", annotators=("karim",))) == []
    assert uids(ExportFilter(since="2025-08-01")) == [("দ্বিতীয়", 0)]
    assert uids(ExportFilter(until="2025-07-13")) == [("=শিরোনাম", 4)]
    assert uids(ExportFilter(since="2025-07-14", until="2025-07-31")) == []
    [item] = iter_export_items(store, ExportFilter(annotators=("karim",)))
    assert item.doc_labels == [] and item.status == {"karim": "in_progress"}


def test_csv_bom_injection_and_sentence(store, tmp_path):
    out = tmp_path / "a.csv"
    assert export(store, "csv", out) == 4
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert len(rows) == 4
    assert list(rows[0])[:8] == list(csv_format.BASE_COLUMNS)
    assert {"attr_certainty", "attr_actors", "attr_source", "note", "sentence"} <= set(rows[0])
    person = next(r for r in rows if r["label"] == "person")
    assert person["note"] == "'=cmd"
    assert person["attr_source"] == "'=HYPERLINK()"
    assert person["attr_actors"] == "কিম; =x"
    assert person["title"] == "'=শিরোনাম"
    assert person["sentence"].startswith("প্রথম লাইন") and person["sentence"].endswith("যাবেন।")
    text = store.article(store.ids[0]).text
    for row in rows:
        assert text[int(row["start"]) : int(row["end"])] == row["text"].removeprefix("'")
    multi = next(r for r in rows if r["label"] == "troop_deployment")
    assert "\n" in multi["text"] and multi["sentence"].endswith("দ্বিতীয় লাইন!")
    assert all(not cell.startswith(("=", "+", "-", "@")) for r in rows for cell in r.values())


def test_safe_cell():
    for bad in ("=1", "+1", "-1", "@a", "\tx", "\rx"):
        assert csv_format.safe_cell(bad) == "'" + bad
    assert csv_format.safe_cell("ok=") == "ok="


def test_doccano(store, tmp_path):
    out = tmp_path / "d.jsonl"
    assert export(store, "doccano", out) == 4
    for rec in _lines(out):
        assert isinstance(rec["text"], str) and "uid" in rec
        for triple in rec["label"]:
            start, end, label = triple
            assert isinstance(start, int) and isinstance(end, int) and isinstance(label, str)
            assert 0 <= start < end <= len(rec["text"])
    rec = next(r for r in _lines(out) if r["label"])
    assert ["rahim", "karim"] != rec["annotators"] and set(rec["annotators"]) == {"karim", "rahim"}


def test_labelstudio(store, tmp_path):
    out = tmp_path / "ls.json"
    assert export(store, "labelstudio", out) == 4
    tasks = json.loads(out.read_text(encoding="utf-8"))
    assert isinstance(tasks, list) and len(tasks) == 2
    task = next(t for t in tasks if t["annotations"])
    text = task["data"]["text"]
    names = {a["meta"]["annotator"] for a in task["annotations"]}
    assert names == {"karim", "rahim"}
    assert all(isinstance(a["completed_by"], int) for a in task["annotations"])
    labels = 0
    for ann in task["annotations"]:
        for r in ann["result"]:
            v = r["value"]
            assert r["to_name"] == "text" and text[v["start"] : v["end"]] == v["text"]
            if r["type"] == "labels":
                labels += 1
                assert r["from_name"] == "label" and len(v["labels"]) == 1
    assert labels == 4
    rahim = next(a for a in task["annotations"] if a["meta"]["annotator"] == "rahim")
    person = next(r for r in rahim["result"] if r["value"].get("labels") == ["person"])
    assert person["meta"] == {"text": ["=cmd"]}
    choices = [r for r in rahim["result"] if r["type"] == "choices" and r["id"] == person["id"]]
    assert {c["from_name"] for c in choices} == {"certainty", "actors", "source"}


def _parse_ann(ann, text):
    spans, attrs, notes = {}, [], []
    for line in ann.splitlines():
        fields = line.split("\t")
        if line.startswith("T"):
            tid, type_offsets, covered = fields
            label, offsets = type_offsets.split(" ", 1)
            frags = [tuple(map(int, f.split())) for f in offsets.split(";")]
            assert " ".join(text[s:e] for s, e in frags) == covered
            assert all("\n" not in text[s:e] for s, e in frags)
            spans[tid] = (label, frags)
        elif line.startswith("A"):
            assert len(fields) == 2
            attrs.append(fields[1].split(" "))
        elif line.startswith("#"):
            aid, what, note = fields
            assert what.split(" ")[0] == "AnnotatorNotes" and what.split(" ")[1] in spans
            notes.append(note)
        else:
            raise AssertionError(line)
    return spans, attrs, notes


@pytest.mark.parametrize("name", ["brat_out", "brat.zip"])
def test_brat(store, tmp_path, name):
    out = tmp_path / name
    assert export(store, "brat", out) == 4
    if name.endswith(".zip"):
        with zipfile.ZipFile(out) as z:
            files = {n: z.read(n).decode("utf-8") for n in z.namelist()}
    else:
        files = {p.name: p.read_text(encoding="utf-8") for p in out.iterdir()}
        files = {k: (out / k).read_bytes().decode("utf-8") for k in files}
    uid = store.article(store.ids[0]).uid
    text = files[f"{uid}.txt"]
    assert text == store.article(store.ids[0]).text
    spans, attrs, notes = _parse_ann(files[f"{uid}.ann"], text)
    assert len(spans) == 4
    labels = {label for label, _ in spans.values()}
    assert labels == {"person", "troop_deployment", "visit", "emoji_label_x"}
    multi = next(f for label, f in spans.values() if label == "troop_deployment")
    assert len(multi) == 2
    assert ["certainty", "T1", "reported"] in attrs or any(a[0] == "certainty" for a in attrs)
    assert "=cmd" in notes and "annotator=rahim" in notes and "annotator=karim" in notes
    assert "attr:actors=কিম; =x" in notes
    other_uid = store.article(store.ids[1]).uid
    assert files[f"{other_uid}.ann"] == ""
    assert (
        "[entities]" in files["annotation.conf"] and "troop_deployment" in files["annotation.conf"]
    )
    if not name.endswith(".zip"):
        assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_brat_fragments():
    text = "ab\n\ncd\ne"
    assert brat.fragments(text, 0, len(text)) == [(0, 2), (4, 6), (7, 8)]
    assert brat.fragments(text, 2, 4) == []
    assert brat.safe_name("troop deployment/x") == "troop_deployment_x"


def test_conll(store, tmp_path):
    out = tmp_path / "c.conll"
    # one layer per article: the annotator with most spans, ties by name -> karim (2 spans)
    assert export(store, "conll", out) == 2
    body = out.read_text(encoding="utf-8")
    docs = body.split("-DOCSTART-\tO\n\n")
    assert docs[0] == "" and len(docs) == 3
    for doc in docs[1:]:
        for sentence in doc.split("\n\n"):
            for line in sentence.splitlines():
                token, tag = line.split("\t")
                assert token and " " not in token and "\u00a0" not in token
                assert tag == "O" or tag[:2] in ("B-", "I-")


def test_conll_layer_and_iob2(store):
    [item] = iter_export_items(store, ExportFilter(annotators=("rahim",)))
    text = item.article.text
    tokens = conll.tokenize(text)
    tags, used = conll.tag_tokens(tokens, conll.choose_layer(item.spans))
    assert used == 2
    tagged = [(text[s:e], t) for (s, e), t in zip(tokens, tags, strict=True) if t != "O"]
    assert tagged[:3] == [("কিম", "B-person"), ("জং", "I-person"), ("উন", "I-person")]
    assert ("যাবেন", "B-troop_deployment") in tagged and ("দ্বিতীয়", "I-troop_deployment") in tagged
    assert ("।", "I-troop_deployment") in tagged


def test_conll_overlap_longest_wins(store):
    text = store.article(store.ids[0]).text
    store.add_span(store.ids[0], "karim", "short", *_at(text, "উন রা"))
    item = next(iter_export_items(store, ExportFilter(annotators=("karim",))))
    kept = conll.choose_layer(item.spans)
    assert [s.label for s in kept] == ["emoji label/x", "visit"]  # "short" lies inside "visit"
    assert [s.label for s in conll.choose_layer(item.spans, "rahim")] == []


def test_tokenize_rejoins():
    text = "কিম\u00a0জং-উন «রাশিয়ায়» যাবেন। 👍🏽 ক্ষ\u200dত্র, ১২৩?\nশেষ!"
    tokens = conll.tokenize(text)
    pieces = [text[s:e] for s, e in tokens]
    assert "।" in pieces and "«" in pieces and "১২৩" in pieces and "ক্ষ\u200dত্র" in pieces
    assert "👍🏽" in pieces
    covered = set()
    prev = 0
    for s, e in tokens:
        assert prev <= s < e
        assert not conll.SPACE.search(text[s:e])
        covered.update(range(s, e))
        prev = e
    for i, ch in enumerate(text):
        assert (i in covered) != bool(conll.SPACE.match(ch)), (i, ch)
    assert [len(x) for x in conll.sentences(text)] == [9, 5, 2]


def test_spacy(store, tmp_path):
    out = tmp_path / "s.jsonl"
    assert export(store, "spacy", out) == 4
    for rec in _lines(out):
        assert set(rec) == {"text", "spans", "meta"}
        for span in rec["spans"]:
            assert set(span) == {"start", "end", "label"}
            assert 0 <= span["start"] < span["end"] <= len(rec["text"])


def test_every_format_and_progress(store, tmp_path):
    assert set(FORMATS) == set(EXTENSIONS)
    for fmt in FORMATS:
        seen = []
        out = tmp_path / f"x_{fmt}{EXTENSIONS[fmt]}"
        export(store, fmt, out, ExportFilter(annotators=("rahim",)), progress=seen.append)
        assert seen == [1], fmt
        assert out.exists()
    with pytest.raises(ValueError):
        export(store, "nope", tmp_path / "n")


def test_atomic_write_leaves_nothing_on_error(tmp_path):
    out = tmp_path / "a.txt"
    with pytest.raises(RuntimeError), atomic_write(out) as f:
        f.write("half")
        raise RuntimeError("boom")
    assert list(tmp_path.iterdir()) == []
    out.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_write(out, "wb") as f:
        f.write(b"new")
        raise RuntimeError("boom")
    assert out.read_text(encoding="utf-8") == "old" and list(tmp_path.iterdir()) == [out]
    with atomic_write(out) as f:
        f.write("new\n")
    assert out.read_bytes() == b"new\n"


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_failing_export_leaves_no_file(store, tmp_path, fmt):
    def boom(n):
        raise RuntimeError("disk full")

    out = tmp_path / f"x{EXTENSIONS[fmt] or '_dir'}"
    with pytest.raises(RuntimeError):
        export(store, fmt, out, progress=boom)
    assert list(tmp_path.iterdir()) == []


def test_background_writer_reports_a_failed_write(tmp_path):
    from annotator.export.lines import BackgroundWriter

    path = tmp_path / "read-only"
    path.write_bytes(b"")
    with path.open("rb") as handle, pytest.raises(OSError):  # writing to it fails
        with BackgroundWriter(handle) as writer:
            writer.write([b"one line\n"])
