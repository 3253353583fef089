"""The interface language: which translation is loaded, and numbers in the digits chosen.

The window's strings are English in the source, marked with `self.tr()` or
`QCoreApplication.translate()` (core strings with `annotator.translatable.QT_TRANSLATE_NOOP`);
`pyside6-lupdate` collects them into `resources/i18n/annotator_bn.ts` and `pyside6-lrelease`
compiles that to `annotator_bn.qm` (`make i18n`). `apply_language("bn")` installs it (and Qt's
own Bengali strings for standard buttons and text menus); Qt then sends every widget a
LanguageChange event and the windows set their texts again.

The language follows the system locale (bn* gives Bengali) unless the user chose one in
View → Language (kept in QSettings as `language`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from annotator.attributes import SHOWN_NAMES
from annotator.paths import resources_dir

BENGALI, ENGLISH = "bn", "en"
LANGUAGES = (BENGALI, ENGLISH)
SETTING = "language"
CATALOG = "annotator"  # resources/i18n/annotator_<lang>.qm
QT_CATALOGS = ("qtbase",)  # Qt's own, from Qt's translations folder or ours

_installed: list[QTranslator] = []
_language = ENGLISH
_applied = False
_BENGALI_LOCALE = QLocale(QLocale.Language.Bengali, QLocale.Country.Bangladesh)
_ENGLISH_LOCALE = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def translations_dir() -> Path:
    """Where the compiled catalogs (.qm) are: resources/i18n (also in the packaged app)."""
    return resources_dir() / "i18n"


def system_language() -> str:
    """Bengali when the system locale (or one of its UI languages) is bn*, else English."""
    system = QLocale.system()
    names = [system.name(), *system.uiLanguages()]
    return BENGALI if any(name.lower().startswith("bn") for name in names) else ENGLISH


def chosen_language(settings: QSettings) -> str:
    """The language the user chose in View → Language, else the system's."""
    value = str(settings.value(SETTING, "") or "")
    return value if value in LANGUAGES else system_language()


def current_language() -> str:
    """The language the interface is in now."""
    return _language


def apply_language(language: str) -> bool:
    """Install the translations for `language` (English: none) in place of the current ones;
    every widget gets a LanguageChange event. False when Bengali was asked for but its
    catalog is missing (the interface stays English)."""
    global _language, _applied
    if _applied and language == _language and (_installed or language == ENGLISH):
        return True  # already so: no LanguageChange for nothing
    _applied = True
    app = QCoreApplication.instance()
    for translator in _installed:
        if app is not None:
            app.removeTranslator(translator)
    _installed.clear()
    _language = ENGLISH
    own = QTranslator()
    if language != BENGALI:
        # English needs its catalog only for plural forms ("1 article", "2 articles").
        if own.load(str(translations_dir() / f"{CATALOG}_{ENGLISH}.qm")) and app is not None:
            app.installTranslator(own)
            _installed.append(own)
        return language == ENGLISH
    if not own.load(str(translations_dir() / f"{CATALOG}_{BENGALI}.qm")):
        return False
    translators = [own, *_qt_translators()]
    if app is not None:
        for translator in translators:
            app.installTranslator(translator)
    _installed.extend(translators)
    _language = BENGALI
    return True


def ensure_language() -> None:
    """Install English (its plural forms) if no language was applied yet: for windows made
    without `app.run` (scripts, tests)."""
    if not _applied:
        apply_language(ENGLISH)


def _qt_translators() -> list[QTranslator]:
    """Qt's own Bengali strings (standard buttons, text-field menus): Qt's file when it ships
    one, else ours (PySide6 has no qtbase_bn.qm)."""
    found = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in QT_CATALOGS:
        for folder in (qt_dir, str(translations_dir())):
            translator = QTranslator()
            if translator.load(f"{name}_{BENGALI}", folder):
                found.append(translator)
                break
    return found


def translate(context: str, text: str, n: int = -1) -> str:
    """`text` (marked with QT_TRANSLATE_NOOP under `context`) in the interface language."""
    return QCoreApplication.translate(context, text, None, n)


def key_text(text: str) -> str:
    """A key-map string (menu text, description, note) in the interface language."""
    return QCoreApplication.translate("keymap", text)


# -- digits ----------------------------------------------------------------------------------

_bengali_digits = False


def set_bengali_digits(on: bool) -> None:
    """Counts (`number`, and `%Ln` in translated sentences) in Bengali digits (০-৯) or not."""
    global _bengali_digits
    _bengali_digits = on
    QLocale.setDefault(_BENGALI_LOCALE if on else _ENGLISH_LOCALE)


def bengali_digits() -> bool:
    """Whether counts show in Bengali digits."""
    return _bengali_digits


def number(value: int) -> str:
    """A count as shown: grouped ("12,345"), in Bengali digits ("১২,৩৪৫") when chosen."""
    return (_BENGALI_LOCALE if _bengali_digits else _ENGLISH_LOCALE).toString(value)


def digits(text: str) -> str:
    """`text` with its ASCII digits in Bengali digits when chosen (a date, a figure)."""
    return text.translate(_TO_BENGALI) if _bengali_digits else text


_TO_BENGALI = str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")


def shown_attribute(text: str) -> str:
    """An attribute's name or a certainty value in the interface language
    (`annotator.attributes.SHOWN_NAMES`); anything else as it is."""
    return translate("attributes", text) if text in SHOWN_NAMES else text
