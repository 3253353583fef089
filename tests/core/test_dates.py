"""Tests for annotator.dates: finding, parsing, converting and formatting dates."""

from __future__ import annotations

import unicodedata
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import bangla
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.dates import (
    DHAKA,
    FoundDate,
    bengali_to_gregorian,
    find_dates,
    find_relative_dates,
    format_dual,
    parse_datetime,
)


def _one(line: str) -> FoundDate:
    found = find_dates(line)
    assert len(found) == 1, found
    return found[0]


# --- find_dates: the forms seen in the seeds -----------------------------------------------------


@pytest.mark.parametrize(
    ("line", "iso", "label", "matched"),
    [
        (
            "আন্তর্জাতিক ডেস্ক প্রকাশ: ১৩ জুলাই ২০২৫, ০১:১৮ পিএম",
            "2025-07-13T13:18:00+06:00",
            "published",
            "প্রকাশ: ১৩ জুলাই ২০২৫, ০১:১৮ পিএম",
        ),
        (
            "প্রকাশ : ১২ জুন ২০২৩, ১২:২৫ পিএম",
            "2023-06-12T12:25:00+06:00",
            "published",
            "প্রকাশ : ১২ জুন ২০২৩, ১২:২৫ পিএম",
        ),
        (
            "প্রকাশ : ২৭ ডিসেম্বর ২০২৫, ০৮:৩৫ এএম",
            "2025-12-27T08:35:00+06:00",
            "published",
            "প্রকাশ : ২৭ ডিসেম্বর ২০২৫, ০৮:৩৫ এএম",
        ),
        (
            "প্রকাশিত সময় : ১০:৩১:১৮ অপরাহ্ন, বুধবার, ৩ সেপ্টেম্বর ২০২৫",
            "2025-09-03T22:31:18+06:00",
            "published",
            "প্রকাশিত সময় : ১০:৩১:১৮ অপরাহ্ন, বুধবার, ৩ সেপ্টেম্বর ২০২৫",
        ),
        ("শুক্রবার, ০৯ মে ২০২৫", "2025-05-09", None, "শুক্রবার, ০৯ মে ২০২৫"),
        ("২৬ বৈশাখ ১৪৩২", "2025-05-09", None, "২৬ বৈশাখ ১৪৩২"),
    ],
)
def test_seed_forms(line: str, iso: str, label: str | None, matched: str) -> None:
    found = _one(line)
    assert found.iso() == iso
    assert found.label == label
    assert line[found.start : found.end] == matched
    assert found.value.tzinfo is not None
    assert found.value.utcoffset() == timedelta(hours=6)


def test_time_flags_and_midnight_value() -> None:
    timed = _one("প্রকাশ: ১৩ জুলাই ২০২৫, ০১:১৮ পিএম")
    assert timed.has_time
    assert timed.value == datetime(2025, 7, 13, 13, 18, tzinfo=DHAKA)
    plain = _one("১৩ জুলাই ২০২৫")
    assert not plain.has_time
    assert plain.value == datetime(2025, 7, 13, tzinfo=DHAKA)
    assert plain.iso() == "2025-07-13"


def test_today_line_with_both_calendars() -> None:
    line = "আজ সোমবার, ১ পৌষ, ১৪৩২ | ১৫ ডিসেম্বর, ২০২৫"
    found = find_dates(line)
    assert [f.iso() for f in found] == ["2025-12-15", "2025-12-15"]
    assert [f.calendar for f in found] == ["bengali", "gregorian"]
    assert all(f.label is None and not f.has_time for f in found)
    assert found[0].end <= found[1].start
    assert "১ পৌষ, ১৪৩২" in line[found[0].start : found[0].end]
    assert line[found[1].start : found[1].end] == "১৫ ডিসেম্বর, ২০২৫"


def test_gregorian_and_bengali_with_era() -> None:
    line = "শনিবার, ২০ ডিসেম্বর ২০২৫, ৬ পৌষ ১৪৩২ বঙ্গাব্দ"
    found = find_dates(line)
    assert [(f.iso(), f.calendar) for f in found] == [
        ("2025-12-20", "gregorian"),
        ("2025-12-20", "bengali"),
    ]
    assert line[found[1].start : found[1].end] == "৬ পৌষ ১৪৩২ বঙ্গাব্দ"


