"""Check the spans a reader read against their record's text: labels and annotators given,
offsets mapped from the source text to the canonical one and verified (`text.OffsetMap`,
Label Studio's UTF-16 units), and ends inside a letter widened to whole grapheme clusters.

A checked span is a plain tuple (`SpanOk`) in canonical offsets, ready for
`store.span_values`: an import makes millions of them.
"""

from __future__ import annotations

from typing import Any

from annotator.clusters import (
    EXTENDS,
    JOINS,
    LINKED,
    PLAIN,
    STARTS,
    UNCHAINED,
    nearest_break,
    plain_break,
)
from annotator.ingest.annotation_model import (
    NO_ANNOTATOR,
    DocIn,
    Problem,
    SpanIn,
    is_offset,
    one_line,
    short,
)
from annotator.store.span_rows import in_range
from annotator.text import OffsetMap, Utf16Map, canonicalise, may_split_cluster, snap_to_graphemes

SpanOk = tuple[str, str, int, int, dict[str, Any], str, str, str | None, str | None]
"""A checked span in canonical offsets, ready to store: the fields of `store.NewSpan`, as a
plain tuple (`span_values` takes either)."""


def snap_to_letters(text: str, spans: list[SpanOk]) -> int:
    """Widen, in place, spans whose start or end splits a grapheme cluster (a conjunct, a
    vowel sign, an emoji sequence) to whole clusters, as the window's selection would; return
    how many were widened."""
    widened = 0
    length = len(text)
    starts, plain, linked, unchained, extends, joins = (
        STARTS,
        PLAIN,
        LINKED,
        UNCHAINED,
        EXTENDS,
        JOINS,
    )
    for index, span in enumerate(spans):
        start, end = span[2], span[3]
        # `plain_break` at both ends, its usual answers decided inline (see `clusters.STARTS`):
        # an import checks millions of ends.
        at_start: bool | None = True
        if start:
            ch, before = text[start], text[start - 1]
            if not (ch in starts and before in plain or ch in linked and before in unchained):
                at_start = False if ch in extends and before in joins else plain_break(text, start)
        at_end: bool | None = True
        if end != length:
            ch, before = text[end], text[end - 1]
            if not (ch in starts and before in plain or ch in linked and before in unchained):
                at_end = False if ch in extends and before in joins else plain_break(text, end)
        if at_start and at_end:
            continue  # both ends on cluster boundaries (decided without the regex engine)
        if at_start is None or at_end is None:
            if not (may_split_cluster(text, start) or may_split_cluster(text, end)):
                continue
            new_start, new_end = snap_to_graphemes(text, start, end)
        else:  # plain text at both ends: walk to the boundaries from where the test stopped
            new_start = start if at_start else nearest_break(text, start - 1, -1)
            new_end = end if at_end else nearest_break(text, end + 1, 1)
            if new_start is None or new_end is None:
                new_start, new_end = snap_to_graphemes(text, start, end)
        if (new_start, new_end) != (start, end):
            spans[index] = (*span[:2], new_start, new_end, *span[4:])  # type: ignore[assignment]
            widened += 1
    return widened


def check_spans(
    doc: DocIn,
    canonical: str,
    name: str,
    default: str | None,
    problems: list[Problem],
    kept: list[int] | None = None,
) -> list[SpanOk]:
    """The record's spans that are valid, in offsets into `canonical` (the record's text,
    canonicalised); the others become problems. `kept`, when given, gets the index in
    `doc.spans` of each span returned (in the same order)."""
    assert doc.text is not None
    mapping = OffsetMap(doc.text, canonical)
    identity, length = mapping.identity, len(canonical)
    ok: list[SpanOk] = []
    for index, span in enumerate(doc.spans):
        label = span.label.strip() if isinstance(span.label, str) else ""
        if not label:
            problems.append(Problem(name, span.line, f"span without a label ({span.label!r})"))
            continue
        who = (span.annotator or "").strip() or default
        if not who:
            problems.append(Problem(name, span.line, NO_ANNOTATOR))
            continue
        if identity and len(span.fragments) == 1 and not span.loose_text:
            # The usual case, decided here without a call: what `_map_span` would accept.
            a, b = span.fragments[0]
            given = span.text
            if (
                type(a) is int
                and type(b) is int
                and 0 <= a < b <= length  # `in_range`
                and (given is None or (given == canonical[a:b] and given[:1] != "\ufeff"))
            ):
                ok.append((who, label, a, b, span.attrs, span.note, span.origin, span.created,
                           span.updated))  # fmt: skip
                if kept is not None:
                    kept.append(index)
                continue
        result = _map_span(span, mapping)
        if isinstance(result, str) and span.utf16_fallback and span.text is not None:
            fallback = _utf16_span(span, mapping)
            if fallback is not None and not isinstance(_map_span(fallback, mapping), str):
                result = _map_span(fallback, mapping)
        if isinstance(result, str):
            problems.append(Problem(name, span.line, f"{label!r}: {result}"))
            continue
        start, end = result
        ok.append((who, label, start, end, span.attrs, span.note, span.origin, span.created,
                   span.updated))  # fmt: skip
        if kept is not None:
            kept.append(index)
    return ok


def _utf16_span(span: SpanIn, mapping: OffsetMap) -> SpanIn | None:
    """The span with its offsets read as UTF-16 units (Label Studio's JavaScript positions)."""
    units = Utf16Map.of(mapping.source)
    if not units.astral or not all(is_offset(a) and is_offset(b) for a, b in span.fragments):
        return None
    frags = [(units.from_utf16(a), units.from_utf16(b)) for a, b in span.fragments]
    return SpanIn(span.line, span.label, frags, span.text, loose_text=span.loose_text)


def _map_span(span: SpanIn, mapping: OffsetMap) -> tuple[int, int] | str:
    """Canonical (start, end) of a span, or the reason it is invalid."""
    source, canonical = mapping.source, mapping.canonical
    if not span.fragments:
        return "span has no offsets"
    pieces: list[tuple[int, int]] = []
    for a, b in span.fragments:
        if not (is_offset(a) and is_offset(b)):
            return f"offsets {a!r}, {b!r} are not integers"
        if not in_range(a, b, len(source)):
            return f"offsets [{a}, {b}) outside text of length {len(source)}"
        if mapping.identity:
            na, nb = a, b
        else:
            na, nb = mapping(a), mapping(b)
            if canonical[na:nb] != canonicalise(source[a:b]):
                return (
                    f"offsets [{a}, {b}) cut through characters that canonicalisation "
                    "(NFC, line breaks) changes"
                )
        if na >= nb:
            return f"offsets [{a}, {b}) are empty after canonicalisation"
        pieces.append((na, nb))
    start, end = pieces[0][0], pieces[-1][1]
    if not in_range(start, end, len(canonical)):
        return f"offsets [{start}, {end}) outside text of length {len(canonical)}"
    if span.text is not None:
        if span.loose_text:
            found = " ".join(one_line(canonical[a:b]) for a, b in pieces)
            given = one_line(canonicalise(span.text))
        else:
            found = canonical[start:end]
            given = span.text
            # A slice of a canonical text is itself canonical unless it starts with a BOM
            # (which canonicalise drops), so an exact match needs no second pass.
            if given != found or given.startswith("\ufeff"):
                given = canonicalise(given)
        if found != given:
            return f"span text {short(given)!r} does not match text {short(found)!r}"
    return start, end
