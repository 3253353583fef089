"""Benchmark the whole window: open a 50 KB article with 1,000 spans; tag keystroke latency.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_window.py
"""

from __future__ import annotations

import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from figures import bare_text_edit_times, figure, print_figures  # noqa: E402
from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from annotator.ingest import import_paths  # noqa: E402
from annotator.models import ArticleDraft  # noqa: E402
from annotator.paths import seeds_dir  # noqa: E402
from annotator.store import Store  # noqa: E402
from annotator.text import words  # noqa: E402
from annotator.ui.app import make_application  # noqa: E402
from annotator.ui.main_window import MainWindow  # noqa: E402

LABELS = ("troop_deployment", "treaty", "visit", "military_aid", "support_statement")


def big_article(store: Store) -> int:
    """A 50 KB article (seed bodies repeated, with emoji) carrying 1,000 overlapping spans."""
    bodies = [store.article(row.id).text for row in store.articles()]
    parts, size = [], 0
    while size < 50_000:
        body = bodies[len(parts) % len(bodies)] + f"\n\n😀 অনুচ্ছেদ {len(parts)}"
        parts.append(body)
        size += len(body.encode("utf-8"))
    [result] = store.add_articles([ArticleDraft(text="\n\n".join(parts), title="বড় নিবন্ধ")])
    text = store.article(result.id).text
    ranges = words(text)
    rng = random.Random(7)
    for _ in range(1000):
        i = rng.randrange(len(ranges) - 8)
        j = i + rng.randrange(1, 8)
        store.add_span(result.id, "bench", rng.choice(LABELS), ranges[i][0], ranges[j][1])
    return result.id


def measure() -> dict[str, float]:
    """Median seconds to open the big article and to tag from a key press, with baselines: a
    bare QTextEdit showing the same text, and one raw sqlite3 span insert and commit."""
    app = make_application()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.db")
        import_paths(store, [seeds_dir()])
        article_id = big_article(store)
        settings = QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)
        window = MainWindow(store, "bench", settings)
        window.resize(1400, 900)
        window.show()
        QTest.qWaitForWindowActive(window)  # the tag key is a window shortcut
        app.processEvents()

        opens = []
        other = window.list_model.article_id(0)
        for _ in range(7):
            window.open_article(other)
            app.processEvents()
            t0 = time.perf_counter()
            window.open_article(article_id)
            window.reader.viewport().repaint()
            app.processEvents()
            opens.append(time.perf_counter() - t0)

        text = window.article.text
        plain = bare_text_edit_times(app, text, (600, 800), 7)

        ranges = words(text)
        taps = []
        for k in range(40):
            start, _ = ranges[10 + k * 37]
            _, end = ranges[12 + k * 37]
            window.reader.set_selection(start, end)
            app.processEvents()
            t0 = time.perf_counter()
            QTest.keyClick(window.reader, Qt.Key.Key_1)
            window.reader.viewport().repaint()
            app.processEvents()
            taps.append(time.perf_counter() - t0)
        spans = len(store.spans(article_id))
        store.close()
        window.close()

        raw = sqlite3.connect(Path(tmp) / "bench.db", isolation_level=None)
        inserts = []
        for k in range(40):
            t0 = time.perf_counter()
            raw.execute("BEGIN IMMEDIATE")
            raw.execute(
                'INSERT INTO spans (article_id, annotator, label, start, "end", text, created,'
                " updated) VALUES (?, 'raw', 'treaty', ?, ?, '', '', '')",
                [article_id, k, k + 1],
            )
            raw.execute("COMMIT")
            inserts.append(time.perf_counter() - t0)
        raw.close()
    print(f"article: {len(text):,} code points, {len(text.encode()):,} bytes, {spans:,} spans",
          file=sys.stderr)  # fmt: skip
    return {
        "open": statistics.median(opens),
        "open_bare": statistics.median(plain),
        "tag": statistics.median(taps),
        "tag_p90": sorted(taps)[int(len(taps) * 0.9)],
        "insert_raw": statistics.median(inserts),
    }


def figures() -> list[dict]:
    """The window's figures for `make bench`."""
    m = measure()
    return [
        figure("open a 50 KB article with 1,000 spans, fully highlighted", m["open"] * 1000, "ms",
               target=100, baseline=m["open_bare"] * 1000,
               baseline_what="a bare QTextEdit showing the same text"),
        figure("tag keystroke to stored and repainted (median)", m["tag"] * 1000, "ms",
               target=16, baseline=m["insert_raw"] * 1000,
               baseline_what="one raw sqlite3 span insert and commit",
               note=f"p90 {m['tag_p90'] * 1000:.1f} ms"),
    ]  # fmt: skip


def main() -> None:
    """Print the figures as JSON."""
    print_figures(figures())


if __name__ == "__main__":
    main()
