"""Marks core strings the window shows for translation, without importing Qt.

`QT_TRANSLATE_NOOP(context, text)` returns `text` unchanged; `pyside6-lupdate` finds the calls
by name and puts `text` into `resources/i18n/annotator_bn.ts` under `context`. The window
translates the string where it shows it (`annotator.ui.i18n.translate(context, text)`).
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate knows
    """`text` as it is; `context` only tells lupdate where the translation belongs."""
    del context
    return text
