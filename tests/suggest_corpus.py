"""A generated corpus of Bengali news-like articles for the suggestion tests and benchmark:
claims of the five default labels written from templates, with the actors, places and
sources in them tagged (names without their case endings, as the guidelines ask). Training
and test articles draw on DIFFERENT actors and places, so a score on the test articles says
whether the tagger learnt the context, not the names."""

from __future__ import annotations

import random
import re

from annotator.suggest.model import TrainingDoc

TRAIN_ACTORS = [
    "রাশিয়া", "চীন", "ভারত", "পাকিস্তান", "ইরান", "তুরস্ক", "জাপান", "ফ্রান্স", "জার্মানি",
    "ইসরায়েল", "মিসর", "সৌদি আরব", "উত্তর কোরিয়া", "দক্ষিণ কোরিয়া", "যুক্তরাষ্ট্র",
    "যুক্তরাজ্য", "ইউক্রেন", "বেলারুশ", "সিরিয়া", "কাতার", "ন্যাটো", "জাতিসংঘ", "পুতিন",
    "শি জিনপিং", "কিম জং উন",
]  # fmt: skip
TEST_ACTORS = [
    "ব্রাজিল", "আর্জেন্টিনা", "নাইজেরিয়া", "কেনিয়া", "ইথিওপিয়া", "ভিয়েতনাম", "থাইল্যান্ড",
    "মালয়েশিয়া", "ইন্দোনেশিয়া", "পোল্যান্ড", "হাঙ্গেরি", "সার্বিয়া", "কিউবা", "ভেনেজুয়েলা",
    "মেক্সিকো",
]  # fmt: skip
TRAIN_PLACES = [
    "দোনেৎস্ক", "খারকিভ", "সিরিয়া সীমান্ত", "লাদাখ", "তাইওয়ান প্রণালী", "গোলান মালভূমি",
    "ক্রিমিয়া", "কাশ্মীর", "ইয়েমেন", "লিবিয়া", "বাল্টিক সাগর", "দক্ষিণ চীন সাগর",
]  # fmt: skip
TEST_PLACES = [
    "সাহেল", "দারফুর", "কাবুল", "হরমুজ প্রণালী", "লোহিত সাগর", "মিন্দানাও", "কারাকাস",
    "বালুচিস্তান",
]  # fmt: skip
SOURCES = ["রয়টার্স", "এএফপি", "বিবিসি", "আল জাজিরা", "এপি"]
DIGITS = "০১২৩৪৫৬৭৮৯"
_VOWEL_SIGNS = "ািীুূৃেৈোৌ"

# [[...]] is the claim span; {A}/{B}: actors, {P}: a place, {S}: a source, {N}: a number.
# After a colon, the case ending: gen (of), loc (in/at), obj (to).
TEMPLATES = {
    "troop_deployment": [
        "{A} {P:loc} [[{N} হাজার সেনা মোতায়েন করেছে]] বলে জানিয়েছে {S}।",
        "{A:gen} সেনাবাহিনী {P:gen} কাছে [[নতুন করে সৈন্য পাঠিয়েছে]]।",
        "{S} জানায়, {A} {P:loc} [[ট্যাংক ও সাঁজোয়া যান মোতায়েন করেছে]]।",
        "{A} {P:loc} [[আরও {N}টি ব্যাটালিয়ন পাঠানোর ঘোষণা দিয়েছে]]।",
    ],
    "treaty": [
        "{A} ও {B} [[একটি প্রতিরক্ষা চুক্তি সই করেছে]]।",
        "{A:gen} সঙ্গে {B:gen} [[বাণিজ্য সমঝোতা স্মারক স্বাক্ষরিত হয়েছে]] বলে জানিয়েছে {S}।",
        "{P:loc} {A} ও {B} [[যুদ্ধবিরতি চুক্তিতে পৌঁছেছে]]।",
    ],
    "visit": [
        "{A:gen} প্রেসিডেন্ট [[{P} সফরে গেছেন]]।",
        "{A:gen} পররাষ্ট্রমন্ত্রী {B:gen} নেতার [[সঙ্গে বৈঠক করেছেন]]।",
        "{S} জানিয়েছে, {A:gen} প্রতিনিধিদল [[{N} দিনের সফরে {B} পৌঁছেছে]]।",
    ],
    "military_aid": [
        "{A} {B:obj} [[ক্ষেপণাস্ত্র সরবরাহ করবে]] বলে জানিয়েছে {S}।",
        "{A} {B:obj} [[{N} কোটি ডলারের সামরিক সহায়তা দিয়েছে]]।",
        "{B:gen} জন্য {A} [[যুদ্ধবিমান ও গোলাবারুদ পাঠাচ্ছে]]।",
    ],
    "support_statement": [
        "{A} {B:gen} অবস্থানের প্রতি [[পূর্ণ সমর্থন জানিয়েছে]]।",
        "{A:gen} মুখপাত্র বলেন, [[আমরা {B:gen} পাশে আছি]]।",
        "{S} জানায়, {A} {B:obj} [[সংহতি জানিয়ে বিবৃতি দিয়েছে]]।",
    ],
}
FILLERS = [
    "আবহাওয়া অফিস জানিয়েছে, আগামী কয়েক দিন বৃষ্টি হতে পারে।",
    "{P:loc} একটি নতুন সেতুর উদ্বোধন হয়েছে।",
    "বিশ্লেষকেরা বলছেন, পরিস্থিতি এখনো অস্পষ্ট।",
    "বাজারে চালের দাম গত সপ্তাহে কিছুটা বেড়েছে।",
    "{A:gen} অর্থনীতি এ বছর {N} শতাংশ বাড়বে বলে আশা করা হচ্ছে।",
    "সংবাদ সম্মেলনে আর কোনো প্রশ্নের উত্তর দেওয়া হয়নি।",
]
_SLOT = re.compile(r"\[\[|\]\]|\{([A-Z])(?::(\w+))?\}")


