"""Benchmark the starts of issue #13 at 100,000 articles: window first paint, list search,
command-line start. Each figure has its baseline measured in the same run, interleaved.

- window first paint: open the project and build the main window until the article list is
  painted, in a fresh process each round; baseline: a bare QTableView over a minimal model
  of the same rows (id, title, outlet, published) fetched with plain sqlite3, also in a
  fresh process.
- list search: a word found in almost every article typed into the window's list, until the
  first page of hits is painted (the total count arrives after; reported in the note);
  baseline: the raw FTS5 query for the word (all matching rowids, plain sqlite3).
- command line: `python -m annotator --help` and `python -m annotator articles` (a small
  project), in ms above a bare `python -c pass`, run in pairs; `search WORD` on the 100k
  project (p95 of whole runs) against the raw FTS5 top-50 query in a bare Python.

The cached project (`project_100k.py`) is copied first (the window and the schema steps
write to it). Run: QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_start.py
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from figures import figure, print_figures  # noqa: E402
from project_100k import ensure_project  # noqa: E402

WORD = "উত্তর"  # in almost every article of the benchmark project
ANNOTATOR = "rahim"
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", "QT_API": "pyside6"}


# -- the child processes ------------------------------------------------------------------------


def _bare_child(db: str) -> dict[str, float]:
    """A bare Qt table window over the list's rows: seconds to its first paint."""
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication, QTableView  # noqa: PLC0415

    class Rows(QAbstractTableModel):
        def __init__(self, rows: list[tuple]) -> None:
            super().__init__()
            self.rows = rows

        def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
            return 0 if parent.isValid() else len(self.rows)

        def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
            return 0 if parent.isValid() else 4

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            if role == Qt.ItemDataRole.DisplayRole:
                return str(self.rows[index.row()][index.column()])
            return None

    app = QApplication.instance() or QApplication([])
    started = time.perf_counter()
    conn = sqlite3.connect(db)
    rows = conn.execute(
        "SELECT id, title, outlet, published FROM articles ORDER BY published DESC, id"
    ).fetchall()
    view = QTableView()
    view.setModel(Rows(rows))
    view.resize(1480, 900)
    view.show()
    app.processEvents()
    view.viewport().repaint()
    return {"paint": time.perf_counter() - started, "rows": len(rows)}


def _window_child(db: str, searches: int) -> dict[str, object]:
    """The main window on the project: seconds to the list's first paint, then list searches
    of WORD (first page painted; total known), each paired with the raw FTS5 query."""
    import tempfile as tf  # noqa: PLC0415

    from PySide6.QtCore import QSettings  # noqa: PLC0415

    from annotator.search import build_fts_query  # noqa: PLC0415
    from annotator.store import Store  # noqa: PLC0415
    from annotator.ui.app import make_application  # noqa: PLC0415
    from annotator.ui.main_window import MainWindow  # noqa: PLC0415

    app = make_application()
    settings = QSettings(tf.mktemp(suffix=".ini"), QSettings.Format.IniFormat)
    started = time.perf_counter()
    store = Store(db)
    window = MainWindow(store, ANNOTATOR, settings)
    window.resize(1480, 900)
    window.show()
    app.processEvents()
    window.list_view.viewport().repaint()
    paint = time.perf_counter() - started
    model, view = window.list_model, window.list_view
    complete = getattr(model, "is_complete", lambda: True)
    while not complete():  # the rest of the list, fetched after the first paint
        app.processEvents()
    first_rows = model.rowCount()

    raw = sqlite3.connect(db)
    expression = build_fts_query(WORD)
    searches_s, totals_s, raws_s, hits, found = [0.0], [0.0], [0.0], 0, 0
    if searches:
        searches_s, totals_s, raws_s = [], [], []
    for _ in range(searches):
        t0 = time.perf_counter()
        hits = len(
            raw.execute(
                "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", [expression]
            ).fetchall()
        )
        raws_s.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        window.search_edit.setText(WORD)
        window.list_panel._search_timer.stop()  # typed: the pause before filtering is not timed
        window.list_panel.filters_changed.emit()
        view.viewport().repaint()
        searches_s.append(time.perf_counter() - t0)
        while not complete():
            app.processEvents()
        totals_s.append(time.perf_counter() - t0)
        found = model.rowCount()
        window.search_edit.setText("")
        window.list_panel._search_timer.stop()
        window.list_panel.filters_changed.emit()
        while not complete():
            app.processEvents()
    window.close()
    store.close()
    return {
        "paint": paint,
        "rows": first_rows,
        "search": statistics.median(searches_s),
        "search_total": statistics.median(totals_s),
        "raw_fts": statistics.median(raws_s),
        "hits": hits,
        "found": found,
    }


def _run_child(*args: str) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", *args],
        env=ENV, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    return json.loads(out.strip().splitlines()[-1])


# -- the figures ------------------------------------------------------------------------------


def _copy_project(tmp: Path) -> Path:
    """A copy of the cached 100k project, opened once (schema steps run now, untimed),
    without daily snapshots (they would copy the whole file on the first open of a day)."""
    copy = tmp / "project.db"
    shutil.copyfile(ensure_project(), copy)
    from annotator.backups import KEEP_SETTING  # noqa: PLC0415
    from annotator.store import Store  # noqa: PLC0415

    with Store(copy) as store:
        store.set_setting(KEEP_SETTING, 0)
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for aside in tmp.glob("project.backup-*"):
        aside.unlink()
    return copy


