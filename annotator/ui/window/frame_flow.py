"""Claim frames in the window (a part of `MainWindow`): which claim's frame the frame panel
shows, its fillers marked in the reader, and filling a slot with the current span (Ctrl+L
and a menu of the slots the scheme allows, or the panel's button) or removing a link, each
one action through the controller."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QMenu

from annotator.frame_actions import AddRelation, RemoveRelation
from annotator.frames import Frame, build_frames, claim_keys
from annotator.models import Span
from annotator.relation_scheme import RelationTypeDef, allowed_types
from annotator.ui.reader.marks import FRAME, FRAME_HOVER
from annotator.ui.widgets.frame_panel import FramePanel
from annotator.ui.widgets.label_palette import swatch_icon

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow


class FrameFlow:
    """Show the current claim's frame and fill its slots (a part of `MainWindow`)."""

    def _build_frame_panel(self: MainWindow) -> FramePanel:
        """The frame panel, wired to the window (called once at build)."""
        self._frame_claim: int | None = None
        self.frame_panel = FramePanel()
        panel = self.frame_panel
        panel.filler_selected.connect(self._on_frame_filler_selected)
        panel.filler_hovered.connect(self._on_frame_filler_hovered)
        panel.remove_requested.connect(self.remove_link)
        panel.fill_requested.connect(self.link_current_span)
        panel.pin_toggled.connect(lambda _on: self.refresh_frame())
        self.panel.current_changed.connect(self._on_current_span_for_frame)
        return panel

    # -- which frame -------------------------------------------------------------------------

    def _claim_keys(self: MainWindow) -> set[str]:
        return claim_keys(self.labels.values(), self.store.relation_types())

    def _on_current_span_for_frame(self: MainWindow, span: Span | None) -> None:
        """A claim made current shows its frame (unless one is kept); an actor, place or other
        span leaves the claim's frame shown, ready to be linked, or, with none shown, shows
        the frame of a claim it fills."""
        if span is not None and not self.frame_panel.pinned():
            if span.label in self._claim_keys():
                self._frame_claim = span.id
            elif self.shown_frame() is None:  # no claim shown yet: the one it fills, if any
                heads = [r.head for r in self.store.relations_of_spans([span.id])
                         if r.tail == span.id]  # fmt: skip
                self._frame_claim = heads[0] if heads else None
        self.refresh_frame()

    def _frame_article_shown(self: MainWindow) -> None:
        """Another article is open: its first own claim is not chosen for the analyst; a
        frame is kept only when pinned."""
        if not self.frame_panel.pinned():
            self._frame_claim = None
        self.refresh_frame()

    def shown_frame(self: MainWindow) -> Frame | None:
        """The frame of the claim the panel shows, read from the project (None: none)."""
        claim = self.store.span(self._frame_claim) if self._frame_claim is not None else None
        if claim is None:
            self._frame_claim = None
            return None
        relations = [r for r in self.store.relations_of_spans([claim.id]) if r.head == claim.id]
        tails = [t for t in (self.store.span(r.tail) for r in relations) if t is not None]
        types = self.store.relation_types()
        frames = build_frames([claim], relations, self.labels.values(), types, others=tails)
        return frames[0] if frames else None

    def refresh_frame(self: MainWindow, *_args: object) -> None:
        """Show the frame again (after any change, undo, or another program's write)."""
        frame = self.shown_frame()
        current = self.panel.current_span()
        own = frame is not None and frame.claim.annotator == self.annotator
        can_fill = bool(frame and current and self._link_types(frame.claim, current))
        self.frame_panel.show_frame(frame, own, can_fill)
        here = self.article.id if self.article is not None else None
        fillers = [s for slot in (frame.slots if frame else []) for _r, s in slot.fillers if s]
        self.reader.set_marks(FRAME, [(s.start, s.end) for s in fillers if s.article_id == here])
        self.reader.set_marks(FRAME_HOVER, [])

    # -- linking ---------------------------------------------------------------------------

    def _link_types(self: MainWindow, claim: Span, span: Span) -> list[RelationTypeDef]:
        if span.id == claim.id or span.annotator != self.annotator:
            return []
        same = span.article_id == claim.article_id
        return allowed_types(self.store.relation_types(), claim.label, span.label, same)

    def link_current_span(self: MainWindow, type_key: str | None = None) -> QMenu | None:
        """Tag → Link to the claim (Ctrl+L): fill a slot of the shown claim's frame with the
        current span. Without `type_key`, a menu offers the slots the scheme allows (keys 1…9
        pick one); with a single one allowed it is filled at once. Returns the menu shown."""
        frame = self.shown_frame()
        span = self.panel.current_span()
        message = self._link_refusal(frame, span)
        if message:
            self.statusBar().showMessage(message, 5000)
            return None
        assert frame is not None and span is not None
        kinds = self._link_types(frame.claim, span)
        if type_key is not None or len(kinds) == 1:
            self._link(frame.claim, span, type_key or kinds[0].key)
            return None
        self.link_menu = self._slot_menu(frame, span, kinds)
        rect = self.reader.cursorRect()
        self.link_menu.popup(self.reader.viewport().mapToGlobal(rect.bottomLeft() + QPoint(0, 4)))
        return self.link_menu

    def _link_refusal(self: MainWindow, frame: Frame | None, span: Span | None) -> str:
        if frame is None:
            return self.tr("Select a claim span first, then the span to link to it.")
        if frame.claim.annotator != self.annotator:
            return self.tr("This claim is {name}'s: its frame is read only for you.").format(
                name=frame.claim.annotator
            )
        if span is None or span.id == frame.claim.id:
            return self.tr("Now select the span to link: an actor, place, source or date.")
        if span.annotator != self.annotator:
            return self.tr("Only your own spans can fill your claim's slots.")
        if not self._link_types(frame.claim, span):
            label = self.labels.get(span.label)
            return self.tr("No slot of this claim takes a {label} span.").format(
                label=label.display() if label else span.label
            )
        return ""

    def _slot_menu(self: MainWindow, frame: Frame, span: Span, kinds: list) -> QMenu:
        menu = QMenu(self)
        menu.setObjectName("link_menu")
        for index, kind in enumerate(kinds[:9], start=1):
            filled = len(frame.fillers(kind.key))
            text = self.tr("&{n} {slot}").format(n=index, slot=kind.display())
            if filled:
                text = self.tr("{item}  (%Ln filled)", "", filled).format(item=text)
            action = menu.addAction(swatch_icon(kind.color), text)
            action.setData(kind.key)
            action.triggered.connect(
                lambda _c=False, key=kind.key: self._link(frame.claim, span, key)
            )
        return menu

    def _link(self: MainWindow, claim: Span, span: Span, type_key: str) -> None:
        if self.controller.apply(AddRelation(self.annotator, type_key, claim.id, span.id)):
            kind = next((k for k in self.store.relation_types() if k.key == type_key), None)
            self.statusBar().showMessage(
                self.tr("Linked as {slot}: {text}").format(
                    slot=kind.display() if kind else type_key, text=span.text[:40]
                ),
                4000,
            )

    def remove_link(self: MainWindow, relation_id: int) -> None:
        """Remove one of the analyst's links (the frame panel's button or Delete)."""
        self.controller.apply(RemoveRelation(relation_id, self.annotator))

    # -- the panel's list --------------------------------------------------------------------

    def _on_frame_filler_selected(self: MainWindow, span_id: int) -> None:
        span = self.store.span(span_id)
        if span is None:
            return
        if self.article is None or span.article_id != self.article.id:
            self._open_listed_article(span.article_id)
        self._select_span(span_id)

    def _on_frame_filler_hovered(self: MainWindow, span_id: object) -> None:
        span = self.store.span(span_id) if isinstance(span_id, int) else None
        here = self.article is not None and span is not None and span.article_id == self.article.id
        self.reader.set_marks(FRAME_HOVER, [(span.start, span.end)] if here else [])