def _ending(name: str, case: str | None) -> str:
    vowel = name[-1] in _VOWEL_SIGNS
    return {None: "", "gen": "র" if vowel else "ের", "loc": "য়" if vowel else "ে",
            "obj": "কে"}[case]  # fmt: skip


def _number(rng: random.Random) -> str:
    return "".join(DIGITS[int(d)] for d in str(rng.randint(2, 90)))


def _sentence(template: str, label: str | None, rng: random.Random, actors: list[str],
              places: list[str]) -> tuple[str, list[tuple[int, int, str]]]:  # fmt: skip
    a, b = rng.sample(actors, 2)
    names = {"A": (a, "actor"), "B": (b, "actor"), "P": (rng.choice(places), "place"),
             "S": (rng.choice(SOURCES), "source")}  # fmt: skip
    out, spans, claim_start, pos = [], [], None, 0
    for match in _SLOT.finditer(template):
        out.append(template[pos : match.start()])
        pos = match.end()
        length = sum(len(p) for p in out)
        if match.group() == "[[":
            claim_start = length
        elif match.group() == "]]":
            spans.append((claim_start, length, label))
        elif match.group(1) == "N":
            out.append(_number(rng))
        else:
            name, kind = names[match.group(1)]
            spans.append((length, length + len(name), kind))
            out.append(name + _ending(name, match.group(2)))
    out.append(template[pos:])
    return "".join(out), spans


def article(rng: random.Random, actors: list[str], places: list[str]) -> TrainingDoc:
    """One article: two to five sentences, one to three of them claims."""
    parts: list[tuple[str, str | None]] = []
    for _ in range(rng.randint(1, 3)):
        label = rng.choice(sorted(TEMPLATES))
        parts.append((rng.choice(TEMPLATES[label]), label))
    for _ in range(rng.randint(1, 2)):
        parts.append((rng.choice(FILLERS), None))
    rng.shuffle(parts)
    text, spans = "", []
    for template, label in parts:
        sentence, found = _sentence(template, label, rng, actors, places)
        offset = len(text) + (1 if text else 0)
        text = f"{text} {sentence}" if text else sentence
        spans += [(s + offset, e + offset, k) for s, e, k in found]
    return TrainingDoc(text, spans)


def corpus(
    train: int = 200, test: int = 60, seed: int = 7
) -> tuple[list[TrainingDoc], list[TrainingDoc]]:
    """`train` articles with the training actors and places, `test` with unseen ones."""
    rng = random.Random(seed)
    return ([article(rng, TRAIN_ACTORS, TRAIN_PLACES) for _ in range(train)],
            [article(rng, TEST_ACTORS, TEST_PLACES) for _ in range(test)])  # fmt: skip


def fill_store(store, docs: list[TrainingDoc], annotator: str | None = "rahim") -> list[int]:  # noqa: ANN001
    """Store `docs` as articles (their spans as `annotator`'s, unless None); the ids."""
    from annotator.models import ArticleDraft  # noqa: PLC0415

    results = store.add_articles(
        [ArticleDraft(text=d.text, title=f"খবর {i}") for i, d in enumerate(docs)]
    )
    ids = [r.id for r in results]
    if annotator is not None:
        store.add_annotator(annotator)
        with store.transaction():
            for article_id, doc in zip(ids, docs, strict=True):
                assert store.article(article_id).text == doc.text
                for start, end, label in doc.spans:
                    store.add_span(article_id, annotator, label, start, end)
    return ids
