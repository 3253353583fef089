"""Every format in one table: its name, files, whether it is read or written, how an input of
it is recognised, and which function reads it and which writes it.

The command line's `--format` choices (import and export), the window's import file dialogs
and export dialog, detection by extension, the import router, the annotation importer and
`export.export` all read this table, so a format is added or renamed here only; the format
table in docs/ARCHITECTURE.md is checked against it (`tests/test_docs.py`).

Readers and writers are named as "module:function" and imported on first use, so the table
costs nothing to import (the command line reads it at start-up) and sits below everything
that reads it. Their signatures, by what reading brings in (`kind`):

- ARTICLES, a page (`page`): `read(text, source) -> ArticleDraft`;
- ARTICLES, a dataset: `read(text, source, field_map, report) -> list[ArticleDraft]`;
- ANNOTATIONS (and `span_reader`): `read(path, field_map, seen) -> Iterator[Unit]`, one
  transaction unit per file (`ingest.annotation_model`);
- PROJECT: `import_project_db(store, path, skip)`;
- `writer`: `write(items, path, progress) -> int` (spans written), items from
  `export.selection.iter_export_items`; `row_writer` the same from `iter_export_rows`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

ARTICLES = "articles"  # pages and datasets: new articles
ANNOTATIONS = "annotations"  # spans made elsewhere (articles matched or created)
PROJECT = "project"  # a colleague's project file: their layers
AUTO = "auto"
FOLDER = ""  # the export extension of a format written as a folder (or a .zip)


@dataclass(frozen=True)
class Format:
    """One format: what reading it brings in, what writes it, and how it is recognised."""

    name: str  # the --format value
    kind: str | None  # ARTICLES, ANNOTATIONS or PROJECT; None: not read
    title: str  # shown in file dialogs and help
    extensions: tuple[str, ...]  # lower case, with the dot; the first ones decide detection
    # (for a format not read: the files that get its `not_read` reason)
    detection: str  # how an input is recognised, in words (the docs' table)
    detect_by_extension: bool = True  # False: the extension is shared; content decides
    reader: str = ""  # "module:function" reading `kind`
    span_reader: str = ""  # an ARTICLES format whose files may carry spans: their reader
    page: bool = False  # one article per file (a page's limits apply)
    writer: str = ""  # "module:function" writing export items; "": not written
    row_writer: str = ""  # the same bytes from the store's plain rows (faster)
    export_title: str = ""  # shown in the export dialog
    export_extension: str = FOLDER  # the written file's ending (FOLDER: a folder or .zip)
    not_read: str = ""  # a written format that is not read: what to import instead

    @property
    def readable(self) -> bool:
        """Whether files of this format are imported."""
        return self.kind is not None

    @property
    def writable(self) -> bool:
        """Whether `annotator export` writes this format."""
        return bool(self.writer)

    @property
    def reads_spans(self) -> bool:
        """Whether its files are read as annotations (always, or when their content says so)."""
        return self.kind == ANNOTATIONS or bool(self.span_reader)

    @property
    def to_folder(self) -> bool:
        """Whether the export is a folder (or a .zip) rather than one file."""
        return self.writable and self.export_extension == FOLDER

    @property
    def patterns(self) -> str:
        """The file dialog's name patterns, e.g. "*.csv *.tsv"."""
        return " ".join(f"*{ext}" for ext in self.extensions)

    @property
    def dialog_filter(self) -> str:
        """One file dialog filter entry: "Title (*.a *.b)"."""
        return f"{self.title} ({self.patterns})"

    def load_reader(self) -> Callable[..., Any]:
        """The function reading this format's `kind` (see the module docstring)."""
        return _load(self.reader, f"{self.name} is not read")

    def load_span_reader(self) -> Callable[..., Any]:
        """The function reading this format's files as annotations."""
        ref = self.reader if self.kind == ANNOTATIONS else self.span_reader
        return _load(ref, f"{self.name} files are not read as annotations")

    def load_writer(self) -> Callable[..., Any]:
        """The function writing export items as this format."""
        return _load(self.writer, f"{self.name} is not written")

    def load_row_writer(self) -> Callable[..., Any] | None:
        """The function writing the store's plain rows as this format, if it has one."""
        return _load(self.row_writer, "") if self.row_writer else None


