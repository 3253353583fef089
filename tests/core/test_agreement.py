"""Agreement: span F1, the token rule, kappa and alpha against hand-computed and textbook values."""

from __future__ import annotations

import unicodedata
import warnings
from collections import Counter

import krippendorff
import numpy as np
import pytest

from annotator.agreement import (
    OUTSIDE,
    UNPAIRED,
    AgreementError,
    Document,
    cohen_kappa,
    compare_documents,
    compute_agreement,
    confusion_counts,
    exact_matches,
    f1_score,
    krippendorff_alpha,
    overlap_pairs,
    token_labels,
)
from annotator.models import GOLD, ArticleDraft
from annotator.store import Store

RAW_WORDS = "কিম জং উন রাশিয়া সফর করবেন চুক্তি সেনা মোতায়েন সীমান্তে"
WORDS = unicodedata.normalize("NFC", RAW_WORDS).split()
TEXT = " ".join(WORDS) + "।"
SHORT_WORDS = WORDS[:3]
SHORT = " ".join(SHORT_WORDS)


def w(i: int, j: int | None = None, words: list[str] = WORDS) -> tuple[int, int]:
    """Code-point range from the start of word i to the end of word j (inclusive)."""
    j = i if j is None else j
    starts = [sum(len(x) + 1 for x in words[:k]) for k in range(len(words))]
    return starts[i], starts[j] + len(words[j])


# Article 1, done by both.   tokens: 0 1 2 3 4 5 6 7 8 9
#   A: visit 0-2, treaty 4-5, visit 7      V V V O T T O V O O
#   B: visit 0-2, treaty 4,   aid 7        V V V O T O O X O O
A1 = [(*w(0, 2), "visit"), (*w(4, 5), "treaty"), (*w(7), "visit")]
B1 = [(*w(0, 2), "visit"), (*w(4), "treaty"), (*w(7), "aid")]
# Article 2, done only by A: A tags words 0-1 as troops, B nothing.
A2 = [(*w(0, 1, SHORT_WORDS), "troops")]


@pytest.fixture
def store():
    with Store() as s:
        [r1, r2] = s.add_articles(
            [ArticleDraft(text=TEXT, title="সফর"), ArticleDraft(text=SHORT, title="<b>সেনা</b>")]
        )
        s.ids = (r1.id, r2.id)
        for name, spans in (("rahim", A1), ("karim", B1)):
            for start, end, label in spans:
                s.add_span(r1.id, name, label, start, end)
            s.set_status(r1.id, name, "done")
        for start, end, label in A2:
            s.add_span(r2.id, "rahim", label, start, end)
        s.set_status(r2.id, "rahim", "done")
        s.set_status(r2.id, "karim", "in_progress")
        yield s


# -- hand-computed figures of the fixture -------------------------------------------------


def test_exact_and_overlap_f1_done_articles_only(store):
    result = compute_agreement(store, "rahim", "karim")
    assert result.articles == 1
    overall = result.overall
    assert (overall.a_spans, overall.b_spans) == (3, 3)
    assert overall.exact_f1 == pytest.approx(2 * 1 / 6)  # only visit 0-2 is identical
    assert overall.overlap_f1 == pytest.approx(2 * 2 / 6)  # + treaty 4-5 ~ treaty 4


def test_overall_kappa_and_alpha_by_hand(store):
    result = compute_agreement(store, "rahim", "karim")
    # Token pairs: (V,V)x3 (O,O)x4 (T,T) (T,O) (V,X). p_o = 8/10.
    # Marginals A: V4 T2 O4; B: V3 T1 X1 O5. p_e = (12 + 2 + 20)/100 = 0.34.
    assert result.overall.cohen_kappa == pytest.approx((0.8 - 0.34) / (1 - 0.34))
    # Coincidences: n_V=7 n_O=9 n_T=3 n_X=1, n=20, disagreeing o = 4 (two pairs, both ways).
    # alpha = 1 - (n-1)·4 / (n² - Σn_c²) = 1 - 19·4/260.
    assert result.overall.krippendorff_alpha == pytest.approx(1 - 19 * 4 / 260)


def test_per_label_binary_view(store):
    per = compute_agreement(store, "rahim", "karim").per_label
    assert list(per) == ["treaty", "visit", "aid"]  # scheme order, then unknown labels by name
    visit, treaty, aid = per["visit"], per["treaty"], per["aid"]
    assert (visit.a_spans, visit.b_spans) == (2, 1)
    assert visit.exact_f1 == visit.overlap_f1 == pytest.approx(2 / 3)
    # visit tokens A: 0 1 2 7, B: 0 1 2 -> p_o .9, p_e (4·3 + 6·7)/100 = .54
    assert visit.cohen_kappa == pytest.approx(0.36 / 0.46)
    assert treaty.exact_f1 == 0.0 and treaty.overlap_f1 == 1.0
    # treaty tokens A: 4 5, B: 4 -> p_o .9, p_e (2·1 + 8·9)/100 = .74
    assert treaty.cohen_kappa == pytest.approx(0.16 / 0.26)
    # aid: only B tags one token; A says O everywhere -> kappa 0 (p_o = p_e = .9)
    assert (aid.a_spans, aid.b_spans, aid.exact_f1, aid.overlap_f1) == (0, 1, 0.0, 0.0)
    assert aid.cohen_kappa == pytest.approx(0.0)


