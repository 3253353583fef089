"""One benchmark figure as `make bench` reports it, and the helpers every bench script uses.

Each `bench_*.py` defines `figures() -> list[dict]` (each made by `figure`) and prints them
as JSON when run alone; `run_all.py` gathers them into one JSON object for `make bench`.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any


def figure(
    name: str,
    value: float,
    unit: str,
    *,
    target: float | None,
    baseline: float | None = None,
    baseline_what: str = "",
    lower_is_better: bool = True,
    note: str = "",
) -> dict[str, Any]:
    """A figure: its value, the baseline measured in the same run, its target and whether it
    met it (`met` is None when there is no target)."""
    met = None
    if target is not None:
        met = value <= target if lower_is_better else value >= target
    return {
        "name": name,
        "value": round(value, 4),
        "unit": unit,
        "baseline": None if baseline is None else round(baseline, 4),
        "baseline_what": baseline_what,
        "target": target,
        "met": met,
        "note": note,
    }


def median_time(run: Callable[[], object], rounds: int = 3) -> float:
    """Median wall seconds of `rounds` calls of `run`."""
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        run()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def bare_text_edit_times(app: Any, text: str, size: tuple[int, int], rounds: int) -> list[float]:
    """Seconds, per round, of a bare QTextEdit of `size` showing `text` and painting it: the
    floor the reading pane's open figures are compared with (Qt imported only here)."""
    from PySide6.QtWidgets import QTextEdit  # noqa: PLC0415 - only the Qt benchmarks need it

    bare = QTextEdit()
    bare.resize(*size)
    bare.show()
    times = []
    for _ in range(rounds):
        bare.setPlainText("")
        app.processEvents()
        t0 = time.perf_counter()
        bare.setPlainText(text)
        bare.viewport().repaint()
        app.processEvents()
        times.append(time.perf_counter() - t0)
    bare.close()
    return times


def peak_rss_mib() -> float:
    """This process's peak resident memory so far, MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_peak_rss_mib() -> float:
    """The largest peak resident memory of the child processes waited for, MiB."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def print_figures(figures: list[dict[str, Any]]) -> None:
    """Print figures as one JSON object (what `run_all.py` reads from each script)."""
    json.dump({"figures": figures, "load": round(os.getloadavg()[0], 2)}, sys.stdout,
              ensure_ascii=False, indent=1)  # fmt: skip
    sys.stdout.write("\n")
