"""Relations survive export, then import into an empty store, in every format that carries
them: the same multiset of (type, head span, tail span), with the annotator where the format
keeps it and the attributes where it writes them (JSONL, brat).

Texts mix Bengali, astral emoji and combining marks; spans overlap and come from several
annotators; each analyst links their own spans (Label Studio keeps relations inside one
annotation). Line breaks at span edges, which brat trims, are the span properties' business
(test_roundtrip_hypothesis.py), so these texts have none.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.export import export
from annotator.ingest.annotations import import_annotations
from annotator.models import ArticleDraft
from annotator.store import Store
from annotator.text import canonicalise, grapheme_bounds

PIECES = ["কিম", "জং", "রাশি\u09dfা", "ক্ষ", "ো", "্", "😀", "👍🏽", "🇧🇩", "\u00a0", " ", "।", "a"]
ANNOTATORS = ["rina", "tom", "করিম"]
LABELS = ["claim", "actor", "দাবি", "x-y"]  # brat-safe names
TYPES = ["agent", "target", "attributed_to", "same_event", "সূত্র"]
EXAMPLES = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
FILES = {"jsonl": "a.jsonl", "doccano": "d.jsonl", "labelstudio": "ls.json", "brat": "brat"}

texts = st.lists(st.sampled_from(PIECES), min_size=2, max_size=20).map("".join)
relation_attrs = st.dictionaries(
    st.sampled_from(["certainty", "polarity"]),
    st.sampled_from(["reported", "denied", "রয়টার্স"]),
    max_size=2,
)


@st.composite
def projects(draw: Any) -> list[dict[str, Any]]:
    """Articles with spans (annotator, label, start, end) and relations (index of head,
    index of tail, type, attrs) between spans of one annotator."""
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
        bounds = st.sampled_from(grapheme_bounds(canonicalise(original)))
        ranges = st.tuples(bounds, bounds).filter(lambda r: r[0] < r[1])
        spans = draw(
            st.lists(
                st.tuples(st.sampled_from(ANNOTATORS), st.sampled_from(LABELS), ranges),
                max_size=6,
                unique_by=lambda k: k,
            )
        )
        pairs = [
            (h, t)
            for h in range(len(spans))
            for t in range(len(spans))
            if h != t and spans[h][0] == spans[t][0]
        ]
        links = (
            draw(
                st.lists(
                    st.tuples(st.sampled_from(pairs), st.sampled_from(TYPES)),
                    max_size=6,
                    unique=True,
                )
            )
            if pairs
            else []
        )
        relations = [(h, t, kind, draw(relation_attrs)) for (h, t), kind in links]
        articles.append({"text": original, "spans": spans, "relations": relations})
    return articles


def build(project: list[dict[str, Any]]) -> Store:
    store = Store()
    results = store.add_articles([ArticleDraft(text=a["text"], title="t") for a in project])
    for article, result in zip(project, results, strict=True):
        ids = [
            store.add_span(result.id, who, label, start, end).id
            for who, label, (start, end) in article["spans"]
        ]
        for head, tail, kind, attrs in article["relations"]:
            who = article["spans"][head][0]
            store.add_relation(who, kind, ids[head], ids[tail], attrs)
    return store


def carried(store: Store, who: bool, attrs: bool) -> Counter[tuple[Any, ...]]:
    """The multiset of (article text, [annotator], type, head, tail, [attrs]) of every
    relation, each span as (start, end, label)."""
    out: Counter[tuple[Any, ...]] = Counter()
    for row in store.articles():
        text = store.article(row.id).text
        spans = {s.id: (s.start, s.end, s.label) for s in store.spans(row.id)}
        for r in store.relations(row.id):
            key = (text, *((r.annotator,) if who else ()), r.type, spans[r.head], spans[r.tail])
            out[(*key, *((tuple(sorted(r.attrs.items())),) if attrs else ()))] += 1
    return out


def round_trip(folder: Path, project: list[dict[str, Any]], fmt: str, who: bool, attrs: bool):
    """(what the source holds, what the target got) after `fmt` export and import."""
    path = folder / FILES[fmt]
    with build(project) as source:
        export(source, fmt, path)
        want = carried(source, who, attrs)
    with Store() as target:
        report = import_annotations(target, [path], fmt, annotator="imp")
        assert report.problems == []
        assert report.relations_added == target.relation_count()
        return want, carried(target, who, attrs)


@EXAMPLES
@given(projects())
def test_jsonl_carries_relations_with_annotators_and_attributes(tmp_path_factory, project):
    want, got = round_trip(tmp_path_factory.mktemp("jsonl"), project, "jsonl", True, True)
    assert got == want


@EXAMPLES
@given(projects())
def test_brat_carries_relations_with_annotators_and_attributes(tmp_path_factory, project):
    want, got = round_trip(tmp_path_factory.mktemp("brat"), project, "brat", True, True)
    assert got == want


@EXAMPLES
@given(projects())
def test_labelstudio_carries_relations_with_annotators(tmp_path_factory, project):
    want, got = round_trip(tmp_path_factory.mktemp("ls"), project, "labelstudio", True, False)
    assert got == want


@EXAMPLES
@given(projects())
def test_doccano_carries_relations(tmp_path_factory, project):
    want, got = round_trip(tmp_path_factory.mktemp("doccano"), project, "doccano", False, False)
    # doccano keeps one annotator per document: equal spans of several analysts become one
    # span, and their equal relations one relation
    assert got == Counter(set(want))
