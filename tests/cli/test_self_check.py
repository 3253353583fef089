"""`annotator --self-check`: one line per check, exit 0, with or without a display."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from annotator.cli import cli

ROOT = Path(__file__).resolve().parents[2]
CHECKS = ("python", "sqlite", "import", "window", "qt", "fonts", "shaping", "emoji")


def _run(
    *args: str, env_drop: tuple[str, ...] = (), **env_set: str
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in env_drop} | env_set
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run([sys.executable, "-m", "annotator", *args], capture_output=True,
                          text=True, cwd=ROOT, env=env, timeout=120)  # fmt: skip


def test_self_check_from_source_passes_without_a_display():
    done = _run("--self-check", env_drop=("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "window: no display" in done.stdout
    done = _run("--self-check", env_drop=("DISPLAY", "WAYLAND_DISPLAY"), QT_QPA_PLATFORM="")
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert [line.split(":")[0].split()[-1] for line in lines[:-1]] == list(CHECKS)
    assert all(line.startswith("ok ") for line in lines[:-1])
    assert "import: 5 articles" in done.stdout
    assert "platform offscreen" in done.stdout
    assert "ক্ষমতা স্বাক্ষর" in done.stdout and "Noto Color Emoji" in done.stdout
    assert lines[-1] == "self-check: all checks passed"
    assert "Traceback" not in done.stderr


def test_a_failing_check_is_one_line_and_exit_1(qapp, monkeypatch, tmp_path):
    import annotator.paths

    monkeypatch.setattr(annotator.paths, "seeds_dir", lambda: tmp_path)
    result = CliRunner().invoke(cli, ["--self-check"])
    assert result.exit_code == 1
    assert f"FAIL  import: no sample pages in {tmp_path}" in result.output
    assert "ok    sqlite" in result.output  # the other checks still ran
    assert result.output.splitlines()[-1] == "self-check: 1 failed"
    assert "Traceback" not in result.output


def test_help_names_the_self_check_and_loads_no_qt():
    done = _run("--help")
    assert "--self-check" in done.stdout
    code = "import sys, annotator.cli; assert not [m for m in sys.modules if 'PySide6' in m]"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT,
                   env={**os.environ, "PYTHONPATH": str(ROOT)})  # fmt: skip


def test_a_display_whose_plugin_lacks_libraries_fails_the_window_check_but_draws_offscreen(
    monkeypatch,
):
    from annotator import desktop_libs, self_check

    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.delenv("QT_QPA_PLATFORM")
    monkeypatch.setattr(desktop_libs, "missing_libraries",
                        lambda platform=None: [("libxcb-icccm.so.4", "libxcb-icccm4")])  # fmt: skip
    [window] = [c for c in self_check.core_checks() if c.name == "window"]
    assert not window.ok and "sudo apt-get install libxcb-icccm4" in window.detail
