"""Import files into the store: walk paths, pick a parser, store each file atomically, report."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from annotator.ingest.detect import detect_format
from annotator.ingest.errors import IngestError
from annotator.models import ArticleDraft
from annotator.store import Store
from annotator.text import DecodeError, canonicalise, decode_bytes, looks_binary

# A single page bigger than this is not a news article; a dataset bigger than this does not
# fit the all-or-nothing-per-file promise in memory.
MAX_PAGE_BYTES = 20 * 1024 * 1024
MAX_DATASET_BYTES = 1024 * 1024 * 1024
SINGLE_ARTICLE_FORMATS = ("text", "html")


@dataclass
class FileResult:
    """Outcome of importing one file: `status` is imported, duplicate or failed."""

    path: str
    format: str
    status: str
    imported: int = 0
    duplicates: int = 0
    reason: str = ""
    ids: list[int] = field(default_factory=list)


@dataclass
class ImportReport:
    """Outcome of one import run."""

    files: list[FileResult] = field(default_factory=list)

    @property
    def failed(self) -> list[FileResult]:
        """Files that imported nothing because of an error."""
        return [f for f in self.files if f.status == "failed"]

    def totals(self) -> dict[str, int]:
        """Counts of articles imported, duplicates skipped, and files failed."""
        return {
            "files": len(self.files),
            "imported": sum(f.imported for f in self.files),
            "duplicates": sum(f.duplicates for f in self.files),
            "failed": len(self.failed),
        }

    def as_dict(self) -> dict[str, object]:
        """JSON-ready form: totals plus one entry per file."""
        return {"totals": self.totals(), "files": [asdict(f) for f in self.files]}


def iter_input_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Expand files and folders (recursively, sorted, hidden entries skipped) into files.

    A path that does not exist is yielded as is, so the caller reports it.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield Path(root) / name
        else:
            yield path


def read_drafts(
    path: Path, fmt: str = "auto", field_map: dict[str, str] | None = None
) -> tuple[str, list[ArticleDraft]]:
    """Read and parse one file into drafts; raise IngestError with a one-line reason."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise IngestError("no such file") from None
    except OSError as exc:
        raise IngestError(f"cannot read: {exc.strerror or exc}") from None
    if not path.is_file():
        raise IngestError("not a regular file")
    if size == 0:
        raise IngestError("empty file")
    if size > MAX_DATASET_BYTES:
        raise IngestError(
            f"file too large ({size / 2**20:.0f} MB; limit {MAX_DATASET_BYTES >> 20} MB)"
        )
    try:
        with path.open("rb") as handle:
            head = handle.read(65536)
            if fmt == "auto":
                fmt = detect_format(str(path), _peek(head))
            if fmt in SINGLE_ARTICLE_FORMATS and size > MAX_PAGE_BYTES:
                raise IngestError(
                    f"too large for one {fmt} page ({size / 2**20:.0f} MB;"
                    f" limit {MAX_PAGE_BYTES >> 20} MB)"
                )
            if looks_binary(head):
                raise IngestError("binary file (contains NUL bytes); expected UTF-8 text")
            data = head + handle.read()
    except OSError as exc:
        raise IngestError(f"cannot read: {exc.strerror or exc}") from None
    try:
        original = decode_bytes(data)
    except DecodeError as exc:
        raise IngestError(str(exc)) from None
    if not original.strip():
        raise IngestError("file holds only whitespace")
    # Pages are canonicalised before cleaning; datasets are parsed as written (a U+2028 inside a
    # JSON string is not a line break) and each article's text is canonicalised by the store.
    source_text = canonicalise(original) if fmt in SINGLE_ARTICLE_FORMATS else original
    drafts = _parse(source_text, fmt, str(path), field_map)
    if fmt in SINGLE_ARTICLE_FORMATS:
        for draft in drafts:
            draft.raw = original
    for draft in drafts:
        draft.source_file = path.name
    return fmt, drafts


def _peek(head: bytes) -> str:
    """Best-effort text of a file's first bytes, only for guessing its format."""
    for bom, codec in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            return head[2:].decode(codec, errors="ignore")
    return head.decode("utf-8", errors="ignore").lstrip("\ufeff")


def _parse(
    decoded: str, fmt: str, source: str, field_map: dict[str, str] | None
) -> list[ArticleDraft]:
    # Imported here so that each parser's dependencies load only when that format is used.
    if fmt == "text":
        from annotator.ingest.scraped import parse_scraped

        return [parse_scraped(decoded, source)]
    if fmt == "html":
        from annotator.ingest.html import parse_html

        return [parse_html(decoded, source)]
    if fmt in ("jsonl", "json", "csv"):
        from annotator.ingest import records

        parser = {
            "jsonl": records.parse_jsonl,
            "json": records.parse_json,
            "csv": records.parse_csv,
        }[fmt]
        return parser(decoded, source, field_map)
    raise IngestError(f"unknown format {fmt!r}")


def import_file(
    store: Store, path: Path, fmt: str = "auto", field_map: dict[str, str] | None = None
) -> FileResult:
    """Import one file in one transaction; never raises for bad content."""
    shown_format = fmt
    try:
        shown_format, drafts = read_drafts(path, fmt, field_map)
        results = store.add_articles(drafts)
    except IngestError as exc:
        return FileResult(str(path), shown_format, "failed", reason=str(exc))
    except (ValueError, RecursionError, MemoryError) as exc:
        return FileResult(str(path), shown_format, "failed", reason=_one_line(exc))
    created = [r.id for r in results if r.created]
    duplicates = len(results) - len(created)
    status = "imported" if created else "duplicate"
    return FileResult(
        str(path), shown_format, status, len(created), duplicates, ids=[r.id for r in results]
    )


def import_paths(
    store: Store,
    paths: Iterable[str | Path],
    fmt: str = "auto",
    field_map: dict[str, str] | None = None,
    on_file: Callable[[FileResult], None] | None = None,
) -> ImportReport:
    """Import every file under `paths`; each file is all-or-nothing, the batch goes on."""
    report = ImportReport()
    for path in iter_input_files(paths):
        result = import_file(store, path, fmt, field_map)
        report.files.append(result)
        if on_file is not None:
            on_file(result)
    return report


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:300]
