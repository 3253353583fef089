"""`annotator suggest`: learn from an annotator's spans and list suggestions (text, JSON),
or cross-validate; one-line errors."""

from __future__ import annotations

import json

from click.testing import CliRunner
from suggest_corpus import corpus, fill_store

from annotator.cli import cli
from annotator.store import Store


def _run(db_path, *args):
    return CliRunner().invoke(cli, ["--db", str(db_path), "suggest", *args])


def test_suggest_json_for_untagged_articles_and_evaluate(db_path):
    train_docs, test_docs = corpus(train=40, test=3, seed=11)
    with Store(db_path) as store:
        fill_store(store, train_docs)
        new = fill_store(store, test_docs, annotator=None)
    result = _run(db_path, "--learn-from", "rahim", "--json")
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    assert {s["article"] for s in found} == set(new)  # the untagged ones only
    with Store(db_path) as store:
        for s in found:
            assert store.article(s["article"]).text[s["start"] : s["end"]] == s["text"]
        assert store.model("rahim") is not None
        assert store.layer_span_count("rahim") == sum(len(d.spans) for d in train_docs)
    one = json.loads(_run(db_path, "--learn-from", "rahim", "--json", str(new[1])).stdout)
    assert one and {s["article"] for s in one} == {new[1]}

    table = _run(db_path, "--learn-from", "rahim", "--evaluate", "--folds", "4")
    assert table.exit_code == 0, table.output
    assert "40 articles, 4-fold cross-validation" in table.output
    assert "(all labels)" in table.output
    data = json.loads(_run(db_path, "--learn-from", "rahim", "--evaluate", "--json").stdout)
    assert data["folds"] == 5 and data["overall"]["gold"] > 0


def test_nothing_to_learn_is_one_line(db_path):
    with Store(db_path) as store:
        fill_store(store, corpus(train=2, test=0)[0], annotator=None)
    result = _run(db_path, "--learn-from", "mita")
    assert result.exit_code == 1
    assert result.output.strip() == "Error: mita has no spans to learn from yet"
    result = _run(db_path, "--learn-from", "mita", "--evaluate")
    assert result.exit_code == 1 and "cannot be split" in result.output
