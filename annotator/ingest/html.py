"""Import one HTML news page as an ArticleDraft (trafilatura for the body, meta tags for dates)."""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import Iterator
from typing import Any

import regex

from annotator.dates import parse_datetime
from annotator.ingest.errors import IngestError
from annotator.models import ArticleDraft

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
    lang = tree.get("lang") or metas.get("content-language") or metas.get("og:locale") or ""
    ld_body = next((str(i["articleBody"]) for i in ld_items if i.get("articleBody")), "")

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
    published, bad_published = _first_date(published_raw)
    updated, bad_updated = _first_date(updated_raw)

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
        outlet=_norm(str(data.get("sitename") or data.get("hostname") or "")),
        byline=_norm(str(data.get("author") or "")),
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

    Link-only lines (menus, 'read more') and a leading copy of the headline are dropped.
    """
    out = []
    for line in text.splitlines():
        para = line.strip()
        if para and not _only_links(_norm(para), link_texts):
            out.append(para)
    if out and title and _norm(out[0]) == title:
        out.pop(0)
    return "\n\n".join(out)


def _only_links(para: str, link_texts: set[str]) -> bool:
    """True when `para` is nothing but link texts (menus, 'read more' lists)."""
    if not link_texts:
        return False
    if para in link_texts:
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


def _first_date(values: list[str]) -> tuple[str | None, str]:
    """The first value parse_datetime accepts, or (None, first raw value)."""
    for value in values:
        try:
            iso = parse_datetime(value, to_dhaka=True)
        except Exception:  # noqa: BLE001 - an unparsable date is kept raw, never fatal
            iso = None
        if iso:
            return iso, ""
    return None, values[0] if values else ""


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
