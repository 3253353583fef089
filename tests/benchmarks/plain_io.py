"""The yardsticks of `bench_io.py`: each export format and the JSONL import written with
plain sqlite3, csv, orjson and zipfile, streaming, as one would write them without our
layers (no filter, no checks, no atomic file). Run as a child process, so that its time and
peak memory are its own: `python plain_io.py export FORMAT DB OUT` or
`python plain_io.py import JSONL DB` (DB: an empty project made by `Store`).

The JSONL writer gives our export's bytes (`bench_export.baseline`); the others give the
same records in the same shapes, not necessarily byte for byte (CoNLL tokenises with one
regular expression).
"""

from __future__ import annotations

import bisect
import csv
import json
import re
import sqlite3
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import orjson

HERE = Path(__file__).resolve().parent
_ENDS = re.compile(r"[\u0964\u0965?!\n]")
_TOKEN = re.compile(r"\w+|[^\w\s]")


def _articles(conn: sqlite3.Connection) -> Iterator[tuple[tuple, list[tuple]]]:
    """(article row, its span rows) in id order, from two streaming queries merged."""
    spans = conn.execute(
        'SELECT article_id, id, annotator, label, start, "end", text, attrs, note'
        ' FROM spans ORDER BY article_id, start, "end", id'
    )
    pending = next(spans, None)
    for row in conn.execute(
        "SELECT id, uid, title, outlet, published, url, text FROM articles ORDER BY id"
    ):
        items = []
        while pending is not None and pending[0] == row[0]:
            items.append(pending)
            pending = next(spans, None)
        yield row, items


def _meta(row: tuple) -> dict:
    return {"uid": row[1], "title": row[2], "outlet": row[3], "published": row[4], "url": row[5]}


def export_csv(conn: sqlite3.Connection, out: Path) -> int:
    keys = [r[0] for r in conn.execute(
        "SELECT DISTINCT j.key FROM spans s JOIN json_each(s.attrs) j ORDER BY 1"
    )]  # fmt: skip
    count = 0
    with out.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["uid", "title", "published", "annotator", "label", "start", "end",
                         "text", *(f"attr_{k}" for k in keys), "note", "sentence"])  # fmt: skip
        for row, spans in _articles(conn):
            text = row[6]
            ends = [m.end() for m in _ENDS.finditer(text)]
            for _, _, who, label, start, end, covered, attrs, note in spans:
                values = json.loads(attrs)
                i, j = bisect.bisect_right(ends, start), bisect.bisect_left(ends, end)
                lo, hi = ends[i - 1] if i else 0, ends[j] if j < len(ends) else len(text)
                writer.writerow([row[1], row[2], row[4] or "", who, label, start, end, covered,
                                 *(values.get(k, "") for k in keys), note,
                                 text[lo:hi].strip()])  # fmt: skip
                count += 1
    return count


def _lines(conn: sqlite3.Connection, out: Path, record) -> int:
    count = 0
    with out.open("wb", buffering=1 << 20) as handle:
        for row, spans in _articles(conn):
            handle.write(orjson.dumps(record(row, spans), option=orjson.OPT_APPEND_NEWLINE))
            count += len(spans)
    return count


def export_doccano(conn: sqlite3.Connection, out: Path) -> int:
    return _lines(conn, out, lambda row, spans: {
        "text": row[6], "label": [[s[4], s[5], s[3]] for s in spans], **_meta(row),
        "annotators": sorted({s[2] for s in spans}),
    })  # fmt: skip


def export_spacy(conn: sqlite3.Connection, out: Path) -> int:
    return _lines(conn, out, lambda row, spans: {
        "text": row[6], "spans": [{"start": s[4], "end": s[5], "label": s[3]} for s in spans],
        "meta": _meta(row),
    })  # fmt: skip


def export_labelstudio(conn: sqlite3.Connection, out: Path) -> int:
    users: dict[str, int] = {}
    count = 0
    with out.open("wb", buffering=1 << 20) as handle:
        handle.write(b"[")
        for n, (row, spans) in enumerate(_articles(conn), 1):
            layers: dict[str, list] = {}
            for s in spans:
                layers.setdefault(s[2], []).append({
                    "id": f"s{s[1]}", "from_name": "label", "to_name": "text", "type": "labels",
                    "value": {"start": s[4], "end": s[5], "text": s[6], "labels": [s[3]]},
                })  # fmt: skip
            task = {"id": n, "data": {"text": row[6], **_meta(row)}, "annotations": [
                {"completed_by": users.setdefault(who, len(users) + 1),
                 "meta": {"annotator": who}, "result": result}
                for who, result in sorted(layers.items())
            ]}  # fmt: skip
            handle.write((b",\n" if n > 1 else b"\n") + orjson.dumps(task))
            count += len(spans)
        handle.write(b"\n]\n")
    return count


