"""Benchmark importing 10,000 articles with 200,000 spans from our JSONL export.

Target: under 5 s. The import (into a new empty project each time) is timed ROUNDS times and
the median reported. Run: .venv/bin/python tests/benchmarks/bench_import.py [ROUNDS]
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import bench_export  # noqa: I001 - sibling script

from annotator.export import export
from annotator.ingest.annotations import import_annotations
from annotator.store import Store


def main() -> None:
    """Build a project, export it, and time the import into an empty project."""
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    bench_export.ARTICLES = 10_000
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "source.db"
        bench_export.build(source)
        out = Path(tmp) / "all.jsonl"
        with Store(source) as store:
            spans = export(store, "jsonl", out)
        for round_ in range(rounds):
            with Store(Path(tmp) / f"target{round_}.db") as target:
                t0 = time.perf_counter()
                report = import_annotations(target, [out], "jsonl")
                times.append(time.perf_counter() - t0)
                articles = target.article_count()
    took = statistics.median(times)
    print(f"import {articles:,} articles with {report.spans_added:,} spans (of {spans:,}) "
          f"from JSONL: median {took:.2f} s of {' '.join(f'{t:.2f}' for t in times)} "
          f"(target < 5 s); problems: {len(report.problems)}; "
          f"load average {os.getloadavg()[0]:.2f}")  # fmt: skip
    sys.stdout.flush()


if __name__ == "__main__":
    main()
