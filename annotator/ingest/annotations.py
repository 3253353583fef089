"""Import annotations made elsewhere: our JSONL, doccano, Label Studio and brat standoff.

Each input file (for brat: each `NAME.ann` + `NAME.txt` pair) is parsed completely, its spans
are checked against the text, and its valid content is stored in ONE transaction. Offending
records and spans are reported as `Problem`s (file, line, one-line reason) and skipped; a file
that cannot be parsed at all gives one Problem and imports nothing.

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
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import orjson

from annotator.display import decoded_name
from annotator.ingest import leads_outside, limits
from annotator.ingest.errors import IngestError
from annotator.models import REVIEW_STATUSES, ArticleDraft
from annotator.scheme import PALETTE, LabelDef
from annotator.store import STATUSES, Store, span_values
from annotator.text import (
    DecodeError,
    Utf16Map,
    canonical_uid,
    canonicalise,
    decode_bytes,
    looks_binary,
    snap_to_graphemes,
)

FORMATS = ("jsonl", "doccano", "labelstudio", "brat")
LABELSTUDIO_TEXT_KEYS = ("text", "content", "body", "article", "document")
NO_ANNOTATOR = "no annotator: pass --annotator"


@dataclass
class Problem:
    """Something that was not imported: where (file, line or None) and why (one line)."""

    file: str
    line: int | None
    reason: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: {self.reason}"


@dataclass
class AnnotationReport:
    """Outcome of one annotation import run."""

    files: int = 0
    articles_created: int = 0
    articles_matched: int = 0
    spans_added: int = 0
    spans_duplicate: int = 0
    spans_snapped: int = 0  # widened because an end fell inside a letter (grapheme cluster)
    labels_added: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return asdict(self)


class _Unparseable(ValueError):
    """The whole file cannot be read; the message is one line."""


@dataclass(slots=True)
class _SpanIn:
    """A span as the source file gives it (source offsets, not yet checked)."""

    line: int | None
    label: Any
    fragments: list[tuple[Any, Any]]
    text: str | None = None
    annotator: str | None = None
    attrs: dict[str, Any] = field(default_factory=dict)
    note: str = ""
    origin: str = "import"
    loose_text: bool = False  # brat: whitespace in the span text is one-lined
    utf16_fallback: bool = False  # Label Studio: offsets may be UTF-16 units (JavaScript)
    created: str | None = None  # our JSONL: kept as given (None: import time)
    updated: str | None = None


@dataclass(slots=True)
class _DocIn:
    """One article record of a source file with its annotations."""

    line: int | None
    text: str | None
    uid: str | None = None
    title: str = ""
    outlet: str = ""
    byline: str = ""
    url: str = ""
    published: str | None = None
    updated: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    spans: list[_SpanIn] = field(default_factory=list)
    doc_labels: list[tuple[str | None, str]] = field(default_factory=list)
    status: dict[str, str] = field(default_factory=dict)
    comments: list[tuple[str, str, int, int, str]] = field(default_factory=list)
    review_status: str | None = None


@dataclass
class _Unit:
    """One transaction's worth of input: a file (or brat pair) and its records."""

    name: str
    docs: list[_DocIn]
    problems: list[Problem]


_SpanOk = tuple[str, str, int, int, dict[str, Any], str, str, str | None, str | None]
"""A checked span in canonical offsets, ready to store: (annotator, label, start, end, attrs,
note, origin, created, updated); a plain tuple, as there can be millions."""


class OffsetMap:
    """Maps code-point offsets of a source text to offsets of its canonical form."""

    def __init__(self, source: str, canonical: str | None = None) -> None:
        """`canonical` is `canonicalise(source)` when the caller has it already."""
        self.source = source
        self.canonical = canonicalise(source) if canonical is None else canonical
        self.identity = self.canonical == source
        self._cache: dict[int, int] = {}

    def __call__(self, offset: int) -> int:
        """Canonical offset of source `offset` (exact on NFC-stable boundaries; verify)."""
        if self.identity:
            return offset
        found = self._cache.get(offset)
        if found is None:
            found = self._cache[offset] = len(canonicalise(self.source[:offset]))
        return found


