"""The key map table: ids, keys, menus and the help sections read from it (no Qt)."""

from __future__ import annotations

import pytest

from annotator import keymap
from annotator.keymap import MAIN, MENUS, READER_COMMANDS, REVIEW, Command
from annotator.scheme import CERTAINTY, LabelDef, default_scheme


def labels() -> list[LabelDef]:
    return default_scheme()


def test_ids_are_unique_and_found():
    ids = [c.id for c in (*MAIN, *REVIEW)]
    assert len(ids) == len(set(ids))
    for command_id in ids:
        assert keymap.command(command_id).id == command_id
    with pytest.raises(KeyError):
        keymap.command("edit.nothing")


def test_no_key_does_two_things_in_one_window():
    assert keymap.clashes((*MAIN, *keymap.FIND_COMMANDS, *keymap.label_commands(labels()))) == []
    assert keymap.clashes((*REVIEW, *READER_COMMANDS)) == []
    label_keys = set(keymap.LABEL_KEYS)
    assert not [c.id for c in MAIN if label_keys & set(c.keys)]  # digits are the labels'


def test_clashes_are_found():
    a = Command("a", "A", "first", ("Ctrl+K",))
    b = Command("b", "B", "second", ("Ctrl+J", "Ctrl+K"))
    assert keymap.clashes([a, b]) == ["Ctrl+K: a and b"]


def test_every_main_command_sits_in_a_known_menu_and_the_toolbar_names_commands():
    assert {c.menu for c in MAIN} <= set(MENUS)
    ids = {c.id for c in MAIN}
    assert {i for i in keymap.MAIN_TOOLBAR if i is not None} <= ids
    assert set(READER_COMMANDS) <= set(MAIN)  # the reader's zoom keys are in the View menu
    assert all(c.scope == keymap.READER for c in READER_COMMANDS)
    assert all(c.description and c.text for c in (*MAIN, *REVIEW))


def test_menu_groups_split_where_the_group_changes():
    groups = keymap.menu_groups(MAIN, "File")
    assert [[c.id for c in g] for g in groups][2:] == [["file.restore"], ["file.quit"]]
    assert [c.id for c in groups[0]] == ["file.new", "file.open"]
    assert groups[1][0].id == "file.import"


def test_label_commands_follow_the_scheme():
    scheme = labels()
    scheme[0].name = "Arms & aid"
    scheme[1].retired = True
    scheme[2].shortcut = None
    commands = keymap.label_commands(scheme)
    assert [c.keys for c in commands] == [("1",), ("4",), ("5",), ("6",), ("7",), ("8",), ("9",)]
    assert commands[0].text == "Arms && aid" and commands[0].title == "Arms & aid"
    assert "Arms & aid" in commands[0].description
    assert [keymap.label_of(c) for c in commands] == [s.key for s in (scheme[0], *scheme[3:])]
    assert {c.menu for c in commands} == {keymap.LABEL_MENU}
    with pytest.raises(ValueError):
        keymap.label_of(keymap.command("edit.undo"))


def test_help_sections_list_every_keyed_command_once():
    sections = keymap.help_sections(labels())
    listed = [c.id for _heading, commands in sections for c in commands]
    keyed = [c.id for c in (*MAIN, *keymap.FIND_COMMANDS, *REVIEW) if c.keys]
    label_ids = [c.id for c in keymap.label_commands(labels())]
    assert sorted(listed) == sorted(keyed + label_ids)
    assert [heading for heading, _ in sections] == [
        "File", "Edit", "Tag", "Suggest", "View", "Review", "Go", "Help", "Find bar",
        "Review window",
    ]  # fmt: skip
    tag = dict(sections)["Tag"]  # the label keys first, then the certainty and source keys
    assert tag == (*keymap.label_commands(labels()), *keymap.CERTAINTY_COMMANDS,
                   keymap.command("span.source"), keymap.command("span.occurrences"),
                   keymap.command("span.link"))  # fmt: skip


def test_certainty_keys_set_the_schemes_four_levels_in_order():
    values = [keymap.certainty_of(c) for c in keymap.CERTAINTY_COMMANDS]
    assert tuple(values) == CERTAINTY
    assert [c.keys for c in keymap.CERTAINTY_COMMANDS] == [("Alt+1",), ("Alt+2",), ("Alt+3",),
                                                          ("Alt+4",)]  # fmt: skip
    assert {c.menu for c in keymap.CERTAINTY_COMMANDS} == {keymap.LABEL_MENU}
    with pytest.raises(ValueError):
        keymap.certainty_of(keymap.command("edit.undo"))


def test_title_drops_mnemonics_and_ellipsis():
    assert keymap.command("file.import").title == "Import files"
    assert keymap.command("review.accept_both").title == "Both (H)"
