"""An annotation import's staging area: the rows of one file gathered in TEMP tables a chunk
at a time, then copied into the project by a few INSERT ... SELECT statements.

Writing to TEMP takes no lock on the project file, so an import parses, checks and stages a
file of any size while other windows and processes keep writing, and its memory does not
grow with the file; the `commit_*` steps (inside the caller's one transaction) hold the write
lock only for the copy. Until then nothing in the project has changed: `clear` throws a failed
file's rows away.

Rows belong to a *group*: the article a record goes to, known by its id (a record naming a
stored uid) or by its text's uid (an article created, or matched, when committed). Each
table's rows keep the file's order (rowid), and where a file repeats something (the same
span, status, comment or review status of one article), the first occurrence wins.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from annotator.store.articles import STAGED_COLUMNS
from annotator.store.base import StoreBase, temp_only_transaction
from annotator.store.span_rows import NEW_SPAN_COLUMNS
from annotator.store.tables import sql_list

_ARTICLES = sql_list(STAGED_COLUMNS)
_SPANS = NEW_SPAN_COLUMNS[1:]  # a span row without its article id: what `span_values` gives
_TABLES: dict[str, tuple[str, ...]] = {
    "import_groups": ("grp INTEGER PRIMARY KEY", "article_id INTEGER", "uid TEXT"),
    "import_articles": tuple(f'"{c}"' for c in STAGED_COLUMNS),
    "import_spans": ("grp", *(f'"{c}"' for c in _SPANS)),
    "import_doc_labels": ("grp", "annotator", "label"),
    "import_statuses": ("grp", "annotator", "status"),
    "import_comments": ("grp", "author", "body", "start", '"end"', "created"),
    "import_reviews": ("grp", "status"),
    # A relation names its ends by (annotator, label, start, end): found again once stored.
    "import_relations": ("grp", "annotator", "type", "h_who", "h_label", "h_start", "h_end",
                         "t_who", "t_label", "t_start", "t_end", "attrs", "origin"),
}  # fmt: skip
STAGE_TABLES = tuple(_TABLES)  # the names `ImportStage.add` takes rows for
_INSERTS = {
    table: f"INSERT INTO temp.{table} VALUES ({', '.join('?' * len(columns))})"
    for table, columns in _TABLES.items()
}


class ImportStage:
    """The TEMP tables of one file being imported over `store`'s connection (emptied when
    made, so a failed earlier import leaves nothing behind)."""

    def __init__(self, store: StoreBase) -> None:
        self.store = store
        self.conn = store.db.conn
        self._last_old = 0
        for table, columns in _TABLES.items():
            self.conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {table} ({', '.join(columns)})")
        self.clear()

    def add(self, rows: dict[str, Sequence[Sequence[Any]]]) -> None:
        """Append rows to the staging tables (table name -> rows in its column order: see
        the module's `_TABLES`), in one TEMP-only transaction: no lock on the project."""
        conn = self.conn
        with temp_only_transaction(conn):
            for table, values in rows.items():
                if values:
                    conn.executemany(_INSERTS[table], values)

    def drop_repeated_spans(self, groups: Iterable[int]) -> int:
        """Remove, within each of `groups` (articles more than one record of the file goes
        to), every staged span after the first with the same annotator, label and range;
        how many were removed. Repeats within one record are the caller's to drop."""
        chosen = json.dumps(sorted(set(groups)))
        if chosen == "[]":
            return 0
        cursor = self.conn.execute(
            "DELETE FROM temp.import_spans WHERE grp IN (SELECT value FROM json_each(?))"
            " AND rowid NOT IN (SELECT min(rowid) FROM temp.import_spans"
            " WHERE grp IN (SELECT value FROM json_each(?))"
            ' GROUP BY grp, annotator, label, start, "end")',
            [chosen, chosen],
        )
        return int(cursor.rowcount)

    def commit_articles(self) -> int:
        """Create the staged articles whose uid the project does not hold (file order), mark
        them for the search index and give every group its article id; how many were
        created. Call inside the caller's transaction."""
        conn = self.conn
        before = conn.execute("SELECT coalesce(max(id), 0) FROM main.articles").fetchone()[0]
        self._last_old = int(before)  # ids above it: the articles created here
        created = conn.execute(
            f"INSERT INTO main.articles ({_ARTICLES}) SELECT {_ARTICLES}"
            " FROM temp.import_articles s"
            " WHERE NOT EXISTS (SELECT 1 FROM main.articles a WHERE a.uid = s.uid)"
            " ORDER BY s.rowid"
        ).rowcount
        # An INTEGER PRIMARY KEY takes max(id) + 1: the new rows are those above `before`.
        conn.execute(
            "INSERT INTO main.search_pending (article_id) SELECT id FROM main.articles"
            " WHERE id > ? ORDER BY id",
            [before],
        )
        conn.execute(
            "UPDATE temp.import_groups SET article_id = (SELECT a.id FROM main.articles a"
            " WHERE a.uid = temp.import_groups.uid) WHERE article_id IS NULL"
        )
        return int(created)

    def commit_spans(self, grouped: bool = False) -> int:
        """Insert the staged spans the project does not already hold with the same annotator,
        label and range (by article, then start, then file order); how many were inserted.
        Call after `commit_articles`.

        An article `commit_articles` created holds no spans yet, so its spans need no such
        check (and the statement then does not read the table it writes, which would make
        SQLite set all its rows aside first); the created articles' ids are above all others,
        so theirs go in second. `grouped`: each group's spans were staged together, by start
        (a record's spans are sorted, and no two records went to one article): when the new
        articles' ids rise with their groups too, the staged order is the order wanted.
        """
        insert = (
            f"INSERT INTO main.spans ({sql_list(NEW_SPAN_COLUMNS)}) SELECT g.article_id, "
            + sql_list(_SPANS, "s")
            + " FROM temp.import_spans s CROSS JOIN temp.import_groups g ON g.grp = s.grp"
        )
        order = "g.article_id, s.start, s.rowid"
        added = self.conn.execute(
            f"{insert} WHERE g.article_id <= ? AND NOT EXISTS (SELECT 1 FROM main.spans t"
            ' WHERE t.article_id = g.article_id AND t.start = s.start AND t."end" = s."end"'
            f" AND t.annotator = s.annotator AND t.label = s.label) ORDER BY {order}",
            [self._last_old],
        ).rowcount
        if (
            grouped
            and not self.conn.execute(
                "SELECT 1 FROM (SELECT article_id, lag(article_id) OVER (ORDER BY grp) AS before"
                " FROM temp.import_groups WHERE article_id > ?) WHERE article_id <= before LIMIT 1",
                [self._last_old],
            ).fetchone()
        ):
            order = "s.rowid"  # the scan's own order (CROSS JOIN keeps s outermost): no sort
        added += self.conn.execute(
            f"{insert} WHERE g.article_id > ? ORDER BY {order}", [self._last_old]
        ).rowcount
        return int(added)

    def relation_types(self) -> list[str]:
        """The relation types the staged relations name, in file order."""
        rows = self.conn.execute(
            "SELECT type FROM temp.import_relations GROUP BY type ORDER BY min(rowid)"
        )
        return [str(row[0]) for row in rows]

    def commit_relations(self, stamp: str) -> tuple[int, int]:
        """Insert the staged relations between the spans they name (the first stored span
        with that annotator, label and range), those not already there; (added, staged).
        Call after `commit_spans`, inside the caller's transaction."""
        conn = self.conn
        staged = int(conn.execute("SELECT count(*) FROM temp.import_relations").fetchone()[0])
        if not staged:
            return 0, 0
        end = (
            "(SELECT min(id) FROM main.spans x WHERE x.article_id = g.article_id"
            " AND x.annotator = r.{0}_who AND x.label = r.{0}_label AND x.start = r.{0}_start"
            ' AND x."end" = r.{0}_end)'
        )
        added = conn.execute(
            "INSERT OR IGNORE INTO main.relations (article_id, annotator, type, head, tail,"
            " tail_article_id, attrs, origin, created) SELECT article_id, annotator, type,"
            " head, tail, article_id, attrs, origin, ? FROM (SELECT g.article_id, r.annotator,"
            f" r.type, {end.format('h')} AS head, {end.format('t')} AS tail, r.attrs, r.origin,"
            " r.rowid AS pos FROM temp.import_relations r"
            " JOIN temp.import_groups g ON g.grp = r.grp)"
            " WHERE head IS NOT NULL AND tail IS NOT NULL AND head != tail ORDER BY pos",
            [stamp],
        ).rowcount
        return int(added), staged

    def commit_extras(self, stamp: str) -> None:
        """Add the staged document labels (those not there yet), comments (unless an identical
        one is there), statuses where the annotator's is todo or unrecorded, and review
        statuses where the article's is not_reviewed or unrecorded; times are `stamp`."""
        conn = self.conn
        conn.execute(
            "INSERT OR IGNORE INTO main.doc_labels (article_id, annotator, label, created)"
            " SELECT g.article_id, d.annotator, d.label, ? FROM temp.import_doc_labels d"
            " JOIN temp.import_groups g ON g.grp = d.grp ORDER BY d.rowid",
            [stamp],
        )
        conn.execute(
            'INSERT INTO main.comments (article_id, span_id, start, "end", author, body,'
            ' created) SELECT article_id, NULL, start, "end", author, body, created FROM'
            ' (SELECT g.article_id, c.start, c."end", c.author, c.body, c.created,'
            " min(c.rowid) AS first FROM temp.import_comments c"
            " JOIN temp.import_groups g ON g.grp = c.grp"
            ' GROUP BY g.article_id, c.author, c.body, c.start, c."end") x'
            " WHERE NOT EXISTS (SELECT 1 FROM main.comments t WHERE t.article_id ="
            " x.article_id AND t.author = x.author AND t.body = x.body AND t.start = x.start"
            ' AND t."end" = x."end") ORDER BY first'
        )
        conn.execute(
            "INSERT INTO main.article_status (article_id, annotator, status, updated)"
            " SELECT article_id, annotator, status, ? FROM (SELECT g.article_id, s.annotator,"
            " s.status, min(s.rowid) AS first FROM temp.import_statuses s"
            " JOIN temp.import_groups g ON g.grp = s.grp GROUP BY g.article_id, s.annotator) x"
            " WHERE NOT EXISTS (SELECT 1 FROM main.article_status t WHERE t.article_id ="
            " x.article_id AND t.annotator = x.annotator AND t.status != 'todo')"
            " ORDER BY first ON CONFLICT (article_id, annotator)"
            " DO UPDATE SET status = excluded.status, updated = excluded.updated",
            [stamp],
        )
        conn.execute(
            "INSERT INTO main.review_status (article_id, status, reviewer, updated)"
            " SELECT article_id, status, '', ? FROM (SELECT g.article_id, r.status,"
            " min(r.rowid) FROM temp.import_reviews r JOIN temp.import_groups g"
            " ON g.grp = r.grp GROUP BY g.article_id) x"
            " WHERE NOT EXISTS (SELECT 1 FROM main.review_status t WHERE t.article_id ="
            " x.article_id AND t.status != 'not_reviewed')"
            " ON CONFLICT (article_id) DO UPDATE SET status = excluded.status,"
            " reviewer = excluded.reviewer, updated = excluded.updated",
            [stamp],
        )

    def clear(self) -> None:
        """Empty the staging tables (outside any transaction of the caller's: no lock)."""
        conn = self.conn
        own = not conn.in_transaction
        if own:
            conn.execute("BEGIN")
        for table in _TABLES:
            conn.execute(f"DELETE FROM temp.{table}")
        if own:
            conn.execute("COMMIT")
