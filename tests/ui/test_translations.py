"""The Bengali interface: every marked string translated, no bare string handed to a Qt text
setter, the catalogs compiled, View → Language switching live, and Bengali digits in counts."""

from __future__ import annotations

import ast
import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from annotator.models import ArticleDraft
from annotator.store import Store
from annotator.ui import i18n
from annotator.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "resources" / "i18n"
_spec = importlib.util.spec_from_file_location("missing", I18N / "missing.py")
missing = importlib.util.module_from_spec(_spec)
sys.modules["missing"] = missing  # dataclasses look their module up
_spec.loader.exec_module(missing)


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).parent / name)
    if not Path(found).exists():
        pytest.skip(f"{name} is not installed")
    return found


def _sources() -> list[str]:
    return sorted(str(p) for p in (ROOT / "annotator").rglob("*.py"))


def _lupdate(ts: Path, *flags: str) -> None:
    subprocess.run(
        [_tool("pyside6-lupdate"), *_sources(), "-no-obsolete", "-locations", "none",
         "-source-language", "en", *flags, "-ts", str(ts)],
        check=True, capture_output=True,
    )  # fmt: skip


def test_every_marked_string_has_a_bengali_translation(tmp_path):
    """lupdate run on the sources now, merged into a copy of the committed catalog: every
    message must be finished and keep its placeholders."""
    fresh = tmp_path / "annotator_bn.ts"
    shutil.copy(I18N / "annotator_bn.ts", fresh)
    _lupdate(fresh, "-target-language", "bn_BD")
    untranslated = missing.problems(missing.read_catalog(fresh))
    assert not untranslated, (
        "strings without a Bengali translation (run `make i18n`, translate them in "
        "resources/i18n/annotator_bn.ts, run `make i18n` again):\n" + "\n".join(untranslated)
    )
    committed = missing.read_catalog(I18N / "annotator_bn.ts")
    assert {(m.context, m.source) for m in committed} == {
        (m.context, m.source) for m in missing.read_catalog(fresh)
    }, "annotator_bn.ts is not up to date with the sources: run `make i18n`"


def test_english_plural_forms_are_complete(tmp_path):
    fresh = tmp_path / "annotator_en.ts"
    shutil.copy(I18N / "annotator_en.ts", fresh)
    _lupdate(fresh, "-target-language", "en", "-pluralonly")
    messages = missing.read_catalog(fresh)
    assert messages and all(m.numerus for m in messages)
    assert not missing.problems(messages), "run `make i18n` and fill annotator_en.ts"


@pytest.mark.parametrize("name", ["annotator_bn", "annotator_en", "qtbase_bn"])
def test_committed_qm_is_compiled_from_the_ts(tmp_path, name):
    out = tmp_path / f"{name}.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), "-nounfinished", str(I18N / f"{name}.ts"), "-qm", str(out)],
        check=True,
        capture_output=True,
    )
    assert out.read_bytes() == (I18N / f"{name}.qm").read_bytes(), f"run `make i18n` ({name})"


def test_the_packaged_app_bundles_the_compiled_catalogs():
    spec = (ROOT / "packaging" / "annotator.spec").read_text(encoding="utf-8")
    assert '(str(ROOT / "resources"), "resources")' in spec  # resources/i18n/*.qm with it
    assert i18n.translations_dir() == ROOT / "resources" / "i18n"
    assert {p.name for p in i18n.translations_dir().glob("*.qm")} == {
        "annotator_bn.qm",
        "annotator_en.qm",
        "qtbase_bn.qm",
    }


def test_missing_lists_unfinished_and_broken_placeholders(tmp_path):
    ts = tmp_path / "x.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><TS version="2.1"><context><name>C</name>'
        "<message><source>Saved {path}</source><translation>সংরক্ষিত</translation></message>"
        '<message><source>Open</source><translation type="unfinished"></translation></message>'
        "<message><source>Fine {x}</source><translation>ঠিক {x}</translation></message>"
        "</context></TS>",
        encoding="utf-8",
    )
    found = missing.problems(missing.read_catalog(ts))
    assert [line.split("  ")[0] for line in found] == ["C | Saved {path}", "C | Open"]
    assert missing.main(["missing.py", str(ts)]) == 1


# -- no literal handed to a Qt text setter -----------------------------------------------------

_SETTERS = {
    "setText", "setWindowTitle", "setToolTip", "setPlaceholderText", "setStatusTip",
    "showMessage", "setTitle", "setLabelText", "addTab", "addMenu", "addAction", "addRow",
    "addItem", "setHeaderLabels", "setHorizontalHeaderLabels", "setVerticalHeaderLabels",
    "addButton", "setWhatsThis", "setItemText", "setTabText", "setHtml",
}  # fmt: skip
_CONSTRUCTORS = {"QLabel", "QPushButton", "QCheckBox", "QGroupBox", "QAction", "QToolBar",
                 "QRadioButton", "QMenu"}  # fmt: skip
