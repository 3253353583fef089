"""The key map: every keyboard command of the main and review windows in one table (no Qt).

A command has an id, its keys as portable key-sequence strings ("Ctrl+Z", "Shift+Right",
"Delete"), the menu it sits in, its menu text and a line for the help overlay. The windows
build their menus, toolbar buttons and shortcuts from these tables (`ui/shortcuts.py`) and
the help overlay lists them (`ui/dialogs/shortcuts_dialog.py`); nothing else names a key. Label keys
("1".."9") come from the label scheme through `label_commands`.

Scopes: a WINDOW key works anywhere in its window, except that text fields keep the keys
they type or move with (a digit in the search box types); a READER key only while the
reading pane has focus. The READER commands are the reading pane's own (it binds them
itself, in every window that shows one).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from annotator.translatable import QT_TRANSLATE_NOOP

WINDOW = "window"
_MNEMONIC_SUFFIX = re.compile(r"\s*\(&[^&\s]\)")  # a translation's " (&F)"
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
READER = "reader"
FIND = "find"  # the find bar's own keys, while it (its field) has focus


@dataclass(frozen=True)
class Command:
    """One keyboard command: `text` is the menu text (with its & mnemonic)."""

    id: str
    text: str
    description: str
    keys: tuple[str, ...] = ()
    menu: str = ""  # "" for none (the review window's buttons, which have no menus)
    icon: str | None = None  # a qtawesome icon name
    scope: str = WINDOW
    checkable: bool = False
    group: int = 0  # a separator goes between groups of one menu
    submenu: str = ""  # a key of SUBMENUS: the command sits in that submenu of its menu
    subject: str = ""  # a label command's label (its English and Bengali name)

    @property
    def title(self) -> str:
        """The menu text without its mnemonic and trailing ellipsis."""
        return plain_title(self.text)


def plain_title(text: str) -> str:
    """A menu text without its mnemonic and trailing ellipsis: "&Export…" -> "Export",
    "Both (&H)" -> "Both (H)", and a translation's "রপ্তানি (&E)…" -> "রপ্তানি"."""
    bare = _MNEMONIC_SUFFIX.sub("", text.rstrip("…"))
    if not _LATIN_WORD.search(bare):  # a translation's Latin mnemonic, not an English "(&H)"
        text = bare
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")


class LabelLike(Protocol):
    """What the key map reads of a label (`annotator.scheme.LabelDef` has it)."""

    key: str
    name: str
    shortcut: str | None
    retired: bool

    def display(self) -> str:
        """English and Bengali name together."""
        ...


# Menu name -> its title in the menu bar, in menu-bar order.
MENUS = {
    "File": QT_TRANSLATE_NOOP("keymap", "&File"),
    "Edit": QT_TRANSLATE_NOOP("keymap", "&Edit"),
    "Tag": QT_TRANSLATE_NOOP("keymap", "&Tag"),
    "Suggest": QT_TRANSLATE_NOOP("keymap", "&Suggestions"),
    "View": QT_TRANSLATE_NOOP("keymap", "&View"),
    "Review": QT_TRANSLATE_NOOP("keymap", "&Review"),
    "Go": QT_TRANSLATE_NOOP("keymap", "&Go"),
    "Help": QT_TRANSLATE_NOOP("keymap", "&Help"),
}
# Submenu name -> its title (a submenu sits in its commands' menu, where the first one is).
SUBMENUS = {"Language": QT_TRANSLATE_NOOP("keymap", "&Language")}
# Interface languages: View → Language, by the id of the command that chooses it.
LANGUAGE_COMMANDS = {"bn": "view.language_bn", "en": "view.language_en"}
REVIEW_SECTION = "Review window"
FIND_SECTION = "Find bar"
# Help-overlay headings: a menu's heading is its title without the mnemonic.
SECTION_TITLES = {
    REVIEW_SECTION: QT_TRANSLATE_NOOP("keymap", "Review window"),
    FIND_SECTION: QT_TRANSLATE_NOOP("keymap", "Find bar"),
}
LABEL_MENU = "Tag"
_LABEL_PREFIX = "tag."
LABEL_KEYS = tuple("123456789")  # the keys a label may have (`scheme.validate` checks it)
# A line the help overlay shows under a section's heading.
SECTION_NOTES = {
    LABEL_MENU: QT_TRANSLATE_NOOP(
        "keymap", "with nothing selected, a label's key relabels the current span"
    ),
    REVIEW_SECTION: QT_TRANSLATE_NOOP("keymap", "opened by Review → Review two layers"),
    FIND_SECTION: QT_TRANSLATE_NOOP(
        "keymap", "while the field of Edit → Find in article has focus"
    ),
}
# The description of a label's Tag-menu command ({label}: its English and Bengali name).
TAG_AS = QT_TRANSLATE_NOOP("keymap", "Tag as {label}")

