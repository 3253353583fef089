"""Send each input to the right importer: article pages and datasets, or annotation files."""

from __future__ import annotations

from collections.abc import Iterable

from annotator.ingest import FileResult, iter_input_files
from annotator.ingest.annotation_detect import annotation_format
from annotator.ingest.annotations import AnnotationReport, import_annotations
from annotator.store import Store

ANNOTATION_FORMATS = ("doccano", "labelstudio", "brat")


def split_annotation_files(
    paths: Iterable[str], fmt: str = "auto", skipped: list[FileResult] | None = None
) -> tuple[list[str], dict[str, list[str]]]:
    """Article inputs, and annotation inputs by format: every input for doccano/labelstudio/
    brat; with auto, files whose content says so (see `annotation_detect`); with jsonl, our own
    export (records carrying "spans"). Links out of a folder go to `skipped` (see
    `iter_input_files`)."""
    if fmt in ANNOTATION_FORMATS:
        return [], {fmt: [str(p) for p in paths]}
    if fmt not in ("auto", "jsonl"):
        return [str(p) for p in paths], {}
    articles: list[str] = []
    annotations: dict[str, list[str]] = {}
    for path in iter_input_files(paths, skipped):
        found = annotation_format(path)
        if found is not None and (fmt == "auto" or found == "jsonl"):
            annotations.setdefault(found, []).append(str(path))
        else:
            articles.append(str(path))
    return articles, annotations


def import_annotation_groups(
    store: Store, groups: dict[str, list[str]], annotator: str | None
) -> AnnotationReport:
    """Import each format's files; one report for all of them."""
    total = AnnotationReport()
    for fmt, files in groups.items():
        part = import_annotations(store, files, fmt, annotator)
        total.files += part.files
        total.articles_created += part.articles_created
        total.articles_matched += part.articles_matched
        total.spans_added += part.spans_added
        total.spans_duplicate += part.spans_duplicate
        total.spans_snapped += part.spans_snapped
        total.labels_added.extend(k for k in part.labels_added if k not in total.labels_added)
        total.problems.extend(part.problems)
    return total
