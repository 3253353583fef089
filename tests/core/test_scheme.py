import json

import pytest

from annotator.models import ArticleDraft
from annotator.scheme import (
    LabelDef,
    SchemeError,
    default_scheme,
    load_scheme_file,
    save_scheme_file,
)
from annotator.store import Store


def test_default_scheme_has_the_five_claim_labels_and_four_entity_labels():
    labels = default_scheme()
    assert [label.name for label in labels] == [
        "Troop deployment",
        "Treaty/agreement",
        "Visit/meeting",
        "Military aid/arms transfer",
        "Statement of support",
        "Actor",
        "Place",
        "Source",
        "Date",
    ]
    assert [label.category for label in labels] == ["claim"] * 5 + ["entity"] * 4
    assert [label.shortcut for label in labels] == [str(n) for n in range(1, 10)]
    assert all(label.name_bn and label.guideline for label in labels)


def test_new_store_holds_the_default_scheme():
    with Store() as store:
        assert [label.key for label in store.labels()] == [x.key for x in default_scheme()]


def test_edit_rekey_retire_keeps_spans():
    with Store() as store:
        [res] = store.add_articles([ArticleDraft(text="কিম জং উন মস্কো গেলেন।")])
        store.add_span(res.id, "rahim", "visit", 0, 3)
        visit = next(x for x in store.labels() if x.key == "visit")
        visit.name, visit.color, visit.shortcut, visit.retired = "Meeting", "#123456", "9", True
        store.save_labels([visit])
        again = next(x for x in store.labels() if x.key == "visit")
        assert (again.name, again.color, again.shortcut, again.retired) == (
            "Meeting",
            "#123456",
            "9",
            True,
        )
        assert [x.key for x in store.labels(include_retired=False)].count("visit") == 0
        assert store.spans(res.id)[0].label == "visit"


def test_clashing_shortcut_is_refused():
    with Store() as store:
        clash = LabelDef(key="new", name="New", color="#000000", shortcut="1")
        with pytest.raises(SchemeError, match="shortcut 1"):
            store.save_labels([clash])
        assert "new" not in {x.key for x in store.labels()}


def test_scheme_file_round_trip(tmp_path):
    path = tmp_path / "scheme.json"
    save_scheme_file(default_scheme(), path)
    assert load_scheme_file(path) == default_scheme()
    assert json.loads(path.read_text(encoding="utf-8"))["labels"][0]["name_bn"] == "সেনা মোতায়েন"


@pytest.mark.parametrize(
    "content",
    [
        "not json",
        "{}",
        '{"labels": [{"name": "A", "color": "red"}]}',
        '{"labels": [{"name": "A"}, {"name": "a"}]}',
    ],
)
def test_bad_scheme_files_fail_with_one_line(tmp_path, content):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SchemeError) as err:
        load_scheme_file(path)
    assert "\n" not in str(err.value)


def test_unknown_labels_are_added_not_dropped():
    with Store() as store:
        added = store.ensure_labels(["visit", "sanctions", "sanctions"])
        assert added == ["sanctions"]
        assert "sanctions" in {x.key for x in store.labels()}