# The reading pane's own keys (zoom), in both windows.
READER_COMMANDS = (
    Command(
        "view.zoom_in",
        QT_TRANSLATE_NOOP("keymap", "Zoom &in"),
        QT_TRANSLATE_NOOP("keymap", "Larger text in the reading pane"),
        ("Ctrl+=", "Ctrl++"),
        "View",
        "fa5s.search-plus",
        READER,
    ),
    Command(
        "view.zoom_out",
        QT_TRANSLATE_NOOP("keymap", "Zoom &out"),
        QT_TRANSLATE_NOOP("keymap", "Smaller text in the reading pane"),
        ("Ctrl+-", "Ctrl+_"),
        "View",
        "fa5s.search-minus",
        READER,
    ),
    Command(
        "view.zoom_reset",
        QT_TRANSLATE_NOOP("keymap", "&Reset zoom"),
        QT_TRANSLATE_NOOP("keymap", "Text back to its first size"),
        ("Ctrl+0",),
        "View",
        None,
        READER,
    ),
)

# The current span's certainty (`scheme.CERTAINTY`, in its order): Alt+1 … Alt+4, Tag menu.
CERTAINTY_PREFIX = "span.certainty."
CERTAINTY_COMMANDS = (
    Command(
        "span.certainty.asserted",
        QT_TRANSLATE_NOOP("keymap", "Certainty: &asserted"),
        QT_TRANSLATE_NOOP("keymap", "Set the current span's certainty to asserted"),
        ("Alt+1",),
        "Tag",
        group=1,
    ),
    Command(
        "span.certainty.reported",
        QT_TRANSLATE_NOOP("keymap", "Certainty: &reported"),
        QT_TRANSLATE_NOOP("keymap", "Set the current span's certainty to reported"),
        ("Alt+2",),
        "Tag",
        group=1,
    ),
    Command(
        "span.certainty.speculated",
        QT_TRANSLATE_NOOP("keymap", "Certainty: s&peculated"),
        QT_TRANSLATE_NOOP("keymap", "Set the current span's certainty to speculated"),
        ("Alt+3",),
        "Tag",
        group=1,
    ),
    Command(
        "span.certainty.denied",
        QT_TRANSLATE_NOOP("keymap", "Certainty: &denied"),
        QT_TRANSLATE_NOOP("keymap", "Set the current span's certainty to denied"),
        ("Alt+4",),
        "Tag",
        group=1,
    ),
)

