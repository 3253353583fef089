"""Import annotations made elsewhere: our JSONL, doccano, Label Studio and brat standoff.

The files are read by the format table's readers (`formats.registry`: `formats.jsonl`,
`formats.doccano`, `formats.labelstudio`, `formats.brat`); this module checks what they read
and stores it.
Each input file (for brat: each `NAME.ann` + `NAME.txt` pair) is one transaction unit: all or
nothing. Its records are read, checked against their texts and staged a chunk at a time
(`CHUNK_RECORDS`, `ingest.annotation_unit`), so memory stays bounded whatever the file's size,
and the valid content is stored in ONE short write transaction at the end. Offending records
and spans are reported as `Problem`s (file, line, one-line reason) and skipped; a file that
cannot be parsed at all (wherever the damage is), has nothing importable, or has spans naming
no annotator when no default annotator is given, gives one Problem and imports nothing. What
the peers' files hold that cannot be stored here (relations, events, image regions ...) is
counted by kind in `AnnotationReport.not_imported`, never dropped silently.

Offsets in the source files are code points into the SOURCE text. The store keeps the canonical
text (`text.canonicalise`: LF line breaks, NFC, no BOM), whose length can differ (CRLF, the
precomposed য় ড় ঢ় U+09DF/U+09DC/U+09DD decompose, ে + া composes). Offsets are mapped with
`len(canonicalise(source[:offset]))` and the result is verified: the canonical slice must equal
the canonicalised source slice, and the span text the file gives (if any)
(`ingest.annotation_checks`).

Articles are matched by uid (when the record's text agrees) or by identical canonical text;
unknown articles are created. A span equal to a stored one (same article, annotator, label,
start and end) is counted as a duplicate and not added again, so importing a file twice adds
nothing. Nothing already in the store is changed: statuses are only set where none is recorded.
Spans keep the `created`/`updated` times our JSONL gives; other formats have none (import time).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

from annotator.formats.registry import input_format, span_format_names
from annotator.ingest.annotation_model import (
    NO_ANNOTATOR,
    AnnotationReport,
    Parsed,
    Problem,
    Unit,
    failure_reason,
)
from annotator.ingest.annotation_unit import UnitImport
from annotator.store import Store
from annotator.text import OffsetMap

__all__ = [
    "CHUNK_RECORDS",
    "FORMATS",
    "NO_ANNOTATOR",
    "AnnotationReport",
    "OffsetMap",
    "Problem",
    "import_annotations",
]

FORMATS = span_format_names()  # ("jsonl", "doccano", "labelstudio", "brat")
CHUNK_RECORDS = 2000  # records checked and staged at a time


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
    # A chunk's records and spans are a few objects per span; with collection on, the full
    # GC passes over them take about a fifth of the import's time.
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
    """Read, check and stage `unit` a chunk at a time, then store it in one transaction; a
    reader that fails part way (damage, a limit) leaves one problem and nothing stored."""
    job = UnitImport(store, unit.name, default)
    docs = iter(unit.parsed.docs)
    while True:
        try:
            chunk = list(islice(docs, CHUNK_RECORDS))
        except Exception as exc:  # noqa: BLE001 - a damaged file must never reach the user raw
            job.discard()
            report.problems.append(Problem(unit.name, None, failure_reason(exc)))
            return
        if not chunk:
            break
        job.add(chunk)
    job.finish(unit.parsed, report)
