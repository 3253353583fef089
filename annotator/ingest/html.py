"""Import one HTML news page as an ArticleDraft (trafilatura for the body, meta tags for dates)."""

from __future__ import annotations

import functools
import json
import logging
import unicodedata
from collections.abc import Iterator
from typing import Any

import regex

from annotator.dates import PUBLISHED, UPDATED, find_dates, parse_datetime
from annotator.ingest.errors import IngestError
from annotator.models import ArticleDraft
from annotator.outlets import outlet_from_url

# Meta tags (property, name or itemprop, lower-cased) holding the publication time, best first.
_PUBLISHED_META = (
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "article:published",
    "datepublished",
    "published_time",
    "publish_date",
    "publish-date",
    "publishdate",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dcterms.created",
    "dc.date",
    "date",
)
_UPDATED_META = (
    "article:modified_time",
    "og:updated_time",
    "og:modified_time",
    "article:modified",
    "datemodified",
    "modified_time",
    "last-modified",
    "dc.date.modified",
    "dcterms.modified",
)
_ARTICLE_TYPES = {"newsarticle", "article", "reportagenews", "blogposting", "analysisnewsarticle"}
# Page regions that are never article body; removed before extraction (also from the fallback).
_PRUNE = [
    "//nav",
    "//footer",
    "//aside",
    "//*[@role='navigation']",
    "//*[@role='contentinfo']",
]
_TAG = regex.compile(r"<\s*[A-Za-z!/]")
_SPACE = regex.compile(r"\s+")
_LETTER = regex.compile(r"[\p{L}\p{N}]")
_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")

# Headings of related-links / read-more blocks (matched on NFC text, case-insensitive).
_READ_MORE = (
    r"(?:আরও|আরো|আরোও)\s+(?:পড়ুন|পড়ূন|দেখুন|খবর|সংবাদ)"
    r"|(?:এ\s+|এই\s+)?(?:সম্পর্কিত|সংশ্লিষ্ট)(?:\s+(?:আরও|আরো))?(?:\s+(?:খবর|সংবাদ|প্রতিবেদন))?"
    r"|এ\s+বিষয়ে\s+(?:আরও|আরো)(?:\s+(?:পড়ুন|খবর))?|পড়ুন"
    r"|read\s+more|read\s+also|also\s+read|see\s+also|more\s+(?:news|stories|on\s+this)"
    r"|related(?:\s+(?:news|stories|articles|posts|links|reading|content))?|you\s+may\s+also\s+like"
)
_MARKER = r"[\s•●▪►▶➤»>*\-–—(\[]*"
_READ_MORE_HEADING = regex.compile(
    unicodedata.normalize("NFC", rf"{_MARKER}(?:{_READ_MORE})[\s:ঃ：\-–—»>|.…)\]]*"),
    regex.IGNORECASE,
)
_READ_MORE_INLINE = regex.compile(
    unicodedata.normalize(
        "NFC", rf"{_MARKER}(?:{_READ_MORE})\s*[)\]]?\s*[:ঃ：\-–—»>|]\s*(?P<rest>.+)"
    ),
    regex.IGNORECASE,
)
_SENTENCE_END = regex.compile(r"[।॥][’”\"')\]]*$")
_HEADLINE_WORDS = 15  # a related headline is short and does not end in a danda
_READ_MORE_LINES = 3  # headline lines without links dropped after a read-more heading
# Trailing combining marks (vowel signs, virama, nukta, ZWNJ/ZWJ) Python's `re` \W strips.
_MARKS = r"[\p{M}\u200c\u200d]*"
_AUTHOR_SEP = r"\s*(?:[/;,|&،]|\s(?:and|und)\s)\s*"

# trafilatura logs every page it finds dubious; the importer reports through IngestError instead.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


