"""parse_html on full news pages: script-built bodies, read-more blocks, bylines, timed dates."""

from __future__ import annotations

import json

import pytest

from annotator.ingest.html import parse_html

HEADLINE = "সুবর্ণচরের ঘটনায় তদন্ত প্রতিবেদন জমা দিল কমিশন"
PARAS = [
    "জাতীয় মানবাধিকার কমিশনের তদন্ত কমিটি তাদের প্রতিবেদন জমা দিয়েছে। প্রতিবেদনে বলা হয়েছে, "
    "ঘটনার প্রাথমিক সত্যতা পাওয়া গেছে এবং আসামিদের শাস্তির সুপারিশ করা হয়েছে।",
    "কমিশনের চেয়ারম্যান বলেন, তদন্ত কমিটি সংশ্লিষ্ট সবার সঙ্গে কথা বলেছে। হাসপাতালের চিকিৎসক, "
    "থানার ভারপ্রাপ্ত কর্মকর্তা ও জেলা প্রশাসকের বক্তব্যও প্রতিবেদনে রয়েছে।",
    "আরও বলা হয়েছে, প্রতিবেদনের কপি আইন মন্ত্রণালয় ও স্বরাষ্ট্র মন্ত্রণালয়ে পাঠানো হয়েছে। "
    "কমিশনের ওয়েবসাইটেও প্রতিবেদনটি প্রকাশ করা হয়েছে।",
    "স্থানীয় বাসিন্দারা জানান, ঘটনার পর থেকে এলাকায় আতঙ্ক বিরাজ করছে। পুলিশ বলছে, "
    "নিরাপত্তা জোরদার করা হয়েছে এবং বাকি আসামিদের ধরতে অভিযান চলছে।",
]
RELATED = [
    "গ্রেপ্তার ১২, সাতজনের স্বীকারোক্তিমূলক জবানবন্দি",
    "প্রধান আসামিসহ আরও দুজনের স্বীকারোক্তি",
    "তবে এই অপরাধীদের খুঁজে পাওয়া যাবে না?",
    "সুবর্ণচরের কালরাত",
    "‘শক্তির অপপ্রয়োগের প্রমাণ সুবর্ণচরের ঘটনা’",
]


def _links(titles: list[str]) -> str:
    return "".join(
        f"<a href='/bangladesh/article/{i}' target=_blank>{t}<br/></a>"
        for i, t in enumerate(titles)
    )


def _items(titles: list[str]) -> str:
    return "".join(f"<li><a href='/r{i}'>{t}</a></li>" for i, t in enumerate(titles))


def _page(body: str, head: str = "", byline: str = "মানসুরা হোসাইন, ঢাকা") -> str:
    """A compact copy of the Prothom Alo (2019) page layout around `body`."""
    return (
        "<!DOCTYPE html><html lang='bn'><head><meta charset='utf-8'>"
        f"<title>{HEADLINE} | প্রথম আলো</title>"
        f"<meta property='og:title' content='{HEADLINE}'>"
        "<meta property='og:site_name' content='প্রথম আলো'>"
        "<meta property='og:type' content='article'>"
        f"{head}</head><body>"
        "<header><nav><ul><li><a href='/'>প্রচ্ছদ</a></li><li><a href='/bangladesh'>বাংলাদেশ</a>"
        "</li></ul></nav></header>"
        "<div class='content_detail'><div class='left_category'>"
        "<a class='category_name' href='/bangladesh'>বাংলাদেশ সংবাদ</a></div>"
        f"<h1 class='title'>{HEADLINE}</h1>"
        f"<div class='author each_row'><span class='name'>{byline}</span></div>"
        "<div class='time each_row'>"
        "<span itemprop=datePublished content='2019-01-13T13:54:00+06:00'>"
        "১৩ জানুয়ারি ২০১৯, ১৩:৫৪</span><br>আপডেট: "
        "<span itemprop=dateModified content='2019-01-13T15:18:17+06:00'>"
        "১৩ জানুয়ারি ২০১৯, ১৫:১৮</span></div>"
        "<article itemscope itemtype='http://schema.org/Article'>"
        f"<div itemprop=articleBody class=viewport>{body}</div></article></div>"
        "<aside><h3>সর্বাধিক পঠিত</h3><ul><li><a href='/x'>অন্য একটি খবরের শিরোনাম</a></li>"
        "</ul></aside>"
        "<footer>সম্পাদক ও প্রকাশক: মতিউর রহমান | © স্বত্ব প্রথম আলো</footer></body></html>"
    )


