"""Find, parse and format dates in Bengali news text (Gregorian and Bengali calendar).

``find_dates`` scans one line for dates such as ``প্রকাশ: ১৩ জুলাই ২০২৫, ০১:১৮ পিএম`` or
``১ পৌষ ১৪৩২``; ``find_relative_dates`` finds ``২ ঘণ্টা আগে`` / ``Yesterday`` and resolves them
only against a reference time the page itself gives; ``parse_datetime`` turns a dataset or HTML
meta value into ISO 8601;
``bengali_to_gregorian`` inverts ``bangla.get_date``; ``format_dual`` renders a datetime with
both calendars. Offsets are code points of the string passed in: precomposed and decomposed
spellings (য় U+09DF vs য + nukta, ো as ে + া ...) are matched by the patterns themselves, so the
line is never re-normalised behind the caller's back.
"""

from __future__ import annotations

import email.utils
import unicodedata
import warnings
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo

import bangla
import regex

from annotator.newsroom import (
    DATE_LABELS,
    PUBLISHED,
    UPDATED,
    WEEKDAY_NAMES,
    WEEKDAY_SHORT,
)

__all__ = [
    "DHAKA",
    "PUBLISHED",
    "UPDATED",
    "FoundDate",
    "bengali_to_gregorian",
    "RelativeDate",
    "find_dates",
    "find_relative_dates",
    "format_dual",
    "parse_datetime",
]

DHAKA = ZoneInfo("Asia/Dhaka")

GREGORIAN = "gregorian"
BENGALI = "bengali"

# Accepted year ranges for dates found in running text (guards against counts like "১৫ মে ১০০০").
_GREG_YEARS = range(1700, 2200)
_BN_YEARS = range(1100, 1600)

_BN_DIGITS = "০১২৩৪৫৬৭৮৯"
_TO_LATIN = str.maketrans(_BN_DIGITS, "0123456789")
_TO_BENGALI = str.maketrans("0123456789", _BN_DIGITS)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# --- vocabulary ---------------------------------------------------------------------------------

_BN_GREG_MONTHS = [
    "জানুয়ারি",
    "ফেব্রুয়ারি",
    "মার্চ",
    "এপ্রিল",
    "মে",
    "জুন",
    "জুলাই",
    "আগস্ট",
    "সেপ্টেম্বর",
    "অক্টোবর",
    "নভেম্বর",
    "ডিসেম্বর",
]
_GREG_MONTH_WORDS: dict[int, list[str]] = {
    1: ["জানুয়ারি", "জানুয়ারী", "জানুআরি", "জানু", "january", "jan"],
    2: ["ফেব্রুয়ারি", "ফেব্রুয়ারী", "ফেব্রুআরি", "ফেব্রু", "february", "feb"],
    3: ["মার্চ", "march", "mar"],
    4: ["এপ্রিল", "april", "apr"],
    5: ["মে", "may"],
    6: ["জুন", "june", "jun"],
    7: ["জুলাই", "july", "jul"],
    8: ["আগস্ট", "আগষ্ট", "অগাস্ট", "অগস্ট", "august", "aug"],
    9: ["সেপ্টেম্বর", "সেপ্টেমবর", "সেপ্টে", "সেপ্ট", "september", "sept", "sep"],
    10: ["অক্টোবর", "অক্টোবার", "অক্টো", "october", "oct"],
    11: ["নভেম্বর", "নভেম্বার", "নভে", "november", "nov"],
    12: ["ডিসেম্বর", "ডিসেম্বার", "ডিসে", "december", "dec"],
}
# Canonical names are exactly the strings bangla.get_date returns (NFC-normalised).
_BN_MONTHS = [_nfc(m) for m in bangla.greg_equivalent_bangla_months]
_BN_MONTH_VARIANTS: dict[str, list[str]] = {
    "বৈশাখ": ["বোশেখ", "বৈশাক"],
    "জ্যৈষ্ঠ": ["জৈষ্ঠ", "জৈষ্ঠ্য", "জ্যেষ্ঠ", "জ্যৈষ্ঠ্য", "জষ্টি"],
    "আষাঢ়": ["আষাড়", "আষাঢ"],
    "শ্রাবণ": ["শ্রাবন", "শাওন"],
    "ভাদ্র": ["ভাদ্দর", "ভাদর"],
    "আশ্বিন": ["আশ্বীন"],
    "কার্তিক": ["কার্ত্তিক", "কাতিক"],
    "অগ্রহায়ণ": ["অগ্রহায়ন", "অঘ্রাণ", "অঘ্রান", "অগ্রাহায়ণ"],
    "পৌষ": ["পোষ"],
    "মাঘ": [],
    "ফাল্গুন": ["ফাগুন", "ফালগুন"],
    "চৈত্র": ["চোত"],
}