def test_time_glued_to_update_label() -> None:
    line = "১৪ সেপ্টেম্বর ২০২৩, ১৩:৪৫আপডেট : ১৪ সেপ্টেম্বর ২০২৩, ১৩:৫২"
    first, second = find_dates(line)
    assert first.iso() == "2023-09-14T13:45:00+06:00"
    assert first.label is None
    assert line[first.start : first.end] == "১৪ সেপ্টেম্বর ২০২৩, ১৩:৪৫"
    assert second.iso() == "2023-09-14T13:52:00+06:00"
    assert second.label == "updated"
    assert line[second.start : second.end] == "আপডেট : ১৪ সেপ্টেম্বর ২০২৩, ১৩:৫২"


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("১২ জুন ২০২৩, ১২:২৫ পিএম", "2023-06-12T12:25:00+06:00"),
        ("১২ জুন ২০২৩, ১২:২৫ এএম", "2023-06-12T00:25:00+06:00"),
        ("১২ জুন ২০২৩, ১২:২৫ am", "2023-06-12T00:25:00+06:00"),
        ("12 June 2023, 1:05 p.m.", "2023-06-12T13:05:00+06:00"),
        ("১২ জুন ২০২৩ ১৩:৪৫", "2023-06-12T13:45:00+06:00"),
        ("১২ জুন ২০২৩, ১০:৩১:১৮ পূর্বাহ্ন", "2023-06-12T10:31:18+06:00"),
        ("১২ জুন ২০২৩, দুপুর ১:১৮", "2023-06-12T13:18:00+06:00"),
        ("১২ জুন ২০২৩, দুপুর ১২:১০", "2023-06-12T12:10:00+06:00"),
        ("১২ জুন ২০২৩, বিকেল ৪:০০", "2023-06-12T16:00:00+06:00"),
        ("১২ জুন ২০২৩, বিকাল ৪:০০", "2023-06-12T16:00:00+06:00"),
        ("১২ জুন ২০২৩, সন্ধ্যা ৭:৩০", "2023-06-12T19:30:00+06:00"),
        ("১২ জুন ২০২৩, সকাল ৯:১৫", "2023-06-12T09:15:00+06:00"),
        ("১২ জুন ২০২৩, রাত ৯:১৫", "2023-06-12T21:15:00+06:00"),
        ("১২ জুন ২০২৩, রাত ১২:১৫", "2023-06-12T00:15:00+06:00"),
        ("১২ জুন ২০২৩, রাত ২:১৫", "2023-06-12T02:15:00+06:00"),
        ("১২ জুন ২০২৩, ০৮:৩৫ অপরাহ্ন", "2023-06-12T20:35:00+06:00"),
        ("১২ জুন ২০২৩, মঙ্গলবার, ০৮:৩৫ পিএম", "2023-06-12T20:35:00+06:00"),
        ("১২ জুন ২০২৩ ১০ঃ৩০ এএম", "2023-06-12T10:30:00+06:00"),
        ("সকাল ৯:১৫, ১২ জুন ২০২৩", "2023-06-12T09:15:00+06:00"),
        ("১২ জুন ২০২৩, ১৩:৪৫ পিএম", "2023-06-12T13:45:00+06:00"),
    ],
)
def test_times(line: str, iso: str) -> None:
    assert _one(line).iso() == iso


