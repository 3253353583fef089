"""The key map (`annotator.keymap`) made into Qt: actions with their keys, menus, a toolbar.

Every key of a window is a QAction made here from a table row, so a key has one route: Qt's
shortcut map. WINDOW commands are window shortcuts (text fields still type their digits:
they claim those keys first); READER commands are bound to the reading pane and its
children, FIND commands to the find bar and its field.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

import qtawesome as qta
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QToolBar, QWidget

from annotator.keymap import (
    FIND,
    MENUS,
    READER,
    SUBMENUS,
    TAG_AS,
    Command,
    menu_groups,
    plain_title,
)
from annotator.ui.i18n import key_text as tr_key

_CONTEXT = {
    READER: Qt.ShortcutContext.WidgetWithChildrenShortcut,
    FIND: Qt.ShortcutContext.WidgetWithChildrenShortcut,
}
_NATIVE = QKeySequence.SequenceFormat.NativeText


def key_text(keys: Iterable[str]) -> str:
    """The keys as the platform writes them, e.g. "Ctrl+Z, Ctrl+Y"."""
    return ", ".join(QKeySequence(key).toString(_NATIVE) for key in keys)


def command_icon(command: Command) -> QIcon:
    """The command's icon; a blank one keeps menu texts aligned with the ones that have
    icons. A checkable command has none: a menu draws an action's icon in place of its
    check mark (Fusion then shows an empty square whether it is on or off)."""
    if command.checkable:
        return QIcon()
    return qta.icon(command.icon) if command.icon else qta.icon("fa5s.circle", opacity=0)


def make_action(command: Command, slot: Callable[[], object], widget: QWidget) -> QAction:
    """An action on `widget` for `command`: its text, icon, keys (in the command's scope) and
    a tooltip naming the keys; triggering it calls `slot()`."""
    action = QAction(command_icon(command), "", widget)
    action.setObjectName(command.id)
    action.setShortcuts([QKeySequence(key) for key in command.keys])
    action.setShortcutContext(_CONTEXT.get(command.scope, Qt.ShortcutContext.WindowShortcut))
    action.setCheckable(command.checkable)
    retranslate_action(action, command)
    action.triggered.connect(lambda _checked=False: slot())
    widget.addAction(action)
    return action


def command_text(command: Command) -> str:
    """A command's menu text in the interface language (a label's name stays as it is)."""
    return command.text if command.subject else tr_key(command.text)


def command_description(command: Command) -> str:
    """A command's help line in the interface language."""
    if command.subject:
        return tr_key(TAG_AS).format(label=command.subject)
    return tr_key(command.description)


def retranslate_action(action: QAction, command: Command) -> None:
    """Set `action`'s text, status tip and tooltip (naming its keys) from `command`, in the
    interface language."""
    text = command_text(command)
    action.setText(text)
    action.setStatusTip(command_description(command))
    if command.keys:
        action.setToolTip(f"{plain_title(text)} ({key_text(command.keys)})")


def make_actions(
    commands: Sequence[Command],
    slots: Mapping[str, Callable[[], object]],
    window: QWidget,
    reader: QWidget | None = None,
    adopted: Mapping[str, QAction] | None = None,
) -> dict[str, QAction]:
    """An action per command, by id: READER commands on `reader`, the rest on `window`.

    `adopted` are actions a widget already made for its own commands (the reading pane's
    zoom keys); they are used as they are. Every other command needs a slot, and every slot
    a command.
    """
    adopted = adopted or {}
    wanted = {c.id for c in commands if c.id not in adopted}
    if wanted != set(slots):
        raise ValueError(
            f"commands without a slot: {sorted(wanted - set(slots))}; "
            f"slots without a command: {sorted(set(slots) - wanted)}"
        )
    actions: dict[str, QAction] = {}
    for command in commands:
        if command.id in adopted:
            actions[command.id] = adopted[command.id]
            continue
        widget = reader if command.scope == READER and reader is not None else window
        actions[command.id] = make_action(command, slots[command.id], widget)
    return actions


def build_menus(
    menubar: QMenuBar, commands: Sequence[Command], actions: Mapping[str, QAction]
) -> dict[str, QMenu]:
    """The menu bar's menus in `MENUS` order, each with its commands (separators between
    groups); menus filled later (the label keys) start empty."""
    menus: dict[str, QMenu] = {}
    for name, title in MENUS.items():
        menu = menubar.addMenu(tr_key(title))
        menu.setObjectName(f"menu.{name}")
        for i, group in enumerate(menu_groups(commands, name)):
            if i:
                menu.addSeparator()
            for item in group:
                target = menu
                if item.submenu:
                    target = menus.get(item.submenu) or menu.addMenu(tr_key(SUBMENUS[item.submenu]))
                    target.setObjectName(f"menu.{item.submenu}")
                    menus[item.submenu] = target
                target.addAction(actions[item.id])
        menus[name] = menu
    return menus


def retranslate_menus(menus: Mapping[str, QMenu]) -> None:
    """Give the menus of `build_menus` their titles in the interface language."""
    titles = {**MENUS, **SUBMENUS}
    for name, menu in menus.items():
        menu.setTitle(tr_key(titles[name]))


def build_toolbar(
    toolbar: QToolBar, layout: Sequence[str | None], actions: Mapping[str, QAction]
) -> None:
    """Put the commands of `layout` (None: a separator) on `toolbar`, left to right."""
    for command_id in layout:
        if command_id is None:
            toolbar.addSeparator()
        else:
            toolbar.addAction(actions[command_id])


def replace_actions(
    old: Iterable[QAction],
    commands: Sequence[Command],
    slot: Callable[[Command], object],
    window: QWidget,
    menu: QMenu,
    before: QAction | None = None,
) -> list[QAction]:
    """Drop `old` (from `window` and `menu`) and make an action per command in `menu`
    (before `before`, or at its end); triggering one calls `slot(command)`. For keys that
    change while the window is open (the label digits, after a scheme edit)."""
    for action in old:
        action.setShortcuts([])
        window.removeAction(action)
        menu.removeAction(action)
        action.deleteLater()
    made = [make_action(c, lambda c=c: slot(c), window) for c in commands]
    menu.insertActions(before, made)
    return made
