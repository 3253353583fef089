"""The main window's Help menu: Keyboard shortcuts, Guidelines and About."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from annotator.ui.dialogs.about_dialog import AboutDialog
from annotator.ui.dialogs.guidelines_dialog import GuidelinesDialog
from annotator.ui.dialogs.shortcuts_dialog import ShortcutsDialog

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow


class HelpMenu:
    """Help → Keyboard shortcuts, Guidelines…, About… (a part of `MainWindow`)."""

    shortcuts_dialog: ShortcutsDialog | None = None
    guidelines_dialog: GuidelinesDialog | None = None
    about_dialog: AboutDialog | None = None

    def show_shortcuts(self: MainWindow) -> ShortcutsDialog:
        """Help → Keyboard shortcuts: every key of the key map, with this scheme's labels."""
        if self.shortcuts_dialog is not None:
            self.shortcuts_dialog.close()
        self.shortcuts_dialog = ShortcutsDialog(self.labels.values(), self)
        self.shortcuts_dialog.show()
        return self.shortcuts_dialog

    def show_guidelines(self: MainWindow) -> GuidelinesDialog:
        """Help → Guidelines…: every label of the project's scheme with its guideline."""
        if self.guidelines_dialog is not None:
            self.guidelines_dialog.close()
        self.guidelines_dialog = GuidelinesDialog(list(self.labels.values()), self)
        self.guidelines_dialog.show()
        return self.guidelines_dialog

    def show_about(self: MainWindow) -> AboutDialog:
        """Help → About…: versions, the data folder, this project's file, licences."""
        if self.about_dialog is not None:
            self.about_dialog.close()
        self.about_dialog = AboutDialog(self.store.path, self)
        self.about_dialog.show()
        return self.about_dialog

    def help_windows(self: MainWindow) -> list[QWidget]:
        """The help dialogs now made (to close with the project)."""
        found = (self.shortcuts_dialog, self.guidelines_dialog, self.about_dialog)
        return [d for d in found if d is not None]
