import json
import shutil

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.paths import default_db_path


@pytest.fixture
def run(db_path):
    runner = CliRunner()

    def invoke(*args, db=True):
        argv = (["--db", str(db_path)] if db else []) + list(args)
        return runner.invoke(cli, argv, catch_exceptions=False)

    return invoke


def test_import_seeds_then_list_json(run, seeds_dir):
    result = run("import", str(seeds_dir), "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["totals"] == {
        "files": 5,
        "imported": 5,
        "duplicates": 0,
        "records_skipped": 0,
        "failed": 0,
    }
    listing = json.loads(run("articles", "--json").output)
    assert len(listing) == 5
    for row in listing:
        assert set(row) == {"id", "uid", "title", "outlet", "published", "updated", "spans"}
        assert row["published"][:4] in {"2023", "2025"}
        assert row["spans"] == 0


def test_reimport_is_a_noop_and_says_duplicate(run, seeds_dir):
    run("import", str(seeds_dir))
    result = run("import", str(seeds_dir))
    assert result.exit_code == 0
    assert result.output.count("duplicate  ") == 5
    assert "0 imported, 5 duplicates, 0 failed" in result.output
    assert len(json.loads(run("articles", "--json").output)) == 5


def test_bad_files_fail_alone_with_one_line_reasons(run, seeds_dir, tmp_path):
    batch = tmp_path / "batch"
    batch.mkdir()
    shutil.copy(seeds_dir / "000_b7916aeb5253ec9b.txt", batch / "good.txt")
    (batch / "empty.txt").write_bytes(b"")
    (batch / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50)
    (batch / "latin1.txt").write_bytes("Café crème brûlée façade".encode("latin-1") * 20)
    (batch / "cut.jsonl").write_text('{"title": "ক", "text": "কিম জং উন"}\n{"title": "খ", "te')
    result = run("import", str(batch), str(tmp_path / "missing.txt"), "--json")
    assert result.exit_code == 1
    report = json.loads(result.output)
    by_name = {f["path"].rsplit("/", 1)[-1]: f for f in report["files"]}
    assert by_name["good.txt"]["status"] == "imported"
    for name in ("empty.txt", "image.txt", "latin1.txt", "cut.jsonl", "missing.txt"):
        assert by_name[name]["status"] == "failed", name
        assert by_name[name]["reason"] and "\n" not in by_name[name]["reason"]
    # the truncated dataset imported nothing, not even its good first line
    assert len(json.loads(run("articles", "--json").output)) == 1


def test_show_and_search(run, seeds_dir):
    run("import", str(seeds_dir))
    listing = json.loads(run("articles", "--json").output)
    first = listing[0]
    shown = json.loads(run("show", str(first["id"]), "--json").output)
    assert shown["uid"] == first["uid"] and shown["text"]
    assert json.loads(run("show", first["uid"], "--json").output)["id"] == first["id"]
    hits = json.loads(run("search", "ল্যাভরভ", "--json").output)
    assert len(hits) == 1 and "«ল্যাভরভ" in hits[0]["snippet"]
    assert run("show", "99999").exit_code == 1


def test_search_finds_exactly_the_articles_containing_a_word(run, seeds_dir):
    run("import", str(seeds_dir))
    texts = {}
    for row in json.loads(run("articles", "--json").output):
        article = json.loads(run("show", str(row["id"]), "--json").output)
        texts[row["id"]] = article["title"] + "\n" + article["text"]
    for word in ("ল্যাভরভ", "কুরস্ক", "রয়টার্স", "পিয়ংইয়ং", "তিয়ানানমেন", "সৈন্য"):
        hits = {h["id"] for h in json.loads(run("search", word, "--json").output)}
        assert hits == {i for i, t in texts.items() if word in t}, word


def test_usage_errors_exit_2(run, seeds_dir):
    assert run("import").exit_code == 2
    assert run("import", str(seeds_dir), "--format", "pdf").exit_code == 2
    assert run("import", str(seeds_dir), "--field", "nonsense").exit_code == 2
    assert run("frobnicate").exit_code == 2


def test_default_database_is_seeded_on_first_use(run):
    result = run("articles", "--json", db=False)
    assert result.exit_code == 0
    assert len(json.loads(result.output)) == 5
    assert default_db_path().exists()


def test_env_database_overrides_default(tmp_path, monkeypatch):
    target = tmp_path / "env.db"
    monkeypatch.setenv("ANNOTATOR_DB", str(target))
    result = CliRunner().invoke(cli, ["articles", "--json"])
    assert result.exit_code == 0 and json.loads(result.output) == []
    assert target.exists()