def test_impossible_time_keeps_date_only() -> None:
    found = _one("১২ জুন ২০২৩, ২৫:৭০")
    assert not found.has_time
    assert found.iso() == "2023-06-12"


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("১ জানুয়ারি ২০২৪", "2024-01-01"),
        ("১ জানুয়ারী ২০২৪", "2024-01-01"),
        ("২ ফেব্রুয়ারি ২০২৪", "2024-02-02"),
        ("২ ফেব্রুয়ারী ২০২৪", "2024-02-02"),
        ("৩ মার্চ ২০২৪", "2024-03-03"),
        ("৪ এপ্রিল ২০২৪", "2024-04-04"),
        ("৫ মে ২০২৪", "2024-05-05"),
        ("৬ জুন ২০২৪", "2024-06-06"),
        ("৭ জুলাই ২০২৪", "2024-07-07"),
        ("৮ আগস্ট ২০২৪", "2024-08-08"),
        ("৮ আগষ্ট ২০২৪", "2024-08-08"),
        ("৯ সেপ্টেম্বর ২০২৪", "2024-09-09"),
        ("১০ অক্টোবর ২০২৪", "2024-10-10"),
        ("১১ নভেম্বর ২০২৪", "2024-11-11"),
        ("১২ ডিসেম্বর ২০২৪", "2024-12-12"),
        ("০৫ মে, ২০২৪", "2024-05-05"),
        ("5 May 2024", "2024-05-05"),
        ("13 Jul 2025", "2025-07-13"),
        ("13 Sept. 2025", "2025-09-13"),
        ("July 13, 2025", "2025-07-13"),
        ("জুলাই ১৩, ২০২৫", "2025-07-13"),
        ("13th July 2025", "2025-07-13"),
        ("২১শে ফেব্রুয়ারি ১৯৫২", "1952-02-21"),
        ("১৬ই ডিসেম্বর ১৯৭১", "1971-12-16"),
        ("১৯৭১ সালের ২৬ মার্চ", "1971-03-26"),
        ("13/07/2025", "2025-07-13"),
        ("১৩-০৭-২০২৫", "2025-07-13"),
        ("2025-07-13", "2025-07-13"),
        ("13 জুলাই 2025", "2025-07-13"),
        ("১৩ জুলাই ২০২৫ খ্রিস্টাব্দ", "2025-07-13"),
    ],
)
def test_gregorian_forms(line: str, iso: str) -> None:
    found = _one(line)
    assert found.iso() == iso
    assert found.calendar == "gregorian"


@pytest.mark.parametrize(
    "line",
    [
        "১ বৈশাখ ১৪৩২",
        "১ জ্যৈষ্ঠ ১৪৩২",
        "১ আষাঢ় ১৪৩২",
        "১ শ্রাবণ ১৪৩২",
        "১ ভাদ্র ১৪৩২",
        "১ আশ্বিন ১৪৩২",
        "১ কার্তিক ১৪৩২",
        "১ অগ্রহায়ণ ১৪৩২",
        "১ পৌষ ১৪৩২",
        "১ মাঘ ১৪৩২",
        "১ ফাল্গুন ১৪৩২",
        "১ চৈত্র ১৪৩২",
        "১লা বৈশাখ ১৪৩২ বঙ্গাব্দ",
    ],
)
def test_bengali_month_names(line: str) -> None:
    found = _one(line)
    assert found.calendar == "bengali"
    bn = bangla.get_date(found.value.day, found.value.month, found.value.year)
    assert bn["date"] == "১"
    assert unicodedata.normalize("NFC", bn["month"]) in unicodedata.normalize("NFC", line)


def test_precomposed_ya_and_o_are_matched_with_exact_offsets() -> None:
    composed = "\u09df"  # য় precomposed, which NFC would split into য + nukta
    line = f"প্রকাশিত সম{composed}: ১ জানু{composed}ারি ২০২৪, রোববার"
    found = _one(line)
    assert found.iso() == "2024-01-01"
    assert found.label == "published"
    assert line[found.start : found.end] == f"প্রকাশিত সম{composed}: ১ জানু{composed}ারি ২০২৪"
    decomposed_o = "র\u09c7\u09beববার, ২ জুন ২০২৪"  # ো written as ে + া
    assert _one(decomposed_o).start == 0


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("প্রকাশিত: ১ জুন ২০২৪", "published"),
        ("প্রকাশের সময়: ১ জুন ২০২৪", "published"),
        ("Published: 1 June 2024", "published"),
        ("হালনাগাদ: ১ জুন ২০২৪", "updated"),
        ("সর্বশেষ আপডেট: ১ জুন ২০২৪", "updated"),
        ("Updated: June 1, 2024", "updated"),
        ("রিপোর্টার ১ জুন ২০২৪", None),
    ],
)
def test_labels(line: str, label: str | None) -> None:
    assert _one(line).label == label


def test_label_words_alone_do_not_make_dates() -> None:
    assert find_dates("ক্রেমলিন কর্তৃক প্রকাশিত একটি ভিডিওতে দেখানো হয়েছে") == []


