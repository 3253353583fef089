"""Benchmark importing 10,000 articles with 200,000 spans from our JSONL export.

Target: under 5 s. Run: .venv/bin/python tests/benchmarks/bench_import.py
"""

from __future__ import annotations

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
    bench_export.ARTICLES = 10_000
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "source.db"
        bench_export.build(source)
        out = Path(tmp) / "all.jsonl"
        with Store(source) as store:
            spans = export(store, "jsonl", out)
        with Store(Path(tmp) / "target.db") as target:
            t0 = time.perf_counter()
            report = import_annotations(target, [out], "jsonl")
            took = time.perf_counter() - t0
            articles = target.article_count()
    print(f"import {articles:,} articles with {report.spans_added:,} spans (of {spans:,}) "
          f"from JSONL: {took:.2f} s (target < 5 s); problems: {len(report.problems)}")  # fmt: skip
    sys.stdout.flush()


if __name__ == "__main__":
    main()
