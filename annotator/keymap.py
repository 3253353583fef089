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

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

WINDOW = "window"
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

    @property
    def title(self) -> str:
        """The menu text without its mnemonic and trailing ellipsis."""
        return self.text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")


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
    "File": "&File",
    "Edit": "&Edit",
    "Tag": "&Tag",
    "View": "&View",
    "Review": "&Review",
    "Go": "&Go",
    "Help": "&Help",
}
LABEL_MENU = "Tag"
_LABEL_PREFIX = "tag."
LABEL_KEYS = tuple("123456789")  # the keys a label may have (`scheme.validate` checks it)
# A line the help overlay shows under a section's heading.
SECTION_NOTES = {
    LABEL_MENU: "with nothing selected, a label's key relabels the current span",
    "Review window": "opened by Review → Review two layers",
    "Find bar": "while the field of Edit → Find in article has focus",
}

# The reading pane's own keys (zoom), in both windows.
READER_COMMANDS = (
    Command("view.zoom_in", "Zoom &in", "Larger text in the reading pane",
            ("Ctrl+=", "Ctrl++"), "View", "fa5s.search-plus", READER),
    Command("view.zoom_out", "Zoom &out", "Smaller text in the reading pane",
            ("Ctrl+-", "Ctrl+_"), "View", "fa5s.search-minus", READER),
    Command("view.zoom_reset", "&Reset zoom", "Text back to its first size",
            ("Ctrl+0",), "View", None, READER),
)  # fmt: skip

# The main window, in menu order (the label keys of the Tag menu come from the scheme).
MAIN = (
    Command("file.import", "&Import files…", "Import articles or annotations from files",
            ("Ctrl+O",), "File", "fa5s.file-import"),
    Command("file.import_folder", "Import &folder…", "Import every file in a folder",
            (), "File", "fa5s.folder-open"),
    Command("file.import_annotations", "Import &annotations…",
            "Import annotation files (JSONL, doccano, Label Studio, brat)",
            (), "File", "fa5s.file-import"),
    Command("file.import_project", "Import &colleague's project…",
            "Bring in the layers of a colleague's project file", (), "File", "fa5s.user-friends"),
    Command("file.export", "&Export dataset…", "Export the dataset (format, layer, done only)",
            ("Ctrl+E",), "File", "fa5s.file-export"),
    Command("file.restore", "&Restore from backup…", "Put the project back as a backup has it",
            (), "File", "fa5s.history", group=1),
    Command("file.quit", "&Quit", "Close the window", ("Ctrl+Q",), "File", "fa5s.sign-out-alt",
            group=2),
    Command("edit.undo", "&Undo", "Undo the last change", ("Ctrl+Z",), "Edit", "fa5s.undo"),
    Command("edit.redo", "&Redo", "Redo what was undone", ("Ctrl+Shift+Z", "Ctrl+Y"), "Edit",
            "fa5s.redo"),
    Command("edit.delete", "&Delete span", "Delete the current span", ("Delete",), "Edit",
            "fa5s.trash-alt"),
    Command("edit.grow_end", "&Grow span end",
            "Move the current span's end one word on (a cluster when not snapping)",
            ("Shift+Right",), "Edit", group=1),
    Command("edit.shrink_end", "S&hrink span end", "Move the current span's end one word back",
            ("Shift+Left",), "Edit", group=1),
    Command("edit.grow_start", "Grow span s&tart", "Move the current span's start one word back",
            ("Ctrl+Shift+Left",), "Edit", group=1),
    Command("edit.shrink_start", "Shrin&k span start",
            "Move the current span's start one word on",
            ("Ctrl+Shift+Right",), "Edit", group=1),
    Command("edit.scheme", "&Label scheme…", "Edit the labels, their colours and keys",
            (), "Edit", "fa5s.tags", group=2),
    Command("edit.switch", "S&witch annotator…", "Work as another analyst", (), "Edit",
            "fa5s.user-edit", group=2),
    Command("edit.find", "&Find in article…", "Find text in the open article (the find bar)",
            ("Ctrl+F",), "Edit", "fa5s.search", group=3),
    Command("edit.find_next", "Find ne&xt", "Go to the next match in the article", ("F3",),
            "Edit", "fa5s.chevron-down", group=3),
    Command("edit.find_previous", "Find pre&vious", "Go to the previous match in the article",
            ("Shift+F3",), "Edit", "fa5s.chevron-up", group=3),
    *READER_COMMANDS,
    Command("view.snap", "&Snap selections to words", "Widen selections to whole words",
            (), "View", checkable=True, group=1),
    Command("view.digits", "&Bengali digits", "Show dates and counts in Bengali digits",
            (), "View", checkable=True, group=1),
    Command("review.open", "&Review two layers…", "Compare two layers and settle them into gold",
            ("Ctrl+Shift+R",), "Review", "fa5s.balance-scale"),
    Command("review.agreement", "&Agreement dashboard…", "Agreement between two layers",
            ("Ctrl+Shift+G",), "Review", "fa5s.chart-bar"),
    Command("review.concordance", "&Concordance…",
            "Every span of a label or an actor, or every match of a search, in context",
            ("Ctrl+Shift+K",), "Review", "fa5s.align-center"),
    Command("go.previous", "&Previous article", "Open the previous article in the list",
            ("Alt+Up",), "Go", "fa5s.arrow-up"),
    Command("go.next", "&Next article", "Open the next article in the list", ("Alt+Down",),
            "Go", "fa5s.arrow-down"),
    Command("go.next_untagged", "Next &untagged article",
            "Open the next article not tagged yet", ("Alt+Shift+Down",), "Go", "fa5s.forward"),
    Command("go.done", "&Mark done and go on", "Mark the article done and open the next one",
            ("Ctrl+Return", "Ctrl+Enter"), "Go", "fa5s.check-circle"),
    Command("help.keys", "&Keyboard shortcuts…", "List every key (this list)", ("F1", "?"),
            "Help", "fa5s.keyboard"),
)  # fmt: skip