@pytest.mark.parametrize(
    "line",
    [
        "ওসমান হাদিকে গুলির ঘটনায় আরও ২ জন আটক",
        "রাশিয়ায় আনুমানিক ১১ হাজার সৈন্য পাঠিয়েছে।",
        "২০২২ সালের ফেব্রুয়ারিতে রুশ প্রেসিডেন্ট ভ্লাদিমির পুতিনের নির্দেশে",
        "৮০তম জন্মবার্ষিকী",
        "১২৩৪৫ ৬৭৮৯০ 2024",
        "৩১ ফেব্রুয়ারি ২০২৫",
        "২৯ ফেব্রুয়ারি ২০২৩",
        "৩২ জানুয়ারি ২০২৫",
        "৩২ বৈশাখ ১৪৩২",
        "গত ১৮ ডিসেম্বর পুতিন",
        "২৭ ডিসেম্বর : আজকের নামাজের সময়সূচি",
        "১০:৩০ পিএম",
        "১৫ মে ১০০০ জন",
        "32/13/2025",
        "ফেব্রুয়ারি ২০২২",
    ],
)
def test_no_false_dates(line: str) -> None:
    assert find_dates(line) == []


def test_leap_day_is_valid() -> None:
    assert _one("২৯ ফেব্রুয়ারি ২০২৪").iso() == "2024-02-29"


def test_seeds(seeds_dir: Path) -> None:
    found = {}
    for path in sorted(seeds_dir.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            for item in find_dates(line):
                found.setdefault(path.name[:3], []).append((item.iso(), item.label))
    assert found["000"][:3] == [
        ("2025-12-15", None),
        ("2025-12-15", None),
        ("2025-07-13T13:18:00+06:00", "published"),
    ]
    assert found["001"] == [
        ("2025-05-09", None),
        ("2025-05-09", None),
        ("2023-09-14T13:45:00+06:00", None),
        ("2023-09-14T13:52:00+06:00", "updated"),
    ]
    assert found["002"] == [("2023-06-12T12:25:00+06:00", "published")]
    assert found["003"] == [("2025-12-27T08:35:00+06:00", "published")]
    assert found["004"] == [
        ("2025-12-20", None),
        ("2025-12-20", None),
        ("2025-09-03T22:31:18+06:00", "published"),
    ]


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_find_dates_never_raises(line: str) -> None:
    for item in find_dates(line):
        assert 0 <= item.start < item.end <= len(line)


_PIECES = st.sampled_from(
    [
        "১৩",
        "৩১",
        "০",
        "২০২৫",
        "১৪৩২",
        "জুলাই",
        "ফেব্রুয়ারি",
        "পৌষ",
        "চৈত্র",
        ", ",
        " ",
        ":",
        "১২:৬০",
        "০১:১৮",
        "পিএম",
        "রাত",
        "প্রকাশ",
        "আপডেট",
        "বুধবার",
        "/",
        "-",
        "\u09df",
        "বঙ্গাব্দ",
        "99",
        "Jul",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=14).map("".join))
def test_find_dates_never_raises_on_date_like_text(line: str) -> None:
    last_end = 0
    for item in find_dates(line):
        assert 0 <= item.start < item.end <= len(line)
        assert item.start >= last_end
        last_end = item.end
        assert item.calendar in {"gregorian", "bengali"}
        assert item.label in {None, "published", "updated"}


# --- bengali_to_gregorian ------------------------------------------------------------------------


def test_knowledge_fact() -> None:
    assert bengali_to_gregorian(1, "পৌষ", 1432) == date(2025, 12, 15)
    assert bengali_to_gregorian(1, "বৈশাখ", 1432) == date(2025, 4, 14)
    assert bengali_to_gregorian(30, "চৈত্র", 1431) == date(2025, 4, 13)


@pytest.mark.parametrize("year", [2019, 2020, 2024, 2025, 2028])
def test_round_trip_every_day(year: int) -> None:
    day = date(year, 1, 1)
    while day.year == year:
        bn = bangla.get_date(day.day, day.month, day.year)
        d = int(bangla.convert_bangla_digit_to_english_digit(bn["date"]))
        y = int(bangla.convert_bangla_digit_to_english_digit(bn["year"]))
        assert bengali_to_gregorian(d, bn["month"], y) == day
        day += timedelta(days=1)


def test_month_variants_and_errors() -> None:
    assert bengali_to_gregorian(1, "অগ্রহায়ন", 1432) == bengali_to_gregorian(1, "অগ্রহায়ণ", 1432)
    assert bengali_to_gregorian(1, "জৈষ্ঠ", 1432) == bengali_to_gregorian(1, "জ্যৈষ্ঠ", 1432)
    with pytest.raises(ValueError):
        bengali_to_gregorian(1, "জুলাই", 1432)
    with pytest.raises(ValueError):
        bengali_to_gregorian(1, "nonsense", 1432)
    with pytest.raises(ValueError):
        bengali_to_gregorian(32, "বৈশাখ", 1432)
    with pytest.raises(ValueError):
        bengali_to_gregorian(0, "বৈশাখ", 1432)
    with pytest.raises(ValueError):
        bengali_to_gregorian(1, "বৈশাখ", 10**6)


# --- parse_datetime ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2025-07-13", "2025-07-13"),
        ("2025-07-13T13:18:00", "2025-07-13T13:18:00+06:00"),
        ("2025-07-13T13:18:00Z", "2025-07-13T13:18:00+00:00"),
        ("2025-07-13T13:18:00+06:00", "2025-07-13T13:18:00+06:00"),
        ("2025-07-13T07:18:00.123+00:00", "2025-07-13T07:18:00+00:00"),
        ("2025-07-13 13:18", "2025-07-13T13:18:00+06:00"),
        ("Sun, 13 Jul 2025 13:18:00 +0000", "2025-07-13T13:18:00+00:00"),
        ("Sun, 13 Jul 2025 13:18:00 GMT", "2025-07-13T13:18:00+00:00"),
        ("July 13, 2025 1:18 PM", "2025-07-13T13:18:00+06:00"),
        ("July 13, 2025 1:18 PM +0530", "2025-07-13T13:18:00+05:30"),
        ("13 Jul 2025", "2025-07-13"),
        ("13/07/2025", "2025-07-13"),
        ("01/02/2025", "2025-02-01"),
        ("2025/07/13", "2025-07-13"),
        ("  ২০২৫-০৭-১৩  ", "2025-07-13"),
        ("প্রকাশ: ১৩ জুলাই ২০২৫, ০১:১৮ পিএম", "2025-07-13T13:18:00+06:00"),
        ("প্রকাশিত সময় : ১০:৩১:১৮ অপরাহ্ন, বুধবার, ৩ সেপ্টেম্বর ২০২৫", "2025-09-03T22:31:18+06:00"),
        ("২৬ বৈশাখ ১৪৩২", "2025-05-09"),
        ("১৩/০৭/২০২৫", "2025-07-13"),
    ],
)
def test_parse_datetime(text: str, iso: str) -> None:
    assert parse_datetime(text) == iso


