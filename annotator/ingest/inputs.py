"""The one way in: `import_inputs(store, paths, options)` imports whatever the paths hold.

The command line, the window's Import dialogs and drag and drop all call it. Each input is
routed by the format table (`formats.registry`): a colleague's project file (SQLite header),
annotation files (content says doccano, Label Studio, brat or our own export), and everything
else as articles (pages and datasets). `ImportSummary.lines()` is the wording both show.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.display import printable_name
from annotator.formats.registry import AUTO, PROJECT, kind_of
from annotator.ingest import FileResult, ImportReport, import_paths, iter_input_files
from annotator.ingest.routing import import_annotation_groups, split_annotation_files
from annotator.store import Store

SHOWN_PER_FILE = 20  # skipped records listed per file in the text report (JSON keeps more)


@dataclass
class ImportOptions:
    """How to read the inputs: all default to "decide by content"."""

    format: str = AUTO
    field_map: dict[str, str] = field(default_factory=dict)  # FIELD -> COLUMN
    annotator: str | None = None  # whose spans files without names hold
    skip_layers: tuple[str, ...] = ()  # a colleague's project: layers not to bring in
    strict: bool = False  # a dataset's first bad record fails the whole file
    own_project: Path | None = None  # the open project: never imported into itself


@dataclass
class ProjectFailure:
    """A colleague's project file that could not be imported at all."""

    source: str
    path: str
    error: str

    def as_dict(self) -> dict[str, str]:
        """JSON-ready form."""
        return {"source": self.source, "path": self.path, "error": self.error}


@dataclass
class ImportSummary:
    """What one import brought in: articles, annotations and colleagues' projects."""

    articles: ImportReport = field(default_factory=ImportReport)
    annotations: Any = None  # AnnotationReport, when annotation files were given
    projects: list[Any] = field(default_factory=list)  # ProjectImportReport | ProjectFailure

    @property
    def empty(self) -> bool:
        """True when the paths held no file at all to import."""
        return not (self.articles.files or self.annotations is not None or self.projects)

    @property
    def ok(self) -> bool:
        """True when everything given was imported whole (or was already there)."""
        if self.empty:
            return False
        if self.articles.failed or self.articles.with_skipped_records:
            return False
        if self.annotations is not None and self.annotations.problems:
            return False
        return not any(isinstance(p, ProjectFailure) or p.problem_count for p in self.projects)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form: the article report's totals and files, plus the other parts."""
        data: dict[str, Any] = self.articles.as_dict()
        if self.annotations is not None:
            data["annotations"] = self.annotations.as_dict()
        if self.projects:
            data["projects"] = [p.as_dict() for p in self.projects]
        return data

    def lines(self, short_names: bool = False) -> list[str]:
        """The report as the user reads it, one finding per line, totals last per part;
        `short_names` names article files without their folders (the window's dialog)."""
        if self.empty:
            return ["nothing to import: no files found"]
        out: list[str] = []
        if self.articles.files:
            out += article_lines(self.articles, short_names)
        if self.annotations is not None:
            out += self.annotations.summary_lines()
        for item in self.projects:
            out += project_lines(item)
        return out

    def headline(self) -> str:
        """One line for a status bar."""
        parts = []
        totals = self.articles.totals()
        if self.articles.files:
            parts.append(
                f"{totals['imported']} articles imported, {totals['duplicates']} already here"
            )
            if totals["records_skipped"]:
                parts.append(_count(totals["records_skipped"], "bad record") + " skipped")
            if totals["failed"]:
                parts.append(_count(totals["failed"], "file") + " failed")
        if self.annotations is not None:
            parts.append(f"{self.annotations.spans_added} spans added")
            if self.annotations.problems:
                parts.append(f"{len(self.annotations.problems)} span problems")
        if self.projects:
            layers = [
                f"{layer.name} (+{layer.added} −{layer.removed})"
                for p in self.projects
                if not isinstance(p, ProjectFailure)
                for layer in p.layers
            ]
            parts.append(f"layers imported: {', '.join(layers) or 'none'}")
        return (", ".join(parts) or "Nothing to import: no files found") + "."


def import_inputs(
    store: Store,
    paths: Iterable[str | Path],
    options: ImportOptions | None = None,
    on_file: Callable[[FileResult], None] | None = None,
) -> ImportSummary:
    """Import every file under `paths` into `store`, each routed by format (see the module
    docstring); each file is all or nothing, and a failing file does not stop the rest.

    `on_file` is called after each article file (for a progress bar). Raises ValueError for
    an unknown `options.format` (before anything is read).
    """
    options = options or ImportOptions()
    kind = kind_of(options.format)  # ValueError for an unknown name
    skipped: list[FileResult] = []  # links out of a folder, not followed
    given = [str(p) for p in paths]
    projects, rest = _split_projects(given, options, skipped)
    if kind == PROJECT:
        projects, rest = given, []
    summary = ImportSummary()
    # "label" names a doccano column only; "text" serves datasets and doccano files alike.
    article_map = {k: v for k, v in options.field_map.items() if k != "label"}
    span_map = {k: v for k, v in options.field_map.items() if k in ("text", "label")}
    articles, groups = (
        split_annotation_files(rest, options.format, skipped, span_map or None)
        if rest
        else ([], {})
    )
    if articles:
        summary.articles = import_paths(
            store, articles, options.format, article_map or None, on_file, options.strict
        )
    if groups:
        summary.annotations = import_annotation_groups(
            store, groups, options.annotator, span_map or None
        )
    summary.articles.files[:0] = skipped
    summary.projects = [_import_project(store, p, options.skip_layers) for p in projects]
    return summary