def _load(ref: str, missing: str) -> Callable[..., Any]:
    """The function `ref` ("module:function") names, its module imported now."""
    if not ref:
        raise ValueError(missing)
    module, _, name = ref.partition(":")
    function: Callable[..., Any] = getattr(importlib.import_module(module), name)
    return function


_INGEST = "annotator.ingest"
_FORMATS = "annotator.formats"
_RECORDS = f"{_INGEST}.records"

FORMATS: tuple[Format, ...] = (
    Format(
        "text", ARTICLES, "Copied news pages", (".txt", ".text", ".md"),
        "extension, or any text that is not HTML or JSON",
        reader=f"{_INGEST}.scraped:parse_scraped", page=True,
    ),
    Format(
        "html", ARTICLES, "Saved web pages", (".html", ".htm", ".xhtml", ".shtml"),
        "extension, or markup at the start",
        reader=f"{_INGEST}.html:parse_html", page=True,
    ),
    Format(
        "jsonl", ARTICLES, "JSON Lines datasets", (".jsonl", ".ndjson", ".jsonlines"),
        "extension, or an object on the first line; records with `spans`: annotations",
        reader=f"{_RECORDS}:parse_jsonl", span_reader=f"{_FORMATS}.jsonl:read",
        writer=f"{_FORMATS}.jsonl:write", row_writer=f"{_FORMATS}.jsonl:write_rows",
        export_title="JSON Lines (ours, lossless)", export_extension=".jsonl",
    ),
    Format(
        "json", ARTICLES, "JSON datasets", (".json",),
        "extension, or an array or pretty-printed object at the start",
        reader=f"{_RECORDS}:parse_json",
    ),
    Format(
        "csv", ARTICLES, "CSV / TSV datasets", (".csv", ".tsv"),
        "extension; read as a dataset, so the span rows it writes are not read back as spans",
        reader=f"{_RECORDS}:parse_csv",
        writer=f"{_FORMATS}.csv:write", row_writer=f"{_FORMATS}.csv:write_rows",
        export_title="CSV, one row per span", export_extension=".csv",
    ),
    Format(
        "doccano", ANNOTATIONS, "doccano exports", (".jsonl", ".json"),
        "content: lists of offset labels, or doccano's column names",
        detect_by_extension=False, reader=f"{_FORMATS}.doccano:read",
        writer=f"{_FORMATS}.doccano:write",
        export_title="doccano JSONL", export_extension=".jsonl",
    ),
    Format(
        "labelstudio", ANNOTATIONS, "Label Studio exports", (".json",),
        "content: tasks with `data` and `annotations` (or JSON-MIN regions)",
        detect_by_extension=False, reader=f"{_FORMATS}.labelstudio:read",
        writer=f"{_FORMATS}.labelstudio:write",
        export_title="Label Studio JSON", export_extension=".json",
    ),
    Format(
        "brat", ANNOTATIONS, "brat standoff", (".ann", ".zip"),
        "extension: `.ann`, or a `.zip` holding `.ann` files",
        reader=f"{_FORMATS}.brat:read",
        writer=f"{_FORMATS}.brat:write",
        export_title="brat standoff (folder or .zip)", export_extension=FOLDER,
    ),
    Format(
        "conll", None, "CoNLL IOB2 tokens", (".conll",),
        "not read: a `.conll` file gets a one-line reason instead",
        writer=f"{_FORMATS}.conll:write",
        export_title="CoNLL IOB2 tokens", export_extension=".conll",
        not_read="CoNLL token files are not read (annotator exports them); import a JSONL, "
        "doccano or brat file instead",
    ),
    Format(
        "spacy", None, "spaCy / Prodigy JSONL", (),
        "not read as such: its lines carry `spans`, so `auto` reads them as `jsonl`",
        writer=f"{_FORMATS}.spacy:write",
        export_title="spaCy / Prodigy JSONL", export_extension=".jsonl",
    ),
    Format(
        "events", None, "Events CSV, one row per claim", (),
        "not read: written for spreadsheets and event datasets",
        writer=f"{_FORMATS}.events:write",
        export_title="Events CSV, one row per claim frame", export_extension=".csv",
    ),
    Format(
        "project", PROJECT, "Annotator projects", (".db", ".sqlite", ".sqlite3"),
        "content: the SQLite header",
        reader=f"{_INGEST}.project_db:import_project_db",
    ),
)  # fmt: skip
INPUT_FORMATS: tuple[Format, ...] = tuple(f for f in FORMATS if f.readable)
OUTPUT_FORMATS: tuple[Format, ...] = tuple(f for f in FORMATS if f.writable)
_BY_NAME = {f.name: f for f in FORMATS}