# -- public entry point ----------------------------------------------------------------------


def import_annotations(
    store: Store, paths: list[str | Path], fmt: str, annotator: str | None = None
) -> AnnotationReport:
    """Import annotation files of format `fmt` (one of FORMATS) into `store`.

    `annotator` is used for spans whose file does not name one. Each file is one transaction.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown annotation format {fmt!r}; one of {', '.join(FORMATS)}")
    default = annotator.strip() if annotator and annotator.strip() else None
    report = AnnotationReport()
    # A file's records and spans (a few objects per span) live until it is stored; with
    # collection on, the full GC passes over them take about a fifth of the import's time.
    collecting = gc.isenabled()
    gc.disable()
    try:
        for raw in paths:
            path = Path(raw)
            for unit in _units(path, fmt, report):
                report.files += 1
                _store_unit(store, unit, default, report)
    finally:
        if collecting:
            gc.enable()
    return report


def _units(path: Path, fmt: str, report: AnnotationReport) -> Iterator[_Unit]:
    """Parse `path` into transaction units; file-level failures (unreadable, damaged, over a
    limit of `limits.current()`) become one Problem each, with nothing of the file stored."""
    try:
        if fmt == "brat":
            yield from _brat_units(path, report)
            return
        if fmt == "labelstudio":
            docs, problems = _parse_labelstudio_file(path, str(path))
        else:
            docs, problems = _parse_jsonl_file(_read_text(path), str(path), fmt)
    except Exception as exc:  # noqa: BLE001 - a damaged file must never reach the user raw
        report.files += 1
        report.problems.append(Problem(str(path), None, _failure(exc)))
        return
    yield _Unit(str(path), docs, problems)


def _failure(exc: BaseException) -> str:
    """One line for why a file or archive member could not be read at all."""
    message = " ".join(str(exc).split())[:300]
    if isinstance(exc, _Unparseable | IngestError):
        return message
    if isinstance(exc, zipfile.BadZipFile | EOFError | NotImplementedError) or (
        type(exc).__module__ == "zlib"
    ):
        return f"damaged zip archive: {message or type(exc).__name__}"
    if isinstance(exc, MemoryError):
        return "not enough memory to read it"
    if isinstance(exc, OSError):
        return f"cannot read: {exc.strerror or message}"
    return f"cannot read: {type(exc).__name__}: {message}"


def _read_text(path: Path) -> str:
    data = limits.read_file(path)
    try:
        return decode_bytes(data)
    except DecodeError as exc:
        raise _Unparseable(str(exc)) from None


# -- storing ---------------------------------------------------------------------------------


def _store_unit(store: Store, unit: _Unit, default: str | None, report: AnnotationReport) -> None:
    """Check every record of `unit` and store the valid content in one transaction."""
    problems = list(unit.problems)
    checked: list[_Checked] = []
    for doc in unit.docs:
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
        report.spans_snapped += _snap_to_letters(canonical, spans)
        checked.append((doc, canonical, spans))
        doc.spans = []  # checked: the source spans are not needed any more (memory)

    # Everything that needs no lock is done first: span rows built (ranges checked, attributes
    # encoded), duplicates within the file dropped, articles and spans staged in TEMP tables.
    # The write transaction then only copies them in, so other writers wait milliseconds.
    local = AnnotationReport()
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
    report.articles_created += local.articles_created
    report.articles_matched += local.articles_matched
    report.spans_added += local.spans_added
    report.spans_duplicate += local.spans_duplicate
    report.labels_added.extend(k for k in local.labels_added if k not in report.labels_added)
    report.problems.extend(problems)


_Checked = tuple[_DocIn, str | None, list[_SpanOk]]
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
    store: Store, doc: _DocIn, article_id: int, name: str, problems: list[Problem]
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


def _is_offset(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _one_line(value: str) -> str:
    return value.replace("\r", " ").replace("\n", " ").replace("\t", " ")


_VIRAMA_OR_JOINER = frozenset("\u09cd\u200d")


def _inside_cluster(text: str, i: int) -> bool:
    """Whether offset `i` may fall inside a grapheme cluster (cheap test, no false "no"s for
    Bengali and emoji: a mark, joiner or variation selector at `i`, a virama or ZWJ before it,
    an emoji modifier, or two regional indicators)."""
    if i <= 0 or i >= len(text):
        return False
    ch, before = text[i], text[i - 1]
    if ch in "\u200c\u200d":
        return True
    # A virama or ZWJ before `i`, with only marks and joiners between, joins `ch` to the
    # cluster before it (conjuncts; emoji ZWJ sequences).
    for back in range(i - 1, max(-1, i - 9), -1):
        prev = text[back]
        if prev in _VIRAMA_OR_JOINER:
            return True
        if unicodedata.category(prev)[0] != "M":
            break
    code = ord(ch)
    if 0xFE00 <= code <= 0xFE0F or 0x1F3FB <= code <= 0x1F3FF or 0xE0020 <= code <= 0xE007F:
        return True
    if 0x1F1E6 <= code <= 0x1F1FF and 0x1F1E6 <= ord(before) <= 0x1F1FF:
        return True
    return unicodedata.category(ch)[0] == "M"


def _snap_to_letters(text: str, spans: list[_SpanOk]) -> int:
    """Widen, in place, spans whose start or end splits a grapheme cluster (a conjunct, a
    vowel sign, an emoji sequence) to whole clusters, as the window's selection would; return
    how many were widened."""
    widened = 0
    for index, span in enumerate(spans):
        start, end = span[2], span[3]
        if not (_inside_cluster(text, start) or _inside_cluster(text, end)):
            continue
        new_start, new_end = snap_to_graphemes(text, start, end)
        if (new_start, new_end) != (start, end):
            spans[index] = (*span[:2], new_start, new_end, *span[4:])  # type: ignore[assignment]
            widened += 1
    return widened


def _check_spans(
    doc: _DocIn, canonical: str, name: str, default: str | None, problems: list[Problem]
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
                and 0 <= a < b <= length
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


def _utf16_span(span: _SpanIn, mapping: OffsetMap) -> _SpanIn | None:
    """The span with its offsets read as UTF-16 units (Label Studio's JavaScript positions)."""
    units = Utf16Map.of(mapping.source)
    if not units.astral or not all(_is_offset(a) and _is_offset(b) for a, b in span.fragments):
        return None
    frags = [(units.from_utf16(a), units.from_utf16(b)) for a, b in span.fragments]
    return _SpanIn(span.line, span.label, frags, span.text, loose_text=span.loose_text)


def _map_span(span: _SpanIn, mapping: OffsetMap) -> tuple[int, int] | str:
    """Canonical (start, end) of a span, or the reason it is invalid."""
    source, canonical = mapping.source, mapping.canonical
    if not span.fragments:
        return "span has no offsets"
    pieces: list[tuple[int, int]] = []
    for a, b in span.fragments:
        if not (_is_offset(a) and _is_offset(b)):
            return f"offsets {a!r}, {b!r} are not integers"
        if not 0 <= a < b <= len(source):
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
    if not 0 <= start < end <= len(canonical):
        return f"offsets [{start}, {end}) outside text of length {len(canonical)}"
    if span.text is not None:
        if span.loose_text:
            found = " ".join(_one_line(canonical[a:b]) for a, b in pieces)
            given = _one_line(canonicalise(span.text))
        else:
            found = canonical[start:end]
            given = span.text
            # A slice of a canonical text is itself canonical unless it starts with a BOM
            # (which canonicalise drops), so an exact match needs no second pass.
            if given != found or given.startswith("\ufeff"):
                given = canonicalise(given)
        if found != given:
            return f"span text {_short(given)!r} does not match text {_short(found)!r}"
    return start, end


def _short(value: str, limit: int = 40) -> str:
    value = _one_line(value)
    return value if len(value) <= limit else value[: limit - 1] + "…"


# -- JSONL formats: ours and doccano -----------------------------------------------------------


def _parse_jsonl_file(text: str, name: str, fmt: str) -> tuple[list[_DocIn], list[Problem]]:
    docs: list[_DocIn] = []
    problems: list[Problem] = []
    caps = limits.current()
    records = limits.Counter("records", caps.records)
    spans = limits.Counter("spans", caps.spans)
    # Lines end at LF only (JSON Lines): `str.splitlines` would also cut at U+2028, U+0085
    # and the like, which JSON writers leave unescaped inside strings (a span's note).
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        records.add()
        limits.check_record(line, f"line {number}")
        try:
            record = orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            problems.append(Problem(name, number, f"invalid JSON: {_short(str(exc), 80)}"))
            continue
        if not isinstance(record, dict):
            problems.append(Problem(name, number, "line is not a JSON object"))
            continue
        parse = _jsonl_record if fmt == "jsonl" else _doccano_record
        try:
            doc = parse(record, number)
        except ValueError as exc:
            problems.append(Problem(name, number, str(exc)))
            continue
        if doc.text is not None:
            limits.check_text(doc.text, f"line {number}")
        spans.add(len(doc.spans))
        docs.append(doc)
    return docs, problems


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ("" if value is None else str(value))


def _opt_str(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _record_text(record: dict[str, Any], *keys: str) -> str | None:
    for key in keys:
        value = record.get(key)
        if isinstance(value, str):
            return value
    return None


def _doc_from(record: dict[str, Any], number: int | None, text: str | None) -> _DocIn:
    meta = record.get("meta")
    return _DocIn(
        line=number,
        text=text,
        uid=_opt_str(record.get("uid")),
        title=_str(record.get("title")),
        outlet=_str(record.get("outlet")),
        byline=_str(record.get("byline")),
        url=_str(record.get("url")),
        published=_opt_str(record.get("published")),
        updated=_opt_str(record.get("updated")),
        meta=dict(meta) if isinstance(meta, dict) else {},
    )


def _jsonl_record(record: dict[str, Any], number: int) -> _DocIn:
    """One line of our own JSONL export: everything is restored."""
    text = _record_text(record, "text")
    if text is None and not record.get("uid"):
        raise ValueError("record has neither text nor uid")
    doc = _doc_from(record, number, text)
    spans = record.get("spans") or []
    if not isinstance(spans, list):
        raise ValueError("'spans' is not a list")
    add = doc.spans.append
    for item in spans:
        if not isinstance(item, dict):
            add(_SpanIn(number, None, [(None, None)]))
            continue
        get = item.get
        attrs, given, note = get("attrs"), get("text"), get("note")
        add(
            _SpanIn(
                line=number,
                label=get("label"),
                fragments=[(get("start"), get("end"))],
                text=given if isinstance(given, str) else None,
                annotator=_opt_str(get("annotator")),
                attrs=attrs if isinstance(attrs, dict) else {},  # a fresh dict from the parser
                note=note if isinstance(note, str) else _str(note),
                origin=_opt_str(get("origin")) or "import",
                created=_opt_str(get("created")),
                updated=_opt_str(get("updated")),
            )
        )
    for item in record.get("doc_labels") or []:
        if isinstance(item, dict) and isinstance(item.get("label"), str) and item["label"]:
            doc.doc_labels.append((_opt_str(item.get("annotator")), item["label"]))
    status = record.get("status")
    if isinstance(status, dict):
        doc.status = {str(k): str(v) for k, v in status.items() if k}
    for item in record.get("comments") or []:
        if not isinstance(item, dict):
            continue
        body, author = item.get("body"), item.get("author")
        start, end = item.get("start"), item.get("end")
        if isinstance(body, str) and body.strip() and isinstance(author, str) and author:
            if _is_offset(start) and _is_offset(end):
                doc.comments.append((author, body, start, end, _str(item.get("created"))))
    review = record.get("review_status")
    if isinstance(review, str) and review in REVIEW_STATUSES:
        doc.review_status = review
    return doc


def _name_or_id(value: Any) -> str | None:
    """An annotator given as a name or as a numeric user id."""
    return str(value) if _is_offset(value) else _opt_str(value)


def _doccano_record(record: dict[str, Any], number: int) -> _DocIn:
    """One doccano line: {"text", "label": [[s, e, L], ...]} (or "labels"/"entities")."""
    text = _record_text(record, "text", "data")
    if text is None:
        raise ValueError("record has no 'text'")
    doc = _doc_from(record, number, text)
    who = _name_or_id(record.get("annotator")) or _name_or_id(record.get("user"))
    names = record.get("annotators")
    if who is None and isinstance(names, list) and len(names) == 1:
        who = _opt_str(names[0])
    for key in ("label", "labels", "entities"):
        items = record.get(key)
        if items is not None:
            break
    if items is None:
        items = []
    if not isinstance(items, list):
        raise ValueError(f"'{key}' is not a list of [start, end, label]")
    for item in items:
        if isinstance(item, list | tuple) and len(item) >= 3:
            start, end, label = item[0], item[1], item[2]
        elif isinstance(item, dict):
            start = item.get("start_offset", item.get("start"))
            end = item.get("end_offset", item.get("end"))
            label = item.get("label")
        elif isinstance(item, str) and item:  # a text-classification project: document labels
            doc.doc_labels.append((who, item))
            continue
        else:
            doc.spans.append(_SpanIn(number, None, [(None, None)]))
            continue
        doc.spans.append(_SpanIn(number, label, [(start, end)], annotator=who, origin="doccano"))
    return doc


# -- Label Studio ----------------------------------------------------------------------------


def _labelstudio_annotator(annotation: dict[str, Any]) -> str | None:
    meta = annotation.get("meta")
    if isinstance(meta, dict) and _opt_str(meta.get("annotator")):
        return str(meta["annotator"]).strip() or None
    who = annotation.get("completed_by")
    if isinstance(who, dict):
        return _opt_str(who.get("email")) or _opt_str(who.get("username"))
    if who is None or isinstance(who, bool) or who == "":
        return None
    return str(who)


_WIDE_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")


def _parse_labelstudio_file(path: Path, name: str) -> tuple[list[_DocIn], list[Problem]]:
    """A JSON array of tasks (or one task object), streamed task by task: only one task's
    JSON is in memory at a time, and the limits apply as each task is read."""
    caps = limits.current()
    try:
        if not path.is_file():
            raise _Unparseable("no such file" if not path.exists() else "not a regular file")
        if path.stat().st_size > caps.file_bytes:
            raise limits.too_large("file", path.stat().st_size, caps.file_bytes)
        handle = path.open("rb")
    except OSError as exc:
        raise _Unparseable(f"cannot read: {exc.strerror or exc}") from None
    with handle:
        head = handle.read(65536)
        if not head:
            raise _Unparseable("empty file")
        if head.startswith(_WIDE_BOMS):  # UTF-16/32: rare; decoded and parsed whole
            data = head + limits.read_capped(handle, caps.file_bytes - len(head))
            try:
                tasks = orjson.loads(decode_bytes(data))
            except DecodeError as exc:
                raise _Unparseable(str(exc)) from None
            except orjson.JSONDecodeError as exc:
                raise _Unparseable(f"invalid JSON: {_short(str(exc), 80)}") from None
            if not isinstance(tasks, list | dict):
                raise _Unparseable("not a Label Studio export (expected a JSON array of tasks)")
            return _labelstudio_docs(tasks if isinstance(tasks, list) else [tasks], name, None)
        head = head.removeprefix(b"\xef\xbb\xbf")
        if looks_binary(head):
            raise _Unparseable("binary file (contains NUL bytes); expected UTF-8 text")
        first = head.lstrip()[:1]
        if first not in (b"[", b"{"):
            raise _Unparseable("not a Label Studio export (expected a JSON array of tasks)")
        import ijson  # noqa: PLC0415 - loaded only when a Label Studio file is imported

        reader = limits.CappedReader(handle, head)
        tasks = ijson.items(reader, "item" if first == b"[" else "", use_float=True)
        try:
            return _labelstudio_docs(tasks, name, reader)
        except ijson.JSONError as exc:
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else "damaged"
            raise _Unparseable(f"invalid JSON: {_short(reason, 80)}") from None


def _labelstudio_docs(
    tasks: Any, name: str, reader: limits.CappedReader | None
) -> tuple[list[_DocIn], list[Problem]]:
    """Records of Label Studio tasks; `line` in problems is the task's 1-based index."""
    caps = limits.current()
    count = limits.Counter("tasks", caps.records)
    spans = limits.Counter("spans", caps.spans)
    docs: list[_DocIn] = []
    problems: list[Problem] = []
    for index, task in enumerate(tasks, 1):
        if reader is not None:
            reader.mark()
        count.add()
        doc = _labelstudio_task(task, index, name, problems)
        if doc is not None:
            limits.check_text(doc.text or "", f"task {index}")
            spans.add(len(doc.spans))
            docs.append(doc)
    return docs, problems


def _labelstudio_task(task: Any, index: int, name: str, problems: list[Problem]) -> _DocIn | None:
    """One task as a record, or None with a problem."""
    if isinstance(task, dict) and "data" not in task and isinstance(task.get("text"), str):
        return _labelstudio_min_task(task, index)
    data = task.get("data") if isinstance(task, dict) else None
    if not isinstance(data, dict):
        problems.append(Problem(name, index, "task has no 'data' object"))
        return None
    doc = _doc_from(data, index, _record_text(data, *LABELSTUDIO_TEXT_KEYS))
    if doc.text is None:
        problems.append(Problem(name, index, "task has no data.text"))
        return None
    annotations = task.get("annotations")
    if annotations is None:
        annotations = task.get("completions") or []
    for annotation in annotations if isinstance(annotations, list) else []:
        if not isinstance(annotation, dict) or annotation.get("was_cancelled"):
            continue
        doc.spans.extend(_labelstudio_spans(annotation, index))
    return doc


def _labelstudio_min_task(task: dict[str, Any], index: int) -> _DocIn:
    """A task of Label Studio's JSON-MIN export: the text at top level, and under each
    control's name a list of regions {"start", "end", "text", "labels"}."""
    doc = _doc_from(task, index, task["text"])
    who = _name_or_id(task.get("annotator"))
    for key, regions in task.items():
        if key == "text" or not isinstance(regions, list):
            continue
        for region in regions:
            if not isinstance(region, dict) or "start" not in region or "labels" not in region:
                continue
            labels = region.get("labels")
            given = region.get("text")
            for label in labels if isinstance(labels, list) and labels else [None]:
                doc.spans.append(
                    _SpanIn(
                        line=index,
                        label=label,
                        fragments=[(region.get("start"), region.get("end"))],
                        text=given if isinstance(given, str) else None,
                        annotator=who,
                        origin="labelstudio",
                        utf16_fallback=True,
                    )
                )
    return doc


def _is_labels_result(result: dict[str, Any], value: Any) -> bool:
    """A text span result: type "labels", or no type but a value with labels and offsets."""
    if not isinstance(value, dict):
        return False
    kind = result.get("type")
    if kind is None:
        return "labels" in value and "start" in value and "end" in value
    return kind == "labels"


def _labelstudio_spans(annotation: dict[str, Any], index: int) -> list[_SpanIn]:
    who = _labelstudio_annotator(annotation)
    results = [r for r in annotation.get("result") or [] if isinstance(r, dict)]
    regions: dict[str, list[_SpanIn]] = {}
    spans: list[_SpanIn] = []
    for result in results:
        value = result.get("value")
        if not _is_labels_result(result, value):
            continue
        meta = result.get("meta")
        note_items = meta.get("text") if isinstance(meta, dict) else None
        if isinstance(note_items, list):
            note = "\n".join(str(n) for n in note_items if n)
        else:
            note = _str(note_items)
        labels = value.get("labels")
        for label in labels if isinstance(labels, list) and labels else [None]:
            span = _SpanIn(
                line=index,
                label=label,
                fragments=[(value.get("start"), value.get("end"))],
                text=value.get("text") if isinstance(value.get("text"), str) else None,
                annotator=who,
                note=note,
                origin="labelstudio",
                utf16_fallback=True,
            )
            spans.append(span)
            regions.setdefault(_str(result.get("id")), []).append(span)
    for result in results:
        value = result.get("value")
        if result.get("type") != "choices" or not isinstance(value, dict):
            continue
        key, choices = _str(result.get("from_name")), value.get("choices")
        if not key or not isinstance(choices, list) or not choices:
            continue
        for span in regions.get(_str(result.get("id")), []):
            span.attrs[key] = choices[0] if len(choices) == 1 else list(choices)
    return spans


# -- brat ------------------------------------------------------------------------------------


def _brat_units(path: Path, report: AnnotationReport) -> Iterator[_Unit]:
    """One unit per `.ann` file (folder, .zip, or a single .ann path)."""
    caps = limits.current()
    if path.is_dir():
        root = path.resolve()
        for ann in sorted(p for p in path.rglob("*.ann") if not p.name.startswith(".")):
            txt = ann.with_suffix(".txt")
            if leads_outside(ann, root) or leads_outside(txt, root):
                report.files += 1
                report.problems.append(
                    Problem(str(ann), None, "symbolic link to outside the folder; skipped")
                )
                continue
            yield _brat_unit(str(ann), lambda a=ann: limits.read_file(a), _txt_reader(txt))
        return
    if path.suffix.lower() == ".zip":
        yield from _brat_zip_units(path, caps)
        return
    if path.suffix.lower() == ".ann" or path.with_suffix(".ann").exists():
        ann = path.with_suffix(".ann")
        txt = _txt_reader(ann.with_suffix(".txt"))
        yield _brat_unit(str(ann), lambda: limits.read_file(ann), txt)
        return
    raise _Unparseable("not a brat folder, .zip or .ann file")


def _txt_reader(txt: Path) -> Any:
    """A reader of a brat `.txt` within the article limit, or None when there is none."""
    if not txt.exists():
        return None
    return lambda: limits.read_file(txt, limits.current().article_bytes, "article text")


def _brat_zip_units(path: Path, caps: limits.Limits) -> Iterator[_Unit]:
    """Units of a brat .zip. Members are checked by their declared sizes before anything is
    read (the whole zip is refused when over a limit), then read in chunks and checked by
    their real sizes; the members read together may expand to at most file_bytes."""
    try:
        if path.stat().st_size > caps.file_bytes:
            raise limits.too_large("file", path.stat().st_size, caps.file_bytes)
        archive = zipfile.ZipFile(path)
    except (OSError, ValueError, EOFError, zipfile.BadZipFile) as exc:
        raise _Unparseable(f"not a readable zip: {' '.join(str(exc).split())}") from None
    with archive:
        infos = {info.filename: info for info in archive.infolist() if not info.is_dir()}
        anns = sorted(n for n in infos if n.endswith(".ann"))
        if len(anns) > caps.records:
            raise limits.too_many("documents (.ann files)", caps.records)
        used = [infos[n] for n in anns] + [
            infos[t] for t in (n[: -len(".ann")] + ".txt" for n in anns) if t in infos
        ]
        for info in used:
            if info.filename.endswith(".txt") and info.file_size > caps.article_bytes:
                what = f"{info.filename}: article text"
                raise limits.too_large(what, info.file_size, caps.article_bytes)
        declared = sum(info.file_size for info in used)
        if declared > caps.file_bytes:
            raise limits.too_large("zip archive when expanded", declared, caps.file_bytes)
        budget = limits.Budget(caps.file_bytes, "zip archive when expanded")

        def reader(member: str, cap: int, what: str) -> Any:
            return lambda: limits.read_member(archive, infos[member], cap, budget, what)

        for member in anns:
            txt = member[: -len(".ann")] + ".txt"
            yield _brat_unit(
                f"{path}!{member}",
                reader(member, caps.file_bytes, member),
                reader(txt, caps.article_bytes, f"{txt}: article text") if txt in infos else None,
            )


def _brat_unit(name: str, read_ann: Any, read_txt: Any) -> _Unit:
    """Parse one `.ann` with its `.txt` (reader callables; `read_txt` None when missing)."""
    try:
        if read_txt is None:
            raise _Unparseable("missing the matching .txt file")
        raw_txt = read_txt()
        raw_ann = read_ann()
        try:
            text = decode_bytes(raw_txt) if raw_txt else ""
            ann = decode_bytes(raw_ann) if raw_ann else ""
        except DecodeError as exc:
            raise _Unparseable(str(exc)) from None
        stem = Path(name.split("!")[-1]).stem
        doc = _DocIn(line=None, text=text, uid=stem)
        return _Unit(name, [doc], _parse_ann(ann, name, doc))
    except Exception as exc:  # noqa: BLE001 - damaged member, over a limit: this unit fails
        return _Unit(name, [], [Problem(name, None, _failure(exc))])


def _parse_ann(ann: str, name: str, doc: _DocIn) -> list[Problem]:
    """Fill `doc.spans` from brat standoff lines (T, A/M, AnnotatorNotes); problems."""
    problems: list[Problem] = []
    by_id: dict[str, _SpanIn] = {}
    later: list[tuple[int, str, list[str]]] = []
    spans = limits.Counter("spans", limits.current().spans)
    for number, line in enumerate(ann.splitlines(), 1):
        if not line.strip():
            continue
        fields = line.split("\t")
        ident = fields[0].strip()
        if ident.startswith("T"):
            if len(fields) < 2:
                problems.append(Problem(name, number, "text-bound annotation without offsets"))
                continue
            head = fields[1].split(" ", 1)
            try:
                frags = [(int(a), int(b)) for a, b in (part.split() for part in head[1].split(";"))]
            except (IndexError, ValueError):
                problems.append(Problem(name, number, f"cannot read offsets {fields[1]!r}"))
                continue
            frags.sort()
            spans.add()
            span = _SpanIn(
                line=number,
                label=head[0],
                fragments=frags,
                text=fields[2] if len(fields) > 2 else None,
                origin="brat",
                loose_text=True,
            )
            by_id[ident] = span
            doc.spans.append(span)
        elif ident[:1] in ("A", "M", "#"):
            later.append((number, ident, fields))
    for number, ident, fields in later:
        if ident[:1] in ("A", "M"):
            parts = fields[1].split() if len(fields) > 1 else []
            if len(parts) < 2 or parts[1] not in by_id:
                problems.append(Problem(name, number, "attribute for an unknown annotation"))
                continue
            by_id[parts[1]].attrs[parts[0]] = parts[2] if len(parts) > 2 else True
            continue
        parts = fields[1].split() if len(fields) > 1 else []
        if len(parts) < 2 or parts[0] != "AnnotatorNotes":
            continue
        target = by_id.get(parts[1])
        if target is None:
            problems.append(Problem(name, number, "note for an unknown annotation"))
            continue
        note = fields[2] if len(fields) > 2 else ""
        if note.startswith("annotator="):
            target.annotator = note[len("annotator=") :].strip() or None
        elif note.startswith("attr:") and "=" in note:
            key, _, value = note[len("attr:") :].partition("=")
            target.attrs[key] = value
        elif note:
            target.note = f"{target.note}\n{note}" if target.note else note
    return problems
