"""Exports are written whole or not at all, keep modes and links, and clean up after kills."""

import os
import random
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotator.export import EXTENSIONS, FORMATS, ExportFilter, atomic, export
from annotator.export.atomic import ExportPathError, atomic_folder, atomic_write, recover
from annotator.models import ArticleDraft
from annotator.store import Store

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def store():
    with Store() as s:
        [first, second] = s.add_articles(
            [ArticleDraft(text="প্রথম খবর। ঢাকায় বৃষ্টি।"), ArticleDraft(text="দ্বিতীয় খবর।")]
        )
        s.add_span(first.id, "rahim", "place", 11, 16)
        s.add_span(second.id, "karim", "news", 0, 8)
        yield s


@pytest.fixture
def umask_027():
    old = os.umask(0o027)
    yield 0o027
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def _tag(pid: int) -> str:
    return f"{atomic._host_tag()}-{pid}-0123abcd"


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


# -- modes ---------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_new_export_gets_the_umask_default_not_0600(store, tmp_path, umask_027, fmt):
    out = tmp_path / f"x{EXTENSIONS[fmt] or '_dir'}"
    export(store, fmt, out)
    if out.is_dir():
        assert _mode(out) == 0o750
        assert {_mode(p) for p in out.iterdir()} == {0o640}
    else:
        assert _mode(out) == 0o640


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_existing_export_keeps_its_mode(store, tmp_path, fmt):
    out = tmp_path / f"x{EXTENSIONS[fmt] or '_dir'}"
    export(store, fmt, out)
    os.chmod(out, 0o755 if out.is_dir() else 0o604)
    if out.is_dir():
        conf = out / "annotation.conf"
        os.chmod(conf, 0o600)
    export(store, fmt, out)
    assert _mode(out) == (0o755 if out.is_dir() else 0o604)
    if out.is_dir():
        assert _mode(conf) == 0o600
        assert {_mode(p) for p in out.iterdir() if p != conf} == {0o644}


def test_brat_folder_keeps_files_it_did_not_write(store, tmp_path):
    out = tmp_path / "brat"
    export(store, "brat", out)
    (out / "visual.conf").write_text("[labels]\n", encoding="utf-8")
    (out / "sub").mkdir()
    (out / "sub" / "a.txt").write_text("a", encoding="utf-8")
    before = _snapshot(out)
    export(store, "brat", out, ExportFilter(annotators=("karim",)))
    after = _snapshot(out)
    assert (out / "visual.conf").read_text(encoding="utf-8") == "[labels]\n"
    assert (out / "sub" / "a.txt").read_text(encoding="utf-8") == "a"
    assert set(after) == set(before) and after != before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brat"]


# -- symlinks ------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "brat"])
def test_export_onto_a_symlink_writes_through_it(store, tmp_path, fmt):
    real_dir = tmp_path / "real"
    real_dir.mkdir()
    real = real_dir / f"data{EXTENSIONS[fmt]}"
    link = tmp_path / f"link{EXTENSIONS[fmt]}"
    export(store, fmt, real, ExportFilter(annotators=("karim",)))
    os.chmod(real, 0o640 if real.is_file() else 0o750)
    old = real.read_bytes() if real.is_file() else _snapshot(real)
    link.symlink_to(real)
    export(store, fmt, link)
    assert link.is_symlink() and link.resolve() == real
    new = real.read_bytes() if real.is_file() else _snapshot(real)
    assert new != old
    assert _mode(real) == (0o640 if real.is_file() else 0o750)
    assert sorted(p.name for p in real_dir.iterdir()) == [real.name]  # no temp left anywhere
    assert sorted(p.name for p in tmp_path.iterdir()) == [link.name, "real"]


def test_dangling_symlink_creates_its_target(tmp_path):
    link = tmp_path / "link.txt"
    link.symlink_to("made.txt")
    with atomic_write(link) as out:
        out.write("x")
    assert link.is_symlink() and (tmp_path / "made.txt").read_text(encoding="utf-8") == "x"


# -- missing folders and wrong kinds -------------------------------------------------------


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_export_into_a_missing_folder_is_a_one_line_error(store, tmp_path, fmt):
    missing = tmp_path / "no" / "such"
    out = missing / f"x{EXTENSIONS[fmt] or '_dir'}"
    with pytest.raises(ExportPathError) as caught:
        export(store, fmt, out)
    assert str(caught.value) == f"folder {missing} does not exist"
    assert caught.value.strerror == f"folder {missing} does not exist"
    assert list(tmp_path.iterdir()) == []


