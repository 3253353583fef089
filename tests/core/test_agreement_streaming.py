"""Agreement read a batch at a time and counted with numpy gives exactly the numbers of the
computation it replaced (`reference_agreement.py`, which loaded everything and counted in
plain Python): on the fixtures, on random documents and on projects larger than one batch.

Kappa, F1, span counts, confusion and the per-article rows are equal to the last bit; alpha
is now computed in closed form with one division, so it may differ from the `krippendorff`
package's float arithmetic in the last bits (checked to 1e-12).
"""

from __future__ import annotations

import math
import random
from collections import Counter
from typing import Any
from unittest import mock

import pytest
import reference_agreement as reference
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator import agreement
from annotator.agreement import Document, Tokens, compare_documents, compute_agreement
from annotator.agreement_batch import Spans, count_batch
from annotator.models import GOLD, ArticleDraft
from annotator.store import Store
from annotator.text import words
from annotator.word_bounds import word_bounds

LABELS = ("visit", "treaty", "aid", "O")  # "O" is also the token category: must not confuse
WORDS = ("কিম", "জং", "উন", "রাশিয়া", "সফর", "করবেন।", "😀", "১২৩", "ok", "r‍্যাব", "-", "  ")


def same(old: Any, new: Any, path: str = "") -> None:
    """`old` == `new`, floats exactly, but alpha to 1e-12 (see the module docstring)."""
    if isinstance(old, dict):
        assert list(old) == list(new), path
        for key in old:
            same(old[key], new[key], f"{path}/{key}")
    elif isinstance(old, list):
        assert len(old) == len(new), path
        for k, (x, y) in enumerate(zip(old, new, strict=True)):
            same(x, y, f"{path}[{k}]")
    elif isinstance(old, float) and path.endswith("krippendorff_alpha"):
        assert math.isclose(old, new, rel_tol=1e-12, abs_tol=1e-15), (path, old, new)
    else:
        assert old == new, (path, old, new)


@st.composite
def documents(draw: Any) -> list[tuple[str, list, list]]:
    """A few articles with two layers of spans: overlapping, nested, empty, reversed, past the
    end of the text, and exact copies of the other layer's (some twice)."""
    docs = []
    for _ in range(draw(st.integers(1, 7))):
        text = " ".join(draw(st.lists(st.sampled_from(WORDS), max_size=12)))
        edge = st.integers(0, len(text) + 2)
        layer = st.lists(st.tuples(edge, edge, st.sampled_from(LABELS)), max_size=6)
        a, b = draw(layer), draw(layer)
        if a:
            b += draw(st.lists(st.sampled_from(a), max_size=3))
        docs.append((text, a, b))
    return docs


@settings(max_examples=200, deadline=None)
@given(documents(), st.sampled_from([None, ["visit"], ["treaty", "O", "none"]]), st.integers(1, 4))
def test_random_documents_give_the_old_numbers(docs, labels, batch) -> None:
    new_docs = [Document(k, t, a, b, f"t{k}") for k, (t, a, b) in enumerate(docs)]
    old_docs = [reference.Document(k, t, a, b, f"t{k}") for k, (t, a, b) in enumerate(docs)]
    with mock.patch.object(agreement, "BATCH", batch):
        new = compare_documents(new_docs, labels, label_order=["treaty"])
    old = reference.compare_documents(old_docs, labels, label_order=["treaty"])
    same(old.as_dict(), new.as_dict())


@settings(max_examples=200, deadline=None)
@given(documents())
def test_batch_token_tables_are_each_articles_tokens(docs) -> None:
    texts = [text for text, _, _ in docs]
    counts = count_batch(texts, Spans.of_articles([a for _, a, _ in docs]),
                         Spans.of_articles([b for _, _, b in docs]))  # fmt: skip
    for (text, a, b), table, n_a, n_b in zip(
        docs, counts.tables, counts.a_spans, counts.b_spans, strict=True
    ):
        assert table == dict(Tokens(text).pairs(a, b))
        assert (n_a, n_b) == (len(a), len(b))
    assert counts.tokens == sum((Counter(t) for t in counts.tables), Counter())


@settings(max_examples=100, deadline=None)
@given(documents())
def test_the_order_spans_come_in_does_not_matter(docs) -> None:
    shuffled = []
    rng = random.Random(len(docs))
    for k, (text, a, b) in enumerate(docs):
        a, b = list(a), list(b)
        rng.shuffle(a)
        rng.shuffle(b)
        shuffled.append(Document(k, text, a, b))
    original = [Document(k, t, a, b) for k, (t, a, b) in enumerate(docs)]
    same(compare_documents(original).as_dict(), compare_documents(shuffled).as_dict())


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(max_size=40), max_size=5))
def test_word_bounds_are_the_words(texts) -> None:
    found = word_bounds(texts)
    assert [list(zip(*bounds, strict=True)) for bounds in found] == [words(t) for t in texts]


def test_word_bounds_of_odd_characters() -> None:
    texts = ["a\ud800b", "", "\U0001f600x\u200d\u200cy", "\x00ক্ষ্ম\uffff"]
    assert [list(zip(*b, strict=True)) for b in word_bounds(texts)] == [words(t) for t in texts]


