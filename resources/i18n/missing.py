"""List the interface strings the Bengali catalog does not translate yet (run by `make i18n`).

    python resources/i18n/missing.py [annotator_bn.ts]

Prints one line per message that is missing, unfinished, or whose translation lost a
placeholder (`{name}`, `%n`, `%Ln`), as `context | source`, and exits 1 if there is any.
Refresh the catalog from the sources first (`make i18n`), then translate the lines shown in
`resources/i18n/annotator_bn.ts` (a text editor or `pyside6-linguist`) and run `make i18n`
again to compile it. `tests/ui/test_translations.py` uses the same checks.
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
CATALOG = HERE / "annotator_bn.ts"
_PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%L?n")


@dataclass(frozen=True)
class Message:
    """One message of a .ts file: its context, English source and translations (one per
    plural form for a numerus message; empty when not translated)."""

    context: str
    source: str
    translations: tuple[str, ...]
    finished: bool
    numerus: bool


def read_catalog(path: Path) -> list[Message]:
    """Every message of the .ts file at `path` (obsolete ones left out)."""
    messages = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else "unfinished"
            if kind in ("obsolete", "vanished"):
                continue
            forms = translation.findall("numerusform") if translation is not None else []
            texts = [f.text or "" for f in forms] if forms else [
                (translation.text or "") if translation is not None else ""
            ]  # fmt: skip
            messages.append(Message(name, message.findtext("source") or "", tuple(texts),
                                    kind != "unfinished", message.get("numerus") == "yes"))  # fmt: skip
    return messages


def problems(messages: list[Message]) -> list[str]:
    """`context | source` of each message not translated, unfinished, or with a translation
    whose placeholders differ from the source's."""
    found = []
    for m in messages:
        if not m.finished or not all(t.strip() for t in m.translations):
            found.append(f"{m.context} | {_one_line(m.source)}")
            continue
        wanted = sorted(p.replace("%Ln", "%n") for p in _PLACEHOLDER.findall(m.source))
        for text in m.translations:
            have = sorted(p.replace("%Ln", "%n") for p in _PLACEHOLDER.findall(text))
            if have != wanted:
                found.append(
                    f"{m.context} | {_one_line(m.source)}  (placeholders {wanted}, got {have})"
                )
                break
    return found


def _one_line(text: str) -> str:
    return text.replace("\n", "\\n")


def main(argv: list[str]) -> int:
    """Print the messages that need a translator; 1 when there are any."""
    path = Path(argv[1]) if len(argv) > 1 else CATALOG
    found = problems(read_catalog(path))
    for line in found:
        print(line)
    if found:
        print(f"{len(found)} message(s) of {path.name} need a translation", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
