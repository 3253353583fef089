"""The README's speed table, made from a `make bench` report (`docs/benchmarks.json`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

README = Path(__file__).resolve().parents[2] / "README.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"


def _number(value: float | None) -> str:
    if value is None:
        return "—"
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    return f"{value:.3g}" if abs(value) < 10 else f"{value:.1f}"


def render(report: dict[str, Any]) -> str:
    """The table (with its heading line) for `report`."""
    lines = [
        f"Measured by `make bench` on {report['date'][:10]} ({report['machine']}); each"
        " baseline is measured in the same run.",
        "",
        "| figure | value | target | met | baseline | note |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for f in report["figures"]:
        unit = f["unit"]
        target = "—"
        if f["target"] is not None:
            target = f"{'≥' if unit.endswith('/s') else '≤'} {_number(f['target'])} {unit}"
        met = {True: "yes", False: "**no**", None: "—"}[f["met"]]
        baseline = "—"
        if f["baseline"] is not None:
            baseline = f"{_number(f['baseline'])} {unit} ({f['baseline_what']})"
        note = f["note"].replace("|", "\\|")
        lines.append(
            f"| {f['name']} | {_number(f['value'])} {unit} | {target} | {met} | {baseline}"
            f" | {note} |"
        )
    return "\n".join(lines) + "\n"


def update_readme(report: dict[str, Any], readme: Path = README) -> None:
    """Rewrite the table between the README's bench markers."""
    text = readme.read_text(encoding="utf-8")
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    readme.write_text(f"{head}{START}\n{render(report)}{END}{tail}", encoding="utf-8")
