"""Events CSV: one row per claim frame (`frames.build_frames`), for spreadsheets and event
datasets. Written only; UTF-8 with BOM so spreadsheet programs open Bengali.

Columns (`COLUMNS`): the article (uid, published date, outlet, url), the claim's annotator
and label, the label's CAMEO code (the scheme's `cameo` field: set by the CAMEO preset,
empty otherwise), the agent and target actors (register ids from the fillers' `actor_id`
attribute, and names: the register's name, else the span text), the location, time and
source fillers' texts (the source: the claim's free-text `source` attribute when no span is
attributed), the claim span's certainty, polarity, modality, event_date and quote
attributes, and the claim's text and offsets (code points, half-open). A slot with several
fillers joins them with "; ". Text cells are guarded against formulas (`csv.safe_cell`).

The scheme and the register come from the project the export reads (`Selection.store`);
given bare items, the spans heading relations are the claims and names are span texts.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from annotator.export.atomic import atomic_write
from annotator.export.selection import ExportItem
from annotator.formats.csv import attr_cell, safe_cell
from annotator.frames import Frame, build_frames
from annotator.models import Actor, Span
from annotator.relation_scheme import RelationTypeDef
from annotator.scheme import LabelDef

ATTRIBUTES = ("certainty", "polarity", "modality", "event_date", "quote")
COLUMNS = (
    "article_uid", "date", "outlet", "url", "annotator", "label", "cameo",
    "agent_ids", "agent_names", "target_ids", "target_names", "location", "time", "source",
    *ATTRIBUTES, "claim_text", "claim_start", "claim_end",
)  # fmt: skip
JOIN = "; "


class _Scheme:
    """What the rows need from the project: labels, relation types, the register."""

    def __init__(self, store: Any) -> None:
        self.labels: list[LabelDef] = store.labels() if store is not None else []
        self.types: list[RelationTypeDef] = store.relation_types() if store is not None else []
        self.actors: dict[str, Actor] = (
            {a.id: a for a in store.actors()} if store is not None else {}
        )
        self.cameo = {label.key: label.cameo for label in self.labels}
        self.bare = store is None

    def frames(self, item: ExportItem) -> list[Frame]:
        labels, types = self.labels, self.types
        if self.bare:  # no scheme: the heads of relations are the claims
            heads = {s.id: s.label for s in item.spans}
            keys = {heads[r.head] for r in item.relations if r.head in heads}
            labels = [LabelDef(key=k, name=k, category="claim") for k in sorted(keys)]
            types = [RelationTypeDef(k, k) for k in dict.fromkeys(r.type for r in item.relations)]
        return build_frames(item.spans, item.relations, labels, types)

    def actor_cells(self, spans: list[Span]) -> tuple[str, str]:
        """(ids, names) of the actors filling a slot."""
        ids, names = [], []
        for span in spans:
            actor_id = span.attrs.get("actor_id")
            actor = self.actors.get(actor_id) if isinstance(actor_id, str) else None
            if isinstance(actor_id, str) and actor_id:
                ids.append(actor_id)
            names.append(actor.name if actor is not None else span.text)
        return JOIN.join(ids), JOIN.join(names)


def frame_row(frame: Frame, item: ExportItem, scheme: _Scheme) -> list[Any]:
    """The row of one frame (`COLUMNS` order)."""
    claim, article = frame.claim, item.article
    agent_ids, agent_names = scheme.actor_cells(frame.fillers("agent"))
    target_ids, target_names = scheme.actor_cells(frame.fillers("target"))

    def texts(key: str) -> str:
        return JOIN.join(s.text for s in frame.fillers(key))

    cells = [
        article.uid, (article.published or "")[:10], article.outlet, article.url,
        claim.annotator, claim.label, scheme.cameo.get(claim.label, ""),
        agent_ids, agent_names, target_ids, target_names,
        texts("location"), texts("time"),
        texts("attributed_to") or attr_cell(claim.attrs.get("source")),
        *(attr_cell(claim.attrs.get(key)) for key in ATTRIBUTES), claim.text,
    ]  # fmt: skip
    return [*(safe_cell(str(c)) for c in cells), claim.start, claim.end]


def write(
    items: Iterable[ExportItem], path: Path, progress: Callable[[int], None] | None = None
) -> int:
    """Write one row per claim frame of `items` to `path` (atomically); the rows written."""
    scheme = _Scheme(getattr(items, "store", None))
    rows = 0
    with atomic_write(path, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        for done, item in enumerate(items, 1):
            for frame in scheme.frames(item):
                writer.writerow(frame_row(frame, item, scheme))
                rows += 1
            if progress is not None:
                progress(done)
    return rows
