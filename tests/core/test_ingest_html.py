"""parse_html: trafilatura body, meta/JSON-LD timestamps, boilerplate kept out."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.dates import parse_datetime
from annotator.ingest.errors import IngestError
from annotator.ingest.html import parse_html

DATA = Path(__file__).resolve().parent.parent / "data" / "ingest"

PROTHOM_BODY = "\n\n".join(
    [
        "টানা তিন দিনের ভারী বৃষ্টিতে রাজধানী ঢাকার নিচু এলাকাগুলো তলিয়ে গেছে। মিরপুর, "
        "যাত্রাবাড়ী ও মোহাম্মদপুরের অনেক সড়কে হাঁটুপানি জমেছে, ফলে যান চলাচল প্রায় বন্ধ হয়ে পড়েছে।",
        "আবহাওয়া অধিদপ্তর জানিয়েছে, আগামী ৪৮ ঘণ্টায় দেশের উত্তরাঞ্চলে আরও ভারী বর্ষণের সম্ভাবনা "
        "রয়েছে। নদীগুলোর পানি বিপৎসীমার ওপর দিয়ে প্রবাহিত হচ্ছে বলে পানি উন্নয়ন বোর্ড জানিয়েছে।",
        "ঢাকা উত্তর সিটি করপোরেশনের একজন কর্মকর্তা বলেন, “জলাবদ্ধতা নিরসনে আমাদের কর্মীরা দিনরাত "
        "কাজ করছেন। পাম্প বসিয়ে পানি সরানোর চেষ্টা চলছে।”",
        "স্থানীয় বাসিন্দারা অভিযোগ করেছেন, প্রতিবছর একই সমস্যা হলেও স্থায়ী কোনো সমাধান নেওয়া "
        "হয়নি। অনেক পরিবার আত্মীয়ের বাড়িতে আশ্রয় নিয়েছে।",
    ]
)


def read(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def test_news_page_with_meta_tags() -> None:
    raw = read("prothom.html")
    draft = parse_html(raw, source="prothom.html")
    assert draft.text == PROTHOM_BODY
    assert draft.title == "ঢাকায় বন্যা পরিস্থিতির অবনতি, পানিবন্দী হাজারো মানুষ"
    assert draft.outlet == "দৈনিক সংবাদ"
    assert draft.byline == "নিজস্ব প্রতিবেদক"
    assert draft.url == "https://example-news.com.bd/bangladesh/2025/07/13/flood-dhaka"
    assert draft.published == parse_datetime("2025-07-13T13:18:00+06:00")
    assert draft.published is not None and draft.published.startswith("2025-07-13T13:18")
    assert draft.updated == parse_datetime("2025-07-13T15:02:00+06:00")
    assert draft.raw == raw
    assert draft.source_file == "prothom.html"
    assert draft.meta["description"] == "টানা বৃষ্টিতে রাজধানীর নিচু এলাকাগুলো তলিয়ে গেছে।"
    assert draft.meta["tags"] == ["বন্যা", "ঢাকা", "আবহাওয়া"]
    assert draft.meta["language"] == "bn"


def test_boilerplate_stays_out_of_the_body() -> None:
    text = parse_html(read("prothom.html")).text
    for junk in ("প্রচ্ছদ", "এইমাত্র", "সম্পর্কিত", "সর্বাধিক পঠিত", "সম্পাদক", "যোগাযোগ", "প্রকাশ:"):
        assert junk not in text
    assert "ঢাকায় বন্যা পরিস্থিতির অবনতি" not in text  # the headline is not repeated in the body


def test_body_paragraphs_are_stripped_and_separated_by_one_blank_line() -> None:
    text = parse_html(read("prothom.html")).text
    assert text == text.strip()
    assert "\n\n\n" not in text
    assert all(p == p.strip() and p for p in text.split("\n\n"))


def test_json_ld_graph_dates_beat_the_page_header_today_date() -> None:
    draft = parse_html(read("jsonld_graph.html"))
    assert draft.published == parse_datetime("2025-06-30T18:45:10+06:00")
    assert draft.updated == parse_datetime("2025-06-30T20:05:00+06:00")
    assert draft.byline == "অর্থনৈতিক প্রতিবেদক"
    assert draft.outlet == "বার্তা২৪"
    assert draft.url == "https://barta.example/economy/budget-2025"
    assert draft.text.count("\n\n") == 2
    for junk in ("আজ সোমবার", "হোম", "আরও পড়ুন", "আমাদের সম্পর্কে", "সর্বস্বত্ব"):
        assert junk not in draft.text


def test_time_element_inside_article_when_no_meta() -> None:
    raw = (
        "<html><body><header><time datetime='2025-12-15'>আজ</time></header><article>"
        "<h1>চট্টগ্রামে পাহাড়ধসের শঙ্কা</h1>"
        "<time datetime='2025-07-14T09:30:00+06:00'>১৪ জুলাই ২০২৫</time>"
        "<p>ভারী বর্ষণে চট্টগ্রামের পাহাড়ি এলাকায় ধসের আশঙ্কা দেখা দিয়েছে। ঝুঁকিপূর্ণ বসতি থেকে "
        "লোকজনকে সরিয়ে নিতে মাইকিং করছে জেলা প্রশাসন।</p>"
        "<p>আশ্রয়কেন্দ্রগুলোতে শুকনো খাবার ও বিশুদ্ধ পানি পাঠানো হয়েছে বলে জানিয়েছেন কর্মকর্তারা।</p>"
        "</article></body></html>"
    )
    draft = parse_html(raw)
    assert draft.published == parse_datetime("2025-07-14T09:30:00+06:00")
    assert draft.text.startswith("ভারী বর্ষণে")
    assert draft.text.endswith("কর্মকর্তারা।")


def test_bare_fragment_is_accepted() -> None:
    raw = "<p>প্রথম অনুচ্ছেদ, যেখানে খবরের মূল কথা আছে।</p>\n<p>দ্বিতীয় অনুচ্ছেদ।</p>"
    draft = parse_html(raw)
    assert draft.text == "প্রথম অনুচ্ছেদ, যেখানে খবরের মূল কথা আছে।\n\nদ্বিতীয় অনুচ্ছেদ।"
    assert draft.published is None


def test_navigation_only_page_has_no_article() -> None:
    with pytest.raises(IngestError, match="no article text found in HTML"):
        parse_html(read("nav_only.html"))


@pytest.mark.parametrize("raw", ["", "   \n", "শুধু সাধারণ লেখা, কোনো ট্যাগ নেই।"])
def test_not_html(raw: str) -> None:
    with pytest.raises(IngestError):
        parse_html(raw)


def test_unexpected_extractor_failure_becomes_ingest_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("lxml exploded\nsecond line")

    monkeypatch.setattr(trafilatura, "bare_extraction", boom)
    with pytest.raises(IngestError) as info:
        parse_html(read("prothom.html"))
    assert "\n" not in str(info.value)
    assert "lxml exploded" in str(info.value)


def test_unparsable_meta_date_is_kept_raw() -> None:
    raw = (
        "<html><head><meta property='article:published_time' content='কোনো এক দিন'></head>"
        "<body><article><p>খবরের মূল অংশটি এখানে রয়েছে, যা যথেষ্ট দীর্ঘ একটি বাক্য।</p>"
        "</article></body></html>"
    )
    draft = parse_html(raw)
    if parse_datetime("কোনো এক দিন") is None:
        assert draft.published is None
        assert draft.meta["published_raw"] == "কোনো এক দিন"


_markup = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "<html>",
                "<body>",
                "<p>",
                "</p>",
                "<div>",
                "</div>",
                "<nav>",
                "<article>",
                "<!--",
                "-->",
                "<script type='application/ld+json'>",
                "</script>",
                "<meta content='x'>",
                "<time datetime='2025'>",
                "<a href='/'>",
                "</a>",
                "&amp;",
                "&#0;",
                "\x00",
                "<",
            ]
        ),
        st.text(max_size=40),
    ),
    max_size=30,
).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_markup)
def test_parse_html_only_raises_ingest_error(raw: str) -> None:
    try:
        draft = parse_html(raw)
    except IngestError as exc:
        assert "\n" not in str(exc)
    else:
        assert draft.text and draft.text == draft.text.strip()


_INDIAN_BODY = (
    "<p>কলকাতায় বৃহস্পতিবার সকাল থেকে ভারী বৃষ্টি শুরু হয়েছে। আবহাওয়া দফতর জানিয়েছে, আগামী "
    "দুদিন দক্ষিণবঙ্গের একাধিক জেলায় বজ্রবিদ্যুৎ-সহ বৃষ্টির সম্ভাবনা রয়েছে।</p>"
    "<p>শহরের বেশ কয়েকটি এলাকায় জল জমে যান চলাচল ব্যাহত হয়েছে বলে পুলিশ সূত্রে খবর। পুরসভা "
    "জানিয়েছে, পাম্প চালিয়ে জল সরানোর কাজ চলছে।</p>"
)


def test_meta_time_with_indian_offset_is_stored_in_dhaka_time() -> None:
    raw = (
        "<html lang='bn'><head><title>কলকাতায় ভারী বৃষ্টি</title>"
        "<meta property='article:published_time' content='2024-08-12T10:30:00+05:30'>"
        "<meta property='article:modified_time' content='2024-08-12T05:45:00Z'>"
        f"</head><body><article><h1>কলকাতায় ভারী বৃষ্টি</h1>{_INDIAN_BODY}</article></body></html>"
    )
    draft = parse_html(raw)
    assert draft.published == "2024-08-12T11:00:00+06:00"
    assert draft.updated == "2024-08-12T11:45:00+06:00"


def test_json_ld_dates_are_converted_to_dhaka_time() -> None:
    raw = (
        "<html><head><title>কলকাতায় ভারী বৃষ্টি</title>"
        "<script type='application/ld+json'>"
        '{"@type": "NewsArticle", "datePublished": "2024-08-12T10:30:00+05:30",'
        ' "dateModified": "2024-08-12T12:00:00+05:30"}</script>'
        f"</head><body><article><h1>কলকাতায় ভারী বৃষ্টি</h1>{_INDIAN_BODY}</article></body></html>"
    )
    draft = parse_html(raw)
    assert draft.published == "2024-08-12T11:00:00+06:00"
    assert draft.updated == "2024-08-12T12:30:00+06:00"


def test_microdata_dates_from_content_and_datetime_attributes() -> None:
    raw = (
        "<html><head><title>কলকাতায় ভারী বৃষ্টি</title></head><body>"
        "<article itemscope itemtype='https://schema.org/NewsArticle'>"
        "<h1 itemprop='headline'>কলকাতায় ভারী বৃষ্টি</h1>"
        "<span itemprop='datePublished' content='2024-08-12T10:30:00+05:30'>"
        "12 Aug 2024, 10:30 AM IST</span>"
        "<ins itemprop='dateModified' datetime='2024-08-12T11:15:00+05:30'>Updated</ins>"
        f"{_INDIAN_BODY}</article></body></html>"
    )
    draft = parse_html(raw)
    assert draft.published == "2024-08-12T11:00:00+06:00"
    assert draft.updated == "2024-08-12T11:45:00+06:00"
