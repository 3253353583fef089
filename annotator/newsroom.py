"""Newsroom vocabulary: the words Bengali and English news pages use around dates.

Data only, read by both date parsing (`dates.py`) and page cleaning (`ingest/scraped.py`), so
a new label word or weekday spelling is added once.
"""

from __future__ import annotations

PUBLISHED = "published"
UPDATED = "updated"

# Weekday names as pages spell them (both Bengali spellings of Thursday and Sunday).
WEEKDAY_NAMES: tuple[str, ...] = (
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
)
# Abbreviations, read only next to a date (never removed from running text).
WEEKDAY_SHORT: tuple[str, ...] = (
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
)

# Words that label a date line, and which date they give.
DATE_LABELS: dict[str, str] = {
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

# Words that may sit beside a date on its line without labelling it.
DATE_LINE_WORDS: tuple[str, ...] = ("সময়", "তারিখ", "আজ")
