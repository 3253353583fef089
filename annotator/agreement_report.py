"""Save an agreement result as a CSV, JSON or self-contained HTML report (written atomically).

CSV (UTF-8 with BOM, for Excel) holds three sections one after another, each introduced by a
row with its name alone and then its header row, separated by an empty row: `summary` (scope
"overall" or "label", label, counts, exact F1, overlap F1, kappa, alpha), `per_article` (worst
first) and `confusion` (rows: layer A's label, columns: layer B's, "∅" for unpaired), then,
when the relation agreement was computed, `relations` (scope "overall" or "type", type, counts,
precision, recall, F1, strict F1) and `actor_links` (counts, shares, kappa). It starts
with `a`, `b` and `articles` rows. Undefined figures are empty cells; text cells that a
spreadsheet would run as a formula get a leading apostrophe.

JSON is `AgreementResult.as_dict()`. HTML is one page with inline CSS and SVG, no scripts.
"""

from __future__ import annotations

import csv
import html
import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from annotator.agreement import UNPAIRED, AgreementResult, Scores
from annotator.export.atomic import atomic_write
from annotator.formats.csv import safe_cell

FORMATS = ("csv", "json", "html")
FIGURES = (
    ("exact_f1", "Exact F1"),
    ("overlap_f1", "Overlap F1"),
    ("cohen_kappa", "Cohen's κ"),
    ("krippendorff_alpha", "Krippendorff's α"),
)
_SCORE_KEYS = ("a_spans", "b_spans") + tuple(key for key, _ in FIGURES)
_ARTICLE_KEYS = (
    "article_id",
    "title",
    "a_spans",
    "b_spans",
    "exact_f1",
    "overlap_f1",
    "cohen_kappa",
)


def format_score(value: float | None, digits: int = 3) -> str:
    """A figure for people: fixed decimals, "—" when undefined."""
    return "—" if value is None else f"{value:.{digits}f}"


def report_format(path: str | Path) -> str:
    """The report format a file name asks for (csv, json or html); ValueError otherwise."""
    suffix = Path(path).suffix.lower().lstrip(".")
    fmt = "html" if suffix == "htm" else suffix
    if fmt not in FORMATS:
        raise ValueError(f"{Path(path).name}: the file name must end in .csv, .json or .html")
    return fmt


