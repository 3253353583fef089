"""Tests for the scraped plain-text page cleaner (annotator.ingest.scraped)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.ingest.errors import IngestError
from annotator.ingest.scraped import parse_scraped
from annotator.models import ArticleDraft
from annotator.text import canonicalise

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
PAGES = ROOT / "tests" / "data" / "scraped"


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def load(path: Path) -> str:
    return canonicalise(path.read_text(encoding="utf-8"))


def parse_file(path: Path) -> ArticleDraft:
    return parse_scraped(load(path), path.name)


@dataclass(frozen=True)
class SeedCase:
    name: str
    title: str
    published: str
    updated: str | None
    outlet: str
    byline: str
    paragraphs: list[str]


SEED_CASES = [
    SeedCase(
        "000_b7916aeb5253ec9b.txt",
        title="রাশিয়াকে ‘নিঃশর্ত সমর্থন’ দেওয়ার ঘোষণা কিমের",
        published="2025-07-13T13:18:00+06:00",
        updated=None,
        outlet="",
        byline="আন্তর্জাতিক ডেস্ক",
        paragraphs=[
            (
                "ইউক্রেনের সঙ্গে যুদ্ধে রাশিয়ার যেকোনও পদক্ষেপের প্রতি "
                "নিঃশর্ত সমর্থনের ঘোষণা দিয়েছে উত্তর কোরিয়া। দেশটির নেতা "
                "কিম জং উন জানান, ইউক্রেন যুদ্ধ নিয়ে রাশিয়া যে কোনো পদক্ষেপ "
                "নিক, পিয়ংইয়ং তাতে ‘নিঃশর্তভাবে সমর্থন’ দেবে।"
            ),
            (
                "বর্তমানে উত্তর কোরিয়ায় সফর করছেন রাশিয়ার পররাষ্ট্রমন্ত্রী "
                "সের্গেই ল্যাভরভ। তার সঙ্গে আলোচনার সময় কিম বলেন, পিয়ংইয়ং "
                "‘ইউক্রেনীয় সংকটের মূল কারণ’ মোকাবিলায় রাশিয়ার নেতৃত্ব "
                "যেসব পদক্ষেপ গ্রহণ করেছে সেগুলোকে সমর্থন করে। তারা মস্কোর "
                "পাশে আছে।"
            ),
            (
                "পশ্চিমা দেশগুলোর ধারণা, পিয়ংইয়ং ইউক্রেনের বিরুদ্ধে লড়াই "
                "করার জন্য রাশিয়ায় আনুমানিক ১১ হাজার সৈন্য পাঠিয়েছে।"
            ),
            (
                "২০২২ সালের ফেব্রুয়ারিতে রুশ প্রেসিডেন্ট ভ্লাদিমির পুতিনের "
                "নির্দেশে ইউক্রেনে আকস্মিক হামলা চালায় রাশিয়া। সে সময় থেকে "
                "এখন পর্যন্ত দুদেশের মধ্যে সংঘাত চলছেই।"
            ),
            (
                "উত্তর কোরিয়ার রাষ্ট্রীয় সংবাদমাধ্যম কেসিএনএর তথ্য অনুসারে, "
                "কিম এবং ল্যাভরভ শনিবার ‘উষ্ণ বন্ধুত্বপূর্ণ পরিবেশে’ বৈঠক "
                "করেছেন।"
            ),
            (
                "উত্তর কোরিয়ার নেতা কিম জং উন ‘দৃঢ় বিশ্বাস প্রকাশ করেছেন "
                "যে, রুশ সেনাবাহিনী এবং জনগণ দেশের মর্যাদা ও মৌলিক স্বার্থ "
                "রক্ষার পবিত্র উদ্দেশ্য অর্জনে অবশ্যই বিজয় অর্জন করবে।"
            ),
            (
                "টেলিগ্রামে রাশিয়ার পররাষ্ট্র মন্ত্রণালয় একটি ভিডিও পোস্ট "
                "করেছে যেখানে দেখা গেছে যে, তারা করমর্দন করছেন এবং একে অপরকে "
                "আলিঙ্গন করে শুভেচ্ছা জানাচ্ছেন।"
            ),
            (
                "রাশিয়ার তাস নিউজ এজেন্সি বলছে, ল্যাভরভ উত্তর কোরিয়ার "
                "পররাষ্ট্রমন্ত্রী চোয়ে সন হুইয়ের সঙ্গেও দেখা করেছেন এবং "
                "রাশিয়াকে সাহায্য করার জন্য মোতায়েন করা উত্তর কোরিয়ার বীর "
                "সেনাদের ধন্যবাদ জানিয়েছেন।"
            ),
            (
                "মার্কিন প্রেসিডেন্ট ডোনাল্ড ট্রাম্প সংক্ষিপ্ত বিরতির পর "
                "ইউক্রেনে সামরিক সহায়তা পুনরায় চালু করার পর নতুন করে "
                "রাশিয়ার প্রতি উত্তর কোরিয়ার সামরিক সহায়তার বিষয়টি সামনে "
                "এলো।"
            ),
        ],
    ),
    SeedCase(
        "001_50d47d6696b358b2.txt",
        title="‘সুবিধাজনক সময়ে’ উত্তর কোরিয়া সফর করবেন পুতিন",
        published="2023-09-14T13:45:00+06:00",
        updated="2023-09-14T13:52:00+06:00",
        outlet="",
        byline="আন্তর্জাতিক ডেস্ক",
        paragraphs=[
            (
                "কিম জং উনের উত্তর কোরিয়া সফরের আমন্ত্রণ গ্রহণ করেছেন রুশ "
                "প্রেসিডেন্ট ভ্লাদিমির পুতিন। ‘সুবিধাজনক সময়ে’ পিয়ংইয়ং "
                "সফরে যাবেন রুশ প্রেসিডেন্ট।"
            ),
            (
                "ইউক্রেনে সামরিক অভিযানের জেরে অনেকটা একঘরে হয়ে পড়েছে "
                "রাশিয়া। ভ্লাদিমির পুতিনের দেশটি এখন বন্ধু সংগ্রহে মনোযোগী। "
                "অন্যদিকে উত্তর কোরিয়া তার সামরিক বাহিনীকে আধুনিকীকরণে জোর "
                "দিচ্ছে।"
            ),
            (
                "উত্তর কোরিয়ার রাষ্ট্রীয় বার্তা সংস্থা কেসিএনএ বৃহস্পতিবার "
                "জানায়, পুতিন আনন্দের সঙ্গে আমন্ত্রণটি গ্রহণ করেছেন। রাশিয়া "
                "ও উত্তর কোরিয়ার মধ্যে বন্ধুত্বের ইতিহাস এবং ঐতিহ্যকে "
                "অবিচ্ছিন্নভাবে এগিয়ে নিয়ে যাওয়ার ইচ্ছা পুনর্নিশ্চিত "
                "করেছেন পুতিন।"
            ),
            (
                "রাশিয়ার পূর্বাঞ্চলের আমুরে অবস্থিত ভোসতোচনি রকেট ও মহাকাশ "
                "কেন্দ্রে বুধবার আনুষ্ঠানিক বৈঠক করেন রুশ প্রেসিডেন্ট পুতিন ও "
                "উত্তর কোরিয়ার সর্বোচ্চ নেতা কিম জং উন। চারঘণ্টাব্যাপী বৈঠকে "
                "কিম ইউক্রেনে রাশিয়ার হামলার সমর্থন জানান।"
            ),
            (
                "রুশ প্রেসিডেন্টকে কিম বলেছেন, আধিপত্যবাদী শক্তির বিরুদ্ধে "
                "রাশিয়া তার সার্বভৌমত্ব ও নিরাপত্তা রক্ষায় পবিত্র লড়াইয়ে "
                "নেমেছে। উত্তর কোরিয়া পুতিনের যে কোনও সিদ্ধান্তকে সমর্থন "
                "জানায়।"
            ),
        ],
    ),
    SeedCase(
        "002_79d426160b676bb1.txt",
        title="পুতিনের ‘হাত ধরে’ পাশে থাকার প্রতিশ্রুতি কিমের",
        published="2023-06-12T12:25:00+06:00",
        updated=None,
        outlet="কালবেলা",
        byline="কালবেলা ডেস্ক",
        paragraphs=[
            (
                "রুশ প্রেসিডেন্ট ভ্লাদিমির পুতিনের ‘হাত ধরে’ পাশে থাকার "
                "প্রতিশ্রুতি দিয়েছেন উত্তর কোরিয়ার নেতা কিম জং উন। এ ছাড়া "
                "শক্তিশালী দেশ গড়তে কৌশলগত সহযোগিতা জোরদার করবেন বলেও জানান "
                "তিনি।"
            ),
            (
                "আজ সোমবার উত্তর কোরিয়ার রাষ্ট্রীয় সংবাদমাধ্যম কেসিএনএর "
                "বরাত দিয়ে বার্তা সংস্থা রয়টার্স এ খবর জানিয়েছে। "
                "প্রতিবেদনে বলা হয়, রাশিয়ার জাতীয় দিবস উপলক্ষে পুতিনকে "
                "দেওয়া বার্তায় প্রতিশ্রুতির পাশাপাশি ইউক্রেনে আক্রমণের "
                "সিদ্ধান্তে মস্কোর প্রতি পূর্ণ সমর্থন জানিয়েছেন কিম।"
            ),
            (
                "কিম আরও বলেন, ‘ন্যায়বিচারে জয় নিশ্চিত এবং বিজয়ের ইতিহাসে "
                "রাশিয়ার জনগণ তাদের গৌরব যোগ করতে থাকবে।’"
            ),
            (
                "কিম মস্কোর সঙ্গে ‘ঘনিষ্ঠ কৌশলগত সহযোগিতার’ আহ্বান "
                "জানিয়েছেন। সেই সঙ্গে শক্তিশালী দেশ গড়ার লক্ষ্যে দুই দেশের "
                "জনগণের অভিন্ন আকাঙ্ক্ষার সঙ্গে মিল রেখে রুশ প্রেসিডেন্টের "
                "হাত শক্তভাবে ধরার প্রতিশ্রুতি দেন তিনি।"
            ),
            (
                "ক্রেমলিনের সঙ্গে ঘনিষ্ঠ সম্পর্ক গড়ে তোলার চেষ্টা চালাচ্ছে "
                "উত্তর কোরিয়া। গত বছর ইউক্রেন আক্রমণের পর মস্কোকে সমর্থন "
                "দিয়েছিল দেশটি। এ ছাড়া যুক্তরাষ্ট্রসহ পশ্চিমাদের "
                "‘আধিপত্যবাদী নীতি’ এবং ‘হস্তক্ষেপ’কে দোষারোপ করে আসছে তারা।"
            ),
        ],
    ),
    SeedCase(
        "003_4ffdb30ca1dacf75.txt",
        title="রাশিয়ার সঙ্গে সম্পর্ক আরও গভীর হয়েছে : কিম জং উন",
        published="2025-12-27T08:35:00+06:00",
        updated=None,
        outlet="কালবেলা",
        byline="কালবেলা ডেস্ক",
        paragraphs=[
            (
                "ইউক্রেন যুদ্ধে একসঙ্গে লড়াইয়ের অভিজ্ঞতার মধ্য দিয়ে উত্তর "
                "কোরিয়া ও রাশিয়ার সম্পর্ক আরও গভীর হয়েছে বলে মন্তব্য "
                "করেছেন উত্তর কোরিয়ার নেতা কিম জং উন। নববর্ষ উপলক্ষে রুশ "
                "প্রেসিডেন্ট ভ্লাদিমির পুতিনকে পাঠানো এক বার্তায় তিনি বলেন, "
                "দুই দেশ এখন ‘রক্ত, জীবন ও মৃত্যুর একই খাঁজে’ আবদ্ধ।"
            ),
            (
                "রাষ্ট্রীয় সংবাদমাধ্যম কোরিয়ান সেন্ট্রাল নিউজ এজেন্সি "
                "(কেসিএনএ) শনিবার (২৭ ডিসেম্বর) কিমের এই বার্তা প্রকাশ করে। "
                "এতে তিনি বলেন, ২০২৫ সাল উত্তর কোরিয়া–রাশিয়া সম্পর্কের জন্য "
                "‘অত্যন্ত অর্থবহ’ একটি বছর এবং এই সম্পর্ক বর্তমান প্রজন্মের "
                "গণ্ডি পেরিয়ে ভবিষ্যৎ প্রজন্মের জন্যও এক মূল্যবান সম্পদ হয়ে "
                "থাকবে।"
            ),
            (
                "এর আগে গত ১৮ ডিসেম্বর পুতিন কিমকে পাঠানো নববর্ষ শুভেচ্ছা "
                "বার্তায় ইউক্রেন যুদ্ধের প্রেক্ষাপটে রাশিয়ার পশ্চিমাঞ্চলীয় "
                "কুরস্ক অঞ্চলে উত্তর কোরীয় সেনাদের ‘বীরোচিত ভূমিকার’ প্রশংসা "
                "করেন। তিনি দুই দেশের বন্ধুত্বকে ‘অটুট’ বলে উল্লেখ করেন।"
            ),
            (
                "দক্ষিণ কোরিয়া ও পশ্চিমা গোয়েন্দা সংস্থাগুলোর দাবি, ইউক্রেন "
                "যুদ্ধে রাশিয়াকে সহায়তা দিতে উত্তর কোরিয়া হাজার হাজার সেনা "
                "মোতায়েন করেছে। চলতি বছরের এপ্রিলে পিয়ংইয়ং প্রথমবারের মতো "
                "আনুষ্ঠানিকভাবে সেনা পাঠানোর বিষয়টি স্বীকার করে এবং সংঘর্ষে "
                "তাদের সেনা নিহত হওয়ার কথাও জানায়।"
            ),
            (
                "সম্প্রতি কিম জানান, কুরস্ক অঞ্চলে মাইন অপসারণ অভিযানে অংশ "
                "নেওয়া উত্তর কোরীয় সেনাদের মধ্যে অন্তত নয়জন নিহত হয়েছেন।"
            ),
            ("এর মধ্যেই কিম জং উন ক্ষেপণাস্ত্র উৎপাদন বাড়ানো এবং নতুন গোলাবারুদ কারখানা নির্মাণের নির্দেশ দিয়েছেন।"),
        ],
    ),
    SeedCase(
        "004_eb1b78b3aa7c7d46.txt",
        title="পুতিনকে ‘যথাসাধ্য সহায়তা’র প্রতিশ্রুতি উনের",
        published="2025-09-03T22:31:18+06:00",
        updated=None,
        outlet="",
        byline="",
        paragraphs=[
            (
                "চীনের বৃহত্তম সামরিক কুচকাওয়াজের ফাঁকে বেইজিংয়ে এক দীর্ঘ "
                "বৈঠকে প্রেসিডেন্ট ভ্লাদিমির পুতিন উত্তর কোরিয়ার শীর্ষনেতা "
                "কিম জং-উনকে রাশিয়া সফরের আমন্ত্রণ জানিয়েছেন। বৈঠকে কিম "
                "মস্কোকে ‘যথাসাধ্য সহায়তা’ করার প্রতিশ্রুতি দিয়েছেন।"
            ),
            (
                "ক্রেমলিন কর্তৃক প্রকাশিত একটি ভিডিওতে দেখানো হয়েছে, "
                "দোভাষীদের মাধ্যমে উনকে আমন্ত্রণ জানিয়েছেন পুতিন।"
            ),
            (
                "দ্বিতীয় বিশ্বযুদ্ধের সমাপ্তির ৮০তম বার্ষিকী উপলক্ষে আয়োজিত "
                "অনুষ্ঠানে শি জিনপিংয়ের অতিথি হিসেবে চীনের রাজধানীতে রয়েছেন "
                "পুতিন ও উন।"
            ),
            (
                "বুধবারের উদ্বোধনী অনুষ্ঠানে শি জিনপিং,পুতিন ও উন তিয়ানানমেন "
                "স্কোয়ারে লাল গালিচায় পাশাপাশি হেঁটে কথা বলেন। ধারণা করা "
                "হচ্ছে যে এটিই প্রথমবারের মতো তিন নেতা একই জায়গায় একসাথে "
                "ছিলেন।"
            ),
            (
                "দুই ঘণ্টারও বেশি সময় ধরে চলা দ্বিপাক্ষিক বৈঠকে কিম পুতিনকে "
                "‘শিগগিরই দেখা হবে’ এবং তাকে জড়িয়ে ধরে বিদায় জানান।"
            ),
            (
                "২০২২ সালে ইউক্রেন আক্রমণের পর থেকে উত্তর কোরিয়া রাশিয়ার "
                "গুরুত্বপূর্ণ সমর্থক হয়ে উঠেছে। পিয়ংইয়ং যুদ্ধের জন্য "
                "রাশিয়ায় আর্টিলারি শেল এবং ক্ষেপণাস্ত্রসহ অস্ত্র পাঠিয়েছে। "
                "এছাড়া রাশিয়ার কুরস্ক অঞ্চলে যুদ্ধের জন্য হাজার হাজার সেনা "
                "পাঠিয়েছে।"
            ),
            (
                "রাশিয়া এবং উত্তর কোরিয়া গত বছর একটি চুক্তি স্বাক্ষর করেছে। "
                "এই চুক্তি অনুযায়ী, কোনো দেশ রাশিয়া কিংবা উত্তর কোরিয়ার "
                "ওপর আক্রমণ চালালে দুই দেশ একে অপরকে ‘সামরিক এবং অন্যান্য "
                "সহায়তা’ প্রদান করতে বাধ্য থাকবে।"
            ),
        ],
    ),
]

# Strings that must never reach the body: navigation, tickers, bylines, captions, footers.
FORBIDDEN = [
    "এইমাত্র",
    "•",
    "আজ সোমবার, ১ পৌষ",
    "আন্তর্জাতিক ডেস্ক",
    "কালবেলা ডেস্ক",
    "অনলাইন সংস্করণ",
    "প্রকাশ:",
    "প্রকাশ :",
    "প্রকাশিত সময়",
    "আপডেট :",
    "সংগৃহীত ছবি",
    "ছবি : সংগৃহীত",
    "সূত্র:",
    "/এসপি/",
    "এমআর-২",
    "Google News",
    "সম্পর্কিত",
    "সর্বাধিক পঠিত",
    "সর্বশেষ খবর",
    "মন্তব্য করুন",
    "Write Your Comment",
    "Tag :",
    "Loading",
    "Your email address",
    "জনপ্রিয়",
]


@pytest.fixture(params=SEED_CASES, ids=lambda c: c.name[:3])
def seed_case(request: pytest.FixtureRequest) -> SeedCase:
    return request.param


def test_seed_title(seed_case: SeedCase) -> None:
    draft = parse_file(SEEDS / seed_case.name)
    assert draft.title == nfc(seed_case.title)


def test_seed_dates(seed_case: SeedCase) -> None:
    draft = parse_file(SEEDS / seed_case.name)
    assert draft.published == seed_case.published
    assert draft.updated == seed_case.updated


def test_seed_body_paragraphs(seed_case: SeedCase) -> None:
    draft = parse_file(SEEDS / seed_case.name)
    assert draft.text.split("\n\n") == [nfc(p) for p in seed_case.paragraphs]
    assert draft.text == "\n\n".join(nfc(p) for p in seed_case.paragraphs)


def test_seed_body_has_no_boilerplate(seed_case: SeedCase) -> None:
    draft = parse_file(SEEDS / seed_case.name)
    for bad in FORBIDDEN:
        assert nfc(bad) not in draft.text, bad
    assert nfc(seed_case.title) not in draft.text
    assert "\u00a0" not in "".join(p[:1] + p[-1:] for p in draft.text.split("\n\n"))


def test_seed_outlet_and_byline(seed_case: SeedCase) -> None:
    draft = parse_file(SEEDS / seed_case.name)
    assert draft.outlet == nfc(seed_case.outlet)
    assert draft.byline == nfc(seed_case.byline)


def test_seed_draft_fields(seed_case: SeedCase) -> None:
    raw = load(SEEDS / seed_case.name)
    draft = parse_scraped(raw, "pages/" + seed_case.name)
    assert isinstance(draft, ArticleDraft)
    assert draft.raw == raw
    assert draft.source_file == "pages/" + seed_case.name
    assert draft.url == ""


def test_seed_004_footer_copy_is_not_repeated() -> None:
    draft = parse_file(SEEDS / SEED_CASES[4].name)
    paragraphs = draft.text.split("\n\n")
    assert len(paragraphs) == len(set(paragraphs)) == 7
    for p in SEED_CASES[4].paragraphs:
        assert draft.text.count(nfc(p)) == 1


def test_seed_meta() -> None:
    metas = [parse_file(SEEDS / c.name).meta for c in SEED_CASES]
    assert metas[0]["section"] == "আন্তর্জাতিক"
    assert metas[0]["scraped_date"] == "2025-12-15"
    assert metas[0]["signoff"] == "এমআর-২"
    assert metas[1]["source_line"] == nfc("রয়টার্স")
    assert metas[1]["signoff"] == "/এসপি/"
    assert metas[1]["scraped_date"] == "2025-05-09"
    assert metas[3]["source_line"] == "কেসিএনএ, এএফপি, আল জাজিরা"
    assert metas[4]["scraped_date"] == "2025-12-20"
    for meta in metas:
        # The page-header "today" date is never taken for the publication date.
        assert meta.get("scraped_date") != "published"


# --- invented pages from other sites ------------------------------------------------------------

PROTHOMALO_PARAGRAPHS = [
    (
        "রাজধানীর ব্যস্ত ২০টি মোড়ে স্বয়ংক্রিয় ট্রাফিক সিগন্যাল "
        "ব্যবস্থা চালুর উদ্যোগ নিয়েছে ঢাকা উত্তর সিটি করপোরেশন। "
        "আগামী জুন মাস থেকে পরীক্ষামূলকভাবে এই ব্যবস্থা চালু হবে বলে "
        "জানিয়েছেন সংস্থাটির কর্মকর্তারা।"
    ),
    (
        "আজ রোববার নগর ভবনে এক সংবাদ সম্মেলনে প্রকল্পের বিস্তারিত "
        "তুলে ধরা হয়। সেখানে বলা হয়, প্রতিটি মোড়ে ক্যামেরা ও "
        "সেন্সর বসানো হবে, যা গাড়ির চাপ বুঝে নিজে থেকেই সংকেত "
        "বদলাবে।"
    ),
    (
        "সিটি করপোরেশনের প্রধান প্রকৌশলী বলেন, ‘আমরা আর হাতের ইশারায় "
        "যান নিয়ন্ত্রণের যুগে থাকতে চাই না। প্রযুক্তির ব্যবহার ছাড়া "
        "এই শহরের যানজট কমানো সম্ভব নয়।’"
    ),
    "‘সময় লাগবে, তবে ফল পাওয়া যাবে।’",
    "যা বলছেন বিশেষজ্ঞরা",
    (
        "পরিবহন বিশেষজ্ঞরা বলছেন, শুধু সিগন্যাল বদলালেই যানজট কমবে "
        "না। এর সঙ্গে গণপরিবহনব্যবস্থার উন্নয়ন ও সড়কে শৃঙ্খলা "
        "ফেরানো জরুরি।"
    ),
    (
        "বুয়েটের দুর্ঘটনা গবেষণা ইনস্টিটিউটের এক শিক্ষক বলেন, এর "
        "আগেও কয়েকবার স্বয়ংক্রিয় সিগন্যাল বসানো হয়েছিল, কিন্তু "
        "রক্ষণাবেক্ষণের অভাবে সেগুলো অকেজো হয়ে পড়ে।"
    ),
    "এবার সেই ভুলের পুনরাবৃত্তি হবে না বলে আশ্বাস দিয়েছে সিটি করপোরেশন।",
]


def test_prothomalo_style_page() -> None:
    draft = parse_file(PAGES / "prothomalo_style.txt")
    assert draft.title == nfc("রাজধানীতে যানজট কমাতে নতুন সিগন্যাল ব্যবস্থা চালু হচ্ছে")
    assert draft.published == "2024-03-10T10:30:00+06:00"
    assert draft.updated == "2024-03-10T12:15:00+06:00"
    assert draft.byline == "নিজস্ব প্রতিবেদক"
    assert draft.outlet == "প্রথম আলো"
    assert draft.meta.get("section") == "বাংলাদেশ"
    # Related links, captions, ads and share buttons are dropped; the one-line quote and the
    # sub-heading inside the body stay.
    assert draft.text.split("\n\n") == [nfc(p) for p in PROTHOMALO_PARAGRAPHS]
    for bad in [
        "আরও পড়ুন",
        "যানজটে দিনে ৮২ লাখ",
        "ফাইল ছবি",
        "ছবি: সংগৃহীত",
        "বিজ্ঞাপন",
        "ফেসবুক",
        "শেয়ার",
        "©",
        "সম্পাদক",
        "মেট্রোরেলের নতুন স্টেশন",
    ]:
        assert nfc(bad) not in draft.text, bad


JAGONEWS_PARAGRAPHS = [
    (
        "গাজা উপত্যকায় ত্রাণবাহী শত শত ট্রাক সীমান্তে আটকে আছে। "
        "ইসরায়েলি কর্তৃপক্ষ তল্লাশির নামে ট্রাকগুলো ঢুকতে দিচ্ছে না "
        "বলে অভিযোগ করেছে জাতিসংঘ।"
    ),
    (
        "জাতিসংঘের ত্রাণ সংস্থা জানিয়েছে, উত্তর গাজায় অন্তত তিন লাখ "
        "মানুষ দুর্ভিক্ষের মুখে রয়েছেন। শিশুদের মধ্যে অপুষ্টির হার "
        "দ্রুত বাড়ছে।"
    ),
    "রাফাহ সীমান্তে অপেক্ষমাণ এক চালক বলেন, ‘দশ দিন ধরে এখানে বসে আছি। কেউ কিছু বলছে না।’",
    ("এদিকে যুক্তরাষ্ট্র ও মিসর যুদ্ধবিরতির নতুন প্রস্তাব নিয়ে আলোচনা চালিয়ে যাচ্ছে। তবে এখনো কোনো সমঝোতা হয়নি।"),
]


def test_jagonews_style_page_with_latin_digits() -> None:
    draft = parse_file(PAGES / "jagonews_style.txt")
    assert draft.title == nfc("গাজায় ত্রাণবাহী ট্রাক ঢুকতে দিচ্ছে না ইসরায়েল, খাদ্যসংকট চরমে")
    assert draft.published == "2024-02-05T21:15:00+06:00"
    assert draft.updated == "2024-02-05T22:40:00+06:00"
    assert draft.outlet == "জাগো নিউজ"
    assert draft.byline == "জাগো নিউজ ডেস্ক"
    assert draft.meta["source_line"] == nfc("আল-জাজিরা")
    assert draft.meta["signoff"] == "এমএইচ/এমএস"
    assert draft.meta["section"] == "আন্তর্জাতিক"
    assert draft.meta["scraped_date"] == "2024-02-09"
    assert draft.text.split("\n\n") == [nfc(p) for p in JAGONEWS_PARAGRAPHS]
    for bad in ["ছবি", "সূত্র", "এমএইচ", "ফলো করুন", "রাফাহতে ইসরায়েলি হামলায়", "Copyright"]:
        assert nfc(bad) not in draft.text, bad


NODATE_PARAGRAPHS = [
    "জাতীয় দলের হয়ে আর টেস্ট খেলবেন না সাকিব আল হাসান। আজ এক ফেসবুক পোস্টে তিনি এ ঘোষণা দেন।",
    "‘সময় হয়েছে।’",
    (
        "পোস্টে তিনি সতীর্থ, কোচ ও সমর্থকদের ধন্যবাদ জানান। তবে সীমিত "
        "ওভারের ক্রিকেটে খেলা চালিয়ে যাবেন বলে জানিয়েছেন এই "
        "অলরাউন্ডার।"
    ),
]


def test_page_without_date_or_byline() -> None:
    draft = parse_file(PAGES / "nodate_short.txt")
    assert draft.title == "অবসরের ঘোষণা দিলেন সাকিব"
    assert draft.published is None
    assert draft.updated is None
    assert draft.byline == ""
    assert draft.outlet == ""
    assert "section" not in draft.meta  # a menu of section words is not the section
    assert draft.text.split("\n\n") == [nfc(p) for p in NODATE_PARAGRAPHS]


DHAKAPOST_PARAGRAPHS = [
    (
        "দুই দেশের মধ্যে চলমান বাণিজ্য চুক্তি নিয়ে নতুন করে আলোচনা "
        "শুরু হয়েছে। ভারতের বাণিজ্য মন্ত্রণালয়ের এক কর্মকর্তা "
        "সংবাদমাধ্যমকে বলেছেন, চুক্তির কয়েকটি ধারা পুনর্বিবেচনা করা "
        "হচ্ছে।"
    ),
    (
        "গত ৫ আগস্ট ২০২৪ সালের পর থেকে দুই দেশের সম্পর্কে টানাপোড়েন "
        "দেখা দেয়। তবে বাণিজ্য স্বাভাবিক রাখতে দুই পক্ষই আগ্রহী বলে "
        "জানিয়েছেন কূটনীতিকরা।"
    ),
    "বাণিজ্যমন্ত্রী বলেন, ‘আমরা কোনো একতরফা সিদ্ধান্ত মেনে নেব না।’",
]


def test_question_headline_is_not_body() -> None:
    draft = parse_file(PAGES / "dhakapost_question.txt")
    assert draft.title == nfc("ভারত কি এবার সত্যিই বাংলাদেশের সঙ্গে বাণিজ্য চুক্তি বাতিল করবে?")
    assert draft.published == "2024-01-15T20:00:00+06:00"
    assert draft.outlet == "ঢাকা পোস্ট"
    assert draft.byline == "ঢাকা পোস্ট ডেস্ক"
    assert draft.meta["source_line"] == "বিবিসি"
    assert draft.meta["signoff"] == "এসএএস/এএসএম"
    assert "section" not in draft.meta
    assert draft.text.split("\n\n") == [nfc(p) for p in DHAKAPOST_PARAGRAPHS]


def test_inline_variants() -> None:
    page = nfc(
        "প্রচ্ছদ\nরাজনীতি\n\n"
        "বাজেট অধিবেশন শুরু হচ্ছে আগামী সপ্তাহে | সমকাল\n"
        "শেখ রহিম উদ্দিন\n"
        "প্রকাশ: ০২ জুন ২০২৪ | ১০:৩০\n"
        "আপডেট: ০২ জুন ২০২৪ | ১১:৪৫\n\n"
        "জাতীয় সংসদের বাজেট অধিবেশন শুরু হচ্ছে আগামী বৃহস্পতিবার। প্রথম দিনেই বাজেট পেশ করা হবে।\n"
        "তথ্যসূত্র: সংসদ সচিবালয়\n"
        "শেয়ার করুন\n"
        "এ বিভাগের আরো খবর\n"
        "সংসদে প্রশ্নোত্তর পর্ব বাতিল করা হয়েছে বলে জানা গেছে।\n"
    )
    draft = parse_scraped(page)
    assert draft.title == "বাজেট অধিবেশন শুরু হচ্ছে আগামী সপ্তাহে"
    assert draft.outlet == "সমকাল"
    assert draft.byline == "শেখ রহিম উদ্দিন"
    assert draft.published == "2024-06-02T10:30:00+06:00"
    assert draft.updated == "2024-06-02T11:45:00+06:00"
    assert draft.text == nfc(
        "জাতীয় সংসদের বাজেট অধিবেশন শুরু হচ্ছে আগামী বৃহস্পতিবার। প্রথম দিনেই বাজেট পেশ করা হবে।"
    )
    assert draft.meta["source_line"] == "সংসদ সচিবালয়"


def test_generic_desk_names_outlet_but_section_desk_does_not() -> None:
    body = "প্রথম লাইনের খবরটি এখানে লেখা হয়েছে এবং এটি একটি পূর্ণ বাক্য।"
    page = nfc(f"ডেইলি বাংলাদেশ ডেস্ক\nশিরোনাম এখানে লেখা আছে\n\n{body}\n")
    assert parse_scraped(page).outlet == "ডেইলি বাংলাদেশ"
    page = nfc(f"বিনোদন ডেস্ক\nশিরোনাম এখানে লেখা আছে\n\n{body}\n")
    draft = parse_scraped(page)
    assert draft.outlet == ""
    assert draft.byline == "বিনোদন ডেস্ক"
    assert draft.title == "শিরোনাম এখানে লেখা আছে"


# --- failures -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "   ",
        "\n\n\t\n",
        "\u00a0\n \u00a0\n",
        "প্রচ্ছদ\nজাতীয়\nরাজনীতি\nখেলা",
        "  • সর্বশেষ\n  • জনপ্রিয়\nমন্তব্য করুন\nLoading…\nX",
        "ছবি : সংগৃহীত\nসূত্র: রয়টার্স\n/এসপি/",
    ],
)
def test_no_body_raises(raw: str) -> None:
    with pytest.raises(IngestError) as info:
        parse_scraped(nfc(raw))
    assert "\n" not in str(info.value)
    assert str(info.value)


def test_nav_only_page_raises() -> None:
    with pytest.raises(IngestError, match="no article body"):
        parse_file(PAGES / "navonly.txt")


# --- properties -----------------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "কিম",
        "পুতিন",
        "বলেন",
        "।",
        "?",
        "’",
        "‘",
        "\n",
        "\n\n",
        " ",
        "\u00a0",
        "ছবি : সংগৃহীত",
        "প্রকাশ: ১৩ জুলাই ২০২৫, ০১:১৮ পিএম",
        "আপডেট",
        "সূত্র: রয়টার্স",
        "/এসপি/",
        "এমআর-২",
        "সম্পর্কিত",
        "মন্তব্য করুন",
        "আন্তর্জাতিক ডেস্ক",
        "• ",
        "১০",
        "X",
        "আরও পড়ুন",
        "২৬ বৈশাখ ১৪৩২",
        "১৪:৪৫",
        "Tag :",
        "© স্বত্ব",
        "a",
        "The",
        ".",
        "|",
        ":",
    ]
)


def _check(raw: str) -> None:
    try:
        draft = parse_scraped(raw)
    except IngestError as exc:
        assert "\n" not in str(exc)
        return
    assert draft.text
    stripped = {line.strip() for line in raw.split("\n")}
    for paragraph in draft.text.split("\n\n"):
        assert paragraph
        assert paragraph == paragraph.strip()
        assert paragraph in stripped


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_arbitrary_text_raises_only_ingest_error(raw: str) -> None:
    _check(raw)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, max_size=60).map("".join))
def test_news_like_noise_raises_only_ingest_error(raw: str) -> None:
    _check(nfc(raw))


_KOLKATA_BODY = (
    "কলকাতায় বৃহস্পতিবার সকাল থেকে ভারী বৃষ্টি শুরু হয়েছে। আবহাওয়া দফতর জানিয়েছে, আগামী দুদিন "
    "দক্ষিণবঙ্গের একাধিক জেলায় বজ্রবিদ্যুৎ-সহ বৃষ্টির সম্ভাবনা রয়েছে।\n\n"
    "শহরের বেশ কয়েকটি এলাকায় জল জমে যান চলাচল ব্যাহত হয়েছে বলে পুলিশ সূত্রে খবর। পুরসভা "
    "জানিয়েছে, পাম্প চালিয়ে জল সরানোর কাজ চলছে এবং পরিস্থিতির দিকে নজর রাখা হচ্ছে।"
)


@pytest.mark.parametrize(
    ("date_lines", "published", "updated"),
    [
        # Zee 24 Ghanta: only an update line, in English, IST
        (
            ["Written By জি ২৪ ঘণ্টা ডিজিটাল ব্যুরো | Last Updated: Jan 09, 2026, 03:52 PM IST"],
            None,
            "2026-01-09T16:22:00+06:00",
        ),
        # Oneindia: "Published: ... [IST]"
        (["Published: Monday, July 20, 2026, 0:28 [IST]"], "2026-07-20T00:58:00+06:00", None),
        # Anandabazar style: Bengali labels, IST
        (
            ["প্রকাশিত: ১২ অগস্ট ২০২৪ ১০:৩০", "শেষ আপডেট: ১২ অগস্ট ২০২৪ ১২:০০ IST"],
            "2024-08-12T10:30:00+06:00",
            "2024-08-12T12:30:00+06:00",
        ),
    ],
)
def test_other_outlets_date_lines_in_scraped_pages(
    date_lines: list[str], published: str | None, updated: str | None
) -> None:
    page = "\n".join(["কলকাতায় ভারী বৃষ্টি, জলমগ্ন শহর", "", *date_lines, "", _KOLKATA_BODY, ""])
    draft = parse_scraped(canonicalise(page), "kolkata.txt")
    assert (draft.published, draft.updated) == (published, updated)
    if published:
        assert draft.meta["published_line"] == nfc(date_lines[0])
    if updated:
        assert draft.meta["updated_line"] == nfc(date_lines[-1])


# --- relative date lines ("২ ঘণ্টা আগে", "গতকাল") -------------------------------------------------

_RELATIVE_BODY = (
    "টানা তিন দিনের ভারী বৃষ্টিতে রাজধানীর নিচু এলাকাগুলো তলিয়ে গেছে। মিরপুর ও যাত্রাবাড়ীর অনেক "
    "সড়কে হাঁটুপানি জমেছে।\n\nআবহাওয়া অধিদপ্তর জানিয়েছে, আগামী ৪৮ ঘণ্টায় দেশের উত্তরাঞ্চলে আরও "
    "ভারী বর্ষণের সম্ভাবনা রয়েছে।"
)
_TODAY_LINE = "আজ সোমবার, ১ পৌষ, ১৪৩২ | ১৫ ডিসেম্বর, ২০২৫"


def _relative_page(date_line: str, header: str = _TODAY_LINE) -> ArticleDraft:
    page = "\n".join(
        [header, "", "রাজধানীতে জলাবদ্ধতা, দুর্ভোগে নগরবাসী", "", "নিজস্ব প্রতিবেদক", "", date_line]
        + ["", _RELATIVE_BODY, ""]
    )
    return parse_scraped(canonicalise(page), "relative.txt")


@pytest.mark.parametrize(
    ("date_line", "published", "updated"),
    [
        # days resolve against the page's own "today" line (the scrape date)
        ("প্রকাশ: গতকাল", "2025-12-14", None),
        ("প্রকাশ: ৩ দিন আগে", "2025-12-12", None),
        ("Published: Yesterday 10:30 PM", "2025-12-14T22:30:00+06:00", None),
        ("৩ দিন আগে", "2025-12-12", None),
        (
            "প্রকাশ: ১৩ ডিসেম্বর ২০২৫, ১০:০০ এএম | আপডেট: গতকাল",
            "2025-12-13T10:00:00+06:00",
            "2025-12-14",
        ),
        # hours need a scrape time, which a date-only header line does not give: nothing stored
        ("প্রকাশ: ২ ঘণ্টা আগে", None, None),
        ("Updated: 3 hours ago", None, None),
    ],
)
def test_relative_date_lines_use_the_scrape_date(
    date_line: str, published: str | None, updated: str | None
) -> None:
    draft = _relative_page(date_line)
    assert (draft.published, draft.updated) == (published, updated)
    assert draft.meta["scraped_date"] == "2025-12-15"
    line = nfc(date_line)
    assert line in (draft.meta.get("published_line"), draft.meta.get("updated_line"))
    assert draft.byline == "নিজস্ব প্রতিবেদক"
    assert draft.text == nfc(_RELATIVE_BODY)


def test_relative_date_without_a_scrape_date_stores_nothing_but_keeps_the_line() -> None:
    draft = _relative_page("প্রকাশ: গতকাল", header="প্রচ্ছদ")
    assert draft.published is None
    assert draft.meta["published_line"] == nfc("প্রকাশ: গতকাল")
    assert "scraped_date" not in draft.meta


def test_relative_words_in_the_body_are_not_dates() -> None:
    body = "গতকাল রাতে আগুন লাগে।\n\n" + _RELATIVE_BODY + "\n\n২ ঘণ্টা আগে ঘটনাটি ঘটে।"
    page = "\n".join([_TODAY_LINE, "", "রাজধানীতে জলাবদ্ধতা, দুর্ভোগে নগরবাসী", "", body, ""])
    draft = parse_scraped(canonicalise(page), "x.txt")
    assert draft.published is None
    assert "published_line" not in draft.meta
    assert draft.text.startswith(nfc("গতকাল রাতে আগুন লাগে।"))