@pytest.fixture
def project():
    """Eleven articles (more than a batch of 2 or 3): both layers, one only, none, gold."""
    rng = random.Random(13)
    with Store() as store:
        drafts = [
            ArticleDraft(text=" ".join(rng.choice(WORDS) for _ in range(30)), title=f"খবর {k}")
            for k in range(11)
        ]
        ids = [result.id for result in store.add_articles(drafts)]
        for k, article_id in enumerate(ids):
            text = store.article(article_id).text
            for name, count in (("rahim", 0 if k == 3 else 6), ("karim", 0 if k in (3, 4) else 5)):
                for _ in range(count):
                    start = rng.randrange(len(text))
                    end = min(len(text), start + rng.randrange(1, 12))
                    store.add_span(article_id, name, rng.choice(LABELS[:3]), start, end)
            if k % 2 == 0:
                store.set_status(article_id, "rahim", "done")
            if k % 3 != 1:
                store.set_status(article_id, "karim", "done")
        for span in store.spans(ids[0], "rahim"):
            store.add_span(ids[0], GOLD, span.label, span.start, span.end)
        store.set_review_status(ids[0], "adjudicated", "lead")
        store.ids = ids
        yield store


@pytest.mark.parametrize("batch", [1, 2, 3, 500])
@pytest.mark.parametrize("all_articles", [False, True])
@pytest.mark.parametrize(
    "layers", [("rahim", "karim"), ("karim", "rahim"), (GOLD, "rahim"), ("rahim", "rahim")]
)
def test_projects_give_the_old_numbers(project, batch, all_articles, layers) -> None:
    with mock.patch.object(agreement, "BATCH", batch):
        new = compute_agreement(project, *layers, all_articles=all_articles)
        only = compute_agreement(project, *layers, ["visit"], all_articles=all_articles)
    old = reference.compute_agreement(project, *layers, all_articles=all_articles)
    same(old.as_dict(), new.as_dict())
    old_only = reference.compute_agreement(project, *layers, ["visit"], all_articles=all_articles)
    same(old_only.as_dict(), only.as_dict())


def test_the_fixture_of_the_hand_computed_tests(project) -> None:
    """The fixture of test_agreement.py, through both."""
    from test_agreement import A1, A2, B1, SHORT, TEXT  # noqa: PLC0415

    with Store() as store:
        [r1, r2] = store.add_articles([ArticleDraft(text=TEXT), ArticleDraft(text=SHORT)])
        for name, spans in (("rahim", A1), ("karim", B1)):
            for start, end, label in spans:
                store.add_span(r1.id, name, label, start, end)
            store.set_status(r1.id, name, "done")
        for start, end, label in A2:
            store.add_span(r2.id, "rahim", label, start, end)
        for everything in (False, True):
            new = compute_agreement(store, "rahim", "karim", all_articles=everything)
            old = reference.compute_agreement(store, "rahim", "karim", all_articles=everything)
            same(old.as_dict(), new.as_dict())


def batches_as_articles(batches) -> list[tuple[int, str, str, list]]:
    """`layer_batches` as (id, title, text, sorted span rows) per article, in order."""
    found = []
    for articles, (ids, who, starts, ends, labels) in batches:
        assert len(articles) <= 2 and len({len(ids), len(who), len(starts), len(labels)}) == 1
        rows = sorted(zip(ids, who, starts, ends, labels, strict=True))
        found += [(i, t, x, [r[1:] for r in rows if r[0] == i]) for i, t, x in articles]
        assert {r[0] for r in rows} <= {i for i, _, _ in articles}
    return found


def test_layer_batches_give_every_compared_article_in_order(project) -> None:
    ids = project.ids
    grouped = project.layer_spans(["rahim", "karim"])
    streamed = batches_as_articles(project.layer_batches(["rahim", "karim"], batch=2))
    assert [doc[0] for doc in streamed] == sorted(grouped) == [i for i in ids if i != ids[3]]
    for article_id, title, text, rows in streamed:
        article = project.article(article_id)
        assert (title, text) == (article.title, article.text)
        expected = sorted((s.annotator, s.start, s.end, s.label) for s in grouped[article_id])
        assert rows == expected
    chosen = [ids[5], ids[3], 99_999, ids[1]]  # one without spans, one not there
    picked = batches_as_articles(project.layer_batches(["rahim", "karim"], chosen, batch=2))
    assert [(doc[0], len(doc[3])) for doc in picked] == [(ids[1], 11), (ids[3], 0), (ids[5], 11)]
    assert project.layer_article_ids(["karim"]) == [i for i in ids if i not in (ids[3], ids[4])]


def test_progress_is_told_the_share_done(project) -> None:
    told: list[float] = []
    with mock.patch.object(agreement, "BATCH", 2):
        compute_agreement(project, "rahim", "karim", all_articles=True, progress=told.append)
    assert told == sorted(told) and told[-1] == 1.0 and len(told) > 3
    assert all(0 < share <= 1 for share in told)
