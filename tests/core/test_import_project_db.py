"""Importing a colleague's layers from their project database file (untrusted input)."""

from __future__ import annotations

import hashlib
import random
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.ingest.errors import IngestError
from annotator.ingest.project_db import (
    ProjectImportError,
    ProjectImportReport,
    import_project_db,
    open_untrusted,
)
from annotator.models import Actor, ArticleDraft
from annotator.store import Store

TEXT_A = "কিম জং উন রাশিয়া যাবেন। 😀 পুতিন বলেছেন, নতুন চুক্তি হবে।\nদ্বিতীয় অনুচ্ছেদ।"
TEXT_B = "অন্য খবর: ঢাকায় বৃষ্টি 🌧 হবে। আবহাওয়া অফিস জানিয়েছে।"
TEXT_C = "তৃতীয় খবর: এটি কেবল সহকর্মীর প্রকল্পে আছে।"
ORIGIN = "project:colleague.db"


def _at(text: str, piece: str) -> tuple[int, int]:
    start = text.index(piece)
    return start, start + len(piece)


def _make_colleague(path: Path) -> Path:
    """Ravi and mita's project: three articles, two layers, a gold span, statuses, doc label."""
    with Store(path) as store:
        a, b, c = (r.id for r in store.add_articles([
            ArticleDraft(text=TEXT_A, title="কিম রাশিয়ায়", outlet="প্রথম আলো", url="https://x/a"),
            ArticleDraft(text=TEXT_B, title="বৃষ্টি", published="2025-08-01T09:00:00+06:00",
                         byline="নিজস্ব প্রতিবেদক", meta={"section": "দেশ"}),
            ArticleDraft(text=TEXT_C, title="তৃতীয়"),
        ]))  # fmt: skip
        store.add_span(a, "ravi", "claim", *_at(TEXT_A, "কিম জং উন রাশিয়া যাবেন"),
                       {"certainty": "reported", "actors": ["কিম"]}, "একটি নোট")  # fmt: skip
        store.add_span(a, "ravi", "actor", *_at(TEXT_A, "পুতিন"))
        store.add_span(a, "ravi", "claim", *_at(TEXT_A, "নতুন চুক্তি হবে"))
        store.add_span(b, "ravi", "claim", *_at(TEXT_B, "ঢাকায় বৃষ্টি 🌧 হবে"))
        store.add_span(a, "mita", "claim", *_at(TEXT_A, "পুতিন বলেছেন"))
        store.add_span(c, "mita", "actor", *_at(TEXT_C, "সহকর্মীর"))
        store.add_span(a, "gold", "claim", *_at(TEXT_A, "কিম জং উন রাশিয়া যাবেন"))
        store.set_status(a, "ravi", "done")
        store.set_status(b, "mita", "in_progress")
        store.set_doc_label(a, "mita", "topic", True)
    return path


@pytest.fixture
def colleague(tmp_path: Path) -> Path:
    return _make_colleague(tmp_path / "colleague.db")


@pytest.fixture
def ours(tmp_path: Path):
    """Our project: article A (shared with the colleague) with a manual span by nadia."""
    with Store(tmp_path / "ours.db") as store:
        (added,) = store.add_articles([ArticleDraft(text=TEXT_A, title="আমাদের শিরোনাম")])
        store.add_span(added.id, "nadia", "claim", *_at(TEXT_A, "রাশিয়া যাবেন"), {"k": 1})
        yield store


def _digest(path: Path) -> str:
    """Hash of a database file and its -wal / -shm companions (whichever exist)."""
    digest = hashlib.sha256()
    for suffix in ("", "-wal", "-shm", "-journal"):
        companion = Path(str(path) + suffix)
        digest.update(suffix.encode() + (companion.read_bytes() if companion.exists() else b"-"))
    return digest.hexdigest()


def _dump(store: Store) -> str:
    return "\n".join(store.db.conn.iterdump())


def _layer(store: Store, name: str) -> list[tuple]:
    """A layer as comparable rows: (article uid, label, start, end, text, attrs, note, times)."""
    rows = []
    for article in store.articles():
        uid = article.uid
        for s in store.spans(article.id, name):
            rows.append((uid, s.label, s.start, s.end, s.text, s.attrs, s.note, s.created,
                         s.updated))  # fmt: skip
    return sorted(rows, key=repr)


