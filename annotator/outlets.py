"""An outlet's name from its web address, when the source names none (no Qt).

Known Bengali news sites get the name the page importer gives them (`ingest.scraped`), so an
article from a URL and one from a copied page list under one outlet; any other site gets its
bare host name (`www.` dropped).
"""

from __future__ import annotations

import functools
from urllib.parse import urlsplit

# Host (without "www.", or a domain it ends with) -> the outlet's name; a host with a path
# prefix ("bbc.com/bengali") names the outlet only under that path.
KNOWN_HOSTS: dict[str, str] = {
    "prothomalo.com": "প্রথম আলো",
    "kalbela.com": "কালবেলা",
    "jugantor.com": "যুগান্তর",
    "samakal.com": "সমকাল",
    "ittefaq.com.bd": "ইত্তেফাক",
    "kalerkantho.com": "কালের কণ্ঠ",
    "bd-pratidin.com": "বাংলাদেশ প্রতিদিন",
    "dhakapost.com": "ঢাকা পোস্ট",
    "jagonews24.com": "জাগো নিউজ",
    "banglatribune.com": "বাংলা ট্রিবিউন",
    "bangla.bdnews24.com": "বিডিনিউজ২৪",
    "bdnews24.com": "বিডিনিউজ২৪",
    "deshrupantor.com": "দেশ রূপান্তর",
    "dailynayadiganta.com": "নয়া দিগন্ত",
    "mzamin.com": "মানবজমিন",
    "dainikamadershomoy.com": "আমাদের সময়",
    "dailyinqilab.com": "ইনকিলাব",
    "sangbadprokash.com": "সংবাদ প্রকাশ",
    "banglanews24.com": "বাংলানিউজ২৪",
    "bangla.thedailystar.net": "ডেইলি স্টার",
    "ajkerpatrika.com": "আজকের পত্রিকা",
    "bonikbarta.com": "বণিক বার্তা",
    "bhorerkagoj.com": "ভোরের কাগজ",
    "dainikbangla.com.bd": "দৈনিক বাংলা",
    "khaborerkagoj.com": "খবরের কাগজ",
    "dailyamardesh.com": "আমার দেশ",
    "sangbad.net.bd": "সংবাদ",
    "risingbd.com": "রাইজিংবিডি",
    "barta24.com": "বার্তা২৪",
    "newsbangla24.com": "নিউজবাংলা২৪",
    "somoynews.tv": "সময় টিভি",
    "jamuna.tv": "যমুনা টিভি",
    "channelionline.com": "চ্যানেল আই",
    "ekattor.tv": "একাত্তর টিভি",
    "bbc.com/bengali": "বিবিসি বাংলা",
    "bbc.co.uk/bengali": "বিবিসি বাংলা",
    "anandabazar.com": "আনন্দবাজার পত্রিকা",
    "eisamay.com": "এই সময়",
    "sangbadpratidin.in": "সংবাদ প্রতিদিন",
    "bartamanpatrika.com": "বর্তমান",
    "dhakatribune.com": "ঢাকা ট্রিবিউন",
    "sharebiz.net": "শেয়ার বিজ",
}


@functools.lru_cache(maxsize=4096)
def outlet_from_url(url: str) -> str:
    """The outlet a web address belongs to: a known site's name, else its host without
    `www.`; '' when `url` has no host (empty, a file name, not a web address)."""
    text = url.strip()
    if not text:
        return ""
    if "//" not in text:
        if not (text.startswith("www.") or "/" in text):
            return ""  # a bare name ("article.txt") is no address
        text = "//" + text  # "prothomalo.com/world/..." without a scheme
    try:
        parts = urlsplit(text)
        host = (parts.hostname or "").rstrip(".")
    except ValueError:  # a malformed address (bad port, brackets)
        return ""
    if "." not in host:
        return ""
    host = host.removeprefix("www.").removeprefix("m.")
    first = parts.path.strip("/").split("/", 1)[0].casefold()
    for candidate in (f"{host}/{first}", host):
        domain = candidate
        while "." in domain:
            if domain in KNOWN_HOSTS:
                return KNOWN_HOSTS[domain]
            domain = domain.split(".", 1)[1]
    return host


def shown_outlet(outlet: str, url: str) -> str:
    """What to show as an article's outlet: the stored one, else the one its URL names."""
    return outlet or outlet_from_url(url)
