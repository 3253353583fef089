"""Write an export file or folder whole or not at all: stage it beside the target, then swap.

**Where.** The target path is resolved first: a symlink (or a path through symlinked folders)
is written *through*, so the real file or folder is replaced and the link itself is kept. The
folder that will hold the target must exist; otherwise `ExportPathError` ("folder X does not
exist") is raised and nothing is created. A folder export may create the target folder itself.

**Files** (`atomic_write`): the content goes to `.NAME.TAG.tmp` beside the target, is fsynced,
then `os.replace`d onto the target (one atomic step) and the folder is fsynced. An existing
target keeps its mode (and owner and group when allowed); a new file gets the usual default,
0666 minus the umask (the temp file is created with that mode, never mkstemp's 0600).

**Folders** (`atomic_folder`, brat): the files are written into `.NAME.TAG.stage/`. When the
block ends, files of the old folder that the export did not write are carried over (hard
links, else copies), so re-exporting into a folder replaces same-named files and keeps the
rest, as before. Then everything is synced and the stage is swapped in:

- no old folder: `rename(stage, target)`;
- Linux: `renameat2(stage, target, RENAME_EXCHANGE)` swaps both names in one atomic step;
  the stage name now holds the old folder, which is deleted;
- elsewhere (or a file system without exchange): `rename(target, .NAME.TAG.old)`, then
  `rename(stage, target)`, then `rename(.old, .NAME.TAG.del)` and delete that.

So a kill at any moment leaves the target holding the complete old or the complete new
folder, except in the fallback between its first two renames: then the target is missing and
the complete old folder sits in `.old`.

**Names and recovery.** TAG is `HOST-PID-RANDOM` (HOST: 6 hex digits of the host name's hash,
PID: the writing process). Before each export the folder beside the target is scanned for
those names of *this* target only. An entry is stale when its writer is gone: same host and
its PID is not running (or is a zombie), or it is older than a day whatever its PID says.
Live writers' entries are never touched. Stale entries are handled by kind:

- `.tmp`, `.stage`, `.del`: deleted (a stage is a half-written export, or after an exchange
  the replaced old folder; `.del` is a folder already being deleted);
- `.old`: if the target is missing, the newest stale `.old` (by change time) is renamed back to
  the target (the kill fell between the two renames) and any other is deleted; if the target
  exists, it is deleted (the kill fell after the swap).

Names written by earlier versions (`.NAME.XXXXXXXX.tmp` files and `.NAME.XXXXXXXX` staging
folders, mkstemp/mkdtemp style) carry no PID: they are deleted once older than ten minutes.
`recover(path)` runs this repair alone (a reader can call it before opening a folder).
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import hashlib
import os
import re
import secrets
import shutil
import socket
import stat
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

STALE_AFTER = 24 * 3600.0  # seconds: any writer silent this long is gone
LEGACY_STALE_AFTER = 600.0  # seconds: for names without a PID
KINDS = ("tmp", "stage", "old", "del")

# Tests set this to False to exercise the two-rename swap.
USE_EXCHANGE = True
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


class ExportPathError(OSError):
    """The export target cannot be written where it was asked to go; str() is one line."""

    def __str__(self) -> str:
        return str(self.strerror)


def _host_tag() -> str:
    return hashlib.sha1(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:6]


def _temp_name(name: str, kind: str) -> str:
    return f".{name}.{_host_tag()}-{os.getpid()}-{secrets.token_hex(4)}.{kind}"


def _pattern(name: str) -> re.Pattern[str]:
    return re.compile(
        rf"\.{re.escape(name)}\.(?P<host>[0-9a-f]{{6}})-(?P<pid>\d+)-[0-9a-f]{{8}}"
        rf"\.(?P<kind>{'|'.join(KINDS)})"
    )


def _legacy_pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"\.{re.escape(name)}\.[a-z0-9_]{{8}}(\.tmp)?")


def pid_alive(pid: int) -> bool:
    """True when process `pid` runs on this machine (a zombie counts as gone)."""
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    with contextlib.suppress(OSError):
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return fields[0] not in ("Z", "X")
    return True


def resolve_target(path: str | Path) -> Path:
    """The real path an export of `path` writes (symlinks followed); its folder must exist."""
    path = Path(path)
    real = Path(os.path.realpath(path))
    if not real.parent.is_dir():
        shown = real.parent if path.is_symlink() else path.parent
        raise ExportPathError(errno.ENOENT, f"folder {shown} does not exist", str(shown))
    return real


def _remove(entry: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink()


def _stale_entries(target: Path, now: float) -> list[tuple[str, Path, os.stat_result]]:
    """Our temporaries of `target` whose writer is gone: (kind, path, lstat)."""
    ours, legacy, host = _pattern(target.name), _legacy_pattern(target.name), _host_tag()
    found: list[tuple[str, Path, os.stat_result]] = []
    try:
        names = os.listdir(target.parent)
    except OSError:
        return found
    for name in names:
        if not name.startswith(f".{target.name}."):
            continue
        entry = target.parent / name
        match = ours.fullmatch(name)
        if match is None and legacy.fullmatch(name) is None:
            continue
        try:
            info = entry.lstat()
        except FileNotFoundError:
            continue
        age = now - max(info.st_mtime, info.st_ctime)
        if match is not None:
            gone = match["host"] == host and not pid_alive(int(match["pid"]))
            if gone or age > STALE_AFTER:
                found.append((match["kind"], entry, info))
        elif age > LEGACY_STALE_AFTER:
            if name.endswith(".tmp") and not stat.S_ISDIR(info.st_mode):
                found.append(("tmp", entry, info))
            elif stat.S_ISDIR(info.st_mode) and _holds_only_brat_files(entry):
                found.append(("stage", entry, info))
    return found


def _holds_only_brat_files(folder: Path) -> bool:
    """True for a folder of plain `.txt`, `.ann` and `annotation.conf` files (or empty)."""
    try:
        with os.scandir(folder) as entries:
            return all(
                e.is_file(follow_symlinks=False)
                and (e.name.endswith((".txt", ".ann")) or e.name == "annotation.conf")
                for e in entries
            )
    except OSError:
        return False


def recover(path: str | Path, now: float | None = None) -> list[Path]:
    """Repair what killed exports of `path` left beside it; return the entries removed.

    Applies the recovery rule of the module docstring: a missing target gets its moved-aside
    old folder back; every other stale temporary of ours is deleted. `now` (seconds since
    the epoch) is the clock the ages are measured against.
    """
    target = Path(os.path.realpath(path))
    stale = _stale_entries(target, time.time() if now is None else now)
    removed: list[Path] = []
    olds = sorted(
        (e for e in stale if e[0] == "old" and stat.S_ISDIR(e[2].st_mode)),
        key=lambda e: e[2].st_ctime,
    )
    if olds and not os.path.lexists(target):
        keep = olds[-1][1]  # never deleted while the target is missing, even if this fails
        stale = [e for e in stale if e[1] != keep]
        with contextlib.suppress(OSError):
            os.rename(keep, target)
            _fsync_dir(target.parent)
    for _kind, entry, _info in stale:
        _remove(entry)
        removed.append(entry)
    return removed


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _keep_owner_and_mode(fd_or_path: int | Path, old: os.stat_result | None) -> None:
    """Give a new file or folder the owner, group and mode of the one it replaces."""
    if old is None:
        return
    with contextlib.suppress(OSError):
        if (old.st_uid, old.st_gid) != (os.geteuid(), os.getegid()):
            os.chown(fd_or_path, old.st_uid, old.st_gid)
    os.chmod(fd_or_path, stat.S_IMODE(old.st_mode))


@contextlib.contextmanager
def atomic_write(
    path: str | Path, mode: str = "w", encoding: str = "utf-8", newline: str | None = ""
) -> Iterator[IO[Any]]:
    """Yield a file object whose content replaces `path` only when the block succeeds.

    `mode` is "w" (text, UTF-8, no newline translation by default) or "wb". On any exception
    the temp file is removed and `path` is left as it was. Raises `ExportPathError` when the
    folder of `path` does not exist.
    """
    if mode not in ("w", "wb"):
        raise ValueError("mode must be 'w' or 'wb'")
    target = resolve_target(path)
    recover(target)
    try:
        old: os.stat_result | None = target.stat()
    except FileNotFoundError:
        old = None
    if old is not None and stat.S_ISDIR(old.st_mode):
        raise ExportPathError(errno.EISDIR, f"{path} is a folder, not a file", str(path))
    tmp = target.parent / _temp_name(target.name, "tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(tmp, flags, 0o666)  # the umask applies, as for any new file
    try:
        _keep_owner_and_mode(fd, old)
        if mode == "wb":
            handle: IO[Any] = os.fdopen(fd, "wb")
        else:
            handle = os.fdopen(fd, "w", encoding=encoding, newline=newline)
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(target.parent)


def _libc() -> Any:
    name = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(name, use_errno=True)
    except OSError:
        return None


_LIBC = _libc()


def _exchange(a: Path, b: Path) -> bool:
    """Swap the names `a` and `b` in one atomic step; False when not supported here."""
    func = getattr(_LIBC, "renameat2", None) if USE_EXCHANGE and _LIBC is not None else None
    if func is None:
        return False
    func.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if func(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def _sync_tree(folder: Path) -> None:
    """Make every file under `folder` durable: one syncfs on Linux, else fsync each file."""
    syncfs = getattr(_LIBC, "syncfs", None) if _LIBC is not None else None
    if syncfs is not None:
        fd = os.open(folder, os.O_RDONLY)
        try:
            if syncfs(fd) == 0:
                return
        finally:
            os.close(fd)
    for root, _dirs, files in os.walk(folder):
        for name in files:
            fd = os.open(os.path.join(root, name), os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        _fsync_dir(Path(root))


def _link_or_copy(src: str, dst: str) -> None:
    try:
        os.link(src, dst, follow_symlinks=False)
    except OSError:
        shutil.copy2(src, dst, follow_symlinks=False)


def _carry_over(old: Path, stage: Path) -> None:
    """Put into `stage` what `old` holds and the export did not write; keep replaced modes."""
    with os.scandir(old) as entries:
        for entry in entries:
            dst = stage / entry.name
            if os.path.lexists(dst):
                if entry.is_file(follow_symlinks=False) and dst.is_file():
                    with contextlib.suppress(OSError):
                        _keep_owner_and_mode(dst, entry.stat(follow_symlinks=False))
            elif entry.is_dir(follow_symlinks=False):
                shutil.copytree(entry.path, dst, symlinks=True, copy_function=_link_or_copy)
            else:
                _link_or_copy(entry.path, str(dst))


@contextlib.contextmanager
def atomic_folder(path: str | Path) -> Iterator[Path]:
    """Yield an empty staging folder whose files replace folder `path` when the block succeeds.

    Old files the block did not write are kept (see the module docstring for the swap and its
    recovery). On any exception the stage is removed and `path` is left as it was.
    """
    target = resolve_target(path)
    recover(target)
    try:
        old: os.stat_result | None = target.stat()
    except FileNotFoundError:
        old = None
    if old is not None and not stat.S_ISDIR(old.st_mode):
        raise ExportPathError(errno.ENOTDIR, f"{path} is a file, not a folder", str(path))
    stage = target.parent / _temp_name(target.name, "stage")
    os.mkdir(stage, 0o777)  # the umask applies, as for any new folder
    try:
        _keep_owner_and_mode(stage, old)
        yield stage
        if old is not None:
            _carry_over(target, stage)
        _sync_tree(stage)
        _swap(stage, target, old is not None)
    except BaseException:
        _remove(stage)
        raise
    _fsync_dir(target.parent)


def _swap(stage: Path, target: Path, replace: bool) -> None:
    if not replace:
        try:
            os.rename(stage, target)
        except OSError as exc:
            if exc.errno in (errno.ENOTEMPTY, errno.EEXIST):
                raise ExportPathError(
                    exc.errno, f"{target} appeared while exporting; try again", str(target)
                ) from None
            raise
        return
    if _exchange(stage, target):
        _remove(stage)  # the stage name now holds the old folder
        return
    aside = target.parent / _temp_name(target.name, "old")
    os.rename(target, aside)
    try:
        os.rename(stage, target)
    except OSError:
        with contextlib.suppress(OSError):
            os.rename(aside, target)
        raise
    trash = target.parent / _temp_name(target.name, "del")
    try:
        os.rename(aside, trash)
    except OSError:
        trash = aside
    _remove(trash)
