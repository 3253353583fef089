"""Project files without Qt: the recent list, creating a project, checking a file before
opening it, and the certainty key's plan."""

from __future__ import annotations

import sqlite3

import pytest

from annotator.actions import EditSpan
from annotator.editing import NEED_OWN_SPAN, plan_certainty
from annotator.models import Span
from annotator.project import create_project, open_existing_project, project_file_problem
from annotator.recent import RECENT_LIMIT, existing, forget, remember
from annotator.store import StoreError


def test_remember_puts_the_newest_first_without_duplicates(tmp_path):
    a, b = str(tmp_path / "a.db"), str(tmp_path / "b.db")
    recent = remember([], a)
    recent = remember(recent, b)
    assert recent == [b, a]
    assert remember(recent, tmp_path / "sub" / ".." / "a.db") == [a, b]  # same file once
    many = [str(tmp_path / f"{n}.db") for n in range(20)]
    assert len(remember(many, a)) == RECENT_LIMIT
    assert forget([a, b], a) == [b]


def test_existing_drops_files_gone(tmp_path):
    kept = tmp_path / "kept.db"
    kept.write_bytes(b"x")
    assert existing([str(kept), str(tmp_path / "gone.db"), ""]) == [str(kept)]


def test_a_new_project_is_empty_with_the_default_scheme_and_never_replaces_a_file(tmp_path):
    with create_project(tmp_path / "new.db") as store:
        assert store.article_list("me") == []
        assert "troop_deployment" in {label.key for label in store.labels()}
    with pytest.raises(StoreError, match="already exists"):
        create_project(tmp_path / "new.db")


def test_files_that_are_no_project_are_named_in_one_line(tmp_path):
    (tmp_path / "empty.db").write_bytes(b"")
    (tmp_path / "notes.db").write_text("hello", encoding="utf-8")
    with sqlite3.connect(tmp_path / "other.db") as conn:
        conn.execute("CREATE TABLE t (a)")
    conn.close()
    assert "no such file" in project_file_problem(tmp_path / "missing.db")
    assert "not a file" in project_file_problem(tmp_path)
    assert "empty file" in project_file_problem(tmp_path / "empty.db")
    assert "not an SQLite file" in project_file_problem(tmp_path / "notes.db")
    assert project_file_problem(tmp_path / "other.db") is None  # the store refuses it
    with pytest.raises(StoreError, match="not an annotator project"):
        open_existing_project(tmp_path / "other.db")
    with pytest.raises(StoreError, match="no such file"):
        open_existing_project(tmp_path / "missing.db")
    assert not (tmp_path / "missing.db").exists()  # opening never creates
    with create_project(tmp_path / "ok.db"):
        pass
    with open_existing_project(tmp_path / "ok.db") as store:
        assert store.path == tmp_path / "ok.db"


def span(annotator: str = "me", **attrs: object) -> Span:
    return Span(id=7, article_id=1, annotator=annotator, label="treaty", start=0, end=6,
                text="চুক্তি", attrs=dict(attrs), note="", origin="", created="",
                updated="")  # fmt: skip


def test_plan_certainty_keeps_the_other_attributes():
    plan = plan_certainty(span(source="KCNA"), "me", "reported")
    assert isinstance(plan.action, EditSpan)
    assert plan.action.changes == {"attrs": {"source": "KCNA", "certainty": "reported"}}
    assert plan_certainty(span(certainty="reported"), "me", "reported").action is None
    assert plan_certainty(None, "me", "denied").refusal == NEED_OWN_SPAN
    assert plan_certainty(span("karim"), "me", "denied").refusal == NEED_OWN_SPAN