def save_report(result: AgreementResult, path: str | Path) -> str:
    """Write `result` to `path` in the format its suffix names; returns that format."""
    fmt = report_format(path)
    if fmt == "csv":
        with atomic_write(path, "w", encoding="utf-8-sig") as handle:
            write_csv(result, handle)
    elif fmt == "json":
        with atomic_write(path) as handle:
            handle.write(json.dumps(result.as_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        with atomic_write(path) as handle:
            handle.write(render_html(result))
    return fmt


# -- CSV -----------------------------------------------------------------------------------


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, float):
        return round(value, 6)
    return safe_cell(value) if isinstance(value, str) else value


def write_csv(result: AgreementResult, handle: IO[str]) -> None:
    """Write the CSV sections (see the module docstring) to an open text file."""
    writer = csv.writer(handle, lineterminator="\r\n")

    def put(row: Iterable[Any]) -> None:
        writer.writerow([_cell(v) for v in row])

    put(["a", result.a])
    put(["b", result.b])
    put(["articles", result.articles])
    put([])
    put(["summary"])
    put(["scope", "label", *_SCORE_KEYS])
    for scope, label, scores in _scopes(result):
        put([scope, label, *(getattr(scores, key) for key in _SCORE_KEYS)])
    put([])
    put(["per_article"])
    put(_ARTICLE_KEYS)
    for row in result.per_article:
        put(getattr(row, key) for key in _ARTICLE_KEYS)
    put([])
    put(["confusion"])
    labels = result.confusion_labels()
    put([f"{result.a} \\ {result.b}", *labels])
    for x in labels:
        put([x, *(result.confusion.get(x, {}).get(y, 0) for y in labels)])
    if result.relations is not None:
        put([])
        put(["relations"])
        put(["scope", "type", *RELATION_KEYS])
        for scope, kind, scores in relation_rows(result.relations):
            put([scope, kind, *(getattr(scores, key) for key in RELATION_KEYS)])
        put([])
        put(["actor_links"])
        put(ACTOR_KEYS)
        put(getattr(result.relations.actors, key) for key in ACTOR_KEYS)


RELATION_KEYS = ("agreed", "a_only", "b_only", "a_unmatched", "b_unmatched", "precision",
                 "recall", "f1", "strict_f1")  # fmt: skip
ACTOR_KEYS = ("spans", "same", "different", "only_a", "only_b", "neither", "same_share",
              "raw_agreement", "kappa")  # fmt: skip


def relation_rows(relations: Any) -> list[tuple[str, str, Any]]:
    """(scope, type, scores) of a `RelationAgreement`: overall, then each relation type."""
    rows = [("overall", "", relations.overall)]
    return rows + [("type", kind, scores) for kind, scores in relations.per_type.items()]


def _scopes(result: AgreementResult) -> list[tuple[str, str, Scores]]:
    rows = [("overall", "", result.overall)]
    return rows + [("label", label, scores) for label, scores in result.per_label.items()]


# -- HTML ----------------------------------------------------------------------------------

_CSS = """
body { font-family: "Noto Sans Bengali", "Lohit Bengali", "Nirmala UI", "Vrinda", "Noto Sans",
       "Segoe UI", sans-serif; margin: 2em; color: #222; }
h1 { font-size: 1.4em; } h2 { font-size: 1.15em; margin-top: 2em; }
table { border-collapse: collapse; margin: .5em 0; }
th, td { border: 1px solid #ccc; padding: .25em .6em; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
th { background: #f3f3f3; }
.charts { display: flex; flex-wrap: wrap; gap: 1.5em; }
.chart h3 { font-size: 1em; margin: .2em 0; }
.muted { color: #777; }
"""
_BAR_COLOURS = ("#4363d8", "#3cb44b", "#f58231", "#911eb4")


def _e(value: Any) -> str:
    return html.escape(str(value), quote=True)


def render_html(result: AgreementResult) -> str:
    """The whole report as one HTML page (Bengali-ready fonts, inline CSS and SVG)."""
    title = f"Agreement: {result.a} vs {result.b}"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="bn">',
        '<head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title><style>{_CSS}</style></head>",
        "<body>",
        f"<h1>{_e(title)}</h1>",
        f"<p>{result.articles} articles compared.</p>",
        "<h2>Summary</h2>",
        _summary_table(result),
        "<h2>Per label</h2>",
        '<div class="charts">',
        *(_bar_chart(label, scores) for label, scores in result.per_label.items()),
        "</div>",
        "<h2>Label confusion (overlapping spans)</h2>",
        f'<p class="muted">Rows: {_e(result.a)}; columns: {_e(result.b)}; '
        f"{_e(UNPAIRED)}: no overlapping span in the other layer.</p>",
        _confusion_table(result),
        "<h2>Per article (worst first)</h2>",
        _article_table(result),
        *_relation_sections(result),
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


def _table(headers: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    body = "".join(f"<tr>{''.join(row)}</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _num(value: int | float | None) -> str:
    text = str(value) if isinstance(value, int) else format_score(value)
    return f'<td class="num">{_e(text)}</td>'


def _summary_table(result: AgreementResult) -> str:
    headers = ["", f"Spans {result.a}", f"Spans {result.b}", *(name for _, name in FIGURES)]
    rows = [
        [f"<th>{_e(label or 'Overall')}</th>", *(_num(getattr(s, k)) for k in _SCORE_KEYS)]
        for _, label, s in _scopes(result)
    ]
    return _table(headers, rows)


def _bar_chart(label: str, scores: Scores) -> str:
    """Horizontal bars, 0 to 1, one per figure; negative values show as an empty bar."""
    width, bar_x, bar_w, row_h = 320, 120, 150, 22
    height = row_h * len(FIGURES) + 8
    items = []
    for k, ((key, name), colour) in enumerate(zip(FIGURES, _BAR_COLOURS, strict=True)):
        value = getattr(scores, key)
        y = 4 + k * row_h
        length = 0.0 if value is None else max(0.0, min(1.0, value)) * bar_w
        items.append(
            f'<text x="0" y="{y + 14}" font-size="12">{_e(name)}</text>'
            f'<rect x="{bar_x}" y="{y + 3}" width="{bar_w}" height="14" fill="#eee"/>'
            f'<rect x="{bar_x}" y="{y + 3}" width="{length:.1f}" height="14" fill="{colour}"/>'
            f'<text x="{bar_x + bar_w + 6}" y="{y + 14}" font-size="12">'
            f"{_e(format_score(value))}</text>"
        )
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'role="img" aria-label="{_e(label)}">{"".join(items)}</svg>'
    )
    counts = f"{scores.a_spans} / {scores.b_spans} spans"
    return f'<div class="chart"><h3>{_e(label)} <span class="muted">{counts}</span></h3>{svg}</div>'


HEAT_BLUE = (33, 102, 172)  # a confusion cell (A said one label, B another) at the maximum
HEAT_GREEN = (27, 120, 55)  # a diagonal cell (both layers gave the label) at the maximum


def heat_colour(count: int, highest: int, diagonal: bool = False) -> str:
    """Background colour of a confusion cell: white for 0, then from light to dark as
    `count` nears `highest` (the matrix's largest count); blue off the diagonal, green on
    it, so agreement and confusion never look alike."""
    if count <= 0 or highest <= 0:
        return "#ffffff"
    share = min(1.0, count / highest)
    target = HEAT_GREEN if diagonal else HEAT_BLUE
    r, g, b = (round(255 + (t - 255) * (0.12 + 0.88 * share)) for t in target)
    return f"#{r:02x}{g:02x}{b:02x}"


def ink_colour(background: str) -> str:
    """Text colour readable on `background` ("#rrggbb"): white on dark, near-black on light
    (by relative luminance, WCAG's weights)."""
    channels = [int(background[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return "#ffffff" if luminance < 0.3 else "#222222"


def _confusion_table(result: AgreementResult) -> str:
    labels = result.confusion_labels()
    if not labels:
        return '<p class="muted">No spans in either layer.</p>'
    highest = max((n for row in result.confusion.values() for n in row.values()), default=0)
    rows = []
    for x in labels:
        cells = [f"<th>{_e(x)}</th>"]
        for y in labels:
            n = result.confusion.get(x, {}).get(y, 0)
            fill = heat_colour(n, highest, diagonal=x == y and x != UNPAIRED)
            cells.append(
                f'<td class="num" style="background:{fill};color:{ink_colour(fill)}">{n}</td>'
            )
        rows.append(cells)
    return _table([f"{result.a} \\ {result.b}", *labels], rows)


def _article_table(result: AgreementResult) -> str:
    headers = [
        "Id",
        "Title",
        f"Spans {result.a}",
        f"Spans {result.b}",
        "Exact F1",
        "Overlap F1",
        "Cohen's κ",
    ]
    rows = [
        [
            _num(r.article_id),
            f"<td>{_e(r.title)}</td>",
            _num(r.a_spans),
            _num(r.b_spans),
            _num(r.exact_f1),
            _num(r.overlap_f1),
            _num(r.cohen_kappa),
        ]
        for r in result.per_article
    ]
    return _table(headers, rows)


def _relation_sections(result: AgreementResult) -> list[str]:
    """Relation F1 per type and actor-link agreement, when they were computed."""
    relations = result.relations
    if relations is None:
        return []
    headers = ["", "Agreed", f"Only {result.a}", f"Only {result.b}",
               f"Unmatched span {result.a}", f"Unmatched span {result.b}", "Precision",
               "Recall", "F1", "Strict F1"]  # fmt: skip
    rows = [
        [f"<th>{_e(kind or 'Overall')}</th>", *(_num(getattr(s, k)) for k in RELATION_KEYS)]
        for _, kind, s in relation_rows(relations)
    ]
    actors = relations.actors
    actor_headers = ["Matched actor spans", "Same entry", "Different", f"Only {result.a}",
                     f"Only {result.b}", "Neither", "Same share", "Raw agreement",
                     "Cohen's κ"]  # fmt: skip
    return [
        "<h2>Relations (on matched spans)</h2>",
        f'<p class="muted">{relations.matched_spans} matched spans (same start, end and '
        "label). Unmatched: relations whose head or tail the other layer lacks; strict F1 "
        "counts them as disagreements.</p>",
        _table(headers, rows),
        "<h2>Actor links</h2>",
        _table(actor_headers, [[_num(getattr(actors, k)) for k in ACTOR_KEYS]]),
    ]