def _script_built_body() -> str:
    """The body shipped inside <noscript> (copied into the page by JavaScript), as on the page."""
    return (
        "<noscript id=ari-noscript>"
        f"<p><img class='jwMediaContent' src='a.jpg'/>{PARAS[0]}<br/><br/>{PARAS[1]}</p>"
        f"<p>{PARAS[2]}</p><p>{PARAS[3]}</p>"
        f"<p>আরও পড়ুন:&nbsp;<br/>{_links(RELATED)}</p><p>&nbsp;</p></noscript>"
        "<script>var $div = $('<div>').append($('#ari-noscript').text());</script>"
    )


def test_script_built_page_keeps_paragraphs_times_and_byline() -> None:
    draft = parse_html(_page(_script_built_body(), head="<meta name='date' content='2019-01-13'>"))
    assert draft.title == HEADLINE
    assert draft.text == "\n\n".join(PARAS)
    assert draft.published == "2019-01-13T13:54:00+06:00"
    assert draft.updated == "2019-01-13T15:18:17+06:00"
    assert draft.byline == "মানসুরা হোসাইন, ঢাকা"
    assert draft.outlet == "প্রথম আলো"
    for junk in ("আরও পড়ুন", *RELATED, "সর্বাধিক পঠিত", "বাংলাদেশ সংবাদ"):
        assert junk not in draft.text


def test_noscript_copy_of_a_visible_body_is_not_doubled() -> None:
    visible = "".join(f"<p>{p}</p>" for p in PARAS)
    copy = "<noscript>" + "".join(f"<p>{p}</p>" for p in PARAS) + "</noscript>"
    draft = parse_html(_page(visible + copy))
    assert draft.text == "\n\n".join(PARAS)


def test_noscript_notice_and_pixels_stay_out() -> None:
    body = (
        "<noscript><img src='pixel.gif'></noscript>"
        "<noscript><p>এই সাইটটি দেখতে জাভাস্ক্রিপ্ট চালু করুন।</p></noscript>"
        + "".join(f"<p>{p}</p>" for p in PARAS)
    )
    draft = parse_html(_page(body))
    assert draft.text == "\n\n".join(PARAS)


@pytest.mark.parametrize(
    "block",
    [
        # heading on its own line, then link headlines one per line
        f"<p>আরও পড়ুন:&nbsp;<br/>{_links(RELATED)}</p>",
        f"<p><strong>আরো পড়ুন</strong></p><ul>{_items(RELATED)}</ul>",
        f"<h3>সম্পর্কিত খবর</h3><p>{_links(RELATED[:2])}</p>",
        f"<p>Read more: <a href='/r'>{RELATED[0]}</a></p>",
        f"<p>আরও পড়ুন: <a href='/r'>{RELATED[1]}</a></p>",
        f"<p>আরও খবর</p><p>{RELATED[3]}</p><p>{RELATED[4]}</p>",
        f"<div class='also-read'><a href='/r'>আরও পড়ুন: {RELATED[0]}</a></div>",
    ],
)
def test_read_more_blocks_are_removed_anywhere_in_the_body(block: str) -> None:
    body = f"<p>{PARAS[0]}</p><p>{PARAS[1]}</p>{block}<p>{PARAS[2]}</p><p>{PARAS[3]}</p>"
    draft = parse_html(_page(body))
    assert draft.text == "\n\n".join(PARAS)


def test_read_more_block_at_the_end_of_the_body_is_removed() -> None:
    body = "".join(f"<p>{p}</p>" for p in PARAS) + f"<p>Related</p><p>{_links(RELATED)}</p>"
    draft = parse_html(_page(body))
    assert draft.text == "\n\n".join(PARAS)


def test_sentence_after_a_read_more_heading_is_kept() -> None:
    # A heading with nothing after it: the next real paragraph (ends in a danda) stays.
    body = f"<p>{PARAS[0]}</p><p>আরও পড়ুন</p><p>{PARAS[1]}</p><p>{PARAS[2]}</p>"
    assert parse_html(_page(body)).text == "\n\n".join(PARAS[:3])


