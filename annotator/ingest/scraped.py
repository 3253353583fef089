"""Clean plain-text pages copied from Bengali news sites into an :class:`ArticleDraft`.

A page copied from a browser holds much more than the article: navigation, breaking-news
tickers, the headline two or three times, byline and date lines, photo captions, the body, a
source line, desk sign-offs, then footers (related and most-read lists, comment boxes, tags),
sometimes with a second copy of the whole article. The cleaner works line by line:

1. every line is stripped and classified (footer marker, caption, source line, promo, related
   link, date line, desk/byline, section word, sign-off, navigation, paragraph, other text);
2. paragraph lines (ending in a danda, or long) are grouped into blocks; the first block of
   real weight is the body, which ends at the first footer marker;
3. the headline is scored among the lines before the body (repeated on the page, next to the
   byline/date lines, closest to the body);
4. dates come from :func:`annotator.dates.find_dates`: labelled lines (প্রকাশ / আপডেট) anywhere
   on the page, else an unlabelled byline date with a time; the page-header "today" line is the
   scrape date, never the publication date. A relative date line (``প্রকাশ: ২ ঘণ্টা আগে``,
   ``Updated: Yesterday``) is resolved against that scrape date only when it can be
   (:meth:`annotator.dates.RelativeDate.resolve`: days yes, hours need a scrape time); otherwise
   nothing is stored and the line is kept in ``meta`` (``published_line`` / ``updated_line``).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum

import regex

from annotator.dates import FoundDate, RelativeDate, find_dates, find_relative_dates
from annotator.ingest.errors import IngestError
from annotator.models import ArticleDraft
from annotator.newsroom import (
    DATE_LABELS,
    DATE_LINE_WORDS,
    PUBLISHED,
    UPDATED,
    WEEKDAY_NAMES,
)

__all__ = ["parse_scraped"]


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _nfc_all(items: Iterable[str]) -> frozenset[str]:
    return frozenset(_nfc(i).casefold() for i in items)


def _rx(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """Compile an NFC-normalised pattern (য় ড় ঢ় decompose under NFC, as the page text does)."""
    return regex.compile(_nfc(pattern), flags | regex.IGNORECASE)


# --- vocabulary -----------------------------------------------------------------------------------

# Characters stripped from both ends of every line (whitespace incl. NBSP, zero-width, BOM).
_EDGE = (
    " \t\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b"
    "\u200e\u200f\u202f\u205f\u3000\ufeff"
)
_BULLET = _rx(r"^[•●▪◦‣∙·■□►▶➤»*\-–—]\s*")
_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")
_LETTER = regex.compile(r"\p{L}")

# A line consisting of one of these (after dropping a bullet and a trailing colon) is a footer:
# the body never goes past it.
_STOP_EXACT = _nfc_all(
    [
        "সম্পর্কিত",
        "সম্পর্কিত খবর",
        "সম্পর্কিত সংবাদ",
        "সংশ্লিষ্ট খবর",
        "সংশ্লিষ্ট সংবাদ",
        "এ সম্পর্কিত আরও",
        "এ সম্পর্কিত আরও খবর",
        "এ সম্পর্কিত আরো খবর",
        "সর্বাধিক পঠিত",
        "সর্বাধিক পঠিত খবর",
        "সর্বাধিক পঠিত সংবাদ",
        "সর্বাধিক পড়া",
        "সর্বশেষ",
        "সর্বশেষ খবর",
        "সর্বশেষ সংবাদ",
        "সর্বশেষ আপডেট খবর",
        "জনপ্রিয়",
        "জনপ্রিয় খবর",
        "আলোচিত",
        "আলোচিত খবর",
        "পঠিত",
        "মন্তব্য",
        "মন্তব্য করুন",
        "মন্তব্যসমূহ",
        "মন্তব্য লিখুন",
        "পাঠকের মন্তব্য",
        "আরও খবর",
        "আরো খবর",
        "আরও সংবাদ",
        "আরো সংবাদ",
        "এ বিভাগের আরো খবর",
        "এ বিভাগের আরও খবর",
        "এই বিভাগের আরও খবর",
        "এই বিভাগের আরো খবর",
        "এ বিভাগের আরো",
        "এ বিভাগের আরও",
        "আরও পড়ুন এই বিভাগে",
        "ট্যাগ",
        "ট্যাগস",
        "ট্যাগসমূহ",
        "বিষয়",
        "বিষয়সমূহ",
        "tag",
        "tags",
        "topics",
        "write your comment",
        "leave a comment",
        "comments",
        "comment",
        "related",
        "related news",
        "related posts",
        "more news",
        "latest news",
        "most read",
        "most popular",
        "popular",
        "you may also like",
        "loading…",
        "loading...",
        "loading",
    ]
)
_STOP_PREFIX = _rx(
    r"^(?:©|\(c\)|copyright\b|কপিরাইট|স্বত্ব|সর্বস্বত্ব|all rights reserved"
    r"|(?:tags?|ট্যাগস?|বিষয়)\s*[:ঃ]"
    r"|(?:ভারপ্রাপ্ত\s+)?সম্পাদক\s*(?:ও\s+প্রকাশক\s*)?[:ঃ]|প্রকাশক\s*[:ঃ]"
    r"|সম্পাদক ও প্রকাশক|সম্পাদকমণ্ডলীর সভাপতি)"
)
# Navigation, sharing and advertising lines dropped wherever they are.
_NAV_EXACT = _nfc_all(
    [
        "শেয়ার",
        "শেয়ার করুন",
        "শেয়ার করুন:",
        "শেয়ার দিন",
        "ফেসবুক",
        "টুইটার",
        "এক্স",
        "হোয়াটসঅ্যাপ",
        "লিংকডইন",
        "লিঙ্কডইন",
        "মেসেঞ্জার",
        "ইমেইল",
        "ই-মেইল",
        "প্রিন্ট",
        "কপি",
        "কপি লিংক",
        "লিংক কপি",
        "অ+",
        "অ-",
        "অ অ",
        "অ+ অ-",
        "a+",
        "a-",
        "facebook",
        "twitter",
        "whatsapp",
        "linkedin",
        "messenger",
        "telegram",
        "email",
        "e-mail",
        "print",
        "share",
        "copy link",
        "বিজ্ঞাপন",
        "advertisement",
        "sponsored",
        "স্পন্সরড",
        "প্রচ্ছদ",
        "হোম",
        "home",
        "menu",
        "মেনু",
        "সার্চ",
        "search",
        "অনুসন্ধান",
        "ই-পেপার",
        "epaper",
        "e-paper",
        "লগইন",
        "login",
        "সাবস্ক্রাইব",
        "subscribe",
        "ফলো করুন",
        "follow",
        "গুগল নিউজে ফলো করুন",
        "বন্ধ",
        "close",
        "অনলাইন",
        "ভিডিও",
        "video",
        "ছবি",
        "x",
        "×",
        "✕",
        "photo",
    ]
)
_NUMBER_ONLY = regex.compile(r"^[(\[]?[0-9০-৯]{1,3}[.)\]]?$")
_CAPTION = _rx(
    r"(?<![\p{L}\p{M}])(?:ছবি|ফটো|photo|image|ভিডিও)\s*(?:সূত্র|ক্রেডিট|credit)?\s*[:ঃ：|]\s*[^।]{0,80}$"
    r"|^(?:ফাইল|প্রতীকী|সংগৃহীত|নিজস্ব)?\s*ছবি\s*(?:সংগৃহীত|ফাইল)?\s*$"
    r"|(?:সংগৃহীত|ফাইল|প্রতীকী)\s+ছবি\s*[)\]]?$"
)
_SOURCE = _rx(
    r"^[(\[]?\s*(?:তথ্য)?সূত্র\s*[:ঃ：\-–—]\s*(?P<src>[^।]{1,120}?)\s*[)\]]?\s*[।.]?$"
    r"|^[(\[]?\s*source\s*[:\-–]\s*(?P<src2>.{1,120}?)\s*[)\]]?$"
)
# Promotion lines: the strong words anywhere in a short line; the weak ones (which also occur
# in news sentences) only in a line that does not end like a sentence.
_PROMO = _rx(
    r"google\s*news|গুগল\s*নিউজ|ফিডটি অনুসরণ|follow us on|subscribe to our"
    r"|আমাদের (?:ইউটিউব|ফেসবুক|হোয়াটসঅ্যাপ|টেলিগ্রাম|অফিসিয়াল)"
)
_PROMO_WEAK = _rx(
    r"অনুসরণ করুন|ফলো করুন|সাবস্ক্রাইব করুন|ডাউনলোড করুন|অ্যাপ ডাউনলোড|খবর পেতে"
    r"|(?:ইউটিউব|হোয়াটসঅ্যাপ|টেলিগ্রাম) চ্যানেল(?:টি)? (?:সাবস্ক্রাইব|ফলো|জয়েন)"
)
_RELATED = _rx(
    r"^[(\[]?\s*(?:আরও|আরো|আরোও)\s+(?:পড়ুন|পড়ূন|দেখুন|খবর)\b|^পড়ুন\s*[:ঃ]|^(?:read|see) (?:more|also)"
    r"|^also read|^related\s*[:ঃ]|^সংশ্লিষ্ট\s*[:ঃ]|^(?:আরও|আরো) পড়ুন\s*[:ঃ>»]"
)
# Byline and desk lines: short lines ending in one of these words.
_DESK = _rx(
    r"^(?P<who>.{0,60}?)\s*(?:ডেস্ক(?:\s+রিপোর্ট)?|প্রতিবেদক|প্রতিনিধি|রিপোর্টার|সংবাদদাতা|ব্যুরো"
    r"|ব্যুরো প্রধান|অফিস|সংস্করণ|করেসপন্ডেন্ট|desk|correspondent|staff reporter|reporter)"
    r"(?:\s*[,،]\s*[\p{L}\p{M} ]{1,25})?\s*[|,]?$"
)
_EDITION = _rx(r"সংস্করণ$")
_AUTHOR_PREFIX = _rx(r"^(?:লেখক|লিখেছেন|প্রতিবেদক|by)\s*[:ঃ]?\s+\S")
# Section names (for `meta['section']`, and words that are not an outlet in "<name> ডেস্ক").
_SECTIONS = [
    "আন্তর্জাতিক",
    "জাতীয়",
    "রাজনীতি",
    "অর্থনীতি",
    "অর্থ-বাণিজ্য",
    "অর্থ ও বাণিজ্য",
    "বাণিজ্য",
    "খেলা",
    "খেলাধুলা",
    "ক্রীড়া",
    "স্পোর্টস",
    "বিনোদন",
    "সারাদেশ",
    "সারা দেশ",
    "সারাবাংলা",
    "দেশজুড়ে",
    "বিশ্ব",
    "বিশ্ব সংবাদ",
    "প্রবাস",
    "মতামত",
    "সম্পাদকীয়",
    "শিক্ষা",
    "স্বাস্থ্য",
    "প্রযুক্তি",
    "বিজ্ঞান ও প্রযুক্তি",
    "তথ্যপ্রযুক্তি",
    "লাইফস্টাইল",
    "জীবনযাপন",
    "ধর্ম",
    "ইসলাম",
    "আইন-আদালত",
    "আইন ও আদালত",
    "রাজধানী",
    "ঢাকা",
    "চট্টগ্রাম",
    "ক্যাম্পাস",
    "চাকরি",
    "ফিচার",
    "কৃষি",
    "পরিবেশ",
    "আবহাওয়া",
    "অপরাধ",
    "জলবায়ু",
    "নারী",
    "শিল্প-সাহিত্য",
    "সাহিত্য",
    "ভ্রমণ",
    "উপমহাদেশ",
    "এশিয়া",
    "ইউরোপ",
    "আমেরিকা",
    "মধ্যপ্রাচ্য",
    "আফ্রিকা",
    "ক্রিকেট",
    "ফুটবল",
    "বাংলাদেশ",
    "ভারত",
    "বিশেষ প্রতিবেদন",
    "অনুসন্ধান",
]
_SECTION_SET = _nfc_all(_SECTIONS)
# Words that name a desk, not an outlet, in "<word> ডেস্ক".
_DESK_NOT_OUTLET = _SECTION_SET | _nfc_all(
    [
        "অনলাইন",
        "নিজস্ব",
        "বার্তা",
        "নিউজ",
        "সংবাদ",
        "মফস্বল",
        "মফস্বল সংবাদ",
        "সারাদেশ",
        "ডিজিটাল",
        "ওয়েব",
        "স্পোর্টস",
        "লাইফস্টাইল",
        "ফিচার",
        "বিজনেস",
        "এন্টারটেইনমেন্ট",
        "প্রবাস",
        "ইসলাম",
        "ধর্ম",
        "অর্থনৈতিক",
        "কূটনৈতিক",
        "বিশেষ",
        "স্টাফ",
        "অনলাইন নিউজ",
        "আন্তর্জাতিক সংবাদ",
        "জাতীয় সংবাদ",
        "এক্সক্লুসিভ",
        "ক্যাম্পাস",
        "news",
        "online",
        "web",
    ]
)
# Well-known Bangladeshi outlets: canonical name -> spellings seen on pages.
_OUTLETS: dict[str, list[str]] = {
    "প্রথম আলো": ["প্রথম আলো", "prothom alo", "prothomalo"],
    "কালবেলা": ["কালবেলা", "kalbela"],
    "যুগান্তর": ["যুগান্তর", "jugantor"],
    "সমকাল": ["সমকাল", "samakal"],
    "ইত্তেফাক": ["ইত্তেফাক", "ittefaq"],
    "কালের কণ্ঠ": ["কালের কণ্ঠ", "kaler kantho", "kalerkantho"],
    "বাংলাদেশ প্রতিদিন": ["বাংলাদেশ প্রতিদিন", "bangladesh pratidin", "bd-pratidin"],
    "ঢাকা পোস্ট": ["ঢাকা পোস্ট", "dhaka post", "dhakapost"],
    "জাগো নিউজ": ["জাগো নিউজ", "জাগোনিউজ", "jago news", "jagonews"],
    "বাংলা ট্রিবিউন": ["বাংলা ট্রিবিউন", "bangla tribune", "banglatribune"],
    "বিডিনিউজ২৪": ["বিডিনিউজ২৪", "বিডিনিউজ টোয়েন্টিফোর", "bdnews24"],
    "দেশ রূপান্তর": ["দেশ রূপান্তর", "desh rupantor", "deshrupantor"],
    "নয়া দিগন্ত": ["নয়া দিগন্ত", "naya diganta", "dailynayadiganta"],
    "মানবজমিন": ["মানবজমিন", "manab zamin", "mzamin"],
    "আমাদের সময়": ["আমাদের সময়", "amader shomoy", "dainikamadershomoy"],
    "ইনকিলাব": ["ইনকিলাব", "inqilab"],
    "সংবাদ প্রকাশ": ["সংবাদ প্রকাশ", "sangbad prokash", "sangbadprokash"],
    "বাংলানিউজ২৪": ["বাংলানিউজ২৪", "বাংলানিউজ", "banglanews24"],
    "ডেইলি স্টার": ["দ্য ডেইলি স্টার", "ডেইলি স্টার", "daily star", "thedailystar"],
    "আজকের পত্রিকা": ["আজকের পত্রিকা", "ajker patrika", "ajkerpatrika"],
    "বণিক বার্তা": ["বণিক বার্তা", "bonik barta", "bonikbarta"],
    "ভোরের কাগজ": ["ভোরের কাগজ", "bhorer kagoj", "bhorerkagoj"],
    "দৈনিক বাংলা": ["দৈনিক বাংলা", "dainik bangla"],
    "খবরের কাগজ": ["খবরের কাগজ", "khaborer kagoj"],
    "আমার দেশ": ["আমার দেশ", "amar desh", "dailyamardesh"],
    "সংবাদ": ["দৈনিক সংবাদ", "sangbad.net"],
    "রাইজিংবিডি": ["রাইজিংবিডি", "risingbd"],
    "বার্তা২৪": ["বার্তা২৪", "barta24"],
    "নিউজবাংলা২৪": ["নিউজবাংলা২৪", "newsbangla24"],
    "সময় টিভি": ["সময় টিভি", "somoy tv", "somoynews"],
    "যমুনা টিভি": ["যমুনা টিভি", "jamuna tv", "jamuna.tv"],
    "চ্যানেল আই": ["চ্যানেল আই", "channel i"],
    "একাত্তর টিভি": ["একাত্তর টিভি", "ekattor tv", "ekattor.tv"],
    "বিবিসি বাংলা": ["বিবিসি বাংলা", "bbc bangla"],
    "ঢাকা ট্রিবিউন": ["ঢাকা ট্রিবিউন", "dhaka tribune"],
    "শেয়ার বিজ": ["শেয়ার বিজ", "sharebiz"],
}
_OUTLET_RX = _rx(
    "|".join(
        f"(?P<o{i}>(?<![\\p{{L}}\\p{{M}}]){'|'.join(regex.escape(_nfc(s)) for s in spellings)})"
        for i, spellings in enumerate(_OUTLETS.values())
    )
)
_OUTLET_NAMES = list(_OUTLETS)
_PROMO_OUTLET = _rx(r"^(?P<name>[\p{L}\p{M}\p{N} ]{2,40}?)\s+(?:অনলাইন\s+)?-?এর\s+সর্বশেষ")
_TITLE_SUFFIX = regex.compile(r"^(?P<title>.{8,}?)\s+[|–—-]\s+(?P<rest>[^|–—-]{2,40})$")

# Desk sign-offs: runs of letter names (এম, আর, এস, পি ...) or capital Latin initials.
_INITIAL = (
    "ডব্লিউ|ডাব্লিউ|ওয়াই|এক্স|এইচ|কিউ|জেড|এফ|এল|এম|এন|এস|আর|আই|ইউ|বি|সি|ডি|জি|জে|কে|পি|টি|ভি|এ|ই|ও"
)
_SIGNOFF_TOKEN_BN = _rx(f"^(?:{_INITIAL}){{1,6}}$")
_SIGNOFF_TOKEN_LATIN = regex.compile(r"^[A-Za-z]{1,5}$")
_DIGITS = regex.compile(r"^[0-9০-৯]{1,3}$")

# Line endings that make a paragraph: danda (or ?, !, ellipsis, full stop) before closing quotes.
_CLOSERS = "’”\"'»)]}"
_END_DANDA = regex.compile(rf"[।॥][{regex.escape(_CLOSERS)}]*$")
_END_OTHER = regex.compile(rf"[?!…][{regex.escape(_CLOSERS)}]*$|[^.]\.[{regex.escape(_CLOSERS)}]*$")
_END_ANY = regex.compile(rf"[।॥?!….][{regex.escape(_CLOSERS)}]*$")
_LABEL_WORDS = _rx("|".join(sorted({*DATE_LABELS, *DATE_LINE_WORDS}, key=len, reverse=True)))
_WEEKDAY_WORDS = _rx("|".join(sorted(WEEKDAY_NAMES, key=len, reverse=True)))
# Label words by the date they give, updated first (a line naming both is an update line).
_LABEL_KINDS = [
    (kind, [_nfc(w).casefold() for w, k in DATE_LABELS.items() if k == kind])
    for kind in (UPDATED, PUBLISHED)
]
_TODAY = _rx(r"^(?:[•●▪*\-]\s*)?আজ(?![\p{L}\p{M}])")

_MAX_GAP = 3  # unclassified lines tolerated between two paragraphs of one body block


class Kind(Enum):
    """What a line of a scraped page is."""

    BLANK = "blank"
    STOP = "stop"
    NAV = "nav"
    CAPTION = "caption"
    SOURCE = "source"
    PROMO = "promo"
    RELATED = "related"
    PARA = "para"
    DATE = "date"
    DESK = "desk"
    SECTION = "section"
    SIGNOFF = "signoff"
    TEXT = "text"


@dataclass
class Line:
    """One stripped line of the page with its classification."""

    index: int
    text: str
    kind: Kind = Kind.BLANK
    dates: list[FoundDate] = field(default_factory=list)
    relative: list[RelativeDate] = field(default_factory=list)
    extra: str = ""  # source name, byline part of a dated line, ...


# --- line classification ------------------------------------------------------------------------


def _clean(line: str) -> str:
    """Strip whitespace (incl. NBSP and zero-width characters) from both ends of a line."""
    return line.strip().strip(_EDGE).strip()


def _key(text: str) -> str:
    """Comparison key: bullet and trailing colon dropped, spaces squeezed, case folded."""
    text = _BULLET.sub("", text)
    text = text.rstrip(" :ঃ：-–—|»>").strip()
    return " ".join(text.split()).casefold()


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _is_para(text: str) -> bool:
    """True for a line that reads as a body paragraph (sentence end, or long running text)."""
    if not _LETTER.search(text):
        return False
    n = _words(text)
    if _END_DANDA.search(text):
        return n >= 1
    if _END_OTHER.search(text):
        return n >= 10 or (n >= 6 and len(text) >= 60)
    return len(text) >= 140 and n >= 12


def _is_signoff(text: str) -> bool:
    """True for desk sign-offs such as ``/এসপি/``, ``এমআর-২``, ``এমএইচ/এমএস``, ``(AS/KM)``."""
    if len(text) > 32 or not _LETTER.search(text):
        return False
    has_sep = bool(regex.search(r"[/\-–]", text))
    core = text.strip("/()[]{}|. ")
    tokens = [t for t in regex.split(r"[/\-–,\s]+", core) if t]
    if not tokens or len(tokens) > 5:
        return False
    letters = 0
    for token in tokens:
        if _DIGITS.match(token):
            continue
        if _SIGNOFF_TOKEN_BN.match(token):
            letters += 1
        elif _SIGNOFF_TOKEN_LATIN.match(token) and (has_sep or token.isupper()):
            letters += 1
        else:
            return False
    if not letters:
        return False
    # A lone Latin token without separators ("AP", "X") is too weak unless wrapped in slashes.
    return has_sep or text.startswith(("/", "(")) or not _SIGNOFF_TOKEN_LATIN.match(core)


def _label_before(text: str, start: int, prev_end: int) -> str | None:
    """Label word directly before a date, when find_dates did not attach one."""
    window = text[prev_end:start].casefold()
    for kind, words in _LABEL_KINDS:
        if any(word in window for word in words):
            return kind
    return None


def _date_residue(text: str, dates: list[FoundDate]) -> str:
    """The line without its dates, labels and weekday names."""
    out, pos = [], 0
    for d in dates:
        out.append(text[pos : d.start])
        pos = d.end
    out.append(text[pos:])
    rest = " ".join(out)
    rest = _LABEL_WORDS.sub(" ", rest)
    rest = _WEEKDAY_WORDS.sub(" ", rest)
    return rest


def _classify(index: int, raw_line: str) -> Line:
    """Classify one line of the page."""
    text = _clean(raw_line)
    line = Line(index, text)
    if not text:
        return line
    key = _key(text)
    if key in _STOP_EXACT or _STOP_PREFIX.match(_BULLET.sub("", text)):
        line.kind = Kind.STOP
    elif key in _NAV_EXACT or _NUMBER_ONLY.match(text) or not _WORD.search(text):
        line.kind = Kind.NAV
    elif len(text) <= 250 and not _END_DANDA.search(text) and _CAPTION.search(text):
        line.kind = Kind.CAPTION
    elif m := _SOURCE.match(text):
        line.kind = Kind.SOURCE
        line.extra = (m.group("src") or m.group("src2") or "").strip()
    elif len(text) <= 200 and (
        _PROMO.search(text) or (_PROMO_WEAK.search(text) and not _END_DANDA.search(text))
    ):
        line.kind = Kind.PROMO
    elif len(text) <= 250 and _RELATED.search(text):
        line.kind = Kind.RELATED
    elif _is_para(text):
        line.kind = Kind.PARA
    else:
        _classify_short(line, key)
    return line


def _classify_short(line: Line, key: str) -> None:
    """Classify a line that is not a paragraph: date, desk, section, sign-off, nav or text."""
    text = line.text
    dates = find_dates(text) if len(text) <= 300 else []
    if dates:
        residue = _date_residue(text, dates)
        labelled = any(d.label for d in dates) or any(
            _label_before(text, d.start, 0) for d in dates
        )
        prefix = text[: dates[0].start]
        if (
            labelled
            or any(d.has_time for d in dates)
            or _words(residue) <= 3
            or _DESK.match(_clean(_LABEL_WORDS.sub(" ", prefix)).rstrip(" :ঃ|,-–"))
        ):
            line.kind = Kind.DATE
            line.dates = dates
            line.extra = _byline_part(prefix)
            # "প্রকাশ: ১৩ ডিসেম্বর ২০২৫ | আপডেট: ২ ঘণ্টা আগে": labelled relative parts only.
            line.relative = [
                r
                for r in find_relative_dates(text)
                if r.label and not any(d.start < r.end and r.start < d.end for d in dates)
            ]
            return
    if not dates and _relative_line(line):
        return
    if len(text) <= 60 and _words(text) <= 5 and (_DESK.match(text) or _AUTHOR_PREFIX.match(text)):
        line.kind = Kind.DESK
    elif key in _SECTION_SET:
        line.kind = Kind.SECTION
    elif _is_signoff(text):
        line.kind = Kind.SIGNOFF
    elif _BULLET.match(text):
        line.kind = Kind.NAV
    else:
        line.kind = Kind.TEXT


def _relative_line(line: Line) -> bool:
    """Mark `line` as a date line when it is a relative date ("প্রকাশ: ২ ঘণ্টা আগে").

    Labelled, or after at most a short byline, with nothing but punctuation after it; a bare
    day word ("গতকাল") counts only when labelled or followed by a time.
    """
    text = line.text
    found = find_relative_dates(text) if len(text) <= 200 else []
    if not found:
        return False
    first = found[0]
    prefix = text[: first.start]
    labelled = bool(first.label or _label_before(text, first.start, 0))
    strong = first.unit != "day" or first.clock is not None or first.amount > 1
    if _LETTER.search(text[found[-1].end :]) or not (labelled or (strong and _words(prefix) <= 6)):
        return False
    line.kind = Kind.DATE
    line.relative = found
    line.extra = _byline_part(prefix)
    return True


def _byline_part(prefix: str) -> str:
    """Byline text in front of a date: labels, weekdays and separators removed."""
    prefix = _clean(_BULLET.sub("", prefix))
    while True:
        new = _clean(prefix.rstrip(" :ঃ|,-–—•"))
        new = regex.sub(
            _nfc(
                r"(?:প্রকাশিত সময়|প্রকাশের সময়|প্রকাশিত|প্রকাশ|আপডেট|হালনাগাদ"
                r"|published|updated|posted|আজ)\s*$"
            ),
            "",
            new,
            flags=regex.IGNORECASE,
        )
        new = _WEEKDAY_WORDS.sub("", new) if _WEEKDAY_WORDS.fullmatch(new.strip()) else new
        new = _clean(new.rstrip(" :ঃ|,-–—•"))
        if new == prefix:
            return new if _LETTER.search(new) else ""
        prefix = new


# --- page structure -----------------------------------------------------------------------------


def _blocks(lines: list[Line]) -> list[tuple[int, int, int]]:
    """Runs of paragraph lines as (first, last, weight); footers end a run."""
    blocks: list[tuple[int, int, int]] = []
    start = end = -1
    weight = gap = 0
    for ln in lines:
        if ln.kind is Kind.PARA:
            if start < 0:
                start, weight = ln.index, 0
            end, gap = ln.index, 0
            weight += len(ln.text)
        elif start >= 0 and (
            ln.kind is Kind.STOP
            or (
                ln.kind in (Kind.TEXT, Kind.DATE, Kind.DESK, Kind.SECTION, Kind.NAV)
                and (gap := gap + 1) > _MAX_GAP
            )
        ):
            blocks.append((start, end, weight))
            start = -1
    if start >= 0:
        blocks.append((start, end, weight))
    return blocks


def _pick_block(blocks: list[tuple[int, int, int]]) -> tuple[int, int]:
    """The body block: the first one with at least a third of the heaviest block's weight."""
    heaviest = max(w for _, _, w in blocks)
    for start, end, weight in blocks:
        if weight * 3 >= heaviest:
            return start, end
    raise AssertionError("unreachable")  # pragma: no cover


