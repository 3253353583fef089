"""The window's system-library check names what is missing, from faked loader output."""

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator import desktop_libs
from annotator.cli import cli

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux loader")

LDD = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibxcb-cursor.so.0 => /lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x00007f7d)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-xkb.so.1 => /lib/x86_64-linux-gnu/libxcb-xkb.so.1 (0x00007f7d)
\tlibxcb-icccm.so.4 => not found
\tlibfoo2.so.3 => not found
"""


@pytest.fixture
def fake_loader(monkeypatch):
    """Loader answers set by the test: `ldd` output (None: no ldd) and `ldconfig -p` names."""
    answers = {"ldd": LDD, "known": set()}
    monkeypatch.delenv("ANNOTATOR_SKIP_LIB_CHECK", raising=False)
    monkeypatch.setattr(desktop_libs, "plugin_path", lambda platform: Path("/q/libqxcb.so"))
    monkeypatch.setattr(desktop_libs, "_ldd", lambda plugin: answers["ldd"])
    monkeypatch.setattr(desktop_libs, "_known_sonames", lambda: answers["known"])
    monkeypatch.setattr(desktop_libs.shutil, "which", lambda name: f"/usr/bin/{name}")
    return answers


def test_ldd_not_found_entries_become_debian_packages(fake_loader):
    assert desktop_libs.missing_libraries("xcb") == [
        ("libxcb-icccm.so.4", "libxcb-icccm4"),
        ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
        ("libfoo2.so.3", "libfoo2-3"),  # Debian's rule for names ending in a digit
    ]
    fake_loader["ldd"] = LDD.replace("not found", "/lib/x.so")
    assert desktop_libs.missing_libraries("xcb") == []


def test_without_ldd_the_known_lists_are_looked_up(fake_loader):
    fake_loader["ldd"] = None
    everything = {*desktop_libs.HEADLESS_LIBS, *desktop_libs.XCB_LIBS}
    fake_loader["known"] = everything - {"libxcb-icccm.so.4", "libGL.so.1"}
    assert desktop_libs.missing_libraries("xcb") == [
        ("libGL.so.1", "libgl1"),
        ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ]
    assert desktop_libs.missing_libraries("offscreen") == [("libGL.so.1", "libgl1")]


def test_skip_variable_turns_the_check_off(fake_loader, monkeypatch):
    monkeypatch.setenv("ANNOTATOR_SKIP_LIB_CHECK", "1")
    assert desktop_libs.missing_libraries("xcb") == []


@pytest.mark.parametrize(
    ("env", "platform"),
    [
        ({}, "offscreen"),
        ({"DISPLAY": ":0"}, "xcb"),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, "offscreen"),
        ({"QT_QPA_PLATFORM": "xcb:nomitshm"}, "xcb"),
        ({"QT_QPA_PLATFORM": "wayland;xcb", "DISPLAY": ":0"}, "wayland"),
        ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"},
         "wayland"),
        ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "x11"}, "xcb"),
    ],
)  # fmt: skip
def test_platform_in_use(env, platform):
    assert desktop_libs.platform_in_use(env) == platform


def test_debian_package_names():
    assert desktop_libs.debian_package("libxkbcommon-x11.so.0") == "libxkbcommon-x11-0"
    assert desktop_libs.debian_package("libglib-2.0.so.0") == "libglib2.0-0"
    assert desktop_libs.debian_package("libwayland-cursor.so.0") == "libwayland-cursor0"
    assert desktop_libs.debian_package("libdbus-1.so.3") == "libdbus-1-3"


def test_parse_ldd_keeps_order_and_drops_repeats():
    assert desktop_libs.parse_ldd(LDD) == [
        "libxcb-icccm.so.4",
        "libxcb-keysyms.so.1",
        "libfoo2.so.3",
    ]


def test_check_prints_the_one_apt_line(fake_loader, monkeypatch, capsys):
    monkeypatch.setattr(desktop_libs, "platform_in_use", lambda env=None: "xcb")
    assert desktop_libs.main(["--check"]) == 1
    assert capsys.readouterr().err == (
        "The window needs system libraries: "
        "sudo apt-get install libxcb-icccm4 libxcb-keysyms1 libfoo2-3\n"
    )


def test_install_as_a_user_only_says_what_to_run(fake_loader, monkeypatch, capsys):
    monkeypatch.setattr(desktop_libs, "platform_in_use", lambda env=None: "xcb")
    monkeypatch.setattr(desktop_libs.os, "geteuid", lambda: 1000)
    ran = []
    monkeypatch.setattr(desktop_libs.subprocess, "run", lambda *a, **k: ran.append(a))
    assert desktop_libs.main(["--install"]) == 1
    assert ran == []
    assert capsys.readouterr().err.startswith("The window needs system libraries: sudo apt-get")


def test_install_as_root_runs_apt_get_then_checks_again(fake_loader, monkeypatch, capsys):
    monkeypatch.setattr(desktop_libs, "platform_in_use", lambda env=None: "xcb")
    monkeypatch.setattr(desktop_libs.os, "geteuid", lambda: 0)
    ran = []

    def run(argv, **kwargs):
        ran.append(argv)
        if argv[1] == "install":
            fake_loader["ldd"] = ""  # installed: nothing missing any more
        return subprocess.CompletedProcess(argv, 0)

    monkeypatch.setattr(desktop_libs.subprocess, "run", run)
    assert desktop_libs.main(["--install"]) == 0
    assert ran == [
        ["/usr/bin/apt-get", "update", "-qq"],
        ["/usr/bin/apt-get", "install", "-y", "-qq", "--no-install-recommends",
         "libxcb-icccm4", "libxcb-keysyms1", "libfoo2-3"],
    ]  # fmt: skip
    out = capsys.readouterr()
    assert "Installing system libraries" in out.out and out.err == ""


def test_gui_command_names_missing_libraries_instead_of_starting_qt(monkeypatch, db_path):
    monkeypatch.setattr(
        desktop_libs, "missing_libraries", lambda platform=None: [("libxcb-icccm.so.4", "x1")]
    )
    monkeypatch.setattr(desktop_libs.shutil, "which", lambda name: f"/usr/bin/{name}")
    result = CliRunner().invoke(cli, ["--db", str(db_path), "gui"])
    assert result.exit_code == 1
    assert result.output == "The window needs system libraries: sudo apt-get install x1\n"
    assert not db_path.exists()  # stopped before even opening the project


def test_real_check_runs_fast_and_returns_pairs():
    missing = desktop_libs.missing_libraries("xcb")  # whatever this machine has
    assert all(soname.startswith("lib") and package for soname, package in missing)
