"""The one text policy: decode, canonicalise once, and code-point offset helpers."""

from __future__ import annotations

import bisect
import functools
import hashlib
import unicodedata
from dataclasses import dataclass
from typing import Any

from annotator.clusters import plain_snap

# Characters Qt and Python treat as line breaks; each becomes "\n" (one code point for one).
_LINE_BREAKS = str.maketrans(
    {"\u2028": "\n", "\u2029": "\n", "\x85": "\n", "\x0b": "\n", "\x0c": "\n"}
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
WORD_CHARS = r"\p{L}\p{M}\p{N}"
"""What a word is made of (as a `regex` character class body): letters, marks, digits."""
_WORD = rf"[{WORD_CHARS}]+"
_GRAPHEME = r"(?s)\X"
_ASTRAL = "[\U00010000-\U0010ffff]"


@functools.cache
def _compiled(pattern: str) -> Any:
    """`pattern` compiled by the regex engine, loaded on first use (not at every start)."""
    import regex  # noqa: PLC0415

    return regex.compile(pattern)


# Characters a selection should not start or end on when snapping to words.
_TRIM = " \t\n\u00a0\u200b\u0964\u0965.,;:!?\"'‘’“”«»()[]{}<>-–—/|"


class DecodeError(ValueError):
    """Raised when bytes cannot be decoded under the text policy; the message is one line."""


def decode_bytes(data: bytes) -> str:
    """Decode file bytes: UTF-8 (with or without BOM) or UTF-16/32 with a BOM; else DecodeError.

    The BOM is removed. Binary data (NUL bytes in UTF-8) is rejected, not guessed at.
    """
    if not data:
        raise DecodeError("empty file")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    f"invalid {codec.upper()} at byte {exc.start + len(bom)} (truncated or corrupt)"
                ) from None
    if looks_binary(data):
        raise DecodeError("binary file (contains NUL bytes); expected UTF-8 text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise utf8_error(exc, 0, len(data), data) from None


def utf8_error(
    exc: UnicodeDecodeError, offset: int, size: int, head: bytes, bom: bool = False
) -> DecodeError:
    """The error `decode_bytes` gives for a file of `size` bytes starting with `head` (its
    first 64 KiB at least, or all of it) when decoding the bytes from `offset` on failed with
    `exc`; `bom`: the file starts with a UTF-8 BOM. For readers that decode a file in pieces."""
    at = offset + exc.start
    if bom:
        return DecodeError(f"invalid UTF-8 at byte {at} (truncated or corrupt)")
    if at >= size - 3 and exc.reason == "unexpected end of data":
        return DecodeError(f"truncated UTF-8 at byte {at}")
    guess = _guess_encoding(head)
    hint = f" (looks like {guess}; re-save as UTF-8)" if guess else ""
    return DecodeError(f"not valid UTF-8 at byte {at}{hint}")


def looks_binary(head: bytes) -> bool:
    """True when bytes without a UTF-16/32 BOM hold NUL bytes early on (images, archives...)."""
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return False
    return b"\x00" in head[:8192]


def _guess_encoding(data: bytes) -> str | None:
    """Name the likely legacy encoding for an error message; never used to decode."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - dependency is declared
        return None
    best = from_bytes(data[:65536]).best()
    return best.encoding if best is not None else None


def canonicalise(text: str) -> str:
    """Return the canonical form stored for `text`: BOM dropped, LF line breaks, NFC.

    Applied exactly once, at import; stored text never changes afterwards.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    if (  # `in` is several times faster than a regular expression on long texts
        "\r" in text
        or "\u2028" in text
        or "\u2029" in text
        or "\x85" in text
        or "\x0b" in text
        or "\x0c" in text
    ):
        text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_LINE_BREAKS)
    if not _surely_nfc(text):
        text = unicodedata.normalize("NFC", text)
    return text


def _surely_nfc(text: str) -> bool:
    """True only if `text` is in NFC; False when it is not, or (rarely) when that is unsure.

    `unicodedata.is_normalized` answers from a quick check unless the text holds a "maybe"
    character, and then it normalises the whole text to compare. Nearly every Bengali text has
    one: the vowel sign AA (া, U+09BE; also the AU length mark ৗ, U+09D7). Those two are
    starters that compose only with a vowel sign E (ে, U+09C7) right before them and never as
    the first half, so normalisation never reaches across them: without such a pair, each
    piece between them is normalised on its own, and each is a stretch of the text without
    them, so the text is NFC if that is. That text usually holds no "maybe" character left, so
    the quick check decides: about ten times faster on Bengali news.
    """
    if "\u09be" in text or "\u09d7" in text:
        if "\u09c7\u09be" in text or "\u09c7\u09d7" in text:
            return False  # composes to ো / ৌ: not NFC
        text = text.replace("\u09be", "").replace("\u09d7", "")
    return unicodedata.is_normalized("NFC", text)


def content_uid(text: str, title: str = "") -> str:
    """Stable content hash of an article (its canonical title and text), 16 hex digits."""
    return canonical_uid(canonicalise(text), canonicalise(title).strip())


