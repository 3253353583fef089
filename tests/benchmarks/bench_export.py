"""Benchmark the native JSONL export against a plain sqlite3 + orjson baseline.

1,000,000 spans over 50,000 articles. Target: >= 300,000 spans/s and within 3x of the
baseline measured in the same run. Run: .venv/bin/python tests/benchmarks/bench_export.py
"""

from __future__ import annotations

import json
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

import orjson

from annotator.export import export
from annotator.models import ArticleDraft
from annotator.store import Store

ARTICLES = 50_000
SPANS_PER_ARTICLE = 20
LABELS = ("troop_deployment", "treaty", "visit", "military_aid", "support_statement")
WORDS = "উত্তর কোরিয়া রাশিয়ায় আনুমানিক ১১ হাজার সৈন্য পাঠিয়েছে কিম জং উন মস্কো সফর".split()


def build(path: Path) -> None:
    """Fill a project with articles (through the store) and spans (bulk, for speed)."""
    rng = random.Random(1)
    with Store(path) as store:
        for first in range(0, ARTICLES, 5000):
            drafts = []
            for i in range(first, first + 5000):
                body = " ".join(rng.choice(WORDS) for _ in range(120))
                drafts.append(ArticleDraft(text=f"{body} {i}।", title=f"শিরোনাম {i}"))
            store.add_articles(drafts)
        rows = []
        stamp = "2026-11-23T00:00:00.000+00:00"
        attrs = json.dumps({"certainty": "reported", "source": "KCNA"})
        for article_id, text in store.db.execute("SELECT id, text FROM articles"):
            for _ in range(SPANS_PER_ARTICLE):
                start = rng.randrange(0, len(text) - 40)
                end = start + rng.randrange(5, 40)
                rows.append((article_id, "rahim", rng.choice(LABELS), start, end,
                             text[start:end], attrs, "", "manual", stamp, stamp))  # fmt: skip
        with store.transaction():
            store.db.conn.executemany(
                'INSERT INTO spans (article_id, annotator, label, start, "end", text, attrs,'
                " note, origin, created, updated) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                rows,
            )


def baseline(path: Path, out: Path) -> int:
    """Plain sqlite3 + orjson: the same lines with no filtering layer."""
    conn = sqlite3.connect(path)
    spans: dict[int, list] = {}
    count = 0
    for row in conn.execute(
        'SELECT article_id, id, start, "end", label, text, annotator, attrs, note, origin,'
        " created, updated FROM spans ORDER BY article_id, start"
    ):
        spans.setdefault(row[0], []).append(
            {"id": row[1], "start": row[2], "end": row[3], "label": row[4], "text": row[5],
             "annotator": row[6], "attrs": orjson.loads(row[7]), "note": row[8],
             "origin": row[9], "created": row[10], "updated": row[11]}
        )  # fmt: skip
    with out.open("wb") as handle:
        for row in conn.execute(
            "SELECT id, uid, title, outlet, byline, url, published, updated, text, meta"
            " FROM articles ORDER BY id"
        ):
            items = spans.get(row[0], [])
            count += len(items)
            handle.write(orjson.dumps(
                {"uid": row[1], "title": row[2], "outlet": row[3], "byline": row[4],
                 "url": row[5], "published": row[6], "updated": row[7], "text": row[8],
                 "meta": orjson.loads(row[9]), "spans": items}
            ) + b"\n")  # fmt: skip
    conn.close()
    return count


def main() -> None:
    """Build once, then time our export and the baseline (best of 2 each)."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        t0 = time.perf_counter()
        build(db)
        print(f"built {ARTICLES:,} articles, {ARTICLES * SPANS_PER_ARTICLE:,} spans in "
              f"{time.perf_counter() - t0:.1f} s")  # fmt: skip
        ours, base = [], []
        for _ in range(2):
            t0 = time.perf_counter()
            with Store(db) as store:
                n = export(store, "jsonl", Path(tmp) / "ours.jsonl")
            ours.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            m = baseline(db, Path(tmp) / "base.jsonl")
            base.append(time.perf_counter() - t0)
        assert n == m == ARTICLES * SPANS_PER_ARTICLE, (n, m)
    best, ref = min(ours), min(base)
    print(f"export jsonl: {n:,} spans in {best:.2f} s = {n / best:,.0f} spans/s "
          "(target >= 300,000)")  # fmt: skip
    print(f"baseline sqlite3+orjson: {ref:.2f} s = {m / ref:,.0f} spans/s; "
          f"ours is {best / ref:.2f}x the baseline time (target <= 3x)")  # fmt: skip
    sys.stdout.flush()


if __name__ == "__main__":
    main()