@pytest.mark.parametrize(
    "byline",
    [
        "মানসুরা হোসাইন, ঢাকা",
        "প্রতিনিধি, নোয়াখালী",
        "নিজস্ব প্রতিবেদক, রাজশাহী",
        "শফিকুল ইসলাম, কুমিল্লা",
        "অমিত বসু, কলকাতা",
        "প্রতিনিধি",
        "রিপোর্টার ঝুমা",
        "বিশেষ প্রতিনিধি, খুলনা",
    ],
)
def test_byline_ending_in_a_vowel_sign_is_kept_whole(byline: str) -> None:
    body = "".join(f"<p>{p}</p>" for p in PARAS)
    assert parse_html(_page(body, byline=byline)).byline == byline


def test_json_ld_author_ending_in_a_vowel_sign_is_kept_whole() -> None:
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": HEADLINE,
        "author": {"@type": "Person", "name": "প্রতিনিধি, হবিগঞ্জ"},
    }
    head = f"<script type='application/ld+json'>{json.dumps(ld, ensure_ascii=False)}</script>"
    body = "".join(f"<p>{p}</p>" for p in PARAS)
    raw = _page(body, head=head, byline="").replace("<div class='author each_row'>", "<div>")
    assert parse_html(raw).byline == "প্রতিনিধি, হবিগঞ্জ"


def _dated_page(head: str, date_line: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAS)
    return (
        f"<html lang='bn'><head><title>{HEADLINE}</title>{head}</head><body><article>"
        f"<h1>{HEADLINE}</h1><div class='byline'>নিজস্ব প্রতিবেদক</div>{date_line}{body}"
        "</article></body></html>"
    )


def test_date_only_meta_gives_way_to_a_timed_value_of_the_same_day() -> None:
    raw = _dated_page(
        "<meta property='article:published_time' content='2019-01-13'>"
        "<meta property='article:modified_time' content='2019-01-13'>",
        "<span itemprop=datePublished content='2019-01-13T13:54:00+06:00'>১৩:৫৪</span>"
        "<span itemprop=dateModified content='2019-01-13T09:48:17Z'>১৫:১৮</span>",
    )
    draft = parse_html(raw)
    assert draft.published == "2019-01-13T13:54:00+06:00"
    assert draft.updated == "2019-01-13T15:48:17+06:00"


def test_timed_value_of_another_day_does_not_replace_the_date() -> None:
    raw = _dated_page(
        "<meta property='article:published_time' content='2019-01-13'>",
        "<span itemprop=datePublished content='2019-01-10T13:54:00+06:00'>১০ জানুয়ারি</span>",
    )
    assert parse_html(raw).published == "2019-01-13"


@pytest.mark.parametrize(
    ("date_line", "published", "updated"),
    [
        (
            "<div class='meta'>প্রকাশ: ১৩ জানুয়ারি ২০১৯, ০১:৫৪ পিএম | আপডেট: ১৩ জানুয়ারি ২০১৯, "
            "০৩:১৮ পিএম</div>",
            "2019-01-13T13:54:00+06:00",
            "2019-01-13T15:18:00+06:00",
        ),
        (
            "<div class='time'>১৩ জানুয়ারি ২০১৯, ১৩:৫৪<br>আপডেট: ১৩ জানুয়ারি ২০১৯, ১৫:১৮</div>",
            "2019-01-13T13:54:00+06:00",
            "2019-01-13T15:18:00+06:00",
        ),
        (
            "<p class='dateline'>Published: Jan 13, 2019, IST 01:24 PM</p>",
            "2019-01-13T13:54:00+06:00",
            None,
        ),
    ],
)
def test_shown_date_line_gives_the_time(
    date_line: str, published: str, updated: str | None
) -> None:
    draft = parse_html(_dated_page("<meta name='date' content='2019-01-13'>", date_line))
    assert draft.published == published
    assert draft.updated == updated
    assert "১৩ জানুয়ারি" not in draft.text and "Published" not in draft.text


def test_shown_dates_in_sidebars_and_links_are_ignored() -> None:
    raw = _dated_page("", "").replace(
        "</article>",
        "</article><aside><p>প্রকাশ: ১০ জানুয়ারি ২০১৯, ১০:০০</p></aside>"
        "<a href='/o'>প্রকাশ: ১১ জানুয়ারি ২০১৯, ১১:০০</a>",
    )
    assert parse_html(raw).published is None
