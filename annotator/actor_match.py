"""Find the register's actors named in a text: every whole word (or run of words) that is a
name or alias of an actor, bare or with a Bengali case ending (কিমের, রাশিয়াকে, ভারতের).

All names go into one regular expression built as a trie (shared beginnings written once),
so a text is read once whatever the size of the register. Offsets are code points into the
text, half-open, on grapheme-cluster boundaries. Nothing here imports Qt.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import regex

from annotator.inflection import ending_pattern
from annotator.models import Actor
from annotator.text import WORD_CHARS, canonicalise, snap_to_graphemes

_SPACE = r"[\s\u00a0]+"


@dataclass(frozen=True)
class Mention:
    """A name found in a text: `[start, end)` covers the whole inflected word(s); `name` is
    the register name it matched (as written there) and `actor_ids` the actors going by it
    (two or more: an ambiguous name)."""

    start: int
    end: int
    name: str
    actor_ids: tuple[str, ...]


def _key(name: str) -> str:
    """How a name is looked up: canonical, lower case, single spaces."""
    return " ".join(canonicalise(name).lower().split())


def _trie_pattern(words: Iterable[str]) -> str:
    """A regex matching exactly `words`, longest alternative first at each branch."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = True
    return _node_pattern(trie)


def _node_pattern(node: dict[str, Any]) -> str:
    branches = []
    for char in sorted(k for k in node if k):
        piece = _SPACE if char == " " else regex.escape(char)
        branches.append(piece + _node_pattern(node[char]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a word may end here: try the longer ones first (greedy)
        return f"(?:{body})?"
    return body


class NameMatcher:
    """Finds whole-word mentions of some names (each naming some actor ids) in texts."""

    def __init__(self, names: Mapping[str, Iterable[str]]) -> None:
        """`names`: each name (any case, any Unicode form) and the actor ids it names."""
        self._ids: dict[str, tuple[str, ...]] = {}
        self._shown: dict[str, str] = {}
        for name, ids in names.items():
            key = _key(name)
            if not key:
                continue
            known = self._ids.get(key, ())
            self._ids[key] = known + tuple(i for i in ids if i not in known)
            self._shown.setdefault(key, name.strip())
        self._pattern = None
        if self._ids:
            edge = f"[{WORD_CHARS}]"
            self._pattern = regex.compile(
                f"(?<!{edge})(?P<stem>{_trie_pattern(self._ids)}){ending_pattern()}(?!{edge})",
                regex.IGNORECASE | regex.V1,
            )

    def __bool__(self) -> bool:
        return self._pattern is not None

    def find(self, text: str) -> list[Mention]:
        """Every mention in `text`, in text order, not overlapping (the longest name wins)."""
        if self._pattern is None or not text:
            return []
        found: list[Mention] = []
        for match in self._pattern.finditer(text):
            key = _key(match.group("stem"))
            ids = self._ids.get(key)
            if ids is None:  # the regex's case folding differs from str.lower: skip
                continue
            start, end = snap_to_graphemes(text, match.start(), match.end())
            found.append(Mention(start, end, self._shown[key], ids))
        return found


def actor_names(actors: Iterable[Actor]) -> dict[str, list[str]]:
    """Every name and alias of `actors`, each with the ids of the actors going by it."""
    names: dict[str, list[str]] = {}
    for actor in actors:
        for name in actor.names():
            names.setdefault(name, []).append(actor.id)
    return names


class ActorMatcher(NameMatcher):
    """A `NameMatcher` over the whole register (names, Bengali names and aliases)."""

    def __init__(self, actors: Iterable[Actor]) -> None:
        """Match every name of `actors`."""
        super().__init__(actor_names(actors))

    def suggest(self, text: str) -> list[str]:
        """The actor ids `text` (a span's text) names, when all of it is one mention."""
        mentions = self.find(text.strip())
        if len(mentions) == 1 and (mentions[0].start, mentions[0].end) == (0, len(text.strip())):
            return list(mentions[0].actor_ids)
        return []
