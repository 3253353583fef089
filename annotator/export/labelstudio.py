"""Label Studio export: one JSON array of tasks, one annotation per annotator.

Task layout::

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

Offsets are code points into `data.text`, half-open, so `value.text == text[start:end]`.
Labelling config matching this export::

    <View><Labels name="label" toName="text">...</Labels><Text name="text" value="$text"/></View>
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import orjson

from annotator.export.atomic import atomic_write
from annotator.export.selection import ExportItem
from annotator.models import Span


def _results(span: Span) -> list[dict[str, Any]]:
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
            for name in sorted(layers):
                uid = user_ids.setdefault(name, len(user_ids) + 1)
                result = [r for s in layers[name] for r in _results(s)]
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
