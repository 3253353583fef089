"""Suggestions: tokens, the tagger on a generated corpus with unseen actors and places, the
lexicon and register, merging, accepting and rejecting (undoable), and that nothing
suggested reaches an export."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from suggest_corpus import corpus, fill_store

from annotator.actions import AddSpan
from annotator.history import History
from annotator.models import Actor, ArticleDraft
from annotator.store import Store
from annotator.suggest.evaluate import Counts, cross_validate, evaluate_split, score
from annotator.suggest.lexicon import Lexicon
from annotator.suggest.model import Tagger, train
from annotator.suggest.suggestions import Suggester, combine, least_certain_first
from annotator.suggest.tokens import tokenize
from annotator.suggest.training import label_groups, retrain, training_docs
from annotator.suggest_actions import AcceptSuggestions, AddTriggerPhrase, RejectSuggestion
from annotator.text import snap_to_graphemes

GROUPS = {"actor": "entity", "place": "entity", "source": "entity", "date": "entity"}


ALPHABET = list("রাশিয়া কিম জং উন।,😀👍🏽\u200c\u200d-'ক্ষ্ম \u09bc")  # a nukta after a space too


@given(st.text(alphabet=st.sampled_from(ALPHABET), max_size=60))
def test_tokens_are_slices_of_the_text_on_cluster_edges(text):
    tokens = tokenize(text)
    ends = 0
    for token in tokens:
        assert text[token.start : token.end] == token.text and token.start >= ends
        assert snap_to_graphemes(text, token.start, token.end) == (token.start, token.end)
        ends = token.end


def test_offsets_after_an_emoji_are_code_points():
    text = "😀👍🏽 রাশিয়ার সেনা।"
    [_e1, _e2, word, *_rest] = tokenize(text)
    assert (word.text, word.start, word.end) == ("রাশিয়ার", 4, 12)


def test_generated_corpus_with_unseen_actors_and_places_meets_the_bar():
    """Issue #16's figure: overlap precision and recall >= 0.8 and exact recall >= 0.5 on
    articles whose actors and places the tagger never saw in training."""
    train_docs, test_docs = corpus(train=200, test=60)
    seen = {d.text[s:e] for d in train_docs for s, e, k in d.spans if k in ("actor", "place")}
    unseen = {d.text[s:e] for d in test_docs for s, e, k in d.spans if k in ("actor", "place")}
    assert not seen & unseen
    figures = evaluate_split(train_docs, test_docs, GROUPS).overall.figures()
    assert figures["overlap_p"] >= 0.8 and figures["overlap_r"] >= 0.8, figures
    assert figures["exact_r"] >= 0.5, figures


def test_actor_spans_stop_before_the_case_ending_as_trained():
    train_docs, _ = corpus(train=60, test=0)
    tagger = Tagger(train(train_docs, GROUPS))
    text = "ব্রাজিলের প্রেসিডেন্ট কারাকাস সফরে গেছেন।"
    found = {(text[p.start : p.end], p.label) for p in tagger.predict(text)}
    assert ("ব্রাজিল", "actor") in found
    assert ("কারাকাস সফরে গেছেন", "visit") in found
    assert all(0 < p.score <= 1 for p in tagger.predict(text))


def test_register_and_lexicon_hits_become_suggestions_with_their_endings_left_out():
    lexicon = Lexicon({"treaty": ["চুক্তি সই"]}, [Actor("RUS", "Russia", "রাশিয়া", ["মস্কো"])])
    text = "মস্কোর সঙ্গে চুক্তি সই হলো, রাশিয়াকে ধন্যবাদ।"
    found = combine(1, text, [], lexicon.hits(text))
    shown = [(s.text, s.label, s.source, s.actor_id) for s in found]
    assert shown == [
        ("মস্কো", "actor", "register", "RUS"),
        ("চুক্তি সই", "treaty", "lexicon", None),
        ("রাশিয়া", "actor", "register", "RUS"),
    ]


def test_merging_leaves_out_tagged_rejected_and_duplicate_spans(tmp_path):
    from annotator.suggest.model import Predicted

    text = "রাশিয়া সেনা পাঠিয়েছে। চীন চুপ।"
    lexicon = Lexicon({}, [Actor("RUS", "Russia", "রাশিয়া"), Actor("CHN", "China", "চীন")])
    predicted = [Predicted(0, 7, "actor", 0.7), Predicted(8, 21, "troop_deployment", 0.8)]
    with Store(tmp_path / "p.db") as store:
        store.add_articles([ArticleDraft(text=text, title="t")])
        store.add_annotator("rahim")
        tagged = store.add_span(1, "rahim", "troop_deployment", 8, 14)
        china = text.index("চীন")
        rejected = {(china, china + len("চীন"), "actor")}
        found = combine(1, text, predicted, lexicon.hits(text), [tagged], rejected)
    # রাশিয়া: model and register agree (one suggestion, best score, both sources); the claim
    # overlaps a tagged claim; চীন was rejected.
    assert [(s.text, s.source, s.score) for s in found] == [("রাশিয়া", "model+register", 0.9)]


def test_scores_count_exact_and_overlapping_matches():
    counts = score([(0, 5, "a"), (10, 20, "a")], [(0, 5, "a"), (12, 15, "a"), (30, 31, "a")])
    c = counts["a"]
    assert (c.gold, c.predicted, c.exact, c.overlap_predicted, c.overlap_gold) == (2, 3, 1, 2, 2)
    assert c.figures()["exact_p"] == round(1 / 3, 4) and c.figures()["overlap_r"] == 1.0
    assert Counts().figures()["exact_f1"] == 0.0


def test_cross_validation_reports_every_label_and_refuses_too_few_articles():
    docs, _ = corpus(train=40, test=0)
    result = cross_validate(docs, GROUPS, folds=4)
    assert result.folds == 4 and result.docs == 40
    assert {"actor", "place", "treaty"} <= set(result.labels)
    assert result.overall.gold == sum(len(d.spans) for d in docs)
    with pytest.raises(ValueError, match="cannot be split"):
        cross_validate(docs[:3], GROUPS, folds=5)


@pytest.fixture
def project(tmp_path):
    train_docs, test_docs = corpus(train=50, test=5, seed=3)
    store = Store(tmp_path / "project.db")
    fill_store(store, train_docs)
    new = fill_store(store, test_docs, annotator=None)
    yield store, new
    store.close()


def test_retrain_stores_a_model_and_suggests_on_untagged_articles(project):
    store, new = project
    assert len(training_docs(store, "rahim")) == 50
    result = retrain(store, "rahim")
    assert result.docs == 50 and "actor" in result.labels
    data, spans, info = store.model("rahim")
    assert spans == store.layer_span_count("rahim") and info["docs"] == 50
    suggester = Suggester(store, "rahim")
    found = suggester.for_article(new[0])
    assert found and all(s.source.startswith("model") for s in found)
    text = store.article(new[0]).text
    assert all(text[s.start : s.end] == s.text for s in found)
    order = least_certain_first(suggester, new)
    assert sorted(order) == sorted(new)
    with pytest.raises(ValueError, match="no spans"):
        retrain(store, "nobody")


def test_accept_reject_and_undo(project):
    store, new = project
    retrain(store, "rahim")
    history = History(store)
    suggester = Suggester(store, "rahim")
    first, second, *_ = suggester.for_article(new[0])
    history.do(AcceptSuggestions("rahim", new[0], [first]))
    assert [(s.start, s.end, s.label) for s in store.spans(new[0], "rahim")] == [first.key]
    assert first.key not in {s.key for s in suggester.for_article(new[0])}
    history.do(RejectSuggestion("rahim", second))
    assert second.key not in {s.key for s in suggester.for_article(new[0])}
    history.undo()  # the reject
    assert second.key in {s.key for s in suggester.for_article(new[0])}
    history.undo()  # the accept
    assert store.spans(new[0], "rahim") == []
    everything = suggester.for_article(new[0])
    history.do(AcceptSuggestions("rahim", new[0], everything))
    assert len(store.spans(new[0], "rahim")) == len(everything)
    assert suggester.for_article(new[0]) == []


def test_a_register_hit_accepted_links_the_actor(tmp_path):
    with Store(tmp_path / "p.db") as store:
        store.add_articles([ArticleDraft(text="ভারতের সেনাপ্রধান বললেন।", title="t")])
        store.add_annotator("rahim")
        store.save_actors([Actor("IND", "India", "ভারত")])
        [hit] = Suggester(store, "rahim").for_article(1)
        AcceptSuggestions("rahim", 1, [hit]).apply(store)
        [span] = store.spans(1, "rahim")
        assert (span.text, span.label, span.attrs) == ("ভারত", "actor", {"actor_id": "IND"})


def test_trigger_phrases_are_undoable_and_not_twice(tmp_path):
    with Store(tmp_path / "p.db") as store:
        history = History(store)
        history.do(AddTriggerPhrase("treaty", " চুক্তি  সই "))
        assert store.lexicon_phrases() == {"treaty": ["চুক্তি সই"]}
        with pytest.raises(ValueError, match="already"):
            AddTriggerPhrase("treaty", "চুক্তি সই").apply(store)
        history.undo()
        assert store.lexicon_phrases() == {}
        history.redo()
        assert store.lexicon_phrases() == {"treaty": ["চুক্তি সই"]}


def test_suggestions_never_reach_an_export(project, tmp_path):
    from annotator.export import export

    store, new = project
    retrain(store, "rahim")
    suggester = Suggester(store, "rahim")
    assert suggester.for_article(new[0])
    AddSpan(new[1], "rahim", "actor", 0, 2).apply(store)
    out = tmp_path / "out.jsonl"
    export(store, "jsonl", out)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    exported = sum(len(r.get("spans", [])) for r in records)
    assert exported == store.layer_span_count("rahim")
    assert label_groups(store.labels())["actor"] == "entity"
