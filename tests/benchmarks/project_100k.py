"""The benchmark project of issue #13, built once and cached under `build/bench/`.

100,000 Bengali articles of about 3 KB, two million spans over three annotators (rahim marks
eight spans an article, karim seven of the same places, some moved or relabelled, mita five
of her own), statuses and a few document labels. Built with plain bulk SQL on a migrated
project, so building takes about a minute, and re-used by every benchmark while the recipe
(`RECIPE`) is unchanged. Run alone to build it: `.venv/bin/python tests/benchmarks/project_100k.py`.
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

from annotator.models import ArticleDraft
from annotator.store import Store

RECIPE = "v2"  # v2: built by code with schema step 0006 (no migration on first open)
ARTICLES = 100_000
LABELS = ("troop_deployment", "treaty", "visit", "military_aid", "support_statement")
WORDS = ("উত্তর কোরিয়া রাশিয়ায় আনুমানিক ১১ হাজার সৈন্য পাঠিয়েছে কিম জং উন মস্কো সফর "
         "ক্ষেপণাস্ত্র প্রতিরক্ষা চুক্তি সই হয়েছে ঢাকা দিল্লি সামরিক সহায়তা বিবৃতি "
         "প্রধানমন্ত্রী বলেছেন সীমান্তে মোতায়েন").split()  # fmt: skip
ROOT = Path(__file__).resolve().parents[2] / "build" / "bench"
STAMP = "2026-11-23T00:00:00.000+00:00"


def path_for(articles: int = ARTICLES) -> Path:
    """Where the cached project of `articles` articles lives."""
    return ROOT / f"project-{articles}-{RECIPE}.db"


def ensure_project(articles: int = ARTICLES) -> Path:
    """The cached project's path, building it first if it is missing."""
    path = path_for(articles)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".partial.db")
        for stale in path.parent.glob(partial.name + "*"):
            stale.unlink()
        build(partial, articles)
        partial.rename(path)
    return path


def _spans(rng: random.Random, article_id: int, text: str) -> list[tuple]:
    attrs = json.dumps({"certainty": "reported", "source": "KCNA"})
    rows = []
    rahim = []
    for _ in range(8):
        start = rng.randrange(0, len(text) - 40)
        rahim.append((start, start + rng.randrange(5, 40), rng.choice(LABELS)))
    for start, end, label in rahim:
        rows.append((article_id, "rahim", label, start, end, text[start:end], attrs))
    for start, end, label in rahim[:7]:
        roll = rng.random()
        if roll < 0.15:
            start = max(0, start - rng.randrange(1, 5))
        elif roll < 0.25:
            label = rng.choice(LABELS)
        rows.append((article_id, "karim", label, start, end, text[start:end], attrs))
    for _ in range(5):
        start = rng.randrange(0, len(text) - 40)
        end = start + rng.randrange(5, 40)
        rows.append((article_id, "mita", rng.choice(LABELS), start, end, text[start:end], "{}"))
    return rows


def build(path: Path, articles: int = ARTICLES) -> None:
    """Fill a new project at `path`."""
    rng = random.Random(13)
    t0 = time.perf_counter()
    with Store(path) as store:
        for name in ("rahim", "karim", "mita"):
            store.add_annotator(name)
        for first in range(0, articles, 5000):
            drafts = []
            for i in range(first, min(articles, first + 5000)):
                body = " ".join(rng.choice(WORDS) for _ in range(140))
                drafts.append(ArticleDraft(
                    text=f"{body} {i}।", title=f"শিরোনাম {i} {rng.choice(WORDS)}",
                    outlet=rng.choice(("প্রথম আলো", "কালবেলা", "যুগান্তর")),
                    published=f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}T08:00:00+06:00",
                ))  # fmt: skip
            store.add_articles(drafts, canonical=False)
        conn = store.db.conn
        with store.transaction():
            batch: list[tuple] = []
            for article_id, text in conn.execute("SELECT id, text FROM articles").fetchall():
                batch.extend(_spans(rng, article_id, text))
                if len(batch) > 200_000:
                    _insert(conn, batch)
                    batch = []
            _insert(conn, batch)
            conn.executemany(
                "INSERT INTO article_status (article_id, annotator, status, updated)"
                " VALUES (?, ?, ?, ?)",
                [(i, who, "done", STAMP) for i in range(1, articles + 1, 3)
                 for who in ("rahim", "karim")],
            )  # fmt: skip
            conn.executemany(
                "INSERT INTO doc_labels (article_id, annotator, label, created) VALUES (?,?,?,?)",
                [(i, "rahim", "support_statement", STAMP) for i in range(1, articles + 1, 7)],
            )
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    print(f"built {path.name}: {articles:,} articles in {time.perf_counter() - t0:.0f} s",
          file=sys.stderr)  # fmt: skip


def _insert(conn, rows: list[tuple]) -> None:
    conn.executemany(
        'INSERT INTO spans (article_id, annotator, label, start, "end", text, attrs, note,'
        f" origin, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, '', 'manual', '{STAMP}',"
        f" '{STAMP}')",
        rows,
    )


if __name__ == "__main__":
    print(ensure_project(int(sys.argv[1]) if len(sys.argv) > 1 else ARTICLES))
