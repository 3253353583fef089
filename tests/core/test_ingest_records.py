"""parse_jsonl / parse_json / parse_csv: aliases, field maps, dates, all-or-nothing errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.dates import parse_datetime
from annotator.ingest.errors import IngestError
from annotator.ingest.records import FIELD_ALIASES, parse_csv, parse_json, parse_jsonl

DATA = Path(__file__).resolve().parent.parent / "data" / "ingest"


def read(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def jsonl(*records: dict) -> str:
    return "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n"


# --- JSON Lines ---------------------------------------------------------------------------


def test_jsonl_aliases_lists_dates_and_meta() -> None:
    raw = read("dataset.jsonl")
    first, second = parse_jsonl(raw, source="dataset.jsonl")
    assert first.title == "বাজেট পাস"
    assert first.text == "জাতীয় সংসদে বাজেট পাস হয়েছে।\n\nকরমুক্ত আয়সীমা বেড়েছে।"
    assert first.outlet == "বার্তা২৪"
    assert first.byline == "অর্থনৈতিক প্রতিবেদক, নিজস্ব প্রতিবেদক"
    assert first.url == "https://barta.example/budget"
    assert first.published == parse_datetime("2025-06-30T18:45:10+06:00")
    assert first.source_file == "dataset.jsonl"
    assert first.raw == raw.split("\n")[0]
    assert first.meta == {"record": 1, "category": "অর্থনীতি", "tags": ["বাজেট", "কর"]}
    # The blank line 2 is skipped; the record number is the line number.
    assert second.meta == {"record": 3, "id": 42}
    assert second.text == "টানা বৃষ্টিতে ঢাকার নিচু এলাকা তলিয়ে গেছে।"
    assert second.title == "বন্যা পরিস্থিতি"
    assert second.outlet == "দৈনিক সংবাদ"
    assert second.published == parse_datetime("2025-07-13 13:18:00")


def test_jsonl_field_map_overrides_aliases() -> None:
    raw = jsonl({"body": "সারসংক্ষেপ", "content": "পূর্ণ লেখা।", "writer": "রহিম"})
    (draft,) = parse_jsonl(raw, field_map={"body": "content", "author": "writer"})
    assert draft.text == "পূর্ণ লেখা।"
    assert draft.byline == "রহিম"
    assert draft.meta == {"record": 1, "body": "সারসংক্ষেপ"}


def test_jsonl_field_map_column_missing_names_it() -> None:
    with pytest.raises(IngestError, match=r"line 1: no text field \(looked for story_text\)"):
        parse_jsonl(jsonl({"body": "লেখা"}), field_map={"text": "story_text"})


def test_unknown_field_map_name() -> None:
    with pytest.raises(IngestError, match="unknown field 'colour'"):
        parse_jsonl(jsonl({"body": "লেখা"}), field_map={"colour": "x"})


def test_description_is_only_a_last_resort() -> None:
    raw = jsonl(
        {"description": "সংক্ষেপ", "text": "মূল লেখা।"},
        {"description": "শুধু সংক্ষেপ আছে।"},
    )
    a, b = parse_jsonl(raw)
    assert a.text == "মূল লেখা।"
    assert a.meta["description"] == "সংক্ষেপ"
    assert b.text == "শুধু সংক্ষেপ আছে।"


def test_empty_text_field_falls_back_to_next_alias() -> None:
    (draft,) = parse_jsonl(jsonl({"body": "  ", "content": "আসল লেখা।"}))
    assert draft.text == "আসল লেখা।"


def test_record_without_text_fails_whole_file_naming_line() -> None:
    raw = jsonl({"text": "এক"}, {"text": "দুই"}, {"title": "শুধু শিরোনাম"})
    with pytest.raises(IngestError) as info:
        parse_jsonl(raw)
    message = str(info.value)
    assert message.startswith("line 3: no text field (looked for body, text, content")
    assert "\n" not in message


def test_record_with_empty_text() -> None:
    with pytest.raises(IngestError, match="line 2: empty text"):
        parse_jsonl(jsonl({"text": "এক"}, {"text": "   ", "title": "শিরোনাম"}))


def test_truncated_last_line() -> None:
    raw = jsonl({"text": "এক"}, {"text": "দুই"}) + '{"text": "তিন লাইনের মাঝখানে কে'
    with pytest.raises(IngestError) as info:
        parse_jsonl(raw)
    assert str(info.value).startswith("line 3: invalid JSON: ")
    assert "truncated" in str(info.value)


def test_invalid_line_in_the_middle() -> None:
    raw = jsonl({"text": "এক"}) + "{text: 'দুই'}\n" + jsonl({"text": "তিন"})
    with pytest.raises(IngestError, match="^line 2: invalid JSON: ") as info:
        parse_jsonl(raw)
    assert "truncated" not in str(info.value)


def test_line_that_is_not_an_object() -> None:
    with pytest.raises(IngestError, match="line 1: expected a JSON object, got an array"):
        parse_jsonl('["এক", "দুই"]\n')


@pytest.mark.parametrize("raw", ["", "\n\n  \n"])
def test_no_records(raw: str) -> None:
    with pytest.raises(IngestError, match="^no records$"):
        parse_jsonl(raw)


def test_nan_written_by_python_json_is_accepted_as_null() -> None:
    (draft,) = parse_jsonl('{"text": "লেখা", "score": NaN}\n')
    assert draft.meta == {"record": 1}


def test_unparsable_date_keeps_raw_and_epoch_numbers_convert() -> None:
    raw = jsonl(
        {"text": "এক", "date": "গত সপ্তাহের কোনো একদিন", "updated": 1720000000},
        {"text": "দুই", "timestamp": 1720000000000},
    )
    a, b = parse_jsonl(raw)
    if parse_datetime("গত সপ্তাহের কোনো একদিন") is None:
        assert a.published is None
        assert a.meta["published_raw"] == "গত সপ্তাহের কোনো একদিন"
    assert a.updated == "2024-07-03T15:46:40+06:00"  # stored in Asia/Dhaka time
    assert b.published == "2024-07-03T15:46:40+06:00"


def test_single_line_container_object() -> None:
    raw = '{"articles": [{"text": "এক"}, {"text": "দুই"}]}'
    assert [d.text for d in parse_jsonl(raw)] == ["এক", "দুই"]


def test_line_separator_inside_a_string_survives() -> None:
    (draft,) = parse_jsonl('{"text": "এক\u2028দুই"}\r\n')
    assert draft.text == "এক\u2028দুই"


# --- JSON ----------------------------------------------------------------------------------


def test_json_array() -> None:
    items = [{"title": "ক", "story": "প্রথম খবর।"}, {"heading": "খ", "news": "দ্বিতীয় খবর।"}]
    drafts = parse_json(json.dumps(items, ensure_ascii=False, indent=2), source="a.json")
    assert [(d.title, d.text) for d in drafts] == [("ক", "প্রথম খবর।"), ("খ", "দ্বিতীয় খবর।")]
    assert [d.meta["record"] for d in drafts] == [1, 2]
    assert orjson.loads(drafts[0].raw) == items[0]


@pytest.mark.parametrize("key", ["articles", "data", "items", "Articles"])
def test_json_container(key: str) -> None:
    raw = json.dumps({"source": "x", key: [{"text": "এক"}]}, ensure_ascii=False)
    assert [d.text for d in parse_json(raw)] == ["এক"]


def test_json_single_article_object() -> None:
    (draft,) = parse_json('{"title": "শিরোনাম", "maintext": "লেখা।", "data": [1, 2]}')
    assert draft.text == "লেখা।"
    assert draft.meta["data"] == [1, 2]


def test_json_object_without_articles() -> None:
    with pytest.raises(IngestError, match="no article list.*keys: version, count"):
        parse_json('{"version": 1, "count": 0}')


def test_json_bad_record_names_it() -> None:
    with pytest.raises(IngestError, match="record 2: expected a JSON object, got a string"):
        parse_json('[{"text": "এক"}, "দুই"]')
    with pytest.raises(IngestError, match="record 2: no text field"):
        parse_json('[{"text": "এক"}, {"title": "দুই"}]')


def test_json_truncated() -> None:
    with pytest.raises(IngestError, match=r"^line 2: invalid JSON: .*\(truncated\?\)$"):
        parse_json('[{"text": "এক"},\n {"text": "দু')


def test_json_file_holding_json_lines() -> None:
    raw = jsonl({"text": "এক"}, {"text": "দুই"})
    assert [d.meta["record"] for d in parse_json(raw)] == [1, 2]


def test_json_empty_array() -> None:
    with pytest.raises(IngestError, match="^no records$"):
        parse_json("[]")


# --- CSV -----------------------------------------------------------------------------------


def test_csv_semicolon_with_multiline_quoted_field() -> None:
    raw = read("semicolon.csv")
    a, b = parse_csv(raw, source="semicolon.csv")
    assert a.title == "সিলেটে বন্যা"
    assert a.text == "সুরমা নদীর পানি বিপৎসীমার ওপরে।\n\nনিম্নাঞ্চল প্লাবিত।"
    assert a.published == parse_datetime("2025-06-01")
    assert a.meta == {"record": 1, "category": "দেশ"}
    assert a.raw == '"সিলেটে বন্যা";"সুরমা নদীর পানি বিপৎসীমার ওপরে।\n\nনিম্নাঞ্চল প্লাবিত।";2025-06-01;দেশ'
    assert b.text == "পাহাড়ধসের শঙ্কা; লোকজনকে সরানো হচ্ছে।"
    assert b.meta["record"] == 2
    assert b.raw == 'চট্টগ্রামে বৃষ্টি;"পাহাড়ধসের শঙ্কা; লোকজনকে সরানো হচ্ছে।";2025-06-02;দেশ'


def write_csv(rows: list[list[str]], delimiter: str = ",") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\n").writerows(rows)
    return out.getvalue()


def test_csv_comma_aliases_and_field_map() -> None:
    raw = write_csv(
        [
            ["Headline", "Article_Body", "Reporter", "URL", "extra"],
            ["শিরোনাম, কমাসহ", 'লেখা "উদ্ধৃতি" সহ।', "করিম", "https://x.bd/1", ""],
        ]
    )
    (draft,) = parse_csv(raw)
    assert draft.title == "শিরোনাম, কমাসহ"
    assert draft.text == 'লেখা "উদ্ধৃতি" সহ।'
    assert draft.byline == "করিম"
    assert draft.url == "https://x.bd/1"
    assert draft.meta == {"record": 1}
    (mapped,) = parse_csv(raw, field_map={"title": "reporter"})
    assert mapped.title == "করিম"
    assert mapped.byline == ""


def test_csv_tab_delimited() -> None:
    raw = write_csv([["title", "text"], ["ক", "এক, দুই; তিন"]], delimiter="\t")
    (draft,) = parse_csv(raw)
    assert draft.text == "এক, দুই; তিন"


def test_csv_without_text_column_lists_columns() -> None:
    raw = write_csv([["title", "date", "category"], ["ক", "2025-01-01", "দেশ"]])
    with pytest.raises(IngestError) as info:
        parse_csv(raw)
    message = str(info.value)
    assert message.startswith("no text column (looked for body, text")
    assert message.endswith("columns: title, date, category")


def test_csv_field_map_to_missing_column() -> None:
    raw = write_csv([["title", "body"], ["ক", "লেখা"]])
    with pytest.raises(IngestError, match="no column 'content'.*columns: title, body"):
        parse_csv(raw, field_map={"body": "content"})


def test_csv_row_with_empty_text_names_row_and_line() -> None:
    raw = write_csv([["title", "body"], ["ক", "লেখা\nদুই লাইন"], ["খ", ""]])
    with pytest.raises(IngestError, match=r"^row 2 \(line 4\): empty text"):
        parse_csv(raw)


def test_csv_blank_lines_skipped_and_short_rows_padded() -> None:
    raw = "body,title\n\nলেখা এক\n\n\nলেখা দুই,শিরোনাম\n"
    a, b = parse_csv(raw)
    assert (a.text, a.title) == ("লেখা এক", "")
    assert (b.text, b.title) == ("লেখা দুই", "শিরোনাম")


def test_csv_too_many_fields() -> None:
    raw = "title,body\nক,লেখা,বাড়তি\n"
    with pytest.raises(IngestError, match=r"row 1 \(line 2\): 3 fields but the header has 2"):
        parse_csv(raw)


def test_csv_unterminated_quote() -> None:
    raw = 'title,body\nক,"লেখা শুরু\nআর শেষ হলো না\n'
    with pytest.raises(IngestError, match="line 2: unterminated quoted field"):
        parse_csv(raw)


def test_csv_header_only_and_empty() -> None:
    with pytest.raises(IngestError, match="^no records$"):
        parse_csv("title,body\n")
    with pytest.raises(IngestError, match="^no records$"):
        parse_csv("")


def test_csv_huge_field() -> None:
    body = "ক" * 300_000
    (draft,) = parse_csv(write_csv([["body"], [body]]))
    assert draft.text == body


def test_csv_bom_and_crlf() -> None:
    raw = '\ufefftitle,body\r\nক,"এক\r\nদুই"\r\n'
    (draft,) = parse_csv(raw)
    assert draft.title == "ক"
    assert draft.text == "এক\r\nদুই"


def test_aliases_cover_the_documented_names() -> None:
    assert FIELD_ALIASES["text"][-1] == "description"
    for name in ("body", "content", "articleBody", "full_text", "maintext"):
        assert name in FIELD_ALIASES["text"]
    assert "datePublished" in FIELD_ALIASES["published"]
    assert "authors" in FIELD_ALIASES["byline"]


# --- never anything but IngestError -------------------------------------------------------

_jsonish = st.lists(
    st.one_of(
        st.sampled_from(
            [
                '{"text": "',
                '"}',
                "{",
                "}",
                "[",
                "]",
                '"',
                ",",
                ":",
                "\n",
                "NaN",
                "null",
                '{"body": ',
                '"title"',
                "\\u",
                "\\ud800",
                "1e999",
                "99999999999999999999999",
            ]
        ),
        st.text(max_size=20),
    ),
    max_size=40,
).map("".join)

_csvish = st.lists(
    st.one_of(
        st.sampled_from(["body", "title", ",", ";", "\t", '"', "\n", "\r\n", "\r", "\x00", "date"]),
        st.text(max_size=20),
    ),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_jsonish, st.text()))
def test_jsonl_and_json_only_raise_ingest_error(raw: str) -> None:
    for parser in (parse_jsonl, parse_json):
        try:
            drafts = parser(raw)
        except IngestError as exc:
            assert "\n" not in str(exc)
        else:
            assert drafts and all(d.text for d in drafts)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_csvish, st.text()))
def test_csv_only_raises_ingest_error(raw: str) -> None:
    try:
        drafts = parse_csv(raw)
    except IngestError as exc:
        assert "\n" not in str(exc)
    else:
        assert drafts and all(d.text for d in drafts)


def test_placeholder_bylines_are_no_byline_and_src_names_the_outlet() -> None:
    rows = (
        "Date,Headline,Writer,Body,src\n2024-08-12,শিরোনাম,Unknown,ঢাকায় আজ চুক্তি সই হয়েছে।,india.com\n"
    )
    [draft] = parse_csv(rows)
    assert (draft.byline, draft.outlet, draft.title) == ("", "india.com", "শিরোনাম")
    assert "Writer" not in draft.meta  # the filler is dropped, not kept as a field