def test_label_filter_equals_that_label_in_full_run(store):
    full = compute_agreement(store, "rahim", "karim")
    only = compute_agreement(store, "rahim", "karim", labels=["visit"])
    assert list(only.per_label) == ["visit"]
    assert only.overall == full.per_label["visit"] == only.per_label["visit"]


def test_all_articles_adds_articles_with_spans_from_either(store):
    result = compute_agreement(store, "rahim", "karim", all_articles=True)
    assert result.articles == 2
    assert (result.overall.a_spans, result.overall.b_spans) == (4, 3)
    assert result.overall.exact_f1 == pytest.approx(2 / 7)
    assert result.overall.overlap_f1 == pytest.approx(4 / 7)
    first, second = result.per_article
    assert first.article_id == store.ids[1] and first.title == "<b>সেনা</b>"  # worst first
    assert (first.a_spans, first.b_spans, first.exact_f1, first.overlap_f1) == (1, 0, 0.0, 0.0)
    assert second.article_id == store.ids[0]
    assert second.cohen_kappa == pytest.approx(0.46 / 0.66)
    assert result.confusion["troops"] == {UNPAIRED: 1}


def test_confusion_pairs_any_label_by_overlap(store):
    result = compute_agreement(store, "rahim", "karim")
    assert result.confusion == {"treaty": {"treaty": 1}, "visit": {"aid": 1, "visit": 1}}
    assert result.confusion_labels() == ["treaty", "visit", "aid"]


def test_as_dict_has_exactly_the_documented_keys(store):
    data = compute_agreement(store, "rahim", "karim").as_dict()
    assert set(data) == {"a", "b", "articles", "overall", "per_label", "per_article", "confusion"}
    keys = {"a_spans", "b_spans", "exact_f1", "overlap_f1", "cohen_kappa", "krippendorff_alpha"}
    assert set(data["overall"]) == keys
    assert all(set(scores) == keys for scores in data["per_label"].values())
    assert set(data["per_article"][0]) == {"article_id", "title", "a_spans", "b_spans"} | {
        "exact_f1",
        "overlap_f1",
        "cohen_kappa",
    }


def test_unknown_names_and_labels_raise(store):
    with pytest.raises(AgreementError, match="unknown annotator 'nobody'"):
        compute_agreement(store, "rahim", "nobody")
    with pytest.raises(AgreementError, match="unknown label 'nope'"):
        compute_agreement(store, "rahim", "karim", labels=["nope"])


def test_gold_layer_counts_adjudicated_articles_as_done(store):
    a1 = store.ids[0]
    assert compute_agreement(store, GOLD, "rahim").articles == 0  # known even without spans
    for start, end, label in A1:
        store.add_span(a1, GOLD, label, start, end)
    store.set_review_status(a1, "adjudicated", "lead")
    result = compute_agreement(store, GOLD, "rahim")
    assert result.articles == 1
    assert result.overall.exact_f1 == 1.0 and result.overall.cohen_kappa == 1.0


def test_nothing_to_compare_gives_none_without_warnings():
    with Store() as s, warnings.catch_warnings():
        warnings.simplefilter("error")
        [res] = s.add_articles([ArticleDraft(text=TEXT)])
        for name in ("rahim", "karim"):
            s.set_status(res.id, name, "done")
        result = compute_agreement(s, "rahim", "karim")
        assert result.articles == 1
        assert result.overall.exact_f1 is None and result.overall.overlap_f1 is None
        assert result.overall.cohen_kappa is None and result.overall.krippendorff_alpha is None
        assert result.per_label == {} and result.confusion == {}
        assert compute_agreement(s, "rahim", "karim", labels=["visit"]).per_label["visit"] == (
            result.overall
        )


# -- pure functions ------------------------------------------------------------------------


def test_f1_is_none_only_when_both_empty():
    assert f1_score(0, 0, 0) is None
    assert f1_score(0, 1, 0) == 0.0
    assert f1_score(2, 2, 2) == 1.0


def test_exact_matches_count_duplicates_one_to_one():
    assert exact_matches([(0, 3, "x"), (0, 3, "x")], [(0, 3, "x")]) == 1
    assert exact_matches([(0, 3, "x")], [(0, 3, "y")]) == 0


def test_overlap_pairs_are_greedy_by_largest_overlap():
    a = [(0, 10, "x")]
    b = [(8, 20, "x"), (2, 6, "x")]  # overlaps 2 and 4: the second wins
    assert overlap_pairs(a, b) == [(0, 1)]
    # A's long span takes the big overlap first; the short one then pairs with what is left.
    a = [(0, 10, "x"), (9, 12, "x")]
    b = [(0, 9, "x"), (10, 12, "x")]
    assert sorted(overlap_pairs(a, b)) == [(0, 0), (1, 1)]
    # Touching spans do not overlap; other labels never pair when same_label.
    assert overlap_pairs([(0, 5, "x")], [(5, 9, "x"), (0, 5, "y")]) == []