def parse_html(raw: str, source: str = "") -> ArticleDraft:
    """Extract title, body, byline, outlet, url and dates from one HTML page.

    Raises IngestError (and nothing else) when the page holds no article text.
    """
    try:
        return _parse(raw, source)
    except IngestError:
        raise
    except Exception as exc:  # noqa: BLE001 - any parser failure is a bad file, not a crash
        reason = str(exc).splitlines()[0] if str(exc) else ""
        raise IngestError(f"cannot parse HTML: {type(exc).__name__}: {reason}"[:200]) from None


def _parse(raw: str, source: str) -> ArticleDraft:
    import trafilatura
    from trafilatura.utils import load_html

    if not raw.strip() or not _TAG.search(raw[:65536]):
        raise IngestError("not HTML (no tags found)")
    tree = load_html(raw)
    if tree is None:  # a bare fragment such as "<p>...</p>"
        tree = load_html(f"<div>{raw}</div>")
    if tree is None:
        raise IngestError("not HTML (cannot parse the markup)")

    # Read everything we need from the tree before trafilatura prunes it.
    metas = _meta_tags(tree)
    ld_items = list(_json_ld_articles(tree))
    link_texts = {_norm(t) for t in (_text_of(a) for a in tree.iter("a")) if _norm(t)}
    published_raw = _candidates(metas, ld_items, tree, _PUBLISHED_META, "datePublished")
    updated_raw = _candidates(metas, ld_items, tree, _UPDATED_META, "dateModified")
    shown_published, shown_updated = _shown_dates(tree)
    lang = tree.get("lang") or metas.get("content-language") or metas.get("og:locale") or ""
    ld_body = next((str(i["articleBody"]) for i in ld_items if i.get("articleBody")), "")
    page_text = "\n".join([*metas.values(), _norm(" ".join(tree.xpath("//text()")))])
    _unwrap_noscript(tree)

    doc = trafilatura.bare_extraction(
        tree,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        prune_xpath=_PRUNE,
        config=_config(),
    )
    data: dict[str, Any] = {}
    if doc is not None:
        data = doc if isinstance(doc, dict) else doc.as_dict()

    title = _norm(str(data.get("title") or ""))
    text = _paragraphs(str(data.get("text") or ""), link_texts, title)
    if not text and ld_body:
        text = _paragraphs(ld_body, set(), title)
    if not text:
        raise IngestError("no article text found in HTML")

    if data.get("date"):
        published_raw.append(str(data["date"]))
    published, bad_published = _best_date(published_raw + shown_published)
    updated, bad_updated = _best_date(updated_raw + shown_updated)

    meta: dict[str, Any] = {}
    if data.get("description"):
        meta["description"] = _norm(str(data["description"]))
    tags = _split_tags(data.get("tags") or [])
    if tags:
        meta["tags"] = tags
    categories = _split_tags(data.get("categories") or [])
    if categories:
        meta["categories"] = categories
    language = data.get("language") or lang
    if language:
        meta["language"] = str(language).strip()
    if data.get("hostname"):
        meta["hostname"] = str(data["hostname"])
    if published is None and bad_published:
        meta["published_raw"] = bad_published
    if updated is None and bad_updated:
        meta["updated_raw"] = bad_updated

    return ArticleDraft(
        text=text,
        raw=raw,
        title=title,
        outlet=_norm(str(data.get("sitename") or ""))
        or outlet_from_url(str(data.get("url") or data.get("hostname") or "")),
        byline=_repair_byline(_norm(str(data.get("author") or "")), page_text),
        url=str(data.get("url") or "").strip(),
        published=published,
        updated=updated,
        source_file=source,
        meta=meta,
    )


@functools.cache
def _config() -> Any:
    """trafilatura settings: keep its own extraction for short articles (news briefs).

    By default a result under 250 characters sends trafilatura to its fallbacks, which flatten
    a short article into one line with the headline and dateline.
    """
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "100")
    return config


