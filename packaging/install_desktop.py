"""Install the desktop entry, AppStream metainfo and icons for the current user (no root).

    python3 packaging/install_desktop.py install --exec /abs/path/to/annotator
    python3 packaging/install_desktop.py uninstall

`make install-desktop` and `make uninstall-desktop` call it. Files go under
`${XDG_DATA_HOME:-~/.local/share}`: `applications/<id>.desktop` (its Exec and TryExec
rewritten to the absolute path given), `metainfo/<id>.metainfo.xml` and
`icons/hicolor/<size>/apps/<id>.png|svg`. Only the standard library is used, so the
system python3 runs it. Errors are one line and exit status 1.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_ID = "io.github.bnclaims.Annotator"
DESKTOP = ROOT / "packaging" / f"{APP_ID}.desktop"
METAINFO = ROOT / "packaging" / f"{APP_ID}.metainfo.xml"
ICONS = ROOT / "resources" / "icons" / "hicolor"
# Characters that make the desktop-entry spec require a quoted Exec argument.
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


class InstallError(Exception):
    """A reason the install cannot go on, worded for the user."""


def data_home() -> Path:
    """`$XDG_DATA_HOME`, or ~/.local/share when it is unset or empty."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if value else Path.home() / ".local" / "share"


def exec_value(program: Path) -> str:
    """`program` as the Exec/TryExec value: quoted as the desktop-entry spec asks when it
    holds a reserved character, with backslashes escaped for the key-value file."""
    text = str(program)
    if any(c in _RESERVED for c in text):
        inner = "".join("\\" + c if c in '"`$\\' else c for c in text)
        text = f'"{inner}"'
    return text.replace("\\", "\\\\").replace("%", "%%")


def desktop_entry(program: Path) -> str:
    """The packaged .desktop file with Exec and TryExec pointing at `program`."""
    lines = []
    for line in DESKTOP.read_text(encoding="utf-8").splitlines():
        key = line.partition("=")[0]
        if key == "Exec":
            line = f"Exec={exec_value(program)}"
        elif key == "TryExec":
            line = "TryExec=" + str(program).replace("\\", "\\\\")  # a path, never quoted
        lines.append(line)
    return "\n".join(lines) + "\n"


def targets(home: Path) -> list[tuple[Path, Path | None]]:
    """(installed file, source) for everything installed; the .desktop has no plain source."""
    pairs: list[tuple[Path, Path | None]] = [
        (home / "applications" / DESKTOP.name, None),
        (home / "metainfo" / METAINFO.name, METAINFO),
    ]
    for icon in sorted(ICONS.glob(f"*/apps/{APP_ID}.*")):
        pairs.append((home / "icons" / "hicolor" / icon.relative_to(ICONS), icon))
    return pairs


def _refresh_caches(home: Path) -> None:
    """Tell the desktop about the new files, where the tools exist (failures are ignored)."""
    for command in (
        ["update-desktop-database", "-q", str(home / "applications")],
        ["gtk-update-icon-cache", "-q", "-t", "-f", str(home / "icons" / "hicolor")],
    ):
        if shutil.which(command[0]):
            subprocess.run(command, check=False, capture_output=True)


def install(program: Path, home: Path) -> list[Path]:
    """Install every file for `program` (an executable) under `home`; the files written."""
    if not program.is_absolute():
        raise InstallError(f"{program}: the program must be an absolute path")
    if not (program.is_file() and os.access(program, os.X_OK)):
        raise InstallError(
            f"{program} is not an executable file: run `make install` (source install) or "
            "`make package` (packaged build) first, or give DESKTOP_EXEC=/path/to/annotator"
        )
    written = []
    for target, source in targets(home):
        target.parent.mkdir(parents=True, exist_ok=True)
        if source is None:
            target.write_text(desktop_entry(program), encoding="utf-8")
        else:
            shutil.copyfile(source, target)
        written.append(target)
    _refresh_caches(home)
    return written


def uninstall(home: Path) -> list[Path]:
    """Remove what `install` wrote under `home`; the files removed."""
    removed = []
    for target, _source in targets(home):
        if target.exists():
            target.unlink()
            removed.append(target)
    _refresh_caches(home)
    return removed


def main(argv: list[str] | None = None) -> int:
    """Command line: `install --exec PATH` or `uninstall`."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="action", required=True)
    add = sub.add_parser("install", help="install the desktop entry, metainfo and icons")
    add.add_argument("--exec", dest="program", required=True, help="absolute path of annotator")
    sub.add_parser("uninstall", help="remove them")
    args = parser.parse_args(argv)
    home = data_home()
    try:
        if args.action == "install":
            done = install(Path(args.program), home)
            verb = "installed"
        else:
            done = uninstall(home)
            verb = "removed"
    except (InstallError, OSError) as exc:
        print(f"install_desktop: {exc}", file=sys.stderr)
        return 1
    for path in done:
        print(f"{verb} {path}")
    if args.action == "install":
        print(f"Exec={exec_value(Path(args.program))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
