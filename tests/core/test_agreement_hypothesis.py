"""Agreement properties: symmetry in A/B, identical layers agree fully, alpha as the package."""

from __future__ import annotations

import warnings
from collections import Counter

import krippendorff
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.agreement import Document, compare_documents, krippendorff_alpha

TEXT = "কিম জং উন রাশিয়া সফর করবেন। চুক্তি সই হবে, সেনা মোতায়েন 😀 ১২৩ ok"
LABELS = ("visit", "treaty", "aid")


@st.composite
def spans(draw):
    start = draw(st.integers(0, len(TEXT) - 1))
    end = draw(st.integers(start + 1, len(TEXT)))
    return start, end, draw(st.sampled_from(LABELS))


layers = st.lists(spans(), max_size=8)


def _swap(confusion):
    swapped = Counter()
    for x, row in confusion.items():
        for y, n in row.items():
            swapped[y, x] += n
    return swapped


@settings(max_examples=150, deadline=None)
@given(layers, layers)
def test_every_figure_is_symmetric_in_a_and_b(a, b):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ab = compare_documents([Document(1, TEXT, a, b)])
        ba = compare_documents([Document(1, TEXT, b, a)])
    for key in ("exact_f1", "overlap_f1", "cohen_kappa", "krippendorff_alpha"):
        x, y = getattr(ab.overall, key), getattr(ba.overall, key)
        assert (x is None) == (y is None), key
        if x is not None:
            assert x == pytest.approx(y), key
    for x, y in (
        (ab.overall.a_spans, ba.overall.b_spans),
        (ab.overall.b_spans, ba.overall.a_spans),
    ):
        assert x == y
    assert _swap(ab.confusion) == Counter(
        {(x, y): n for x, row in ba.confusion.items() for y, n in row.items()}
    )


@settings(max_examples=150, deadline=None)
@given(layers)
def test_identical_layers_agree_fully(a):
    result = compare_documents([Document(1, TEXT, a, list(a))])
    overall = result.overall
    if a:
        assert overall.exact_f1 == 1.0 and overall.overlap_f1 == 1.0
    else:
        assert overall.exact_f1 is None
    assert overall.cohen_kappa in (None, pytest.approx(1.0))
    assert overall.krippendorff_alpha in (None, pytest.approx(1.0))
    for scores in result.per_label.values():
        assert scores.exact_f1 == 1.0
        assert scores.cohen_kappa in (None, pytest.approx(1.0))
    assert all(x == y for x, row in result.confusion.items() for y in row)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("abcd"), st.sampled_from("abcd")), min_size=1))
def test_alpha_equals_the_package_on_the_full_data(units):
    pairs = Counter(units)
    mine = krippendorff_alpha(pairs)
    if len({c for unit in units for c in unit}) < 2:
        assert mine is None
        return
    data = [[ord(x) for x, _ in units], [ord(y) for _, y in units]]
    assert mine == pytest.approx(krippendorff.alpha(data, level_of_measurement="nominal"))
