"""Benchmark writers sharing one project: failures, tag waits, and how long imports hold the lock.

Figures: (1) two processes x 1,500 undoable tags: failures and p99 tag time; (2) a window-like
tagger (one tag every 10 ms) while `annotator import` loads 10,000 articles: failures and the
longest wait; (3) the longest write transaction of an article import (10,000 articles) and of
an annotation import (10,000 articles, 200,000 spans). Target: no failure; a tag waits
milliseconds, not seconds. Run: .venv/bin/python tests/benchmarks/bench_contention.py
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import bench_export  # noqa: I001 - sibling script

from annotator.actions import AddSpan
from annotator.export import export
from annotator.history import History
from annotator.ingest.annotations import import_annotations
from annotator.models import ArticleDraft
from annotator.store import Store

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "core"))
import test_concurrent_writers as writers  # noqa: E402


def _body(i: int) -> str:
    return f"প্রতিবেদন {i}: " + "বাংলাদেশ ও ভারতের মধ্যে চুক্তি সই হয়েছে। " * 30


def two_taggers(tmp: Path) -> str:
    path, article_id = writers._project(tmp)
    began = time.perf_counter()
    procs = [writers._start_tagger(path, who, 1500, article_id) for who in ("mita", "rafi")]
    reports = [writers._finish(p) for p in procs]
    took = time.perf_counter() - began
    with Store(path) as store:
        kept = store.span_count(article_id)
    return (
        f"two processes x 1,500 tags: {sum(r['failed'] for r in reports)} failed, {kept:,} kept,"
        f" p99 {max(r['p99_ms'] for r in reports):.1f} ms, {took:.1f} s in all"
    )


def tags_during_import(tmp: Path, articles: int = 10_000) -> str:
    path, article_id = writers._project(tmp)
    dataset = tmp / "big.jsonl"
    with dataset.open("w", encoding="utf-8") as out:
        for i in range(articles):
            record = {"title": f"শিরোনাম {i}", "text": _body(i)}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    importer = subprocess.Popen(
        [sys.executable, "-m", "annotator", "--db", str(path), "import", str(dataset)],
        stdout=subprocess.DEVNULL,
    )
    waits, failed = [], 0
    with Store(path) as store:
        history = History(store)
        while importer.poll() is None:
            began = time.perf_counter()
            try:
                history.do(AddSpan(article_id, "mita", "visit", 1, 3))
            except Exception:  # noqa: BLE001 - counted
                failed += 1
            waits.append(time.perf_counter() - began)
            time.sleep(0.01)
    waits.sort()
    return (
        f"tags during a CLI import of {articles:,} articles: {len(waits)} tags, {failed} failed,"
        f" median {1000 * waits[len(waits) // 2]:.1f} ms, longest {1000 * waits[-1]:.0f} ms"
    )


@contextlib.contextmanager
def _lock_holds() -> Iterator[list[float]]:
    holds: list[float] = []
    original = Store.transaction

    @contextlib.contextmanager
    def timed(self: Store) -> Iterator[Store]:
        outer = not self.db.conn.in_transaction
        began = time.perf_counter()
        with original(self) as store:
            yield store
        if outer:
            holds.append(time.perf_counter() - began)

    Store.transaction = timed  # type: ignore[method-assign]
    try:
        yield holds
    finally:
        Store.transaction = original  # type: ignore[method-assign]


def import_lock_holds(tmp: Path) -> list[str]:
    lines = []
    drafts = [ArticleDraft(text=_body(i), title=f"শিরোনাম {i}") for i in range(10_000)]
    with Store(tmp / "articles.db") as store, _lock_holds() as holds:
        began = time.perf_counter()
        store.add_articles(drafts)
        took = time.perf_counter() - began
    lines.append(
        f"article import, 10,000 articles: {took:.2f} s, longest write lock"
        f" {1000 * max(holds):.0f} ms ({len(holds) - 1} search-index batches)"
    )
    bench_export.ARTICLES = 10_000
    source = tmp / "source.db"
    bench_export.build(source)
    out = tmp / "all.jsonl"
    with Store(source) as store:
        spans = export(store, "jsonl", out)
    with Store(tmp / "target.db") as store, _lock_holds() as holds:
        began = time.perf_counter()
        import_annotations(store, [out], "jsonl")
        took = time.perf_counter() - began
    lines.append(
        f"annotation import, 10,000 articles / {spans:,} spans: {took:.2f} s,"
        f" longest write lock {1000 * max(holds):.0f} ms"
    )
    return lines


def main() -> None:
    """Print the figures."""
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        for name in ("a", "b", "c"):
            (base / name).mkdir()
        print(two_taggers(base / "a"), flush=True)
        print(tags_during_import(base / "b"), flush=True)
        for line in import_lock_holds(base / "c"):
            print(line, flush=True)
    print(f"load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
