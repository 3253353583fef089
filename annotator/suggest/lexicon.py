"""What the tagger knows besides its training: each label's trigger phrases (the project's
lexicon, edited by the analyst) and the actor register's names and aliases. Both are matched
with their Bengali case endings (`actor_match.NameMatcher`), so a phrase finds its inflected
forms; a hit is a feature for the tagger and, on its own, a suggestion."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from annotator.actor_match import NameMatcher, actor_names
from annotator.models import Actor
from annotator.text import canonicalise

ACTOR_LABEL = "actor"
REGISTER = "register"  # the source of a hit from the register's names


@dataclass(frozen=True, slots=True)
class Hit:
    """A phrase or name found in a text: `[start, end)` covers the inflected word(s),
    `stem_end` where the phrase itself ends (before a case ending)."""

    start: int
    end: int
    stem_end: int
    label: str
    source: str  # "lexicon" or REGISTER
    actor_ids: tuple[str, ...] = ()


@dataclass
class Lexicon:
    """Trigger phrases by label, and the register (its names suggest `actor` spans)."""

    phrases: Mapping[str, Iterable[str]] = field(default_factory=dict)
    actors: Iterable[Actor] = ()
    actor_label: str | None = ACTOR_LABEL

    def __post_init__(self) -> None:
        by_phrase: dict[str, list[str]] = {}
        for label, phrases in self.phrases.items():
            for phrase in phrases:
                by_phrase.setdefault(phrase, []).append(label)
        self._phrases = NameMatcher(by_phrase)
        self.actors = list(self.actors)
        self._names = NameMatcher(actor_names(self.actors)) if self.actor_label else None

    def hits(self, text: str) -> list[Hit]:
        """Every phrase and register name in `text`, in text order."""
        found = []
        for mention in self._phrases.find(text):
            stem = _stem_end(text, mention.start, mention.end, mention.name)
            found += [Hit(mention.start, mention.end, stem, label, "lexicon")
                      for label in mention.actor_ids]  # fmt: skip
        if self._names and self.actor_label:
            for mention in self._names.find(text):
                stem = _stem_end(text, mention.start, mention.end, mention.name)
                found.append(Hit(mention.start, mention.end, stem, self.actor_label, REGISTER,
                                 mention.actor_ids))  # fmt: skip
        return sorted(found, key=lambda h: (h.start, h.end, h.label))


def _stem_end(text: str, start: int, end: int, name: str) -> int:
    """Where `name` ends inside the mention `[start, end)` (the case ending after it left out)."""
    stem = canonicalise(name.strip())
    cut = start + len(stem)
    if cut < end and text[start:cut].casefold() == stem.casefold():
        return cut
    return end
