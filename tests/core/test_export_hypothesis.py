import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.export.selection import ExportItem
from annotator.formats import conll, jsonl
from annotator.models import Article, Span

ALPHABET = st.sampled_from(
    list("কখগ়াি্ৎয়\u09df \u00a0\n।?!,\"'=-😀👍🏽\u200c\u200dab1২") + ["\r", "\t", "\u2028"]
)


@st.composite
def items(draw):
    text = draw(st.text(ALPHABET, min_size=1, max_size=60))
    spans = []
    for i in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        spans.append(
            Span(
                id=i + 1, article_id=1, annotator=draw(st.sampled_from(["a", "b"])),
                label=draw(st.sampled_from(["x", "troop deployment", "=y"])),
                start=start, end=end, text=text[start:end],
                attrs={"certainty": "reported"}, note=draw(st.text(ALPHABET, max_size=5)),
                origin="manual", created="c", updated="u",
            )
        )  # fmt: skip
    article = Article(
        id=1, uid="u1", title="t", outlet="", byline="", url="", published=None, updated=None,
        text=text, raw="", source_file="", imported_at="", meta={},
    )  # fmt: skip
    return ExportItem(article=article, spans=spans, status={"a": "done"})


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(items(), min_size=1, max_size=3))
def test_jsonl_roundtrip_offsets(tmp_path, batch):
    out = tmp_path / "x.jsonl"
    assert jsonl.write(batch, out) == sum(len(i.spans) for i in batch)
    lines = out.read_text(encoding="utf-8").split("\n")
    assert lines[-1] == ""
    for item, line in zip(batch, lines[:-1], strict=True):
        rec = json.loads(line)
        assert rec["text"] == item.article.text
        for span in rec["spans"]:
            assert rec["text"][span["start"] : span["end"]] == span["text"]
        assert len(rec["spans"]) == len(item.spans)


@given(items())
def test_conll_tokens_cover_text(item):
    text = item.article.text
    tokens = conll.tokenize(text)
    covered = set()
    for s, e in tokens:
        assert s < e and not conll.SPACE.search(text[s:e])
        covered.update(range(s, e))
    assert all((i in covered) != bool(conll.SPACE.match(c)) for i, c in enumerate(text))
    flat = [t for sentence in conll.sentences(text) for t in sentence]
    assert flat == tokens
    tags, used = conll.tag_tokens(tokens, conll.choose_layer(item.spans))
    assert len(tags) == len(tokens) and used <= len(item.spans)
    for prev, tag in zip(["O", *tags], tags, strict=False):
        if tag.startswith("I-"):
            assert prev[2:] == tag[2:]
