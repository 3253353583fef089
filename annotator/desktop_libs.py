"""Name the system libraries Qt's window needs and this machine lacks, before Qt is imported.

On a bare Debian/Ubuntu desktop, Qt's X11 platform plugin (`libqxcb.so`) fails to load and Qt
aborts saying "xcb-cursor0 or libxcb-cursor0 is needed", whichever library is really missing.
So before the window starts we ask the dynamic loader: `ldd` on the platform plugin the window
will use lists every library it cannot find ("=> not found", also those of the Qt libraries it
links), and each soname is mapped to its Debian package. Without `ldd` (or without the plugin
file), the known lists below are looked up in `ldconfig -p` and `LD_LIBRARY_PATH` instead.

Which plugin: the first name in `QT_QPA_PLATFORM` when set ("xcb", "wayland", "offscreen" ...);
else "wayland" in a Wayland session, "xcb" when `DISPLAY` is set, and otherwise "offscreen"
(only the libraries every platform needs; Qt itself will say that there is no display).

`python -m annotator.desktop_libs --check` prints one line (`The window needs system
libraries: sudo apt-get install ...`) and exits 1 when something is missing; `--install`
installs the packages with apt-get when run as root (what `make run` calls), else does the same
as `--check`. Set `ANNOTATOR_SKIP_LIB_CHECK=1` to skip the check altogether.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

# Libraries every platform plugin needs (through QtGui/QtCore), and those of the X11 plugin.
HEADLESS_LIBS: dict[str, str] = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
}
XCB_LIBS: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}
# Other sonames seen in `ldd` of the Qt plugins whose package name is not the usual rule.
OTHER_PACKAGES: dict[str, str] = {
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libGLX.so.0": "libglx0",
    "libGLdispatch.so.0": "libglvnd0",
    "libOpenGL.so.0": "libopengl0",
    "libz.so.1": "zlib1g",
    "libpng16.so.16": "libpng16-16",
    "libwayland-egl.so.1": "libwayland-egl1",
}
PACKAGES: dict[str, str] = {**HEADLESS_LIBS, **XCB_LIBS, **OTHER_PACKAGES}

PLUGIN_FILES: dict[str, tuple[str, ...]] = {
    "xcb": ("libqxcb.so",),
    "wayland": ("libqwayland.so", "libqwayland-generic.so"),
    "offscreen": ("libqoffscreen.so",),
}
_NOT_FOUND = re.compile(r"^\s*(\S+)\s*=>\s*not found", re.MULTILINE)


def platform_in_use(env: Mapping[str, str] | None = None) -> str:
    """The Qt platform plugin the window will load: "xcb", "wayland", "offscreen" ..."""
    env = os.environ if env is None else env
    chosen = env.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if chosen:
        return chosen
    if env.get("WAYLAND_DISPLAY") and env.get("XDG_SESSION_TYPE") == "wayland":
        return "wayland"
    return "xcb" if env.get("DISPLAY") else "offscreen"


def debian_package(soname: str) -> str:
    """The Debian package that ships `soname` (Debian's library naming rule when unknown)."""
    if soname in PACKAGES:
        return PACKAGES[soname]
    match = re.fullmatch(r"(lib.+?)\.so\.(\d+)(?:\..*)?", soname)
    if match is None:
        return soname
    name, major = match[1].lower(), match[2]
    return f"{name}-{major}" if name[-1].isdigit() else f"{name}{major}"


def plugin_path(platform: str) -> Path | None:
    """The installed PySide6 plugin file of `platform` (PySide6 is not imported)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        folder = Path(location) / "Qt" / "plugins" / "platforms"
        for name in PLUGIN_FILES.get(platform, (f"libq{platform}.so",)):
            if (folder / name).is_file():
                return folder / name
    return None


def parse_ldd(output: str) -> list[str]:
    """The sonames `ldd` reported as "not found", each once, in order."""
    return list(dict.fromkeys(_NOT_FOUND.findall(output)))


def _ldd(plugin: Path) -> str | None:
    ldd = shutil.which("ldd")
    if ldd is None:
        return None
    try:
        done = subprocess.run(
            [ldd, str(plugin)], capture_output=True, text=True, timeout=20, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.stdout.strip() else None


def _known_sonames() -> set[str] | None:
    """Sonames the loader knows: `ldconfig -p` and the `LD_LIBRARY_PATH` folders."""
    ldconfig = shutil.which("ldconfig") or next(
        (p for p in ("/sbin/ldconfig", "/usr/sbin/ldconfig") if os.access(p, os.X_OK)), None
    )
    if ldconfig is None:
        return None
    try:
        out = subprocess.run(
            [ldconfig, "-p"], capture_output=True, text=True, timeout=20, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    names = {line.split()[0] for line in out.splitlines()[1:] if line.strip()}
    for folder in os.environ.get("LD_LIBRARY_PATH", "").split(":"):
        if folder and os.path.isdir(folder):
            names.update(os.listdir(folder))
    return names


def missing_libraries(platform: str | None = None) -> list[tuple[str, str]]:
    """`(soname, Debian package)` of each library the `platform` plugin cannot load.

    `platform` None means `platform_in_use()`. Empty when nothing is missing, when not on
    Linux, or when it cannot be told (no PySide6, no `ldd` and no `ldconfig`).
    """
    if not sys.platform.startswith("linux") or os.environ.get("ANNOTATOR_SKIP_LIB_CHECK"):
        return []
    platform = platform or platform_in_use()
    plugin = plugin_path(platform)
    output = _ldd(plugin) if plugin is not None else None
    if output is not None:
        return [(name, debian_package(name)) for name in parse_ldd(output)]
    if importlib.util.find_spec("PySide6") is None:
        return []
    known = _known_sonames()
    if known is None:
        return []
    wanted = {**HEADLESS_LIBS, **(XCB_LIBS if platform == "xcb" else {})}
    return [(name, package) for name, package in wanted.items() if name not in known]


def advice(missing: list[tuple[str, str]]) -> str:
    """The one line telling the user what to install."""
    packages = " ".join(dict.fromkeys(package for _, package in missing))
    if shutil.which("apt-get"):
        return f"The window needs system libraries: sudo apt-get install {packages}"
    names = " ".join(name for name, _ in missing)
    return f"The window needs system libraries: {names} (Debian/Ubuntu packages: {packages})"


def install(missing: list[tuple[str, str]]) -> bool:
    """Install the packages of `missing` with apt-get; False when not root or no apt-get."""
    apt = shutil.which("apt-get")
    if apt is None or os.geteuid() != 0:
        return False
    packages = list(dict.fromkeys(package for _, package in missing))
    print(f"Installing system libraries the window needs: {' '.join(packages)}", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run([apt, "update", "-qq"], env=env, check=False)
    done = subprocess.run(
        [apt, "install", "-y", "-qq", "--no-install-recommends", *packages], env=env, check=False
    )
    return done.returncode == 0


def main(argv: list[str] | None = None) -> int:
    """`python -m annotator.desktop_libs [--check | --install]`; exit status 1 if missing."""
    parser = argparse.ArgumentParser(prog="python -m annotator.desktop_libs", description=__doc__)
    parser.add_argument("--install", action="store_true", help="apt-get install them (root)")
    parser.add_argument("--check", action="store_true", help="only say what is missing")
    args = parser.parse_args(argv)
    missing = missing_libraries()
    if missing and args.install and install(missing):
        missing = missing_libraries()
    if missing:
        print(advice(missing), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