_MESSAGES = {"critical", "warning", "information", "question", "getText", "getItem"}
_FILE_DIALOGS = {"getOpenFileName", "getOpenFileNames", "getSaveFileName", "getExistingDirectory"}
# Markup and entities the code wraps around translated text ("<b>{title}</b>", "&nbsp;").
_MARKUP = re.compile(r"<[^>]*>|&\w+;")


def _has_words(text: str) -> bool:
    return any(c.isalpha() for c in _MARKUP.sub("", text))


def _is_words(node: ast.AST) -> bool:
    """A str constant, or an f-string, whose own text has letters (not only markup, marks
    and the placeholders of translated pieces): such text never reaches a translator."""
    if isinstance(node, ast.JoinedStr):
        return any(
            isinstance(part, ast.Constant) and _has_words(str(part.value)) for part in node.values
        )
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return _has_words(node.value)
    if isinstance(node, (ast.List, ast.Tuple)):
        return any(_is_words(e) for e in node.elts)
    if isinstance(node, ast.BinOp):
        return _is_words(node.left) or _is_words(node.right)
    return False


def untranslated_literals(source: str, filename: str) -> list[str]:
    """`file:line call` of every Qt text call in `source` given a literal or f-string."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name in _SETTERS or name in _CONSTRUCTORS:
            args = node.args
        elif name in _MESSAGES and isinstance(func, ast.Attribute):
            args = node.args[1:3]  # parent, title, text
        elif name in _FILE_DIALOGS and isinstance(func, ast.Attribute):
            args = node.args[1:2]  # parent, caption (then a folder or file name)
        else:
            continue
        if any(_is_words(a) for a in args):
            found.append(f"{filename}:{node.lineno} {name}")
    return found


def test_no_literal_goes_straight_to_a_qt_text_setter():
    found = []
    for path in sorted((ROOT / "annotator" / "ui").rglob("*.py")):
        found += untranslated_literals(path.read_text(encoding="utf-8"), path.name)
    assert not found, "wrap these in self.tr() / QCoreApplication.translate():\n" + "\n".join(found)


def test_the_scan_catches_literals_and_f_strings():
    code = (
        "label = QLabel('Hello')\n"
        "self.setWindowTitle(f'Project {name}')\n"
        "bar.showMessage('Saved', 3000)\n"
        "QMessageBox.warning(self, 'Import', text)\n"
        "table.setHorizontalHeaderLabels(['Time', self.tr('Kind')])\n"
        "ok = QLabel(self.tr('Hello'))\n"
        "self.setWindowTitle(self.tr('Project {name}').format(name=name))\n"
        "title.setText(f'<b>{escape(title)}</b>')\n"
        "QFileDialog.getSaveFileName(self, self.tr('Export'), 'labels.json')\n"
        "QFileDialog.getSaveFileName(self, 'Export', 'labels.json')\n"
    )
    assert untranslated_literals(code, "x.py") == [
        "x.py:1 QLabel", "x.py:2 setWindowTitle", "x.py:3 showMessage", "x.py:4 warning",
        "x.py:5 setHorizontalHeaderLabels", "x.py:10 getSaveFileName",
    ]  # fmt: skip


# -- the window in Bengali ----------------------------------------------------------------------


@pytest.fixture
def window(make_window, tmp_path):
    store = Store(tmp_path / "project.db")
    store.add_articles([ArticleDraft(text=f"লেখা {i}।", title=f"শিরোনাম {i}") for i in range(12)])
    w = make_window(store)
    yield w
    w.close()
    store.close()


def _titles(window: MainWindow) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def test_view_language_switches_the_window_to_bengali_and_back(window, qtbot):
    assert _titles(window)[:5] == ["&File", "&Edit", "&Tag", "&Suggestions", "&View"]
    bengali = window.command_actions["view.language_bn"]
    english = window.command_actions["view.language_en"]
    assert english.isChecked() and not bengali.isChecked()
    assert window.menus["Language"].menuAction() in window.menus["View"].actions()

    bengali.trigger()
    assert i18n.current_language() == i18n.BENGALI
    assert _titles(window)[:5] == [
        "ফাইল (&F)", "সম্পাদনা (&E)", "ট্যাগ (&T)", "প্রস্তাব (&S)", "দেখুন (&V)",
    ]  # fmt: skip
    assert _titles(window)[-1] == "সাহায্য (&H)"
    assert bengali.isChecked() and not english.isChecked()
    assert window.undo_action.text() == "পূর্বাবস্থায় ফেরান (&U)"
    assert window.export_action.toolTip() == "ডেটাসেট রপ্তানি (Ctrl+E)"
    assert window.list_panel.search_edit.placeholderText() == "বাংলা শব্দ খুঁজুন…"
    assert window.list_model.headerData(0, Qt.Orientation.Horizontal) == "শিরোনাম"
    dialog = window.show_shortcuts()
    assert dialog.windowTitle() == "কিবোর্ড শর্টকাট"
    assert dialog.tree.topLevelItem(0).text(0) == "ফাইল"
    dialog.close()
    assert window.settings.value("language") == "bn"

    english.trigger()
    assert _titles(window)[:5] == ["&File", "&Edit", "&Tag", "&Suggestions", "&View"]
    assert window.show_shortcuts().windowTitle() == "Keyboard shortcuts"
    assert window.settings.value("language") == "en"


def test_bengali_interface_counts_in_bengali_digits(window, qtbot):
    assert window.progress_label.text() == "0 / 12 done"
    assert window.list_panel.count_label.text() == "12 articles"
    window.command_actions["view.language_bn"].trigger()
    assert window.digits_action.isChecked()  # the user never chose: it follows the language
    assert window.progress_label.text() == "১২টির মধ্যে ০টি সম্পন্ন"
    assert window.list_panel.count_label.text() == "১২টি প্রতিবেদন"
    window.command_actions["go.done"].trigger()
    assert window.progress_label.text() == "১২টির মধ্যে ১টি সম্পন্ন"

    window.digits_action.trigger()  # the user's own choice now wins over the language
    assert window.progress_label.text() == "12টির মধ্যে 1টি সম্পন্ন"
    window.command_actions["view.language_en"].trigger()
    window.command_actions["view.language_bn"].trigger()
    assert not window.digits_action.isChecked()
    assert window.list_panel.count_label.text() == "12টি প্রতিবেদন"


def test_one_article_is_singular_in_english(qtbot, tmp_path):
    store = Store(tmp_path / "one.db")
    store.add_articles([ArticleDraft(text="লেখা।", title="এক")])
    w = MainWindow(store, "rahim", QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    assert w.list_panel.count_label.text() == "1 article"
    w.close()
    store.close()


def test_language_follows_the_choice_then_the_system(tmp_path, monkeypatch):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    monkeypatch.setattr(i18n, "system_language", lambda: i18n.BENGALI)
    assert i18n.chosen_language(settings) == i18n.BENGALI
    settings.setValue("language", "en")
    assert i18n.chosen_language(settings) == i18n.ENGLISH


def test_qt_standard_buttons_are_bengali(qtbot):
    from PySide6.QtWidgets import QDialogButtonBox

    i18n.apply_language(i18n.BENGALI)
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    qtbot.addWidget(box)
    texts = {b.text() for b in box.buttons()}
    assert texts == {"ঠিক আছে", "বাতিল"}


def test_certainty_and_attribute_names_follow_the_interface_language(qtbot, tmp_path):
    """The span form's certainty choices and the review summary's names are Bengali in the
    Bengali interface, while the stored value stays the key."""
    from annotator.attributes import attrs_summary
    from annotator.ui import i18n
    from annotator.ui.i18n import shown_attribute

    i18n.apply_language(i18n.BENGALI)
    try:
        assert shown_attribute("reported") == "প্রতিবেদিত"
        summary = attrs_summary({"certainty": "reported", "actors": ["কিম"]}, shown_attribute)
        assert summary == "পক্ষসমূহ: কিম; নিশ্চয়তা: প্রতিবেদিত"
        assert shown_attribute("কিম") == "কিম"
    finally:
        i18n.apply_language(i18n.ENGLISH)
    assert shown_attribute("reported") == "reported"


def test_plurals_of_the_windows_parts_are_translated(window, qtbot):
    """A plural marked in a part of the window (`ExportFlow`, `FrameFlow`) is found in that
    part's context, in both languages (not the source with its number filled in)."""
    assert window.tr("Exported %Ln span(s) to {path}", "", 1) == "Exported 1 span to {path}"
    assert window.tr("Exported %Ln span(s) to {path}", "", 3) == "Exported 3 spans to {path}"
    window.command_actions["view.language_bn"].trigger()
    assert window.tr("Exported %Ln span(s) to {path}", "", 3) == "{path}-এ ৩টি স্প্যান রপ্তানি হয়েছে"
    assert window.tr("{item}  (%Ln filled)", "", 2) == "{item}  (২টি পূরণ)"
    assert window.tr("All changes saved") == "সব পরিবর্তন সংরক্ষিত"
    window.command_actions["view.language_en"].trigger()
