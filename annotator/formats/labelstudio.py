"""Label Studio: read its JSON and JSON-MIN exports, write its JSON task array.

**Reading.** The JSON export is an array of tasks
{"data": {...}, "annotations": [{"result": [...]}]} (older versions: "completions"), streamed
task by task so that only one task's JSON is in memory; JSON-MIN puts the text at top level and
each control's regions beside it. Results of type "labels" are text spans; "choices" on a
span's region become its attributes, other "choices" are the document's labels. Results of
type "relation" (`from_id`, `to_id`, `direction`, `labels`) become relations between the
regions' spans, one per label (type "relation" when it has none; `direction` "left" swaps
head and tail, "bi" is kept as the attribute `direction`). Everything else (rectangles and
other image or audio regions, text areas, ratings, model predictions, cancelled annotations,
and tasks without text, as in an image project) is counted by kind as not imported.

**Recognising** (`looks_like`, asked by `ingest.annotation_detect` for a `.json` file):
the first task has a `data` object and `annotations`, `completions` or `predictions`;
or (JSON-MIN) a top-level `text` and lists of regions with `labels` and `start`.

**Writing.** Task layout::

    {"id": n, "data": {"text", "uid", "title", "outlet", "published", "url"},
     "annotations": [{"completed_by": user_id, "meta": {"annotator": NAME},
                      "result": [{"id", "from_name": "label", "to_name": "text",
                                  "type": "labels", "origin": "manual",
                                  "value": {"start", "end", "text", "labels": [LABEL]},
                                  "meta": {"text": [NOTE]}}, ...]}]}

`completed_by` is a small integer per annotator name (numbered in order of first appearance
in this export, from 1), because Label Studio stores user ids there; the annotator's name is in
the annotation's `"meta": {"annotator": NAME}`, which is how an importer recovers it. A span's
note goes into the region's `meta.text` (Label Studio's per-region meta). String attributes
(and lists of strings) become extra `choices` results with the same region id and
`from_name` = the attribute key, as Label Studio emits per-region choices.

A relation between two spans is one more result of the annotation:
`{"from_id": "sHEAD", "to_id": "sTAIL", "type": "relation", "direction": "right",
"labels": [TYPE]}`.

Offsets are code points into `data.text`, half-open, so `value.text == text[start:end]`.
Labelling config matching this export::

    <View><Labels name="label" toName="text">...</Labels><Text name="text" value="$text"/></View>
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import orjson

from annotator.export.atomic import atomic_write
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
    as_str,
    doc_from,
    name_or_id,
    opt_str,
    record_text,
    short,
)
from annotator.models import Relation, Span
from annotator.text import DecodeError, decode_bytes, looks_binary

TEXT_KEYS = ("text", "content", "body", "article", "document")
NON_TEXT_TASKS = "Label Studio non-text tasks"
PREDICTIONS = "Label Studio predictions"
CANCELLED = "Label Studio cancelled annotations"
_WIDE_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")


# -- reading ---------------------------------------------------------------------------------------


def read(
    path: Path, field_map: dict[str, str] | None = None, seen: set[str] | None = None
) -> Iterator[Unit]:
    """The one unit of a Label Studio export; `field_map`'s "text" names the data field
    holding the text (see `parse_labelstudio_file`)."""
    yield Unit(str(path), parse_labelstudio_file(path, str(path), (field_map or {}).get("text")))


def results_kind(kind: str) -> str:
    """The not-imported kind of Label Studio results of type `kind`."""
    return f"Label Studio {kind or 'untyped'} results"


def parse_labelstudio_file(path: Path, name: str, text_key: str | None = None) -> Parsed:
    """A JSON array of tasks (or one task object), streamed task by task: only one task's
    JSON is in memory at a time, and the limits apply as each task is read. `text_key` is
    the data field holding the text (default: the first of TEXT_KEYS present).

    The tasks are read as `docs` is run (see `Parsed`): a file that cannot be read raises
    `Unparseable` or a limit's error then."""
    parsed = Parsed()
    parsed.docs = _file_tasks(path, name, (text_key,) if text_key else TEXT_KEYS, parsed)
    return parsed


