"""The README documents every command and the two set-up commands."""

from pathlib import Path

from annotator.cli import cli

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_readme_has_the_two_setup_commands():
    assert "make run" in README and "make test" in README


def test_every_command_is_in_the_readme():
    for name in cli.commands:
        assert f"annotator {name}" in README, name
