"""Code points to Qt's UTF-16 positions and back, and the snapping of a Qt selection.

This is the one place where the text policy's conversion happens (docs/ARCHITECTURE.md,
"One text policy"): every offset the reading pane takes or emits is a code point into the
stored text, half-open, while QTextDocument and QTextCursor count UTF-16 code units (an emoji
before a span shifts it by one unit per emoji). The other reader modules ask a `Positions`
for the Qt position of an offset, or the offset of a Qt position, and never convert
themselves. Nothing here imports Qt.
"""

from __future__ import annotations

from annotator.text import Utf16Map, snap_to_graphemes, snap_to_words


class Positions:
    """One article's stored text and its code point <-> Qt (UTF-16) position map."""

    __slots__ = ("_map", "text")

    def __init__(self, text: str = "") -> None:
        self.text = text
        self._map = Utf16Map.of(text)

    def clamp(self, offset: int) -> int:
        """`offset` moved into [0, len(text)]."""
        return max(0, min(offset, len(self.text)))

    def to_qt(self, offset: int) -> int:
        """Qt position of code point `offset` (clamped to the text)."""
        return self._map.to_utf16(self.clamp(offset))

    def to_qt_range(self, start: int, end: int) -> tuple[int, int]:
        """Qt positions of code-point range [start, end)."""
        return self.to_qt(start), self.to_qt(end)

    def from_qt(self, position: int) -> int:
        """Code point at Qt `position`; inside a surrogate pair, the pair's own code point."""
        return self._map.from_utf16(position)

    def clamped_range(self, start: int, end: int) -> tuple[int, int]:
        """[start, end) inside the text, start <= end."""
        a, b = self.clamp(start), self.clamp(end)
        return (a, b) if a <= b else (b, a)

    def snap(self, start: int, end: int) -> tuple[int, int]:
        """[start, end) widened to whole grapheme clusters (conjuncts, emoji sequences)."""
        return snap_to_graphemes(self.text, start, end)

    def selection(self, start16: int, end16: int, words: bool) -> tuple[int, int]:
        """The code-point selection that Qt selection [start16, end16) stands for.

        Widened to whole grapheme clusters, and to whole words (trimmed of spaces, danda and
        quotes) when `words`; an empty selection is a caret at the start of its cluster.
        """
        a, b = self.from_qt(start16), self.from_qt(end16)
        if a >= b:
            s = snap_to_graphemes(self.text, a, a)[0]
            return s, s
        s, e = snap_to_graphemes(self.text, a, b)
        if words:
            s, e = snap_to_words(self.text, s, e)
        return s, e