def _trim_head(lines: list[Line], start: int, end: int) -> int:
    """Move the body start past byline/date lines that sit among the block's first lines.

    A headline ending in '?' or '!' or a one-line summary can look like a paragraph and glue
    itself to the body across the byline; the body starts after the last such byline line.
    """
    paras = 0
    new_start = start
    for ln in lines[start : end + 1]:
        if ln.kind is Kind.PARA:
            paras += 1
            if paras > 2:
                break
        elif ln.kind in (Kind.DATE, Kind.DESK):
            nxt = next(
                (x.index for x in lines[ln.index + 1 : end + 1] if x.kind is Kind.PARA), None
            )
            if nxt is not None:
                new_start = nxt
    return new_start


def _norm(text: str) -> str:
    return " ".join(_BULLET.sub("", text).split()).casefold()


def _strip_outlet_suffix(text: str) -> tuple[str, str]:
    """Split 'headline | Outlet' into headline and outlet when the suffix is a known outlet."""
    m = _TITLE_SUFFIX.match(text)
    if m:
        outlet = _match_outlet(m.group("rest"))
        if outlet and _OUTLET_RX.fullmatch(m.group("rest").strip().casefold()):
            return m.group("title").strip(), outlet
    return text, ""


def _find_title(lines: list[Line], body_start: int) -> Line | None:
    """Score the headline among the lines before the body."""
    counts = Counter(
        _norm(_strip_outlet_suffix(ln.text)[0]) for ln in lines if ln.kind is not Kind.BLANK
    )
    nonblank = [ln for ln in lines[:body_start] if ln.kind is not Kind.BLANK]
    best: tuple[int, int] | None = None
    best_line: Line | None = None
    for pos, ln in enumerate(nonblank):
        if ln.kind not in (Kind.TEXT, Kind.PARA):
            continue
        text = _strip_outlet_suffix(ln.text)[0]
        if not (12 <= len(text) <= 220) or _words(text) < 2 or _END_DANDA.search(text):
            continue
        if _BULLET.match(ln.text):
            continue
        score = 0
        if counts[_norm(text)] >= 2:
            score += 2  # repeated on the page (headline blocks, footers)
        after = nonblank[pos + 1 : pos + 5]
        before = nonblank[max(0, pos - 3) : pos]
        if any(x.kind in (Kind.DATE, Kind.DESK) for x in after):
            score += 3  # a byline/date block follows the headline
        elif any(x.kind in (Kind.DATE, Kind.DESK) for x in before):
            score += 1
        if 20 <= len(text) <= 150 and _words(text) >= 4:
            score += 2  # headline-sized, unlike a reporter's name or a menu entry
        if not any(x.kind in (Kind.TEXT, Kind.PARA) for x in nonblank[pos + 1 :]):
            score += 1  # the last text line before the body
        rank = (score, -pos)
        if best is None or rank > best:
            best, best_line = rank, ln
    return best_line


