"""Import annotations made elsewhere: our JSONL, doccano, Label Studio and brat standoff.

The files are read by the format table's readers (`formats.registry`: `formats.jsonl`,
`formats.doccano`, `formats.labelstudio`, `formats.brat`); this module checks what they read
and stores it.
Each input file (for brat: each `NAME.ann` + `NAME.txt` pair) is parsed completely, its spans
are checked against the text, and its valid content is stored in ONE transaction. Offending
records and spans are reported as `Problem`s (file, line, one-line reason) and skipped; a file
that cannot be parsed at all, has nothing importable, or has spans naming no annotator when
no default annotator is given, gives one Problem and imports nothing. What the peers' files
hold that cannot be stored here (relations, events, image regions ...) is counted by kind in
`AnnotationReport.not_imported`, never dropped silently.

Offsets in the source files are code points into the SOURCE text. The store keeps the canonical
text (`text.canonicalise`: LF line breaks, NFC, no BOM), whose length can differ (CRLF, the
precomposed য় ড় ঢ় U+09DF/U+09DC/U+09DD decompose, ে + া composes). Offsets are mapped with
`len(canonicalise(source[:offset]))` and the result is verified: the canonical slice must equal
the canonicalised source slice, and the span text the file gives (if any).

Articles are matched by uid (when the record's text agrees) or by identical canonical text;
unknown articles are created. A span equal to a stored one (same article, annotator, label,
start and end) is counted as a duplicate and not added again, so importing a file twice adds
nothing. Nothing already in the store is changed: statuses are only set where none is recorded.
Spans keep the `created`/`updated` times our JSONL gives; other formats have none (import time).

Each text is canonicalised once; a file's articles are looked up and created, and its spans
inserted, with a few statements per file rather than per record.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.clusters import nearest_break, plain_break
from annotator.display import decoded_name
from annotator.formats.registry import input_format, span_format_names
from annotator.ingest.annotation_model import (
    NO_ANNOTATOR,
    AnnotationReport,
    DocIn,
    Parsed,
    Problem,
    SpanIn,
    Unit,
    counts_phrase,
    failure_reason,
    is_offset,
    one_line,
    short,
)
from annotator.models import ArticleDraft
from annotator.scheme import PALETTE, LabelDef
from annotator.store import STATUSES, Store, span_values
from annotator.store.span_rows import in_range
from annotator.text import (
    OffsetMap,
    Utf16Map,
    canonical_uid,
    canonicalise,
    may_split_cluster,
    snap_to_graphemes,
)

__all__ = [
    "FORMATS",
    "NO_ANNOTATOR",
    "AnnotationReport",
    "OffsetMap",
    "Problem",
    "import_annotations",
]

FORMATS = span_format_names()  # ("jsonl", "doccano", "labelstudio", "brat")

_SpanOk = tuple[str, str, int, int, dict[str, Any], str, str, str | None, str | None]
"""A checked span in canonical offsets, ready to store: the fields of `store.NewSpan`, as a
plain tuple (an import makes hundreds of thousands; `span_values` takes either)."""


# -- public entry point ----------------------------------------------------------------------


def import_annotations(
    store: Store,
    paths: list[str | Path],
    fmt: str,
    annotator: str | None = None,
    field_map: dict[str, str] | None = None,
) -> AnnotationReport:
    """Import annotation files of format `fmt` (one of FORMATS) into `store`.

    `annotator` is used for spans whose file does not name one; a file with such spans and
    no `annotator` imports nothing (one problem). `field_map` names the columns of doccano
    records ({"text": COLUMN, "label": COLUMN}, see `formats.doccano.columns`) and the data
    field of Label Studio tasks ("text"). Each file is one transaction.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown annotation format {fmt!r}; one of {', '.join(FORMATS)}")
    default = annotator.strip() if annotator and annotator.strip() else None
    report = AnnotationReport()
    seen: set[str] = set()  # brat .ann files read in this run (a.ann and a.txt both given)
    # A file's records and spans (a few objects per span) live until it is stored; with
    # collection on, the full GC passes over them take about a fifth of the import's time.
    collecting = gc.isenabled()
    gc.disable()
    try:
        for raw in paths:
            for unit in _units(Path(raw), fmt, field_map, seen):
                report.files += 1
                _store_unit(store, unit, default, report)
    finally:
        if collecting:
            gc.enable()
    return report


