"""Run every benchmark script in this folder and print their figures."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    """Run bench_*.py one after another (separate processes); return the worst exit code."""
    worst = 0
    for script in sorted(HERE.glob("bench_*.py")):
        print(f"== {script.name}", flush=True)
        worst = max(worst, subprocess.run([sys.executable, str(script)]).returncode)
    return worst


if __name__ == "__main__":
    sys.exit(main())