@pytest.mark.parametrize(
    "text", ["", "   ", "hello", "2025", "13", "12:30", "২ জন", "July 2025", "৩১ ফেব্রুয়ারি ২০২৫"]
)
def test_parse_datetime_none(text: str) -> None:
    assert parse_datetime(text) is None


def test_parse_datetime_non_string() -> None:
    assert parse_datetime(None) is None  # type: ignore[arg-type]


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_parse_datetime_never_raises(text: str) -> None:
    result = parse_datetime(text)
    assert result is None or isinstance(result, str)


# --- format_dual ---------------------------------------------------------------------------------


def test_format_dual() -> None:
    value = datetime(2025, 7, 13, 13, 18, tzinfo=DHAKA)
    assert format_dual(value) == "১৩ জুলাই ২০২৫, ১৩:১৮ · ২৯ আষাঢ় ১৪৩২"
    assert format_dual(value, bengali_digits=False) == "13 জুলাই 2025, 13:18 · 29 আষাঢ় 1432"


def test_format_dual_date_only_and_conversion() -> None:
    assert format_dual(datetime(2025, 12, 15, tzinfo=DHAKA)) == "১৫ ডিসেম্বর ২০২৫ · ১ পৌষ ১৪৩২"
    utc = datetime(2025, 7, 13, 7, 18, tzinfo=UTC)
    assert format_dual(utc, bengali_digits=False) == "13 জুলাই 2025, 13:18 · 29 আষাঢ় 1432"


def test_format_dual_round_trips_found_date() -> None:
    found = _one("প্রকাশ: ১৩ জুলাই ২০২৫, ০১:১৮ পিএম")
    assert format_dual(found.value).startswith("১৩ জুলাই ২০২৫, ১৩:১৮")