def _match_outlet(text: str) -> str:
    """Canonical outlet name found in `text`, or ''."""
    m = _OUTLET_RX.search(text.casefold())
    if not m:
        return ""
    for i, name in enumerate(_OUTLET_NAMES):
        if m.group(f"o{i}"):
            return name
    return ""  # pragma: no cover


def _find_outlet(lines: list[Line], title_line: Line | None) -> str:
    """Outlet named by desk, promo, copyright or title-suffix lines, else ''."""
    structural = [ln for ln in lines if ln.kind in (Kind.DESK, Kind.DATE, Kind.PROMO, Kind.STOP)]
    if title_line is not None:
        suffix = _strip_outlet_suffix(title_line.text)[1]
        if suffix:
            return suffix
    for ln in structural:
        text = ln.extra if ln.kind is Kind.DATE else ln.text
        if ln.kind is Kind.STOP and not _STOP_PREFIX.match(ln.text):
            continue
        if found := _match_outlet(text):
            return found
    for ln in structural:
        text = ln.extra if ln.kind is Kind.DATE else ln.text
        m = regex.match(_nfc(r"^(?P<name>[\p{L}\p{M}\p{N} ]{2,30}?)\s+ডেস্ক$"), text)
        if m and _desk_outlet(m.group("name")):
            return m.group("name").strip()
        m = _PROMO_OUTLET.match(text) if ln.kind is Kind.PROMO else None
        if m and _desk_outlet(m.group("name")):
            return m.group("name").strip()
    return ""


