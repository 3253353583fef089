"""brat round trip on real files (not a test: the files are not part of the project).

    python tests/benchmarks/brat_realdata.py [FOLDER ...]   (default: the peers' brat corpus)

Each `.ann` is imported into a fresh in-memory project and exported back as brat; both
files are read into multisets of what they say, with every argument named by its text span
rather than its id: T (label, fragments), R (type, head, tail), E (type, trigger, roles),
* (type, members), attributes A/M (name, target, value: A and M are one kind, written as A)
and notes # (type, target, text; the "annotator=" note our export adds is left out). It
prints, per file, the counts in and out and whether each multiset came back equal.
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from annotator.export import export
from annotator.ingest.annotations import import_annotations
from annotator.store import Store

DEFAULT = Path("/work/shared/realdata/peer/brat")
KINDS = ("T", "R", "E", "roles", "*", "A", "#")


def parse(ann: str) -> dict[str, Counter[Any]]:
    """The multisets of one `.ann` (see the module docstring)."""
    lines = [line.split("\t") for line in ann.split("\n") if line.strip()]
    spans: dict[str, Any] = {}
    for fields in lines:
        if fields[0].startswith("T"):
            label, _, offsets = fields[1].partition(" ")
            frags = tuple(tuple(map(int, p.split())) for p in offsets.split(";"))
            spans[fields[0]] = (label, frags)
    events: dict[str, list[str]] = {}
    for fields in lines:
        if fields[0].startswith("E"):
            events[fields[0]] = fields[1].split()

    def key(ident: str, depth: int = 0) -> Any:
        if ident in spans:
            return spans[ident][1]
        if ident in events and depth < 20:
            parts = events[ident]
            kind, _, trigger = parts[0].partition(":")
            roles = tuple(sorted((r, repr(key(a, depth + 1))) for r, _, a in
                                 (p.partition(":") for p in parts[1:])))  # fmt: skip
            return ("E", kind, key(trigger, depth + 1), roles)
        return ("?", ident)

    out: dict[str, Counter[Any]] = {k: Counter() for k in KINDS}
    for fields in lines:
        ident, parts = fields[0], fields[1].split() if len(fields) > 1 else []
        kind = ident[:1]
        if kind == "T":
            out["T"][spans[ident]] += 1
        elif kind == "R":
            args = tuple(key(p.partition(":")[2]) for p in parts[1:])
            out["R"][(parts[0], args)] += 1
        elif kind == "E":
            out["E"][key(ident)] += 1
            out["roles"]["arguments"] += len(parts) - 1
        elif kind == "*":
            out["*"][(parts[0], frozenset(key(p) for p in parts[1:]))] += 1
        elif kind in "AM":
            value = parts[2] if len(parts) > 2 else True
            out["A"][(parts[0], repr(key(parts[1])), value)] += 1
        elif kind == "#":
            text = fields[2] if len(fields) > 2 else ""
            if not text.startswith("annotator="):
                out["#"][(parts[0], repr(key(parts[1])), text)] += 1
    return out


def totals(sets: dict[str, Counter[Any]]) -> dict[str, int]:
    """How many of each kind (roles: the arguments of all events)."""
    return {k: sum(v.values()) for k, v in sets.items()}


def round_trip(ann: Path) -> tuple[dict[str, int], dict[str, int], list[str], list[str]]:
    """(counts in, counts out, kinds that differ, problems) for one `.ann` file."""
    before = parse(ann.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp, Store() as store:
        report = import_annotations(store, [ann], "brat", annotator="peer")
        export(store, "brat", Path(tmp) / "out")
        [written] = list((Path(tmp) / "out").glob("*.ann")) or [None]
        after = parse(written.read_text(encoding="utf-8")) if written else parse("")
    differ = [k for k in KINDS if k != "roles" and before[k] != after[k]]
    return totals(before), totals(after), differ, [str(p) for p in report.problems]


def main(folders: list[Path]) -> int:
    header = "file".ljust(44) + "".join(f"{k:>12}" for k in KINDS) + "  differs"
    print(header)
    print(" " * 44 + "".join(f"{'in/out':>12}" for _ in KINDS))
    total_in: Counter[str] = Counter()
    total_out: Counter[str] = Counter()
    for folder in folders:
        for ann in sorted(folder.rglob("*.ann")):
            counts_in, counts_out, differ, problems = round_trip(ann)
            total_in.update(counts_in)
            total_out.update(counts_out)
            name = str(ann.relative_to(folder.parent))[-43:]
            cells = "".join(f"{f'{counts_in[k]}/{counts_out[k]}':>12}" for k in KINDS)
            print(f"{name:<44}{cells}  {','.join(differ) or '-'}")
            for problem in problems:
                print(f"    problem: {problem}")
    cells = "".join(f"{f'{total_in[k]}/{total_out[k]}':>12}" for k in KINDS)
    print(f"{'total':<44}{cells}")
    return 0


if __name__ == "__main__":
    given = [Path(a) for a in sys.argv[1:]] or sorted(p for p in DEFAULT.iterdir() if p.is_dir())
    sys.exit(main(given))
