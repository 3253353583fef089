"""Every import format in one place: its name, what it brings in, its title and file names.

The command line's `--format` choices, the window's file dialogs, detection by extension and
the import router all read this table, so a format is added or renamed here only.
"""

from __future__ import annotations

from dataclasses import dataclass

ARTICLES = "articles"  # pages and datasets: new articles
ANNOTATIONS = "annotations"  # spans made elsewhere (articles matched or created)
PROJECT = "project"  # a colleague's project file: their layers
AUTO = "auto"


@dataclass(frozen=True)
class InputFormat:
    """One importable format."""

    name: str  # the --format value
    kind: str  # ARTICLES, ANNOTATIONS or PROJECT
    title: str  # shown in file dialogs and help
    extensions: tuple[str, ...]  # lower case, with the dot; the first ones decide detection
    detect_by_extension: bool = True  # False: the extension is shared; content decides

    @property
    def patterns(self) -> str:
        """The file dialog's name patterns, e.g. "*.csv *.tsv"."""
        return " ".join(f"*{ext}" for ext in self.extensions)

    @property
    def dialog_filter(self) -> str:
        """One file dialog filter entry: "Title (*.a *.b)"."""
        return f"{self.title} ({self.patterns})"


INPUT_FORMATS: tuple[InputFormat, ...] = (
    InputFormat("text", ARTICLES, "Copied news pages", (".txt", ".text", ".md")),
    InputFormat("html", ARTICLES, "Saved web pages", (".html", ".htm", ".xhtml", ".shtml")),
    InputFormat("jsonl", ARTICLES, "JSON Lines datasets", (".jsonl", ".ndjson", ".jsonlines")),
    InputFormat("json", ARTICLES, "JSON datasets", (".json",)),
    InputFormat("csv", ARTICLES, "CSV / TSV datasets", (".csv", ".tsv")),
    InputFormat(
        "doccano", ANNOTATIONS, "doccano exports", (".jsonl", ".json"), detect_by_extension=False
    ),
    InputFormat(
        "labelstudio", ANNOTATIONS, "Label Studio exports", (".json",), detect_by_extension=False
    ),
    InputFormat("brat", ANNOTATIONS, "brat standoff", (".ann", ".zip")),
    InputFormat("project", PROJECT, "Annotator projects", (".db", ".sqlite", ".sqlite3")),
)
_BY_NAME = {f.name: f for f in INPUT_FORMATS}


def format_names(kind: str | None = None) -> tuple[str, ...]:
    """Names of the formats (of one kind, or all), in table order."""
    return tuple(f.name for f in INPUT_FORMATS if kind is None or f.kind == kind)


def choices() -> tuple[str, ...]:
    """Every value `--format` accepts: "auto" first."""
    return (AUTO, *format_names())


def input_format(name: str) -> InputFormat:
    """The format called `name`; ValueError naming the choices for another name."""
    try:
        return _BY_NAME[name]
    except KeyError:
        raise ValueError(f"unknown format {name!r}; use one of {', '.join(choices())}") from None


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


# Files people try that are not read, with what to do instead (a clear reason, not a guess).
_NOT_READ = {
    ".conll": "CoNLL token files are not read (annotator exports them); import a JSONL, "
    "doccano or brat file instead",
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
    """Why a file with this extension is not imported, for the formats people try; else None."""
    return _NOT_READ.get(ext.lower())


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