_MONTH_LOOKUP: dict[str, tuple[str, int | str]] = {}
for _num, _words in _GREG_MONTH_WORDS.items():
    for _w in _words:
        _MONTH_LOOKUP[_nfc(_w)] = (GREGORIAN, _num)
for _canon, _variants in _BN_MONTH_VARIANTS.items():
    for _w in [_canon, *_variants]:
        _MONTH_LOOKUP[_nfc(_w)] = (BENGALI, _nfc(_canon))
if set(_BN_MONTHS) - {v for k, v in _MONTH_LOOKUP.values() if k == BENGALI}:  # pragma: no cover
    raise RuntimeError("bangla month names changed")

_WEEKDAYS = [*WEEKDAY_NAMES, *WEEKDAY_SHORT]
_LABELS = DATE_LABELS

# Day-part words; the value says how to read a 12-hour clock hour.
_AM, _PM, _NOON, _NIGHT = "am", "pm", "noon", "night"
_MERIDIEM: dict[str, str] = {
    "এএম": _AM,
    "পূর্বাহ্ন": _AM,
    "পূর্বাহ্ণ": _AM,
    "সকাল": _AM,
    "ভোর": _AM,
    "পিএম": _PM,
    "অপরাহ্ন": _PM,
    "অপরাহ্ণ": _PM,
    "বিকাল": _PM,
    "বিকেল": _PM,
    "সন্ধ্যা": _PM,
    "দুপুর": _NOON,
    "রাত": _NIGHT,
}
_LATIN_MERIDIEM = r"(?P<@>[ap])\.?m\.?(?![a-z])"

# Time-zone words before or after a clock time. On Bengali pages BST is Bangladesh Standard Time
# (+06:00), IST India Standard Time (+05:30). "স্থানীয় সময়" (local time) names no zone: ignored.
_IST, _BDT, _UTC = timedelta(hours=5, minutes=30), timedelta(hours=6), timedelta(0)
_ZONES: dict[str, timedelta] = {
    "ist": _IST,
    "bst": _BDT,
    "bdt": _BDT,
    "gmt": _UTC,
    "utc": _UTC,
    "z": _UTC,
    "india standard time": _IST,
    "indian standard time": _IST,
    "bangladesh standard time": _BDT,
    "bangladesh time": _BDT,
    "আইএসটি": _IST,
    "বিএসটি": _BDT,
    "জিএমটি": _UTC,
    "ইউটিসি": _UTC,
    "ভারতীয় সময়": _IST,
    "ভারতের সময়": _IST,
    "ভারতীয় প্রমাণ সময়": _IST,
    "বাংলাদেশ সময়": _BDT,
    "বাংলাদেশের সময়": _BDT,
    "বাংলাদেশ মান সময়": _BDT,
    "ঢাকার সময়": _BDT,
    "ঢাকা সময়": _BDT,
    "গ্রিনিচ মান সময়": _UTC,
    "গ্রিনিচ সময়": _UTC,
}

_ERAS_GREG = ["খ্রিস্টাব্দ", "খ্রিষ্টাব্দ", "খ্রীস্টাব্দ", "ইং", "ইংরেজি", "সাল"]
_ERAS_BN = ["বঙ্গাব্দ", "বাংলা সন", "সন", "সাল"]


# --- pattern building ---------------------------------------------------------------------------


def _composites() -> dict[str, str]:
    """Map a decomposed Bengali sequence to its precomposed character (U+09DF য় -> য + ়)."""
    out: dict[str, str] = {}
    for cp in range(0x0980, 0x0A00):
        ch = chr(cp)
        if unicodedata.decomposition(ch):
            out[unicodedata.normalize("NFD", ch)] = ch
    return out


_COMPOSITES = _composites()


def _word_pattern(word: str) -> str:
    """Regex for ``word`` accepting precomposed and decomposed spellings of each letter."""
    text = unicodedata.normalize("NFD", word)
    parts: list[str] = []
    i = 0
    while i < len(text):
        for size in (2, 1):
            chunk = text[i : i + size]
            if len(chunk) == size and chunk in _COMPOSITES:
                pre = regex.escape(_COMPOSITES[chunk])
                parts.append(f"(?:{regex.escape(chunk)}|{pre})")
                i += size
                break
        else:
            parts.append(r"\s+" if text[i] == " " else regex.escape(text[i]))
            i += 1
    return "".join(parts)