def test_overlap_ties_go_to_the_earlier_span():
    a = [(4, 6, "x")]
    b = [(5, 9, "x"), (0, 5, "x")]  # both overlap by 1: the one starting first wins
    assert overlap_pairs(a, b) == [(0, 1)]


def test_confusion_prefers_same_label_on_a_tie_and_counts_unpaired():
    a = [(0, 4, "x"), (10, 12, "z")]
    b = [(0, 4, "y"), (0, 4, "x")]
    assert confusion_counts(a, b) == Counter({("x", "x"): 1, ("∅", "y"): 1, ("z", "∅"): 1})


def test_token_rule_partial_cover_and_ties():
    text = "aa bb cc dd"  # tokens 0-2 3-5 6-8 9-11
    assert token_labels(text, [(1, 4, "x")]) == ["x", "x", OUTSIDE, OUTSIDE]  # partly covered
    # starts first wins over a later, longer span
    assert token_labels(text, [(3, 11, "long"), (0, 5, "early")])[:2] == ["early", "early"]
    # same start: the longest wins
    assert token_labels(text, [(3, 5, "short"), (3, 8, "long")])[1:3] == ["long", "long"]
    # same start and length: the smaller label name
    assert token_labels(text, [(6, 8, "b"), (6, 8, "a")])[2] == "a"
    # a span inside the space between tokens labels nothing
    assert token_labels(text, [(2, 3, "x")]) == [OUTSIDE] * 4


def test_tokens_keep_bengali_words_whole():
    labels = token_labels(TEXT, [(*w(3), "visit")])
    assert len(labels) == len(WORDS)
    assert labels[3] == "visit" and labels.count("visit") == 1


def test_per_label_scores_listed_for_requested_labels_in_order():
    doc = Document(1, TEXT, A1, B1)
    result = compare_documents([doc], labels=["visit", "nothing"])
    assert list(result.per_label) == ["visit", "nothing"]
    nothing = result.per_label["nothing"]
    assert (nothing.a_spans, nothing.exact_f1, nothing.cohen_kappa) == (0, None, None)


# -- textbook examples ---------------------------------------------------------------------


def test_cohen_kappa_wikipedia_example():
    # Wikipedia, "Cohen's kappa": 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no -> 0.4
    table = {("yes", "yes"): 20, ("yes", "no"): 5, ("no", "yes"): 10, ("no", "no"): 15}
    assert cohen_kappa(table) == pytest.approx(0.4)


def test_cohen_kappa_degenerate_cases():
    assert cohen_kappa({}) is None
    assert cohen_kappa({("O", "O"): 7}) is None  # one category only
    assert cohen_kappa({("x", "y"): 3}) == pytest.approx(0.0)  # never agree, p_e = 0


def test_krippendorff_package_four_coder_example():
    # Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", 4 coders, 12 units.
    nan = np.nan
    data = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, nan, nan, nan],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nan, 3],
        [nan, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nan],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nan],
    ]
    assert krippendorff.alpha(data, level_of_measurement="nominal") == pytest.approx(
        0.743, abs=5e-4
    )


def test_krippendorff_two_coder_binary_example():
    # Krippendorff (2011): two coders, ten units, binary data -> alpha = 0.095
    coder_a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
    coder_b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]
    pairs = Counter(zip(map(str, coder_a), map(str, coder_b), strict=True))
    assert krippendorff_alpha(pairs) == pytest.approx(0.095, abs=5e-4)
    package = krippendorff.alpha([coder_a, coder_b], level_of_measurement="nominal")
    assert krippendorff_alpha(pairs) == pytest.approx(package)


def test_krippendorff_degenerate_cases_are_none():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert krippendorff_alpha({}) is None
        assert krippendorff_alpha({("O", "O"): 12}) is None


def test_per_label_binary_view_uses_the_token_rule_labels():
    """A token covered by two of A's spans counts for the one starting first only."""
    text = "কিম জং উন মস্কো সফর করবেন"  # tokens 0-3 4-6 7-9 10-15 16-19 20-25
    doc = Document(1, text, a=[(0, 9, "visit"), (4, 19, "treaty")], b=[(4, 19, "treaty")])
    result = compare_documents([doc])
    # A tokens: V V V T T O; B: O T T T T O.  Treaty binary: A O O O T T O vs B O T T T T O
    # -> p_o 4/6, p_e (2·4 + 4·2)/36 -> kappa 0.4 (not 1.0, as treaty's spans alone would give)
    assert result.per_label["treaty"].cohen_kappa == pytest.approx(0.4)
    # Visit binary: A V V V O O O vs B all O -> p_o 1/2 = p_e -> kappa 0
    assert result.per_label["visit"].cohen_kappa == pytest.approx(0.0)
    assert result.per_label["treaty"].exact_f1 == 1.0  # span figures are per label as before
