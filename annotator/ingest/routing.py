"""Send each input to the right importer: article pages and datasets, or annotation files."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from annotator.formats.registry import ANNOTATIONS, AUTO, format_names, input_format
from annotator.ingest import FileResult, iter_input_files
from annotator.ingest.annotation_detect import annotation_format
from annotator.ingest.annotations import AnnotationReport, import_annotations
from annotator.store import Store

ANNOTATION_FORMATS = format_names(ANNOTATIONS)  # ("doccano", "labelstudio", "brat")


def split_annotation_files(
    paths: Iterable[str],
    fmt: str = "auto",
    skipped: list[FileResult] | None = None,
    field_map: dict[str, str] | None = None,
) -> tuple[list[str], dict[str, list[str]]]:
    """Article inputs, and annotation inputs by format (the format table's kinds): every
    input for an annotation format (doccano/labelstudio/brat); with auto, files whose content
    says so (see `annotation_detect`; `field_map` names doccano's columns); with an article
    format whose files may carry spans (jsonl), those that do (our own export: records with
    "spans"). A `NAME.txt` beside a brat `NAME.ann` is that annotation's text, not an
    article. Links out of a folder go to `skipped` (see `iter_input_files`)."""
    if fmt in ANNOTATION_FORMATS:
        return [], {fmt: [str(p) for p in paths]}
    if fmt != AUTO and not input_format(fmt).reads_spans:
        return [str(p) for p in paths], {}
    articles: list[Path] = []
    annotations: dict[str, list[str]] = {}
    for path in iter_input_files(paths, skipped):
        found = annotation_format(path, field_map)
        if found is not None and (fmt == AUTO or found == fmt):
            annotations.setdefault(found, []).append(str(path))
        else:
            articles.append(path)
    brat_texts = {str(Path(p).with_suffix(".txt")) for p in annotations.get("brat", [])}
    return [str(p) for p in articles if str(p) not in brat_texts], annotations


def import_annotation_groups(
    store: Store,
    groups: dict[str, list[str]],
    annotator: str | None,
    field_map: dict[str, str] | None = None,
) -> AnnotationReport:
    """Import each format's files; one report for all of them."""
    total = AnnotationReport()
    for fmt, files in groups.items():
        total.merge(import_annotations(store, files, fmt, annotator, field_map))
    return total
