"""Outlet names from web addresses, at import and when an article is shown."""

from __future__ import annotations

import pytest

from annotator.attributes import attr_text, attrs_summary
from annotator.ingest.scraped import _OUTLETS
from annotator.models import ArticleDraft
from annotator.outlets import KNOWN_HOSTS, outlet_from_url, shown_outlet
from annotator.store import Store


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://www.prothomalo.com/world/asia/abc", "প্রথম আলো"),
        ("https://www.bd-pratidin.com/international-news/2025/05/09/1", "বাংলাদেশ প্রতিদিন"),
        ("https://m.jugantor.com/international/123", "যুগান্তর"),
        ("https://www.kalerkantho.com/online/world/2023/06/12/1", "কালের কণ্ঠ"),
        ("https://www.ittefaq.com.bd/123/abc", "ইত্তেফাক"),
        ("https://www.bbc.com/bengali/articles/c123", "বিবিসি বাংলা"),
        ("https://www.anandabazar.com/international/x", "আনন্দবাজার পত্রিকা"),
        ("prothomalo.com/world", "প্রথম আলো"),
        ("https://www.example.org/news/1", "example.org"),
        ("https://www.bbc.com/news/world", "bbc.com"),
        ("https://notprothomalo.com/x", "notprothomalo.com"),
        ("", ""),
        ("article.txt", ""),
        ("www.kalbela.com", "কালবেলা"),
        ("http://[::1", ""),
    ],
)
def test_outlet_from_url(url: str, outlet: str) -> None:
    assert outlet_from_url(url) == outlet


def test_known_names_match_the_page_importer() -> None:
    """A site named by its URL lists under the same name as its copied pages."""
    page_names = set(_OUTLETS)
    bengal_only = {"আনন্দবাজার পত্রিকা", "এই সময়", "সংবাদ প্রতিদিন", "বর্তমান"}
    assert set(KNOWN_HOSTS.values()) - page_names <= bengal_only


def test_stored_outlet_wins() -> None:
    assert shown_outlet("কালবেলা", "https://www.prothomalo.com/x") == "কালবেলা"
    assert shown_outlet("", "https://www.prothomalo.com/x") == "প্রথম আলো"


def test_import_derives_outlet_and_list_shows_it_for_old_rows(tmp_path) -> None:
    store = Store(tmp_path / "p.db")
    store.add_articles(
        [
            ArticleDraft(text="এক দুই তিন।", title="ক", url="https://www.jugantor.com/a/1"),
            ArticleDraft(text="চার পাঁচ ছয়।", title="খ", outlet="সমকাল"),
        ]
    )
    stored = dict(store.db.execute("SELECT title, outlet FROM articles").fetchall())
    assert stored == {"ক": "যুগান্তর", "খ": "সমকাল"}
    # A project imported before: the outlet column is empty, the list derives it, the
    # stored row is left alone.
    with store.transaction():
        store.db.execute(
            "UPDATE articles SET outlet = '', url = 'https://www.bbc.com/bengali/x'"
            " WHERE title = 'খ'"
        )
    rows = {row.title: row.outlet for row in store.article_list("rahim")}
    assert rows == {"ক": "যুগান্তর", "খ": "বিবিসি বাংলা"}
    ids = store.article_list_ids("rahim")
    assert {row.outlet for row in store.list_rows("rahim", ids)} == {"যুগান্তর", "বিবিসি বাংলা"}
    assert store.db.execute("SELECT outlet FROM articles WHERE title = 'খ'").fetchone()[0] == ""


def test_attribute_values_read_as_text() -> None:
    assert attr_text(["কিম জং উন", "পুতিন"]) == "কিম জং উন, পুতিন"
    assert attr_text(None) == ""
    assert attr_text([]) == ""
    assert attr_text(3) == "3"
    assert attr_text({"b", "a"}) == "a, b"
    summary = attrs_summary({"certainty": "reported", "actors": ["ক", "খ"], "source": ""})
    assert summary == "actors: ক, খ; certainty: reported"
