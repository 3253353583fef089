"""Benchmark: the article list with 100,000 articles (open, re-sort, scroll).

Run: .venv/bin/python tests/benchmarks/bench_list.py [--articles N] [--spans N] [--db PATH]
Builds a temporary project file (or reuses --db if it already has articles), then reports
median-of-3 timings. A scroll step over 50 ms counts as a stall. Not a pytest test.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from figures import figure, print_figures  # noqa: E402
from project_100k import ensure_project  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QHeaderView, QTableView  # noqa: E402

from annotator.models import ArticleDraft  # noqa: E402
from annotator.store import Store  # noqa: E402
from annotator.ui.fonts import load_bundled_fonts  # noqa: E402
from annotator.ui.models.article_list_model import ArticleListModel  # noqa: E402

ANNOTATOR = "rahim"
OUTLETS = ("প্রথম আলো", "কালবেলা", "যুগান্তর", "সমকাল", "ইত্তেফাক", "বিবিসি বাংলা", "ডেইলি স্টার")
WORDS = (
    "উত্তর কোরিয়া রাশিয়া সেনা মোতায়েন চুক্তি সফর বৈঠক সামরিক সহায়তা অস্ত্র ক্ষেপণাস্ত্র "
    "সমর্থন বিবৃতি প্রতিরক্ষা মন্ত্রী প্রেসিডেন্ট কিম পুতিন ইউক্রেন যুদ্ধ সীমান্ত মহড়া"
).split()
STALL_MS = 50.0


def bengali_number(n: int) -> str:
    """Digits of n in Bengali script (for unique, realistic-looking text)."""
    return str(n).translate(str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯"))


def draft(i: int, rng: random.Random) -> ArticleDraft:
    """A short unique Bengali article."""
    words = " ".join(rng.choice(WORDS) for _ in range(40))
    title = f"{rng.choice(WORDS)} {rng.choice(WORDS)} নিয়ে প্রতিবেদন {bengali_number(i)}"
    day = i % 28 + 1
    month = i // 28 % 12 + 1
    year = 2015 + i // 336 % 11
    published = None if i % 50 == 0 else f"{year}-{month:02d}-{day:02d}T{i % 24:02d}:{i % 60:02d}"
    return ArticleDraft(
        text=f"{title}।\n\n{words}। প্রতিবেদন নম্বর {bengali_number(i)}।",
        title=title,
        outlet=OUTLETS[i % len(OUTLETS)],
        published=published + ":00+06:00" if published else None,
    )


def build(store: Store, articles: int, spans: int) -> None:
    """Fill an empty store with `articles` articles and `spans` spans of one annotator."""
    rng = random.Random(7)
    started = time.perf_counter()
    for first in range(0, articles, 5000):
        store.add_articles(draft(i, rng) for i in range(first, min(first + 5000, articles)))
    print(f"  inserted {articles:,} articles in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    labels = [label.key for label in store.labels()] or ["claim"]
    ids = rng.sample(range(1, articles + 1), min(spans, articles))
    for n in range(spans):
        store.add_span(ids[n % len(ids)], ANNOTATOR, rng.choice(labels), 0, 5)
    print(f"  inserted {spans:,} spans in {time.perf_counter() - started:.1f} s")


def open_list(app: QApplication, store: Store) -> tuple[float, ArticleListModel, QTableView]:
    """Seconds from creating the model and view to the first paint."""
    started = time.perf_counter()
    model = ArticleListModel(store, ANNOTATOR)
    view = QTableView()
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(24)
    view.horizontalHeader().setSortIndicator(model.sort_column(), model.sort_order())
    view.setModel(model)
    view.setSortingEnabled(True)
    view.resize(1000, 700)
    view.show()
    app.processEvents()
    view.viewport().repaint()
    return time.perf_counter() - started, model, view


def measure(argv: list[str] | None = None) -> dict[str, float]:
    """Build (or reuse) a big store, print the timings (to stderr) and return them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--spans", type=int, default=20_000)
    parser.add_argument("--db", type=Path, default=None, help="reuse or create this file")
    parser.add_argument("--own", action="store_true", help="build a project of its own")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    load_bundled_fonts()  # as the app does: Bengali renders with Noto Sans Bengali
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or (Path(tmp) / "bench.db" if args.own else ensure_project())
        store = Store(path)
        if store.article_count() == 0:
            say(f"building {path} ...")
            build(store, args.articles, args.spans)
        say(f"{store.article_count():,} articles in {path}")

        query = []
        for _ in range(3):
            started = time.perf_counter()
            rows = store.article_list(ANNOTATOR)
            query.append(time.perf_counter() - started)
        say(f"store.article_list: {len(rows):,} rows, median {statistics.median(query):.3f} s")

        opens = []
        for _ in range(3):
            seconds, model, view = open_list(app, store)
            opens.append(seconds)
            view.close()
            view.deleteLater()
            app.processEvents()
        say(f"open (model + view + first paint): median {statistics.median(opens):.3f} s"
              f"  [{', '.join(f'{s:.3f}' for s in opens)}]")  # fmt: skip

        _, model, view = open_list(app, store)
        sorts = []
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder) * 2:
            started = time.perf_counter()
            view.sortByColumn(ArticleListModel.TITLE, order)
            app.processEvents()
            view.viewport().repaint()
            sorts.append(time.perf_counter() - started)
        sorts = sorts[1:]  # the first re-sort can also pay for warming the cache
        say(f"re-sort by title: median {statistics.median(sorts):.3f} s"
              f"  [{', '.join(f'{s:.3f}' for s in sorts)}]")  # fmt: skip

        bar = view.verticalScrollBar()
        steps = []
        for k in range(200):
            started = time.perf_counter()
            bar.setValue(bar.maximum() * k // 199)
            app.processEvents()  # runs the posted repaint of the scrolled viewport
            steps.append((time.perf_counter() - started) * 1000)
        stalls = sum(step > STALL_MS for step in steps)
        say(
            f"scroll 200 steps: median {statistics.median(steps):.1f} ms,"
            f" max {max(steps):.1f} ms, stalls (>{STALL_MS:.0f} ms): {stalls}"
        )

        found: dict[str, float] = {}
        for word in ("ক্ষেপণাস্ত্র", bengali_number(12345)):
            started = time.perf_counter()
            model.set_filter(None, None, word)
            app.processEvents()
            seconds = time.perf_counter() - started
            say(f"search {word!r}: {model.rowCount():,} rows in {seconds:.3f} s")
            found[word] = seconds
        started = time.perf_counter()
        model.set_filter("todo", None, "")
        app.processEvents()
        status_filter = time.perf_counter() - started
        say(f"status filter: {model.rowCount():,} rows in {status_filter:.3f} s")
        model.set_filter(None, None, "")
        target = model.article_id(model.rowCount() // 2)
        started = time.perf_counter()
        model.refresh_article(target)
        app.processEvents()
        say(f"refresh_article (first, builds id index): {time.perf_counter() - started:.4f} s")
        started = time.perf_counter()
        model.refresh_article(target)
        say(f"refresh_article (again): {time.perf_counter() - started:.4f} s")
        view.close()
        store.close()
    return {
        "query": statistics.median(query),
        "open": statistics.median(opens),
        "sort": statistics.median(sorts),
        "scroll": statistics.median(steps),
        "scroll_max": max(steps),
        "stalls": stalls,
        "search_common": found["ক্ষেপণাস্ত্র"],
        "status_filter": status_filter,
    }


def say(*parts: object) -> None:
    """A human-readable line, on stderr (stdout carries the JSON)."""
    print(*parts, file=sys.stderr)


def figures(argv: list[str] | None = None) -> list[dict]:
    """The article list's figures at 100k articles for `make bench`."""
    m = measure(argv)
    return [
        figure("list at 100k: open (model + view + first paint)", m["open"], "s", target=1.0,
               baseline=m["query"], baseline_what="the list's one SQL query alone"),
        figure("list at 100k: re-sort by title", m["sort"], "s", target=1.0),
        figure("list at 100k: scroll step (median)", m["scroll"], "ms", target=16,
               note=f"max {m['scroll_max']:.1f} ms, stalls over {STALL_MS:.0f} ms:"
               f" {m['stalls']}"),
        figure("list at 100k: status filter", m["status_filter"], "s", target=1.0),
    ]  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    """Print the figures as JSON."""
    print_figures(figures(argv))
    return 0


if __name__ == "__main__":
    sys.exit(main())
