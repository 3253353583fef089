"""The window's article list: one annotator's statuses and claim counts, filtered and sorted."""

from __future__ import annotations

from typing import Any

from annotator.store.fulltext import FullText
from annotator.store.records import ListRow

REVIEW_FILTER = "review:"  # article_list(status="review:adjudicated") filters on review status
_SORT_COLUMNS = {
    "title": "a.title",
    "outlet": "a.outlet",
    "published": "a.published",
    "status": "status",
    "claims": "claims",
    "review": "review",
    "id": "a.id",
}


class ArticleList(FullText):
    """One query joining articles, statuses, review statuses and span counts."""

    def article_list(
        self,
        annotator: str,
        status: str | None = None,
        label: str | None = None,
        query: str = "",
        sort: str = "published",
        descending: bool = True,
    ) -> list[ListRow]:
        """Rows for the window's list: one annotator's status and claim counts, filtered."""
        where: list[str] = []
        params: list[Any] = [annotator, annotator]
        source = "articles a"
        if query.strip():
            found = self.match(query)
            if found is None:
                return []
            source, condition, values = found
            where.append(condition)
            params.extend(values)
        if status and status.startswith(REVIEW_FILTER):
            where.append("coalesce(rv.status, 'not_reviewed') = ?")
            params.append(status.removeprefix(REVIEW_FILTER))
        elif status:
            where.append("coalesce(st.status, 'todo') = ?")
            params.append(status)
        if label:
            where.append("EXISTS (SELECT 1 FROM spans l WHERE l.article_id = a.id AND l.label = ?)")
            params.append(label)
        column = _SORT_COLUMNS.get(sort, "a.published")
        direction = "DESC" if descending else "ASC"
        sql = (
            "SELECT a.id, a.title, a.outlet, a.published, coalesce(st.status, 'todo') AS status,"
            " coalesce(c.n, 0) AS claims, coalesce(rv.status, 'not_reviewed') AS review"
            f" FROM {source}"
            " LEFT JOIN article_status st ON st.article_id = a.id AND st.annotator = ?"
            " LEFT JOIN review_status rv ON rv.article_id = a.id"
            " LEFT JOIN (SELECT article_id, count(*) AS n FROM spans WHERE annotator = ?"
            "  GROUP BY article_id) c ON c.article_id = a.id"
            + (" WHERE " + " AND ".join(where) if where else "")
            + f" ORDER BY {column} IS NULL, {column} {direction}, a.id"
        )
        return [ListRow(*row) for row in self.db.execute(sql, params).fetchall()]