# The find bar's own keys (bound to it: Enter in its field goes to the next match).
FIND_COMMANDS = (
    Command("find.next", "Next match", "Next match (in the find field)", ("Return", "Enter"),
            icon="fa5s.chevron-down", scope=FIND),
    Command("find.previous", "Previous match", "Previous match (in the find field)",
            ("Shift+Return", "Shift+Enter"), icon="fa5s.chevron-up", scope=FIND),
    Command("find.close", "Close the find bar", "Close the find bar, back to the text",
            ("Escape",), icon="fa5s.times", scope=FIND),
)  # fmt: skip

# The main window's toolbar, left to right; None is a separator.
MAIN_TOOLBAR = (
    "file.import", "edit.undo", "edit.redo", None,
    "go.previous", "go.next", "go.next_untagged", "go.done", None,
    "edit.delete", "view.zoom_out", "view.zoom_in", "edit.scheme",
)  # fmt: skip

# The review window (its buttons show these commands; it has no menus).
REVIEW = (
    Command("review.next", "&Next", "Next disagreement (on to the next article)", ("N", "F8"),
            icon="fa5s.arrow-right"),
    Command("review.previous", "&Previous", "Previous disagreement", ("P", "Shift+F8"),
            icon="fa5s.arrow-left"),
    Command("review.accept_a", "Accept &A", "Accept A's spans into the gold layer", ("A",),
            icon="fa5s.check"),
    Command("review.accept_b", "Accept &B", "Accept B's spans into the gold layer", ("B",),
            icon="fa5s.check-double"),
    Command("review.accept_both", "Both (&H)", "Accept both layers' spans into gold", ("H",),
            icon="fa5s.clone"),
    Command("review.reject", "&Reject",
            "Reject: nothing goes into gold (the comment box's text is kept)", ("R",),
            icon="fa5s.times"),
    Command("review.edit", "&Edit",
            "Put the reader's selection into gold with the label chosen beside the button",
            ("E",), icon="fa5s.edit"),
    Command("review.undo", "&Undo", "Undo the last change in any window (a ruling, a comment…)",
            ("Ctrl+Z",), icon="fa5s.undo"),
    Command("review.redo", "&Redo", "Redo what was undone", ("Ctrl+Shift+Z", "Ctrl+Y"),
            icon="fa5s.redo"),
    Command("review.adjudicate", "Adjudicated",
            "Mark the article adjudicated (agreed regions go to gold)",
            ("Ctrl+Return", "Ctrl+Enter"), icon="fa5s.gavel"),
    Command("review.keys", "&Keyboard shortcuts…", "List every key", ("F1",),
            icon="fa5s.keyboard"),
)  # fmt: skip

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
            f"Tag as {label.display()}",
            (label.shortcut,),
            LABEL_MENU,
        )
        for label in labels
        if label.shortcut and not label.retired
    )


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
    holds the scheme's label keys), then the review window's."""
    main = (*MAIN, *label_commands(labels))
    sections = []
    for menu in MENUS:
        keyed = tuple(c for c in main if c.menu == menu and c.keys)
        if keyed:
            sections.append((menu, keyed))
    sections.append(("Find bar", FIND_COMMANDS))
    sections.append(("Review window", tuple(c for c in REVIEW if c.keys)))
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