def canonical_uid(text: str, title: str = "") -> str:
    """`content_uid` of a text (and stripped title) already in canonical form.

    Skips the second canonicalisation pass, which costs as much as normalising: Bengali vowel
    signs make Python's NFC quick check answer "maybe", so it falls back to a full pass.
    """
    digest = hashlib.sha256()
    digest.update(title.encode("utf-8"))
    digest.update(b"\x00")
    digest.update(text.encode("utf-8"))
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class Utf16Map:
    """Converts code-point offsets of one text to UTF-16 positions (Qt's unit) and back.

    Only astral characters (emoji and the like) take two UTF-16 units, so the map keeps the
    sorted code-point indices of those and answers with a binary search.
    """

    astral: tuple[int, ...]
    length: int

    @classmethod
    def of(cls, text: str) -> Utf16Map:
        """Build the map for `text`."""
        return cls(tuple(m.start() for m in _compiled(_ASTRAL).finditer(text)), len(text))

    def to_utf16(self, offset: int) -> int:
        """UTF-16 position of code-point `offset`."""
        return offset + bisect.bisect_left(self.astral, offset)

    def from_utf16(self, position: int) -> int:
        """Code-point offset of UTF-16 `position`; a position inside a pair rounds down."""
        lo, hi = 0, len(self.astral)
        while lo < hi:  # count astral chars whose UTF-16 start lies before `position`
            mid = (lo + hi) // 2
            if self.astral[mid] + mid < position:
                lo = mid + 1
            else:
                hi = mid
        offset = position - lo
        if lo and self.astral[lo - 1] + lo - 1 + 1 == position:
            # position falls between the two halves of a surrogate pair
            offset = self.astral[lo - 1]
        return max(0, min(offset, self.length))


def grapheme_bounds(text: str) -> list[int]:
    """Every grapheme-cluster boundary of `text` (conjuncts stay whole), 0 and the end included."""
    bounds = [0]
    bounds.extend(m.end() for m in _compiled(_GRAPHEME).finditer(text))
    return bounds


def snap_to_graphemes(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen `[start, end)` to whole grapheme clusters."""
    start, end = _clamp(text, start, end)
    plain = plain_snap(text, start, end)
    if plain is not None:
        return plain
    lo = max(0, start - 32)
    hi = min(len(text), end + 32)
    # Clusters are found on a window around the span; a cluster longer than 32 code points
    # is not a thing in real text.
    window_bounds = [lo + b for b in grapheme_bounds(text[lo:hi])]
    s = window_bounds[bisect.bisect_right(window_bounds, start) - 1]
    if start == end:  # a caret stays a caret, moved to the cluster's start
        return s, s
    i = bisect.bisect_left(window_bounds, end)
    e = window_bounds[min(i, len(window_bounds) - 1)]
    return s, max(s, e)


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen `[start, end)` to whole words, then trim spaces, danda and quotes at both ends."""
    start, end = _clamp(text, start, end)
    if start == end:
        return snap_to_graphemes(text, start, end)
    for m in _compiled(_WORD).finditer(text, max(0, start - 200), min(len(text), end + 200)):
        if m.start() < start < m.end():
            start = m.start()
        if m.start() < end < m.end():
            end = m.end()
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return snap_to_graphemes(text, start, end) if start < end else (start, start)


def words(text: str) -> list[tuple[int, int]]:
    """Half-open code-point ranges of the words (runs of letters, marks, digits) of `text`."""
    return [m.span() for m in _compiled(_WORD).finditer(text)]


def _clamp(text: str, start: int, end: int) -> tuple[int, int]:
    if start > end:
        start, end = end, start
    return max(0, min(start, len(text))), max(0, min(end, len(text)))


def step_boundary(
    text: str, position: int, forward: bool, by_words: bool, edge: str = "end"
) -> int:
    """Where a span edge moves one step from `position`: to the next/previous word end
    (`edge="end"`) or word start (`edge="start"`), or one grapheme cluster when not by words.

    Used to grow or shrink a span from the keyboard.
    """
    position = max(0, min(position, len(text)))
    if by_words:
        edges = [span[1] if edge == "end" else span[0] for span in words(text)]
    else:
        edges = grapheme_bounds(text)
    if forward:
        i = bisect.bisect_right(edges, position)
        return edges[i] if i < len(edges) else position
    i = bisect.bisect_left(edges, position) - 1
    return edges[i] if i >= 0 else position


_VIRAMA_OR_JOINER = frozenset("\u09cd\u200d")


def may_split_cluster(text: str, i: int) -> bool:
    """Whether offset `i` may fall inside a grapheme cluster (cheap test, no false "no"s for
    Bengali and emoji: a mark, joiner or variation selector at `i`, a virama or ZWJ before it,
    an emoji modifier, or two regional indicators)."""
    if i <= 0 or i >= len(text):
        return False
    ch, before = text[i], text[i - 1]
    if ch in "\u200c\u200d":
        return True
    # A virama or ZWJ before `i`, with only marks and joiners between, joins `ch` to the
    # cluster before it (conjuncts; emoji ZWJ sequences).
    for back in range(i - 1, max(-1, i - 9), -1):
        prev = text[back]
        if prev in _VIRAMA_OR_JOINER:
            return True
        if unicodedata.category(prev)[0] != "M":
            break
    code = ord(ch)
    if 0xFE00 <= code <= 0xFE0F or 0x1F3FB <= code <= 0x1F3FF or 0xE0020 <= code <= 0xE007F:
        return True
    if 0x1F1E6 <= code <= 0x1F1FF and 0x1F1E6 <= ord(before) <= 0x1F1FF:
        return True
    return unicodedata.category(ch)[0] == "M"


class OffsetMap:
    """Maps code-point offsets of a source text to offsets of its canonical form."""

    def __init__(self, source: str, canonical: str | None = None) -> None:
        """`canonical` is `canonicalise(source)` when the caller has it already."""
        self.source = source
        self.canonical = canonicalise(source) if canonical is None else canonical
        self.identity = self.canonical == source
        self._cache: dict[int, int] = {}

    def __call__(self, offset: int) -> int:
        """Canonical offset of source `offset` (exact on NFC-stable boundaries; verify)."""
        if self.identity:
            return offset
        found = self._cache.get(offset)
        if found is None:
            found = self._cache[offset] = len(canonicalise(self.source[:offset]))
        return found
