"""Find, parse and format dates in Bengali news text (Gregorian and Bengali calendar).

``find_dates`` scans one line for dates such as ``প্রকাশ: ১৩ জুলাই ২০২৫, ০১:১৮ পিএম`` or
``১ পৌষ ১৪৩২``; ``parse_datetime`` turns a dataset or HTML meta value into ISO 8601;
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

__all__ = [
    "DHAKA",
    "FoundDate",
    "bengali_to_gregorian",
    "find_dates",
    "format_dual",
    "parse_datetime",
]

DHAKA = ZoneInfo("Asia/Dhaka")

GREGORIAN = "gregorian"
BENGALI = "bengali"
PUBLISHED = "published"
UPDATED = "updated"

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

_WEEKDAYS = [
    "সোমবার",
    "মঙ্গলবার",
    "বুধবার",
    "বৃহস্পতিবার",
    "বৃহঃস্পতিবার",
    "শুক্রবার",
    "শনিবার",
    "রবিবার",
    "রোববার",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
]

_LABELS: dict[str, str] = {
    "প্রকাশিত সময়": PUBLISHED,
    "প্রকাশের সময়": PUBLISHED,
    "প্রকাশের তারিখ": PUBLISHED,
    "প্রকাশিত": PUBLISHED,
    "প্রকাশ": PUBLISHED,
    "published on": PUBLISHED,
    "published at": PUBLISHED,
    "published": PUBLISHED,
    "posted on": PUBLISHED,
    "posted": PUBLISHED,
    "সর্বশেষ আপডেট": UPDATED,
    "সর্বশেষ হালনাগাদ": UPDATED,
    "আপডেট সময়": UPDATED,
    "আপডেট": UPDATED,
    "হালনাগাদ": UPDATED,
    "last updated on": UPDATED,
    "last updated": UPDATED,
    "updated on": UPDATED,
    "updated at": UPDATED,
    "updated": UPDATED,
}

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

# Time-zone words after a clock time. On Bengali pages BST is Bangladesh Standard Time (+06:00),
# IST India Standard Time (+05:30).
_ZONES: dict[str, timedelta] = {
    "ist": timedelta(hours=5, minutes=30),
    "bst": timedelta(hours=6),
    "bdt": timedelta(hours=6),
    "gmt": timedelta(0),
    "utc": timedelta(0),
    "z": timedelta(0),
}
_ZONE = (
    r"(?:\s*[\[(]?\s*(?:(?P<tzw>ist|bst|bdt|gmt|utc)(?![a-z])"
    r"(?:\s*(?P<tzws>[+\-−])\s*(?P<tzwh>\d{1,2})(?::?(?P<tzwm>\d{2}))?(?!\d))?"
    r"|(?P<tzs>[+\-−])(?P<tzh>\d{2}):?(?P<tzm>\d{2})(?!\d)|(?P<tzz>z)(?![a-z]))\s*[\])]?)?"
)

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

_MER_WORD = _alternation(list(_MERIDIEM))
_TIME = (
    rf"(?:(?P<pre>{_MER_WORD})(?:ে|ের)?\s*)?"
    rf"(?<!{_DIG})(?P<h>{_DIG}{{1,2}})\s?[:ঃ]\s?(?P<mi>{_DIG}{{2}})"
    rf"(?:[:ঃ](?P<s>{_DIG}{{2}}))?(?!{_DIG})"
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
    hour, minute = _int(m.group("h")), _int(m.group("mi"))
    second = _int(m.group("s")) if m.group("s") else 0
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
    """The UTC offset a time match names (IST, BST, GMT, +05:30, +0530 ...), or None."""
    if m.group("tzw"):
        offset = _ZONES[m.group("tzw").lower()]
        if m.group("tzws"):
            extra = timedelta(hours=int(m.group("tzwh")), minutes=int(m.group("tzwm") or 0))
            offset += -extra if m.group("tzws") in "-−" else extra
    elif m.group("tzs"):
        offset = timedelta(hours=int(m.group("tzh")), minutes=int(m.group("tzm")))
        offset = -offset if m.group("tzs") in "-−" else offset
    elif m.group("tzz"):
        offset = timedelta(0)
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
            used_before_time = clock is None and before.group("h") is not None
            if used_before_time:
                clock = _clock(before)
                zone = _zone(before) if clock is not None else None
            if before.group("label"):
                label = _LABELS.get(_key(before.group("label")))
                start = before.start("label")
            elif used_before_time and clock is not None:
                start = before.start("pre") if before.group("pre") else before.start("h")
            else:
                start = _weekday_start(line, before, start)
        h, mi, s = clock or (0, 0, 0)
        value = datetime(day.year, day.month, day.day, h, mi, s, tzinfo=zone or DHAKA)
        if zone is not None:
            value = value.astimezone(DHAKA)
        found.append(FoundDate(start, end, value, clock is not None, calendar, label))
        consumed = end
    return found


_WEEKDAY_ONLY = regex.compile(rf"{_WEEKDAY}{_GAP}\Z", regex.IGNORECASE)


def _weekday_start(line: str, before: regex.Match[str], start: int) -> int:
    """Start of a weekday name directly before the date (or the date itself)."""
    m = _WEEKDAY_ONLY.search(line, before.start(), start)
    return m.start() if m else start


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


_SOUTH_ASIAN_ZONE = regex.compile(r"(?<![a-z])(?:ist|bst|bdt)(?![a-z])", regex.I)
_RFC2822 = regex.compile(r"(?:[a-z]{3},\s*)?\d{1,2}\s+[a-z]{3}\s+\d{2,4}\s+\d{1,2}:\d{2}", regex.I)


def _parse_rfc2822(text: str) -> str | None:
    if not _RFC2822.match(text):
        return None
    return _iso(email.utils.parsedate_to_datetime(text), True)


def _parse_dateutil(text: str) -> str | None:
    """English and numeric forms via dateutil, only when day, month and year are all given."""
    if not _HAS_YEAR.search(text):
        return None
    from dateutil import parser

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        one = parser.parse(text, dayfirst=True, default=datetime(2000, 1, 1, 0, 0, 0))
        two = parser.parse(text, dayfirst=True, default=datetime(2001, 2, 2, 1, 1, 1))
    if one.date() != two.date():
        return None
    has_time = (one.hour, one.minute) == (two.hour, two.minute)
    if has_time and one.second != two.second:
        one = one.replace(second=0)
    return _iso(one, has_time)


def parse_datetime(text: str, to_dhaka: bool = False) -> str | None:
    """Parse a date/time from a dataset or HTML meta field and return ISO 8601.

    Keeps an explicit offset (or UTC) from the input, else uses Asia/Dhaka; with
    ``to_dhaka=True`` a time with another offset is converted to Asia/Dhaka time (how the
    importers store it). A date alone gives ``YYYY-MM-DD``. Accepts ISO 8601, RFC 2822,
    English and numeric forms, and every Bengali form :func:`find_dates` handles (time-zone
    words such as IST/BST/GMT and offsets after the time are converted to Asia/Dhaka).
    Returns None when nothing parses; never raises.
    """
    try:
        if not isinstance(text, str):
            return None
        raw = _nfc(text).strip()
        if not raw or len(raw) > 2000:
            return None
        latin = raw.translate(_TO_LATIN)
        if _SOUTH_ASIAN_ZONE.search(latin):  # dateutil would drop IST/BST silently
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