def test_brat_folder_itself_may_be_new(store, tmp_path):
    assert export(store, "brat", tmp_path / "new_folder") == 2
    assert (tmp_path / "new_folder" / "annotation.conf").is_file()


def test_wrong_kind_of_target_is_refused(store, tmp_path):
    (tmp_path / "file").write_text("keep", encoding="utf-8")
    (tmp_path / "dir.jsonl").mkdir()
    with pytest.raises(ExportPathError, match="is a file, not a folder"):
        export(store, "brat", tmp_path / "file")
    with pytest.raises(ExportPathError, match="is a folder, not a file"):
        export(store, "jsonl", tmp_path / "dir.jsonl")
    assert (tmp_path / "file").read_text(encoding="utf-8") == "keep"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dir.jsonl", "file"]


# -- stale temporaries ---------------------------------------------------------------------


def test_export_removes_only_stale_temporaries_of_its_own_target(store, tmp_path):
    out = tmp_path / "x.jsonl"
    dead, live = _dead_pid(), os.getpid()
    stale_file = tmp_path / f".x.jsonl.{_tag(dead)}.tmp"
    stale_stage = tmp_path / f".x.jsonl.{_tag(dead)}.stage"
    live_file = tmp_path / f".x.jsonl.{_tag(live)}.tmp"
    other_host = tmp_path / f".x.jsonl.ffffff-{dead}-0123abcd.tmp"
    other_target = tmp_path / f".y.jsonl.{_tag(dead)}.tmp"
    unrelated = [tmp_path / ".x.jsonl.notes", tmp_path / ".x.jsonl.abc.tmp", tmp_path / "x.tmp"]
    for path in [stale_file, live_file, other_host, other_target, *unrelated]:
        path.write_text("t", encoding="utf-8")
    stale_stage.mkdir()
    (stale_stage / "a.ann").write_text("", encoding="utf-8")
    export(store, "jsonl", out)
    left = {p.name for p in tmp_path.iterdir()}
    assert stale_file.name not in left and stale_stage.name not in left
    assert {live_file.name, other_host.name, other_target.name, "x.jsonl"} <= left
    assert {p.name for p in unrelated} <= left
    # a day later every writer counts as gone, whatever its pid or host
    assert set(recover(out, now=time.time() + atomic.STALE_AFTER + 60)) == {live_file, other_host}


def test_legacy_temporaries_go_after_ten_minutes(tmp_path):
    out = tmp_path / "brat"
    old_tmp = tmp_path / ".brat.k2j_x9qa.tmp"
    old_stage = tmp_path / ".brat.a8f3kz0q"
    user_dir = tmp_path / ".brat.settings"  # same shape, but not a staging folder
    old_tmp.write_text("half", encoding="utf-8")
    old_stage.mkdir()
    (old_stage / "u1.txt").write_text("t", encoding="utf-8")
    (old_stage / "annotation.conf").write_text("c", encoding="utf-8")
    user_dir.mkdir()
    (user_dir / "keep.json").write_text("{}", encoding="utf-8")
    assert recover(out) == []  # fresh: may belong to an old build still running
    later = time.time() + atomic.LEGACY_STALE_AFTER + 60
    assert set(recover(out, now=later)) == {old_tmp, old_stage}
    assert (user_dir / "keep.json").exists()


def test_kill_between_the_two_renames_is_repaired(tmp_path):
    """Fallback swap: target moved to .old, process killed before the stage took its place."""
    out = tmp_path / "brat"
    dead = _dead_pid()
    aside = tmp_path / f".brat.{_tag(dead)}.old"
    aside.mkdir()
    (aside / "a.ann").write_text("old complete", encoding="utf-8")
    half = tmp_path / f".brat.{_tag(dead)}.stage"
    half.mkdir()
    (half / "a.ann").write_text("new, half", encoding="utf-8")
    assert recover(out) == [half]
    assert (out / "a.ann").read_text(encoding="utf-8") == "old complete"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brat"]
    # after the swap (target back in place) a stale .old is just deleted
    aside.mkdir()
    assert recover(out) == [aside] and (out / "a.ann").exists()