def _units(
    path: Path, fmt: str, field_map: dict[str, str] | None, seen: set[str]
) -> Iterator[Unit]:
    """Parse `path` into transaction units with the format table's reader of `fmt`;
    file-level failures (unreadable, damaged, over a limit of `limits.current()`) become a
    unit with one Problem and nothing to store."""
    try:
        yield from input_format(fmt).load_span_reader()(path, field_map, seen)
    except Exception as exc:  # noqa: BLE001 - a damaged file must never reach the user raw
        yield Unit(str(path), Parsed(problems=[Problem(str(path), None, failure_reason(exc))]))


# -- storing ---------------------------------------------------------------------------------


def _store_unit(store: Store, unit: Unit, default: str | None, report: AnnotationReport) -> None:
    """Check every record of `unit` and store the valid content in one transaction."""
    parsed = unit.parsed
    if not parsed.docs:
        report.problems.extend(parsed.problems or [Problem(unit.name, None, _empty(parsed))])
        return
    missing = None if default else _without_annotator(parsed.docs)
    if missing:
        report.problems.append(Problem(unit.name, None, f"{NO_ANNOTATOR} ({missing}); "
                                       "nothing imported from this file"))  # fmt: skip
        return
    problems = list(parsed.problems)
    local = AnnotationReport()
    checked: list[_Checked] = []
    for doc in parsed.docs:
        if doc.text is None:
            checked.append((doc, None, []))  # resolved by uid below, spans need text
            if doc.spans:
                problems.append(Problem(unit.name, doc.line, "record has no text"))
            continue
        canonical = canonicalise(doc.text)  # the only pass over this text
        if not canonical.strip():
            problems.append(Problem(unit.name, doc.line, "record has no text"))
            continue
        spans = _check_spans(doc, canonical, unit.name, default, problems)
        local.spans_snapped += _snap_to_letters(canonical, spans)
        checked.append((doc, canonical, spans))
        doc.spans = []  # checked: the source spans are not needed any more (memory)

    # Everything that needs no lock is done first: span rows built (ranges checked, attributes
    # encoded), duplicates within the file dropped, articles and spans staged in TEMP tables.
    # The write transaction then only copies them in, so other writers wait milliseconds.
    try:
        ids, drafts = _plan_articles(store, checked, unit.name, local, problems)
        uids = store.stage_articles([draft for _, draft in drafts], canonical=True)
        store.stage_span_values(_planned_spans(checked, local))
    except Exception as exc:  # noqa: BLE001 - anything unexpected: the file imports nothing
        report.problems.extend(problems)
        reason = " ".join(str(exc).split()) or type(exc).__name__
        report.problems.append(Problem(unit.name, None, f"nothing imported: {reason}"))
        return
    staged = local.spans_added
    local.spans_added = 0
    try:
        with store.transaction():
            existing_labels = {label.key for label in store.labels()}
            new_span_labels = sorted(
                {s[1] for _, _, spans in checked for s in spans} - existing_labels
            )
            local.labels_added.extend(store.ensure_labels(new_span_labels))
            fresh: set[int] = set()
            results = store.commit_staged_articles(uids)
            for (index, _), result in zip(drafts, results, strict=True):
                ids[index] = result.id
                if result.created:
                    local.articles_created += 1
                    fresh.add(result.id)
                else:
                    local.articles_matched += 1
            article_of = {i: article_id for i, article_id in enumerate(ids) if article_id}
            local.spans_added = store.commit_staged_spans(article_of)
            local.spans_duplicate += staged - local.spans_added
            _store_doc_extras(store, checked, ids, fresh, default, unit.name, local, problems)
    except Exception as exc:  # noqa: BLE001 - anything unexpected: the file imports nothing
        report.problems.extend(problems)
        reason = " ".join(str(exc).split()) or type(exc).__name__
        report.problems.append(Problem(unit.name, None, f"nothing imported: {reason}"))
        return
    store.index_pending()
    local.problems = problems
    local.not_imported = dict(parsed.not_imported)
    report.merge(local)


