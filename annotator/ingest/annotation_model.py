"""The records an annotation import passes between its readers and the store: problems, the
report, and the source files' records before their offsets are checked."""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from annotator.display import printable_name
from annotator.ingest.errors import IngestError

NO_ANNOTATOR = "no annotator name: pass --annotator NAME"


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
    """Outcome of one annotation import run.

    Attributes:
        not_imported: what the files hold that this project cannot store (brat
            normalisations, Label Studio rectangles ...), counted by kind ("brat
            normalisations": 3); the kinds are plural nouns, ending in the counted word.
    """

    files: int = 0
    articles_created: int = 0
    articles_matched: int = 0
    spans_added: int = 0
    spans_duplicate: int = 0
    spans_snapped: int = 0  # widened because an end fell inside a letter (grapheme cluster)
    relations_added: int = 0
    relations_duplicate: int = 0
    relation_types_added: list[str] = field(default_factory=list)
    labels_added: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    not_imported: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return asdict(self)

    def merge(self, other: AnnotationReport) -> None:
        """Add `other`'s counts, labels, problems and not-imported counts to this report."""
        self.files += other.files
        self.articles_created += other.articles_created
        self.articles_matched += other.articles_matched
        self.spans_added += other.spans_added
        self.spans_duplicate += other.spans_duplicate
        self.spans_snapped += other.spans_snapped
        self.relations_added += other.relations_added
        self.relations_duplicate += other.relations_duplicate
        self.relation_types_added.extend(
            k for k in other.relation_types_added if k not in self.relation_types_added
        )
        self.labels_added.extend(k for k in other.labels_added if k not in self.labels_added)
        self.problems.extend(other.problems)
        add_counts(self.not_imported, other.not_imported)

    def summary_lines(self) -> list[str]:
        """The report for people: each problem, new labels, the totals, widened spans and
        what was not imported; names and reasons escaped (`printable_name`)."""
        lines = []
        for problem in self.problems:
            where = f"{problem.file}:{problem.line}" if problem.line else problem.file
            lines.append(f"problem    {printable_name(where)}: {printable_name(problem.reason)}")
        if self.labels_added:
            lines.append(f"new labels added to the scheme: {', '.join(self.labels_added)}")
        lines.append(
            f"{self.spans_added} spans added, {self.spans_duplicate} already there, "
            f"{len(self.problems)} problems; articles: {self.articles_matched} matched, "
            f"{self.articles_created} created"
        )
        if self.relation_types_added:
            added = ", ".join(self.relation_types_added)
            lines.append(f"new relation types added to the scheme: {added}")
        if self.relations_added or self.relations_duplicate:
            lines.append(
                f"{self.relations_added} relations added, {self.relations_duplicate} already there"
            )
        if self.spans_snapped:
            lines.append(
                f"{self.spans_snapped} spans widened to whole letters"
                " (their offsets split a conjunct, vowel sign or emoji)"
            )
        if self.not_imported:
            lines.append(f"not imported: {counts_phrase(self.not_imported)} (not supported)")
        return lines


def counts_phrase(counts: dict[str, int]) -> str:
    """'3 brat relations, 1 brat event': each kind with its count, singular for one."""
    parts = []
    for kind, n in counts.items():
        name = kind[:-1] if n == 1 and kind.endswith("s") else kind
        parts.append(f"{n} {printable_name(name)}")
    return ", ".join(parts)


def add_counts(total: dict[str, int], more: dict[str, int]) -> None:
    """Add the counts of `more` to `total`, in place."""
    for kind, n in more.items():
        if n:
            total[kind] = total.get(kind, 0) + n


class Unparseable(ValueError):
    """The whole file cannot be read; the message is one line."""


def failure_reason(exc: BaseException) -> str:
    """One line for why a file or archive member could not be read at all."""
    message = " ".join(str(exc).split())[:300]
    if isinstance(exc, Unparseable | IngestError):
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


@dataclass(slots=True)
class SpanIn:
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
class RelationIn:
    """A relation as the source file gives it: `head` and `tail` are indexes into its
    record's `DocIn.spans` (readers turn their ids into indexes)."""

    line: int | None
    type: Any
    head: int
    tail: int
    attrs: dict[str, Any] = field(default_factory=dict)
    annotator: str | None = None  # None: the head span's
    origin: str = "import"


@dataclass(slots=True)
class DocIn:
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
    spans: list[SpanIn] = field(default_factory=list)
    doc_labels: list[tuple[str | None, str]] = field(default_factory=list)
    status: dict[str, str] = field(default_factory=dict)
    comments: list[tuple[str, str, int, int, str]] = field(default_factory=list)
    review_status: str | None = None
    relations: list[RelationIn] = field(default_factory=list)


@dataclass
class Parsed:
    """What a reader got from one file: its records, its problems, and counts by kind of
    what it holds but cannot be imported (see `AnnotationReport.not_imported`).

    `docs` may be an iterator that reads the file as it is run (`json_records.parse_file`,
    Label Studio): `problems` and `not_imported` are then complete once it has run to the
    end, and a file that cannot be read raises while it runs.
    """

    docs: Iterable[DocIn] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    not_imported: dict[str, int] = field(default_factory=dict)

    def skip(self, kind: str, n: int = 1) -> None:
        """Count `n` items of `kind` that are not imported."""
        if n:
            self.not_imported[kind] = self.not_imported.get(kind, 0) + n


@dataclass
class Unit:
    """One transaction's worth of input: a file (or brat pair) and what was read from it."""

    name: str
    parsed: Parsed


# -- small readers of loosely typed JSON values ----------------------------------------------


def is_offset(value: Any) -> bool:
    """Whether `value` is an int (and not a bool)."""
    return isinstance(value, int) and not isinstance(value, bool)


def one_line(value: str) -> str:
    """`value` with CR, LF and TAB as spaces."""
    return value.replace("\r", " ").replace("\n", " ").replace("\t", " ")


def short(value: str, limit: int = 40) -> str:
    """`value` on one line, cut to `limit` characters with an ellipsis."""
    value = one_line(value)
    return value if len(value) <= limit else value[: limit - 1] + "…"


def as_str(value: Any) -> str:
    """A string for any JSON value ("" for None)."""
    return value if isinstance(value, str) else ("" if value is None else str(value))


def opt_str(value: Any) -> str | None:
    """`value` when it is a non-empty string, else None."""
    return value if isinstance(value, str) and value else None


def record_text(record: dict[str, Any], *keys: str) -> str | None:
    """The first of `keys` whose value is a string."""
    for key in keys:
        value = record.get(key)
        if isinstance(value, str):
            return value
    return None


def name_or_id(value: Any) -> str | None:
    """An annotator given as a name or as a numeric user id."""
    return str(value) if is_offset(value) else opt_str(value)


def doc_from(record: dict[str, Any], number: int | None, text: str | None) -> DocIn:
    """A record with the article fields a source record may carry (uid, title, meta ...)."""
    meta = record.get("meta")
    return DocIn(
        line=number,
        text=text,
        uid=opt_str(record.get("uid")),
        title=as_str(record.get("title")),
        outlet=as_str(record.get("outlet")),
        byline=as_str(record.get("byline")),
        url=as_str(record.get("url")),
        published=opt_str(record.get("published")),
        updated=opt_str(record.get("updated")),
        meta=dict(meta) if isinstance(meta, dict) else {},
    )