def test_fallback_swap_and_failures_leave_the_old_folder(tmp_path, monkeypatch):
    out = tmp_path / "brat"
    with atomic_folder(out) as stage:
        (stage / "a.ann").write_text("one", encoding="utf-8")
    monkeypatch.setattr(atomic, "USE_EXCHANGE", False)
    with atomic_folder(out) as stage:
        (stage / "a.ann").write_text("two", encoding="utf-8")
    assert (out / "a.ann").read_text(encoding="utf-8") == "two"
    with pytest.raises(RuntimeError), atomic_folder(out) as stage:
        (stage / "a.ann").write_text("three", encoding="utf-8")
        raise RuntimeError("disk full")
    assert (out / "a.ann").read_text(encoding="utf-8") == "two"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brat"]


# -- SIGKILL at random moments -------------------------------------------------------------

SERVER = """
import os, sys
from annotator.export import ExportFilter, export, atomic
from annotator.store import Store
db, out, swap = sys.argv[1:4]
atomic.USE_EXCHANGE = swap == "exchange"
print("ready", flush=True)
for line in sys.stdin:
    pid = os.fork()
    if pid == 0:
        try:
            with Store(db) as store:
                export(store, "brat", out, ExportFilter(annotators=(line.strip(),)))
        finally:
            os._exit(0)
    print(pid, flush=True)
    _, status = os.waitpid(pid, 0)
    print(status, flush=True)
"""


@pytest.fixture(scope="module")
def big_project(tmp_path_factory):
    """150 articles, each with a span by rahim and one by karim: 301 files per export."""
    path = tmp_path_factory.mktemp("big") / "big.db"
    body = "ঢাকায় আজ বৃষ্টি হয়েছে। " * 40
    with Store(path) as s:
        arts = s.add_articles([ArticleDraft(text=f"খবর {i}। {body}") for i in range(150)])
        pairs = (("rahim", "place"), ("karim", "news"))
        rows = [(a.id, who, label, 0, 3, {}, "", "manual", None, None)
                for a in arts for who, label in pairs]  # fmt: skip
        s.insert_span_rows(rows)
    refs = {}
    with Store(path) as s:
        for who in ("rahim", "karim"):
            ref = path.parent / f"ref_{who}"
            export(s, "brat", ref, ExportFilter(annotators=(who,)))
            refs[who] = _snapshot(ref)
    return path, refs


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
@pytest.mark.parametrize("swap", ["exchange", "fallback"])
def test_sigkill_mid_export_leaves_old_or_new_folder(big_project, tmp_path, swap):
    """Kill -9 a brat folder export 10 times at random moments: never a mixed folder."""
    db, refs = big_project
    out = tmp_path / "out" / "brat"
    out.parent.mkdir()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    server = subprocess.Popen(
        [sys.executable, "-c", SERVER, str(db), str(out), swap],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT,
    )  # fmt: skip
    assert server.stdout is not None and server.stdin is not None
    rng = random.Random(10)
    seen = {"rahim": 0, "karim": 0, "missing": 0, "killed": 0}
    try:
        assert server.stdout.readline().strip() == "ready"
        span = 0.0
        for round_ in range(12):
            who = ("rahim", "karim")[round_ % 2]
            started = time.perf_counter()
            server.stdin.write(who + "\n")
            server.stdin.flush()
            pid = int(server.stdout.readline())
            if round_ >= 2:  # rounds 0 and 1 run to the end and time a (re)export
                time.sleep(rng.uniform(0, span))
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            seen["killed"] += os.WIFSIGNALED(int(server.stdout.readline()))
            if round_ < 2:
                span = max(span, (time.perf_counter() - started) * 1.1)
            if not out.exists():
                seen["missing"] += 1
                assert swap == "fallback", "the exchange swap never leaves the target missing"
                recover(out)  # what the next export does first
            state = _snapshot(out)
            match = [w for w, snap in refs.items() if snap == state]
            assert match, f"round {round_}: the folder is a mix of two exports"
            seen[match[0]] += 1
    finally:
        server.stdin.close()
        server.wait(timeout=30)
    with Store(db) as s:
        export(s, "brat", out, ExportFilter(annotators=("karim",)))
    assert _snapshot(out) == refs["karim"]
    assert sorted(p.name for p in out.parent.iterdir()) == ["brat"], "staging left over"
    assert seen["killed"] >= 2, seen  # most kills land mid-export
    print(f"{swap}: outcomes {seen}, one export {span / 1.1:.2f} s")
