"""Benchmark importing 10,000 articles with 200,000 spans from our JSONL export.

Target: under 5 s. The import (into a new empty project each time) is timed ROUNDS times and
the median reported. Run: .venv/bin/python tests/benchmarks/bench_import.py [ROUNDS]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

import bench_export  # noqa: I001 - sibling script
from figures import figure, print_figures

from annotator.export import export
from annotator.ingest.annotations import import_annotations
from annotator.store import Store


def measure(rounds: int = 3) -> dict[str, float]:
    """Build a project, export it, and time the import into an empty project."""
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
    print(f"import {articles:,} articles with {report.spans_added:,} spans (of {spans:,}) "
          f"from JSONL: {' '.join(f'{t:.2f}' for t in times)} s; problems:"
          f" {len(report.problems)}", file=sys.stderr)  # fmt: skip
    return {"median": statistics.median(times), "spans": report.spans_added}


def figures(rounds: int = 3) -> list[dict]:
    """The import figure for `make bench`."""
    m = measure(rounds)
    return [figure("import 10,000 articles x 20 spans (our JSONL)", m["median"], "s", target=3.0,
                   note="Label Studio: 21 s for the same import")]  # fmt: skip


def main() -> None:
    """Print the figures as JSON (`ROUNDS`: the first argument, default 3)."""
    print_figures(figures(int(sys.argv[1]) if len(sys.argv) > 1 else 3))


if __name__ == "__main__":
    main()