def export_conll(conn: sqlite3.Connection, out: Path) -> int:
    count = 0
    with out.open("w", encoding="utf-8") as handle:
        for row, spans in _articles(conn):
            text = row[6]
            who = min({s[2] for s in spans}, default=None)
            mine = sorted((s[4], s[5], s[3]) for s in spans if s[2] == who)
            starts = [s[0] for s in mine]
            parts = ["-DOCSTART-\tO\n\n"]
            for m in _TOKEN.finditer(text):
                i = bisect.bisect_right(starts, m.start()) - 1
                tag = "O"
                if i >= 0 and mine[i][1] > m.start():
                    tag = ("B-" if mine[i][0] >= m.start() else "I-") + mine[i][2]
                parts.append(f"{m.group()}\t{tag}\n")
            parts.append("\n")
            handle.write("".join(parts))
            count += len(mine)
    return count


def export_brat(conn: sqlite3.Connection, out: Path) -> int:
    count = 0
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for row, spans in _articles(conn):
            ann = "".join(
                f"T{t}\t{s[3]} {s[4]} {s[5]}\t{s[6]}\n#{t}\tAnnotatorNotes T{t}\tannotator={s[2]}\n"
                for t, s in enumerate(spans, 1)
            )
            archive.writestr(f"{row[1]}.txt", row[6].encode("utf-8"))
            archive.writestr(f"{row[1]}.ann", ann.encode("utf-8"))
            count += len(spans)
    return count


def import_jsonl(path: Path, db: Path) -> int:
    """Our JSONL into an empty project: one transaction, straight inserts, no checks; then
    the search index."""
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    article_id = conn.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()[0]
    spans = []
    count = 0
    stamp = "2026-12-01T00:00:00.000+00:00"
    with path.open("rb") as handle:
        for line in handle:
            record = orjson.loads(line)
            article_id += 1
            conn.execute(
                "INSERT INTO articles (id, uid, title, outlet, byline, url, published, updated,"
                " text, source_file, imported_at, meta) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (article_id, record["uid"], record["title"], record["outlet"], record["byline"],
                 record["url"], record["published"], record["updated"], record["text"],
                 path.name, stamp, orjson.dumps(record["meta"]).decode()),
            )  # fmt: skip
            spans.extend(
                (article_id, s["annotator"], s["label"], s["start"], s["end"], s["text"],
                 orjson.dumps(s["attrs"], option=orjson.OPT_SORT_KEYS).decode(), s["note"],
                 s["origin"], s["created"], s["updated"])
                for s in record["spans"]
            )  # fmt: skip
            if len(spans) >= 50_000:
                count += _insert_spans(conn, spans)
    count += _insert_spans(conn, spans)
    conn.execute("COMMIT")
    # The search index, as our import fills it (after the commit, in one go here).
    conn.execute(
        "INSERT INTO articles_fts (rowid, title, text) SELECT id, title, text FROM articles"
    )
    conn.close()
    return count


def _insert_spans(conn: sqlite3.Connection, spans: list) -> int:
    conn.executemany(
        'INSERT INTO spans (article_id, annotator, label, start, "end", text, attrs, note,'
        " origin, created, updated) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        spans,
    )
    n = len(spans)
    spans.clear()
    return n


EXPORTS = {
    "csv": export_csv, "doccano": export_doccano,
    "labelstudio": export_labelstudio, "conll": export_conll, "spacy": export_spacy,
    "brat": export_brat,
}  # fmt: skip


def export(fmt: str, db: Path, out: Path) -> int:
    """Export the project at `db` as `fmt` to `out`; spans written."""
    if fmt == "jsonl":  # our bytes exactly: the baseline of bench_export.py
        sys.path.insert(0, str(HERE))
        import bench_export  # noqa: PLC0415 - sibling script

        return bench_export.baseline(db, out)
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return EXPORTS[fmt](conn, out)
    finally:
        conn.close()


if __name__ == "__main__":
    if sys.argv[1] == "export":
        print(export(sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4])))
    else:
        print(import_jsonl(Path(sys.argv[2]), Path(sys.argv[3])))
