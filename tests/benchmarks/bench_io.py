"""Benchmark import and export at 100,000 articles / 2M spans (issue #13), each against the
same work done with plain sqlite3 in the same run (`plain_io.py`).

Figures:
- "export FORMAT (100k)": seconds and peak memory of `annotator --db COPY export --format
  FORMAT` on a copy of the 100k project (`project_100k.py`), every format; the baseline is a
  plain streaming writer of the same records. Target: under 200 MiB for any format.
- "import 834 MB JSONL": seconds and peak memory of `annotator import` of that project's
  whole JSONL export (~860 MiB) into an empty project, with the input limits raised to let a
  file of that size in; the baseline is a plain sqlite3 import of it. Target: under 500 MiB.
- "import 10k x 20": median seconds of importing 10,000 articles with 200,000 spans from our
  JSONL (`import_inputs`, timed in the child around the import itself);
  the baseline is the plain import, timed in turn with it. Target: under 3 s.

Every measurement runs in a child process, started from this small one (a child's peak
memory reads at least its parent's: Linux carries it over `exec`), ours and the baseline's
back to back. Run alone, it prints the JSON (`figures.print_figures`):
`.venv/bin/python tests/benchmarks/bench_io.py [ROUNDS]` (rounds of the 10k import, default 5).
"""

from __future__ import annotations

import filecmp
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import project_100k
from figures import figure, print_figures  # noqa: I001 - sibling script

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
FORMATS = ("jsonl", "csv", "doccano", "labelstudio", "conll", "spacy", "brat")
OUT_NAMES = {"csv": "out.csv", "labelstudio": "out.json", "conll": "out.conll", "brat": "out.zip"}
RAISED = {"file_bytes": 1 << 40, "records": 10**8, "spans": 10**9}
EXPORT_MIB, IMPORT_MIB, IMPORT_10K_S = 200, 500, 3.0

# Runs one command in this child and reports its time and peak memory on the last line.
_CHILD = """
import json, os, resource, runpy, sys, time
kind, target, raised, *args = sys.argv[1:]
sys.argv = [target, *args]
if kind == "script":
    sys.path.insert(0, os.path.dirname(target))
code = 0
start = time.perf_counter()
try:
    if kind == "module":
        from annotator.ingest.limits import use_limits
        with use_limits(**json.loads(raised)):
            runpy.run_module(target, run_name="__main__")
    else:
        runpy.run_path(target, run_name="__main__")
except SystemExit as exc:
    code = exc.code or 0
took = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"code": code, "seconds": took, "peak_mib": peak}), file=sys.stderr)
"""


def _run(
    kind: str, target: str, *args: str | Path, raised: dict[str, int] | None = None
) -> dict[str, Any]:
    """Run `python -m annotator ARGS` (kind "module") or a script in a child process; its
    exit code, seconds (from its own start of the work) and peak memory in MiB."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, kind, target, json.dumps(raised or {}), *map(str, args)],
        capture_output=True, text=True, env=env, cwd=ROOT, check=False,
    )  # fmt: skip
    result = json.loads(done.stderr.strip().splitlines()[-1])
    if result["code"]:
        raise RuntimeError(f"{target} {args} failed: {done.stdout[-2000:]} {done.stderr[-2000:]}")
    result["output"] = done.stdout
    return result


def _annotator(*args: str | Path, raised: dict[str, int] | None = None) -> dict[str, Any]:
    return _run("module", "annotator", *args, raised=raised)


def _plain(*args: str | Path) -> dict[str, Any]:
    return _run("script", str(HERE / "plain_io.py"), *args)


def _empty_project(path: Path) -> Path:
    """An empty project (migrated, with the default labels) at `path`."""
    _run("script", str(HERE / "bench_io.py"), "--empty", path)
    return path


def exports(tmp: Path, copy: Path) -> tuple[list[dict[str, Any]], Path]:
    """The export figures of every format, and the JSONL our export wrote (kept)."""
    out: list[dict[str, Any]] = []
    kept = tmp / "all.jsonl"
    for fmt in FORMATS:
        ours_path = tmp / f"ours-{OUT_NAMES.get(fmt, 'out.jsonl')}"
        base_path = tmp / f"plain-{OUT_NAMES.get(fmt, 'out.jsonl')}"
        ours = _annotator("--db", copy, "export", "--format", fmt, "--out", ours_path)
        base = _plain("export", fmt, copy, base_path)
        spans = int(base["output"].split()[0])
        note = f"{spans:,} spans; plain streaming sqlite3 + csv/orjson/zipfile writer"
        if fmt == "jsonl":  # compared in pieces: this process stays small (see above)
            same = filecmp.cmp(ours_path, base_path, shallow=False)
            note += f"; identical bytes: {same}"
            ours_path.replace(kept)
        for path in (ours_path, base_path):
            path.unlink(missing_ok=True)
        out.append(
            figure(
                f"export {fmt} (100k)",
                ours["seconds"],
                "s",
                target=None,
                baseline=base["seconds"],
                baseline_what="plain writer",
                note=note,
            )
        )
        out.append(figure(f"export {fmt} (100k) peak memory", ours["peak_mib"], "MiB",
                          target=EXPORT_MIB, baseline=base["peak_mib"],
                          baseline_what="plain writer"))  # fmt: skip
    return out, kept


def big_import(tmp: Path, jsonl: Path) -> list[dict[str, Any]]:
    """Import the whole project's JSONL export into an empty project, ours then plain."""
    size = jsonl.stat().st_size / (1 << 20)
    ours_db, plain_db = _empty_project(tmp / "ours.db"), _empty_project(tmp / "plain.db")
    ours = _annotator("--db", ours_db, "import", jsonl, raised=RAISED)
    base = _plain("import", jsonl, plain_db)
    totals = [line for line in ours["output"].splitlines() if "spans added" in line]
    note = f"{size:,.0f} MiB file; {totals[-1] if totals else ours['output'][-200:]}"
    for path in tmp.glob("*.db*"):
        path.unlink()
    return [
        figure("import 834 MB JSONL", ours["seconds"], "s", target=None,
               baseline=base["seconds"], baseline_what="plain sqlite3 import", note=note),
        figure("import 834 MB JSONL peak memory", ours["peak_mib"], "MiB", target=IMPORT_MIB,
               baseline=base["peak_mib"], baseline_what="plain sqlite3 import"),
    ]  # fmt: skip


