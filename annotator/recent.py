"""The recently opened projects: a short list of file paths, most recent first (no Qt; the
window keeps it in its settings)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

RECENT_LIMIT = 8


def _key(path: str | os.PathLike[str]) -> str:
    return str(Path(path).expanduser().resolve(strict=False))


def remember(
    recent: Iterable[str], path: str | os.PathLike[str], limit: int = RECENT_LIMIT
) -> list[str]:
    """`recent` with `path` moved (or added) to the front, no duplicates, at most `limit`."""
    first = _key(path)
    rest = [p for p in (_key(p) for p in recent if p) if p != first]
    return [first, *dict.fromkeys(rest)][:limit]


def forget(recent: Iterable[str], path: str | os.PathLike[str]) -> list[str]:
    """`recent` without `path`."""
    gone = _key(path)
    return [p for p in recent if p and _key(p) != gone]


def existing(recent: Iterable[str], exists: Callable[[str], bool] = os.path.isfile) -> list[str]:
    """The entries of `recent` whose file is still there (moved or deleted ones drop out)."""
    return [p for p in recent if p and exists(p)]
