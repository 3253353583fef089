"""Work statuses: each annotator's todo / in progress / done per article, and progress."""

from __future__ import annotations

from annotator.store.base import StoreBase, now_iso

STATUSES = ("todo", "in_progress", "done")


class StatusRows(StoreBase):
    """The article_status table."""

    def status(self, article_id: int, annotator: str) -> str:
        """An annotator's status for an article: todo, in_progress or done."""
        row = self.db.execute(
            "SELECT status FROM article_status WHERE article_id = ? AND annotator = ?",
            [article_id, annotator],
        ).fetchone()
        return str(row[0]) if row else "todo"

    def statuses(self, article_id: int) -> dict[str, str]:
        """Every annotator's recorded status for an article."""
        rows = self.db.execute(
            "SELECT annotator, status FROM article_status WHERE article_id = ?", [article_id]
        ).fetchall()
        return {str(r[0]): str(r[1]) for r in rows}

    def set_status(self, article_id: int, annotator: str, status: str) -> str:
        """Set an annotator's status for an article (one transaction); returns the old one."""
        if status not in STATUSES:
            raise ValueError(f"status must be one of {', '.join(STATUSES)}")
        with self.transaction():
            old = self.status(article_id, annotator)
            self.db.execute(
                "INSERT INTO article_status (article_id, annotator, status, updated)"
                " VALUES (?, ?, ?, ?) ON CONFLICT (article_id, annotator)"
                " DO UPDATE SET status = excluded.status, updated = excluded.updated",
                [article_id, annotator, status, now_iso()],
            )
        return old

    def progress(self, annotator: str) -> tuple[int, int]:
        """(articles done by `annotator`, all articles)."""
        done = self.db.execute(
            "SELECT count(*) FROM article_status WHERE annotator = ? AND status = 'done'",
            [annotator],
        ).fetchone()[0]
        total = self.db.execute("SELECT count(*) FROM articles").fetchone()[0]
        return int(done), int(total)

    def done_articles(self, annotator: str) -> set[int]:
        """Ids of the articles `annotator` marked done."""
        rows = self.db.execute(
            "SELECT article_id FROM article_status WHERE annotator = ? AND status = 'done'",
            [annotator],
        ).fetchall()
        return {int(r[0]) for r in rows}
