"""Import one transaction unit of annotations (a file, or a brat pair) a chunk at a time.

`UnitImport.add` takes the next few thousand records a reader gave: it checks their spans
against their texts, finds the article each goes to (a stored uid, else its text's uid),
builds the rows and stages them (`store.import_stage.ImportStage`: TEMP tables, no lock).
Only the current chunk's objects are in memory, whatever the file's size. `finish` then
copies everything in with one short write transaction, or nothing when the unit failed, and
adds the outcome to the run's report; the report is the one a whole-file import would give
(problems in file order: the reader's, then the spans', then the articles', then the
document labels', statuses' and comments').
"""

from __future__ import annotations

from operator import itemgetter
from pathlib import Path
from typing import Any

import orjson

from annotator.display import decoded_name
from annotator.ingest.annotation_checks import check_spans, snap_to_letters
from annotator.ingest.annotation_model import (
    NO_ANNOTATOR,
    AnnotationReport,
    DocIn,
    Parsed,
    Problem,
    counts_phrase,
)
from annotator.models import ArticleDraft
from annotator.scheme import PALETTE, LabelDef
from annotator.store import STATUSES, Store, span_values
from annotator.store.articles import article_row
from annotator.store.base import now_iso
from annotator.store.import_stage import STAGE_TABLES, ImportStage
from annotator.text import canonical_uid, canonicalise

Rows = dict[str, list[tuple[Any, ...]]]
_START = itemgetter(2)  # of a `span_values` row


