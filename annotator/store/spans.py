"""Spans: one added, edited, deleted or put back (undo), bulk inserts, reads."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from annotator.models import Span
from annotator.store.base import StoreBase, now_iso
from annotator.store.records import SPAN_SELECT, NewSpan, span_from_row
from annotator.store.span_rows import (
    check_range,
    insert_span,
    insert_spans,
    insert_staged_spans,
    span_values,
)
from annotator.store.tables import TABLES, sql_list

# The import's staging table: the caller's record number, then a span row without article id.
_STAGE_SPAN_COLUMNS = sql_list(("record", *TABLES["spans"][2:]))
_EDITABLE = frozenset({"label", "start", "end", "attrs", "note"})
# How many of the newest spans `attr_values` reads for the editor's completions.
ATTR_VALUES_RECENT = 20_000


def _attrs_json(attrs: dict[str, Any] | None) -> str:
    return json.dumps(attrs or {}, ensure_ascii=False, sort_keys=True)


class SpanRows(StoreBase):
    """The spans table."""

    def add_span(
        self,
        article_id: int,
        annotator: str,
        label: str,
        start: int,
        end: int,
        attrs: dict[str, Any] | None = None,
        note: str = "",
        origin: str = "manual",
    ) -> Span:
        """Store one span (its own transaction); the covered text is sliced from the article."""
        with self.transaction():
            text = self._article_text(article_id)
            check_range(start, end, len(text))
            stamp = now_iso()
            span_id = insert_span(self.db.conn, [
                article_id, annotator, label, start, end, text[start:end], _attrs_json(attrs),
                note, origin, stamp, stamp,
            ])  # fmt: skip
        span = self.span(span_id)
        assert span is not None
        return span

    def insert_spans(self, article_id: int, rows: Iterable[NewSpan]) -> int:
        """Bulk-add spans to one article in one transaction; every range is checked against
        the text first (all or nothing)."""
        return self.insert_span_rows((article_id, *NewSpan(*row)) for row in rows)

    def insert_span_rows(self, rows: Iterable[tuple[Any, ...]]) -> int:
        """Bulk-add spans `(article_id, *NewSpan fields)` to any articles in one transaction
        and one statement. Every range is checked against its article's text first (all or
        nothing)."""
        rows = list(rows)
        if not rows:
            return 0
        with self.transaction():
            ids = sorted({row[0] for row in rows})
            texts: dict[int, str] = dict(
                self.db.execute(
                    "SELECT id, text FROM articles WHERE id IN (SELECT value FROM json_each(?))",
                    [json.dumps(ids)],
                ).fetchall()
            )
            values = []
            for article_id, *span in rows:
                text = texts.get(article_id)
                if text is None:
                    raise KeyError(f"no article {article_id}")
                values.extend((article_id, *value) for value in span_values(text, [NewSpan(*span)]))
            return self.insert_span_values(values)

    def insert_span_values(self, values: list[tuple[Any, ...]]) -> int:
        """Insert rows made by `span_values` with the article id in front, in one statement.

        The caller vouches that each row was checked against that article's stored text (the
        text `span_values` was given is the stored one).
        """
        if not values:
            return 0
        with self.transaction():
            insert_spans(self.db.conn, values)
        return len(values)

    def stage_span_values(self, rows: Iterable[tuple[Any, ...]]) -> None:
        """Put span rows `(record, *span_values row)` in the TEMP staging table (no lock).

        `record` is the caller's number for the article the span belongs to; the caller maps
        it to an article id in `commit_staged_spans`, once the articles are stored.
        """
        marks = ", ".join("?" * (len(TABLES["spans"]) - 1))
        self._fill_temp("stage_spans", _STAGE_SPAN_COLUMNS, rows, marks)

    def commit_staged_spans(self, article_of: dict[int, int]) -> int:
        """Insert the staged spans (record -> article id by `article_of`; records not in it are
        dropped) that the project does not already hold with the same annotator, label and
        range; one transaction. Returns the number inserted and empties the staging tables.
        """
        try:
            with self.transaction():
                self._fill_temp(
                    "stage_records", "record INTEGER PRIMARY KEY, article_id INTEGER",
                    article_of.items(), "?, ?",
                )  # fmt: skip
                return insert_staged_spans(self.db.conn)
        finally:
            self.db.execute("DELETE FROM temp.stage_spans")
            self.db.execute("DELETE FROM temp.stage_records")

    def span(self, span_id: int) -> Span | None:
        """One span by id."""
        row = self.db.execute(f"SELECT {SPAN_SELECT} FROM spans WHERE id = ?", [span_id]).fetchone()
        return span_from_row(row) if row else None

    def spans(self, article_id: int, annotator: str | None = None) -> list[Span]:
        """Spans of one article (optionally of one annotator), by position."""
        sql = f"SELECT {SPAN_SELECT} FROM spans WHERE article_id = ?"
        params: list[Any] = [article_id]
        if annotator is not None:
            sql += " AND annotator = ?"
            params.append(annotator)
        sql += ' ORDER BY start, "end", id'
        return [span_from_row(row) for row in self.db.execute(sql, params).fetchall()]

    def span_count(self, article_id: int, annotator: str | None = None) -> int:
        """Number of spans on an article (of one annotator when given)."""
        sql = "SELECT count(*) FROM spans WHERE article_id = ?"
        params: list[Any] = [article_id]
        if annotator is not None:
            sql += " AND annotator = ?"
            params.append(annotator)
        return int(self.db.execute(sql, params).fetchone()[0])

    def update_span(self, span_id: int, **changes: Any) -> tuple[Span, Span]:
        """Change a span's label, start, end, attrs or note (one transaction); (before, after)."""
        unknown = set(changes) - _EDITABLE
        if unknown:
            raise ValueError(f"cannot change {', '.join(sorted(unknown))} of a span")
        with self.transaction():
            before = self.span(span_id)
            if before is None:
                raise KeyError(f"no span {span_id}")
            start = changes.get("start", before.start)
            end = changes.get("end", before.end)
            text = self._article_text(before.article_id)
            check_range(start, end, len(text))
            after = replace(
                before,
                label=changes.get("label", before.label),
                start=start,
                end=end,
                text=text[start:end],
                attrs=changes.get("attrs", before.attrs),
                note=changes.get("note", before.note),
                updated=now_iso(),
            )
            self.put_span(after)
        return before, after

    def delete_span(self, span_id: int) -> Span:
        """Delete a span (one transaction) and return it as it was."""
        with self.transaction():
            span = self.span(span_id)
            if span is None:
                raise KeyError(f"no span {span_id}")
            self.db.execute("DELETE FROM spans WHERE id = ?", [span_id])
        return span

    def restore_span(self, span: Span) -> Span:
        """Put back a span exactly as it was (same id and times), e.g. to undo a delete."""
        with self.transaction():
            insert_span(self.db.conn, [
                span.article_id, span.annotator, span.label, span.start, span.end, span.text,
                _attrs_json(span.attrs), span.note, span.origin, span.created, span.updated,
            ], span_id=span.id)  # fmt: skip
        return span

    def put_span(self, span: Span) -> None:
        """Overwrite a span's fields with `span` (same id), e.g. to undo an edit."""
        with self.transaction():
            self.db.execute(
                'UPDATE spans SET label = ?, start = ?, "end" = ?, text = ?, attrs = ?, note = ?,'
                " updated = ? WHERE id = ?",
                [span.label, span.start, span.end, span.text, _attrs_json(span.attrs),
                 span.note, span.updated, span.id],
            )  # fmt: skip

    def attr_values(
        self, name: str, limit: int = 200, recent: int = ATTR_VALUES_RECENT
    ) -> list[str]:
        """Earlier values of a span attribute (e.g. claim source), most used first, among the
        `recent` newest spans (the completions of the window's editor: reading every span's
        attributes of a 2-million-span project takes over a second)."""
        rows = self.db.execute(
            "SELECT json_extract(attrs, '$.' || ?) AS v, count(*)"
            " FROM (SELECT attrs FROM spans ORDER BY id DESC LIMIT ?)"
            " WHERE v IS NOT NULL AND v != '' GROUP BY v ORDER BY count(*) DESC, v LIMIT ?",
            [name, recent, limit],
        ).fetchall()
        return [str(row[0]) for row in rows]