def format_names(kind: str | None = None) -> tuple[str, ...]:
    """Names of the formats read (of one kind, or all), in table order."""
    return tuple(f.name for f in INPUT_FORMATS if kind is None or f.kind == kind)


def choices() -> tuple[str, ...]:
    """Every value `annotator import --format` accepts: "auto" first."""
    return (AUTO, *format_names())


def export_names() -> tuple[str, ...]:
    """Every value `annotator export --format` accepts, in table order."""
    return tuple(f.name for f in OUTPUT_FORMATS)


def span_format_names() -> tuple[str, ...]:
    """Names of the formats whose files are read as annotations, in table order."""
    return tuple(f.name for f in INPUT_FORMATS if f.reads_spans)


def input_format(name: str) -> Format:
    """The format read as `name`; ValueError naming the choices for another name."""
    found = _BY_NAME.get(name)
    if found is None or not found.readable:
        raise ValueError(f"unknown format {name!r}; use one of {', '.join(choices())}")
    return found


def output_format(name: str) -> Format:
    """The format written as `name`; ValueError naming the choices for another name."""
    found = _BY_NAME.get(name)
    if found is None or not found.writable:
        names = ", ".join(export_names())
        raise ValueError(f"unknown export format {name!r}; one of {names}")
    return found


def kind_of(name: str) -> str | None:
    """ARTICLES, ANNOTATIONS or PROJECT for a format name; None for "auto"."""
    return None if name == AUTO else input_format(name).kind


def article_format_by_extension(ext: str) -> str | None:
    """The article format a file extension (".csv") names, if any."""
    ext = ext.lower()
    for fmt in INPUT_FORMATS:
        if fmt.kind == ARTICLES and fmt.detect_by_extension and ext in fmt.extensions:
            return fmt.name
    return None


# Other files people try, with what to do instead (a clear reason, not a guess).
_NOT_READ = {
    ".conllu": "CoNLL-U token files are not read; import a JSONL, doccano or brat file instead",
    ".iob": "IOB token files are not read; import a JSONL, doccano or brat file instead",
    ".pdf": "PDF files are not read; save the article page as HTML or copy its text",
    ".docx": "Word documents are not read; save as plain text (.txt)",
    ".doc": "Word documents are not read; save as plain text (.txt)",
    ".xlsx": "Excel workbooks are not read; save the sheet as CSV",
    ".xls": "Excel workbooks are not read; save the sheet as CSV",
    ".odt": "OpenDocument texts are not read; save as plain text (.txt)",
    ".ods": "OpenDocument sheets are not read; save the sheet as CSV",
}


def not_read_reason(ext: str) -> str | None:
    """Why a file with this extension is not imported (a format we only write, or one that
    people try), else None."""
    ext = ext.lower()
    for fmt in FORMATS:
        if fmt.not_read and ext in fmt.extensions:
            return fmt.not_read
    return _NOT_READ.get(ext)


ANY_FILE = "All files (*)"
EVERYTHING = "Everything the annotator imports"


def dialog_filters(kinds: tuple[str, ...] = (ARTICLES, ANNOTATIONS, PROJECT)) -> list[str]:
    """File dialog filter entries: everything importable first (format decided by content),
    then one per format of `kinds`, then all files."""
    chosen = [f for f in INPUT_FORMATS if f.kind in kinds]
    patterns = []
    for fmt in chosen:
        patterns += [f"*{e}" for e in fmt.extensions if f"*{e}" not in patterns]
    return [f"{EVERYTHING} ({' '.join(patterns)})", *(f.dialog_filter for f in chosen), ANY_FILE]


def format_for_filter(entry: str) -> str:
    """The format a chosen file dialog filter entry stands for ("auto" for everything or all
    files): looked up in the table, never parsed from the entry's words."""
    for fmt in INPUT_FORMATS:
        if fmt.dialog_filter == entry:
            return fmt.name
    return AUTO