# The main window, in menu order (the label keys of the Tag menu come from the scheme).
MAIN = (
    Command(
        "file.new",
        QT_TRANSLATE_NOOP("keymap", "&New project…"),
        QT_TRANSLATE_NOOP("keymap", "Create an empty project file and switch to it"),
        ("Ctrl+N",),
        "File",
        "fa5s.file",
    ),
    Command(
        "file.open",
        QT_TRANSLATE_NOOP("keymap", "&Open project…"),
        QT_TRANSLATE_NOOP("keymap", "Open another project file and switch to it"),
        ("Ctrl+Shift+O",),
        "File",
        "fa5s.folder-open",
    ),
    Command(
        "file.import",
        QT_TRANSLATE_NOOP("keymap", "&Import files…"),
        QT_TRANSLATE_NOOP("keymap", "Import articles or annotations from files"),
        ("Ctrl+O",),
        "File",
        "fa5s.file-import",
        group=1,
    ),
    Command(
        "file.import_folder",
        QT_TRANSLATE_NOOP("keymap", "Import &folder…"),
        QT_TRANSLATE_NOOP("keymap", "Import every file in a folder"),
        (),
        "File",
        "fa5s.folder-open",
        group=1,
    ),
    Command(
        "file.import_annotations",
        QT_TRANSLATE_NOOP("keymap", "Import &annotations…"),
        QT_TRANSLATE_NOOP("keymap", "Import annotation files (JSONL, doccano, Label Studio, brat)"),
        (),
        "File",
        "fa5s.file-import",
        group=1,
    ),
    Command(
        "file.import_project",
        QT_TRANSLATE_NOOP("keymap", "Import &colleague's project…"),
        QT_TRANSLATE_NOOP("keymap", "Bring in the layers of a colleague's project file"),
        (),
        "File",
        "fa5s.user-friends",
        group=1,
    ),
    Command(
        "file.export",
        QT_TRANSLATE_NOOP("keymap", "&Export dataset…"),
        QT_TRANSLATE_NOOP("keymap", "Export the dataset (format, layer, done only)"),
        ("Ctrl+E",),
        "File",
        "fa5s.file-export",
        group=1,
    ),
    Command(
        "file.restore",
        QT_TRANSLATE_NOOP("keymap", "&Restore from backup…"),
        QT_TRANSLATE_NOOP("keymap", "Put the project back as a backup has it"),
        (),
        "File",
        "fa5s.history",
        group=2,
    ),
    Command(
        "file.quit",
        QT_TRANSLATE_NOOP("keymap", "&Quit"),
        QT_TRANSLATE_NOOP("keymap", "Close the window"),
        ("Ctrl+Q",),
        "File",
        "fa5s.sign-out-alt",
        group=3,
    ),
    Command(
        "edit.undo",
        QT_TRANSLATE_NOOP("keymap", "&Undo"),
        QT_TRANSLATE_NOOP("keymap", "Undo the last change"),
        ("Ctrl+Z",),
        "Edit",
        "fa5s.undo",
    ),
    Command(
        "edit.redo",
        QT_TRANSLATE_NOOP("keymap", "&Redo"),
        QT_TRANSLATE_NOOP("keymap", "Redo what was undone"),
        ("Ctrl+Shift+Z", "Ctrl+Y"),
        "Edit",
        "fa5s.redo",
    ),
    Command(
        "edit.delete",
        QT_TRANSLATE_NOOP("keymap", "&Delete span"),
        QT_TRANSLATE_NOOP("keymap", "Delete the current span"),
        ("Delete",),
        "Edit",
        "fa5s.trash-alt",
    ),
    Command(
        "edit.grow_end",
        QT_TRANSLATE_NOOP("keymap", "&Grow span end"),
        QT_TRANSLATE_NOOP(
            "keymap", "Move the current span's end one word on (a cluster when not snapping)"
        ),
        ("Shift+Right",),
        "Edit",
        group=1,
    ),
    Command(
        "edit.shrink_end",
        QT_TRANSLATE_NOOP("keymap", "S&hrink span end"),
        QT_TRANSLATE_NOOP("keymap", "Move the current span's end one word back"),
        ("Shift+Left",),
        "Edit",
        group=1,
    ),
    Command(
        "edit.grow_start",
        QT_TRANSLATE_NOOP("keymap", "Grow span s&tart"),
        QT_TRANSLATE_NOOP("keymap", "Move the current span's start one word back"),
        ("Ctrl+Shift+Left",),
        "Edit",
        group=1,
    ),
    Command(
        "edit.shrink_start",
        QT_TRANSLATE_NOOP("keymap", "Shrin&k span start"),
        QT_TRANSLATE_NOOP("keymap", "Move the current span's start one word on"),
        ("Ctrl+Shift+Right",),
        "Edit",
        group=1,
    ),
    Command(
        "edit.scheme",
        QT_TRANSLATE_NOOP("keymap", "&Label scheme…"),
        QT_TRANSLATE_NOOP("keymap", "Edit the labels, their colours and keys"),
        (),
        "Edit",
        "fa5s.tags",
        group=2,
    ),
    Command(
        "edit.register",
        QT_TRANSLATE_NOOP("keymap", "&Actor register…"),
        QT_TRANSLATE_NOOP("keymap", "Add, edit, import and export the actors spans link to"),
        ("Ctrl+Shift+E",),
        "Edit",
        "fa5s.address-book",
        group=2,
    ),
    Command(
        "edit.switch",
        QT_TRANSLATE_NOOP("keymap", "S&witch annotator…"),
        QT_TRANSLATE_NOOP("keymap", "Work as another analyst"),
        (),
        "Edit",
        "fa5s.user-edit",
        group=2,
    ),
    Command(
        "edit.find",
        QT_TRANSLATE_NOOP("keymap", "&Find in article…"),
        QT_TRANSLATE_NOOP("keymap", "Find text in the open article (the find bar)"),
        ("Ctrl+F",),
        "Edit",
        "fa5s.search",
        group=3,
    ),
    Command(
        "edit.find_next",
        QT_TRANSLATE_NOOP("keymap", "Find ne&xt"),
        QT_TRANSLATE_NOOP("keymap", "Go to the next match in the article"),
        ("F3",),
        "Edit",
        "fa5s.chevron-down",
        group=3,
    ),
    Command(
        "edit.find_previous",
        QT_TRANSLATE_NOOP("keymap", "Find pre&vious"),
        QT_TRANSLATE_NOOP("keymap", "Go to the previous match in the article"),
        ("Shift+F3",),
        "Edit",
        "fa5s.chevron-up",
        group=3,
    ),
    *CERTAINTY_COMMANDS,
    Command(
        "span.source",
        QT_TRANSLATE_NOOP("keymap", "Claim &source"),
        QT_TRANSLATE_NOOP("keymap", "Put the cursor in the current span's claim source"),
        ("Alt+S",),
        "Tag",
        group=2,
    ),
    Command(
        "span.occurrences",
        QT_TRANSLATE_NOOP("keymap", "Annotate all &occurrences…"),
        QT_TRANSLATE_NOOP(
            "keymap", "Tag every occurrence of the selection or a word across the project"
        ),
        ("Ctrl+Shift+A",),
        "Tag",
        "fa5s.clone",
        group=2,
    ),
    Command(
        "span.link",
        QT_TRANSLATE_NOOP("keymap", "&Link to the claim…"),
        QT_TRANSLATE_NOOP(
            "keymap", "Fill a slot of the claim's frame (agent, target, place…) with this span"
        ),
        ("Ctrl+L",),
        "Tag",
        "fa5s.link",
        group=2,
    ),
    Command(
        "suggest.next",
        QT_TRANSLATE_NOOP("keymap", "&Next suggestion"),
        QT_TRANSLATE_NOOP("keymap", "Go to the next suggestion in the article"),
        ("F8",),
        "Suggest",
        "fa5s.lightbulb",
    ),
    Command(
        "suggest.previous",
        QT_TRANSLATE_NOOP("keymap", "&Previous suggestion"),
        QT_TRANSLATE_NOOP("keymap", "Go to the previous suggestion in the article"),
        ("Shift+F8",),
        "Suggest",
    ),
    Command(
        "suggest.accept",
        QT_TRANSLATE_NOOP("keymap", "&Accept suggestion"),
        QT_TRANSLATE_NOOP("keymap", "Make the current suggestion your span"),
        ("F9",),
        "Suggest",
        "fa5s.check",
    ),
    Command(
        "suggest.reject",
        QT_TRANSLATE_NOOP("keymap", "&Reject suggestion"),
        QT_TRANSLATE_NOOP("keymap", "Drop the current suggestion; it is not suggested again"),
        ("Shift+F9",),
        "Suggest",
        "fa5s.times",
    ),
    Command(
        "suggest.accept_all",
        QT_TRANSLATE_NOOP("keymap", "Accept a&ll in article"),
        QT_TRANSLATE_NOOP("keymap", "Make every suggestion of the article your span"),
        ("Ctrl+F9",),
        "Suggest",
        "fa5s.check-double",
    ),
    Command(
        "suggest.show",
        QT_TRANSLATE_NOOP("keymap", "&Show suggestions"),
        QT_TRANSLATE_NOOP("keymap", "Draw suggestions in the reading pane"),
        (),
        "Suggest",
        checkable=True,
        group=1,
    ),
    Command(
        "suggest.least_certain",
        QT_TRANSLATE_NOOP("keymap", "Least &certain article next"),
        QT_TRANSLATE_NOOP(
            "keymap", "Next untagged article: the one the suggestions are least sure about"
        ),
        (),
        "Suggest",
        checkable=True,
        group=1,
    ),
    Command(
        "suggest.retrain",
        QT_TRANSLATE_NOOP("keymap", "Re&train now"),
        QT_TRANSLATE_NOOP("keymap", "Learn from your spans again (in the background)"),
        (),
        "Suggest",
        "fa5s.sync",
        group=2,
    ),
    Command(
        "suggest.add_phrase",
        QT_TRANSLATE_NOOP("keymap", "Add selection as &trigger phrase…"),
        QT_TRANSLATE_NOOP(
            "keymap", "Suggest a label wherever the selected words appear (inflected too)"
        ),
        (),
        "Suggest",
        group=2,
    ),
    *READER_COMMANDS,
    Command(
        "view.snap",
        QT_TRANSLATE_NOOP("keymap", "&Snap selections to words"),
        QT_TRANSLATE_NOOP("keymap", "Widen selections to whole words"),
        (),
        "View",
        checkable=True,
        group=1,
    ),
    Command(
        "view.digits",
        QT_TRANSLATE_NOOP("keymap", "&Bengali digits"),
        QT_TRANSLATE_NOOP("keymap", "Show dates and counts in Bengali digits"),
        (),
        "View",
        checkable=True,
        group=1,
    ),
    Command(
        "view.colleagues",
        QT_TRANSLATE_NOOP("keymap", "Show &colleagues' spans"),
        QT_TRANSLATE_NOOP(
            "keymap", "Draw the other layers' spans in the reader and list them in the span table"
        ),
        (),
        "View",
        checkable=True,
        group=1,
    ),
    Command(
        "view.language_bn",
        QT_TRANSLATE_NOOP("keymap", "&Bengali (বাংলা)"),
        QT_TRANSLATE_NOOP("keymap", "Show the interface in Bengali"),
        (),
        "View",
        checkable=True,
        group=2,
        submenu="Language",
    ),
    Command(
        "view.language_en",
        QT_TRANSLATE_NOOP("keymap", "&English"),
        QT_TRANSLATE_NOOP("keymap", "Show the interface in English"),
        (),
        "View",
        checkable=True,
        group=2,
        submenu="Language",
    ),
    Command(
        "review.open",
        QT_TRANSLATE_NOOP("keymap", "&Review two layers…"),
        QT_TRANSLATE_NOOP("keymap", "Compare two layers and settle them into gold"),
        ("Ctrl+Shift+R",),
        "Review",
        "fa5s.balance-scale",
    ),
    Command(
        "review.agreement",
        QT_TRANSLATE_NOOP("keymap", "&Agreement dashboard…"),
        QT_TRANSLATE_NOOP("keymap", "Agreement between two layers"),
        ("Ctrl+Shift+G",),
        "Review",
        "fa5s.chart-bar",
    ),
    Command(
        "review.concordance",
        QT_TRANSLATE_NOOP("keymap", "&Concordance…"),
        QT_TRANSLATE_NOOP(
            "keymap", "Every span of a label or an actor, or every match of a search, in context"
        ),
        ("Ctrl+Shift+K",),
        "Review",
        "fa5s.align-center",
    ),
    Command(
        "go.previous",
        QT_TRANSLATE_NOOP("keymap", "&Previous article"),
        QT_TRANSLATE_NOOP("keymap", "Open the previous article in the list"),
        ("Alt+Up",),
        "Go",
        "fa5s.arrow-up",
    ),
    Command(
        "go.next",
        QT_TRANSLATE_NOOP("keymap", "&Next article"),
        QT_TRANSLATE_NOOP("keymap", "Open the next article in the list"),
        ("Alt+Down",),
        "Go",
        "fa5s.arrow-down",
    ),
    Command(
        "go.next_untagged",
        QT_TRANSLATE_NOOP("keymap", "Next &untagged article"),
        QT_TRANSLATE_NOOP("keymap", "Open the next article not tagged yet"),
        ("Alt+Shift+Down",),
        "Go",
        "fa5s.forward",
    ),
    Command(
        "go.done",
        QT_TRANSLATE_NOOP("keymap", "&Mark done and go on"),
        QT_TRANSLATE_NOOP("keymap", "Mark the article done and open the next one"),
        ("Ctrl+Return", "Ctrl+Enter"),
        "Go",
        "fa5s.check-circle",
    ),
    Command(
        "help.keys",
        QT_TRANSLATE_NOOP("keymap", "&Keyboard shortcuts…"),
        QT_TRANSLATE_NOOP("keymap", "List every key (this list)"),
        ("F1", "?"),
        "Help",
        "fa5s.keyboard",
    ),
    Command(
        "help.guidelines",
        QT_TRANSLATE_NOOP("keymap", "&Guidelines…"),
        QT_TRANSLATE_NOOP("keymap", "Read every label's guideline"),
        (),
        "Help",
        "fa5s.book-open",
    ),
    Command(
        "help.about",
        QT_TRANSLATE_NOOP("keymap", "&About…"),
        QT_TRANSLATE_NOOP("keymap", "Versions, the data folder and this project's file"),
        (),
        "Help",
        "fa5s.info-circle",
        group=1,
    ),
)