def _empty(parsed: Parsed) -> str:
    """Why a file without records (and without problems) imports nothing."""
    if parsed.not_imported:
        return f"nothing to import: only {counts_phrase(parsed.not_imported)} (not supported)"
    return "nothing to import: no records"


def _without_annotator(docs: list[DocIn]) -> str:
    """What in `docs` names no annotator ("3 spans", "1 document label"), or ""."""
    spans = sum(1 for doc in docs for span in doc.spans if not (span.annotator or "").strip())
    labels = sum(1 for doc in docs for who, _ in doc.doc_labels if not (who or "").strip())
    parts = [f"{spans} span{'s' * (spans != 1)}"] if spans else []
    if labels:
        parts.append(f"{labels} document label{'s' * (labels != 1)}")
    return " and ".join(parts)


_Checked = tuple[DocIn, str | None, list[_SpanOk]]
"""A record, its canonical text (None: the record has none) and its valid spans."""


def _plan_articles(
    store: Store,
    checked: list[_Checked],
    name: str,
    local: AnnotationReport,
    problems: list[Problem],
) -> tuple[list[int | None], list[tuple[int, ArticleDraft]]]:
    """Each record's article id where a record names a stored uid (None otherwise), and the
    drafts (with their record index) of the texts still to be stored or matched by text."""
    ids: list[int | None] = [None] * len(checked)
    drafts: list[tuple[int, ArticleDraft]] = []
    source_file = decoded_name(Path(name.split("!")[0]).name)
    for index, (doc, canonical, _) in enumerate(checked):
        if doc.uid and (canonical is None or doc.uid != canonical_uid(canonical)):
            # The record names a uid other than its text's (or has no text): look it up.
            found = store.article_by_uid(doc.uid)
            if found is not None and (canonical is None or found.text == canonical):
                local.articles_matched += 1
                ids[index] = found.id
                continue
        if canonical is None:
            problems.append(
                Problem(name, doc.line, f"no text and no stored article uid {doc.uid!r}")
            )
            continue
        drafts.append((index, ArticleDraft(
            text=canonical, title=doc.title, outlet=doc.outlet, byline=doc.byline, url=doc.url,
            published=doc.published, updated=doc.updated, source_file=source_file, meta=doc.meta,
        )))  # fmt: skip
    return ids, drafts


def _planned_spans(checked: list[_Checked], local: AnnotationReport) -> Iterator[tuple[Any, ...]]:
    """Staging rows `(record, *span_values row)`, a span repeated in the file only once.

    Records with the same text are the same article, so a repeat is keyed by the text's uid.
    Counts the rows yielded in `local.spans_added` and the repeats in `spans_duplicate`.
    """
    seen: dict[str, set[tuple[Any, ...]]] = {}
    for record, (_, canonical, spans) in enumerate(checked):
        if canonical is None or not spans:
            continue
        keys = seen.setdefault(canonical_uid(canonical), set())
        for value in span_values(canonical, spans):
            key = value[:4]  # annotator, label, start, end
            if key in keys:
                local.spans_duplicate += 1
                continue
            keys.add(key)
            local.spans_added += 1
            yield (record, *value)