class UnitImport:
    """The import of one unit into `store`: `add` each chunk of records, then `finish`.

    `default` is the annotator of spans and document labels whose record names none; with
    None, one such span or label anywhere fails the unit (one problem, nothing imported).
    """

    def __init__(self, store: Store, name: str, default: str | None) -> None:
        self.store = store
        self.name = name
        self.default = default
        self.stage = ImportStage(store)
        self.stamp = now_iso()
        self.source_file = decoded_name(Path(name.split("!")[0]).name)
        self.local = AnnotationReport()
        self.records = 0  # documents the reader gave
        self.drafts = 0  # records whose article is found or made by its text
        self.staged_spans = 0
        # Problems by the step that finds them, each in file order (see the module docstring).
        self.checks: list[Problem] = []
        self.plans: list[Problem] = []
        self.extras: list[Problem] = []
        self.groups: dict[tuple[str, Any], int] = {}  # ("id", id) | ("uid", uid) -> group
        self.repeated: set[int] = set()  # groups more than one record goes to
        self.span_labels: set[str] = set()
        self.doc_labels: dict[str, None] = {}  # keys in the order new ones join the scheme
        self.unnamed = [0, 0]  # spans, document labels naming no annotator (no default)
        self.failure: Exception | None = None  # staging went wrong: the unit imports nothing

    # -- a chunk at a time ------------------------------------------------------------------

    def add(self, docs: list[DocIn]) -> None:
        """Check and stage the next records of the unit (nothing is locked or written in the
        project). Once the unit is bound to fail, the rest is only counted."""
        self.records += len(docs)
        if self.default is None:
            self._count_unnamed(docs)
        if self.failure is not None or any(self.unnamed):
            return
        try:
            self._stage(docs)
        except Exception as exc:  # noqa: BLE001 - anything unexpected: the unit imports nothing
            self.failure = exc

    def _count_unnamed(self, docs: list[DocIn]) -> None:
        for doc in docs:
            self.unnamed[0] += sum(1 for span in doc.spans if not (span.annotator or "").strip())
            self.unnamed[1] += sum(1 for who, _ in doc.doc_labels if not (who or "").strip())

    def _stage(self, docs: list[DocIn]) -> None:
        """Check one chunk's records and stage their rows, in one TEMP-only transaction."""
        rows: Rows = {table: [] for table in STAGE_TABLES}
        for doc in docs:
            if doc.text is None:
                canonical = None
                if doc.spans:
                    self.checks.append(Problem(self.name, doc.line, "record has no text"))
                spans: list[Any] = []
            else:
                canonical = canonicalise(doc.text)  # the only pass over this text
                if not canonical.strip():
                    self.checks.append(Problem(self.name, doc.line, "record has no text"))
                    continue
                kept: list[int] | None = [] if doc.relations else None
                spans = check_spans(doc, canonical, self.name, self.default, self.checks, kept)
                self.local.spans_snapped += snap_to_letters(canonical, spans)
            target = self._article(doc, canonical, rows)
            if target is None:
                continue
            group, text = target
            if doc.relations:
                ends = dict(zip(kept or [], (span[:4] for span in spans), strict=True))
                self._relations(doc, group, ends, rows["import_relations"])
            if spans:
                self._spans(group, text, spans, rows["import_spans"])
            self._extras(doc, group, len(text), rows)
        self.stage.add(rows)

    def _article(self, doc: DocIn, canonical: str | None, rows: Rows) -> tuple[int, str] | None:
        """The group of the article `doc` goes to and that article's text (None: a problem)."""
        uid = canonical_uid(canonical) if canonical is not None else None
        if doc.uid and doc.uid != uid:
            # The record names a uid other than its text's (or has no text): look it up.
            found = self.store.article_by_uid(doc.uid)
            if found is not None and (canonical is None or found.text == canonical):
                self.local.articles_matched += 1
                return self._group(("id", found.id), rows, found.id, None), found.text
        if canonical is None or uid is None:
            self.plans.append(
                Problem(self.name, doc.line, f"no text and no stored article uid {doc.uid!r}")
            )
            return None
        self.drafts += 1
        key = ("uid", uid)
        if key not in self.groups:
            rows["import_articles"].append(article_row(ArticleDraft(
                text=canonical, title=doc.title, outlet=doc.outlet, byline=doc.byline,
                url=doc.url, published=doc.published, updated=doc.updated,
                source_file=self.source_file, meta=doc.meta,
            ), canonical, uid, self.stamp))  # fmt: skip
        return self._group(key, rows, None, uid), canonical

    def _group(
        self, key: tuple[str, Any], rows: Rows, article_id: int | None, uid: str | None
    ) -> int:
        """The group of `key`, made (and staged) on first use."""
        group = self.groups.get(key)
        if group is None:
            group = self.groups[key] = len(self.groups)
            rows["import_groups"].append((group, article_id, uid))
        else:
            self.repeated.add(group)
        return group

    def _spans(self, group: int, text: str, spans: list[Any], out: list[tuple[Any, ...]]) -> None:
        """Stage the rows of one record's spans, by start (then file order); a span it repeats
        is counted, not staged (repeats across records of one article are dropped before
        the commit)."""
        values = span_values(text, spans)
        keys = {value[:4] for value in values}  # annotator, label, start, end
        if len(keys) < len(values):
            seen: set[tuple[Any, ...]] = set()
            unique = []
            for value in values:
                if value[:4] not in seen:
                    seen.add(value[:4])
                    unique.append(value)
            self.local.spans_duplicate += len(values) - len(unique)
            values = unique
        values.sort(key=_START)
        self.span_labels.update(value[1] for value in values)
        out.extend((group, *value) for value in values)
        self.staged_spans += len(values)

    def _relations(
        self,
        doc: DocIn,
        group: int,
        ends: dict[int, tuple[Any, ...]],
        out: list[tuple[Any, ...]],
    ) -> None:
        """Stage one record's relations between its kept spans (`ends`: span index ->
        annotator, label, start, end); each one that cannot be carried is a problem."""
        for relation in doc.relations:
            kind = relation.type.strip() if isinstance(relation.type, str) else ""
            head, tail = ends.get(relation.head), ends.get(relation.tail)
            reason = None
            if not kind:
                reason = f"relation without a type ({relation.type!r})"
            elif head is None or tail is None:
                which = "head" if head is None else "tail"
                reason = f"relation {kind!r}: its {which} span was not imported"
            elif head == tail:
                reason = f"relation {kind!r} joins a span to itself"
            if reason is not None:
                self.checks.append(Problem(self.name, relation.line, reason))
                continue
            assert head is not None and tail is not None
            who = (relation.annotator or "").strip() or head[0]
            attrs = orjson.dumps(relation.attrs, option=orjson.OPT_SORT_KEYS).decode()
            out.append((group, who, kind, *head, *tail, attrs, relation.origin))

    def _extras(self, doc: DocIn, group: int, length: int, rows: Rows) -> None:
        """Stage the comments, review status, document labels and statuses of one record."""
        name, problems = self.name, self.extras
        for author, body, start, end, created in doc.comments:
            if 0 <= start <= end <= length:
                rows["import_comments"].append(
                    (group, author, body, start, end, created or now_iso())
                )
            else:
                reason = f"comment by {author!r} at [{start}, {end}) is outside the text"
                problems.append(Problem(name, doc.line, reason))
        if doc.review_status and doc.review_status != "not_reviewed":
            rows["import_reviews"].append((group, doc.review_status))
        labels: set[str] = set()
        for who, label in doc.doc_labels:
            who = who or self.default
            if not who:
                reason = f"document label {label!r}: {NO_ANNOTATOR}"
                problems.append(Problem(name, doc.line, reason))
                continue
            rows["import_doc_labels"].append((group, who, label))
            labels.add(label)
        for key in sorted(labels):  # each record's new keys join the scheme sorted
            self.doc_labels.setdefault(key)
        for who, status in doc.status.items():
            if status not in STATUSES:
                problems.append(Problem(name, doc.line, f"unknown status {status!r} for {who!r}"))
            elif status != "todo":
                rows["import_statuses"].append((group, who, status))

    # -- the end ----------------------------------------------------------------------------

    def discard(self) -> None:
        """Throw the staged rows away (the reader failed: nothing of the unit is stored)."""
        self.stage.clear()

    def finish(self, parsed: Parsed, report: AnnotationReport) -> None:
        """Store the staged unit in one transaction, or nothing when it failed; add its
        outcome to `report`. `parsed` is the reader's (its problems complete by now)."""
        try:
            self._finish(parsed, report)
        finally:
            self.stage.clear()

    def _finish(self, parsed: Parsed, report: AnnotationReport) -> None:
        name = self.name
        if not self.records:
            report.problems.extend(parsed.problems or [Problem(name, None, _empty(parsed))])
            return
        if any(self.unnamed):
            missing = _unnamed_phrase(*self.unnamed)
            report.problems.append(Problem(name, None, f"{NO_ANNOTATOR} ({missing}); "
                                           "nothing imported from this file"))  # fmt: skip
            return
        problems = [*parsed.problems, *self.checks, *self.plans, *self.extras]
        local = self.local
        try:
            if self.failure is not None:
                raise self.failure
            removed = self.stage.drop_repeated_spans(self.repeated)
            local.spans_duplicate += removed
            self.staged_spans -= removed
            with self.store.transaction():
                self._commit()
        except Exception as exc:  # noqa: BLE001 - anything unexpected: the unit imports nothing
            report.problems.extend(problems)
            reason = " ".join(str(exc).split()) or type(exc).__name__
            report.problems.append(Problem(name, None, f"nothing imported: {reason}"))
            return
        self.store.index_pending()
        local.problems = problems
        local.not_imported = dict(parsed.not_imported)
        report.merge(local)

    def _commit(self) -> None:
        """The write transaction's work: labels, articles, spans, then the rest."""
        store, stage, local = self.store, self.stage, self.local
        existing = {label.key for label in store.labels()}
        local.labels_added.extend(store.ensure_labels(sorted(self.span_labels - existing)))
        created = stage.commit_articles()
        local.articles_created += created
        local.articles_matched += self.drafts - created
        local.spans_added = stage.commit_spans(grouped=not self.repeated)
        local.spans_duplicate += self.staged_spans - local.spans_added
        if self.doc_labels:
            known = {label.key for label in store.labels()}
            new = [key for key in self.doc_labels if key not in known]
            if new:
                store.save_labels([
                    LabelDef(key=key, name=key, color=PALETTE[(len(known) + i) % len(PALETTE)],
                             position=len(known) + i, kind="doc")
                    for i, key in enumerate(new)
                ])  # fmt: skip
                local.labels_added.extend(new)
        stage.commit_extras(self.stamp)
        kinds = stage.relation_types()
        if kinds:
            local.relation_types_added.extend(store.ensure_relation_types(kinds))
            added, staged = stage.commit_relations(self.stamp)
            local.relations_added += added
            local.relations_duplicate += staged - added


def _empty(parsed: Parsed) -> str:
    """Why a file without records (and without problems) imports nothing."""
    if parsed.not_imported:
        return f"nothing to import: only {counts_phrase(parsed.not_imported)} (not supported)"
    return "nothing to import: no records"


def _unnamed_phrase(spans: int, labels: int) -> str:
    """ "3 spans", "1 document label", "2 spans and 1 document label"."""
    parts = [f"{spans} span{'s' * (spans != 1)}"] if spans else []
    if labels:
        parts.append(f"{labels} document label{'s' * (labels != 1)}")
    return " and ".join(parts)
