"""The actor register and "Annotate all occurrences" (a part of `MainWindow`): the register
dialog, the span panel's link to a register entry, and tagging every occurrence of the
selection across the project. Every change is one action through the controller."""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.frame_actions import AddActorAndLink, LinkActor, new_actor_id
from annotator.models import Actor
from annotator.store.actors import ACTOR_ATTR
from annotator.text import canonicalise
from annotator.ui.dialogs.actor_register_dialog import ActorRegisterDialog
from annotator.ui.dialogs.occurrences_dialog import OccurrencesDialog

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow


class RegisterFlow:
    """Edit → Actor register, Tag → Annotate all occurrences, the panel's register link."""

    def _connect_register(self: MainWindow) -> None:
        """Wire the span panel's register link to the controller (called once at build)."""
        self.panel.actor_link_requested.connect(self.link_span_to_actor)
        self.panel.actor_add_requested.connect(self.add_span_to_register)

    def _show_register(self: MainWindow) -> None:
        """Give the span panel the register (after a start or any register change)."""
        self.panel.set_register(self.store.actors())

    def open_register(self: MainWindow) -> ActorRegisterDialog:
        """Edit → Actor register: edit the register; OK saves it as one undoable action."""
        self.register_dialog = ActorRegisterDialog(self.store, self.controller, self)
        self.register_dialog.open()
        return self.register_dialog

    def link_span_to_actor(self: MainWindow, span_id: int, actor_id: str | None) -> None:
        """Link one of the analyst's spans to a register entry (None: unlink)."""
        self.controller.apply(LinkActor(self.annotator, [span_id], actor_id))

    def add_span_to_register(self: MainWindow, span_id: int) -> None:
        """Add the span's text to the register as a new actor and link the span to it."""
        span = self.store.span(span_id)
        if span is None:
            return
        name = " ".join(canonicalise(span.text).split())
        latin = name.isascii()
        actor = Actor(new_actor_id(self.store, name), name if latin else "",
                      "" if latin else name)  # fmt: skip
        self.controller.apply(AddActorAndLink(self.annotator, actor, [span_id]))

    def annotate_occurrences(self: MainWindow) -> OccurrencesDialog:
        """Tag → Annotate all occurrences: list every occurrence of the selection (or of the
        current span's text) across the project and tag the ticked ones in one action."""
        start, end = self.reader.selection()
        term, label, actor_id = "", None, None
        span = self.panel.current_span()
        if end > start:
            term = self.reader.text()[start:end]
        elif span is not None:
            term, label = span.text, span.label
            actor_id = span.attrs.get(ACTOR_ATTR)
        self.occurrences_dialog = OccurrencesDialog(
            self.store, self.controller, self.labels.values(), " ".join(term.split()), label,
            self,
        )  # fmt: skip
        if actor_id:
            self.occurrences_dialog.choose_actor(str(actor_id))
        self.occurrences_dialog.open()
        return self.occurrences_dialog
