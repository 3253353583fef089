"""Relation and actor-link agreement, checked against a project worked out by hand."""

from __future__ import annotations

import pytest
from relation_project import TEXT, build

from annotator.models import ArticleDraft
from annotator.relation_agreement import (
    BOTH,
    ONLY_A,
    ONLY_B,
    article_relation_items,
    compute_relation_agreement,
    match_spans,
)
from annotator.store import Store


@pytest.fixture
def project():
    with Store() as store:
        yield store, build(store)


def test_the_hand_worked_example(project):
    """Worked by hand. Matched spans: article 1, all but x3 (7); article 2, all 8 -> 15.

    agent: agreed 1c1-x1, 2c1-x1, 2c2-x3 = 3; B only 2c1-x2; unmatched A 1c2-x3, B 1c2-x3.
           P = 3/3, R = 3/4, F1 = 6/7, strict F1 = 6/(6+1+2) = 2/3.
    target: A only 1c1-x2, 2c1-x2 = 2; P = 0/2 = 0, R undefined (0/0), F1 = 0/2 = 0.
    location: agreed 1c1-p, 2c1-p; B only 1c1-x2. P = 1, R = 2/3, F1 = 4/5.
    time: agreed 1c1-d; A only 2c2-d. P = 1/2, R = 1, F1 = 2/3.
    attributed_to: agreed 1c1-s; A only 2c1-s; B only 2c2-s. P = R = F1 = 1/2.
    overall: agreed 7, A only 4, B only 3, unmatched 1 + 1 (A: 7+4+1 = 12 relations, B: 7+3+1
             = 11). P = 7/11, R = 7/10, F1 = 14/21 = 2/3, strict F1 = 14/23.
    actors (matched actor spans: 1x1, 1x2, 2x1, 2x2, 2x3 = 5): same 2, different 1, only A 1,
           only B 1, neither 0. same share = raw agreement = 2/5. kappa: p_o = 2/5, p_e = (RUS
           1·1 + IND 1·1 + none 1·1)/25 = 3/25, kappa = (10/25 - 3/25)/(22/25) = 7/22.
    """
    store, _ = project
    result = compute_relation_agreement(store, "A", "B", all_articles=True)
    assert result.articles == 2
    assert result.matched_spans == 15
    got = {
        key: (s.agreed, s.a_only, s.b_only, s.a_unmatched, s.b_unmatched)
        for key, s in result.per_type.items()
    }
    assert got == {
        "agent": (3, 0, 1, 1, 1),
        "target": (0, 2, 0, 0, 0),
        "location": (2, 0, 1, 0, 0),
        "time": (1, 1, 0, 0, 0),
        "attributed_to": (1, 1, 1, 0, 0),
    }
    assert list(result.per_type) == ["agent", "target", "location", "time", "attributed_to"]
    figures = {
        key: (s.precision, s.recall, s.f1, s.strict_f1) for key, s in result.per_type.items()
    }
    assert figures == {
        "agent": (1.0, 3 / 4, 6 / 7, 2 / 3),
        "target": (0.0, None, 0.0, 0.0),
        "location": (1.0, 2 / 3, 4 / 5, 4 / 5),
        "time": (1 / 2, 1.0, 2 / 3, 2 / 3),
        "attributed_to": (1 / 2, 1 / 2, 1 / 2, 1 / 2),
    }
    overall = result.overall
    assert (overall.agreed, overall.a_only, overall.b_only) == (7, 4, 3)
    assert (overall.a_unmatched, overall.b_unmatched) == (1, 1)
    assert (overall.precision, overall.recall, overall.f1) == (7 / 11, 7 / 10, 2 / 3)
    assert overall.strict_f1 == 14 / 23
    actors = result.actors
    assert (actors.spans, actors.same, actors.different) == (5, 2, 1)
    assert (actors.only_a, actors.only_b, actors.neither) == (1, 1, 0)
    assert actors.same_share == actors.raw_agreement == 2 / 5
    assert actors.kappa == pytest.approx(7 / 22, abs=1e-12)
    data = result.as_dict()
    assert data["overall"]["f1"] == 2 / 3
    assert data["per_type"]["target"]["recall"] is None
    assert data["actors"]["same"] == 2


def test_swapping_the_layers_swaps_precision_and_recall(project):
    store, _ = project
    ab = compute_relation_agreement(store, "A", "B", all_articles=True)
    ba = compute_relation_agreement(store, "B", "A", all_articles=True)
    for key, s in ab.per_type.items():
        assert (ba.per_type[key].precision, ba.per_type[key].recall) == (s.recall, s.precision)
        assert ba.per_type[key].f1 == s.f1
    assert ba.actors.only_a == ab.actors.only_b


def test_only_articles_both_marked_done_count_by_default(project):
    store, ids = project
    assert compute_relation_agreement(store, "A", "B").articles == 0
    for layer in "AB":
        store.set_status(ids[1], layer, "done")
    result = compute_relation_agreement(store, "A", "B")
    assert result.articles == 1
    assert result.per_type["agent"].agreed == 2  # article 2: c1-x1, c2-x3
    assert result.overall.a_unmatched == 0


def test_an_article_lists_who_has_each_relation(project):
    store, ids = project
    items = article_relation_items(store, ids[0], ("A", "B"))
    who = sorted((i.type, i.who, i.matched) for i in items)
    assert who == sorted([
        ("agent", BOTH, True), ("target", ONLY_A, True), ("location", ONLY_B, True),
        ("location", BOTH, True), ("time", BOTH, True), ("attributed_to", BOTH, True),
        ("agent", ONLY_A, False), ("agent", ONLY_B, False),
    ])  # fmt: skip


def test_identical_spans_pair_one_to_one_in_id_order():
    with Store() as store:
        [article] = store.add_articles([ArticleDraft(text=TEXT)])
        a = [store.add_span(article.id, "A", "actor", 0, 5) for _ in range(2)]
        b = [store.add_span(article.id, "B", "actor", 0, 5)]
        b.append(store.add_span(article.id, "B", "place", 0, 5))
        assert match_spans(a, b) == {a[0].id: b[0].id}