def _desk_outlet(name: str) -> bool:
    """True when `name` in '<name> ডেস্ক' names an outlet rather than a section or desk type."""
    words = " ".join(name.split()).casefold().split()
    return bool(words) and not all(w in _DESK_NOT_OUTLET for w in words)


# --- dates --------------------------------------------------------------------------------------


@dataclass
class _Dates:
    published: str | None = None
    updated: str | None = None
    scraped: str | None = None
    published_line: str | None = None
    updated_line: str | None = None


def _labelled(ln: Line) -> list[tuple[str | None, FoundDate]]:
    """Each date of a date line with its label (from find_dates or the words before it)."""
    out: list[tuple[str | None, FoundDate]] = []
    prev = 0
    for d in ln.dates:
        out.append((d.label or _label_before(ln.text, d.start, prev), d))
        prev = d.end
    return out


def _is_header_date(ln: Line, first_title: int) -> bool:
    """The page-header 'today' line: no label, no time, and above the headline or marked as
    today / carrying a Bengali-calendar date."""
    if _TODAY.match(ln.text):
        return True
    pairs = _labelled(ln)
    if any(label for label, _ in pairs) or any(d.has_time for _, d in pairs):
        return False
    return ln.index < first_title or any(d.calendar == "bengali" for _, d in pairs)


