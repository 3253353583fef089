"""Layers: one annotator's spans (or the gold layer) across the project, read or replaced."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

import orjson

from annotator.models import GOLD, Span
from annotator.store.base import StoreBase
from annotator.store.records import SPAN_SELECT, LayerSpan, span_from_row
from annotator.store.span_rows import check_range, insert_span

SpanColumns = tuple[list[int], list[str], list[int], list[int], list[str]]
"""Spans column by column: article ids, annotators, starts, ends, labels."""
LayerBatch = tuple[list[tuple[int, str, str]], SpanColumns]
"""A batch of `LayerRows.layer_batches`: its articles (id, title, text) and their spans."""


class LayerRows(StoreBase):
    """Spans grouped by layer."""

    def layers(self) -> list[str]:
        """Names of every layer with spans or a name in this project (gold last, if present)."""
        names = [n for n in self.annotators() if n != GOLD]  # type: ignore[attr-defined]
        has_gold = self.db.execute("SELECT 1 FROM spans WHERE annotator = ? LIMIT 1", [GOLD])
        return names + ([GOLD] if has_gold.fetchone() else [])

    def layer_origins(self) -> dict[str, dict[str, int]]:
        """For every layer, how many of its spans came from each origin (manual, import...)."""
        found: dict[str, dict[str, int]] = {}
        for name, origin, count in self.db.execute(
            "SELECT annotator, origin, count(*) FROM spans GROUP BY annotator, origin"
        ):
            found.setdefault(str(name), {})[str(origin)] = int(count)
        return found

    def layer_spans(
        self, annotators: Iterable[str], article_ids: Iterable[int] | None = None
    ) -> dict[int, list[Span]]:
        """Spans of the given layers grouped by article id (by position); all articles if None."""
        names = list(annotators)
        if not names:
            return {}
        sql = f"SELECT {SPAN_SELECT} FROM spans WHERE annotator IN ({', '.join('?' * len(names))})"
        params: list[Any] = list(names)
        ids = None if article_ids is None else sorted(set(article_ids))
        if ids is not None:
            if not ids:
                return {}
            sql += " AND article_id IN (SELECT value FROM json_each(?))"
            params.append(json.dumps(ids))
        grouped: dict[int, list[Span]] = {}
        for row in self.db.execute(sql + ' ORDER BY article_id, start, "end", id', params):
            grouped.setdefault(row[1], []).append(span_from_row(row))
        return grouped

    def layer_article_ids(self, annotators: Iterable[str]) -> list[int]:
        """Ids of the articles where any of these layers has a span, in order."""
        names = list(annotators)
        if not names:
            return []
        marks = ", ".join("?" * len(names))
        sql = f"SELECT DISTINCT article_id FROM spans WHERE annotator IN ({marks}) ORDER BY 1"
        return [int(row[0]) for row in self.db.execute(sql, names)]

    def layer_articles(
        self,
        annotators: Iterable[str],
        beyond: int | None = None,
        forward: bool = True,
        limit: int = 200,
    ) -> list[tuple[int, str]]:
        """(id, title) of up to `limit` articles where any of these layers has a span, by id:
        the first ones (the last ones when not `forward`), or those after (before) `beyond`.

        One page of a walk through the compared articles: no query reads them all.
        """
        names = list(annotators)
        if not names:
            return []
        marks = ", ".join("?" * len(names))
        sql = (
            "SELECT a.id, a.title FROM articles a WHERE EXISTS (SELECT 1 FROM spans s"
            f" WHERE s.article_id = a.id AND s.annotator IN ({marks}))"
        )
        params: list[Any] = list(names)
        if beyond is not None:
            sql += " AND a.id > ?" if forward else " AND a.id < ?"
            params.append(beyond)
        sql += f" ORDER BY a.id {'ASC' if forward else 'DESC'} LIMIT ?"
        return [(int(i), str(t)) for i, t in self.db.execute(sql, [*params, limit])]

    def has_layer_spans(self, article_id: int, annotators: Iterable[str]) -> bool:
        """True if any of these layers has a span on the article."""
        names = list(annotators)
        marks = ", ".join("?" * len(names))
        row = self.db.execute(
            f"SELECT 1 FROM spans WHERE article_id = ? AND annotator IN ({marks}) LIMIT 1",
            [article_id, *names],
        ).fetchone()
        return row is not None

    def layer_batches(
        self, annotators: Iterable[str], article_ids: Iterable[int] | None = None, batch: int = 500
    ) -> Iterator[LayerBatch]:
        """The articles where these layers have spans (or `article_ids`, with or without spans;
        ids with no article are skipped) and those spans, at most `batch` articles at a time,
        in id order, so memory holds one batch whatever the project's size.

        Each batch is its articles as (id, title, text) and its spans column by column:
        (article ids, annotators, starts, ends, labels), one list each, built by SQLite (one
        query for the spans of a batch, one for its texts: no Python object per span row).
        """
        names = list(annotators)
        if not names:
            return
        marks = ", ".join("?" * len(names))
        columns = ", ".join(
            f"json_group_array({c})" for c in ("article_id", "annotator", "start", '"end"', "label")
        )
        # `+annotator`: find the rows by article (idx_spans_article), never by layer.
        sql = f"SELECT {columns} FROM spans WHERE +annotator IN ({marks}) AND "
        if article_ids is None:  # by ranges of ids: the articles of each with spans
            first, last = self.article_id_range()  # type: ignore[attr-defined]
            for low in range(first, last + 1, batch):
                spans = self._span_columns(
                    sql + "article_id >= ? AND article_id < ?", [*names, low, low + batch]
                )
                ids = sorted(set(spans[0]))
                if ids:
                    yield self._texts(ids), spans
            return
        ids = sorted(set(article_ids))
        for first in range(0, len(ids), batch):
            part = ids[first : first + batch]
            spans = self._span_columns(
                sql + "article_id IN (SELECT value FROM json_each(?))", [*names, json.dumps(part)]
            )
            yield self._texts(part), spans

    def _span_columns(self, sql: str, params: list[Any]) -> SpanColumns:
        row = self.db.execute(sql, params).fetchone()
        return tuple(orjson.loads(column) for column in row)  # type: ignore[return-value]

    def _texts(self, ids: list[int]) -> list[tuple[int, str, str]]:
        """(id, title, text) of these articles (those there are), by id."""
        return [
            (int(i), str(title), str(text))
            for i, title, text in self.db.execute(
                "SELECT id, title, text FROM articles WHERE id IN (SELECT value FROM json_each(?))"
                " ORDER BY id",
                [json.dumps(ids)],
            )
        ]

    def replace_layer(
        self, article_id: int, annotator: str, rows: Iterable[LayerSpan]
    ) -> tuple[int, int]:
        """Make `annotator`'s spans on one article exactly `rows`, in one transaction.

        Spans already there with the same (label, start, end) keep their id (their fields are
        brought up to date); the rest are deleted or inserted. Returns (added, removed).
        """
        with self.transaction():
            text = self._article_text(article_id)
            current: dict[tuple[str, int, int], Span] = {}
            doubles: list[Span] = []
            for span in self.spans(article_id, annotator):  # type: ignore[attr-defined]
                key = (span.label, span.start, span.end)
                if key in current:
                    doubles.append(span)
                else:
                    current[key] = span
            wanted: dict[tuple[str, int, int], LayerSpan] = {}
            for row in map(LayerSpan._make, rows):
                check_range(row.start, row.end, len(text))
                wanted.setdefault((row.label, row.start, row.end), row)
            removed = [s for key, s in current.items() if key not in wanted] + doubles
            for span in removed:
                self.db.execute("DELETE FROM spans WHERE id = ?", [span.id])
            added = 0
            for key, row in wanted.items():
                attrs_json = json.dumps(row.attrs or {}, ensure_ascii=False, sort_keys=True)
                old = current.get(key)
                if old is not None:
                    self.db.execute(
                        "UPDATE spans SET attrs = ?, note = ?, origin = ?, updated = ?"
                        " WHERE id = ?",
                        [attrs_json, row.note, row.origin, row.updated, old.id],
                    )
                    continue
                insert_span(self.db.conn, [
                    article_id, annotator, row.label, row.start, row.end,
                    text[row.start:row.end], attrs_json, row.note, row.origin, row.created,
                    row.updated,
                ])  # fmt: skip
                added += 1
        return added, len(removed)