# --- other outlets: English date lines, time zones ------------------------------------------------


@pytest.mark.parametrize(
    ("line", "iso", "label"),
    [
        # Zee 24 Ghanta style byline
        (
            "Written By জি ২৪ ঘণ্টা ডিজিটাল ব্যুরো | Last Updated: Jan 09, 2026, 03:52 PM IST",
            "2026-01-09T16:22:00+06:00",
            "updated",
        ),
        # Oneindia Bengali
        ("Published: Monday, July 20, 2026, 0:28 [IST]", "2026-07-20T00:58:00+06:00", "published"),
        ("Updated: Tuesday, August 5, 2025, 23:45 (IST)", "2025-08-06T00:15:00+06:00", "updated"),
        # Anandabazar style: Bengali month, Latin digits
        ("শেষ আপডেট: ১২ সেপ্টেম্বর ২০২৪ ০৯:১৫", "2024-09-12T09:15:00+06:00", "updated"),
        ("প্রকাশিত: 12 সেপ্ট 2024, 10:30 AM (IST)", "2024-09-12T11:00:00+06:00", "published"),
        ("Published: 12 Sept 2024 10:30 am +05:30", "2024-09-12T11:00:00+06:00", "published"),
        ("Published: 12 Sept 2024 10:30 am +0530", "2024-09-12T11:00:00+06:00", "published"),
        # BBC Bangla style (GMT/UTC)
        ("আপডেট: ৫ আগস্ট ২০২৪, ০৯:৩০ GMT", "2024-08-05T15:30:00+06:00", "updated"),
        ("Updated 5 August 2024, 09:30 UTC", "2024-08-05T15:30:00+06:00", "updated"),
        ("প্রকাশ: ৫ আগস্ট ২০২৪, ০৯:৩০ GMT+1", "2024-08-05T14:30:00+06:00", "published"),
        # Bangladeshi page: BST is Bangladesh Standard Time
        ("প্রকাশ: ১৩ জুলাই ২০২৫, ০১:১৮ পিএম BST", "2025-07-13T13:18:00+06:00", "published"),
        ("প্রকাশিত: ১০:৩০ AM IST, বুধবার, ৩ সেপ্টেম্বর ২০২৫", "2025-09-03T11:00:00+06:00", "published"),
    ],
)
def test_other_outlets_date_lines(line: str, iso: str, label: str) -> None:
    found = find_dates(unicodedata.normalize("NFC", line))
    assert [(f.iso(), f.label) for f in found] == [(iso, label)]


def test_time_zone_is_part_of_the_match_and_value_is_dhaka() -> None:
    line = "Published: Monday, July 20, 2026, 0:28 [IST] | Kolkata"
    (found,) = find_dates(line)
    assert line[found.start : found.end] == "Published: Monday, July 20, 2026, 0:28 [IST]"
    assert found.value.tzinfo == DHAKA
    assert found.value == datetime(2026, 7, 19, 18, 58, tzinfo=UTC)


def test_time_zone_word_without_time_is_ignored() -> None:
    (found,) = find_dates("Published: 12 Sept 2024 IST")
    assert found.iso() == "2024-09-12"


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2024-08-12T10:30:00+05:30", "2024-08-12T11:00:00+06:00"),
        ("2024-08-12T05:00:00Z", "2024-08-12T11:00:00+06:00"),
        ("Mon, 12 Aug 2024 05:00:00 GMT", "2024-08-12T11:00:00+06:00"),
        ("2024-08-12T11:00:00+06:00", "2024-08-12T11:00:00+06:00"),
        ("2024-08-12", "2024-08-12"),
    ],
)
def test_parse_datetime_to_dhaka(text: str, iso: str) -> None:
    assert parse_datetime(text, to_dhaka=True) == iso


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("12 Aug 2024, 10:30 AM IST", "2024-08-12T11:00:00+06:00"),
        ("Monday, July 20, 2026, 0:28 [IST]", "2026-07-20T00:58:00+06:00"),
        ("12 Aug 2024, 10:30 BST", "2024-08-12T10:30:00+06:00"),
    ],
)
def test_parse_datetime_south_asian_zone_words(text: str, iso: str) -> None:
    assert parse_datetime(text) == iso


