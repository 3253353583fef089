"""The concordance's queries: every span of a label or an actor, or every article a search
matches, a page at a time in a chosen order (keyset paging: each page starts after the last
row's sort key, so page 1,000 costs what page 1 does).

A span row carries the text just around the span (`CONTEXT_WINDOW` code points each side,
cut by SQLite's `substr`, which counts characters), not its article's text, so a page of 200
rows reads a few kilobytes; `annotator.concordance` cuts the sentence out of that window.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from annotator.store.fulltext import FullText

CONTEXT_WINDOW = 300  # code points read each side of a span
_CERTAINTY = "coalesce(json_extract(s.attrs, '$.certainty'), '')"
# Sort keys of span rows: column name -> SQL expressions (the span id always breaks ties).
SPAN_SORTS: dict[str, tuple[str, ...]] = {
    "": (),
    "title": ("coalesce(a.title, '')",),
    "published": ("coalesce(a.published, '')",),
    "label": ("s.label",),
    "annotator": ("s.annotator",),
    "text": ("s.text",),
    "certainty": (_CERTAINTY,),
}
# Sort keys of the articles a search matches (the article id breaks ties).
ARTICLE_SORTS: dict[str, tuple[str, ...]] = {
    "": (),
    "title": ("coalesce(a.title, '')",),
    "published": ("coalesce(a.published, '')",),
}
_SPAN_FILTERS = {
    "label": "s.label = ?",
    # instr first: a cheap test that skips the JSON of spans that cannot name the actor.
    "actor": "instr(s.attrs, ?) AND EXISTS (SELECT 1 FROM json_each(s.attrs, '$.actors')"
    " WHERE value = ?)",
}


@dataclass(frozen=True)
class ConcordanceSpan:
    """A span with what the concordance shows of it; `left`/`right`: up to `CONTEXT_WINDOW`
    code points of its article's text before and after it. `key`: its sort key, for the
    next page."""

    span_id: int
    article_id: int
    title: str
    published: str | None
    label: str
    annotator: str
    start: int
    end: int
    text: str
    certainty: str
    left: str
    right: str
    key: tuple[Any, ...]


@dataclass(frozen=True)
class MatchedArticle:
    """An article a search matched, with its text; `key`: its sort key, for the next page."""

    article_id: int
    title: str
    published: str | None
    text: str
    key: tuple[Any, ...]


class ConcordanceRows(FullText):
    """The pages of the concordance (a part of `Store`)."""

    def concordance_spans(
        self,
        by: str,
        value: str,
        sort: str = "",
        descending: bool = False,
        after: tuple[Any, ...] | None = None,
        limit: int = 200,
    ) -> list[ConcordanceSpan]:
        """Spans whose label (`by="label"`) is `value`, or whose `actors` attribute names
        `value` (`by="actor"`), ordered by `sort` (a `SPAN_SORTS` key; "" for span id), the
        `limit` rows after the row whose `key` is `after`."""
        if by not in _SPAN_FILTERS:
            raise ValueError(f"unknown concordance filter {by!r}")
        keys = (*SPAN_SORTS[sort], "s.id")
        params: list[Any] = [CONTEXT_WINDOW, CONTEXT_WINDOW, CONTEXT_WINDOW]
        where = [_SPAN_FILTERS[by]]
        params += [value] if by == "label" else [_json_string(value), value]
        if after is not None:
            where.append(_after(keys, descending))
            params += list(after)
        direction = " DESC" if descending else ""
        sql = (
            "SELECT s.id, s.article_id, coalesce(a.title, ''), a.published, s.label,"
            f' s.annotator, s.start, s."end", s.text, {_CERTAINTY},'
            " substr(a.text, max(1, s.start + 1 - ?), min(s.start, ?)),"
            ' substr(a.text, s."end" + 1, ?), ' + ", ".join(keys) + " FROM spans s"
            " JOIN articles a ON a.id = s.article_id WHERE " + " AND ".join(where)
            + " ORDER BY " + ", ".join(k + direction for k in keys) + " LIMIT ?"
        )  # fmt: skip
        params.append(limit)
        return [
            ConcordanceSpan(*row[:12], key=tuple(row[12:]))
            for row in self.db.execute(sql, params).fetchall()
        ]

    def concordance_articles(
        self,
        query: str,
        sort: str = "",
        descending: bool = False,
        after: tuple[Any, ...] | None = None,
        limit: int = 50,
    ) -> list[MatchedArticle]:
        """Articles matching `query` (`search.build_fts_query`) with their texts, ordered by
        `sort` (an `ARTICLE_SORTS` key; "" for article id), the `limit` after `after`."""
        expression = self._fts_expression(query)
        if expression is None:
            return []
        keys = (*ARTICLE_SORTS[sort], "a.id")
        where = ["a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"]
        params: list[Any] = [expression]
        if after is not None:
            where.append(_after(keys, descending))
            params += list(after)
        direction = " DESC" if descending else ""
        sql = (
            "SELECT a.id, coalesce(a.title, ''), a.published, a.text, " + ", ".join(keys)
            + " FROM articles a WHERE " + " AND ".join(where)
            + " ORDER BY " + ", ".join(k + direction for k in keys) + " LIMIT ?"
        )  # fmt: skip
        params.append(limit)
        return [
            MatchedArticle(*row[:4], key=tuple(row[4:]))
            for row in self.db.execute(sql, params).fetchall()
        ]

    def actor_names(self, limit: int = 500) -> list[str]:
        """Actors named by the newest spans' `actors` attribute, most named first."""
        rows = self.db.execute(
            "SELECT j.value, count(*) FROM (SELECT attrs FROM spans WHERE instr(attrs, 'actors')"
            " ORDER BY id DESC LIMIT 20000) s, json_each(s.attrs, '$.actors') j"
            " WHERE j.value != '' GROUP BY j.value ORDER BY count(*) DESC, j.value LIMIT ?",
            [limit],
        ).fetchall()
        return [str(row[0]) for row in rows]


def _after(keys: tuple[str, ...], descending: bool) -> str:
    """The row-value test that keeps the rows after a page's last key."""
    return f"({', '.join(keys)}) {'<' if descending else '>'} ({', '.join('?' * len(keys))})"


def _json_string(value: str) -> str:
    """How `value` appears inside the stored attributes JSON (`ensure_ascii=False`)."""
    import json  # noqa: PLC0415 - only the actor filter needs it

    return json.dumps(value, ensure_ascii=False)