def _find_dates(lines: list[Line], body_start: int, title: str) -> _Dates:
    """Publication, update and scrape dates of the page."""
    out = _Dates()
    dated = [ln for ln in lines if ln.kind is Kind.DATE and ln.dates]
    head = [ln for ln in dated if ln.index < body_start]
    title_key = _norm(title) if title else None
    title_at = [
        ln.index
        for ln in lines
        if title_key and _norm(_strip_outlet_suffix(ln.text)[0]) == title_key
    ]
    first_title = min(title_at, default=body_start)
    header = [ln for ln in head if _is_header_date(ln, first_title)]
    if header:
        greg = [d for d in header[0].dates if d.calendar == "gregorian"] or header[0].dates
        out.scraped = greg[0].iso()
    nonblank = [ln.index for ln in lines if ln.kind is not Kind.BLANK]
    near_title = set()
    for t in title_at:
        pos = nonblank.index(t)
        near_title.update(nonblank[max(0, pos - 4) : pos + 5])
    tiers = [head, [ln for ln in dated if ln.index in near_title], dated]
    for tier in tiers:
        pairs = [(ln, label, d) for ln in tier for label, d in _labelled(ln)]
        pub = next(((ln, d) for ln, label, d in pairs if label == "published"), None)
        upd = next(((ln, d) for ln, label, d in pairs if label == "updated"), None)
        if pub or upd:
            if pub:
                out.published, out.published_line = pub[1].iso(), _line_text(pub[0])
            if upd:
                out.updated, out.updated_line = upd[1].iso(), _line_text(upd[0])
            break
    if out.published is None:
        # An unlabelled byline date with a time: the first is publication, a second the update.
        for ln in head:
            if ln in header:
                continue
            pairs = _labelled(ln)
            timed = [d for label, d in pairs if label is None and d.has_time]
            if timed:
                out.published, out.published_line = timed[0].iso(), _line_text(ln)
                if out.updated is None and len(timed) > 1:
                    out.updated, out.updated_line = timed[1].iso(), _line_text(ln)
                break
    if out.published is None:
        for ln in head:
            if ln in header:
                continue
            plain = [d for label, d in _labelled(ln) if label is None]
            if plain:
                out.published, out.published_line = plain[0].iso(), _line_text(ln)
                break
    _relative_dates(out, lines, body_start)
    return out