# --- zones before the time, Bengali zone words, spoken times --------------------------------------


@pytest.mark.parametrize(
    ("line", "iso", "matched"),
    [
        # zone written before the time
        (
            "Last Updated: Jan 09, 2026, IST 03:52 PM",
            "2026-01-09T16:22:00+06:00",
            "Last Updated: Jan 09, 2026, IST 03:52 PM",
        ),
        ("09 Jan 2026 IST 15:52", "2026-01-09T16:22:00+06:00", "09 Jan 2026 IST 15:52"),
        ("IST 03:52 PM, Jan 09, 2026", "2026-01-09T16:22:00+06:00", "IST 03:52 PM, Jan 09, 2026"),
        ("(IST) 10:30 AM, 12 Aug 2024", "2024-08-12T11:00:00+06:00", "(IST) 10:30 AM, 12 Aug 2024"),
        # Bengali zone words, after or before the time
        (
            "০৯ জানুয়ারি ২০২৬, ০৩:৫২ পিএম (আইএসটি)",
            "2026-01-09T16:22:00+06:00",
            "০৯ জানুয়ারি ২০২৬, ০৩:৫২ পিএম (আইএসটি)",
        ),
        (
            "০৯ জানুয়ারি ২০২৬, ০৩:৫২ পিএম ভারতীয় সময়",
            "2026-01-09T16:22:00+06:00",
            "০৯ জানুয়ারি ২০২৬, ০৩:৫২ পিএম ভারতীয় সময়",
        ),
        (
            "০৯ জানুয়ারি ২০২৬ ভারতীয় সময় অনুযায়ী ০৩:৫২ পিএম",
            "2026-01-09T16:22:00+06:00",
            "০৯ জানুয়ারি ২০২৬ ভারতীয় সময় অনুযায়ী ০৩:৫২ পিএম",
        ),
        (
            "০৯ জানুয়ারি ২০২৬, বাংলাদেশ সময় ১৫:৫২ | ঢাকা",
            "2026-01-09T15:52:00+06:00",
            "০৯ জানুয়ারি ২০২৬, বাংলাদেশ সময় ১৫:৫২",
        ),
        (
            "বাংলাদেশ সময়: ০৩:৫২ পিএম, ০৯ জানুয়ারি ২০২৬",
            "2026-01-09T15:52:00+06:00",
            "বাংলাদেশ সময়: ০৩:৫২ পিএম, ০৯ জানুয়ারি ২০২৬",
        ),
        ("৫ আগস্ট ২০২৪, ০৯:৩০ জিএমটি", "2024-08-05T15:30:00+06:00", "৫ আগস্ট ২০২৪, ০৯:৩০ জিএমটি"),
        # spoken clock times with Bengali digits
        (
            "০৯ জানুয়ারি ২০২৬, ভারতীয় সময় বিকেল ৩টা ৫২ মিনিটে",
            "2026-01-09T16:22:00+06:00",
            "০৯ জানুয়ারি ২০২৬, ভারতীয় সময় বিকেল ৩টা ৫২ মিনিটে",
        ),
        ("১২ আগস্ট ২০২৪, সকাল ১০টায়", "2024-08-12T10:00:00+06:00", "১২ আগস্ট ২০২৪, সকাল ১০টায়"),
        ("১২ আগস্ট ২০২৪, রাত ৯টা ৫ মিনিট", "2024-08-12T21:05:00+06:00", "১২ আগস্ট ২০২৪, রাত ৯টা ৫ মিনিট"),
    ],
)
def test_zone_words_before_or_after_the_time(line: str, iso: str, matched: str) -> None:
    line = unicodedata.normalize("NFC", line)
    found = _one(line)
    assert found.iso() == iso
    assert line[found.start : found.end] == unicodedata.normalize("NFC", matched)


