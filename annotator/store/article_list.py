"""The window's article list: one annotator's statuses and claim counts, filtered and sorted.

At 100,000 articles reading every row's title and counting its claims takes about a second,
so the list is read in two parts: the ordered ids (`article_list_ids`, from indexes only
when sorted by date) and the rows of the ids shown (`list_rows`, a page at a time; claim
counts from the spans(article_id, annotator, label) index). `article_list` gives whole rows in the
same order, or its first `limit` of them.
"""

from __future__ import annotations

import json
from typing import Any

from annotator.outlets import shown_outlet
from annotator.store.fulltext import FullText
from annotator.store.records import ListRow

REVIEW_FILTER = "review:"  # article_list(status="review:adjudicated") filters on review status
_STATUS = "coalesce(st.status, 'todo')"
_CLAIMS = "(SELECT count(*) FROM spans s WHERE s.article_id = a.id AND s.annotator = ?)"
_REVIEW = "coalesce(rv.status, 'not_reviewed')"
_SORT_COLUMNS = {
    "title": "a.title",
    "outlet": "a.outlet",
    "published": "a.published",
    "status": _STATUS,
    "claims": _CLAIMS,
    "review": _REVIEW,
    "id": "a.id",
}
_STATUS_JOIN = " LEFT JOIN article_status st ON st.article_id = a.id AND st.annotator = ?"
_REVIEW_JOIN = " LEFT JOIN review_status rv ON rv.article_id = a.id"
_ROW = f"a.id, a.title, a.outlet, a.published, {_STATUS}, {_CLAIMS}, {_REVIEW}, a.url"


def _list_row(row: tuple[Any, ...]) -> ListRow:
    """A `_ROW` as a ListRow; an article stored without an outlet shows its URL's."""
    return ListRow(row[0], row[1], shown_outlet(row[2], row[7] or ""), *row[3:7])


class ArticleList(FullText):
    """The list's rows: ordered ids for a filter, and the rows of given ids."""

    def article_list(
        self,
        annotator: str,
        status: str | None = None,
        label: str | None = None,
        query: str = "",
        sort: str = "published",
        descending: bool = True,
        limit: int | None = None,
    ) -> list[ListRow]:
        """Rows for the window's list: one annotator's status and claim counts, filtered;
        the first `limit` only when given."""
        found = self._list_query(annotator, status, label, query, sort, descending, limit, True)
        if found is None:
            return []
        sql, params = found
        return [_list_row(row) for row in self.db.execute(sql, params).fetchall()]

    def article_list_ids(
        self,
        annotator: str,
        status: str | None = None,
        label: str | None = None,
        query: str = "",
        sort: str = "published",
        descending: bool = True,
        limit: int | None = None,
    ) -> list[int]:
        """The ids `article_list` lists, in its order, without reading the rows."""
        found = self._list_query(annotator, status, label, query, sort, descending, limit, False)
        if found is None:
            return []
        sql, params = found
        return [row[0] for row in self.db.execute(sql, params).fetchall()]

    def list_rows(self, annotator: str, ids: list[int]) -> list[ListRow]:
        """The list rows of `ids` for `annotator`, in the order given (gone articles left out)."""
        rows = self.db.execute(
            f"SELECT {_ROW} FROM articles a{_STATUS_JOIN}{_REVIEW_JOIN}"
            " WHERE a.id IN (SELECT value FROM json_each(?))",
            [annotator, annotator, json.dumps(ids)],
        ).fetchall()
        by_id = {row[0]: _list_row(row) for row in rows}
        return [by_id[i] for i in ids if i in by_id]

    def _list_query(
        self,
        annotator: str,
        status: str | None,
        label: str | None,
        query: str,
        sort: str,
        descending: bool,
        limit: int | None,
        whole_rows: bool,
    ) -> tuple[str, list[Any]] | None:
        """The SQL (and its parameters) of the list, or None when the search matches nothing.

        Only the joins the filter, the order or the columns need are made, so the ids sorted
        by date come from the covering date index alone.
        """
        column = _SORT_COLUMNS.get(sort, "a.published")
        review_status = bool(status and status.startswith(REVIEW_FILTER))
        joins_status = whole_rows or (bool(status) and not review_status) or column == _STATUS
        joins_review = whole_rows or review_status or column == _REVIEW
        where: list[str] = []
        params: list[Any] = [annotator] if whole_rows else []  # the claims column
        source = "articles a"
        if query.strip():
            expression = self._fts_expression(query)
            if expression is None:
                return None
            if column == "a.published":
                # Walk the date index in order, keeping the ids the search found: the first
                # page needs the first few hundred entries, not every hit's row.
                source += " INDEXED BY idx_articles_published"
            where.append("a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
        if joins_status:
            source += _STATUS_JOIN
            params.append(annotator)
        if joins_review:
            source += _REVIEW_JOIN
        if query.strip():
            params.append(expression)
        if review_status:
            where.append(f"{_REVIEW} = ?")
            params.append(str(status).removeprefix(REVIEW_FILTER))
        elif status:
            where.append(f"{_STATUS} = ?")
            params.append(status)
        if label:
            where.append("EXISTS (SELECT 1 FROM spans l WHERE l.article_id = a.id AND l.label = ?)")
            params.append(label)
        direction = "DESC" if descending else "ASC"
        if column == "a.published" and descending:
            order = "a.published DESC, a.id"  # undated (NULL) sort last in a descending order
        elif column == "a.published":
            order = "a.published IS NULL, a.published ASC, a.id"
        else:
            order = f"{column} {direction}, a.id"  # none of the other columns is ever NULL
            if column == _CLAIMS:
                params.append(annotator)
        sql = (
            f"SELECT {_ROW if whole_rows else 'a.id'} FROM {source}"
            + (" WHERE " + " AND ".join(where) if where else "")
            + f" ORDER BY {order}"
        )
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return sql, params