def _store_doc_extras(
    store: Store,
    checked: list[_Checked],
    ids: list[int | None],
    fresh: set[int],
    default: str | None,
    name: str,
    local: AnnotationReport,
    problems: list[Problem],
) -> None:
    """Document labels and statuses (our JSONL); existing statuses are never overwritten."""
    known: set[str] | None = None
    new_labels: list[str] = []
    todo: list[tuple[int, list[tuple[str, str]], list[tuple[str, str]]]] = []
    for (doc, _, _), article_id in zip(checked, ids, strict=True):
        if article_id is None:
            continue
        _store_review_extras(store, doc, article_id, name, problems)
        if not (doc.doc_labels or doc.status):
            continue
        doc_labels: list[tuple[str, str]] = []
        for who, label in doc.doc_labels:
            who = who or default
            if not who:
                problems.append(
                    Problem(name, doc.line, f"document label {label!r}: {NO_ANNOTATOR}")
                )
                continue
            doc_labels.append((who, label))
        if doc_labels:
            if known is None:
                known = {label.key for label in store.labels()}
            new_labels.extend(sorted({label for _, label in doc_labels} - known - set(new_labels)))
        statuses: list[tuple[str, str]] = []
        for who, status in doc.status.items():
            if status not in STATUSES:
                problems.append(Problem(name, doc.line, f"unknown status {status!r} for {who!r}"))
            elif status != "todo":
                statuses.append((who, status))
        todo.append((article_id, doc_labels, statuses))
    if new_labels:
        position = len(known or ())
        store.save_labels(
            [
                LabelDef(
                    key=key,
                    name=key,
                    color=PALETTE[(position + i) % len(PALETTE)],
                    position=position + i,
                    kind="doc",
                )
                for i, key in enumerate(new_labels)
            ]
        )
        local.labels_added.extend(new_labels)
    recorded: set[tuple[int, str]] = set()  # statuses set by this unit
    for article_id, doc_labels, statuses in todo:
        for who, label in doc_labels:
            store.set_doc_label(article_id, who, label, True)
        for who, status in statuses:
            if (article_id, who) in recorded:
                continue
            # an article created by this unit has no status recorded yet
            if article_id in fresh or store.status(article_id, who) == "todo":
                store.set_status(article_id, who, status)
                recorded.add((article_id, who))


def _store_review_extras(
    store: Store, doc: DocIn, article_id: int, name: str, problems: list[Problem]
) -> None:
    """Comments (identical ones are not added twice) and the review status where none is."""
    if doc.comments:
        article = store.article(article_id)
        length = len(article.text) if article is not None else 0
        good = []
        for comment in doc.comments:
            author, _, start, end, _ = comment
            if 0 <= start <= end <= length:
                good.append(comment)
            else:
                reason = f"comment by {author!r} at [{start}, {end}) is outside the text"
                problems.append(Problem(name, doc.line, reason))
        store.merge_comments(article_id, good)
    if doc.review_status and doc.review_status != "not_reviewed":
        if store.review_status(article_id) == "not_reviewed":
            store.set_review_status(article_id, doc.review_status, "")


# -- checking spans --------------------------------------------------------------------------


def _snap_to_letters(text: str, spans: list[_SpanOk]) -> int:
    """Widen, in place, spans whose start or end splits a grapheme cluster (a conjunct, a
    vowel sign, an emoji sequence) to whole clusters, as the window's selection would; return
    how many were widened."""
    widened = 0
    for index, span in enumerate(spans):
        start, end = span[2], span[3]
        at_start, at_end = plain_break(text, start), plain_break(text, end)
        if at_start and at_end:
            continue  # both ends on cluster boundaries (decided without the regex engine)
        if at_start is None or at_end is None:
            if not (may_split_cluster(text, start) or may_split_cluster(text, end)):
                continue
            new_start, new_end = snap_to_graphemes(text, start, end)
        else:  # plain text at both ends: walk to the boundaries from where the test stopped
            new_start = start if at_start else nearest_break(text, start - 1, -1)
            new_end = end if at_end else nearest_break(text, end + 1, 1)
            if new_start is None or new_end is None:
                new_start, new_end = snap_to_graphemes(text, start, end)
        if (new_start, new_end) != (start, end):
            spans[index] = (*span[:2], new_start, new_end, *span[4:])  # type: ignore[assignment]
            widened += 1
    return widened