def _file_tasks(path: Path, name: str, keys: tuple[str, ...], parsed: Parsed) -> Iterator[DocIn]:
    caps = limits.current()
    try:
        if not path.is_file():
            raise Unparseable("no such file" if not path.exists() else "not a regular file")
        if path.stat().st_size > caps.file_bytes:
            raise limits.too_large("file", path.stat().st_size, caps.file_bytes)
        handle = path.open("rb")
    except OSError as exc:
        raise Unparseable(f"cannot read: {exc.strerror or exc}") from None
    with handle:
        head = handle.read(65536)
        if not head:
            raise Unparseable("empty file")
        if head.startswith(_WIDE_BOMS):  # UTF-16/32: rare; decoded and parsed whole
            data = head + limits.read_capped(handle, caps.file_bytes - len(head))
            try:
                tasks = orjson.loads(decode_bytes(data))
            except DecodeError as exc:
                raise Unparseable(str(exc)) from None
            except orjson.JSONDecodeError as exc:
                raise Unparseable(f"invalid JSON: {short(str(exc), 80)}") from None
            if not isinstance(tasks, list | dict):
                raise Unparseable("not a Label Studio export (expected a JSON array of tasks)")
            yield from _tasks(tasks if isinstance(tasks, list) else [tasks], name, None, keys,
                              parsed)  # fmt: skip
            return
        head = head.removeprefix(b"\xef\xbb\xbf")
        if looks_binary(head):
            raise Unparseable("binary file (contains NUL bytes); expected UTF-8 text")
        first = head.lstrip()[:1]
        if first not in (b"[", b"{"):
            raise Unparseable("not a Label Studio export (expected a JSON array of tasks)")
        import ijson  # noqa: PLC0415 - loaded only when a Label Studio file is imported

        reader = limits.CappedReader(handle, head)
        tasks = ijson.items(reader, "item" if first == b"[" else "", use_float=True)
        try:
            yield from _tasks(tasks, name, reader, keys, parsed)
        except ijson.JSONError as exc:
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else "damaged"
            raise Unparseable(f"invalid JSON: {short(reason, 80)}") from None


def _tasks(
    tasks: Any,
    name: str,
    reader: limits.CappedReader | None,
    keys: tuple[str, ...],
    parsed: Parsed,
) -> Iterator[DocIn]:
    """Records of Label Studio tasks; `line` in problems is the task's 1-based index."""
    caps = limits.current()
    count = limits.Counter("tasks", caps.records)
    spans = limits.Counter("spans", caps.spans)
    for index, task in enumerate(tasks, 1):
        if reader is not None:
            reader.mark()
        count.add()
        doc = _task(task, index, name, parsed, keys)
        if doc is not None:
            limits.check_text(doc.text or "", f"task {index}")
            spans.add(len(doc.spans))
            yield doc


def _task(task: Any, index: int, name: str, parsed: Parsed, keys: tuple[str, ...]) -> DocIn | None:
    """One task as a record, or None (with a problem, or counted when it has no text)."""
    if isinstance(task, dict) and "data" not in task:
        if isinstance(task.get("text"), str):
            return _min_task(task, index)
        if any(isinstance(v, list) for v in task.values()):  # JSON-MIN of an image project
            parsed.skip(NON_TEXT_TASKS)
            return None
    data = task.get("data") if isinstance(task, dict) else None
    if not isinstance(data, dict):
        parsed.problems.append(Problem(name, index, "task has no 'data' object"))
        return None
    doc = doc_from(data, index, record_text(data, *keys))
    annotations = task.get("annotations")
    if annotations is None:
        annotations = task.get("completions") or []
    predictions = task.get("predictions")
    parsed.skip(PREDICTIONS, len(predictions) if isinstance(predictions, list) else 0)
    if doc.text is None:
        parsed.skip(NON_TEXT_TASKS)
        for annotation in annotations if isinstance(annotations, list) else []:
            if isinstance(annotation, dict) and not annotation.get("was_cancelled"):
                for result in _results(annotation):
                    parsed.skip(results_kind(as_str(result.get("type"))))
        return None
    for annotation in annotations if isinstance(annotations, list) else []:
        if not isinstance(annotation, dict):
            continue
        if annotation.get("was_cancelled"):
            parsed.skip(CANCELLED)
            continue
        _annotation(annotation, index, doc, parsed)
    return doc