def window_figures(db: Path, rounds: int, searches: int) -> list[dict]:
    """First paint of the window against a bare table window; list search against FTS5."""
    windows, bares = [], []
    for _ in range(rounds):
        windows.append(_run_child("window", str(db), str(searches)))
        bares.append(_run_child("bare", str(db)))
    paint = statistics.median(w["paint"] for w in windows)
    bare = statistics.median(b["paint"] for b in bares)
    search = statistics.median(w["search"] for w in windows)
    total = statistics.median(w["search_total"] for w in windows)
    raw = statistics.median(w["raw_fts"] for w in windows)
    last = windows[-1]
    return [
        figure("window first paint (100k)", paint, "s", target=1.0, baseline=bare,
               baseline_what=f"bare QTableView over the same {bares[-1]['rows']:,} rows",
               note=f"median of {rounds} fresh processes; {last['rows']:,} rows listed"),
        figure("list search, common word (100k)", search * 1000, "ms", target=150.0,
               baseline=raw * 1000, baseline_what="raw FTS5 query, all matching rowids",
               note=f"'{WORD}': {last['hits']:,} hits, first page painted; whole list and"
                    f" count known after {total * 1000:.0f} ms ({last['found']:,} rows)"),
    ]  # fmt: skip


def _timed(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   check=True)  # fmt: skip
    return time.perf_counter() - t0


def _paired_ms(cmd: list[str], base: list[str], rounds: int) -> tuple[float, float]:
    """Median of (cmd - base) over interleaved runs, and the median of base, in ms."""
    _timed(cmd), _timed(base)  # warm-up (and the day's first open of a project)
    differences, bases = [], []
    for _ in range(rounds):
        a, b = _timed(cmd), _timed(base)
        differences.append((a - b) * 1000)
        bases.append(b * 1000)
    return statistics.median(differences), statistics.median(bases)


def cli_figures(tmp: Path, db: Path, rounds: int) -> list[dict]:
    """The command line's start above a bare Python, and its search at 100k."""
    from annotator.ingest import import_paths  # noqa: PLC0415
    from annotator.paths import seeds_dir  # noqa: PLC0415
    from annotator.store import Store  # noqa: PLC0415

    small = tmp / "small.db"
    with Store(small) as store:
        import_paths(store, [seeds_dir()])
    bare = [sys.executable, "-c", "pass"]
    cli = [sys.executable, "-m", "annotator"]
    figures = []
    for name, args in (
        ("CLI --help", ["--help"]),
        ("CLI articles", ["--db", str(small), "articles"]),
    ):
        above, base = _paired_ms(cli + args, bare, rounds)
        figures.append(figure(name, above, "ms above bare Python", target=100.0, baseline=base,
                              baseline_what="python -c pass (ms)",
                              note=f"median of {rounds} interleaved pairs"))  # fmt: skip
    search = cli + ["--db", str(db), "search", WORD]
    raw = [sys.executable, "-c", "import sqlite3, sys; sqlite3.connect(sys.argv[1]).execute("
           "'SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY"
           " bm25(articles_fts, 4.0, 1.0) LIMIT 50', [sys.argv[2]]).fetchall()", str(db),
           f'"{WORD}"*']  # fmt: skip
    _timed(search), _timed(raw)
    runs, raws = [], []
    for _ in range(rounds):
        runs.append(_timed(search) * 1000)
        raws.append(_timed(raw) * 1000)
    p95 = statistics.quantiles(runs, n=20)[-1]
    figures.append(figure("CLI search, common word (100k), p95", p95, "ms", target=150.0,
                          baseline=statistics.quantiles(raws, n=20)[-1],
                          baseline_what="bare Python running the raw FTS5 top-50 query, p95",
                          note=f"whole process, {rounds} runs; median"
                               f" {statistics.median(runs):.0f} ms"))  # fmt: skip
    return figures


def figures(rounds: int = 3, searches: int = 5, cli_rounds: int = 15) -> list[dict]:
    """Every figure of this script (see the module docstring)."""
    with tempfile.TemporaryDirectory() as tmp:
        db = _copy_project(Path(tmp))
        found = window_figures(db, rounds, searches)
        found += cli_figures(Path(tmp), db, cli_rounds)
    return found


def main(argv: list[str] | None = None) -> int:
    """Print the figures as JSON (or, with --child, one child process's timings)."""
    args = sys.argv[1:] if argv is None else argv
    if args and args[0] == "--child":
        kind, db, *rest = args[1:]
        result = _bare_child(db) if kind == "bare" else _window_child(db, int(rest[0]))
        print(json.dumps(result))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="fresh window processes")
    parser.add_argument("--searches", type=int, default=5, help="searches per window")
    parser.add_argument("--cli-rounds", type=int, default=15, help="runs of each command")
    parsed = parser.parse_args(args)
    print_figures(figures(parsed.rounds, parsed.searches, parsed.cli_rounds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
