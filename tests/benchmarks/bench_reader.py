"""Benchmark the reading pane: set_article and update_spans on a big article with 1,000 spans.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_reader.py
Targets: set_article < 100 ms, update_spans (one span + repaint) < 16 ms.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from figures import bare_text_edit_times, figure, print_figures  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from annotator.text import canonicalise, words  # noqa: E402
from annotator.ui.reader import ReaderView, SpanPaint  # noqa: E402

COLORS = ["#e53935", "#1e88e5", "#43a047", "#fb8c00", "#8e24aa", "#00897b", "#6d4c41", "#3949ab"]


def body_text(size: int, unit: str) -> str:
    """Seed body lines (long ones) repeated until `size` code points or UTF-8 bytes."""
    lines: list[str] = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        lines += [ln for ln in canonicalise(path.read_text("utf-8")).split("\n") if len(ln) > 80]
    out: list[str] = []
    total = 0
    while total < size:
        for line in lines:
            out.append(line)
            total += len(line) + 1 if unit == "chars" else len(line.encode()) + 1
            if total >= size:
                break
    text = "\n".join(out)
    return text[:size] if unit == "chars" else text.encode()[:size].decode("utf-8", "ignore")


def make_spans(text: str, count: int, seed: int = 7) -> list[SpanPaint]:
    """`count` word-aligned spans of 1-8 words, overlapping and nested; 1 in 5 not own."""
    rnd = random.Random(seed)
    ws = words(text)
    spans = []
    for i in range(count):
        k = rnd.randrange(len(ws) - 8)
        n = rnd.randrange(1, 9)
        spans.append(
            SpanPaint(i, ws[k][0], ws[k + n - 1][1], rnd.choice(COLORS), "L", rnd.random() > 0.2)
        )
    return spans


class CountingReaderView(ReaderView):
    """ReaderView that counts its paints, so a benchmark can tell whether one happened."""

    paints = 0

    def paintEvent(self, event) -> None:  # noqa: ANN001
        """Count, then paint."""
        self.paints += 1
        super().paintEvent(event)


def settle(app: QApplication, view: CountingReaderView, full_layout: bool) -> None:
    """Run pending events (which paint), paint now if they did not; optionally lay out all."""
    before = view.paints
    if full_layout:
        doc = view.document()
        doc.documentLayout().blockBoundingRect(doc.lastBlock())
    app.processEvents()
    if view.paints == before:
        view.viewport().repaint()


def median_ms(samples: list[float]) -> float:
    """Median of `samples` (seconds) in milliseconds."""
    return statistics.median(samples) * 1000


def bench_set_article(app: QApplication, view: ReaderView, text: str, spans, full: bool):
    """Median and max ms of set_article + events + paint over several runs."""
    times = []
    for _ in range(9):
        t0 = time.perf_counter()
        view.set_article(text, spans)
        settle(app, view, full)
        times.append(time.perf_counter() - t0)
    return median_ms(times), max(times) * 1000


def bench_update(app: QApplication, view: ReaderView, text: str, spans) -> tuple[float, float]:
    """Median and max ms of adding one span in the visible area, then repainting."""
    view.set_article(text, spans)
    settle(app, view, False)
    ws = [w for w in words(text) if w[1] < 600]
    rnd = random.Random(3)
    times = []
    for i in range(40):
        k = rnd.randrange(len(ws) - 3)
        span = SpanPaint(100_000 + i, ws[k][0], ws[k + 2][1], rnd.choice(COLORS), "L", True)
        t0 = time.perf_counter()
        view.update_spans([span], [])
        settle(app, view, False)
        times.append(time.perf_counter() - t0)
        view.update_spans([], [span.id])
        settle(app, view, False)
    return median_ms(times), max(times) * 1000


def figures() -> list[dict]:
    """The reading pane's figures for `make bench`: a 50 KB (UTF-8) article, 1,000 spans."""
    app = QApplication.instance() or QApplication(sys.argv)
    view = CountingReaderView()
    view.resize(1000, 800)
    view.show()
    app.processEvents()
    text = body_text(50 * 1024, "bytes")
    spans = make_spans(text, 1000)
    shown, _ = bench_set_article(app, view, text, spans, full=False)
    laid_out, _ = bench_set_article(app, view, text, spans, full=True)
    update, worst = bench_update(app, view, text, spans)
    bare = median_ms(bare_text_edit_times(app, text, (1000, 800), 9))
    return [
        figure("reader: set_article (50 KB, 1,000 spans) + paint", shown, "ms", target=100,
               baseline=bare, baseline_what="a bare QTextEdit showing the same text"),
        figure("reader: set_article + full layout", laid_out, "ms", target=100, baseline=bare,
               baseline_what="a bare QTextEdit showing the same text"),
        figure("reader: one span added + repaint", update, "ms", target=16,
               note=f"max {worst:.1f} ms"),
    ]  # fmt: skip


def main() -> None:
    """Print the figures as JSON."""
    print_figures(figures())


if __name__ == "__main__":
    main()