# The find bar's own keys (bound to it: Enter in its field goes to the next match).
FIND_COMMANDS = (
    Command(
        "find.next",
        QT_TRANSLATE_NOOP("keymap", "Next match"),
        QT_TRANSLATE_NOOP("keymap", "Next match (in the find field)"),
        ("Return", "Enter"),
        icon="fa5s.chevron-down",
        scope=FIND,
    ),
    Command(
        "find.previous",
        QT_TRANSLATE_NOOP("keymap", "Previous match"),
        QT_TRANSLATE_NOOP("keymap", "Previous match (in the find field)"),
        ("Shift+Return", "Shift+Enter"),
        icon="fa5s.chevron-up",
        scope=FIND,
    ),
    Command(
        "find.close",
        QT_TRANSLATE_NOOP("keymap", "Close the find bar"),
        QT_TRANSLATE_NOOP("keymap", "Close the find bar, back to the text"),
        ("Escape",),
        icon="fa5s.times",
        scope=FIND,
    ),
)

# The main window's toolbar, left to right; None is a separator.
MAIN_TOOLBAR = (
    "file.import",
    "edit.undo",
    "edit.redo",
    None,
    "go.previous",
    "go.next",
    "go.next_untagged",
    "go.done",
    None,
    "edit.delete",
    "view.zoom_out",
    "view.zoom_in",
    "edit.scheme",
)

