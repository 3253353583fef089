"""Two processes writing one project: every write waits for the other instead of failing."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from annotator.models import ArticleDraft
from annotator.store import Store

TAGGER = textwrap.dedent(
    """
    import json, sys, time
    from annotator.actions import AddSpan
    from annotator.history import History
    from annotator.store import Store

    path, who, count, article_id = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    errors, waits = [], []
    with Store(path) as store:
        history = History(store)
        for i in range(count):
            start = i % 400
            began = time.perf_counter()
            try:
                history.do(AddSpan(article_id, who, "visit", start, start + 3))
                if i % 50 == 49:  # undo and redo now and then: net one span per iteration
                    history.undo()
                    history.redo()
            except Exception as exc:
                errors.append(f"{type(exc).__name__}: {exc}")
            waits.append(time.perf_counter() - began)
    waits.sort()
    print(json.dumps({"errors": errors[:5], "failed": len(errors),
                      "p99_ms": 1000 * waits[int(len(waits) * 0.99)]}))
    """
)


def _project(tmp_path: Path) -> tuple[Path, int]:
    path = tmp_path / "shared.db"
    with Store(path) as store:
        [result] = store.add_articles([ArticleDraft(text="ক" * 500 + "।", title="t")])
    return path, result.id


def _start_tagger(path: Path, who: str, count: int, article_id: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", TAGGER, str(path), who, str(count), str(article_id)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _finish(process: subprocess.Popen[str]) -> dict[str, object]:
    out, err = process.communicate(timeout=240)
    assert process.returncode == 0, err
    return json.loads(out)


def test_two_processes_tagging_lose_nothing(tmp_path: Path) -> None:
    path, article_id = _project(tmp_path)
    count = 1500
    first = _start_tagger(path, "mita", count, article_id)
    second = _start_tagger(path, "rafi", count, article_id)
    reports = [_finish(first), _finish(second)]
    assert [r["failed"] for r in reports] == [0, 0], reports
    with Store(path) as store:
        assert store.span_count(article_id, "mita") == count
        assert store.span_count(article_id, "rafi") == count
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_tags_during_a_cli_import_all_succeed(tmp_path: Path) -> None:
    path, article_id = _project(tmp_path)
    dataset = tmp_path / "big.jsonl"
    with dataset.open("w", encoding="utf-8") as out:
        for i in range(6000):
            body = f"প্রতিবেদন {i}: " + "বাংলাদেশ ও ভারতের মধ্যে চুক্তি সই হয়েছে। " * 30
            out.write(json.dumps({"title": f"শিরোনাম {i}", "text": body}, ensure_ascii=False))
            out.write("\n")
    importer = subprocess.Popen(
        [sys.executable, "-m", "annotator", "--db", str(path), "import", str(dataset)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    tagger = _start_tagger(path, "mita", 400, article_id)
    report = _finish(tagger)
    out, err = importer.communicate(timeout=240)
    assert importer.returncode == 0, err
    assert report["failed"] == 0, report
    with Store(path) as store:
        assert store.span_count(article_id, "mita") == 400
        assert store.article_count() == 6001
