"""Where a path really leads: symbolic links out of an imported folder are not followed.

Shared by the folder walk of every import (`ingest.iter_input_files`) and the brat reader's
own walk of a folder of `.ann` files (`formats.brat`).
"""

from __future__ import annotations

from pathlib import Path


def resolved(path: Path) -> Path | None:
    """`path` with every link followed; None for a link loop or an unreadable path."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a link loop
        return None


def inside(link: Path, root: Path | None) -> bool:
    """True when `link` resolves to a place under `root` (a folder's resolved path)."""
    target = resolved(link)
    return root is not None and target is not None and target.is_relative_to(root)


def leads_outside(path: Path, root: Path) -> bool:
    """True when `path` (itself a link, or inside a linked folder) resolves to a place outside
    the folder `root` (a resolved path)."""
    return not inside(path, root)