def test_every_command_has_help_with_an_example():
    runner = CliRunner()
    for name, command in cli.commands.items():
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, name
        assert "Example:" in (command.help or ""), name


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "doccano", "labelstudio", "conll", "spacy"])
def test_export_command_writes_every_format(run, seeds_dir, db_path, tmp_path, fmt):
    from annotator.store import Store

    run("import", str(seeds_dir))
    with Store(db_path) as store:
        row = store.articles()[0]
        text = store.article(row.id).text
        store.add_span(row.id, "rahim", "visit", 0, text.index(" "))
    out = tmp_path / f"out.{fmt}"
    result = run("export", "--format", fmt, "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "1 spans written" in result.output
    assert out.exists() and out.stat().st_size > 0
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_export_jsonl_carries_span_offsets(run, seeds_dir, db_path, tmp_path):
    from annotator.store import Store

    run("import", str(seeds_dir))
    with Store(db_path) as store:
        row = store.articles()[0]
        text = store.article(row.id).text
        start = text.index(" ") + 1
        store.add_span(row.id, "rahim", "treaty", start, start + 5)
    out = tmp_path / "x.jsonl"
    run("export", "--out", str(out), "--annotator", "rahim")
    [line] = out.read_text(encoding="utf-8").splitlines()
    record = json.loads(line)
    [span] = record["spans"]
    assert record["text"][span["start"] : span["end"]] == span["text"]
    assert span["annotator"] == "rahim" and span["label"] == "treaty"


def test_export_then_import_into_an_empty_project_round_trips(run, seeds_dir, db_path, tmp_path):
    from annotator.store import Store

    run("import", str(seeds_dir))
    with Store(db_path) as store:
        row = store.articles()[0]
        text = store.article(row.id).text
        store.add_span(row.id, "rahim", "visit", 0, text.index(" "), attrs={"source": "KCNA"})
        store.add_span(row.id, "karim", "treaty", 0, text.index(" "), note="দ্বিমত")
    out = tmp_path / "all.jsonl"
    run("export", "--out", str(out))
    other = tmp_path / "other.db"
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", str(other), "import", str(out), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["annotations"]["spans_added"] == 2
    again = runner.invoke(cli, ["--db", str(other), "import", str(out), "--json"])
    assert json.loads(again.output)["annotations"]["spans_added"] == 0

    def spans_of(path):
        with Store(path) as store:
            return sorted(
                (a.uid, s.annotator, s.label, s.start, s.end, s.text, s.attrs, s.note)
                for row in store.articles()
                for a in [store.article(row.id)]
                for s in store.spans(row.id)
            )

    assert spans_of(other) == spans_of(db_path)


def test_doccano_import_needs_an_annotator_and_reports_bad_lines(run, tmp_path, db_path):
    from annotator.store import Store

    text = "উত্তর কোরিয়া রাশিয়ায় সৈন্য পাঠিয়েছে।"
    good = {"text": text, "label": [[0, 5, "troop_deployment"]]}
    bad = {"text": text, "label": [[3, 900, "visit"]]}
    path = tmp_path / "d.jsonl"
    path.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in (good, bad)), encoding="utf-8"
    )
    result = run("import", "--format", "doccano", "--annotator", "nadia", str(path))
    assert result.exit_code == 1
    assert "d.jsonl:2" in result.output
    with Store(db_path) as store:
        [row] = store.articles()
        [span] = store.spans(row.id)
        assert (span.annotator, span.text) == ("nadia", "উত্তর")


def test_a_dataset_with_bad_rows_imports_the_rest_and_exits_1(run, tmp_path):
    body = "ঢাকায় আজ দুই দেশের মধ্যে একটি নতুন চুক্তি সই হয়েছে বলে জানা গেছে।"
    rows = ["title,desc,time"] + [
        f"খবর {i},{'' if i in (1, 3) else f'{body} {i}'},2024-08-12 10:30" for i in range(6)
    ]
    path = tmp_path / "news.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    strict = run("import", str(path), "--strict")
    assert strict.exit_code == 1
    assert "row 2 (line 3): empty text" in strict.output
    assert json.loads(run("articles", "--json").output) == []
    result = run("import", str(path))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].endswith("news.csv (4 articles; 2 bad records skipped)")
    assert lines[1].endswith("news.csv: row 2 (line 3): empty text (field desc)")
    assert lines[2].endswith("news.csv: row 4 (line 5): empty text (field desc)")
    assert lines[-1] == "4 imported, 0 duplicates, 2 bad records skipped, 0 failed (1 files)"
    listed = json.loads(run("articles", "--json").output)
    assert {a["published"] for a in listed} == {"2024-08-12T10:30:00+06:00"}
    again = json.loads(run("import", str(path), "--json").output)
    assert again["totals"]["records_skipped"] == 2 and again["totals"]["duplicates"] == 4


def test_doccano_columns_named_with_field(run, tmp_path):
    path = tmp_path / "tags.jsonl"
    path.write_text('{"data": "ঢাকায় আজ চুক্তি", "tags": [[0, 6, "LOC"]]}\n', encoding="utf-8")
    args = ["import", str(path), "--format", "doccano", "--annotator", "me"]
    result = run(*args, "--field", "text=data", "--field", "label=tags")
    assert result.exit_code == 0, result.output
    assert "1 spans added" in result.output
    [article] = json.loads(run("articles", "--json").output)
    assert article["spans"] == 1