# The review window (its buttons show these commands; its Window menu has Close).
REVIEW = (
    Command(
        "review.next",
        QT_TRANSLATE_NOOP("keymap", "&Next"),
        QT_TRANSLATE_NOOP("keymap", "Next disagreement (on to the next article)"),
        ("N", "F8"),
        icon="fa5s.arrow-right",
    ),
    Command(
        "review.previous",
        QT_TRANSLATE_NOOP("keymap", "&Previous"),
        QT_TRANSLATE_NOOP("keymap", "Previous disagreement"),
        ("P", "Shift+F8"),
        icon="fa5s.arrow-left",
    ),
    Command(
        "review.accept_a",
        QT_TRANSLATE_NOOP("keymap", "Accept &A"),
        QT_TRANSLATE_NOOP("keymap", "Accept A's spans into the gold layer"),
        ("A",),
        icon="fa5s.check",
    ),
    Command(
        "review.accept_b",
        QT_TRANSLATE_NOOP("keymap", "Accept &B"),
        QT_TRANSLATE_NOOP("keymap", "Accept B's spans into the gold layer"),
        ("B",),
        icon="fa5s.check-double",
    ),
    Command(
        "review.accept_both",
        QT_TRANSLATE_NOOP("keymap", "Both (&H)"),
        QT_TRANSLATE_NOOP("keymap", "Accept both layers' spans into gold"),
        ("H",),
        icon="fa5s.clone",
    ),
    Command(
        "review.reject",
        QT_TRANSLATE_NOOP("keymap", "&Reject"),
        QT_TRANSLATE_NOOP(
            "keymap", "Reject: nothing goes into gold (the comment box's text is kept)"
        ),
        ("R",),
        icon="fa5s.times",
    ),
    Command(
        "review.edit",
        QT_TRANSLATE_NOOP("keymap", "&Edit"),
        QT_TRANSLATE_NOOP(
            "keymap", "Put the reader's selection into gold with the label chosen beside the button"
        ),
        ("E",),
        icon="fa5s.edit",
    ),
    Command(
        "review.undo",
        QT_TRANSLATE_NOOP("keymap", "&Undo"),
        QT_TRANSLATE_NOOP("keymap", "Undo the last change in any window (a ruling, a comment…)"),
        ("Ctrl+Z",),
        icon="fa5s.undo",
    ),
    Command(
        "review.redo",
        QT_TRANSLATE_NOOP("keymap", "&Redo"),
        QT_TRANSLATE_NOOP("keymap", "Redo what was undone"),
        ("Ctrl+Shift+Z", "Ctrl+Y"),
        icon="fa5s.redo",
    ),
    Command(
        "review.adjudicate",
        QT_TRANSLATE_NOOP("keymap", "Adjudicated"),
        QT_TRANSLATE_NOOP("keymap", "Mark the article adjudicated (agreed regions go to gold)"),
        ("Ctrl+Return", "Ctrl+Enter"),
        icon="fa5s.gavel",
    ),
    Command(
        "review.keys",
        QT_TRANSLATE_NOOP("keymap", "&Keyboard shortcuts…"),
        QT_TRANSLATE_NOOP("keymap", "List every key"),
        ("F1",),
        icon="fa5s.keyboard",
    ),
    Command(
        "review.close",
        QT_TRANSLATE_NOOP("keymap", "&Close"),
        QT_TRANSLATE_NOOP("keymap", "Close the review window"),
        ("Escape",),
        icon="fa5s.times-circle",
    ),
)