def small_import(tmp: Path, rounds: int) -> list[dict[str, Any]]:
    """10,000 articles x 20 spans from our JSONL, ours and plain in turn, medians."""
    source = tmp / "source10k.db"
    _run("script", str(HERE / "bench_io.py"), "--build10k", source)
    jsonl = tmp / "10k.jsonl"
    _annotator("--db", source, "export", "--format", "jsonl", "--out", jsonl)
    ours, base = [], []
    for n in range(rounds):
        ours_db, plain_db = _empty_project(tmp / f"o{n}.db"), _empty_project(tmp / f"p{n}.db")
        done = _run("script", str(HERE / "bench_io.py"), "--import", jsonl, ours_db)
        ours.append(json.loads(done["output"])["seconds"])
        base.append(_plain("import", jsonl, plain_db)["seconds"])
        for path in tmp.glob(f"[op]{n}.db*"):
            path.unlink()
    note = (
        "ours: "
        + " ".join(f"{t:.2f}" for t in ours)
        + "; plain: "
        + " ".join(f"{t:.2f}" for t in base)
        + "; Label Studio: 21 s for the same import"
    )
    return [figure("import 10k x 20", statistics.median(ours), "s", target=IMPORT_10K_S,
                   baseline=statistics.median(base), baseline_what="plain sqlite3 import",
                   note=note)]  # fmt: skip


def figures(rounds: int = 5) -> list[dict[str, Any]]:
    """Every figure of this script (see the module docstring)."""
    project = project_100k.ensure_project()
    with tempfile.TemporaryDirectory(prefix="bench-io-") as name:
        tmp = Path(name)
        copy = tmp / "copy.db"  # never the cached project itself: opening it writes
        shutil.copy(project, copy)
        _annotator("--db", copy, "backups", "--keep", "0")  # today's snapshot, not timed
        out, jsonl = exports(tmp, copy)
        copy.unlink()
        shutil.rmtree(tmp / "copy.backups", ignore_errors=True)
        out += big_import(tmp, jsonl)
        jsonl.unlink()
        out += small_import(tmp, rounds)
    return out


def _child_task() -> None:
    """The set-up steps run as children: an empty project, or the 10k source project."""
    from annotator.store import Store

    what, path = sys.argv[1], Path(sys.argv[2])
    if what == "--empty":
        Store(path).close()
    elif what == "--import":  # the import itself, timed in the process
        import time  # noqa: PLC0415

        from annotator.ingest.inputs import import_inputs  # noqa: PLC0415

        with Store(Path(sys.argv[3])) as store:
            start = time.perf_counter()
            summary = import_inputs(store, [path])
            took = time.perf_counter() - start
        assert summary.annotations is not None and summary.annotations.spans_added > 0
        print(json.dumps({"seconds": took}))
    else:
        import bench_export  # noqa: PLC0415 - sibling script

        bench_export.ARTICLES = 10_000
        bench_export.build(path)


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] in ("--empty", "--build10k", "--import"):
        _child_task()
    else:
        print_figures(figures(int(sys.argv[1]) if len(sys.argv) > 1 else 5))
