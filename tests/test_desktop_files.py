"""The desktop entry, AppStream metainfo and icons: valid, and agreeing with pyproject."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from annotator.paths import APP_ID, ICON_SIZES, icon_paths

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def _entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive: Name[bn]
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def _validate_desktop(path: Path) -> None:
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        pytest.skip("desktop-file-validate is not installed")
    done = subprocess.run([tool, str(path)], capture_output=True, text=True)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


def test_the_desktop_entry_validates_and_names_the_app_in_english_and_bengali():
    _validate_desktop(DESKTOP)
    entry = _entry(DESKTOP)
    assert entry["Icon"] == APP_ID
    assert entry["Exec"] == entry["TryExec"] == "annotator"
    assert entry["Exec"] in PYPROJECT["scripts"]  # the console script pyproject installs
    for key in ("Name", "GenericName", "Comment"):
        assert entry[key] and entry[f"{key}[bn]"]
        assert any("\u0980" <= c <= "\u09ff" for c in entry[f"{key}[bn]"]), key
    assert entry["StartupWMClass"] == "annotator"  # Qt's WM_CLASS: the application name
    assert entry["Categories"].endswith(";") and entry["Keywords"]


def test_the_metainfo_validates_and_agrees_with_pyproject_and_the_desktop_entry():
    tool = shutil.which("appstreamcli")
    if tool is None:
        pytest.skip("appstreamcli is not installed")
    done = subprocess.run([tool, "validate", "--no-net", str(METAINFO)], capture_output=True,
                          text=True)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("project_license") == PYPROJECT["license"]
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("name") == _entry(DESKTOP)["Name"]
    assert root.findtext("summary") == _entry(DESKTOP)["Comment"]
    bengali = {e.tag: e.text for e in root if e.get("{http://www.w3.org/XML/1998/namespace}lang")}
    assert bengali == {
        "name": _entry(DESKTOP)["Name[bn]"],
        "summary": _entry(DESKTOP)["Comment[bn]"],
    }
    assert root.find("releases/release").get("version") == PYPROJECT["version"]
    assert root.findtext("url[@type='homepage']") == PYPROJECT["urls"]["Homepage"]
    assert root.find("content_rating").get("type").startswith("oars-")
    for image in root.iterfind("screenshots/screenshot/image"):
        name = image.text.rsplit("/", 1)[-1]
        assert (ROOT / "docs" / name).is_file(), name  # points at images that exist


def test_every_icon_size_exists_and_has_its_size():
    from PySide6.QtGui import QImage

    pngs, svg = icon_paths()[:-1], icon_paths()[-1]
    assert svg.read_text(encoding="utf-8").lstrip().startswith("<?xml")
    assert "<text" not in svg.read_text(encoding="utf-8")  # letters are paths: no font needed
    for size, path in zip(ICON_SIZES, pngs, strict=True):
        image = QImage(str(path))
        assert (image.width(), image.height()) == (size, size), path
        assert image.hasAlphaChannel()


def test_the_window_uses_the_icon_and_the_desktop_id(qapp):
    from PySide6.QtGui import QGuiApplication

    from annotator.ui.app import app_icon, make_application

    app = make_application()
    assert QGuiApplication.desktopFileName() == APP_ID
    assert sorted(s.width() for s in app_icon().availableSizes()) == sorted(ICON_SIZES)
    assert not app.windowIcon().isNull()


def test_the_icon_script_renders_what_is_committed(tmp_path):
    """packaging/render_icons.py, run on the committed SVG, gives the committed PNGs."""
    from PySide6.QtGui import QImage

    sys.path.insert(0, str(PACKAGING))
    try:
        import render_icons
    finally:
        sys.path.remove(str(PACKAGING))
    svg = str(icon_paths()[-1])
    for size, path in zip(ICON_SIZES, icon_paths()[:-1], strict=True):
        fresh = render_icons.render(svg, size).convertToFormat(QImage.Format.Format_ARGB32)
        kept = QImage(str(path)).convertToFormat(QImage.Format.Format_ARGB32)
        assert fresh == kept, path


def _make(target: str, data_home: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_DATA_HOME": str(data_home)}
    return subprocess.run(["make", "--no-print-directory", target, *extra], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)  # fmt: skip


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_install_desktop_installs_and_uninstalls_in_xdg_data_home(tmp_path):
    home = tmp_path / "data home"
    program = tmp_path / "my apps" / "annotator"  # a space: Exec must quote it
    program.parent.mkdir()
    program.write_text("#!/bin/sh\nexit 0\n")
    program.chmod(0o755)
    done = _make("install-desktop", home, f"DESKTOP_EXEC={program}")
    assert done.returncode == 0, done.stdout + done.stderr
    desktop = home / "applications" / DESKTOP.name
    assert (home / "metainfo" / METAINFO.name).read_bytes() == METAINFO.read_bytes()
    for size in ICON_SIZES:
        assert (home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png").is_file()
    assert (home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    entry = _entry(desktop)
    assert entry["Exec"] == f'"{program}"'
    assert entry["TryExec"] == str(program)
    _validate_desktop(desktop)

    done = _make("uninstall-desktop", home)
    assert done.returncode == 0, done.stdout + done.stderr
    assert not desktop.exists() and not list((home / "icons").rglob(f"{APP_ID}.*"))


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_install_desktop_refuses_a_missing_program_in_one_line(tmp_path):
    done = _make("install-desktop", tmp_path, f"DESKTOP_EXEC={tmp_path / 'nothing'}")
    assert done.returncode != 0
    [line] = [x for x in done.stderr.splitlines() if x.startswith("install_desktop:")]
    assert "is not an executable file" in line and "Traceback" not in done.stderr
    assert not (tmp_path / "applications").exists()


def test_exec_values_are_quoted_as_the_spec_asks():
    sys.path.insert(0, str(PACKAGING))
    try:
        from install_desktop import exec_value
    finally:
        sys.path.remove(str(PACKAGING))
    assert exec_value(Path("/opt/annotator/annotator")) == "/opt/annotator/annotator"
    assert exec_value(Path("/a b/annotator")) == '"/a b/annotator"'
    assert exec_value(Path("/a$b/x")) == '"/a\\\\$b/x"'  # \$ inside quotes, \ escaped again
    assert exec_value(Path("/100%/x")) == "/100%%/x"
