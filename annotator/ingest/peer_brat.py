"""Read brat standoff: `NAME.ann` annotations over the text of `NAME.txt` beside it.

Text-bound annotations (T) become spans; attributes and modifiers (A, M) on them become
span attributes, and annotator notes (#) their notes (`annotator=NAME` names the annotator,
`attr:KEY=VALUE` adds an attribute, as our brat export writes them). Relations (R), events
(E), equivalences (*), normalisations (N), and attributes or notes on those cannot be stored
here: they are counted by kind as not imported. An event's trigger is a T line and imports.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

from annotator.ingest import leads_outside, limits
from annotator.ingest.annotation_model import (
    DocIn,
    Parsed,
    Problem,
    SpanIn,
    Unit,
    Unparseable,
    failure_reason,
)
from annotator.text import DecodeError, decode_bytes

Reader = Callable[[], bytes]
_KINDS = {"R": "relation", "E": "event", "N": "normalisation"}  # kinds with ids


def brat_units(path: Path, seen: set[str]) -> Iterator[Unit]:
    """One unit per `.ann` file (a folder, a .zip, a single .ann, or the .txt beside one);
    an `.ann` already in `seen` (its resolved path) is not read again."""
    caps = limits.current()
    if path.is_dir():
        root = path.resolve()
        for ann in sorted(p for p in path.rglob("*.ann") if not p.name.startswith(".")):
            txt = ann.with_suffix(".txt")
            if leads_outside(ann, root) or leads_outside(txt, root):
                problem = Problem(str(ann), None, "symbolic link to outside the folder; skipped")
                yield Unit(str(ann), Parsed(problems=[problem]))
                continue
            if _first_time(ann, seen):
                yield _file_unit(ann)
        return
    if path.suffix.lower() == ".zip":
        yield from _zip_units(path, caps)
        return
    if path.suffix.lower() == ".ann" or path.with_suffix(".ann").exists():
        ann = path.with_suffix(".ann")
        if _first_time(ann, seen):
            yield _file_unit(ann)
        return
    raise Unparseable("not a brat folder, .zip or .ann file")


def _first_time(ann: Path, seen: set[str]) -> bool:
    try:
        key = str(ann.resolve())
    except OSError:
        key = str(ann)
    if key in seen:
        return False
    seen.add(key)
    return True


def _file_unit(ann: Path) -> Unit:
    txt = ann.with_suffix(".txt")
    read_txt = None
    if txt.exists():
        read_txt = lambda: limits.read_file(txt, limits.current().article_bytes, "article text")  # noqa: E731
    return _unit(str(ann), lambda: limits.read_file(ann), read_txt)


def _zip_units(path: Path, caps: limits.Limits) -> Iterator[Unit]:
    """Units of a brat .zip. Members are checked by their declared sizes before anything is
    read (the whole zip is refused when over a limit), then read in chunks and checked by
    their real sizes; the members read together may expand to at most file_bytes."""
    try:
        if path.stat().st_size > caps.file_bytes:
            raise limits.too_large("file", path.stat().st_size, caps.file_bytes)
        archive = zipfile.ZipFile(path)
    except (OSError, ValueError, EOFError, zipfile.BadZipFile) as exc:
        raise Unparseable(f"not a readable zip: {' '.join(str(exc).split())}") from None
    with archive:
        infos = {info.filename: info for info in archive.infolist() if not info.is_dir()}
        anns = sorted(n for n in infos if n.endswith(".ann"))
        if len(anns) > caps.records:
            raise limits.too_many("documents (.ann files)", caps.records)
        used = [infos[n] for n in anns] + [
            infos[t] for t in (n[: -len(".ann")] + ".txt" for n in anns) if t in infos
        ]
        for info in used:
            if info.filename.endswith(".txt") and info.file_size > caps.article_bytes:
                what = f"{info.filename}: article text"
                raise limits.too_large(what, info.file_size, caps.article_bytes)
        declared = sum(info.file_size for info in used)
        if declared > caps.file_bytes:
            raise limits.too_large("zip archive when expanded", declared, caps.file_bytes)
        budget = limits.Budget(caps.file_bytes, "zip archive when expanded")

        def reader(member: str, cap: int, what: str) -> Reader:
            return lambda: limits.read_member(archive, infos[member], cap, budget, what)

        for member in anns:
            txt = member[: -len(".ann")] + ".txt"
            yield _unit(
                f"{path}!{member}",
                reader(member, caps.file_bytes, member),
                reader(txt, caps.article_bytes, f"{txt}: article text") if txt in infos else None,
            )


def _unit(name: str, read_ann: Reader, read_txt: Reader | None) -> Unit:
    """Parse one `.ann` with its `.txt` (`read_txt` None when there is none)."""
    try:
        stem = Path(name.split("!")[-1]).stem
        if read_txt is None:
            raise Unparseable(f"no {stem}.txt beside {stem}.ann")
        raw_txt = read_txt()
        raw_ann = read_ann()
        try:
            text = decode_bytes(raw_txt) if raw_txt else ""
            ann = decode_bytes(raw_ann) if raw_ann else ""
        except DecodeError as exc:
            raise Unparseable(str(exc)) from None
        doc = DocIn(line=None, text=text, uid=stem)
        parsed = Parsed(docs=[doc])
        parse_ann(ann, name, doc, parsed)
        return Unit(name, parsed)
    except Exception as exc:  # noqa: BLE001 - damaged member, over a limit: this unit fails
        return Unit(name, Parsed(problems=[Problem(name, None, failure_reason(exc))]))


def parse_ann(ann: str, name: str, doc: DocIn, parsed: Parsed) -> None:
    """Fill `doc.spans` from brat standoff lines; problems and not-imported counts go to
    `parsed`."""
    by_id: dict[str, SpanIn] = {}
    others: dict[str, str] = {}  # ids of relations, events, normalisations: their kind
    later: list[tuple[int, str, list[str]]] = []
    spans = limits.Counter("spans", limits.current().spans)
    # Lines end at LF (CRLF too): `str.splitlines` would also cut at U+2028 and the like,
    # which a note may hold.
    for number, line in enumerate(ann.split("\n"), 1):
        line = line.removesuffix("\r")
        if not line.strip():
            continue
        fields = line.split("\t")
        ident = fields[0].strip()
        kind = ident[:1]
        if kind == "T":
            span = _text_bound(fields, number, name, parsed)
            if span is not None:
                spans.add()
                by_id[ident] = span
                doc.spans.append(span)
        elif kind in _KINDS:
            others[ident] = _KINDS[kind]
            parsed.skip(f"brat {_KINDS[kind]}s")
        elif kind == "*":
            parsed.skip("brat equivalences")
        elif kind in ("A", "M", "#"):
            later.append((number, ident, fields))
        else:
            parsed.problems.append(Problem(name, number, f"unknown brat annotation {ident!r}"))
    for number, ident, fields in later:
        parts = fields[1].split() if len(fields) > 1 else []
        target = parts[1] if len(parts) > 1 else ""
        if ident.startswith("#"):
            _note(parts, fields, by_id, others, (name, number), parsed)
        elif target in by_id:
            by_id[target].attrs[parts[0]] = parts[2] if len(parts) > 2 else True
        elif target in others:
            parsed.skip(f"brat {others[target]} attributes")
        else:
            parsed.problems.append(Problem(name, number, "attribute for an unknown annotation"))


def _text_bound(fields: list[str], number: int, name: str, parsed: Parsed) -> SpanIn | None:
    """The span of a T line, or None with a problem."""
    if len(fields) < 2:
        parsed.problems.append(Problem(name, number, "text-bound annotation without offsets"))
        return None
    head = fields[1].split(" ", 1)
    try:
        frags = [(int(a), int(b)) for a, b in (part.split() for part in head[1].split(";"))]
    except (IndexError, ValueError):
        parsed.problems.append(Problem(name, number, f"cannot read offsets {fields[1]!r}"))
        return None
    frags.sort()
    return SpanIn(
        line=number,
        label=head[0],
        fragments=frags,
        text=fields[2] if len(fields) > 2 else None,
        origin="brat",
        loose_text=True,
    )


def _note(
    parts: list[str],
    fields: list[str],
    by_id: dict[str, SpanIn],
    others: dict[str, str],
    where: tuple[str, int],
    parsed: Parsed,
) -> None:
    """An annotator note (# line): onto its span, or counted when it is on something else or
    of another type than AnnotatorNotes."""
    if len(parts) < 2:
        parsed.problems.append(Problem(*where, "note without a type and a target"))
        return
    kind, target_id = parts[0], parts[1]
    if target_id in others:
        parsed.skip(f"brat {others[target_id]} notes")
        return
    target = by_id.get(target_id)
    if target is None:
        parsed.problems.append(Problem(*where, "note for an unknown annotation"))
        return
    if kind != "AnnotatorNotes":
        parsed.skip(f"brat {kind} notes")
        return
    note = fields[2] if len(fields) > 2 else ""
    if note.startswith("annotator="):
        target.annotator = note[len("annotator=") :].strip() or None
    elif note.startswith("attr:") and "=" in note:
        key, _, value = note[len("attr:") :].partition("=")
        target.attrs[key] = value
    elif note:
        target.note = f"{target.note}\n{note}" if target.note else note