def _min_task(task: dict[str, Any], index: int) -> DocIn:
    """A task of Label Studio's JSON-MIN export: the text at top level, and under each
    control's name a list of regions {"start", "end", "text", "labels"}."""
    doc = doc_from(task, index, task["text"])
    who = name_or_id(task.get("annotator"))
    for key, regions in task.items():
        if key == "text" or not isinstance(regions, list):
            continue
        for region in regions:
            if not isinstance(region, dict) or "start" not in region or "labels" not in region:
                continue
            doc.spans.extend(_region_spans(region, index, who))
    return doc


def _annotator(annotation: dict[str, Any]) -> str | None:
    meta = annotation.get("meta")
    if isinstance(meta, dict) and opt_str(meta.get("annotator")):
        return str(meta["annotator"]).strip() or None
    who = annotation.get("completed_by")
    if isinstance(who, dict):
        return opt_str(who.get("email")) or opt_str(who.get("username"))
    if who is None or isinstance(who, bool) or who == "":
        return None
    return str(who)


def _results(annotation: dict[str, Any]) -> list[dict[str, Any]]:
    results = annotation.get("result")
    return [r for r in results if isinstance(r, dict)] if isinstance(results, list) else []


def _is_labels_result(result: dict[str, Any], value: Any) -> bool:
    """A text span result: type "labels", or no type but a value with labels and offsets."""
    if not isinstance(value, dict):
        return False
    kind = result.get("type")
    if kind is None:
        return "labels" in value and "start" in value and "end" in value
    return kind == "labels"


def _annotation(annotation: dict[str, Any], index: int, doc: DocIn, parsed: Parsed) -> None:
    """Add one annotation's spans, their choices and the document's choices to `doc`; count
    the other results."""
    who = _annotator(annotation)
    results = _results(annotation)
    regions: dict[str, list[SpanIn]] = {}
    first: dict[str, int] = {}  # region id -> index of its first span in `doc.spans`
    rest: list[dict[str, Any]] = []
    for result in results:
        value = result.get("value")
        if not _is_labels_result(result, value):
            rest.append(result)
            continue
        region_id = as_str(result.get("id"))
        first.setdefault(region_id, len(doc.spans))
        for span in _labels_spans(result, value, index, who):
            doc.spans.append(span)
            regions.setdefault(region_id, []).append(span)
    for result in rest:
        if result.get("type") == "relation":
            _relation(result, first, index, who, doc)
            continue
        value = result.get("value")
        choices = value.get("choices") if isinstance(value, dict) else None
        if result.get("type") != "choices" or not isinstance(choices, list) or not choices:
            parsed.skip(results_kind(as_str(result.get("type"))))
            continue
        region = regions.get(as_str(result.get("id")))
        key = as_str(result.get("from_name"))
        if region and key:
            for span in region:
                span.attrs[key] = choices[0] if len(choices) == 1 else list(choices)
            continue
        labels = [c.strip() for c in choices if isinstance(c, str) and c.strip()]
        doc.doc_labels.extend((who, label) for label in labels)


def _relation(
    result: dict[str, Any], first: dict[str, int], index: int, who: str | None, doc: DocIn
) -> None:
    """The relations of one "relation" result (one per label), between the regions' first
    spans (a region not found: a position past the spans, reported later)."""
    missing = len(doc.spans) + 1_000_000  # never a span of this record
    head = first.get(as_str(result.get("from_id")), missing)
    tail = first.get(as_str(result.get("to_id")), missing)
    direction = as_str(result.get("direction")) or "right"
    if direction == "left":
        head, tail = tail, head
    attrs = {"direction": "bi"} if direction == "bi" else {}
    labels = result.get("labels")
    kinds = [k for k in labels if isinstance(k, str) and k] if isinstance(labels, list) else []
    for kind in kinds or ["relation"]:
        doc.relations.append(
            RelationIn(index, kind, head, tail, dict(attrs), who, origin="labelstudio")
        )


def _labels_spans(
    result: dict[str, Any], value: dict[str, Any], index: int, who: str | None
) -> list[SpanIn]:
    """The spans of one "labels" result: one per label."""
    meta = result.get("meta")
    note_items = meta.get("text") if isinstance(meta, dict) else None
    if isinstance(note_items, list):
        note = "\n".join(str(n) for n in note_items if n)
    else:
        note = as_str(note_items)
    return _region_spans(value, index, who, note)


