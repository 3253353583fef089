"""Import a colleague's layers straight from their project database file, as untrusted input.

Their file is opened through `untrusted_db` (a private read-only copy, an authorizer that lets
only plain reads of the expected tables and columns through, the schema checked first), so
nothing of theirs runs and a file that is not one of our projects changes nothing.

Their articles are matched by uid or identical canonical text, unknown ones are created. Each of
their layers (annotators) is brought in with `Store.replace_layer` per article, so importing
again mirrors their file: spans they deleted go, unchanged spans keep their ids. Their gold
layer, layers named in `skip`, and layers this project already has spans of its own under are
skipped and reported. Rows that fail a check become one-line problems; the rest import. The
whole import is one transaction.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import orjson

from annotator.ingest.project_relations import (
    SpanKey,
    TheirRelation,
    merge_actors,
    read_actors,
    read_relations,
    store_relations,
)
from annotator.ingest.untrusted_db import (
    TABLES,
    ProjectImportError,
    check_schema,
    open_untrusted,
    read_rows,
)
from annotator.models import ArticleDraft, Span, is_reserved_name
from annotator.scheme import PALETTE, LabelDef
from annotator.store import STATUSES, LayerSpan, Store
from annotator.store.span_rows import in_range
from annotator.text import OffsetMap, canonicalise

ORIGIN_PREFIX = "project:"
IMPORT_ORIGINS = frozenset({"import", "doccano", "labelstudio", "brat"})
"""Span origins written by importers; any other origin (manual, review...) is local work."""

MAX_NAME_CHARS = 200  # annotator and label names
MAX_PROBLEMS = 1000


@dataclass
class LayerResult:
    """What importing one of their layers did."""

    name: str
    articles: int = 0
    added: int = 0
    removed: int = 0
    updated: int = 0
    unchanged: int = 0
    statuses: int = 0
    doc_labels_added: int = 0
    doc_labels_removed: int = 0
    relations: int = 0


@dataclass
class SkippedLayer:
    """One of their layers that was not imported, and why."""

    name: str
    reason: str


@dataclass
class ProjectImportReport:
    """Outcome of importing one project file."""

    source: str
    origin: str
    layers: list[LayerResult] = field(default_factory=list)
    skipped: list[SkippedLayer] = field(default_factory=list)
    articles_created: int = 0
    articles_matched: int = 0
    labels_added: list[str] = field(default_factory=list)
    actors_added: int = 0
    problems: list[str] = field(default_factory=list)
    problems_omitted: int = 0

    def problem(self, where: str, reason: str) -> None:
        """Record a one-line problem `where: reason` (beyond MAX_PROBLEMS only counted)."""
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(_one_line(f"{where}: {reason}"))
        else:
            self.problems_omitted += 1

    @property
    def problem_count(self) -> int:
        """Every problem, including those not kept."""
        return len(self.problems) + self.problems_omitted

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return asdict(self)


# -- public entry point ----------------------------------------------------------------------


def import_project_db(
    store: Store, path: str | Path, skip: Iterable[str] = ()
) -> ProjectImportReport:
    """Import a colleague's project file's layers into `store` in ONE transaction.

    `skip` names layers not to import (e.g. the current analyst's own). Raises
    ProjectImportError (one line, store unchanged) when the file is not a readable annotator
    project; bad rows are reported as problems in the returned report.
    """
    path = Path(path)
    name = path.name
    if store.path is not None and same_file(path, store.path):
        raise ProjectImportError(f"{name}: this is the open project itself; nothing to import")
    with open_untrusted(path) as conn:
        check_schema(conn, name)
        source = _read_annotations(conn, name)
        report = ProjectImportReport(source=name, origin=ORIGIN_PREFIX + name)
        try:
            with store.transaction():
                _import(store, conn, source, skip, report)
        except ProjectImportError:
            raise
        except Exception as exc:  # noqa: BLE001 - anything unexpected: nothing is imported
            raise ProjectImportError(f"{name}: nothing imported ({_one_line(str(exc))})") from exc
    return report


@dataclass
class _SpanRow:
    """One of their spans, types checked, offsets not yet checked against the text."""

    id: int
    annotator: str
    label: str
    start: int
    end: int
    text: str
    attrs: dict[str, Any]
    note: str
    created: str
    updated: str


@dataclass
class _Source:
    """Their annotations, read before any write: spans by article id, statuses, doc labels."""

    name: str
    spans: dict[int, list[_SpanRow]] = field(default_factory=dict)
    statuses: dict[int, list[tuple[str, str]]] = field(default_factory=dict)
    doc_labels: dict[int, list[tuple[int, str, str]]] = field(default_factory=dict)
    layer_names: set[str] = field(default_factory=set)
    problems: list[tuple[str, str, Any]] = field(default_factory=list)  # where, why, annotator
    relations: list[TheirRelation] = field(default_factory=list)
    span_keys: dict[int, SpanKey] = field(default_factory=dict)  # their span id -> ours


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _name_problem(value: Any, what: str) -> str | None:
    """Why `value` is not a usable annotator or label name, or None."""
    if not isinstance(value, str):
        return _not_text(what, value)
    if not value.strip():
        return f"{what} is empty"
    if len(value) > MAX_NAME_CHARS:
        return f"{what} is longer than {MAX_NAME_CHARS} characters"
    if any(unicodedata.category(ch) == "Cc" for ch in value):
        return f"{what} {_short(value)} holds control characters"
    return None


def _read_annotations(conn: sqlite3.Connection, name: str) -> _Source:
    """Read and type-check their spans, statuses and document labels (not their articles)."""
    source = _Source(name)
    for row, oversize in read_rows(conn, name, "spans", '"id"'):
        where = f"spans #{_short(row['id'])}"
        reason = oversize or _span_row_problem(row)
        if reason:
            source.problems.append((where, reason, row["annotator"]))
            continue
        attrs = orjson.loads(row["attrs"]) if row["attrs"] else {}
        span = _SpanRow(row["id"], row["annotator"], row["label"].strip(), row["start"],
                        row["end"], row["text"], attrs, row["note"] or "", row["created"],
                        row["updated"])  # fmt: skip
        source.spans.setdefault(row["article_id"], []).append(span)
        source.layer_names.add(span.annotator)
    for row, oversize in read_rows(conn, name, "article_status", '"article_id", "annotator"'):
        where = f"article_status (article #{_short(row['article_id'])}, {_short(row['annotator'])})"
        reason = oversize or _status_row_problem(row)
        if reason:
            source.problems.append((where, reason, row["annotator"]))
            continue
        source.statuses.setdefault(row["article_id"], []).append((row["annotator"], row["status"]))
        source.layer_names.add(row["annotator"])
    for row, oversize in read_rows(conn, name, "doc_labels", '"id"'):
        where = f"doc_labels #{_short(row['id'])}"
        reason = oversize or _doc_label_row_problem(row)
        if reason:
            source.problems.append((where, reason, row["annotator"]))
            continue
        source.doc_labels.setdefault(row["article_id"], []).append(
            (row["id"], row["annotator"], row["label"].strip())
        )
        source.layer_names.add(row["annotator"])
    source.relations, problems = read_relations(conn, name)
    source.problems.extend(problems)
    return source


def _span_row_problem(row: dict[str, Any]) -> str | None:
    if not _is_int(row["id"]):
        return "id is not an integer"
    if not _is_int(row["article_id"]):
        return f"article_id {_short(row['article_id'])} is not an integer"
    reason = _name_problem(row["annotator"], "annotator") or _name_problem(row["label"], "label")
    if reason:
        return reason
    if not (_is_int(row["start"]) and _is_int(row["end"])):
        return f"offsets {_short(row['start'])}, {_short(row['end'])} are not integers"
    for column in ("text", "created", "updated"):
        if not isinstance(row[column], str):
            return _not_text(column, row[column])
    if row["note"] is not None and not isinstance(row["note"], str):
        return _not_text("note", row["note"])
    if row["attrs"] is not None:
        if not isinstance(row["attrs"], str):
            return _not_text("attrs", row["attrs"])
        try:
            attrs = orjson.loads(row["attrs"])
        except orjson.JSONDecodeError:
            return "attrs is not valid JSON"
        if not isinstance(attrs, dict):
            return "attrs is not a JSON object"
    return None


def _status_row_problem(row: dict[str, Any]) -> str | None:
    if not _is_int(row["article_id"]):
        return "article_id is not an integer"
    reason = _name_problem(row["annotator"], "annotator")
    if reason:
        return reason
    if row["status"] not in STATUSES:
        return f"unknown status {_short(row['status'])}"
    return None


def _doc_label_row_problem(row: dict[str, Any]) -> str | None:
    if not _is_int(row["id"]):
        return "id is not an integer"
    if not _is_int(row["article_id"]):
        return "article_id is not an integer"
    return _name_problem(row["annotator"], "annotator") or _name_problem(row["label"], "label")


@dataclass
class _ArticleRow:
    """One of their articles, types checked."""

    id: int
    uid: str | None
    draft: ArticleDraft


def _iter_articles(
    conn: sqlite3.Connection, name: str, report: ProjectImportReport
) -> Iterator[_ArticleRow]:
    """Their articles one at a time (bad rows become problems)."""
    for row, oversize in read_rows(conn, name, "articles", '"id"'):
        where = f"articles #{_short(row['id'])}"
        reason = oversize or _article_row_problem(row)
        if reason:
            report.problem(where, f"{reason}; article and its annotations skipped")
            continue
        meta: dict[str, Any] = {}
        if row["meta"]:
            try:
                loaded = orjson.loads(row["meta"]) if isinstance(row["meta"], str) else None
            except orjson.JSONDecodeError:
                loaded = None
            if isinstance(loaded, dict):
                meta = loaded
            else:
                report.problem(where, "meta is not a JSON object; imported without it")
        draft = ArticleDraft(
            text=row["text"],
            raw=row["raw"] or "",
            title=row["title"] or "",
            outlet=row["outlet"] or "",
            byline=row["byline"] or "",
            url=row["url"] or "",
            published=row["published"] or None,
            updated=row["updated"] or None,
            source_file=row["source_file"] or name,
            meta=meta,
        )
        yield _ArticleRow(row["id"], row["uid"], draft)


def _article_row_problem(row: dict[str, Any]) -> str | None:
    if not _is_int(row["id"]):
        return "id is not an integer"
    if not isinstance(row["text"], str):
        return _not_text("text", row["text"])
    if not canonicalise(row["text"]).strip():
        return "text is empty"
    for column in TABLES["articles"]:
        if column in ("id", "text", "meta"):
            continue
        if row[column] is not None and not isinstance(row[column], str):
            return _not_text(column, row[column])
    return None


# -- storing ---------------------------------------------------------------------------------


@dataclass
class _Planned:
    """A checked span of theirs in our article's offsets."""

    label: str
    start: int
    end: int
    attrs: dict[str, Any]
    note: str
    created: str
    updated: str


def _import(
    store: Store,
    conn: sqlite3.Connection,
    source: _Source,
    skip: Iterable[str],
    report: ProjectImportReport,
) -> None:
    """Everything that writes; runs inside the caller's transaction."""
    names = source.layer_names | _layers_from(store, report.origin, source.layer_names)
    current = _choose_layers(store, names, skip, report)
    layers = set(current)
    for where, reason, who in source.problems:
        if who in layers or _name_problem(who, "annotator"):  # not rows of skipped layers
            report.problem(where, reason)

    plan: dict[tuple[int, str], dict[tuple[str, int, int], _Planned]] = {}
    statuses: list[tuple[int, str, str]] = []
    doc_wanted: dict[tuple[int, str], set[str]] = {}
    ours: dict[int, int] = {}  # their article id -> our article id
    for article in _iter_articles(conn, source.name, report):
        where = f"articles #{article.id}"
        if article.id in ours:
            report.problem(where, "duplicate article id; skipped")
            continue
        our_id = _resolve_article(store, article, report)
        ours[article.id] = our_id
        spans = source.spans.pop(article.id, [])
        if any(s.annotator in layers for s in spans):
            _plan_spans(article.draft.text, spans, our_id, layers, plan, report,
                        source.span_keys)  # fmt: skip
        for who, status in source.statuses.pop(article.id, []):
            if who in layers:
                statuses.append((our_id, who, status))
        for _, who, label in source.doc_labels.pop(article.id, []):
            if who in layers:
                doc_wanted.setdefault((our_id, who), set()).add(label)
    _report_orphans(source, layers, report)

    span_labels = sorted({p.label for rows in plan.values() for p in rows.values()})
    report.labels_added.extend(store.ensure_labels(span_labels))
    doc_keys = {label for labels in doc_wanted.values() for label in labels}
    _ensure_doc_labels(store, doc_keys, report)

    touched = set(ours.values())
    for layer in sorted(layers):
        result = LayerResult(layer)
        report.layers.append(result)
        _replace_spans(store, layer, current[layer], plan, touched, report.origin, result)
        for our_id, who, status in statuses:
            if who == layer and store.status(our_id, who) != status:
                store.set_status(our_id, who, status)
                result.statuses += 1
        for our_id in sorted(touched):
            wanted = doc_wanted.get((our_id, layer), set())
            have = {label for _, label in store.doc_labels(our_id, layer)}
            for label in sorted(wanted - have):
                store.set_doc_label(our_id, layer, label, True)
                result.doc_labels_added += 1
            for label in sorted(have - wanted):
                store.set_doc_label(our_id, layer, label, False)
                result.doc_labels_removed += 1
    added = store_relations(store, source.relations, source.span_keys, layers, touched,
                            report.origin, report.problem)  # fmt: skip
    for result in report.layers:
        result.relations = added.get(result.name, 0)
    report.actors_added = merge_actors(store, read_actors(conn, source.name))


def _choose_layers(
    store: Store, names: set[str], skip: Iterable[str], report: ProjectImportReport
) -> dict[str, dict[int, list[Span]]]:
    """The layers to import, each with our current spans under its name (by article id)."""
    names_to_skip = [skip] if isinstance(skip, str) else list(skip)
    skipped = {s.strip().casefold() for s in names_to_skip if s and s.strip()}
    chosen: dict[str, dict[int, list[Span]]] = {}
    origins = store.layer_origins()
    for name in sorted(names):
        if is_reserved_name(name):
            report.skipped.append(SkippedLayer(name, "their adjudicated layer is not imported"))
            continue
        if name.strip().casefold() in skipped:
            report.skipped.append(SkippedLayer(name, "skipped on request"))
            continue
        local = {o: n for o, n in origins.get(name, {}).items() if not _imported_origin(o)}
        if local:
            report.skipped.append(
                SkippedLayer(
                    name,
                    f"this project has {sum(local.values())} span(s) of its own under that name"
                    f" (origin {min(local)!r}); not overwritten",
                )
            )
            continue
        chosen[name] = store.layer_spans([name])
    return chosen


def _layers_from(store: Store, origin: str, known: set[str]) -> set[str]:
    """Our layers holding spans imported earlier from a file of this name, absent from it now
    (they emptied the layer): importing them again empties them here too."""
    return {
        name
        for name, origins in store.layer_origins().items()
        if origin in origins and name not in known and not is_reserved_name(name)
    }


def _imported_origin(origin: str) -> bool:
    return origin in IMPORT_ORIGINS or origin.startswith(ORIGIN_PREFIX)


def _resolve_article(store: Store, article: _ArticleRow, report: ProjectImportReport) -> int:
    """Our id for their article: matched by uid (same text) or by canonical text, else created."""
    canonical = canonicalise(article.draft.text)
    if article.uid:
        found = store.article_by_uid(article.uid)
        if found is not None and found.text == canonical:
            report.articles_matched += 1
            return found.id
    found = store.article_by_text(canonical)
    if found is not None and found.text == canonical:
        report.articles_matched += 1
        return found.id
    result = store.add_articles([article.draft])[0]
    if result.created:
        report.articles_created += 1
    else:  # pragma: no cover - a uid clash with different text
        raise ValueError(f"articles #{article.id}: its uid clashes with a different article")
    return result.id


def _plan_spans(
    text: str,
    spans: list[_SpanRow],
    our_id: int,
    layers: set[str],
    plan: dict[tuple[int, str], dict[tuple[str, int, int], _Planned]],
    report: ProjectImportReport,
    span_keys: dict[int, SpanKey],
) -> None:
    """Check their spans of one article against its text; plan the good ones (our offsets),
    noting in `span_keys` where each of their span ids lands."""
    mapping = OffsetMap(text)
    canonical = mapping.canonical
    for span in spans:
        if span.annotator not in layers:
            continue
        where = f"spans #{span.id}"
        start, end = span.start, span.end
        if not in_range(start, end, len(text)):
            report.problem(where, f"offsets [{start}, {end}) outside text of length {len(text)}")
            continue
        if text[start:end] != span.text:
            report.problem(
                where,
                f"span text {_short(span.text)} does not match text {_short(text[start:end])}",
            )
            continue
        ours_start, ours_end = mapping(start), mapping(end)
        if not mapping.identity and canonical[ours_start:ours_end] != canonicalise(span.text):
            report.problem(
                where,
                f"offsets [{start}, {end}) cut through characters that canonicalisation changes",
            )
            continue
        if ours_start >= ours_end:
            report.problem(where, f"offsets [{start}, {end}) are empty after canonicalisation")
            continue
        rows = plan.setdefault((our_id, span.annotator), {})
        key = (span.label, ours_start, ours_end)
        if key in rows:
            report.problem(where, "same label and offsets as another span of that layer; skipped")
            continue
        rows[key] = _Planned(span.label, ours_start, ours_end, span.attrs, span.note,
                             span.created, span.updated)  # fmt: skip
        span_keys[span.id] = (our_id, span.annotator, span.label, ours_start, ours_end)


def _report_orphans(source: _Source, layers: set[str], report: ProjectImportReport) -> None:
    """Rows of imported layers whose article is missing or was skipped."""
    for article_id, spans in sorted(source.spans.items()):
        for span in spans:
            if span.annotator in layers:
                report.problem(f"spans #{span.id}", f"article #{article_id} was not imported")
    for article_id, rows in sorted(source.statuses.items()):
        for who, _ in rows:
            if who in layers:
                report.problem(
                    f"article_status (article #{article_id}, {_short(who)})",
                    f"article #{article_id} was not imported",
                )
    for article_id, labels in sorted(source.doc_labels.items()):
        for row_id, who, _ in labels:
            if who in layers:
                report.problem(f"doc_labels #{row_id}", f"article #{article_id} was not imported")


def _ensure_doc_labels(store: Store, keys: set[str], report: ProjectImportReport) -> None:
    """Add document labels the scheme does not know yet (kind 'doc')."""
    known = {label.key for label in store.labels()}
    missing = sorted(keys - known)
    if not missing:
        return
    position = len(known)
    store.save_labels(
        [
            LabelDef(key=key, name=key, color=PALETTE[(position + i) % len(PALETTE)],
                     position=position + i, kind="doc")
            for i, key in enumerate(missing)
        ]
    )  # fmt: skip
    report.labels_added.extend(missing)


def _replace_spans(
    store: Store,
    layer: str,
    current: dict[int, list[Span]],
    plan: dict[tuple[int, str], dict[tuple[str, int, int], _Planned]],
    touched: set[int],
    origin: str,
    result: LayerResult,
) -> None:
    """Make `layer` on each of their articles exactly their spans; count what changed."""
    targets = {our_id for our_id, who in plan if who == layer}
    targets |= {our_id for our_id in current if our_id in touched}
    for our_id in sorted(targets):
        wanted = plan.get((our_id, layer), {})
        if wanted:
            result.articles += 1
        before: dict[tuple[str, int, int], Span] = {}
        for span in current.get(our_id, []):
            before.setdefault((span.label, span.start, span.end), span)
        for key, row in wanted.items():
            old = before.get(key)
            if old is None:
                continue
            same = (old.attrs, old.note, old.origin, old.updated) == (
                row.attrs, row.note, origin, row.updated
            )  # fmt: skip
            if same:
                result.unchanged += 1
            else:
                result.updated += 1
        rows = [
            LayerSpan(p.label, p.start, p.end, p.attrs, p.note, origin, p.created, p.updated)
            for p in wanted.values()
        ]
        added, removed = store.replace_layer(our_id, layer, rows)
        result.added += added
        result.removed += removed


# -- small helpers ---------------------------------------------------------------------------


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file (resolved, or the same inode); False when unsure."""
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def _not_text(column: str, value: Any) -> str:
    return f"{column} is {type(value).__name__ if value is not None else 'NULL'}, not text"


def _one_line(value: str) -> str:
    return " ".join(value.split())


def _short(value: Any, limit: int = 40) -> str:
    """A one-line repr of (their) value, shortened."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
