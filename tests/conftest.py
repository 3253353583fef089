"""Shared fixtures: headless Qt, stores in memory and on disk, the bundled seeds."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")

import pytest  # noqa: E402
from hypothesis import HealthCheck, settings  # noqa: E402

# No per-example deadline or too-slow check: on a loaded 2-core CI machine slowness is not a
# failure.
settings.register_profile("annotator", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("annotator")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture
def seeds_dir() -> Path:
    """The bundled sample pages."""
    return SEEDS


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory, monkeypatch):
    """Keep every test away from the user's real default database."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("xdg")))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path_factory.mktemp("xdg-state")))
    monkeypatch.delenv("ANNOTATOR_DB", raising=False)


@pytest.fixture
def db_path(tmp_path) -> Path:
    """A project database path on disk (not created yet)."""
    return tmp_path / "project.db"


@pytest.fixture(autouse=True)
def _english_interface_for_qt_tests(request):
    """Every Qt test starts in English with Western digits, whatever an earlier test chose."""
    if "qapp" not in request.fixturenames and "qtbot" not in request.fixturenames:
        yield
        return
    from annotator.ui import i18n

    i18n.apply_language(i18n.ENGLISH)
    i18n.set_bengali_digits(False)
    yield
    i18n.apply_language(i18n.ENGLISH)
    i18n.set_bengali_digits(False)


@pytest.fixture(autouse=True)
def _clear_clipboard_after_qt_tests(request):
    """Qt's offscreen clipboard crashes at interpreter exit if it still owns data."""
    yield
    if "qapp" in request.fixturenames or "qtbot" in request.fixturenames:
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        if app is not None:
            QApplication.clipboard().clear()