def _their_layer(path: Path, name: str) -> list[tuple]:
    with Store(path) as store:
        return _layer(store, name)


def _raw(path: Path) -> sqlite3.Connection:
    """A plain writable connection to a test file, to make it hostile."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    return conn


# -- importing their layers ------------------------------------------------------------------


def test_import_brings_their_layers_and_leaves_theirs_and_ours_alone(ours, colleague):
    expected = {name: _their_layer(colleague, name) for name in ("ravi", "mita")}
    nadia_before = ours.spans(1, "nadia")
    before = _digest(colleague)

    report = import_project_db(ours, colleague)

    assert _digest(colleague) == before
    assert isinstance(report, ProjectImportReport)
    assert [layer.name for layer in report.layers] == ["mita", "ravi"]
    by_name = {layer.name: layer for layer in report.layers}
    assert (by_name["ravi"].added, by_name["ravi"].removed, by_name["ravi"].unchanged) == (4, 0, 0)
    assert by_name["ravi"].articles == 2 and by_name["ravi"].statuses == 1
    assert (by_name["mita"].added, by_name["mita"].doc_labels_added) == (2, 1)
    assert [(s.name, s.reason) for s in report.skipped] == [
        ("gold", "their adjudicated layer is not imported")
    ]
    assert (report.articles_matched, report.articles_created) == (1, 2)
    assert report.problems == []
    assert "topic" in report.labels_added
    assert {label.key: label.kind for label in ours.labels()}["topic"] == "doc"

    for name in ("ravi", "mita"):
        assert _layer(ours, name) == expected[name]
    assert ours.layers() == ["mita", "nadia", "ravi"]  # no gold came in
    assert ours.spans(1, "nadia") == nadia_before
    assert {s.origin for name in ("ravi", "mita") for a in ours.articles()
            for s in ours.spans(a.id, name)} == {ORIGIN}  # fmt: skip
    assert ours.article(1).title == "আমাদের শিরোনাম"  # matched article kept as it was
    created = ours.article_by_text(TEXT_B)
    assert (created.title, created.byline, created.meta) == ("বৃষ্টি", "নিজস্ব প্রতিবেদক",
                                                             {"section": "দেশ"})  # fmt: skip
    assert created.published == "2025-08-01T09:00:00+06:00"
    assert ours.statuses(1) == {"ravi": "done"}
    assert ours.statuses(created.id) == {"mita": "in_progress"}
    assert ours.doc_labels(1) == [("mita", "topic")]


def test_reimport_mirrors_their_edits_without_duplicates(ours, colleague):
    import_project_db(ours, colleague)
    ids = {(s.label, s.start, s.end): s.id for s in ours.spans(1, "ravi")}
    nadia_before = ours.spans(1, "nadia")
    with Store(colleague) as theirs:
        spans = theirs.spans(1, "ravi")
        deleted = next(s for s in spans if s.label == "actor")
        changed = next(s for s in spans if s.text == "নতুন চুক্তি হবে")
        kept = next(s for s in spans if s.note == "একটি নোট")
        theirs.delete_span(deleted.id)
        theirs.update_span(changed.id, attrs={"certainty": "confirmed"})
        theirs.add_span(1, "ravi", "claim", *_at(TEXT_A, "দ্বিতীয় অনুচ্ছেদ"))
        theirs.set_status(1, "ravi", "in_progress")
        theirs.set_doc_label(1, "mita", "topic", False)
        theirs.set_doc_label(1, "mita", "other", True)
    expected = _their_layer(colleague, "ravi")

    report = import_project_db(ours, colleague)

    ravi = next(layer for layer in report.layers if layer.name == "ravi")
    assert (ravi.added, ravi.removed, ravi.updated, ravi.unchanged) == (1, 1, 1, 2)
    assert ravi.statuses == 1
    mita = next(layer for layer in report.layers if layer.name == "mita")
    assert (mita.added, mita.removed, mita.unchanged) == (0, 0, 2)
    assert (mita.doc_labels_added, mita.doc_labels_removed) == (1, 1)
    assert _layer(ours, "ravi") == expected
    now = {(s.label, s.start, s.end): s for s in ours.spans(1, "ravi")}
    assert now[(kept.label, kept.start, kept.end)].id == ids[(kept.label, kept.start, kept.end)]
    assert now[(changed.label, changed.start, changed.end)].attrs == {"certainty": "confirmed"}
    assert (
        now[(changed.label, changed.start, changed.end)].id
        == ids[(changed.label, changed.start, changed.end)]
    )
    assert (deleted.label, deleted.start, deleted.end) not in now
    assert ours.spans(1, "nadia") == nadia_before
    assert ours.statuses(1)["ravi"] == "in_progress"
    assert ours.doc_labels(1, "mita") == [("mita", "other")]
    assert ours.article_count() == 3

    again = import_project_db(ours, colleague)
    assert all(layer.added == layer.removed == layer.updated == 0 for layer in again.layers)
    assert _layer(ours, "ravi") == expected


def test_a_layer_they_emptied_is_emptied_here(ours, colleague):
    import_project_db(ours, colleague)
    with Store(colleague) as theirs:
        for article in theirs.articles():
            for span in theirs.spans(article.id, "mita"):
                theirs.delete_span(span.id)
        theirs.set_doc_label(1, "mita", "topic", False)
        theirs.db.execute("DELETE FROM article_status WHERE annotator = 'mita'")
    report = import_project_db(ours, colleague)
    mita = next(layer for layer in report.layers if layer.name == "mita")
    assert (mita.added, mita.removed, mita.doc_labels_removed) == (0, 2, 1)
    assert _layer(ours, "mita") == []


def test_skip_list_is_respected(ours, colleague):
    report = import_project_db(ours, colleague, skip=["  Ravi "])
    assert [layer.name for layer in report.layers] == ["mita"]
    assert ("ravi", "skipped on request") in [(s.name, s.reason) for s in report.skipped]
    assert _layer(ours, "ravi") == []
    assert "ravi" not in ours.statuses(1)


def test_a_layer_named_like_our_own_work_is_not_overwritten(ours, colleague):
    ours.add_span(1, "mita", "actor", *_at(TEXT_A, "কিম"))  # made here, origin manual
    before = _layer(ours, "mita")

    report = import_project_db(ours, colleague)

    skipped = {s.name: s.reason for s in report.skipped}
    assert "of its own" in skipped["mita"] and "manual" in skipped["mita"]
    assert _layer(ours, "mita") == before
    assert ours.doc_labels(1, "mita") == []
    assert [layer.name for layer in report.layers] == ["ravi"]


def test_a_layer_imported_from_a_file_earlier_is_replaced(ours, colleague):
    ours.insert_spans(1, [("ravi", "claim", 0, 3, {}, "", "import")])
    report = import_project_db(ours, colleague)
    ravi = next(layer for layer in report.layers if layer.name == "ravi")
    assert ravi.removed == 1
    assert _layer(ours, "ravi") == _their_layer(colleague, "ravi")


def test_live_colleague_project_with_wal_is_read_and_left_unchanged(tmp_path, ours):
    path = tmp_path / "colleague.db"
    with Store(path) as theirs:  # still open: the last writes sit in colleague.db-wal
        (article,) = theirs.add_articles([ArticleDraft(text=TEXT_C)])
        theirs.add_span(article.id, "ravi", "claim", *_at(TEXT_C, "তৃতীয় খবর"))
        assert Path(f"{path}-wal").stat().st_size > 0
        before = _digest(path)
        report = import_project_db(ours, path)
        assert _digest(path) == before
    assert report.layers[0].added == 1
    assert [s.text for s in ours.spans(ours.article_by_text(TEXT_C).id, "ravi")] == ["তৃতীয় খবর"]


def test_their_non_canonical_text_is_mapped(tmp_path, ours):
    path = _make_colleague(tmp_path / "colleague.db")
    raw_text = "এক\r\nদুই তিন। শেষ"  # CRLF: the canonical text is one code point shorter
    with _raw(path) as conn:
        conn.execute("UPDATE articles SET text = ? WHERE id = 3", [raw_text])
        conn.execute(
            'UPDATE spans SET start = ?, "end" = ?, text = ? WHERE article_id = 3',
            [*_at(raw_text, "দুই তিন"), "দুই তিন"],
        )
    report = import_project_db(ours, path)
    assert report.problems == []
    article = ours.article_by_text("এক\nদুই তিন। শেষ")
    (span,) = ours.spans(article.id, "mita")
    assert (span.start, span.end, span.text) == (3, 10, "দুই তিন")


def test_importing_the_open_project_itself_is_refused(ours):
    with pytest.raises(ProjectImportError, match="open project itself"):
        import_project_db(ours, ours.path)


def test_an_unexpected_failure_leaves_our_store_as_it_was(ours, colleague, monkeypatch):
    before = _dump(ours)
    calls = []
    original = Store.replace_layer

    def failing(self, *args, **kwargs):
        calls.append(args)
        if len(calls) == 2:
            raise RuntimeError("disk on fire")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Store, "replace_layer", failing)
    with pytest.raises(ProjectImportError, match="colleague.db: nothing imported .disk on fire"):
        import_project_db(ours, colleague)
    assert _dump(ours) == before


# -- rows with wrong types and offsets: partial import with problems ---------------------------


def test_bad_rows_are_reported_and_the_rest_import(ours, colleague):
    with _raw(colleague) as conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        insert = (
            'INSERT INTO spans (id, article_id, annotator, label, start, "end", text, attrs, note,'
            " origin, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 't', 't')"
        )
        bad = {
            101: [1, "ravi", "claim", "abc", 5, "x", "{}", "", "manual"],  # offset not int
            102: [1, "ravi", "claim", 1.5, 5, "x", "{}", "", "manual"],  # offset real
            103: [1, "ravi", "claim", 5, 100000, "x", "{}", "", "manual"],  # end out of range
            104: [1, "ravi", "claim", 0, 3, "not the text", "{}", "", "manual"],  # text mismatch
            105: [1, "ravi", "", 0, 3, TEXT_A[0:3], "{}", "", "manual"],  # empty label
            106: [1, b"ravi", "claim", 0, 3, TEXT_A[0:3], "{}", "", "manual"],  # blob annotator
            107: [1, "ravi", "claim", 0, 3, TEXT_A[0:3], "[1]", "", "manual"],  # attrs not object
            108: [1, "ravi", "claim", 0, 3, TEXT_A[0:3], "{", "", "manual"],  # attrs not JSON
            109: [999, "ravi", "claim", 0, 3, TEXT_A[0:3], "{}", "", "manual"],  # no article
            110: [1, "ravi", b"\x00claim", 0, 3, TEXT_A[0:3], "{}", "", "manual"],  # blob label
            111: [1, "x" * 500, "claim", 0, 3, TEXT_A[0:3], "{}", "", "manual"],  # long name
            112: [1, "ravi\nevil", "claim", 0, 3, TEXT_A[0:3], "{}", "", "manual"],  # control ch
        }
        for row_id, values in bad.items():
            conn.execute(insert, [row_id, *values])
        conn.execute(
            "INSERT INTO articles (id, uid, text, imported_at) VALUES (50, 'u', X'00ff', 't')"
        )
        conn.execute(
            "INSERT INTO article_status VALUES"
            " (2, 'ravi', 'weird', 't'), (999, 'ravi', 'done', 't')"
        )
        good_start, good_end = _at(TEXT_A, "দ্বিতীয়")
        conn.execute(insert, [120, 1, "ravi", "claim", good_start, good_end, "দ্বিতীয়",
                              '{"a": 1}', "", "manual"])  # fmt: skip

    report = import_project_db(ours, colleague)

    problems = "\n".join(report.problems)
    for row_id in bad:
        assert f"spans #{row_id}: " in problems, row_id
    assert "articles #50: text is bytes, not text" in problems
    assert "article_status (article #2, 'ravi'): unknown status 'weird'" in problems
    assert "article #999 was not imported" in problems
    assert all("\n" not in p for p in report.problems)
    assert len(report.problems) == len(bad) + 3
    ravi = _layer(ours, "ravi")
    assert len(ravi) == 5  # the four good ones plus row 120
    assert any(row[4] == "দ্বিতীয়" and row[5] == {"a": 1} for row in ravi)


# -- hostile files: refused with one clear line, nothing changed ------------------------------


def _foreign(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)")
        conn.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, total REAL)")
        conn.execute("INSERT INTO users VALUES (1, 'x')")
    conn.close()


def _zip(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("colleague.db", b"SQLite format 3\x00" + b"\x00" * 200)


def _truncated(path: Path) -> None:
    _make_colleague(path)
    data = path.read_bytes()
    path.write_bytes(data[: 4096 * 3 + 100])


def _alter(sql: str) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        _make_colleague(path)
        with _raw(path) as conn:
            conn.executescript(sql)
        conn.close()

    return make


HOSTILE: dict[str, tuple[Callable[[Path], None], str]] = {
    "empty": (lambda p: p.write_bytes(b""), "colleague.db: empty file"),
    "random": (
        lambda p: p.write_bytes(random.Random(7).randbytes(5000)),
        "colleague.db: not an SQLite database",
    ),
    "text": (
        lambda p: p.write_text("কিম জং উন রাশিয়া যাবেন।\n", encoding="utf-8"),
        "colleague.db: not an SQLite database (it is a text file)",
    ),
    "zip": (_zip, "colleague.db: not an SQLite database (it is a zip archive)"),
    "header only": (
        lambda p: p.write_bytes(b"SQLite format 3\x00\x10\x00"),
        "colleague.db: damaged SQLite file (incomplete header)",
    ),
    "truncated": (_truncated, "colleague.db: damaged SQLite file ("),
    "foreign": (_foreign, "colleague.db: not an annotator project (no table 'articles')"),
    "spans view": (
        _alter(
            "DROP TABLE spans; CREATE VIEW spans AS SELECT id, id AS article_id, 'x' AS annotator,"
            " 'claim' AS label, 0 AS start, 1 AS \"end\", '' AS text, '{}' AS attrs, '' AS note,"
            " 'manual' AS origin, '' AS created, '' AS updated FROM articles;"
        ),
        "colleague.db: 'spans' is a view, not a table; refusing to read it",
    ),
    "no migration set": (
        _alter("UPDATE _sqlite_migrations SET migration_set = 'someone_else';"),
        "colleague.db: not an annotator project (no 'annotator' migration set in"
        " _sqlite_migrations)",
    ),
    "no migrations table": (
        _alter("DROP TABLE _sqlite_migrations;"),
        "colleague.db: not an annotator project (no table '_sqlite_migrations')",
    ),
    "missing column": (
        _alter("ALTER TABLE spans DROP COLUMN note;"),
        "colleague.db: not an annotator project ('spans' has no column 'note')",
    ),
    "generated column": (
        _alter("ALTER TABLE spans ADD COLUMN g TEXT GENERATED ALWAYS AS (upper(label)) VIRTUAL;"),
        "colleague.db: 'spans' has a generated column 'g'; refusing to read it",
    ),
    "virtual table": (
        _alter(
            "DROP TABLE doc_labels; CREATE VIRTUAL TABLE doc_labels USING"
            " fts5(id, article_id, annotator, label);"
        ),
        "colleague.db: 'doc_labels' is a virtual or unusual table; refusing to read it",
    ),
    "index named like a table": (
        _alter("DROP TABLE doc_labels; CREATE INDEX doc_labels ON spans(label);"),
        "colleague.db: not an annotator project ('doc_labels' is an index)",
    ),
}


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_hostile_file_is_refused_with_one_clear_line(kind, tmp_path, ours):
    make, message = HOSTILE[kind]
    path = tmp_path / "colleague.db"
    make(path)
    before_ours, before_theirs = _dump(ours), _digest(path)

    with pytest.raises(ProjectImportError) as caught:
        import_project_db(ours, path)

    text = str(caught.value)
    assert text.startswith(message), text
    assert "\n" not in text
    assert isinstance(caught.value, IngestError)
    assert _dump(ours) == before_ours
    assert _digest(path) == before_theirs


def test_missing_file_and_folder(tmp_path, ours):
    with pytest.raises(ProjectImportError, match="nothing.db: no such file"):
        import_project_db(ours, tmp_path / "nothing.db")
    with pytest.raises(ProjectImportError, match="not a regular file"):
        import_project_db(ours, tmp_path)


@pytest.fixture
def evil_calls(monkeypatch) -> list[str]:
    """Every connection gets a Python function evil() that records each call."""
    calls: list[str] = []
    original = sqlite3.connect

    def connect(*args, **kwargs):
        conn = original(*args, **kwargs)
        conn.create_function("evil", -1, lambda *a: calls.append(repr(a)) or 1)
        return conn

    monkeypatch.setattr(sqlite3, "connect", connect)
    return calls


def _malicious(path: Path) -> Path:
    """Our schema plus triggers and views that would call evil(), write, or load code."""
    _make_colleague(path)
    with _raw(path) as conn:
        conn.executescript(
            """
            CREATE TABLE evil_log (x);
            CREATE TRIGGER evil_insert AFTER INSERT ON spans
                BEGIN INSERT INTO evil_log VALUES (evil('insert')); END;
            CREATE TRIGGER evil_update AFTER UPDATE ON article_status
                BEGIN INSERT INTO evil_log VALUES (evil('update')); END;
            CREATE TRIGGER evil_delete BEFORE DELETE ON articles
                BEGIN INSERT INTO evil_log VALUES (evil('delete')); END;
            CREATE VIEW evil_view AS SELECT evil('view') AS a, load_extension('/nonexistent');
            """
        )
    conn.close()
    return path


def test_triggers_and_views_of_theirs_never_run(tmp_path, ours, evil_calls):
    path = _malicious(tmp_path / "colleague.db")
    before = _digest(path)

    report = import_project_db(ours, path)

    assert [layer.name for layer in report.layers] == ["mita", "ravi"]
    assert evil_calls == []
    assert _digest(path) == before
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM evil_log").fetchone() == (0,)
    conn.close()


def test_a_spans_view_calling_a_function_is_refused_unrun(tmp_path, ours, evil_calls):
    path = _make_colleague(tmp_path / "colleague.db")
    with _raw(path) as conn:
        conn.executescript(
            "DROP TABLE spans; CREATE VIEW spans AS SELECT evil('spans') AS id, 1 AS article_id,"
            " 'ravi' AS annotator, 'claim' AS label, 0 AS start, 1 AS \"end\", '' AS text,"
            " '{}' AS attrs, '' AS note, '' AS created, '' AS updated;"
        )
    conn.close()
    before, before_ours = _digest(path), _dump(ours)
    with pytest.raises(ProjectImportError, match="'spans' is a view"):
        import_project_db(ours, path)
    assert evil_calls == []
    assert (_digest(path), _dump(ours)) == (before, before_ours)


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT evil('direct')",
        "SELECT * FROM evil_view",
        "SELECT * FROM evil_log",
        "SELECT load_extension('/nonexistent')",
        "INSERT INTO evil_log VALUES (1)",
        "UPDATE article_status SET status = 'done'",
        "DELETE FROM articles",
        "ATTACH DATABASE ':memory:' AS other",
        "PRAGMA writable_schema = ON",
        "SELECT origin FROM spans",
        "SELECT name FROM annotators",
    ],
)
def test_the_untrusted_connection_only_reads_what_it_should(tmp_path, evil_calls, sql):
    path = _malicious(tmp_path / "colleague.db")
    with open_untrusted(path) as conn:
        with pytest.raises(sqlite3.DatabaseError):
            conn.execute(sql).fetchall()
        assert conn.execute('SELECT label, "end" FROM spans LIMIT 1').fetchone() is not None
    assert evil_calls == []


# -- property: any span set of theirs round-trips exactly -------------------------------------

_TEXT = TEXT_A
_spans = st.lists(
    st.tuples(
        st.sampled_from(["claim", "actor", "নতুন"]),
        st.integers(0, len(_TEXT) - 1),
        st.integers(1, 12),
        st.dictionaries(st.sampled_from(["a", "উৎস"]), st.integers() | st.text(max_size=5)),
        st.text(max_size=8),
    ).map(lambda t: (t[0], t[1], min(t[1] + t[2], len(_TEXT)), t[3], t[4])),
    max_size=12,
    unique_by=lambda t: t[:3],
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=_spans, second=_spans)
def test_random_span_sets_round_trip_exactly(first, second):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "colleague.db"
        with Store(Path(tmp) / "ours.db") as ours:
            for spans in (first, second):
                with Store(path) as theirs:
                    (article,) = theirs.add_articles([ArticleDraft(text=_TEXT)])
                    for old in theirs.spans(article.id, "ravi"):
                        theirs.delete_span(old.id)
                    for label, start, end, attrs, note in spans:
                        theirs.add_span(article.id, "ravi", label, start, end, attrs, note)
                    expected = _layer(theirs, "ravi")
                previous = {(s.label, s.start, s.end): s.id for s in ours.spans(1, "ravi")}
                report = import_project_db(ours, path)
                assert report.problems == []
                # a span they re-created under the same key keeps our id and first `created`
                assert [r[:7] + r[8:] for r in _layer(ours, "ravi")] == [
                    r[:7] + r[8:] for r in expected
                ]
                for span in ours.spans(1, "ravi"):
                    key = (span.label, span.start, span.end)
                    assert span.id == previous.get(key, span.id)  # kept spans keep their id


def test_their_relations_and_register_come_with_their_layers(tmp_path):
    theirs = tmp_path / "colleague.db"
    with Store(theirs) as store:
        [a] = (r.id for r in store.add_articles([ArticleDraft(text=TEXT_A, title="কিম")]))
        claim = store.add_span(a, "ravi", "visit", *_at(TEXT_A, "রাশিয়া যাবেন"))
        kim = store.add_span(a, "ravi", "actor", *_at(TEXT_A, "কিম জং উন"), {"actor_id": "PRK"})
        putin = store.add_span(a, "ravi", "actor", *_at(TEXT_A, "পুতিন"))
        store.add_relation("ravi", "agent", claim.id, kim.id)
        store.add_relation("ravi", "target", claim.id, putin.id, {"note": "হোস্ট"})
        store.save_actors([Actor("PRK", "North Korea", "উত্তর কোরিয়া", ["পিয়ংইয়ং"]),
                           Actor("RUS", "Russia", "রাশিয়া")])  # fmt: skip
    with Store() as ours:
        ours.save_actors([Actor("PRK", "DPRK")])
        report = import_project_db(ours, theirs)
        [[article_id]] = ours.db.execute("SELECT id FROM articles").fetchall()
        relations = ours.relations(article_id, "ravi")
        spans = {s.id: s for s in ours.spans(article_id, "ravi")}
        got = sorted((r.type, spans[r.head].text, spans[r.tail].text, r.attrs) for r in relations)
        assert got == [
            ("agent", "রাশিয়া যাবেন", "কিম জং উন", {}),
            ("target", "রাশিয়া যাবেন", "পুতিন", {"note": "হোস্ট"}),
        ]
        assert [layer.relations for layer in report.layers] == [2]
        assert ours.actor("PRK").name == "DPRK"  # ours win; theirs we lack are added
        assert report.actors_added == 1 and ours.actor("RUS").name_bn == "রাশিয়া"
        again = import_project_db(ours, theirs)  # importing again mirrors, never doubles
        assert len(ours.relations(article_id, "ravi")) == 2 and again.problem_count == 0


def test_a_file_from_before_claim_frames_imports_its_spans(tmp_path):
    theirs = _make_colleague(tmp_path / "colleague.db")
    with sqlite3.connect(theirs) as conn:
        conn.execute("DROP TABLE relations")
        conn.execute("DROP TABLE actors")
    with Store() as ours:
        report = import_project_db(ours, theirs)
        assert {layer.name for layer in report.layers} == {"ravi", "mita"}
        assert sum(layer.added for layer in report.layers) == 6 and report.actors_added == 0
