"""Damaged project files: every command and the window start give one line, never a traceback."""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.models import ArticleDraft
from annotator.store import Store

COPIES = 25


@pytest.fixture(scope="module")
def good_project(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("good") / "project.db"
    with Store(path) as store:
        drafts = [
            ArticleDraft(
                text=f"খবর {i}: ঢাকা ও দিল্লির মধ্যে চুক্তি সই হয়েছে। " * 20, title=f"শিরোনাম {i}"
            )
            for i in range(120)
        ]
        results = store.add_articles(drafts)
        rows = [
            (r.id, "mita", "treaty", 0, 10, {"source": "মন্ত্রী"}, "", "manual", None, None)
            for r in results
        ]
        store.insert_span_rows(rows)
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def damaged_copies(good: Path, folder: Path) -> list[Path]:
    """`COPIES` copies with random bytes overwritten; some in the header and schema page."""
    data = good.read_bytes()
    copies = []
    for seed in range(COPIES):
        rng = random.Random(seed)
        damaged = bytearray(data)
        if seed % 5 == 0:  # the first page: header and schema
            positions = [rng.randrange(16, 4096) for _ in range(40)]
        elif seed % 5 == 1:  # a whole page of noise somewhere
            page = rng.randrange(1, len(data) // 4096)
            positions = list(range(page * 4096, page * 4096 + 4096))
        else:
            positions = [rng.randrange(100, len(data)) for _ in range(rng.choice((20, 200, 2000)))]
        for position in positions:
            damaged[position] = rng.randrange(256)
        copy = folder / f"damaged{seed:02}.db"
        copy.write_bytes(bytes(damaged))
        copies.append(copy)
    return copies


def _assert_one_line(result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert result.exit_code in (0, 1, 2)
    assert "Traceback" not in result.output
    if result.exit_code:
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_commands_on_damaged_copies_never_show_a_traceback(good_project, tmp_path):
    runner = CliRunner()
    failures = 0
    for copy in damaged_copies(good_project, tmp_path):
        listed = runner.invoke(cli, ["--db", str(copy), "articles"])
        _assert_one_line(listed)
        exported = runner.invoke(
            cli, ["--db", str(copy), "export", "--out", str(tmp_path / f"{copy.stem}.jsonl")]
        )
        _assert_one_line(exported)
        failures += bool(listed.exit_code) + bool(exported.exit_code)
    assert failures > 0  # the damage was real: some commands had to refuse


def test_a_damaged_project_names_the_file_and_the_newest_good_backup(good_project, tmp_path):
    project = tmp_path / "work.db"
    shutil.copy(good_project, project)
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", str(project), "articles"]).exit_code == 0  # daily backup
    [backup] = (tmp_path / "work.backups").iterdir()
    data = bytearray(project.read_bytes())
    data[16:100] = bytes(84)  # the header: page size and all
    project.write_bytes(bytes(data))
    result = runner.invoke(cli, ["--db", str(project), "articles"])
    assert result.exit_code == 2
    [line] = result.stderr.strip().splitlines()
    assert str(project) in line and "damaged" in line
    assert str(backup) in line and "annotator restore" in line


def test_the_real_command_prints_one_line_and_logs_the_traceback(good_project, tmp_path):
    project = tmp_path / "bad.db"
    data = bytearray(good_project.read_bytes())
    data[16:100] = bytes(84)
    project.write_bytes(bytes(data))
    env = {"XDG_STATE_HOME": str(tmp_path / "state"), "PATH": "/usr/bin:/bin"}
    proc = subprocess.run(
        [sys.executable, "-m", "annotator", "--db", str(project), "articles"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr + proc.stdout
    assert len(proc.stderr.strip().splitlines()) == 1
    assert str(project) in proc.stderr


def test_window_start_on_damaged_copies_shows_a_dialog_not_a_traceback(
    good_project, tmp_path, qtbot, monkeypatch
):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox

    from annotator.ui import app

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *a: shown.append(text))
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda _p, _t, text, *a: shown.append(text) or QMessageBox.StandardButton.No,
    )
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    app.install_excepthook(None)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("annotator", "rahim")
    opened = 0
    for copy in damaged_copies(good_project, tmp_path):
        window = app.open_window(copy, settings)
        if window is not None:
            opened += 1
            qtbot.addWidget(window)
            window.show()
            qtbot.wait(20)
            window.next_article()
            window.watcher.stop()
            window.close()
            window.store.close()
    assert all(len(text.splitlines()) <= 5 and "Traceback" not in text for text in shown)
    assert opened < COPIES or shown == []


def test_window_start_offers_the_newest_good_backup_and_opens_it(
    good_project, tmp_path, qtbot, monkeypatch
):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox

    from annotator.ui import app

    project = tmp_path / "work.db"
    shutil.copy(good_project, project)
    assert CliRunner().invoke(cli, ["--db", str(project), "articles"]).exit_code == 0
    data = bytearray(project.read_bytes())
    data[16:100] = bytes(84)
    project.write_bytes(bytes(data))
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda _p, _t, text, *a: asked.append(text) or QMessageBox.StandardButton.Yes,
    )
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("annotator", "rahim")
    window = app.open_window(project, settings)
    assert window is not None
    qtbot.addWidget(window)
    [question] = asked
    assert "damaged" in question and "work.backups" in question
    assert window.list_model.rowCount() == 120
    assert list(tmp_path.glob("work.before-restore-*.db"))  # the damaged file kept aside
    window.watcher.stop()
    window.store.close()