def _region_spans(
    region: dict[str, Any], index: int, who: str | None, note: str = ""
) -> list[SpanIn]:
    """One span per label of a region {"start", "end", "text", "labels"} (one unlabelled
    span, reported later, when it has no labels)."""
    labels = region.get("labels")
    given = region.get("text")
    return [
        SpanIn(
            line=index,
            label=label,
            fragments=[(region.get("start"), region.get("end"))],
            text=given if isinstance(given, str) else None,
            annotator=who,
            note=note,
            origin="labelstudio",
            utf16_fallback=True,
        )
        for label in (labels if isinstance(labels, list) and labels else [None])
    ]


# -- recognising -----------------------------------------------------------------------------------


def looks_like(task: Any) -> bool:
    """Whether the first record of a JSON file is a Label Studio task (export or JSON-MIN)."""
    if not isinstance(task, dict):
        return False
    if isinstance(task.get("data"), dict) and any(
        k in task for k in ("annotations", "completions", "predictions")
    ):
        return True
    if isinstance(task.get("text"), str) and "data" not in task:
        for key, value in task.items():
            if key != "text" and isinstance(value, list) and value:
                if all(isinstance(r, dict) and "labels" in r and "start" in r for r in value):
                    return True
    return False


# -- writing ---------------------------------------------------------------------------------------


def _span_results(span: Span) -> list[dict[str, Any]]:
    region = f"s{span.id}"
    label: dict[str, Any] = {
        "id": region,
        "from_name": "label",
        "to_name": "text",
        "type": "labels",
        "origin": "manual",
        "value": {"start": span.start, "end": span.end, "text": span.text, "labels": [span.label]},
    }
    if span.note:
        label["meta"] = {"text": [span.note]}
    results = [label]
    for key, value in sorted(span.attrs.items()):
        values = value if isinstance(value, list) else [value]
        if not values or not all(isinstance(v, str) and v for v in values):
            continue
        results.append(
            {
                "id": region,
                "from_name": key,
                "to_name": "text",
                "type": "choices",
                "origin": "manual",
                "value": {
                    "start": span.start,
                    "end": span.end,
                    "text": span.text,
                    "choices": list(values),
                },
            }
        )
    return results


def _relation_result(relation: Relation) -> dict[str, Any]:
    """A relation as Label Studio writes it, between the spans' region ids."""
    bi = relation.attrs.get("direction") == "bi"
    return {
        "from_id": f"s{relation.head}",
        "to_id": f"s{relation.tail}",
        "type": "relation",
        "direction": "bi" if bi else "right",
        "labels": [relation.type],
    }


def write(
    items: Iterable[ExportItem], path: Path, progress: Callable[[int], None] | None = None
) -> int:
    """Write `items` as a Label Studio task array to `path` (atomically); return span count."""
    user_ids: dict[str, int] = {}
    count = 0
    with atomic_write(path, "wb") as out:
        out.write(b"[")
        for done, item in enumerate(items, 1):
            a = item.article
            layers: dict[str, list[Span]] = {}
            for s in item.spans:
                layers.setdefault(s.annotator, []).append(s)
            annotations = []
            layer_of = {s.id: s.annotator for s in item.spans} if item.relations else {}
            for name in sorted(layers):
                uid = user_ids.setdefault(name, len(user_ids) + 1)
                result = [r for s in layers[name] for r in _span_results(s)]
                result.extend(  # in the layer of the head's span: the regions' annotation
                    _relation_result(r) for r in item.relations if layer_of.get(r.head) == name
                )
                annotations.append(
                    {"completed_by": uid, "meta": {"annotator": name}, "result": result}
                )
            task = {
                "id": done,
                "data": {
                    "text": a.text,
                    "uid": a.uid,
                    "title": a.title,
                    "outlet": a.outlet,
                    "published": a.published,
                    "url": a.url,
                },
                "annotations": annotations,
            }
            out.write((b",\n" if done > 1 else b"\n") + orjson.dumps(task))
            count += len(item.spans)
            if progress is not None:
                progress(done)
        out.write(b"\n]\n")
    return count
