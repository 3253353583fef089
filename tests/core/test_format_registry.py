"""The format table: each format it reads and writes round-trips a small project through the
table's own writer and reader; the command line and the format package list its rows."""

from __future__ import annotations

import pkgutil
from pathlib import Path

import click
import pytest

import annotator.formats
from annotator.cli import cli
from annotator.export import EXTENSIONS, FORMATS
from annotator.export.selection import iter_export_items
from annotator.formats import registry
from annotator.ingest import import_file
from annotator.ingest.annotations import import_annotations
from annotator.ingest.routing import ANNOTATION_FORMATS
from annotator.models import ArticleDraft
from annotator.store import Store
from annotator.text import canonicalise

# Astral emoji, a conjunct, a precomposed য় (decomposed by the store), a line break inside a
# span (brat writes it as two fragments), spans overlapping, two annotators.
FIRST = "ঢাকায় আজ 😀 কিম জং উন রাশি\u09dfায় গেছেন।\nপরে তিনি ফিরবেন বলে জানা গেছে।"
SECOND = "চট্টগ্রামে বৃষ্টি হয়েছে; ক্ষতি হয়নি।"
ANNOTATOR_NAME = "ফাতেমা"  # the name given to spans of files that carry none (doccano)


def _at(text: str, piece: str) -> tuple[int, int]:
    piece = canonicalise(piece)
    start = text.index(piece)
    return start, start + len(piece)


@pytest.fixture
def project():
    with Store() as store:
        first, second = store.add_articles(
            [ArticleDraft(text=FIRST, title="প্রথম"), ArticleDraft(text=SECOND, title="দ্বিতীয়")]
        )
        one = store.article(first.id).text
        two = store.article(second.id).text
        store.add_span(first.id, "rina", "person", *_at(one, "কিম জং উন"),
                       attrs={"certainty": "reported"}, note="নোট")  # fmt: skip
        store.add_span(first.id, "tom", "visit", *_at(one, "জং উন রাশি\u09dfায় গেছেন।\nপরে"))
        store.add_span(first.id, "tom", "emoji", *_at(one, "😀"))
        store.add_span(second.id, "rina", "দাবি", *_at(two, "ক্ষতি হয়নি"))
        yield store


def _spans(store: Store) -> set[tuple[str, str, int, int, str]]:
    return {
        (item.article.text, s.label, s.start, s.end, s.text)
        for item in iter_export_items(store)
        for s in item.spans
    }


ROUND_TRIPS = [f for f in registry.FORMATS if f.writable and f.reads_spans]


def test_the_formats_that_are_written_and_read_are_the_ones_that_round_trip():
    both = {f.name for f in registry.FORMATS if f.writable and f.readable}
    assert {f.name for f in ROUND_TRIPS} == {"jsonl", "doccano", "labelstudio", "brat"}
    # CSV is read as an article dataset; the span rows it writes are not read back as spans,
    # and the table says so where people read it.
    assert both - {f.name for f in ROUND_TRIPS} == {"csv"}
    assert "not read back" in registry.output_format("csv").detection


@pytest.mark.parametrize("fmt", ROUND_TRIPS, ids=lambda f: f.name)
def test_a_project_round_trips_through_the_tables_writer_and_reader(project, tmp_path, fmt):
    out = tmp_path / f"project{fmt.export_extension or '_folder'}"
    written = fmt.load_writer()(iter_export_items(project), out, None)
    assert written == 4

    units = list(fmt.load_span_reader()(out, None, set()))
    assert all(not unit.parsed.problems for unit in units)
    docs = [doc for unit in units for doc in unit.parsed.docs]
    stored = sorted(item.article.text for item in iter_export_items(project))
    assert sorted(doc.text or "" for doc in docs) == stored
    assert sum(len(doc.spans) for doc in docs) == 4

    with Store() as fresh:
        report = import_annotations(fresh, [out], fmt.name, ANNOTATOR_NAME)
        assert report.problems == [] and report.spans_added == 4
        assert _spans(fresh) == _spans(project)
        again = import_annotations(fresh, [out], fmt.name, ANNOTATOR_NAME)
        assert again.spans_added == 0 and again.spans_duplicate == 4


def test_every_reader_and_writer_the_table_names_can_be_loaded():
    for fmt in registry.FORMATS:
        assert fmt.readable or fmt.writable, fmt.name
        if fmt.readable:
            assert callable(fmt.load_reader()), fmt.name
        if fmt.reads_spans:
            assert callable(fmt.load_span_reader()), fmt.name
        if fmt.writable:
            assert callable(fmt.load_writer()), fmt.name
            assert fmt.export_title, fmt.name
        else:
            with pytest.raises(ValueError, match="is not written"):
                fmt.load_writer()
        assert fmt.detection, fmt.name


def test_every_module_of_the_formats_package_is_in_the_table():
    modules = {i.name for i in pkgutil.iter_modules(annotator.formats.__path__)} - {"registry"}
    named = {
        ref.partition(":")[0].removeprefix("annotator.formats.")
        for fmt in registry.FORMATS
        for ref in (fmt.reader, fmt.span_reader, fmt.writer, fmt.row_writer)
        if ref.startswith("annotator.formats.")
    }
    assert modules == named
    for fmt in registry.FORMATS:  # a row names only its own module in the package
        refs = (fmt.reader, fmt.span_reader, fmt.writer, fmt.row_writer)
        inside = [r for r in refs if r.startswith("annotator.formats.")]
        assert all(r.startswith(f"annotator.formats.{fmt.name}:") for r in inside), fmt.name


def _choices(command: str) -> tuple[str, ...]:
    option = next(p for p in cli.commands[command].params if p.name in ("fmt", "format"))
    assert isinstance(option.type, click.Choice)
    return tuple(option.type.choices)


def test_the_command_lines_format_choices_are_the_tables():
    assert _choices("import") == registry.choices()
    assert _choices("export") == registry.export_names()
    named = set(_choices("import")) | set(_choices("export"))
    assert named - {registry.AUTO} <= {f.name for f in registry.FORMATS}


def test_the_importer_and_exporter_read_the_same_table():
    assert tuple(FORMATS) == registry.export_names()
    assert EXTENSIONS == {f.name: f.export_extension for f in registry.OUTPUT_FORMATS}
    assert ANNOTATION_FORMATS == registry.format_names(registry.ANNOTATIONS)
    assert registry.output_format("brat").to_folder and not registry.output_format("csv").to_folder
    with pytest.raises(ValueError, match="unknown export format 'html'"):
        registry.output_format("html")
    with pytest.raises(ValueError, match="unknown format 'conll'"):
        registry.input_format("conll")
    assert registry.not_read_reason(".CONLL") == registry.output_format("conll").not_read


def test_an_export_only_format_is_refused_on_import_with_its_reason(tmp_path):
    path: Path = tmp_path / "tokens.conll"
    path.write_text("ঢাকায়\tB-LOC\n", encoding="utf-8")
    with Store() as store:
        result = import_file(store, path)
    assert result.status == "failed" and result.reason.startswith("CoNLL token files")