def _relative_dates(out: _Dates, lines: list[Line], body_start: int) -> None:
    """Fill publication/update dates still missing from relative date lines (head first).

    Resolved against the page's scrape date; an unresolvable one stores no date but keeps
    its line in ``published_line`` / ``updated_line``.
    """
    rel_lines = [ln for ln in lines if ln.relative]
    rel_lines.sort(key=lambda ln: ln.index >= body_start)
    for ln in rel_lines:
        for rel in ln.relative:
            label = rel.label or _label_before(ln.text, rel.start, 0) or "published"
            resolved = rel.resolve(out.scraped)
            value = resolved.iso() if resolved else None
            if label == "updated" and out.updated is None and out.updated_line is None:
                out.updated, out.updated_line = value, _line_text(ln)
            elif label == "published" and out.published is None and out.published_line is None:
                out.published, out.published_line = value, _line_text(ln)


def _line_text(ln: Line) -> str:
    """The date line as written on the page (whitespace collapsed), for ``meta``."""
    return " ".join(ln.text.split())


# --- assembly -----------------------------------------------------------------------------------


def _body(lines: list[Line], start: int, end: int, title: str) -> list[str]:
    """Paragraphs of the body block, related links, repeats and the headline removed."""
    paragraphs: list[str] = []
    seen: set[str] = set()
    title_key = _norm(title) if title else None
    skip_related = 0
    for ln in lines[start : end + 1]:
        if ln.kind is Kind.BLANK:
            continue
        if ln.kind is Kind.RELATED:
            # "আরও পড়ুন" on a line of its own: the following headline lines are links.
            skip_related = 3 if _words(_RELATED.sub("", ln.text)) < 2 else 0
            continue
        if ln.kind is Kind.PARA:
            skip_related = 0
        elif ln.kind is Kind.TEXT and skip_related:
            skip_related -= 1
            continue
        else:
            skip_related = 0
        keep = ln.kind is Kind.PARA or (
            ln.kind is Kind.TEXT and (_words(ln.text) >= 2 or bool(_END_ANY.search(ln.text)))
        )
        key = _norm(ln.text)
        if not keep or key == title_key or key in seen:
            continue
        seen.add(key)
        paragraphs.append(ln.text)
    return paragraphs


