"""`annotator export` refuses a missing folder in one line and keeps modes and links."""

import os
import stat

import pytest
from click.testing import CliRunner

from annotator.cli import cli


@pytest.fixture
def run(db_path):
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(cli, ["--db", str(db_path), *args], catch_exceptions=False)

    return invoke


@pytest.mark.parametrize("name", ["out.jsonl", "brat_folder", "brat.zip"])
def test_export_into_a_missing_folder_says_so_and_creates_nothing(run, tmp_path, name):
    fmt = "brat" if "brat" in name else "jsonl"
    missing = tmp_path / "missing"
    result = run("export", "--format", fmt, "--out", str(missing / name))
    assert result.exit_code == 1
    assert result.output == (
        f"Error: cannot write {missing / name}: folder {missing} does not exist\n"
    )
    assert not missing.exists()


def test_export_keeps_mode_and_symlink(run, tmp_path):
    real = tmp_path / "real.jsonl"
    link = tmp_path / "link.jsonl"
    assert run("export", "--out", str(real)).exit_code == 0
    os.chmod(real, 0o640)
    link.symlink_to(real)
    result = run("export", "--out", str(link))
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and stat.S_IMODE(real.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.jsonl", "project.db", "real.jsonl"]
