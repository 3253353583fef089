"""Benchmark the native JSONL export against a plain sqlite3 + orjson baseline.

1,000,000 spans over 50,000 articles. Target: >= 300,000 spans/s and within 3x of the
baseline measured in the same run. Both are timed ROUNDS times, interleaved, and the medians
compared (other work on the machine makes single runs noisy).
Run: .venv/bin/python tests/benchmarks/bench_export.py [ROUNDS]
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

import orjson
from figures import figure, print_figures

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
    """Plain sqlite3 + orjson, written as one would without our layers: the same data in the
    same JSON shape (byte for byte). Spans stream in order beside the articles (one query
    each), dicts are built straight from rows, lines go through a buffered file."""
    conn = sqlite3.connect(path)
    everyone = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM annotators UNION SELECT DISTINCT annotator FROM spans ORDER BY 1"
        )
    ]
    docs: dict[int, list[dict[str, str]]] = {}
    for article_id, who, label in conn.execute(
        "SELECT article_id, annotator, label FROM doc_labels ORDER BY article_id, label, annotator"
    ):
        docs.setdefault(article_id, []).append({"annotator": who, "label": label})
    recorded: dict[int, dict[str, str]] = {}
    for article_id, who, status in conn.execute(
        "SELECT article_id, annotator, status FROM article_status"
    ):
        recorded.setdefault(article_id, {})[who] = status
    comments: dict[int, list[dict[str, object]]] = {}
    for article_id, author, body, start, end, span_id, created in conn.execute(
        'SELECT article_id, author, body, start, "end", span_id, created FROM comments'
        ' ORDER BY article_id, start, "end", created, id'
    ):
        comments.setdefault(article_id, []).append(
            {"author": author, "body": body, "start": start, "end": end, "span_id": span_id,
             "created": created}
        )  # fmt: skip
    reviews = dict(conn.execute("SELECT article_id, status FROM review_status"))
    spans = conn.execute(
        'SELECT article_id, id, start, "end", label, text, annotator, attrs, note, origin,'
        ' created, updated FROM spans ORDER BY article_id, start, "end", id'
    )
    pending = next(spans, None)
    count = 0
    with out.open("wb", buffering=1 << 20) as handle:
        for row in conn.execute(
            "SELECT id, uid, title, outlet, byline, url, published, updated, text, meta"
            " FROM articles ORDER BY id"
        ):
            items = []
            while pending is not None and pending[0] == row[0]:
                items.append(
                    {"id": pending[1], "start": pending[2], "end": pending[3],
                     "label": pending[4], "text": pending[5], "annotator": pending[6],
                     "attrs": orjson.loads(pending[7]), "note": pending[8],
                     "origin": pending[9], "created": pending[10], "updated": pending[11]}
                )  # fmt: skip
                pending = next(spans, None)
            count += len(items)
            statuses = recorded.get(row[0], {})
            with_spans = {item["annotator"] for item in items}
            status = {name: statuses.get(name, "todo") for name in everyone
                      if statuses.get(name, "todo") != "todo" or name in with_spans}  # fmt: skip
            handle.write(orjson.dumps(
                {"uid": row[1], "title": row[2], "outlet": row[3], "byline": row[4],
                 "url": row[5], "published": row[6], "updated": row[7], "text": row[8],
                 "meta": orjson.loads(row[9]), "spans": items,
                 "doc_labels": docs.get(row[0], []), "status": status,
                 "comments": comments.get(row[0], []),
                 "review_status": reviews.get(row[0], "not_reviewed")},
                option=orjson.OPT_APPEND_NEWLINE,
            ))  # fmt: skip
    conn.close()
    return count


def measure(rounds: int = 3) -> dict[str, float]:
    """Build once, then time our export and the baseline `rounds` times each, interleaved."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        t0 = time.perf_counter()
        build(db)
        took, load = time.perf_counter() - t0, os.getloadavg()[0]
        print(f"built {ARTICLES:,} articles, {ARTICLES * SPANS_PER_ARTICLE:,} spans in "
              f"{took:.1f} s; load average {load:.2f}", file=sys.stderr)  # fmt: skip
        ours, base = [], []
        for _ in range(rounds):
            t0 = time.perf_counter()
            with Store(db) as store:
                n = export(store, "jsonl", Path(tmp) / "ours.jsonl")
            ours.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            m = baseline(db, Path(tmp) / "base.jsonl")
            base.append(time.perf_counter() - t0)
        assert n == m == ARTICLES * SPANS_PER_ARTICLE, (n, m)
        same = (Path(tmp) / "ours.jsonl").read_bytes() == (Path(tmp) / "base.jsonl").read_bytes()
    return {"spans": n, "ours": statistics.median(ours), "base": statistics.median(base),
            "same": same}  # fmt: skip


def figures(rounds: int = 3) -> list[dict]:
    """The jsonl export's figure for `make bench`."""
    m = measure(rounds)
    return [
        figure("jsonl export, 1M spans", m["spans"] / m["ours"], "spans/s", target=300_000,
               baseline=m["spans"] / m["base"], lower_is_better=False,
               baseline_what="plain sqlite3 + orjson writing the same bytes",
               note=f"{m['ours'] / m['base']:.2f}x the baseline's time; identical output:"
               f" {m['same']}"),
    ]  # fmt: skip


def main() -> None:
    """Print the figures as JSON (`ROUNDS`: the first argument, default 3)."""
    print_figures(figures(int(sys.argv[1]) if len(sys.argv) > 1 else 3))


if __name__ == "__main__":
    main()