def _section(lines: list[Line], title: str, byline: str) -> str:
    """Section label right above the headline, else the section part of a desk byline.

    A section word inside a run of menu lines (no blank line around it) is navigation.
    """
    key = _norm(title)
    for at in (ln.index for ln in lines if key and _norm(_strip_outlet_suffix(ln.text)[0]) == key):
        prev = next((ln for ln in reversed(lines[:at]) if ln.kind is not Kind.BLANK), None)
        if prev is None or prev.kind is not Kind.SECTION:
            continue
        neighbours = [lines[i] for i in (prev.index - 1, prev.index + 1) if 0 <= i < len(lines)]
        if not any(n.kind in (Kind.SECTION, Kind.NAV, Kind.STOP) for n in neighbours):
            return _BULLET.sub("", prev.text).rstrip(" :ঃ")
    m = regex.match(_nfc(r"^(?P<name>.+?)\s+ডেস্ক$"), byline)
    if m and " ".join(m.group("name").split()).casefold() in _SECTION_SET:
        return m.group("name").strip()
    return ""


def _byline(lines: list[Line], body_start: int, title_line: Line | None) -> str:
    """The reporter/desk line before the body, without its date part."""
    head = [ln for ln in lines[:body_start] if ln.kind is not Kind.BLANK]
    for ln in head:
        if ln.kind is Kind.DESK and not _EDITION.search(ln.text):
            return ln.text
        if (
            ln.kind is Kind.DATE
            and ln.extra
            and (_DESK.match(ln.extra) or _AUTHOR_PREFIX.match(ln.extra))
        ):
            return ln.extra
    # No desk-like words: a short line between the headline and the first date line after it.
    if title_line is not None:
        after = [ln for ln in head if ln.index > title_line.index]
        date_at = next((i for i, ln in enumerate(after) if ln.kind is Kind.DATE), None)
        if date_at is not None:
            if after[date_at].extra:
                return after[date_at].extra
            for ln in after[:date_at]:
                if ln.kind is Kind.TEXT and _words(ln.text) <= 6 and len(ln.text) <= 50:
                    return ln.text
    return ""