def _paragraphs(text: str, link_texts: set[str], title: str) -> str:
    """One paragraph per line of `text`, stripped, blank-line separated.

    Link-only lines (menus), read-more blocks (see :func:`_drop_read_more`) and a leading copy
    of the headline are dropped.
    """
    out = []
    for line in text.splitlines():
        para = line.strip()
        if para and not _only_links(_norm(para), link_texts):
            out.append(para)
    out = _drop_read_more(out, link_texts)
    if out and title and _norm(out[0]) == title:
        out.pop(0)
    while out and _date_line(out[0]):
        out.pop(0)
    return "\n\n".join(out)


def _date_line(para: str) -> bool:
    """True for a short line that is only a date ("আপডেট: ১৩ জানুয়ারি ২০১৯, ১৫:১৮")."""
    if len(para) > 160:
        return False
    found = find_dates(para)
    if not found:
        return False
    pieces, pos = [], 0
    for date in found:
        pieces.append(para[pos : date.start])
        pos = date.end
    pieces.append(para[pos:])
    return len(_WORD.findall(" ".join(pieces))) <= 1


def _drop_read_more(paras: list[str], link_texts: set[str]) -> list[str]:
    """Remove related-links / read-more blocks anywhere in the body.

    A heading line ("আরও পড়ুন", "সম্পর্কিত খবর", "Read more:" ...) goes with the run of
    lines after it that are link-only or, at most three, short headlines (no danda at the
    end). "আরও পড়ুন: <headline>" on one line goes when the rest is links or one short
    headline. A line that ends like a sentence stops the run, so real paragraphs stay.
    """
    out: list[str] = []
    after_heading = 0
    for para in paras:
        key = unicodedata.normalize("NFC", _norm(para))
        if _READ_MORE_HEADING.fullmatch(key):
            after_heading = _READ_MORE_LINES
            continue
        inline = _READ_MORE_INLINE.fullmatch(key)
        if inline and (_only_links(inline["rest"], link_texts) or _headline(inline["rest"])):
            after_heading = 0
            continue
        if after_heading and (_only_links(_norm(para), link_texts, partial=True) or _headline(key)):
            if not _only_links(_norm(para), link_texts, partial=True):
                after_heading -= 1
            continue
        after_heading = 0
        out.append(para)
    return out


def _headline(text: str) -> bool:
    """A short line that reads as a headline, not a paragraph (no danda at its end)."""
    return len(_WORD.findall(text)) <= _HEADLINE_WORDS and not _SENTENCE_END.search(text)


def _only_links(para: str, link_texts: set[str], partial: bool = False) -> bool:
    """True when `para` is nothing but link texts (menus, 'read more' lists).

    With ``partial``, a line that is part of one link's text counts too (a headline link
    that the extractor split at a <br>).
    """
    if not link_texts:
        return False
    if para in link_texts:
        return True
    if partial and len(para) >= 8 and any(para in link for link in link_texts):
        return True
    rest = para
    for link in link_texts:
        if link in rest:
            rest = rest.replace(link, " ")
    return not _LETTER.search(rest)


def _meta_tags(tree: Any) -> dict[str, str]:
    """First non-empty content of each <meta> by property/name/itemprop/http-equiv (lower-cased)."""
    found: dict[str, str] = {}
    for el in tree.iter("meta"):
        content = (el.get("content") or "").strip()
        if not content:
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = (el.get(attr) or "").strip().lower()
            if key and key not in found:
                found[key] = content
    return found


def _json_ld_articles(tree: Any) -> Iterator[dict[str, Any]]:
    """Article-typed objects from JSON-LD blocks (including @graph), articles first."""
    objects: list[dict[str, Any]] = []
    for el in tree.iter("script"):
        if (el.get("type") or "").strip().lower() != "application/ld+json" or not el.text:
            continue
        try:
            data = json.loads(el.text)
        except ValueError:
            continue
        objects.extend(_walk(data, depth=0))
    articles = [o for o in objects if _types(o) & _ARTICLE_TYPES]
    yield from articles
    yield from (o for o in objects if not _types(o) & _ARTICLE_TYPES)