_ALL = {c.id: c for c in (*MAIN, *FIND_COMMANDS, *REVIEW)}


def command(command_id: str) -> Command:
    """The command with this id (KeyError when the table has none)."""
    return _ALL[command_id]


def label_commands(labels: Iterable[LabelLike]) -> tuple[Command, ...]:
    """One Tag-menu command per active label with a key: its digit tags the selection (or
    relabels the current span when nothing is selected)."""
    return tuple(
        Command(
            f"{_LABEL_PREFIX}{label.key}",
            label.name.replace("&", "&&"),
            TAG_AS.format(label=label.display()),
            (label.shortcut,),
            LABEL_MENU,
            subject=label.display(),
        )
        for label in labels
        if label.shortcut and not label.retired
    )


def certainty_of(item: Command) -> str:
    """The certainty value a `CERTAINTY_COMMANDS` command sets."""
    if not item.id.startswith(CERTAINTY_PREFIX):
        raise ValueError(f"{item.id} is not a certainty key")
    return item.id[len(CERTAINTY_PREFIX) :]


def label_of(item: Command) -> str:
    """The label key a `label_commands` command tags with."""
    if not item.id.startswith(_LABEL_PREFIX):
        raise ValueError(f"{item.id} is not a label key")
    return item.id[len(_LABEL_PREFIX) :]


