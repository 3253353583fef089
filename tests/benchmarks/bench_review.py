"""Benchmark the review window and `agree --all` on the 100,000-article project of issue #13.

Figures (each with its baseline measured in the same run, rounds interleaved, medians):
- "review window opens (100k)": seconds from `ReviewWindow(...)` to the window shown with its
  article table and first article painted (the store is already open, as it is when the main
  window opens review), and that process's peak memory;
- "agree --all (100k)": the whole `annotator agree --a rahim --b karim --all` process (start-up
  included) and its peak memory.
The baseline of both is fetching both layers' spans raw with sqlite3 into tuples (its own
process). Every measurement runs in a child process on a copy of the cached project (the
cache itself is never opened), so each peak is that process's own.
Run: QT_QPA_PLATFORM=offscreen PYTHONPATH=. .venv/bin/python tests/benchmarks/bench_review.py
(BENCH_ROUNDS=N for N rounds, default 3).
"""

from __future__ import annotations

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
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(ROOT), str(HERE)]

from figures import figure, peak_rss_mib, print_figures  # noqa: E402
from project_100k import ensure_project  # noqa: E402

LAYERS = ("rahim", "karim")
WINDOW_TARGET_S = 1.0
AGREE_TARGET_MIB = 500.0
AGREE_RAW_FACTOR = 5.0


def copy_project(source: Path, folder: Path) -> Path:
    """A copy of the cached project (with its -wal, if any) that benchmarks may write to."""
    target = folder / source.name
    shutil.copy(source, target)
    wal = source.with_name(source.name + "-wal")
    if wal.exists() and wal.stat().st_size:
        shutil.copy(wal, target.with_name(target.name + "-wal"))
    return target


def raw_fetch(db: Path) -> dict[str, float]:
    """Both layers' spans into Python tuples with plain sqlite3 (the floor)."""
    t0 = time.perf_counter()
    conn = sqlite3.connect(db)
    rows = conn.execute(
        'SELECT article_id, annotator, start, "end", label FROM spans WHERE annotator IN (?, ?)',
        LAYERS,
    ).fetchall()
    seconds = time.perf_counter() - t0
    assert len(rows) > 1_000_000
    return {"seconds": seconds, "peak_mib": peak_rss_mib()}


def open_review_window(db: Path) -> dict[str, float]:
    """Time the review window from construction to its first article painted."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from annotator.store import Store  # noqa: PLC0415
    from annotator.ui.app import make_application  # noqa: PLC0415
    from annotator.ui.review_window import ReviewWindow  # noqa: PLC0415

    app = make_application()
    store = Store(db)
    before = peak_rss_mib()
    t0 = time.perf_counter()
    window = ReviewWindow(store, "bench", *LAYERS)
    window.show()
    app.processEvents()
    window.repaint()
    app.processEvents()
    seconds = time.perf_counter() - t0
    assert window.article is not None
    rows = window.article_table.model().rowCount()
    window.close()
    store.close()
    return {"seconds": seconds, "peak_mib": peak_rss_mib(), "before_mib": before, "rows": rows}


def run_child(what: str, db: Path) -> dict[str, float]:
    """Run one measurement of this script in a fresh process; its JSON answer."""
    out = subprocess.run(
        [sys.executable, __file__, "--child", what, str(db)],
        capture_output=True, text=True, check=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1])


def run_agree(db: Path) -> dict[str, float]:
    """The whole `agree --all` process: wall seconds and its own peak memory (wait4)."""
    command = [sys.executable, "-m", "annotator", "--db", str(db), "agree",
               "--a", LAYERS[0], "--b", LAYERS[1], "--all"]  # fmt: skip
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    error = proc.stderr.read().decode() if proc.stderr else ""
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t0
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise RuntimeError(f"agree failed ({code}): {error[-500:]}")
    return {"seconds": seconds, "peak_mib": usage.ru_maxrss / 1024}


def figures() -> list[dict[str, Any]]:
    """The four figures, medians of BENCH_ROUNDS interleaved rounds."""
    rounds = int(os.environ.get("BENCH_ROUNDS", "3"))
    source = ensure_project()
    runs: dict[str, list[dict[str, float]]] = {"raw": [], "window": [], "agree": []}
    with tempfile.TemporaryDirectory() as tmp:
        db = copy_project(source, Path(tmp))
        for _ in range(rounds):
            runs["raw"].append(run_child("raw", db))
            runs["window"].append(run_child("window", db))
            runs["agree"].append(run_agree(db))

    def median(what: str, key: str) -> float:
        return statistics.median(run[key] for run in runs[what])

    raw_s, raw_mib = median("raw", "seconds"), median("raw", "peak_mib")
    raw_what = "both layers' spans fetched raw with sqlite3 (own process)"
    rows = int(runs["window"][0]["rows"])
    return [
        figure("review window opens (100k)", median("window", "seconds"), "s",
               target=WINDOW_TARGET_S, baseline=raw_s, baseline_what=raw_what,
               note=f"construction to first article painted; {rows} table rows fetched"),
        figure("review window opens (100k), peak memory", median("window", "peak_mib"), "MiB",
               target=None, baseline=raw_mib, baseline_what=raw_what,
               note=f"Qt and the open store before it: {median('window', 'before_mib'):.0f} MiB"),
        figure("agree --all (100k)", median("agree", "seconds"), "s",
               target=round(AGREE_RAW_FACTOR * raw_s, 3), baseline=raw_s,
               baseline_what=raw_what, note="whole process; target 5x the raw fetch"),
        figure("agree --all (100k), peak memory", median("agree", "peak_mib"), "MiB",
               target=AGREE_TARGET_MIB, baseline=raw_mib, baseline_what=raw_what),
    ]  # fmt: skip


def _child(what: str, db: Path) -> None:
    result = {"raw": raw_fetch, "window": open_review_window}[what](db)
    sys.stdout.write(json.dumps(result) + "\n")
    sys.stdout.flush()
    os._exit(0)  # skip Qt's teardown: the figure is taken


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        _child(sys.argv[2], Path(sys.argv[3]))
    print_figures(figures())