def _split_projects(
    paths: list[str], options: ImportOptions, skipped: list[FileResult]
) -> tuple[list[str], list[str]]:
    """Which inputs are project databases (with auto: files starting with the SQLite header;
    their -wal/-shm/-journal companions are left out, and so is the open project when a
    folder being imported holds it), and the rest, unexpanded when the format is fixed."""
    if options.format != AUTO:
        return [], paths
    from annotator.ingest.project_db import same_file  # noqa: PLC0415
    from annotator.ingest.untrusted_db import is_sqlite_file  # noqa: PLC0415

    projects: list[str] = []
    rest: list[str] = []
    own = options.own_project
    for path in iter_input_files(paths, skipped):
        if is_sqlite_file(path):
            if own is None or str(path) in paths or not same_file(path, own):
                projects.append(str(path))
            continue
        base, dash, suffix = path.name.rpartition("-")
        if dash and suffix in ("wal", "shm", "journal") and is_sqlite_file(path.with_name(base)):
            continue
        rest.append(str(path))
    return projects, rest


def _import_project(store: Store, path: str, skip: tuple[str, ...]) -> Any:
    from annotator.ingest.project_db import (  # noqa: PLC0415
        ProjectImportError,
        import_project_db,
    )

    try:
        return import_project_db(store, path, skip)
    except ProjectImportError as exc:
        return ProjectFailure(Path(path).name, path, str(exc))


# -- wording ---------------------------------------------------------------------------------


def _count(n: int, thing: str) -> str:
    """ "1 file", "3 files"."""
    return f"{n} {thing}" if n == 1 else f"{n} {thing}s"


def article_lines(report: ImportReport, short_names: bool = False) -> list[str]:
    """A line per article file (and per record left out), then the totals."""
    out: list[str] = []
    for item in report.files:
        # A file name may hold newlines or bidi controls: always shown escaped.
        path = printable_name(Path(item.path).name if short_names else item.path)
        if item.status in ("failed", "skipped"):
            out.append(f"{item.status:10} {path}: {printable_name(item.reason)}")
            continue
        if item.status == "duplicate":
            out.append(f"duplicate  {path} ({item.duplicates} already in the project)")
        else:
            extra = f", {item.duplicates} duplicates" if item.duplicates else ""
            bad = f"; {item.skipped_count} bad records skipped" if item.skipped_count else ""
            out.append(f"imported   {path} ({item.imported} articles{extra}{bad})")
        out += [f"note       {path}: {printable_name(n)}" for n in item.notes]
        shown = item.skipped_records[:SHOWN_PER_FILE]
        out += [f"skipped    {path}: {printable_name(r)}" for r in shown]
        more = item.skipped_count - len(shown)
        if more > 0:
            out.append(f"skipped    {path}: ... and {more} more bad records")
    totals = report.totals()
    links = f", {len(report.skipped)} skipped" if report.skipped else ""
    records = totals["records_skipped"]
    bad = f", {records} bad records skipped" if records else ""
    out.append(
        f"{totals['imported']} imported, {totals['duplicates']} duplicates{bad}, "
        f"{totals['failed']} failed{links} ({totals['files']} files)"
    )
    return out


def project_lines(item: Any) -> list[str]:
    """The lines for one colleague's project file."""
    if isinstance(item, ProjectFailure):
        return [f"failed     {printable_name(item.error)}"]
    name = printable_name(item.source)
    out = [
        f"layer      {name}: {layer.name}: {layer.added} added, {layer.removed} removed, "
        f"{layer.updated} updated, {layer.unchanged} unchanged; {layer.statuses} statuses "
        f"set, document labels +{layer.doc_labels_added}/-{layer.doc_labels_removed}"
        + (f", {layer.relations} relations" if layer.relations else "")
        for layer in item.layers
    ]
    if item.actors_added:
        out.append(f"actors     {name}: {item.actors_added} added to the actor register")
    out += [f"skipped    {name}: layer {s.name}: {s.reason}" for s in item.skipped]
    out += [f"problem    {name}: {problem}" for problem in item.problems]
    if item.problems_omitted:
        out.append(f"problem    {name}: ... and {item.problems_omitted} more")
    if item.labels_added:
        out.append(f"new labels added to the scheme: {', '.join(item.labels_added)}")
    out.append(
        f"{name}: {len(item.layers)} layers imported, {len(item.skipped)} skipped, "
        f"{item.problem_count} problems; articles: {item.articles_matched} matched, "
        f"{item.articles_created} created"
    )
    return out
