"""What suggestions keep in the project: each annotator's trained tagger, the lexicon of
trigger phrases by label, and the suggestions an analyst rejected (never offered again)."""

from __future__ import annotations

import json
from typing import Any

from annotator.store.base import StoreBase, now_iso
from annotator.text import canonicalise


class SuggestionRows(StoreBase):
    """The suggestion_models, lexicon and suggestion_rejects tables."""

    def tagged_articles(self, annotators: list[str]) -> list[int]:
        """Ids of the articles where any of `annotators` has a span, by id."""
        rows = self.db.execute(
            "SELECT DISTINCT article_id FROM spans WHERE annotator IN"
            " (SELECT value FROM json_each(?)) ORDER BY article_id",
            [json.dumps(annotators)],
        ).fetchall()
        return [int(r[0]) for r in rows]

    def layer_span_count(self, annotator: str) -> int:
        """How many spans `annotator` has in the whole project."""
        row = self.db.execute("SELECT count(*) FROM spans WHERE annotator = ?", [annotator])
        return int(row.fetchone()[0])

    # -- trained models ----------------------------------------------------------------------

    def save_model(self, annotator: str, kind: str, data: bytes, spans: int,
                   info: dict[str, Any]) -> None:  # fmt: skip
        """Keep `annotator`'s trained tagger (replacing the last one)."""
        with self.transaction():
            self.db.execute(
                "INSERT INTO suggestion_models (annotator, kind, data, spans, info, created)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (annotator) DO UPDATE SET"
                " kind = excluded.kind, data = excluded.data, spans = excluded.spans,"
                " info = excluded.info, created = excluded.created",
                [annotator, kind, data, spans, json.dumps(info, ensure_ascii=False), now_iso()],
            )

    def model(self, annotator: str) -> tuple[bytes, int, dict[str, Any]] | None:
        """`annotator`'s tagger: its bytes, how many spans it learnt from, its note."""
        row = self.db.execute(
            "SELECT data, spans, info FROM suggestion_models WHERE annotator = ?", [annotator]
        ).fetchone()
        return (bytes(row[0]), int(row[1]), json.loads(row[2] or "{}")) if row else None

    def model_spans(self, annotator: str) -> int | None:
        """How many spans `annotator`'s tagger learnt from (None: no tagger), without its bytes."""
        row = self.db.execute(
            "SELECT spans FROM suggestion_models WHERE annotator = ?", [annotator]
        ).fetchone()
        return int(row[0]) if row else None

    # -- the lexicon -------------------------------------------------------------------------

    def lexicon(self) -> list[tuple[int, str, str]]:
        """Every trigger phrase: (id, label, phrase), by label then phrase."""
        return [tuple(r) for r in self.db.execute(
            "SELECT id, label, phrase FROM lexicon ORDER BY label, phrase").fetchall()]  # fmt: skip

    def lexicon_phrases(self) -> dict[str, list[str]]:
        """The trigger phrases of each label."""
        found: dict[str, list[str]] = {}
        for _id, label, phrase in self.lexicon():
            found.setdefault(label, []).append(phrase)
        return found

    def add_phrase(self, label: str, phrase: str, phrase_id: int | None = None) -> int:
        """Add a trigger phrase (canonical, single spaces); its id. ValueError when empty or
        already there."""
        phrase = " ".join(canonicalise(phrase).split())
        if not phrase:
            raise ValueError("a trigger phrase needs some words")
        with self.transaction():
            if self.db.execute("SELECT 1 FROM lexicon WHERE label = ? AND phrase = ?",
                               [label, phrase]).fetchone():  # fmt: skip
                raise ValueError(f"{phrase!r} is already a trigger phrase of {label}")
            cursor = self.db.execute(
                "INSERT INTO lexicon (id, label, phrase, created) VALUES (?, ?, ?, ?)",
                [phrase_id, label, phrase, now_iso()],
            )
        return int(cursor.lastrowid)

    def delete_phrase(self, phrase_id: int) -> None:
        """Remove a trigger phrase."""
        with self.transaction():
            self.db.execute("DELETE FROM lexicon WHERE id = ?", [phrase_id])

    # -- rejected suggestions ----------------------------------------------------------------

    def rejects(self, article_id: int, annotator: str) -> set[tuple[int, int, str]]:
        """(start, end, label) of the suggestions `annotator` rejected in the article."""
        rows = self.db.execute(
            'SELECT start, "end", label FROM suggestion_rejects'
            " WHERE article_id = ? AND annotator = ?",
            [article_id, annotator],
        ).fetchall()
        return {(int(s), int(e), str(label)) for s, e, label in rows}

    def add_reject(self, article_id: int, annotator: str, label: str, start: int, end: int,
                   reject_id: int | None = None) -> int:  # fmt: skip
        """Remember a rejected suggestion; its id."""
        with self.transaction():
            cursor = self.db.execute(
                "INSERT OR IGNORE INTO suggestion_rejects (id, article_id, annotator, label,"
                ' start, "end", created) VALUES (?, ?, ?, ?, ?, ?, ?)',
                [reject_id, article_id, annotator, label, start, end, now_iso()],
            )
            if cursor.rowcount:
                return int(cursor.lastrowid)
            row = self.db.execute(
                "SELECT id FROM suggestion_rejects WHERE article_id = ? AND annotator = ?"
                ' AND label = ? AND start = ? AND "end" = ?',
                [article_id, annotator, label, start, end],
            ).fetchone()
        return int(row[0])

    def delete_reject(self, reject_id: int) -> None:
        """Forget a rejected suggestion."""
        with self.transaction():
            self.db.execute("DELETE FROM suggestion_rejects WHERE id = ?", [reject_id])
