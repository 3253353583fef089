"""Import files into the store: walk paths, pick a parser, store each file atomically, report."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.display import decoded_name
from annotator.formats.registry import ARTICLES, INPUT_FORMATS, input_format, not_read_reason
from annotator.ingest import limits
from annotator.ingest.detect import detect_format
from annotator.ingest.errors import IngestError
from annotator.ingest.links import inside, resolved
from annotator.ingest.links import leads_outside as leads_outside  # part of the package's API
from annotator.models import ArticleDraft
from annotator.store import Store
from annotator.text import DecodeError, canonicalise, decode_bytes, looks_binary

if TYPE_CHECKING:
    from annotator.ingest.records import RecordReport

# The default limits (see `limits` and docs/limits.md): a single page bigger than this is not
# a news article; a dataset bigger than this does not fit the all-or-nothing-per-file promise
# in memory.
MAX_PAGE_BYTES = limits.DEFAULT.article_bytes
MAX_DATASET_BYTES = limits.DEFAULT.file_bytes
SINGLE_ARTICLE_FORMATS = tuple(f.name for f in INPUT_FORMATS if f.page)  # ("text", "html")
OUTSIDE_LINK = "symbolic link to outside the folder; skipped"
MAX_SKIPPED_SHOWN = 100


@dataclass
class FileResult:
    """Outcome of importing one file: `status` is imported, duplicate, failed or skipped."""

    path: str
    format: str
    status: str
    imported: int = 0
    duplicates: int = 0
    reason: str = ""
    ids: list[int] = field(default_factory=list)
    # Records of a dataset left out (a line each, the first MAX_SKIPPED_SHOWN kept) and how
    # many in all; choices made on the reader's behalf (which column held the text).
    skipped_records: list[str] = field(default_factory=list)
    skipped_count: int = 0
    notes: list[str] = field(default_factory=list)


@dataclass
class ImportReport:
    """Outcome of one import run."""

    files: list[FileResult] = field(default_factory=list)

    @property
    def failed(self) -> list[FileResult]:
        """Files that imported nothing because of an error."""
        return [f for f in self.files if f.status == "failed"]

    @property
    def skipped(self) -> list[FileResult]:
        """Files left out on purpose (a link to outside the folder imported)."""
        return [f for f in self.files if f.status == "skipped"]

    @property
    def with_skipped_records(self) -> list[FileResult]:
        """Files imported without some of their records (bad rows left out)."""
        return [f for f in self.files if f.skipped_count]

    def totals(self) -> dict[str, int]:
        """Counts of articles imported, duplicates skipped, records left out, files failed."""
        return {
            "files": len(self.files),
            "imported": sum(f.imported for f in self.files),
            "duplicates": sum(f.duplicates for f in self.files),
            "records_skipped": sum(f.skipped_count for f in self.files),
            "failed": len(self.failed),
        }

    def as_dict(self) -> dict[str, object]:
        """JSON-ready form: totals plus one entry per file."""
        return {"totals": self.totals(), "files": [asdict(f) for f in self.files]}


def iter_input_files(
    paths: Iterable[str | Path], skipped: list[FileResult] | None = None
) -> Iterator[Path]:
    """Expand files and folders (recursively, sorted, hidden entries skipped) into files.

    A path that does not exist is yielded as is, so the caller reports it. Inside a folder, a
    symbolic link (to a file or a folder) that leads outside that folder is not followed: it
    is added to `skipped` as a FileResult with status "skipped", when a list is given. Links
    to folders inside it are not followed either (their files are imported from where they
    are), so a link loop cannot recur.
    """
    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            yield path
            continue
        root = resolved(path)
        for folder, dirs, files in os.walk(path):
            here = Path(folder)
            keep = []
            for name in sorted(d for d in dirs if not d.startswith(".")):
                if (here / name).is_symlink():
                    if not inside(here / name, root):
                        _skip(here / name, skipped)
                    continue
                keep.append(name)
            dirs[:] = keep
            for name in sorted(files):
                if name.startswith("."):
                    continue
                file = here / name
                if file.is_symlink() and not inside(file, root):
                    _skip(file, skipped)
                    continue
                yield file


def _skip(path: Path, skipped: list[FileResult] | None) -> None:
    if skipped is not None:
        skipped.append(FileResult(str(path), "", "skipped", reason=OUTSIDE_LINK))


def read_drafts(
    path: Path,
    fmt: str = "auto",
    field_map: dict[str, str] | None = None,
    records: RecordReport | None = None,
) -> tuple[str, list[ArticleDraft]]:
    """Read and parse one file into drafts; raise IngestError with a one-line reason.

    The limits of `limits.current()` apply: the file's size, a page's size (before and after
    decoding), and, in the dataset parsers, each record and the number of records. A dataset's
    bad records go to `records` when one is given (see `records.RecordReport`); without one
    the first bad record fails the file.
    """
    caps = limits.current()
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise IngestError("no such file") from None
    except OSError as exc:
        raise IngestError(f"cannot read: {exc.strerror or exc}") from None
    if not path.is_file():
        raise IngestError("not a regular file")
    if fmt == "auto" and (reason := not_read_reason(path.suffix)) is not None:
        raise IngestError(reason)
    if size == 0:
        raise IngestError("empty file")
    if size > caps.file_bytes:
        raise limits.too_large("file", size, caps.file_bytes)
    try:
        with path.open("rb") as handle:
            head = handle.read(65536)
            if fmt == "auto":
                fmt = detect_format(str(path), _peek(head))
            page = fmt in SINGLE_ARTICLE_FORMATS
            cap = caps.article_bytes if page else caps.file_bytes
            what = f"{fmt} page" if page else "file"
            if size > cap:
                raise limits.too_large(what, size, cap)
            if looks_binary(head):
                raise IngestError("binary file (contains NUL bytes); expected UTF-8 text")
            data = head + limits.read_capped(handle, max(cap - len(head), 0), what)
    except OSError as exc:
        raise IngestError(f"cannot read: {exc.strerror or exc}") from None
    try:
        original = decode_bytes(data)
    except DecodeError as exc:
        raise IngestError(str(exc)) from None
    del data
    if not original.strip():
        raise IngestError("file holds only whitespace")
    if page:
        limits.check_text(original)
    # Pages are canonicalised before cleaning; datasets are parsed as written (a U+2028 inside a
    # JSON string is not a line break) and each article's text is canonicalised by the store.
    source_text = canonicalise(original) if page else original
    drafts = _parse(source_text, fmt, str(path), field_map, records)
    if page:
        for draft in drafts:
            draft.raw = original
    for draft in drafts:
        draft.source_file = decoded_name(path.name)
    return fmt, drafts


def _peek(head: bytes) -> str:
    """Best-effort text of a file's first bytes, only for guessing its format."""
    for bom, codec in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            return head[2:].decode(codec, errors="ignore")
    return head.decode("utf-8", errors="ignore").lstrip("\ufeff")