def _check_spans(
    doc: DocIn, canonical: str, name: str, default: str | None, problems: list[Problem]
) -> list[_SpanOk]:
    """The record's spans that are valid, in offsets into `canonical` (the record's text,
    canonicalised); the others become problems."""
    assert doc.text is not None
    mapping = OffsetMap(doc.text, canonical)
    identity, length = mapping.identity, len(canonical)
    ok: list[_SpanOk] = []
    for span in doc.spans:
        label = span.label.strip() if isinstance(span.label, str) else ""
        if not label:
            problems.append(Problem(name, span.line, f"span without a label ({span.label!r})"))
            continue
        who = (span.annotator or "").strip() or default
        if not who:
            problems.append(Problem(name, span.line, NO_ANNOTATOR))
            continue
        if identity and len(span.fragments) == 1 and not span.loose_text:
            # The usual case, decided here without a call: what `_map_span` would accept.
            a, b = span.fragments[0]
            given = span.text
            if (
                type(a) is int
                and type(b) is int
                and in_range(a, b, length)
                and (given is None or (given == canonical[a:b] and given[:1] != "\ufeff"))
            ):
                ok.append((who, label, a, b, span.attrs, span.note, span.origin, span.created,
                           span.updated))  # fmt: skip
                continue
        result = _map_span(span, mapping)
        if isinstance(result, str) and span.utf16_fallback and span.text is not None:
            fallback = _utf16_span(span, mapping)
            if fallback is not None and not isinstance(_map_span(fallback, mapping), str):
                result = _map_span(fallback, mapping)
        if isinstance(result, str):
            problems.append(Problem(name, span.line, f"{label!r}: {result}"))
            continue
        start, end = result
        ok.append((who, label, start, end, span.attrs, span.note, span.origin, span.created,
                   span.updated))  # fmt: skip
    return ok


def _utf16_span(span: SpanIn, mapping: OffsetMap) -> SpanIn | None:
    """The span with its offsets read as UTF-16 units (Label Studio's JavaScript positions)."""
    units = Utf16Map.of(mapping.source)
    if not units.astral or not all(is_offset(a) and is_offset(b) for a, b in span.fragments):
        return None
    frags = [(units.from_utf16(a), units.from_utf16(b)) for a, b in span.fragments]
    return SpanIn(span.line, span.label, frags, span.text, loose_text=span.loose_text)


def _map_span(span: SpanIn, mapping: OffsetMap) -> tuple[int, int] | str:
    """Canonical (start, end) of a span, or the reason it is invalid."""
    source, canonical = mapping.source, mapping.canonical
    if not span.fragments:
        return "span has no offsets"
    pieces: list[tuple[int, int]] = []
    for a, b in span.fragments:
        if not (is_offset(a) and is_offset(b)):
            return f"offsets {a!r}, {b!r} are not integers"
        if not in_range(a, b, len(source)):
            return f"offsets [{a}, {b}) outside text of length {len(source)}"
        if mapping.identity:
            na, nb = a, b
        else:
            na, nb = mapping(a), mapping(b)
            if canonical[na:nb] != canonicalise(source[a:b]):
                return (
                    f"offsets [{a}, {b}) cut through characters that canonicalisation "
                    "(NFC, line breaks) changes"
                )
        if na >= nb:
            return f"offsets [{a}, {b}) are empty after canonicalisation"
        pieces.append((na, nb))
    start, end = pieces[0][0], pieces[-1][1]
    if not in_range(start, end, len(canonical)):
        return f"offsets [{start}, {end}) outside text of length {len(canonical)}"
    if span.text is not None:
        if span.loose_text:
            found = " ".join(one_line(canonical[a:b]) for a, b in pieces)
            given = one_line(canonicalise(span.text))
        else:
            found = canonical[start:end]
            given = span.text
            # A slice of a canonical text is itself canonical unless it starts with a BOM
            # (which canonicalise drops), so an exact match needs no second pass.
            if given != found or given.startswith("\ufeff"):
                given = canonicalise(given)
        if found != given:
            return f"span text {short(given)!r} does not match text {short(found)!r}"
    return start, end
