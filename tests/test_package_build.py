"""The packaged build (`make package`, PyInstaller) passes its own self-check. Slow: about a
minute or more; run with `pytest -m slow tests/test_package_build.py`."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_the_packaged_build_passes_its_self_check(tmp_path):
    built = subprocess.run(["make", "--no-print-directory", "package"], cwd=ROOT,
                           capture_output=True, text=True, timeout=1800)  # fmt: skip
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    binary = ROOT / "dist" / "annotator" / "annotator"
    fonts = ROOT / "dist" / "annotator" / "_internal" / "resources" / "fonts"
    assert (fonts / "NotoColorEmoji.ttf").is_file()
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "PYTHONPATH")
    }
    env["XDG_DATA_HOME"] = str(tmp_path)
    done = subprocess.run([str(binary), "--self-check"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=300)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "(packaged)" in done.stdout and "import: 5 articles" in done.stdout
    assert done.stdout.splitlines()[-1] == "self-check: all checks passed"