def _parse(
    decoded: str,
    fmt: str,
    source: str,
    field_map: dict[str, str] | None,
    report: RecordReport | None = None,
) -> list[ArticleDraft]:
    """The drafts the format table's reader of article format `fmt` makes of `decoded`; each
    reader's module is imported only when its format is used."""
    try:
        row = input_format(fmt)
    except ValueError:
        row = None
    if row is None or row.kind != ARTICLES:
        raise IngestError(f"unknown format {fmt!r}")
    read = row.load_reader()
    if row.page:
        return [read(decoded, source)]
    drafts: list[ArticleDraft] = read(decoded, source, field_map, report)
    return drafts


def import_file(
    store: Store,
    path: Path,
    fmt: str = "auto",
    field_map: dict[str, str] | None = None,
    strict: bool = False,
) -> FileResult:
    """Import one file in one transaction; never raises for bad content.

    A dataset's bad records are left out and listed in the result (`skipped_records`); with
    `strict` the first one fails the whole file instead. A file whose every record is bad,
    or that is over a limit, fails and imports nothing.
    """
    from annotator.ingest.records import RecordReport  # noqa: PLC0415 - light start-up

    shown_format = fmt
    records = RecordReport(strict=strict)
    try:
        shown_format, drafts = read_drafts(path, fmt, field_map, records)
        results = store.add_articles(drafts)
    except IngestError as exc:
        return FileResult(str(path), shown_format, "failed", reason=str(exc))
    except (ValueError, RecursionError, MemoryError) as exc:
        return FileResult(str(path), shown_format, "failed", reason=_one_line(exc))
    except Exception as exc:  # noqa: BLE001 - damaged input must never reach the user raw
        reason = f"cannot import: {type(exc).__name__}: {_one_line(exc)}"
        return FileResult(str(path), shown_format, "failed", reason=reason)
    created = [r.id for r in results if r.created]
    duplicates = len(results) - len(created)
    status = "imported" if created else "duplicate"
    return FileResult(
        str(path),
        shown_format,
        status,
        len(created),
        duplicates,
        ids=[r.id for r in results],
        skipped_records=records.skipped[:MAX_SKIPPED_SHOWN],
        skipped_count=len(records.skipped),
        notes=list(records.notes),
    )


def import_paths(
    store: Store,
    paths: Iterable[str | Path],
    fmt: str = "auto",
    field_map: dict[str, str] | None = None,
    on_file: Callable[[FileResult], None] | None = None,
    strict: bool = False,
) -> ImportReport:
    """Import every file under `paths`; each file is one transaction, the batch goes on."""
    report = ImportReport()
    for path in iter_input_files(paths, report.files):
        result = import_file(store, path, fmt, field_map, strict)
        report.files.append(result)
        if on_file is not None:
            on_file(result)
    return report


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:300]