def parse_scraped(raw: str, source: str = "") -> ArticleDraft:
    """Parse a plain-text news page (already decoded, LF, NFC) into an ArticleDraft.

    Raises IngestError when no article body can be found.
    """
    if not raw or not raw.strip():
        raise IngestError("empty page: no article text")
    lines = [_classify(i, text) for i, text in enumerate(raw.split("\n"))]
    blocks = _blocks(lines)
    if not blocks:
        raise IngestError("no article body found (no paragraph-like lines on the page)")
    start, end = _pick_block(blocks)
    start = _trim_head(lines, start, end)
    title_line = _find_title(lines, start)
    title, title_outlet = ("", "")
    if title_line is not None:
        title, title_outlet = _strip_outlet_suffix(title_line.text)
    paragraphs = _body(lines, start, end, title)
    if not paragraphs:
        raise IngestError("no article body found (only navigation and short lines)")
    byline = _byline(lines, start, title_line)
    dates = _find_dates(lines, start, title)
    outlet = title_outlet or _find_outlet(lines, title_line)

    meta: dict[str, str] = {}
    tail = lines[end + 1 :]
    stop_at = next((ln.index for ln in tail if ln.kind is Kind.STOP), len(lines))
    after_body = lines[start:stop_at]
    source_line = next((ln for ln in after_body if ln.kind is Kind.SOURCE), None)
    if source_line is not None:
        meta["source_line"] = source_line.extra or source_line.text
    signoff = next((ln for ln in after_body if ln.kind is Kind.SIGNOFF), None)
    if signoff is not None:
        meta["signoff"] = signoff.text
    section = _section(lines, title, byline)
    if section:
        meta["section"] = section
    if dates.scraped:
        meta["scraped_date"] = dates.scraped
    if dates.published_line:
        meta["published_line"] = dates.published_line
    if dates.updated_line:
        meta["updated_line"] = dates.updated_line

    return ArticleDraft(
        text="\n\n".join(paragraphs),
        raw=raw,
        title=title,
        outlet=outlet,
        byline=byline,
        published=dates.published,
        updated=dates.updated,
        source_file=source,
        meta=meta,
    )
