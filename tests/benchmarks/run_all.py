"""`make bench`: run every benchmark script, print ONE JSON object with all their figures.

Each `bench_*.py` that defines `figures()` runs in its own process and prints its figures as
JSON (`figures.print_figures`); their human-readable lines go to stderr. The big project of
issue #13 is built once and cached under `build/bench/` (`project_100k.py`). The report is
printed and saved to `build/bench/report.json`; with `--readme` it is also kept as
`docs/benchmarks.json` and the README's speed table is rewritten from it
(`readme_table.py`). Run: .venv/bin/python tests/benchmarks/run_all.py [--readme] [NAMES]
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
REPORT = ROOT / "build" / "bench" / "report.json"
KEPT = ROOT / "docs" / "benchmarks.json"


def scripts(names: list[str]) -> list[Path]:
    """The bench scripts that report figures (all, or those named)."""
    found = [p for p in sorted(HERE.glob("bench_*.py")) if "def figures(" in p.read_text()]
    if names:
        found = [p for p in found if p.stem.removeprefix("bench_") in names or p.stem in names]
    return found


def run(script: Path) -> dict:
    """One script's figures (or its failure, as a figure-less entry)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    started = time.perf_counter()
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                          env=env, cwd=HERE, check=False)  # fmt: skip
    sys.stderr.write(done.stderr)
    entry = {"script": script.name, "seconds": round(time.perf_counter() - started, 1)}
    try:
        entry.update(json.loads(done.stdout))
    except json.JSONDecodeError:
        entry.update({"figures": [], "error": (done.stderr.strip().splitlines() or ["?"])[-1]})
    return entry


def main(argv: list[str]) -> int:
    """Run the scripts, print the report; 1 if a script failed."""
    readme = "--readme" in argv
    names = [a for a in argv if not a.startswith("--")]
    sys.path.insert(0, str(HERE))
    from project_100k import ensure_project  # noqa: PLC0415 - a sibling script

    ensure_project()
    runs = []
    for script in scripts(names):
        print(f"== {script.name}", file=sys.stderr, flush=True)
        runs.append(run(script))
    report = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python"
        f" {platform.python_version()}",
        "figures": [f | {"script": r["script"]} for r in runs for f in r["figures"]],
        "runs": [{k: v for k, v in r.items() if k != "figures"} for r in runs],
    }
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n")
    if readme:
        from readme_table import update_readme  # noqa: PLC0415 - a sibling script

        KEPT.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n")
        update_readme(report)
    json.dump(report, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 1 if any("error" in r for r in runs) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
