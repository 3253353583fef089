"""View → Language and View → Bengali digits: switching the interface language live (the
menus, toolbar and the main window's texts are set again from the key map and `tr`) and
showing counts and dates in Bengali digits."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtGui import QActionGroup

from annotator.keymap import LANGUAGE_COMMANDS, MAIN, label_commands
from annotator.ui import i18n
from annotator.ui.shortcuts import retranslate_action, retranslate_menus

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow

DIGITS_SETTING = "bengali_digits"


class InterfaceLanguage:
    """The language and digits menu items and the window's retranslation (a part of
    `MainWindow`)."""

    def _build_language_actions(self: MainWindow) -> None:
        """Make the View → Language items one exclusive choice, ticked for the language now."""
        self.language_group = QActionGroup(self)
        self.language_group.setExclusive(True)
        for language, command_id in LANGUAGE_COMMANDS.items():
            action = self.command_actions[command_id]
            self.language_group.addAction(action)
            action.setChecked(language == i18n.current_language())

    def language_slots(self: MainWindow) -> dict:
        """The key map's slots for View → Language."""
        return {
            command_id: (lambda language=language: self.set_language(language))
            for language, command_id in LANGUAGE_COMMANDS.items()
        }

    def set_language(self: MainWindow, language: str) -> None:
        """Show the interface in `language` from now on and remember the choice (QSettings);
        the digits follow the language unless the user chose them."""
        if not i18n.apply_language(language):
            self.statusBar().showMessage(
                self.tr("The Bengali translation is missing from this installation."), 8000
            )
        self.settings.setValue(i18n.SETTING, language)
        if self.settings.value(DIGITS_SETTING) is None:
            self.digits_action.setChecked(i18n.current_language() == i18n.BENGALI)
            self._apply_digits()
        self.retranslate_ui()
        self.statusBar().showMessage(
            self.tr("Windows and dialogs already open change language when opened again."), 8000
        )

    def restore_digits(self: MainWindow) -> None:
        """Bengali digits as the user chose them, else on with a Bengali interface."""
        stored = self.settings.value(DIGITS_SETTING)
        from annotator.ui.window.window_state import as_bool  # noqa: PLC0415 - no cycle

        on = as_bool(stored) if stored is not None else i18n.current_language() == i18n.BENGALI
        self.digits_action.setChecked(on)
        self._apply_digits()

    def _on_digits_toggled(self: MainWindow) -> None:
        self.settings.setValue(DIGITS_SETTING, self.digits_action.isChecked())
        self._apply_digits()

    def _apply_digits(self: MainWindow) -> None:
        on = self.digits_action.isChecked()
        i18n.set_bengali_digits(on)
        self.list_model.bengali_digits = on
        self.list_panel.fit_columns()
        self.list_panel.show_count()
        self._show_progress()
        if self.article is not None:
            self.header.show_article(self.article, on)

    def changeEvent(self: MainWindow, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """A translator was installed or removed: set every text again."""
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "menus"):
            self.retranslate_ui()
        super().changeEvent(event)  # type: ignore[misc]

    def retranslate_ui(self: MainWindow) -> None:
        """Every text of the window in the interface language: menus and actions from the key
        map, the status bar, the list, the span panel and the header."""
        labels = {c.id: c for c in label_commands(self.labels.values())}
        for command_id, action in self.command_actions.items():
            retranslate_action(action, next(c for c in MAIN if c.id == command_id))
        for action in self._label_actions:
            if action.objectName() in labels:
                retranslate_action(action, labels[action.objectName()])
        retranslate_menus(self.menus)
        for language, command_id in LANGUAGE_COMMANDS.items():
            self.command_actions[command_id].setChecked(language == i18n.current_language())
        self.toolbar.setWindowTitle(self.tr("Main toolbar"))
        self._show_title()
        self._show_annotator()
        if not self._save_failed:
            self.save_label.setText(self.tr("All changes saved"))
        self._show_progress()
        self._on_history_changed()
        self.list_panel.retranslate()
        self.panel.retranslate()
        self.frame_panel.retranslate()
        if self.article is not None:
            self.header.show_article(self.article, self.digits_action.isChecked())