@pytest.mark.parametrize(
    "line",
    ["১২ আগস্ট ২০২৪, ১০টা", "১২ আগস্ট ২০২৪ ১০ টাকা", "১২ আগস্ট ২০২৪, ৫টি দোকান", "১২ আগস্ট ২০২৪ স্থানীয় সময়"],
)
def test_counts_and_local_time_are_not_clock_times(line: str) -> None:
    assert _one(line).iso() == "2024-08-12"


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Jan 09, 2026, IST 03:52 PM", "2026-01-09T16:22:00+06:00"),
        ("০৯ জানুয়ারি ২০২৬, ০৩:৫২ পিএম (আইএসটি)", "2026-01-09T16:22:00+06:00"),
        ("09 January 2026 03:52 PM ভারতীয় সময়", "2026-01-09T16:22:00+06:00"),
        ("Sun, 13 Jul 2025 13:18:00 GMT", "2025-07-13T19:18:00+06:00"),
    ],
)
def test_parse_datetime_zone_words_to_dhaka(text: str, iso: str) -> None:
    assert parse_datetime(text, to_dhaka=True) == iso


# --- relative dates -------------------------------------------------------------------------------

_REF = "2025-12-15T10:00:00+06:00"


@pytest.mark.parametrize(
    ("line", "with_time", "date_only", "label"),
    [
        ("২ ঘণ্টা আগে", "2025-12-15T08:00:00+06:00", None, None),
        ("৩ ঘন্টা পূর্বে", "2025-12-15T07:00:00+06:00", None, None),
        ("প্রকাশ: ৫ মিনিট আগে", "2025-12-15T09:55:00+06:00", None, "published"),
        ("এক ঘণ্টা আগে", "2025-12-15T09:00:00+06:00", None, None),
        ("3 hours ago", "2025-12-15T07:00:00+06:00", None, None),
        ("Updated: an hour ago", "2025-12-15T09:00:00+06:00", None, "updated"),
        ("গতকাল", "2025-12-14", "2025-12-14", None),
        ("Yesterday", "2025-12-14", "2025-12-14", None),
        ("৩ দিন আগে", "2025-12-12", "2025-12-12", None),
        (
            "আপডেট: গতকাল রাত ১০:৩০",
            "2025-12-14T22:30:00+06:00",
            "2025-12-14T22:30:00+06:00",
            "updated",
        ),
        ("Yesterday 10:30 PM IST", "2025-12-14T23:00:00+06:00", "2025-12-14T23:00:00+06:00", None),
        ("২ সপ্তাহ আগে", None, None, None),
        ("3 months ago", None, None, None),
    ],
)
def test_relative_dates_resolve_against_the_reference(
    line: str, with_time: str | None, date_only: str | None, label: str | None
) -> None:
    line = unicodedata.normalize("NFC", line)
    (rel,) = find_relative_dates(line)
    assert line[rel.start : rel.end] == line
    assert rel.label == label
    timed = rel.resolve(_REF)
    assert (timed.iso() if timed else None) == with_time
    by_date = rel.resolve(date(2025, 12, 15))
    assert (by_date.iso() if by_date else None) == date_only
    assert rel.resolve(None) is None
    assert parse_datetime(line) is None  # no reference: never today's date
    assert parse_datetime(line, reference=_REF) == with_time


def test_relative_reference_in_another_zone_and_naive() -> None:
    (rel,) = find_relative_dates("২ ঘণ্টা আগে")
    assert rel.resolve("2025-12-15T09:30:00+05:30").iso() == "2025-12-15T08:00:00+06:00"
    assert rel.resolve(datetime(2025, 12, 15, 10, 0)).iso() == "2025-12-15T08:00:00+06:00"
    assert rel.resolve("not a date") is None


@pytest.mark.parametrize(
    "line", ["আজকের পত্রিকা", "১০ দিন আগেও", "গতকালও", "দুই ঘণ্টা ধরে", "৩ ঘণ্টার মধ্যে", "hours ago"]
)
def test_no_false_relative_dates(line: str) -> None:
    assert find_relative_dates(unicodedata.normalize("NFC", line)) == []


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_find_relative_dates_never_raises(line: str) -> None:
    for rel in find_relative_dates(line):
        assert 0 <= rel.start < rel.end <= len(line)
        rel.resolve(_REF)


def test_a_year_written_first_is_always_year_month_day() -> None:
    """Scraped datasets write 2024/08/12; day-first parsing must not turn it into 8 December."""
    assert parse_datetime("2024/08/12") == "2024-08-12"
    assert parse_datetime("2024.08.12") == "2024-08-12"
    assert parse_datetime("2024/08/12 10:30") == "2024-08-12T10:30:00+06:00"
    assert parse_datetime("12/08/2024") == "2024-08-12"  # day first otherwise
