"""Turn any failure into one line for the user and a full traceback in the log file.

The command line and the window share this: `describe` words the line (naming the project
file and the newest good backup when the project itself is damaged), `log_failure` appends the
traceback to `log_path()` in the user's state folder. No traceback reaches a user.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import traceback
from pathlib import Path

import platformdirs

from annotator.paths import APP_NAME

LOG_NAME = "annotator.log"
LOG_BYTES = 1_000_000  # one log file this big, plus one older
_configured = False

# SQLite messages that mean the file itself is unusable (not a busy lock, not our bug).
_DAMAGE_WORDS = (
    "malformed",
    "not a database",
    "file is not a database",
    "disk i/o error",
    "file is encrypted",
    "database corrupt",
    "unsupported file format",
    "no such table",
    "no such column",
    "not a usable annotator database",
    "cannot be opened",
    "unable to open database",
)
_BUSY_WORDS = ("database is locked", "database is busy", "database table is locked")


def log_path() -> Path:
    """The log file: `annotator.log` in the platform's user state folder."""
    return platformdirs.user_state_path(APP_NAME, appauthor=False) / LOG_NAME


def configure_logging() -> Path | None:
    """Send this program's log records (warnings and up) to the log file, once.

    Returns the log path, or None when the state folder cannot be written (then nothing is
    logged, and nothing is printed either).
    """
    global _configured
    path = log_path()
    if _configured:
        return path
    _configured = True
    root = logging.getLogger("annotator")
    root.propagate = False
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        writable = os.access(path.parent, os.W_OK) and (
            not path.exists() or os.access(path, os.W_OK)
        )
    except OSError:
        writable = False
    if not writable:
        root.addHandler(logging.NullHandler())
        return None
    handler = _RotatingLog(path)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


class _RotatingLog(logging.Handler):
    """A `RotatingFileHandler` (one file of LOG_BYTES plus one older) made at the first
    record: `logging.handlers` (sockets, pickle) is not loaded by a run that logs nothing."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self._file: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        """Write the record to the log file (opened on the first one)."""
        if self._file is None:
            import logging.handlers  # noqa: PLC0415

            try:
                self._file = logging.handlers.RotatingFileHandler(
                    self.path, maxBytes=LOG_BYTES, backupCount=1, encoding="utf-8"
                )
            except OSError:
                self._file = logging.NullHandler()
            self._file.setFormatter(self.formatter)
        self._file.emit(record)

    def flush(self) -> None:
        """Flush the file, if it is open."""
        if self._file is not None:
            self._file.flush()

    def close(self) -> None:
        """Close the file, if it is open."""
        if self._file is not None:
            self._file.close()
        super().close()


def log_failure(exc: BaseException, context: str = "") -> Path | None:
    """Append `exc`'s traceback to the log file; return its path (None: nothing written)."""
    path = configure_logging()
    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    logging.getLogger("annotator.failure").error("%s\n%s", context or "failure", text.rstrip())
    return path


def one_line(text: object, limit: int = 300) -> str:
    """`text` on one line (runs of whitespace, newlines included, become one space), cut."""
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def is_damage(exc: BaseException) -> bool:
    """Whether `exc` says the project file is damaged or unreadable (not busy, not a bug)."""
    from annotator.store import StoreError  # noqa: PLC0415 - the store imports much

    message = str(exc).lower()
    if isinstance(exc, StoreError):
        return any(word in message for word in _DAMAGE_WORDS)
    if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.IntegrityError):
        return not is_busy(exc)
    # Stored text that no longer decodes: bytes of the file were overwritten.
    return isinstance(exc, UnicodeDecodeError)


def _reason(exc: BaseException) -> str:
    """SQLite's or Python's reason, without the undecodable bytes some messages quote."""
    found = re.match(r"Could not decode to UTF-8 column '([^']*)'", str(exc))
    if found:
        return f"text in column '{found.group(1)}' is not valid UTF-8"
    if isinstance(exc, UnicodeDecodeError):
        return "stored text is not valid UTF-8"
    return one_line(exc)


def is_busy(exc: BaseException) -> bool:
    """Whether `exc` is SQLite giving up on a lock another program held too long."""
    return isinstance(exc, sqlite3.OperationalError) and any(
        word in str(exc).lower() for word in _BUSY_WORDS
    )


def backup_hint(db_path: Path | None) -> str:
    """' Newest good backup: … (restore: annotator restore …)' or '' when there is none."""
    if db_path is None:
        return ""
    try:
        from annotator.backups import latest_good_backup  # noqa: PLC0415

        good = latest_good_backup(db_path)
    except Exception:  # noqa: BLE001 - a hint must never fail the message
        return ""
    if good is None:
        return " No good backup of it was found."
    when = good.created.astimezone().strftime("%Y-%m-%d %H:%M")
    return (
        f" Newest good backup: {good.path} ({when}); restore it with: annotator restore {good.path}"
    )


def describe(
    exc: BaseException, db_path: Path | None = None, action: str = "", backup: bool = True
) -> str:
    """One line for the user about `exc`; `db_path` is the project, `action` what failed.

    For a damaged project the line ends with the newest good backup (unless `backup` is off).
    """
    from annotator.store import StoreError  # noqa: PLC0415

    what = f"{action}: " if action else ""
    name = str(db_path) if db_path is not None else "the project"
    if is_busy(exc):
        return (
            f"{what}{name} is busy: another program kept it locked too long."
            " Nothing was changed; try again."
        )
    if is_damage(exc):
        reason = _reason(exc)
        if isinstance(exc, StoreError) and str(db_path) in reason:
            line = f"{what}{reason}"
        else:
            line = f"{what}{name} is damaged or unreadable ({reason})."
        return line + (backup_hint(db_path) if backup else "")
    if isinstance(exc, StoreError):
        return what + one_line(exc)
    if isinstance(exc, sqlite3.Error):
        return f"{what}{name} refused the change ({one_line(exc)}). Nothing was changed."
    if isinstance(exc, MemoryError):
        return f"{what}out of memory. Nothing was changed."
    if isinstance(exc, OSError):
        where = f" {exc.filename}" if exc.filename else ""
        return f"{what}cannot use{where}: {exc.strerror or one_line(exc)}."
    log = log_path()
    return f"{what}unexpected error ({type(exc).__name__}: {one_line(exc, 160)}); details in {log}"
