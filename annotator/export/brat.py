"""brat standoff export: `UID.txt` + `UID.ann` per article, in a folder or a .zip.

`.txt` is the stored text as UTF-8 (LF). brat counts characters of the decoded text, i.e. code
points, so `.ann` offsets are code points, half-open. Per span::

    T1<TAB>LABEL start end<TAB>text                  one fragment
    T2<TAB>LABEL s1 e1;s2 e2<TAB>text1 text2         span crossing line breaks: one fragment
                                                     per line, text = fragments joined by " "
    A1<TAB>certainty T1 reported                     simple attribute (one word value)
    A2<TAB>flag T1                                   true boolean attribute
    #1<TAB>AnnotatorNotes T1<TAB>the note            the span's note (line breaks -> spaces)
    #2<TAB>AnnotatorNotes T1<TAB>annotator=NAME      always written: who made the span
    #3<TAB>AnnotatorNotes T1<TAB>attr:actors=a; b    attributes that are not one word

Labels and attribute names/values are made brat-safe (letters, digits, `_`, `-`; anything
else becomes `_`). An `annotation.conf` listing the labels and attributes is written too.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import regex

from annotator.export.atomic import atomic_folder, atomic_write
from annotator.export.selection import ExportItem

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


def _one_line(value: str) -> str:
    return value.replace("\r", " ").replace("\n", " ").replace("\t", " ")


def _attr_text(value: Any) -> str:
    if isinstance(value, list | tuple):
        return "; ".join(_attr_text(v) for v in value)
    return str(value)


def ann_text(item: ExportItem, conf: dict[str, set[str]] | None = None) -> tuple[str, int]:
    """The `.ann` content of one item and the number of spans written.

    `conf`, when given, collects labels ("") and attribute values (by attribute name).
    """
    text = item.article.text
    lines: list[str] = []
    t = a = n = 0
    for span in item.spans:
        frags = fragments(text, span.start, span.end)
        if not frags:
            continue
        t += 1
        label = safe_name(span.label)
        offsets = ";".join(f"{s} {e}" for s, e in frags)
        covered = " ".join(_one_line(text[s:e]) for s, e in frags)
        lines.append(f"T{t}\t{label} {offsets}\t{covered}")
        if conf is not None:
            conf.setdefault("", set()).add(label)
        notes: list[str] = []
        if span.note:
            notes.append(_one_line(span.note))
        notes.append(f"annotator={_one_line(span.annotator)}")
        for key, value in sorted(span.attrs.items()):
            lines_before = len(lines)
            _attribute(lines, conf, key, value, t, a + 1)
            if len(lines) > lines_before:
                a += 1
            elif value not in (None, "", [], False):
                notes.append(f"attr:{key}={_one_line(_attr_text(value))}")
        for note in notes:
            n += 1
            lines.append(f"#{n}\tAnnotatorNotes T{t}\t{note}")
    return "".join(line + "\n" for line in lines), t


def _attribute(
    lines: list[str], conf: dict[str, set[str]] | None, key: str, value: Any, t: int, a: int
) -> None:
    name = safe_name(key)
    if value is True:
        lines.append(f"A{a}\t{name} T{t}")
        if conf is not None:
            conf.setdefault(name, set())
    elif isinstance(value, str) and value and not regex.search(r"\s", value):
        safe = safe_name(value)
        if safe == value:
            lines.append(f"A{a}\t{name} T{t} {safe}")
            if conf is not None:
                conf.setdefault(name, set()).add(safe)


def conf_text(conf: dict[str, set[str]]) -> str:
    """A minimal brat `annotation.conf` for the labels and attributes seen."""
    out = ["[entities]", *sorted(conf.get("", ())), "", "[relations]", "", "[events]", ""]
    out.append("[attributes]")
    for name in sorted(k for k in conf if k):
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
