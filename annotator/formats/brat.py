"""brat standoff: `NAME.ann` annotations over the text of `NAME.txt`, in a folder or a .zip.

**Reading.** Text-bound annotations (T) become spans (a discontinuous one: from its first
fragment to its last, the fragments kept in `brat_fragments` and written back); attributes
and modifiers (A, M) on them become span attributes, and annotator notes (#) their notes
(`annotator=NAME` names the annotator, `attr:KEY=VALUE` adds an attribute, as our brat
export writes them). Relations (R),
events (E) and equivalences (*) become relations between the spans, with their attributes and
notes (`BratLinks`); normalisations (N), and attributes or notes on them, are counted by kind
as not imported. A file is brat's by its name (`looks_like`): a `.ann` (the `.txt` beside
it is its text), a folder of them, or a `.zip` holding `.ann` files.

**Writing.** `UID.txt` + `UID.ann` per article. `.txt` is the stored text as UTF-8 (LF). brat
counts characters of the decoded text, i.e. code points, so `.ann` offsets are code points,
half-open. Per span::

    T1<TAB>LABEL start end<TAB>text                  one fragment
    T2<TAB>LABEL s1 e1;s2 e2<TAB>text1 text2         span crossing line breaks: one fragment
                                                     per line, text = fragments joined by " "
    A1<TAB>certainty T1 reported                     simple attribute (one word value)
    A2<TAB>flag T1                                   true boolean attribute
    #1<TAB>AnnotatorNotes T1<TAB>the note            the span's note (line breaks -> spaces)
    #2<TAB>AnnotatorNotes T1<TAB>annotator=NAME      always written: who made the span
    #3<TAB>AnnotatorNotes T1<TAB>attr:actors=a; b    attributes that are not one word

Relations are written back as they were read (`BratLinks`): R lines (`Arg1`/`Arg2`, or the
argument names kept), E lines from the trigger's `brat_events`, * lines from `brat_equiv`,
and their A and # lines.

Labels and attribute names/values are made brat-safe (letters, digits, `_`, `-`; anything
else becomes `_`). An `annotation.conf` listing the labels and attributes is written too.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import regex

from annotator.export.atomic import atomic_folder, atomic_write
from annotator.export.selection import ExportItem
from annotator.ingest import limits
from annotator.ingest.annotation_model import (
    DocIn,
    Parsed,
    Problem,
    RelationIn,
    SpanIn,
    Unit,
    Unparseable,
    failure_reason,
)
from annotator.ingest.links import leads_outside
from annotator.models import Span
from annotator.text import DecodeError, decode_bytes

# -- reading ---------------------------------------------------------------------------------------

Reader = Callable[[], bytes]


def read(
    path: Path, field_map: dict[str, str] | None = None, seen: set[str] | None = None
) -> Iterator[Unit]:
    """One unit per `.ann` file (a folder, a .zip, a single .ann, or the .txt beside one);
    an `.ann` already in `seen` (its resolved path; shared by the files of one import) is not
    read again. brat names its columns itself: `field_map` is not used."""
    seen = set() if seen is None else seen
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
    """Fill `doc.spans` and `doc.relations` from brat standoff lines (see `BratLinks`);
    problems and not-imported counts go to `parsed`."""
    by_id: dict[str, SpanIn] = {}
    links = BratLinks(doc, name, parsed)
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
                _keep_gaps(span, doc.text or "")
                spans.add()
                by_id[ident] = span
                links.index[ident] = len(doc.spans)
                doc.spans.append(span)
        elif kind in ("R", "E", "*"):
            links.lines.append((number, ident, fields))
        elif kind == "N":
            links.others[ident] = "normalisation"
            parsed.skip("brat normalisations")
        elif kind in ("A", "M", "#"):
            later.append((number, ident, fields))
        else:
            parsed.problems.append(Problem(name, number, f"unknown brat annotation {ident!r}"))
    links.read()
    for number, ident, fields in later:
        parts = fields[1].split() if len(fields) > 1 else []
        target = parts[1] if len(parts) > 1 else ""
        if ident.startswith("#"):
            if not links.note(parts, fields, number):
                _note(parts, fields, by_id, links.others, (name, number), parsed)
        elif target in by_id:
            by_id[target].attrs[parts[0]] = parts[2] if len(parts) > 2 else True
        elif links.attribute(parts):
            continue
        elif target in links.others:
            parsed.skip(f"brat {links.others[target]} attributes")
        else:
            parsed.problems.append(Problem(name, number, "attribute for an unknown annotation"))


class BratLinks:
    """brat's R, E and * lines of one file as relations between its T spans.

    - `R1  TYPE Arg1:T1 Arg2:T2`: a relation TYPE from T1 to T2 (other argument names are
      kept in the attribute `brat_args`).
    - `E1  TYPE:T1 Theme:T2 Theme2:E2`: the trigger T1 heads one relation per argument, of
      the role's type without its number ("Theme"), to the argument's span (an event
      argument: that event's trigger). The relation's attribute `brat_events` maps each event
      it belongs to onto [role as written, argument event id or ""], so events sharing a
      trigger share relations; the trigger span's attribute `brat_events` maps the event id
      onto {"type", "roles": [in order], "attrs", "notes"}, so an event without arguments,
      and attributes and notes on events, are kept too.
    - `*  TYPE T1 T2 T3`: relations TYPE from T1 to each other member, with the attribute
      `brat_equiv` numbering the line.

    Attributes (A, M) on a relation become its attributes; notes (#) on a relation or an
    event are kept in its `brat_notes` ([[type, text]]).
    """

    def __init__(self, doc: DocIn, name: str, parsed: Parsed) -> None:
        self.doc, self.name, self.parsed = doc, name, parsed
        self.index: dict[str, int] = {}  # T id -> index in doc.spans
        self.lines: list[tuple[int, str, list[str]]] = []
        self.others: dict[str, str] = {}  # ids not carried (normalisations): their kind
        self.relations: dict[str, RelationIn] = {}  # R id -> relation
        self.events: dict[str, tuple[int, dict[str, Any]]] = {}  # E id -> trigger, record
        self.edges: dict[tuple[int, int, str], RelationIn] = {}  # event role relations
        self.equivs = 0

    def _problem(self, number: int, reason: str) -> None:
        self.parsed.problems.append(Problem(self.name, number, reason))

    def read(self) -> None:
        """Turn the R, E and * lines gathered into relations (events first: an argument may
        be an event further down)."""
        pending: list[tuple[int, str, str, list[tuple[str, str]]]] = []
        for number, ident, fields in self.lines:
            parts = fields[1].split() if len(fields) > 1 else []
            if ident.startswith("E"):
                head = parts[0].split(":", 1) if parts else []
                trigger = self.index.get(head[1]) if len(head) == 2 else None
                if trigger is None:
                    self._problem(number, f"event {ident} has no known trigger")
                    continue
                args = [tuple(p.split(":", 1)) for p in parts[1:] if ":" in p]
                record = {"type": head[0], "roles": [a[0] for a in args]}
                self.events[ident] = (trigger, record)
                attrs = self.doc.spans[trigger].attrs
                attrs.setdefault("brat_events", {})[ident] = record
                pending.append((number, ident, "", args))  # type: ignore[arg-type]
            elif ident.startswith("R"):
                self._relation(number, ident, parts)
            else:
                self._equiv(number, parts)
        for number, ident, _, args in pending:
            trigger = self.events[ident][0]
            for role, arg in args:
                self._role(number, ident, trigger, role, arg)

    def _relation(self, number: int, ident: str, parts: list[str]) -> None:
        args = [p.split(":", 1) for p in parts[1:] if ":" in p]
        if not parts or len(args) != 2:
            self._problem(number, f"relation {ident} needs a type and two arguments")
            return
        names = [a[0] for a in args]
        ends = [self.index.get(a[1]) for a in args]
        if None in ends:
            self._problem(number, f"relation {ident}: an argument is not a known span")
            return
        attrs: dict[str, Any] = {} if names == ["Arg1", "Arg2"] else {"brat_args": names}
        relation = RelationIn(number, parts[0], ends[0], ends[1], attrs, origin="brat")  # type: ignore[arg-type]
        self.relations[ident] = relation
        self.doc.relations.append(relation)

    def _role(self, number: int, ident: str, trigger: int, role: str, arg: str) -> None:
        arg_event = arg if arg in self.events else ""
        tail = self.events[arg][0] if arg_event else self.index.get(arg)
        if tail is None:
            self._problem(number, f"event {ident}: argument {arg!r} is not a known span")
            return
        kind = role.rstrip("0123456789") or role
        key = (trigger, tail, kind)
        relation = self.edges.get(key)
        if relation is None:
            relation = RelationIn(number, kind, trigger, tail, {"brat_events": {}}, origin="brat")
            self.edges[key] = relation
            self.doc.relations.append(relation)
        relation.attrs["brat_events"].setdefault(ident, []).append([role, arg_event])

    def _equiv(self, number: int, parts: list[str]) -> None:
        members = [self.index.get(p) for p in parts[1:]]
        if len(members) < 2 or None in members:
            self._problem(number, "equivalence needs a type and two or more known spans")
            return
        self.equivs += 1
        for tail in members[1:]:
            self.doc.relations.append(RelationIn(
                number, parts[0], members[0], tail, {"brat_equiv": self.equivs}, origin="brat"
            ))  # type: ignore[arg-type]  # fmt: skip

    def attribute(self, parts: list[str]) -> bool:
        """Put an A or M line on its relation or event; False when it names neither."""
        if len(parts) < 2:
            return False
        value: Any = parts[2] if len(parts) > 2 else True
        if parts[1] in self.relations:
            self.relations[parts[1]].attrs[parts[0]] = value
            return True
        if parts[1] in self.events:
            self.events[parts[1]][1].setdefault("attrs", {})[parts[0]] = value
            return True
        return False

    def note(self, parts: list[str], fields: list[str], number: int) -> bool:
        """Keep a # line on a relation or an event; False when it names neither."""
        if len(parts) < 2:
            return False
        text = fields[2] if len(fields) > 2 else ""
        if parts[1] in self.relations:
            attrs = self.relations[parts[1]].attrs
            if parts[0] == "AnnotatorNotes" and text.startswith("attr:") and "=" in text:
                key, _, value = text[len("attr:") :].partition("=")
                attrs[key] = value
            else:
                attrs.setdefault("brat_notes", []).append([parts[0], text])
            return True
        if parts[1] in self.events:
            self.events[parts[1]][1].setdefault("notes", []).append([parts[0], text])
            return True
        return False


def _keep_gaps(span: SpanIn, text: str) -> None:
    """A span is stored whole, from its first fragment to its last; fragments with a gap
    other than a line break (a discontinuous entity) are kept in `brat_fragments` (source
    offsets) so the export writes them back."""
    frags = span.fragments
    if len(frags) > 1 and frags[-1][1] <= len(text):
        if frags != fragments(text, frags[0][0], frags[-1][1]):
            span.attrs["brat_fragments"] = [[a, b] for a, b in frags]


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
    note = fields[2] if len(fields) > 2 else ""
    if kind != "AnnotatorNotes":  # Lemma, Reference ...: kept, written back as such
        target.attrs.setdefault("brat_notes", []).append([kind, note])
        return
    if note.startswith("annotator="):
        target.annotator = note[len("annotator=") :].strip() or None
    elif note.startswith("attr:") and "=" in note:
        key, _, value = note[len("attr:") :].partition("=")
        target.attrs[key] = value
    elif note:
        target.note = f"{target.note}\n{note}" if target.note else note


# -- recognising -----------------------------------------------------------------------------------


def looks_like(path: Path) -> bool:
    """Whether `path` is brat's by its name: a `.ann`, or a `.zip` holding `.ann` files (read
    to know; a damaged zip raises)."""
    suffix = path.suffix.lower()
    if suffix == ".ann":
        return True
    if suffix != ".zip" or not path.is_file():
        return False
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
    return any(n.lower().endswith(".ann") for n in names)


# -- writing ---------------------------------------------------------------------------------------

_UNSAFE = regex.compile(r"[^\p{L}\p{M}\p{N}_\-]+")


def safe_name(name: str) -> str:
    """A brat-safe type/attribute name (no spaces, slashes or punctuation)."""
    return _UNSAFE.sub("_", name.strip()).strip("_") or "_"


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """`[start, end)` split at line breaks into non-empty fragments."""
    parts: list[tuple[int, int]] = []
    pos = start
    while pos < end:
        cut = text.find("\n", pos, end)
        stop = end if cut < 0 else cut
        if stop > pos:
            parts.append((pos, stop))
        pos = stop + 1 if cut >= 0 else end
    return parts


def _kept_fragments(span: Span) -> list[tuple[int, int]]:
    """The fragments of a discontinuous entity as read (`brat_fragments`), when they still
    fit the span: in order, not empty, from its start to its end; else []."""
    kept = span.attrs.get("brat_fragments")
    if not isinstance(kept, list) or len(kept) < 2:
        return []
    frags = []
    for pair in kept:
        if not (isinstance(pair, list) and len(pair) == 2 and all(type(v) is int for v in pair)):
            return []
        frags.append((pair[0], pair[1]))
    ordered = all(a < b for a, b in frags) and all(
        frags[i][1] <= frags[i + 1][0] for i in range(len(frags) - 1)
    )
    if not ordered or frags[0][0] != span.start or frags[-1][1] != span.end:
        return []
    return frags


def _one_line(value: str) -> str:
    return value.replace("\r", " ").replace("\n", " ").replace("\t", " ")


def _attr_text(value: Any) -> str:
    if isinstance(value, list | tuple):
        return "; ".join(_attr_text(v) for v in value)
    return str(value)


def ann_text(item: ExportItem, conf: dict[str, set[str]] | None = None) -> tuple[str, int]:
    """The `.ann` content of one item and the number of spans written.

    `conf`, when given, collects labels ("") and attribute values (by attribute name), and
    relation types ("[relations]"), equivalence types ("[equivs]") and event types
    ("[events]").
    """
    text = item.article.text
    out = _Ann(conf)
    t_of: dict[int, int] = {}
    for span in item.spans:
        frags = _kept_fragments(span) or fragments(text, span.start, span.end)
        if not frags:
            continue
        t = t_of[span.id] = len(t_of) + 1
        label = safe_name(span.label)
        offsets = ";".join(f"{s} {e}" for s, e in frags)
        covered = " ".join(_one_line(text[s:e]) for s, e in frags)
        out.lines.append(f"T{t}\t{label} {offsets}\t{covered}")
        if conf is not None:
            conf.setdefault("", set()).add(label)
        notes: list[str] = []
        if span.note:
            notes.append(_one_line(span.note))
        notes.append(f"annotator={_one_line(span.annotator)}")
        out.attributes(f"T{t}", span.attrs, notes)
        for note in notes:
            out.note("AnnotatorNotes", f"T{t}", note)
        for kind, note in _notes(span.attrs):
            out.note(kind, f"T{t}", note)
    if item.relations:
        _links(item, t_of, out)
    return "".join(line + "\n" for line in out.lines), len(t_of)


class _Ann:
    """The lines of one `.ann` being written, with the A and # numbers used so far."""

    def __init__(self, conf: dict[str, set[str]] | None) -> None:
        self.conf = conf
        self.lines: list[str] = []
        self.a = 0
        self.n = 0

    def note(self, kind: str, target: str, text: str) -> None:
        self.n += 1
        self.lines.append(f"#{self.n}\t{safe_name(kind)} {target}\t{_one_line(text)}")

    def attributes(self, target: str, attrs: dict[str, Any], notes: list[str]) -> None:
        """A lines for `attrs` on `target` (brat's own `brat_*` keys aside); values that are
        not one word go to `notes` as `attr:KEY=VALUE`."""
        for key, value in sorted(attrs.items()):
            if key.startswith("brat_"):
                continue
            before = len(self.lines)
            _attribute(self.lines, self.conf, key, value, target, self.a + 1)
            if len(self.lines) > before:
                self.a += 1
            elif value not in (None, "", [], False):
                notes.append(f"attr:{key}={_one_line(_attr_text(value))}")

    def collect(self, section: str, name: str) -> None:
        if self.conf is not None:
            self.conf.setdefault(section, set()).add(name)


def _notes(attrs: dict[str, Any], key: str = "brat_notes") -> list[tuple[str, str]]:
    """The notes kept from an imported file (`brat_notes`; an event's `notes`): [(type,
    text)]."""
    notes = attrs.get(key)
    if not isinstance(notes, list):
        return []
    return [(str(n[0]), str(n[1])) for n in notes if isinstance(n, list) and len(n) == 2]


def _links(item: ExportItem, t_of: dict[int, int], out: _Ann) -> None:
    """The R, E and * lines of an item's relations (see `BratLinks` for the layout read)."""
    roles: dict[str, list[tuple[str, int, str]]] = {}  # event id -> (role, tail, arg event)
    equivs: dict[tuple[str, int, Any], list[int]] = {}
    plain = []
    for relation in item.relations:
        if relation.head not in t_of or relation.tail not in t_of:
            continue
        events = relation.attrs.get("brat_events")
        if isinstance(events, dict) and events:
            for event, uses in events.items():
                for role, arg in uses if isinstance(uses, list) else []:
                    roles.setdefault(str(event), []).append((str(role), relation.tail, str(arg)))
        elif "brat_equiv" in relation.attrs:
            key = (relation.type, relation.head, relation.attrs["brat_equiv"])
            equivs.setdefault(key, []).append(relation.tail)
        else:
            plain.append(relation)
    for number, relation in enumerate(plain, 1):
        names = relation.attrs.get("brat_args")
        one, two = names if isinstance(names, list) and len(names) == 2 else ("Arg1", "Arg2")
        kind = safe_name(relation.type)
        out.collect("[relations]", kind)
        head, tail = t_of[relation.head], t_of[relation.tail]
        out.lines.append(f"R{number}\t{kind} {one}:T{head} {two}:T{tail}")
        notes: list[str] = []
        out.attributes(f"R{number}", relation.attrs, notes)
        for note in notes:
            out.note("AnnotatorNotes", f"R{number}", note)
        for kind, note in _notes(relation.attrs):
            out.note(kind, f"R{number}", note)
    for (kind, head, _), tails in equivs.items():
        out.collect("[equivs]", safe_name(kind))
        members = " ".join(f"T{t_of[t]}" for t in [head, *tails])
        out.lines.append(f"*\t{safe_name(kind)} {members}")
    _events(item, t_of, roles, out)


def _events(
    item: ExportItem,
    t_of: dict[int, int],
    roles: dict[str, list[tuple[str, int, str]]],
    out: _Ann,
) -> None:
    """The E lines of the events kept on trigger spans, renumbered in order of trigger."""
    events: list[tuple[str, int, dict[str, Any]]] = []
    for span in item.spans:
        kept = span.attrs.get("brat_events")
        if span.id in t_of and isinstance(kept, dict):
            for event, record in kept.items():
                if isinstance(record, dict):
                    events.append((str(event), span.id, record))
    number = {event: f"E{i}" for i, (event, _, _) in enumerate(events, 1)}
    for event, trigger, record in events:
        ident = number[event]
        kind = safe_name(str(record.get("type") or "Event"))
        out.collect("[events]", kind)
        args = roles.get(event, [])
        order = {role: i for i, role in enumerate(record.get("roles") or [])}
        args.sort(key=lambda a: order.get(a[0], len(order)))
        written = [
            f"{safe_name(role)}:{number[arg] if arg else f'T{t_of[tail]}'}"
            for role, tail, arg in args
            if not arg or arg in number
        ]
        out.lines.append(f"{ident}\t{' '.join([f'{kind}:T{t_of[trigger]}', *written])}")
        attrs = record.get("attrs")
        notes: list[str] = []
        out.attributes(ident, attrs if isinstance(attrs, dict) else {}, notes)
        for note in notes:
            out.note("AnnotatorNotes", ident, note)
        for kind, note in _notes(record, "notes"):
            out.note(kind, ident, note)


def _attribute(
    lines: list[str], conf: dict[str, set[str]] | None, key: str, value: Any, t: str, a: int
) -> None:
    name = safe_name(key)
    if value is True:
        lines.append(f"A{a}\t{name} {t}")
        if conf is not None:
            conf.setdefault(name, set())
    elif isinstance(value, str) and value and not regex.search(r"[\s|]", value):
        lines.append(f"A{a}\t{name} {t} {value}")  # brat reads any one word
        if conf is not None:
            conf.setdefault(name, set()).add(value)


def conf_text(conf: dict[str, set[str]]) -> str:
    """A minimal brat `annotation.conf` for the labels, relations, events and attributes
    seen."""
    out = ["[entities]", *sorted(conf.get("", ())), "", "[relations]"]
    out.extend(f"{k}\tArg1:<ENTITY>, Arg2:<ENTITY>" for k in sorted(conf.get("[relations]", ())))
    out.extend(
        f"{k}\tArg1:<ENTITY>, Arg2:<ENTITY>, <REL-TYPE>:symmetric-transitive"
        for k in sorted(conf.get("[equivs]", ()))
    )
    out.extend(["", "[events]", *sorted(conf.get("[events]", ())), ""])
    out.append("[attributes]")
    for name in sorted(k for k in conf if k and not k.startswith("[")):
        values = sorted(conf[name])
        arg = "Arg:<ENTITY>"
        out.append(f"{name}\t{arg}, Value:{'|'.join(values)}" if values else f"{name}\t{arg}")
    return "\n".join(out) + "\n"


def write(
    items: Iterable[ExportItem], path: Path, progress: Callable[[int], None] | None = None
) -> int:
    """Write `items` as brat standoff to folder `path`, or a zip when it ends in ".zip".

    A zip is written atomically. A folder is staged beside `path` and swapped in whole (see
    `atomic.atomic_folder`): a kill leaves the old folder or the new one, never a mix;
    existing files with the same names are replaced, others kept. Returns span count.
    """
    path = Path(path)
    conf: dict[str, set[str]] = {}
    count = 0
    if path.suffix.lower() == ".zip":
        with atomic_write(path, "wb") as raw, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as z:
            for done, item in enumerate(items, 1):
                ann, n = ann_text(item, conf)
                z.writestr(f"{item.article.uid}.txt", item.article.text.encode("utf-8"))
                z.writestr(f"{item.article.uid}.ann", ann.encode("utf-8"))
                count += n
                if progress is not None:
                    progress(done)
            z.writestr("annotation.conf", conf_text(conf).encode("utf-8"))
        return count
    with atomic_folder(path) as staging:
        for done, item in enumerate(items, 1):
            ann, n = ann_text(item, conf)
            _write_text(staging / f"{item.article.uid}.txt", item.article.text)
            _write_text(staging / f"{item.article.uid}.ann", ann)
            count += n
            if progress is not None:
                progress(done)
        _write_text(staging / "annotation.conf", conf_text(conf))
    return count


def _write_text(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8", newline="")