def _walk(data: Any, depth: int) -> Iterator[dict[str, Any]]:
    if depth > 6:
        return
    if isinstance(data, list):
        for item in data:
            yield from _walk(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _walk(data["@graph"], depth + 1)


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.lower() for k in kinds if isinstance(k, str)}


def _candidates(
    metas: dict[str, str],
    ld_items: list[dict[str, Any]],
    tree: Any,
    names: tuple[str, ...],
    ld_key: str,
) -> list[str]:
    """Raw date strings for one field: meta tags, then JSON-LD, then <time> elements."""
    found = [metas[n] for n in names if metas.get(n)]
    found += [str(o[ld_key]).strip() for o in ld_items if isinstance(o.get(ld_key), str | int)]
    times = [t for t in tree.iter("time") if (t.get("datetime") or "").strip()]
    prop = ld_key.lower()
    found += [t.get("datetime").strip() for t in times if (t.get("itemprop") or "").lower() == prop]
    found += _microdata(tree, prop)
    if ld_key == "datePublished":
        found += [t.get("datetime").strip() for t in times if t.get("pubdate") is not None]
        found += [t.get("datetime").strip() for t in times if _inside_article(t)]
    return [f for f in found if f]


def _microdata(tree: Any, prop: str) -> list[str]:
    """Values of non-<time> microdata elements (itemprop=prop) from content/datetime or text."""
    out: list[str] = []
    for el in tree.xpath("//*[@itemprop]"):
        if el.tag in ("time", "meta") or prop not in (el.get("itemprop") or "").lower().split():
            continue
        value = (el.get("content") or el.get("datetime") or _text_of(el) or "").strip()
        if value and len(value) <= 200:
            out.append(_norm(value))
    return out


def _inside_article(el: Any) -> bool:
    """True when `el` sits inside <article> (page-header 'today' dates do not)."""
    return any(getattr(p, "tag", "") == "article" for p in el.iterancestors())


def _best_date(values: list[str]) -> tuple[str | None, str]:
    """The best parsable value (in Dhaka time), or (None, first raw value).

    Values come best source first. The first one wins, except that a date alone gives way to
    a later value with a time on the same day (a date-only meta tag or trafilatura's date
    beside ``itemprop=datePublished`` with 13:54): the time is never dropped.
    """
    parsed: list[tuple[str, str]] = []
    for value in values:
        iso = _parse_date(value, to_dhaka=True)
        if iso:
            parsed.append((iso, _parse_date(value, to_dhaka=False) or iso))
    if not parsed:
        return None, values[0] if values else ""
    first = parsed[0][0]
    if "T" in first:
        return first, ""
    for iso, written in parsed[1:]:
        if "T" in iso and first in (iso[:10], written[:10]):
            return iso, ""
    return first, ""


def _parse_date(value: str, to_dhaka: bool) -> str | None:
    try:
        return parse_datetime(value, to_dhaka=to_dhaka)
    except Exception:  # noqa: BLE001 - an unparsable date is kept raw, never fatal
        return None


# Class or id of an element holding the article's date line (an unlabelled timed date in it is
# the publication time).
_DATEISH = regex.compile(r"date|time|publish|posted|dateline", regex.IGNORECASE)
# Elements whose text is never the article's own date line.
_NOT_DATE_LINE = ("script", "style", "nav", "footer", "aside", "noscript", "a")