def _alternation(words: list[str]) -> str:
    unique = sorted({_nfc(w) for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(_word_pattern(w) for w in unique) + ")"


def _key(text: str) -> str:
    """Lookup key for a matched word: NFC, lower case, single spaces, no trailing dot."""
    return " ".join(_nfc(text).lower().rstrip(".").split())


_NOT_LETTER = r"(?![\p{L}\p{M}])"
_DIG = "[০-৯0-9]"
_DAY = rf"(?<!{_DIG})(?P<@>{_DIG}{{1,2}})(?!{_DIG})(?:st|nd|rd|th|লা|রা|ঠা|ই|শে)?"
_YEAR = rf"(?<!{_DIG})(?P<@>{_DIG}{{4}})(?!{_DIG})"
_MONTH = rf"(?P<@>{_alternation(list(_MONTH_LOOKUP))})\.?{_NOT_LETTER}"
_ERA = rf"(?:[\s,]*{_alternation(_ERAS_GREG + _ERAS_BN)}\.?{_NOT_LETTER})?"
_SEP = r"[\s,./\-]{0,3}"


def _g(template: str, name: str) -> str:
    return template.replace("@", name)


_CORE = regex.compile(
    "|".join(
        [
            # 13 জুলাই 2025, ১ পৌষ, ১৪৩২ বঙ্গাব্দ, 13th Jul. 2025
            rf"{_g(_DAY, 'a_d')}{_SEP}{_g(_MONTH, 'a_m')}{_SEP}{_g(_YEAR, 'a_y')}{_ERA}",
            # July 13, 2025
            rf"{_g(_MONTH, 'b_m')}[\s.]{{0,2}}{_g(_DAY, 'b_d')}[\s,]{{1,3}}"
            rf"{_g(_YEAR, 'b_y')}{_ERA}",
            # ২০২৪ সালের ৫ আগস্ট
            rf"{_g(_YEAR, 'c_y')}\s*{_alternation(['সালের', 'সালে', 'সনের'])}\s*"
            rf"{_g(_DAY, 'c_d')}{_SEP}{_g(_MONTH, 'c_m')}",
            # 13/07/2025, ১৩-০৭-২০২৫, 13.07.2025
            rf"(?<![\d০-৯./\-]){_g(_DAY, 'd_d')}(?P<d_s>[/.\-]){_g(_DAY, 'd_m')}(?P=d_s)"
            rf"{_g(_YEAR, 'd_y')}(?![./\-]?{_DIG})",
            # 2025-07-13, 2025/07/13
            rf"(?<![\d০-৯./\-]){_g(_YEAR, 'e_y')}(?P<e_s>[/.\-]){_g(_DAY, 'e_m')}(?P=e_s)"
            rf"{_g(_DAY, 'e_d')}(?![./\-]?{_DIG})",
        ]
    ),
    regex.IGNORECASE,
)

_ZONE_LOOKUP = {_key(word): offset for word, offset in _ZONES.items()}
_ZONE_WORDS = _alternation([w for w in _ZONES if w != "z"])
_ZONE_TAIL = rf"(?:\s*{_word_pattern('অনুযায়ী')})?(?![\p{{L}}\p{{M}}])"
# After the time: "03:52 PM IST", "(আইএসটি)", "ভারতীয় সময়", "GMT+1", "+05:30", "Z".
_ZONE = (
    rf"(?:\s*[\[(]?\s*(?:(?P<tzw>{_ZONE_WORDS}){_ZONE_TAIL}"
    rf"(?:\s*(?P<tzws>[+\-−])\s*(?P<tzwh>\d{{1,2}})(?::?(?P<tzwm>\d{{2}}))?(?!\d))?"
    r"|(?P<tzs>[+\-−])(?P<tzh>\d{2}):?(?P<tzm>\d{2})(?!\d)|(?P<tzz>z)(?![a-z]))\s*[\])]?)?"
)
# Before the time: "IST 03:52 PM", "বাংলাদেশ সময়: ১৫:৫২", "(IST) 10:30".
_ZONE_BEFORE = rf"(?:(?P<zb>[\[(]?)\s*(?P<tzb>{_ZONE_WORDS}){_ZONE_TAIL}\s*[\])]?\s*[:ঃ,]?\s*)?"

_MER_WORD = _alternation(list(_MERIDIEM))
# "03:52", "১০:৩১:১৮", or the spoken form "বিকেল ৩টা ৫২ মিনিটে" (needs a day-part word or
# minutes: "১০টা" alone is a count).
_TIME = (
    rf"{_ZONE_BEFORE}"
    rf"(?:(?P<pre>{_MER_WORD})(?:ে|ের)?\s*)?"
    rf"(?:(?<!{_DIG})(?P<h>{_DIG}{{1,2}})\s?[:ঃ]\s?(?P<mi>{_DIG}{{2}})"
    rf"(?:[:ঃ](?P<s>{_DIG}{{2}}))?(?!{_DIG})"
    rf"|(?<!{_DIG})(?P<h2>{_DIG}{{1,2}})\s*{_alternation(['টা', 'টায়', 'টার'])}"
    rf"(?:\s*(?P<mi2>{_DIG}{{1,2}})\s*{_alternation(['মিনিট', 'মিনিটে'])})?"
    r"(?![\p{L}\p{M}]))"
    rf"(?:\s*(?:(?P<post>{_MER_WORD})|{_g(_LATIN_MERIDIEM, 'lat')}))?"
)
_TIME_ZONE = _TIME + _ZONE
_WEEKDAY = rf"{_alternation(_WEEKDAYS)}\.?{_NOT_LETTER}"
_GAP = r"[\s,|\-–—]*"
_AFTER = regex.compile(
    rf"(?:{_GAP}{_WEEKDAY})?(?:{_GAP}|[Tt]|{_GAP}(?:at|সময়)\s*){_TIME_ZONE}", regex.IGNORECASE
)
_LABEL = (
    rf"(?<![\p{{L}}\p{{M}}])(?P<label>{_alternation(list(_LABELS))}){_NOT_LETTER}"
    r"[\s:ঃ：\-–,|]*"
)
_BEFORE = regex.compile(
    rf"(?:{_LABEL})?(?:{_TIME_ZONE}{_GAP})?(?:{_WEEKDAY}{_GAP})?\Z", regex.IGNORECASE
)
_BEFORE_WINDOW = 80


# --- find_dates ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class FoundDate:
    """One date found in a line; ``start``/``end`` are code-point offsets of the whole match."""

    start: int
    end: int
    value: datetime
    has_time: bool
    calendar: str
    label: str | None

    def iso(self) -> str:
        """ISO 8601: date and time with offset when a time was given, else the date alone."""
        if self.has_time:
            return self.value.isoformat(timespec="seconds")
        return self.value.date().isoformat()


def _int(text: str) -> int:
    return int(text.translate(_TO_LATIN))


def _core_date(m: regex.Match[str]) -> tuple[date, str] | None:
    """The date a core match denotes, with its calendar, or None when it is not a real date."""
    for p in "abc":
        if m.group(f"{p}_m") is not None:
            cal, month = _MONTH_LOOKUP[_key(m.group(f"{p}_m"))]
            day, year = _int(m.group(f"{p}_d")), _int(m.group(f"{p}_y"))
            if cal == BENGALI:
                if year not in _BN_YEARS:
                    return None
                return bengali_to_gregorian(day, str(month), year), BENGALI
            if year not in _GREG_YEARS:
                return None
            return date(year, int(month), day), GREGORIAN
    if m.group("d_y") is not None:
        year, first, second = _int(m.group("d_y")), _int(m.group("d_d")), _int(m.group("d_m"))
        day, month = (second, first) if second > 12 >= first else (first, second)
    else:
        year, month, day = _int(m.group("e_y")), _int(m.group("e_m")), _int(m.group("e_d"))
    if year not in _GREG_YEARS:
        return None
    return date(year, month, day), GREGORIAN


def _clock(m: regex.Match[str]) -> tuple[int, int, int] | None:
    """(hour, minute, second) from a time match, applying AM/PM words; None if impossible."""
    if m.group("h") is not None:
        hour, minute = _int(m.group("h")), _int(m.group("mi"))
        second = _int(m.group("s")) if m.group("s") else 0
    elif m.group("h2") is not None and (m.group("pre") or m.group("mi2")):
        hour, minute, second = _int(m.group("h2")), _int(m.group("mi2") or "0"), 0
    else:
        return None
    kind = None
    if m.group("lat"):
        kind = _AM if m.group("lat").lower() == "a" else _PM
    elif m.group("post"):
        kind = _MERIDIEM.get(_key(m.group("post")))
    elif m.group("pre"):
        kind = _MERIDIEM.get(_key(m.group("pre")))
    if 1 <= hour <= 12 and kind is not None:
        if kind == _AM:
            hour = 0 if hour == 12 else hour
        elif kind == _PM or (kind == _NOON and hour <= 6):
            hour = 12 if hour == 12 else hour + 12
        elif kind == _NIGHT:
            hour = 0 if hour == 12 else hour if hour < 5 else hour + 12
    if hour > 23 or minute > 59 or second > 59:
        return None
    return hour, minute, second


def _zone(m: regex.Match[str]) -> timezone | None:
    """The UTC offset a time match names (IST, BST, GMT, +05:30, আইএসটি ...), or None.

    A zone after the time wins over one written before it.
    """
    if m.group("tzw"):
        offset = _ZONE_LOOKUP[_key(m.group("tzw"))]
        if m.group("tzws"):
            extra = timedelta(hours=int(m.group("tzwh")), minutes=int(m.group("tzwm") or 0))
            offset += -extra if m.group("tzws") in "-−" else extra
    elif m.group("tzs"):
        offset = timedelta(hours=int(m.group("tzh")), minutes=int(m.group("tzm")))
        offset = -offset if m.group("tzs") in "-−" else offset
    elif m.group("tzz"):
        offset = timedelta(0)
    elif m.group("tzb"):
        offset = _ZONE_LOOKUP[_key(m.group("tzb"))]
    else:
        return None
    if abs(offset) >= timedelta(hours=15):
        return None
    return timezone(offset)


def find_dates(line: str) -> list[FoundDate]:
    """All dates found in one line of text, left to right."""
    found: list[FoundDate] = []
    consumed = 0
    for core in _CORE.finditer(line):
        if core.start() < consumed:
            continue
        try:
            parsed = _core_date(core)
        except (ValueError, KeyError, OverflowError):
            parsed = None
        if parsed is None:
            continue
        day, calendar = parsed
        start, end = core.start(), core.end()
        clock = None
        zone = None
        after = _AFTER.match(line, end)
        if after is not None:
            clock = _clock(after)
            if clock is not None:
                end = after.end()
                zone = _zone(after)
        window_start = max(consumed, start - _BEFORE_WINDOW)
        before = _BEFORE.search(line, window_start, start)
        label = None
        if before is not None and before.start() < start:
            used_before_time = clock is None and (before.group("h") or before.group("h2"))
            if used_before_time:
                clock = _clock(before)
                zone = _zone(before) if clock is not None else None
            if before.group("label"):
                label = _LABELS.get(_key(before.group("label")))
                start = before.start("label")
            elif used_before_time and clock is not None:
                start = _time_start(before)
            else:
                start = _weekday_start(line, before, start)
        h, mi, s = clock or (0, 0, 0)
        value = datetime(day.year, day.month, day.day, h, mi, s, tzinfo=zone or DHAKA)
        if zone is not None:
            value = value.astimezone(DHAKA)
        found.append(FoundDate(start, end, value, clock is not None, calendar, label))
        consumed = end
    return found


def _time_start(m: regex.Match[str]) -> int:
    """Start of a time match: its zone word, day-part word or hour, whichever comes first."""
    for group in ("zb", "tzb", "pre", "h", "h2"):
        if m.group(group):
            return m.start(group)
    return m.start()  # pragma: no cover - a time match has an hour


_WEEKDAY_ONLY = regex.compile(rf"{_WEEKDAY}{_GAP}\Z", regex.IGNORECASE)


def _weekday_start(line: str, before: regex.Match[str], start: int) -> int:
    """Start of a weekday name directly before the date (or the date itself)."""
    m = _WEEKDAY_ONLY.search(line, before.start(), start)
    return m.start() if m else start


# --- relative dates -----------------------------------------------------------------------------

_SECOND, _MINUTE, _HOUR, _DAY_UNIT, _WEEK, _MONTH_UNIT, _YEAR_UNIT = (
    "second",
    "minute",
    "hour",
    "day",
    "week",
    "month",
    "year",
)
_REL_UNITS: dict[str, str] = {
    "সেকেন্ড": _SECOND,
    "মিনিট": _MINUTE,
    "ঘণ্টা": _HOUR,
    "ঘন্টা": _HOUR,
    "দিন": _DAY_UNIT,
    "সপ্তাহ": _WEEK,
    "মাস": _MONTH_UNIT,
    "বছর": _YEAR_UNIT,
    "sec": _SECOND,
    "secs": _SECOND,
    "second": _SECOND,
    "seconds": _SECOND,
    "min": _MINUTE,
    "mins": _MINUTE,
    "minute": _MINUTE,
    "minutes": _MINUTE,
    "hr": _HOUR,
    "hrs": _HOUR,
    "hour": _HOUR,
    "hours": _HOUR,
    "day": _DAY_UNIT,
    "days": _DAY_UNIT,
    "week": _WEEK,
    "weeks": _WEEK,
    "month": _MONTH_UNIT,
    "months": _MONTH_UNIT,
    "year": _YEAR_UNIT,
    "years": _YEAR_UNIT,
}
_REL_NUMBERS: dict[str, int] = {
    "এক": 1,
    "দুই": 2,
    "দু": 2,
    "তিন": 3,
    "চার": 4,
    "পাঁচ": 5,
    "ছয়": 6,
    "সাত": 7,
    "আট": 8,
    "নয়": 9,
    "দশ": 10,
    "a": 1,
    "an": 1,
    "one": 1,
}
# Day words: how many days back; a clock time may follow ("গতকাল ১০:৩০ পিএম").
_REL_DAYS: dict[str, int] = {"গতকাল": 1, "আজ": 0, "yesterday": 1, "today": 0}
_REL_LOOKUP = {_key(k): v for k, v in _REL_UNITS.items()}
_REL_NUMBER_LOOKUP = {_key(k): v for k, v in _REL_NUMBERS.items()}
_REL_DAY_LOOKUP = {_key(k): v for k, v in _REL_DAYS.items()}
_REL_AMOUNT = (
    rf"(?<![\p{{L}}\p{{M}}\p{{N}}])(?P<n>{_DIG}{{1,3}}|{_alternation(list(_REL_NUMBERS))})"
)
_RELATIVE = regex.compile(
    rf"(?:{_LABEL})?(?:"
    rf"{_REL_AMOUNT}\s*(?P<unit>{_alternation(list(_REL_UNITS))}){_NOT_LETTER}\s*"
    rf"(?:{_alternation(['আগে', 'পূর্বে', 'ago'])}){_NOT_LETTER}"
    rf"|(?<![\p{{L}}\p{{M}}])(?P<day>{_alternation(list(_REL_DAYS))}){_NOT_LETTER}"
    rf"(?:(?:{_GAP}{_WEEKDAY})?(?:{_GAP}(?:at|সময়)?\s*){_TIME_ZONE})?)",
    regex.IGNORECASE,
)


@dataclass(frozen=True)
class RelativeDate:
    """A relative time found in a line ("২ ঘণ্টা আগে", "গতকাল", "3 hours ago"), unresolved.

    ``amount`` units (second/minute/hour/day/week/month/year) before the reference time;
    ``clock``/``zone`` hold a time given with a day word ("গতকাল ১০:৩০ পিএম").
    """

    start: int
    end: int
    amount: int
    unit: str
    label: str | None
    clock: tuple[int, int, int] | None = None
    zone: timezone | None = None

    def resolve(self, reference: datetime | date | str | None) -> FoundDate | None:
        """The date this denotes, counted back from ``reference`` (the page's own scrape date).

        Never invents a date: returns None without a reference; seconds, minutes and hours
        need a reference with a time (a date alone cannot tell "3 hours ago" from
        yesterday); weeks, months and years are too vague ("2 weeks ago" is a rounded
        span) and always give None. Days give a date, with a time only when one was written.
        Results are as precise as the page's wording (a site's "২ ঘণ্টা আগে" is rounded).
        """
        ref = _reference(reference)
        if ref is None:
            return None
        value, ref_has_time = ref
        if self.unit in (_SECOND, _MINUTE, _HOUR):
            if not ref_has_time:
                return None
            delta = timedelta(**{f"{self.unit}s": self.amount})
            return FoundDate(self.start, self.end, value - delta, True, GREGORIAN, self.label)
        if self.unit != _DAY_UNIT:
            return None
        day = value.date() - timedelta(days=self.amount)
        if self.clock is None:
            midnight = datetime(day.year, day.month, day.day, tzinfo=DHAKA)
            return FoundDate(self.start, self.end, midnight, False, GREGORIAN, self.label)
        h, mi, sec = self.clock
        timed = datetime(day.year, day.month, day.day, h, mi, sec, tzinfo=self.zone or DHAKA)
        return FoundDate(self.start, self.end, timed.astimezone(DHAKA), True, GREGORIAN, self.label)


def _reference(reference: datetime | date | str | None) -> tuple[datetime, bool] | None:
    """A reference time as (aware Dhaka datetime, has_time); ISO strings are parsed."""
    if isinstance(reference, str):
        iso = parse_datetime(reference, to_dhaka=True)
        if iso is None:
            return None
        reference = datetime.fromisoformat(iso) if "T" in iso else date.fromisoformat(iso)
    if isinstance(reference, datetime):
        if reference.tzinfo is None:
            return reference.replace(tzinfo=DHAKA), True
        return reference.astimezone(DHAKA), True
    if isinstance(reference, date):
        return datetime(reference.year, reference.month, reference.day, tzinfo=DHAKA), False
    return None


def find_relative_dates(line: str) -> list[RelativeDate]:
    """Relative times in one line, left to right ("প্রকাশ: ২ ঘণ্টা আগে", "Yesterday 10:30 PM").

    Use :meth:`RelativeDate.resolve` with the page's own reference time to get a date.
    """
    found: list[RelativeDate] = []
    for m in _RELATIVE.finditer(line):
        label = _LABELS.get(_key(m.group("label"))) if m.group("label") else None
        start = (
            m.start("label")
            if m.group("label")
            else m.start("n")
            if m.group("n")
            else m.start("day")
        )
        if m.group("day") is not None:
            clock = _clock(m) if m.group("h") or m.group("h2") else None
            end = m.end() if clock is not None else m.end("day")
            zone = _zone(m) if clock is not None else None
            amount = _REL_DAY_LOOKUP[_key(m.group("day"))]
            found.append(RelativeDate(start, end, amount, _DAY_UNIT, label, clock, zone))
            continue
        word = _key(m.group("n"))
        amount = _REL_NUMBER_LOOKUP[word] if word in _REL_NUMBER_LOOKUP else _int(word)
        unit = _REL_LOOKUP[_key(m.group("unit"))]
        found.append(RelativeDate(start, m.end(), amount, unit, label))
    return found


# --- parse_datetime -----------------------------------------------------------------------------

_ISO_DATE = regex.compile(r"\d{4}-?\d{2}-?\d{2}")
_HAS_YEAR = regex.compile(r"(?<!\d)\d{4}(?!\d)")


def _iso(value: datetime, has_time: bool) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=DHAKA)
    return value.isoformat(timespec="seconds") if has_time else value.date().isoformat()


def _parse_iso(text: str) -> str | None:
    if _ISO_DATE.fullmatch(text):
        return date.fromisoformat(text).isoformat()
    value = datetime.fromisoformat(text)
    return _iso(value, True)


# dateutil would drop IST/BST silently (or misread them): such text goes to find_dates first.
_SOUTH_ASIAN_ZONE = regex.compile(
    r"(?<![a-z])(?:ist|bst|bdt)(?![a-z])|"
    + _alternation([w for w in _ZONES if not w.isascii() or " " in w]),
    regex.IGNORECASE,
)
_RFC2822 = regex.compile(r"(?:[a-z]{3},\s*)?\d{1,2}\s+[a-z]{3}\s+\d{2,4}\s+\d{1,2}:\d{2}", regex.I)


def _parse_rfc2822(text: str) -> str | None:
    if not _RFC2822.match(text):
        return None
    return _iso(email.utils.parsedate_to_datetime(text), True)


_YEAR_FIRST = regex.compile(r"\s*\d{4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}(?!\d)")


def _parse_dateutil(text: str) -> str | None:
    """English and numeric forms via dateutil, only when day, month and year are all given."""
    if not _HAS_YEAR.search(text):
        return None
    from dateutil import parser

    # Day first, as South Asian papers write 12/08/2024; but a year written first is always
    # year-month-day (2024/08/12), never year-day-month.
    year_first = bool(_YEAR_FIRST.match(text))
    order = {"dayfirst": not year_first, "yearfirst": year_first}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        one = parser.parse(text, default=datetime(2000, 1, 1, 0, 0, 0), **order)
        two = parser.parse(text, default=datetime(2001, 2, 2, 1, 1, 1), **order)
    if one.date() != two.date():
        return None
    has_time = (one.hour, one.minute) == (two.hour, two.minute)
    if has_time and one.second != two.second:
        one = one.replace(second=0)
    return _iso(one, has_time)


def parse_datetime(
    text: str, to_dhaka: bool = False, reference: datetime | date | str | None = None
) -> str | None:
    """Parse a date/time from a dataset or HTML meta field and return ISO 8601.

    Keeps an explicit offset (or UTC) from the input, else uses Asia/Dhaka; with
    ``to_dhaka=True`` a time with another offset is converted to Asia/Dhaka time (how the
    importers store it). A date alone gives ``YYYY-MM-DD``. Accepts ISO 8601, RFC 2822,
    English and numeric forms, and every Bengali form :func:`find_dates` handles (time-zone
    words such as IST/BST/GMT/আইএসটি/ভারতীয় সময়, before or after the time, and offsets
    are converted to Asia/Dhaka). Relative times ("২ ঘণ্টা আগে", "Yesterday") are resolved
    only against ``reference`` (the page's own scrape/retrieval time, see
    :meth:`RelativeDate.resolve`); without one they give None, never today's date.
    Returns None when nothing parses; never raises.
    """
    try:
        if not isinstance(text, str):
            return None
        raw = _nfc(text).strip()
        if not raw or len(raw) > 2000:
            return None
        latin = raw.translate(_TO_LATIN)
        if _SOUTH_ASIAN_ZONE.search(latin):
            found = find_dates(raw)
            if found and found[0].has_time:
                return found[0].iso()
        for parse in (_parse_iso, _parse_rfc2822, _parse_dateutil):
            try:
                result = parse(latin)
            except Exception:  # each parser has its own failure modes; try the next one
                continue
            if result is not None:
                return _in_dhaka(result) if to_dhaka else result
        found = find_dates(raw)
        if found:
            labelled = [f for f in found if f.label == PUBLISHED]
            return (labelled or found)[0].iso()
        if reference is not None:
            relative = find_relative_dates(raw)
            labelled_rel = [r for r in relative if r.label == PUBLISHED]
            for rel in (labelled_rel or relative)[:1]:
                resolved = rel.resolve(reference)
                return resolved.iso() if resolved else None
    except Exception:  # contract: never raise on arbitrary metadata
        return None
    return None


def _in_dhaka(iso: str) -> str:
    """An ISO 8601 date-time with any offset re-expressed in Asia/Dhaka time."""
    if "T" not in iso:
        return iso
    return datetime.fromisoformat(iso).astimezone(DHAKA).isoformat(timespec="seconds")


# --- Bengali calendar ---------------------------------------------------------------------------


@lru_cache(maxsize=64)
def _bengali_year_table(year: int) -> dict[tuple[int, str], date]:
    """Every day of Bengali year ``year`` as (day, month) -> Gregorian date, via bangla."""
    table: dict[tuple[int, str], date] = {}
    try:
        day = date(year + 593, 4, 1)
        last = date(year + 594, 4, 30)
    except (ValueError, OverflowError) as exc:
        raise ValueError(f"Bengali year out of range: {year}") from exc
    while day <= last:
        bn = bangla.get_date(day.day, day.month, day.year)
        if _int(bn["year"]) == year:
            table[(_int(bn["date"]), _nfc(bn["month"]))] = day
        if day == date.max:
            break
        day += timedelta(days=1)
    return table


def bengali_to_gregorian(day: int, month: str, year: int) -> date:
    """Bengali-calendar (Bangla Academy revised, as in ``bangla.get_date``) date -> Gregorian.

    ``month`` is a Bengali month name (common spelling variants accepted). Raises ValueError
    for an unknown month, an impossible day or a year outside the Gregorian range.
    """
    hit = _MONTH_LOOKUP.get(_key(str(month)))
    if hit is None or hit[0] != BENGALI:
        raise ValueError(f"unknown Bengali month: {month!r}")
    canonical = str(hit[1])
    try:
        return _bengali_year_table(int(year))[(int(day), canonical)]
    except KeyError:
        raise ValueError(f"no such Bengali date: {day} {canonical} {year}") from None


# --- display ------------------------------------------------------------------------------------


def format_dual(value: datetime, bengali_digits: bool = True) -> str:
    """Gregorian date in Bengali, 24-hour time, then the Bengali-calendar date.

    E.g. ``১৩ জুলাই ২০২৫, ১৩:১৮ · ২৯ আষাঢ় ১৪৩২``. Aware values are shown in Asia/Dhaka time,
    naive ones are taken as Dhaka time; the time is left out when it is exactly midnight
    (how date-only values are stored). ``bengali_digits=False`` uses Latin digits.
    """
    if value.tzinfo is not None:
        value = value.astimezone(DHAKA)
    bn = bangla.get_date(value.day, value.month, value.year)
    text = f"{value.day} {_BN_GREG_MONTHS[value.month - 1]} {value.year}"
    if (value.hour, value.minute, value.second, value.microsecond) != (0, 0, 0, 0):
        text += f", {value.hour:02d}:{value.minute:02d}"
    text += f" · {_int(bn['date'])} {_nfc(bn['month'])} {_int(bn['year'])}"
    return text.translate(_TO_BENGALI) if bengali_digits else text
