"""The spans the reading pane shows: how to draw one (`SpanPaint`), and the set of them
clamped to the text, with their Qt ranges and underline lanes. Nothing here imports Qt."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from annotator.ui.reader.positions import Positions


@dataclass(frozen=True)
class SpanPaint:
    """How to draw one span: code-point range [start, end), colour '#RRGGBB', whose it is."""

    id: int
    start: int
    end: int
    color: str
    label: str = ""
    own: bool = True  # False: another annotator's span, drawn as a dashed underline only


def assign_lanes(spans: Iterable[SpanPaint]) -> dict[int, int]:
    """Underline lane of each span: overlapping spans get different lanes (outer first)."""
    lanes: dict[int, int] = {}
    lane_ends: list[int] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end, s.id)):
        for lane, lane_end in enumerate(lane_ends):
            if lane_end <= span.start:
                lane_ends[lane] = span.end
                lanes[span.id] = lane
                break
        else:
            lane_ends.append(span.end)
            lanes[span.id] = len(lane_ends) - 1
    return lanes


def merge_ranges(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """`ranges` sorted, with overlapping and touching ones joined."""
    merged: list[tuple[int, int]] = []
    for lo, hi in sorted(ranges):
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


class SpanSet:
    """The spans shown, by id, clamped to the text; each with its Qt range and its lane."""

    def __init__(self) -> None:
        self._spans: dict[int, SpanPaint] = {}
        self._qt: dict[int, tuple[int, int]] = {}  # the same ranges as Qt positions
        self._lanes: dict[int, int] = {}

    def replace(self, spans: Iterable[SpanPaint], positions: Positions) -> None:
        """Show exactly `spans` over the text of `positions`."""
        self._spans = {s.id: _clamped(s, positions) for s in spans}
        self._qt = {s.id: positions.to_qt_range(s.start, s.end) for s in self._spans.values()}
        self._lanes = assign_lanes(self._spans.values())

    def update(
        self, changed: Iterable[SpanPaint], removed_ids: Iterable[int], positions: Positions
    ) -> list[tuple[int, int]]:
        """Add or change `changed`, drop `removed_ids`; the code-point ranges whose look
        changed (old and new places), merged."""
        dirty: list[tuple[int, int]] = []
        for span_id in removed_ids:
            old = self._spans.pop(span_id, None)
            self._qt.pop(span_id, None)
            if old is not None:
                dirty.append((old.start, old.end))
        for span in changed:
            old = self._spans.get(span.id)
            if old is not None:
                dirty.append((old.start, old.end))
            new = _clamped(span, positions)
            self._spans[new.id] = new
            self._qt[new.id] = positions.to_qt_range(new.start, new.end)
            dirty.append((new.start, new.end))
        self._lanes = assign_lanes(self._spans.values())
        return merge_ranges(dirty)

    def __contains__(self, span_id: object) -> bool:
        return span_id in self._spans

    def __len__(self) -> int:
        return len(self._spans)

    def get(self, span_id: int | None) -> SpanPaint | None:
        """The span with `span_id`, or None."""
        return None if span_id is None else self._spans.get(span_id)

    def values(self) -> list[SpanPaint]:
        """Every span, in the order they were first given."""
        return list(self._spans.values())

    def qt_range(self, span_id: int) -> tuple[int, int]:
        """The span's range as Qt positions."""
        return self._qt[span_id]

    def with_qt_ranges(self) -> Iterator[tuple[SpanPaint, int, int]]:
        """Every span with its Qt range [start, end)."""
        for span_id, (a16, b16) in self._qt.items():
            yield self._spans[span_id], a16, b16

    def lane(self, span_id: int) -> int:
        """The span's underline lane (0 is nearest the text)."""
        return self._lanes.get(span_id, 0)

    def at(self, offset: int) -> list[int]:
        """Ids of the spans covering code point `offset`, innermost (shortest) first."""
        hits = [s for s in self._spans.values() if s.start <= offset < s.end]
        hits.sort(key=lambda s: (s.end - s.start, -s.start, s.id))
        return [s.id for s in hits]


def _clamped(span: SpanPaint, positions: Positions) -> SpanPaint:
    start, end = positions.clamped_range(span.start, span.end)
    if (start, end) == (span.start, span.end):
        return span
    return SpanPaint(span.id, start, end, span.color, span.label, span.own)