def menu_groups(commands: Iterable[Command], menu: str) -> list[list[Command]]:
    """The commands of `menu` in table order, split where the group changes."""
    groups: list[list[Command]] = []
    last: int | None = None
    for item in commands:
        if item.menu != menu:
            continue
        if item.group != last:
            groups.append([])
            last = item.group
        groups[-1].append(item)
    return groups


def help_sections(labels: Iterable[LabelLike]) -> list[tuple[str, tuple[Command, ...]]]:
    """What the help overlay lists: the main window's keyed commands by menu (the Tag menu
    holds the scheme's label keys first), then the review window's."""
    main = (*label_commands(labels), *MAIN)
    sections = []
    for menu in MENUS:
        keyed = tuple(c for c in main if c.menu == menu and c.keys)
        if keyed:
            sections.append((menu, keyed))
    sections.append((FIND_SECTION, FIND_COMMANDS))
    sections.append((REVIEW_SECTION, tuple(c for c in REVIEW if c.keys)))
    return sections


def clashes(commands: Iterable[Command]) -> list[str]:
    """Keys bound by more than one of `commands` (one window's): each would do neither."""
    seen: dict[str, str] = {}
    found = []
    for item in commands:
        for key in item.keys:
            if key in seen and seen[key] != item.id:
                found.append(f"{key}: {seen[key]} and {item.id}")
            seen.setdefault(key, item.id)
    return found
