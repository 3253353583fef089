"""Review: rulings that settle a compared region into the gold layer, and review statuses."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from annotator.models import DECISIONS, GOLD, REVIEW_STATUSES, Decision, Span, is_reserved_name
from annotator.store.base import StoreBase, now_iso
from annotator.store.records import DECISION_SELECT, GoldSpan, decision_from_row, spans_json
from annotator.store.span_rows import check_range, insert_span


class RulingRows(StoreBase):
    """The review_decisions and review_status tables (and the gold spans rulings write)."""

    def record_decision(
        self,
        article_id: int,
        reviewer: str,
        layers: tuple[str, str],
        region: tuple[int, int],
        kind: str,
        decision: str,
        compared: tuple[list[Span], list[Span]],
        gold: Iterable[GoldSpan],
        comment: str = "",
    ) -> Decision:
        """Settle one compared region (one transaction): earlier rulings on the same region
        and layers are superseded and their gold spans removed, then the `gold` spans are
        written to the gold layer with the reviewer, the decision and the time in their
        attrs. The compared layers are never touched."""
        if decision not in DECISIONS:
            raise ValueError(f"decision must be one of {', '.join(DECISIONS)}")
        if not reviewer.strip() or is_reserved_name(reviewer):
            raise ValueError("a decision needs the reviewer's name")
        layer_a, layer_b = layers
        start, end = region
        with self.transaction():
            self._supersede(article_id, layer_a, layer_b, start, end)
            stamp = now_iso()
            gold_ids: list[int] = []
            text = self._article_text(article_id)
            for span in map(GoldSpan._make, gold):
                check_range(span.start, span.end, len(text))
                stamped = {**(span.attrs or {}), "reviewer": reviewer, "decision": decision}
                gold_ids.append(insert_span(self.db.conn, [
                    article_id, GOLD, span.label, span.start, span.end,
                    text[span.start:span.end],
                    json.dumps(stamped, ensure_ascii=False, sort_keys=True), span.note, "review",
                    stamp, stamp,
                ]))  # fmt: skip
            cursor = self.db.execute(
                "INSERT INTO review_decisions (article_id, reviewer, layer_a, layer_b, start,"
                ' "end", kind, decision, a_spans, b_spans, gold_span_ids, comment, created)'
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [article_id, reviewer, layer_a, layer_b, start, end, kind, decision,
                 spans_json(compared[0]), spans_json(compared[1]), json.dumps(gold_ids),
                 comment, stamp],
            )  # fmt: skip
            if self.review_status(article_id) == "not_reviewed":
                self._put_review_status(article_id, "in_review", reviewer)
            decision_id = int(cursor.lastrowid or 0)
        found = self.decision(decision_id)
        assert found is not None
        return found

    def _supersede(self, article_id: int, layer_a: str, layer_b: str, start: int, end: int) -> None:
        rows = self.db.execute(
            "SELECT id, gold_span_ids FROM review_decisions WHERE article_id = ? AND layer_a = ?"
            ' AND layer_b = ? AND start = ? AND "end" = ? AND superseded = 0',
            [article_id, layer_a, layer_b, start, end],
        ).fetchall()
        for decision_id, gold_ids in rows:
            for span_id in json.loads(gold_ids):
                self.db.execute("DELETE FROM spans WHERE id = ? AND annotator = ?", [span_id, GOLD])
            self.db.execute(
                "UPDATE review_decisions SET superseded = 1 WHERE id = ?", [decision_id]
            )

    def revoke_decision(self, decision_id: int) -> Decision:
        """Withdraw a ruling (one transaction): its gold spans go, the record stays superseded."""
        with self.transaction():
            found = self.decision(decision_id)
            if found is None:
                raise KeyError(f"no decision {decision_id}")
            self._supersede(found.article_id, found.layer_a, found.layer_b, found.start, found.end)
        return found

    def decision(self, decision_id: int) -> Decision | None:
        """One decision by id."""
        row = self.db.execute(
            f"SELECT {DECISION_SELECT} FROM review_decisions WHERE id = ?", [decision_id]
        ).fetchone()
        return decision_from_row(row) if row else None

    def decisions(
        self,
        article_id: int | None = None,
        layers: tuple[str, str] | None = None,
        article_ids: Iterable[int] | None = None,
    ) -> list[Decision]:
        """Standing (not superseded) decisions, by article and position (of one article, or of
        `article_ids`, when given)."""
        sql = f"SELECT {DECISION_SELECT} FROM review_decisions WHERE superseded = 0"
        params: list[Any] = []
        if article_id is not None:
            sql += " AND article_id = ?"
            params.append(article_id)
        if article_ids is not None:
            sql += " AND article_id IN (SELECT value FROM json_each(?))"
            params.append(json.dumps(sorted(set(article_ids))))
        if layers is not None:
            sql += " AND layer_a = ? AND layer_b = ?"
            params.extend(layers)
        sql += ' ORDER BY article_id, start, "end", id'
        return [decision_from_row(row) for row in self.db.execute(sql, params).fetchall()]

    def review_status(self, article_id: int) -> str:
        """not_reviewed, in_review or adjudicated."""
        row = self.db.execute(
            "SELECT status FROM review_status WHERE article_id = ?", [article_id]
        ).fetchone()
        return str(row[0]) if row else "not_reviewed"

    def has_reviews(self) -> bool:
        """True once any article has a recorded review status."""
        return self.db.execute("SELECT 1 FROM review_status LIMIT 1").fetchone() is not None

    def review_statuses(self, article_ids: Iterable[int] | None = None) -> dict[int, str]:
        """Every recorded review status (of `article_ids`, when given) by article id (absent
        means not_reviewed)."""
        sql, params = "SELECT article_id, status FROM review_status", []
        if article_ids is not None:
            sql += " WHERE article_id IN (SELECT value FROM json_each(?))"
            params.append(json.dumps(sorted(set(article_ids))))
        rows = self.db.execute(sql, params).fetchall()
        return {int(r[0]): str(r[1]) for r in rows}

    def iter_review_statuses(self) -> Iterator[tuple[int, str]]:
        """(article id, status) of every recorded review status, streamed by article id."""
        return iter(self.db.execute("SELECT article_id, status FROM review_status ORDER BY 1"))

    def set_review_status(self, article_id: int, status: str, reviewer: str) -> str:
        """Set an article's review status (one transaction); returns the old one."""
        with self.transaction():
            old = self.review_status(article_id)
            self._put_review_status(article_id, status, reviewer)
        return old

    def _put_review_status(self, article_id: int, status: str, reviewer: str) -> None:
        if status not in REVIEW_STATUSES:
            raise ValueError(f"review status must be one of {', '.join(REVIEW_STATUSES)}")
        self.db.execute(
            "INSERT INTO review_status (article_id, status, reviewer, updated) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (article_id) DO UPDATE SET status = excluded.status,"
            " reviewer = excluded.reviewer, updated = excluded.updated",
            [article_id, status, reviewer, now_iso()],
        )
