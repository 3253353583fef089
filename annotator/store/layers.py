"""Layers: one annotator's spans (or the gold layer) across the project, read or replaced."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from itertools import groupby, islice
from operator import itemgetter
from typing import Any

from annotator.models import GOLD, Span
from annotator.store.base import StoreBase
from annotator.store.records import SPAN_SELECT, LayerSpan, span_from_row
from annotator.store.span_rows import check_range, insert_span

LayerDocument = tuple[int, str, str, list[Any]]
"""An article as `LayerRows.layer_documents` gives it: id, title, text, its span rows."""


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

    def layer_documents(
        self, annotators: Iterable[str], article_ids: Iterable[int] | None = None, batch: int = 500
    ) -> Iterator[LayerDocument]:
        """Articles with their spans of these layers, in id order, `batch` articles at a time:
        (id, title, text, span rows), a row being (article id, annotator, start, end, label).

        With `article_ids` None: every article where a layer has a span, found in one ordered
        pass over the spans (grouped as they come); else those articles, with or without spans
        (ids with no article are skipped).
        """
        names = list(annotators)
        if not names:
            return
        marks = ", ".join("?" * len(names))
        columns = 'article_id, annotator, start, "end", label'
        if article_ids is None:
            # `+annotator`: walk the spans in article order (by idx_spans_article), not by layer.
            rows = self.db.execute(
                f"SELECT {columns} FROM spans WHERE +annotator IN ({marks}) ORDER BY article_id",
                names,
            )
            groups = ((key, list(group)) for key, group in groupby(rows, itemgetter(0)))
            while chunk := list(islice(groups, batch)):
                yield from self._with_text(chunk)
            return
        ids = sorted(set(article_ids))
        for first in range(0, len(ids), batch):
            part = ids[first : first + batch]
            grouped: dict[int, list[Any]] = {}
            for row in self.db.execute(
                f"SELECT {columns} FROM spans WHERE article_id IN (SELECT value FROM json_each(?))"
                f" AND annotator IN ({marks})",
                [json.dumps(part), *names],
            ):
                grouped.setdefault(row[0], []).append(row)
            yield from self._with_text([(i, grouped.get(i, [])) for i in part])

    def _with_text(self, chunk: list[tuple[int, list[Any]]]) -> Iterator[LayerDocument]:
        """Each (article id, span rows) of `chunk` with its article's title and text."""
        found = {
            row[0]: row
            for row in self.db.execute(
                "SELECT id, title, text FROM articles WHERE id IN (SELECT value FROM json_each(?))",
                [json.dumps([article_id for article_id, _ in chunk])],
            )
        }
        for article_id, rows in chunk:
            article = found.get(article_id)
            if article is not None:
                yield article_id, article[1], article[2], rows

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
