import unicodedata

import pytest

from annotator.text import (
    DecodeError,
    Utf16Map,
    canonicalise,
    content_uid,
    decode_bytes,
    grapheme_bounds,
    snap_to_graphemes,
    snap_to_words,
    words,
)

BENGALI = "উত্তর কোরিয়ার নেতা কিম জং উন"


def test_decode_utf8_plain_and_with_bom():
    assert decode_bytes(BENGALI.encode("utf-8")) == BENGALI
    assert decode_bytes(b"\xef\xbb\xbf" + BENGALI.encode("utf-8")) == BENGALI


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_decode_utf16_and_32_with_bom(codec):
    data = BENGALI.encode(codec)
    if codec == "utf-16-le":
        data = b"\xff\xfe" + data
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    assert decode_bytes(data) == BENGALI


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("কিম".encode()[:-1], "truncated"),
        ("কোরিয়া café".encode("cp1252", errors="replace") * 20, "not valid UTF-8"),
        (b"\xff\xfe" + "ক".encode("utf-16-le")[:1], "invalid UTF-16"),
    ],
)
def test_decode_rejects_with_one_line_reason(data, reason):
    with pytest.raises(DecodeError) as err:
        decode_bytes(data)
    assert reason in str(err.value)
    assert "\n" not in str(err.value)


def test_canonicalise_newlines_bom_and_nfc():
    assert canonicalise("\ufeffএক\r\nদুই\rতিন\u2028চার") == "এক\nদুই\nতিন\nচার"
    precomposed = "\u09df"  # য় as one code point decomposes under NFC
    assert canonicalise(precomposed) == "\u09af\u09bc"
    assert canonicalise("\u09c7\u09be") == "\u09cb"  # ে + া composes to ো
    assert unicodedata.is_normalized("NFC", canonicalise("রাশিয়া\u00a0কিম"))


def test_canonicalise_keeps_nbsp_and_emoji():
    text = "কিম\u00a0জং 😀 উন"
    assert canonicalise(text) == text


def test_canonicalise_is_idempotent():
    text = "ক\r\n\u09dfা\r\n"
    assert canonicalise(canonicalise(text)) == canonicalise(text)


def test_content_uid_ignores_encoding_forms():
    assert content_uid("কিম\r\nউন") == content_uid("কিম\nউন")
    assert content_uid("\u09df") == content_uid("\u09af\u09bc")
    assert content_uid("a") != content_uid("b")


def test_utf16_map_after_emoji():
    text = "😀😀 কিম জং উন"
    m = Utf16Map.of(text)
    start = text.index("কিম")
    assert m.to_utf16(start) == start + 2
    assert m.from_utf16(m.to_utf16(start)) == start
    assert m.from_utf16(1) == 0  # inside the first surrogate pair rounds down


def test_utf16_map_without_astral_is_identity():
    m = Utf16Map.of(BENGALI)
    assert all(m.to_utf16(i) == i and m.from_utf16(i) == i for i in range(len(BENGALI) + 1))


def test_graphemes_keep_conjuncts_whole():
    word = "রাষ্ট্রীয়"
    bounds = grapheme_bounds(word)
    assert bounds[0] == 0 and bounds[-1] == len(word)
    # ষ্ট্রী is one cluster: no boundary between ষ and ট
    ssa = word.index("ষ")
    assert not any(ssa < b < ssa + 6 for b in bounds)
    assert snap_to_graphemes(word, ssa + 1, ssa + 2) == (ssa, ssa + 6)


def test_snap_to_words_trims_space_danda_quotes():
    text = "কিম বলেন, ‘রাশিয়া জিতবে।’ এরপর"
    start = text.index("শি")
    end = text.index("এরপর") - 1
    s, e = snap_to_words(text, start, end)
    assert text[s:e] == "রাশিয়া জিতবে"


def test_words_keep_vowel_signs_and_virama():
    assert [BENGALI[s:e] for s, e in words(BENGALI)] == BENGALI.split()