def _shown_dates(tree: Any) -> tuple[list[str], list[str]]:
    """Labelled date lines shown on the page ("প্রকাশ: ১৩ জানুয়ারি ২০১৯, ১৩:৫৪", "আপডেট: ...").

    Used after every machine-readable source: they give the time when the meta tags hold a
    date alone, or the date when the page has no meta at all. Only short elements outside
    navigation, footers, sidebars and links are read; in an element whose class or id names
    a date or time, the first unlabelled date with a time counts as the publication time.
    """
    published: list[str] = []
    updated: list[str] = []
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in _NOT_DATE_LINE:
            continue
        text = _norm(_text_of(el))
        if not text or len(text) > 160 or not regex.search(r"\d", text):
            continue
        if any(getattr(a, "tag", "") in _NOT_DATE_LINE for a in el.iterancestors()):
            continue
        dateish = _DATEISH.search(f"{el.get('class') or ''} {el.get('id') or ''}")
        unlabelled_seen = False
        for found in find_dates(text):
            label = found.label
            if label is None and dateish and found.has_time and not unlabelled_seen:
                label = PUBLISHED  # "<div class=time>১৩ জানুয়ারি ২০১৯, ১৩:৫৪ আপডেট: ...</div>"
            unlabelled_seen = unlabelled_seen or found.label is None
            target = {PUBLISHED: published, UPDATED: updated}.get(label or "")
            if target is not None and found.iso() not in target:
                target.append(found.iso())
    return published, updated


def _unwrap_noscript(tree: Any) -> None:
    """Turn a <noscript> holding the article body into a <div> so the extractor reads it.

    Script-built pages (Prothom Alo 2019) ship the body, with its paragraphs, inside
    <noscript> and copy it into the page with JavaScript; trafilatura drops <noscript> and
    falls back to one flat line. Only blocks with <p> elements and at least 200 letters whose
    text is not also elsewhere on the page (checked on a slice from the middle: teasers
    repeat only the opening) are unwrapped; tracking pixels and "enable JavaScript" notes
    stay out.
    """
    blocks = [ns for ns in tree.iter("noscript") if ns.find(".//p") is not None]
    if not blocks:
        return
    visible = _norm(
        " ".join(tree.xpath("//text()[not(ancestor::script) and not(ancestor::style)]"))
    )
    for ns in blocks:
        text = _norm(" ".join(ns.xpath(".//text()")))
        if len(_LETTER.findall(text)) < 200:
            continue
        middle = text[len(text) // 2 : len(text) // 2 + 120]
        if visible.count(middle) <= 1:
            ns.tag = "div"


def _repair_byline(author: str, page_text: str) -> str:
    """trafilatura's author, with what its clean-up cut off restored from the page.

    trafilatura strips trailing ``\\W`` characters with Python's ``re``, where Bengali vowel
    signs and marks are not word characters: "মানসুরা হোসাইন, ঢাকা" came out as
    "মানসুরা হোসাইন; ঢাক", "প্রতিনিধি" as "প্রতিনিধ". The names are looked up in the page
    text (meta values and markup text) allowing the stripped marks back; when the whole
    byline is found it is kept as written ("মানসুরা হোসাইন, ঢাকা"), else each name is
    repaired on its own.
    """
    parts = [p for p in author.split("; ") if p.strip()]
    if not parts or not page_text:
        return author
    pieces = [r"\s+".join(regex.escape(w) for w in p.split()) for p in parts]
    edge = r"(?<![\p{L}\p{M}])", r"(?![\p{L}\p{M}])"
    whole = edge[0] + (_MARKS + _AUTHOR_SEP).join(pieces) + _MARKS + edge[1]
    m = regex.search(whole, page_text, regex.IGNORECASE)
    if m:
        return _norm(m.group())
    fixed = []
    for part, piece in zip(parts, pieces, strict=True):
        m = regex.search(edge[0] + piece + _MARKS + edge[1], page_text, regex.IGNORECASE)
        fixed.append(_norm(m.group()) if m else part)
    return "; ".join(fixed)


def _split_tags(values: Any) -> list[str]:
    """Tags as a de-duplicated list; comma-joined keyword strings are split."""
    if isinstance(values, str):
        values = [values]
    out: list[str] = []
    for value in values:
        for tag in regex.split(r"[,،]", str(value)):
            tag = _norm(tag)
            if tag and tag not in out:
                out.append(tag)
    return out


def _text_of(el: Any) -> str:
    return el.text_content() if hasattr(el, "text_content") else ""


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip()
