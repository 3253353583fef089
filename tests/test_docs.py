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
    for command in (*keymap.MAIN, *keymap.FIND_COMMANDS, *keymap.REVIEW):
        for key in command.keys:
            assert f"`{key}`" in README, (command.id, key)


ARCHITECTURE = (Path(__file__).resolve().parent.parent / "docs" / "ARCHITECTURE.md").read_text(
    encoding="utf-8"
)


def _ref(ref: str) -> str:
    return f"`{ref.removeprefix('annotator.')}`" if ref else "—"


def format_table() -> str:
    """The table of formats docs/ARCHITECTURE.md shows, made from the format table."""
    from annotator.formats.registry import FORMATS

    lines = [
        "| format | read as | files | written as | recognised by | reader | writer |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for f in FORMATS:
        read = f.kind or "—"
        reader = _ref(f.reader)
        if f.span_reader:
            read += ", annotations"
            reader += f", spans: {_ref(f.span_reader)}"
        files = " ".join(f"`{e}`" for e in f.extensions) if f.readable else "—"
        if not f.writable:
            written = "—"
        else:
            written = "a folder or `.zip`" if f.to_folder else f"`{f.export_extension}`"
        lines.append(
            f"| `{f.name}` | {read} | {files} | {written} | {f.detection} | {reader} "
            f"| {_ref(f.writer)} |"
        )
    return "\n".join(lines) + "\n"


def test_the_architecture_page_shows_the_format_table():
    table = format_table()
    assert table in ARCHITECTURE, "docs/ARCHITECTURE.md should hold:\n" + table


def test_the_readme_names_the_format_tables_formats():
    from annotator.formats.registry import choices, export_names, format_names

    bar = "\\|"  # a | inside a Markdown table cell
    assert f"[--format {bar.join(choices())}]" in README
    assert f"--format {bar.join(export_names())} --out" in README
    import_section = README.split("## Import formats", 1)[1].split("\n## ", 1)[0]
    rows = [line.split("`")[1] for line in import_section.splitlines() if line.startswith("| `")]
    assert rows == list(format_names())


def test_the_readme_speed_table_is_the_kept_benchmark_report():
    """`make bench-readme` writes both; a hand edit to either fails here."""
    import json
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent / "benchmarks"))
    from readme_table import END, START, render

    report = json.loads(
        (Path(__file__).resolve().parent.parent / "docs" / "benchmarks.json").read_text("utf-8")
    )
    table = README.split(START, 1)[1].split(END, 1)[0]
    assert table.strip() == render(report).strip()
    assert report["figures"], "the report has no figures"
