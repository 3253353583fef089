"""The README documents every command and the two set-up commands."""

from pathlib import Path

from annotator import keymap
from annotator.cli import cli

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_readme_has_the_two_setup_commands():
    assert "make run" in README and "make test" in README


def test_every_command_is_in_the_readme():
    for name in cli.commands:
        assert f"annotator {name}" in README, name


def test_every_key_of_the_key_map_is_in_the_readme():
    for command in (*keymap.MAIN, *keymap.REVIEW):
        for key in command.keys:
            assert f"`{key}`" in README, (command.id, key)
