"""A two-article, two-layer project with relations and actor links, built by hand: the
relation-agreement tests work its figures out in their docstrings."""

from __future__ import annotations

from annotator.models import ArticleDraft
from annotator.store import Store

TEXT = "ক" * 120

# Eight spans per article and layer, as (name, label, start, end). B differs from A only where
# `B_SPANS` says so.
SPANS = [
    ("c1", "troop_deployment", 0, 10),
    ("x1", "actor", 20, 25),
    ("x2", "actor", 30, 35),
    ("p", "place", 40, 45),
    ("d", "date", 50, 55),
    ("s", "source", 60, 65),
    ("x3", "actor", 70, 75),
    ("c2", "visit", 80, 90),
]
# Article 1: B's x3 ends one later (so it is unmatched, and so is A's x3); B also tags an
# actor A did not. Article 2: B's spans are A's.
B_SPANS_1 = {"x3": ("actor", 70, 76)}
B_EXTRA_1 = [("x9", "actor", 100, 105)]
# Register ids: (article, span) -> (A's, B's).
LINKS = {
    (1, "x1"): ("RUS", "RUS"),  # same
    (1, "x2"): ("PRK", None),  # only A linked
    (1, "x3"): ("USA", "USA"),  # unmatched span: not counted
    (2, "x1"): ("IND", "IND"),  # same
    (2, "x2"): ("CHN", "BGD"),  # different
    (2, "x3"): (None, "PAK"),  # only B linked
}
# Relations (type, head, tail) of each layer, per article.
A_RELATIONS = {
    1: [("agent", "c1", "x1"), ("target", "c1", "x2"), ("location", "c1", "p"),
        ("time", "c1", "d"), ("attributed_to", "c1", "s"), ("agent", "c2", "x3")],
    2: [("agent", "c1", "x1"), ("target", "c1", "x2"), ("location", "c1", "p"),
        ("attributed_to", "c1", "s"), ("agent", "c2", "x3"), ("time", "c2", "d")],
}  # fmt: skip
B_RELATIONS = {
    1: [("agent", "c1", "x1"), ("location", "c1", "x2"), ("location", "c1", "p"),
        ("time", "c1", "d"), ("attributed_to", "c1", "s"), ("agent", "c2", "x3")],
    2: [("agent", "c1", "x1"), ("agent", "c1", "x2"), ("location", "c1", "p"),
        ("attributed_to", "c2", "s"), ("agent", "c2", "x3")],
}  # fmt: skip


def build(store: Store) -> list[int]:
    drafts = [ArticleDraft(text=TEXT + n, title=n) for n in "12"]
    ids = [a.id for a in store.add_articles(drafts)]
    for number, article_id in enumerate(ids, start=1):
        for layer, relations in (("A", A_RELATIONS), ("B", B_RELATIONS)):
            spans = {}
            rows = list(SPANS)
            if layer == "B" and number == 1:
                rows = [(n, *B_SPANS_1.get(n, (lab, s, e))) for n, lab, s, e in rows] + B_EXTRA_1
            for name, label, start, end in rows:
                link = LINKS.get((number, name), (None, None))[layer == "B"]
                attrs = {"actor_id": link} if link else {}
                spans[name] = store.add_span(article_id, layer, label, start, end, attrs)
            for kind, head, tail in relations[number]:
                store.add_relation(layer, kind, spans[head].id, spans[tail].id)
    return ids
