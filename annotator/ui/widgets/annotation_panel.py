"""The current article's spans as a table, with an editor for the selected span's attributes."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QSignalBlocker, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.actor_match import ActorMatcher
from annotator.models import Actor, Span
from annotator.scheme import CERTAINTY, LabelDef
from annotator.store.actors import ACTOR_ATTR
from annotator.ui.i18n import shown_attribute
from annotator.ui.models.span_table_model import SpanTableModel, layer_color, swatch
from annotator.ui.widgets.claim_fields import ClaimFields
from annotator.ui.widgets.span_table import SpanTable

ACTOR_LABEL = "actor"  # spans of this label may link to a register entry


def actor_choice(actor: Actor) -> str:
    """How an actor is offered in the link field: its names and, in brackets, its id."""
    return f"{' / '.join(n for n in (actor.name, actor.name_bn) if n)} [{actor.id}]"


class AnnotationPanel(QWidget):
    """Lists every span of the article and edits the selected one.

    Signals:
        span_selected(int): the user picked a span row (its id).
        edit_requested(int, dict): change these fields of that span (label, attrs, note).
        delete_requested(int): delete that span.
        doc_label_toggled(str, bool): a document-level label was ticked or unticked.
        current_changed(object): the span the editor shows (a Span, or None for none).
        actor_link_requested(int, object): link that span to an actor id (None: unlink).
        actor_add_requested(int): add that span's text to the register and link it.
    """

    span_selected = Signal(int)
    edit_requested = Signal(int, dict)
    delete_requested = Signal(int)
    doc_label_toggled = Signal(str, bool)
    current_changed = Signal(object)
    actor_link_requested = Signal(int, object)
    actor_add_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._labels: dict[str, LabelDef] = {}
        self._annotator = ""
        self._current: Span | None = None

        self.model = SpanTableModel(self)
        self.table = SpanTable(self.model)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection)
        self.annotator_filter = QComboBox()
        self.annotator_filter.setToolTip(self.tr("Show the spans of one layer only"))
        self.label_filter = QComboBox()
        self.label_filter.setToolTip(self.tr("Show the spans of one label only"))
        for combo in (self.annotator_filter, self.label_filter):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
            combo.activated.connect(lambda _i: self._apply_filter())
        self._colleagues_visible = True
        self._fill_annotator_filter()

        self.label_box = QComboBox()
        self.label_box.setPlaceholderText(self.tr("no span selected"))
        self.certainty_box = QComboBox()
        self.certainty_box.addItem("—", "")
        for value in CERTAINTY:
            self.certainty_box.addItem(shown_attribute(value), value)
        self.source_edit = QLineEdit()
        self._sources = QStringListModel([])
        completer = QCompleter(self._sources, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.source_edit.setCompleter(completer)
        self.actors_edit = QLineEdit()
        self.note_edit = QLineEdit()
        self.owner_label = QLabel()
        self._build_register_row()

        self.label_box.activated.connect(self._on_label_activated)
        self.certainty_box.activated.connect(lambda _i: self._commit_attrs())
        self.source_edit.editingFinished.connect(self._commit_attrs)
        self.actors_edit.editingFinished.connect(self._commit_attrs)
        self.note_edit.editingFinished.connect(self._commit_note)

        form = QFormLayout()
        self._field_labels = [QLabel() for _ in range(6)]
        fields = (self.label_box, self.certainty_box, self.source_edit, self.actors_edit,
                  self.note_edit, self.register_row)  # fmt: skip
        for caption, field in zip(self._field_labels, fields, strict=True):
            form.addRow(caption, field)
        self.claim_fields = ClaimFields(form, self._commit_attrs)
        form.addRow(self.owner_label)
        self.editor = QGroupBox()
        self.editor.setLayout(form)

        self.doc_box = QGroupBox()
        self._doc_layout = QGridLayout(self.doc_box)
        self._doc_checks: dict[str, QCheckBox] = {}

        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.annotator_filter, 1)
        filters.addWidget(self.label_filter, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.editor)
        layout.addWidget(self.doc_box)
        self.retranslate()

    def retranslate(self) -> None:
        """Captions and placeholders in the interface language."""
        captions = (self.tr("Label"), self.tr("Certainty"), self.tr("Claim source"),
                    self.tr("Actors"), self.tr("Note"), self.tr("Register"))  # fmt: skip
        for label, text in zip(self._field_labels, captions, strict=True):
            label.setText(text)
        self.source_edit.setPlaceholderText(self.tr("who made the claim, e.g. KCNA, Reuters"))
        self.actors_edit.setPlaceholderText(self.tr("actors, comma separated"))
        self.note_edit.setPlaceholderText(self.tr("note"))
        self.actor_link_edit.setPlaceholderText(self.tr("link to a register entry"))
        self.actor_add_button.setText(self.tr("Add to the register"))
        self.claim_fields.retranslate()
        self.editor.setTitle(self.tr("Selected span"))
        self.doc_box.setTitle(self.tr("Document labels"))
        for index, value in enumerate(CERTAINTY, start=1):
            self.certainty_box.setItemText(index, shown_attribute(value))
        self.model.layoutChanged.emit()  # the certainty column's words
        self.model.headerDataChanged.emit(
            Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1
        )
        self._show_editor(self._current)

    # -- filling ---------------------------------------------------------------------------

    def set_labels(self, labels: list[LabelDef]) -> None:
        """Label choices for the editor and the document-label boxes."""
        self._labels = {label.key: label for label in labels}
        self.model.set_labels(labels)
        chosen = self.label_filter.currentData()
        with QSignalBlocker(self.label_filter):
            self.label_filter.clear()
            self.label_filter.addItem(self.tr("All labels"), None)
            for label in labels:
                if label.kind == "span":
                    self.label_filter.addItem(swatch(label.color), label.name, label.key)
            self.label_filter.setCurrentIndex(max(0, self.label_filter.findData(chosen)))
        self._apply_filter()
        with QSignalBlocker(self.label_box):
            self.label_box.clear()
            for label in labels:
                if not label.retired:
                    self.label_box.addItem(swatch(label.color), label.display(), label.key)
            self._show_label(self._current)
        for check in self._doc_checks.values():
            check.deleteLater()
        self._doc_checks.clear()
        for label in labels:
            if label.retired or label.category == "entity":  # entities are span-only
                continue
            check = QCheckBox(label.name)
            check.setToolTip(label.guideline)
            check.toggled.connect(lambda on, key=label.key: self.doc_label_toggled.emit(key, on))
            count = len(self._doc_checks)
            self._doc_layout.addWidget(check, count // 3, count % 3)
            self._doc_checks[label.key] = check

    def set_sources(self, sources: list[str]) -> None:
        """Earlier claim sources offered as completions."""
        self._sources.setStringList(sources)

    def set_doc_labels(self, keys: set[str]) -> None:
        """Tick the document labels this annotator gave the article."""
        for key, check in self._doc_checks.items():
            with QSignalBlocker(check):
                check.setChecked(key in keys)

    def set_spans(self, spans: list[Span], annotator: str) -> None:
        """Show these spans (of the current article); keeps the selection when it still exists."""
        keep = self._current.id if self._current else None
        self._annotator = annotator
        with QSignalBlocker(self.table.selectionModel()):
            self.model.set_spans(spans, annotator)
        self._fill_annotator_filter()
        self._current = None
        if keep is not None and self.model.find(keep) is not None:
            self.select_span(keep)
        else:
            self._show_editor(None)

    # -- filtering -------------------------------------------------------------------------

    def _fill_annotator_filter(self) -> None:
        """Offer every layer among the article's spans (and "all"), keeping the choice."""
        chosen = self.annotator_filter.currentData()
        names = self.model.annotators()
        if chosen is not None and chosen not in names:
            names.append(chosen)  # a layer with no span in this article stays chosen
        with QSignalBlocker(self.annotator_filter):
            self.annotator_filter.clear()
            self.annotator_filter.addItem(self.tr("All annotators"), None)
            for name in names:
                if name == self._annotator:
                    self.annotator_filter.addItem(self.tr("{name} (you)").format(name=name), name)
                else:
                    self.annotator_filter.addItem(swatch(layer_color(name), 10), name, name)
            self.annotator_filter.setCurrentIndex(max(0, self.annotator_filter.findData(chosen)))

    def set_colleagues_visible(self, visible: bool) -> None:
        """Show (or leave out) every layer but the analyst's own (View → Show colleagues'
        spans)."""
        self._colleagues_visible = visible
        self._apply_filter()

    def _apply_filter(self) -> None:
        current = self._current.id if self._current else None
        with QSignalBlocker(self.table.selectionModel()):
            self.model.set_filter(
                self.annotator_filter.currentData(),
                self.label_filter.currentData(),
                self._colleagues_visible,
            )
        if current is not None:
            self.select_span(current)

    def spans(self) -> list[Span]:
        """The article's spans, in text order (the filtered-out ones too)."""
        return self.model.all_spans()

    def current_span(self) -> Span | None:
        """The selected span, if any."""
        return self._current

    def select_span(self, span_id: int | None) -> None:
        """Select the row of `span_id` (None clears) without emitting `span_selected`."""
        selection = self.table.selectionModel()
        row = self.model.row_of(span_id) if span_id is not None else None
        with QSignalBlocker(selection):
            selection.clearSelection()
            if row is not None:
                index = self.model.index(row, 0)
                selection.select(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
                self.table.scrollTo(index)
        self.table.viewport().update()
        self._show_editor(self.model.find(span_id) if span_id is not None else None)

    # -- editing ---------------------------------------------------------------------------

    def _show_editor(self, span: Span | None) -> None:
        self._current = span
        own = span is not None and span.annotator == self._annotator
        for widget in (self.label_box, self.certainty_box, self.source_edit, self.actors_edit,
                       self.note_edit):  # fmt: skip
            widget.setEnabled(own)
        blockers = [QSignalBlocker(w) for w in (self.label_box, self.certainty_box)]
        self._show_label(span)
        label = self._labels.get(span.label) if span is not None else None
        self.claim_fields.show(span, label is not None and label.category == "claim", own)
        if span is None:
            self.certainty_box.setCurrentIndex(-1)  # blank, as the label box is
            self.owner_label.setText(self.tr("Select a span to edit it."))
            self.source_edit.clear()
            self.actors_edit.clear()
            self.note_edit.clear()
            del blockers
            self._show_register_link(None)
            self.current_changed.emit(None)
            return
        self.certainty_box.setCurrentIndex(
            max(0, self.certainty_box.findData(span.attrs.get("certainty", "")))
        )
        self.source_edit.setText(str(span.attrs.get("source", "")))
        actors = span.attrs.get("actors", [])
        self.actors_edit.setText(", ".join(actors) if isinstance(actors, list) else str(actors))
        self.note_edit.setText(span.note)
        self.owner_label.setText(
            ""
            if own
            else self.tr("Tagged by {name}: read only for you.").format(name=span.annotator)
        )
        del blockers
        self._show_register_link(span)
        self.current_changed.emit(span)

    def _show_label(self, span: Span | None) -> None:
        """The label box shows the span's label, or stays blank (its placeholder) without one."""
        with QSignalBlocker(self.label_box):
            index = self.label_box.findData(span.label) if span is not None else -1
            self.label_box.setCurrentIndex(index if span is None else max(0, index))

    def focus_source(self) -> bool:
        """Put the cursor in the claim source field (its text selected); False when there is
        no own span to edit."""
        if not self.source_edit.isEnabled():
            return False
        self.source_edit.setFocus()
        self.source_edit.selectAll()
        return True

    def _on_table_selection(self, *_args: object) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self._show_editor(None)
            return
        span = self.model.span(rows[0].row())
        self._show_editor(span)
        self.span_selected.emit(span.id)

    def _on_label_activated(self, index: int) -> None:
        key = self.label_box.itemData(index)
        if self._current is not None and key and key != self._current.label:
            self.edit_requested.emit(self._current.id, {"label": key})

    def edited_attrs(self) -> dict[str, object]:
        """The attributes as the editor shows them now."""
        assert self._current is not None
        attrs = dict(self._current.attrs)
        label = self._labels.get(self._current.label)
        claim = label is not None and label.category == "claim"
        for name, value in (
            ("certainty", self.certainty_box.currentData() or ""),
            ("source", self.source_edit.text().strip()),
            *(self.claim_fields.values() if claim else ()),
        ):
            if value:
                attrs[name] = value
            else:
                attrs.pop(name, None)
        actors = [a.strip() for a in self.actors_edit.text().split(",") if a.strip()]
        if actors:
            attrs["actors"] = actors
        else:
            attrs.pop("actors", None)
        return attrs

    def _commit_attrs(self) -> None:
        if self._current is None or self._current.annotator != self._annotator:
            return
        attrs = self.edited_attrs()
        if attrs != self._current.attrs:
            self.edit_requested.emit(self._current.id, {"attrs": attrs})

    def _commit_note(self) -> None:
        if self._current is None or self._current.annotator != self._annotator:
            return
        note = self.note_edit.text().strip()
        if note != self._current.note:
            self.edit_requested.emit(self._current.id, {"note": note})

    # -- the register link (actor spans) ---------------------------------------------------

    def _build_register_row(self) -> None:
        self._register: dict[str, Actor] = {}
        self._matcher = ActorMatcher([])
        self.actor_link_edit = QLineEdit()
        self.actor_link_edit.setObjectName("actor_link")
        self._actor_choices = QStringListModel([])
        completer = QCompleter(self._actor_choices, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.actor_link_edit.setCompleter(completer)
        self.actor_link_edit.editingFinished.connect(self._commit_actor_link)
        self.actor_suggest_button = QPushButton()
        self.actor_suggest_button.setObjectName("actor_suggest")
        self.actor_suggest_button.clicked.connect(self._accept_suggestion)
        self.actor_add_button = QPushButton()
        self.actor_add_button.setObjectName("actor_add")
        self.actor_add_button.clicked.connect(self._request_add)
        self.register_hint = QLabel()
        self.register_hint.setWordWrap(True)
        self.register_row = QWidget()
        row = QVBoxLayout(self.register_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.actor_link_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.actor_suggest_button)
        buttons.addWidget(self.actor_add_button)
        row.addLayout(buttons)
        row.addWidget(self.register_hint)
        self._suggested: str | None = None

    def set_register(self, actors: list[Actor]) -> None:
        """The register's actors: offered in the link field and suggested for actor spans."""
        self._register = {a.id: a for a in actors}
        choices = [actor_choice(a) for a in actors]
        choices += [f"{alias} [{a.id}]" for a in actors for alias in a.aliases]
        self._actor_choices.setStringList(choices)
        self._matcher = ActorMatcher(actors)
        self._show_register_link(self._current)

    def resolve_actor(self, text: str) -> str | None:
        """The actor id `text` names: "… [ID]" as completed, an id, or one actor's name or
        alias (any case); None when it names none (or several)."""
        text = text.strip()
        if text.endswith("]") and "[" in text:
            text = text[text.rindex("[") + 1 : -1].strip()
        if text in self._register:
            return text
        wanted = text.casefold()
        ids = [a.id for a in self._register.values()
               if any(n.casefold() == wanted for n in a.names())]  # fmt: skip
        return ids[0] if len(ids) == 1 else None

    def _show_register_link(self, span: Span | None) -> None:
        """Show the span's register link, a suggestion, or "Add to the register"."""
        actor_span = span is not None and span.label == ACTOR_LABEL
        self.register_row.setVisible(actor_span)
        self._field_labels[5].setVisible(actor_span)
        self._suggested = None
        if span is None or not actor_span:
            return
        own = span.annotator == self._annotator
        linked = str(span.attrs.get(ACTOR_ATTR, "") or "")
        actor = self._register.get(linked)
        with QSignalBlocker(self.actor_link_edit):
            self.actor_link_edit.setText(actor_choice(actor) if actor else linked)
        self.actor_link_edit.setEnabled(own)
        text = span.text
        suggested = [] if linked else self._matcher.suggest(text)
        if suggested and suggested[0] in self._register:
            self._suggested = suggested[0]
            name = actor_choice(self._register[self._suggested])
            self.actor_suggest_button.setText(self.tr("Link to {actor}").format(actor=name))
        self.actor_suggest_button.setVisible(own and self._suggested is not None)
        self.actor_add_button.setVisible(own and not linked and not suggested and bool(text))
        if linked and actor is None:
            self.register_hint.setText(self.tr("{id} is not in the register.").format(id=linked))
        else:
            self.register_hint.clear()

    def _commit_actor_link(self) -> None:
        span = self._current
        if span is None or span.annotator != self._annotator or span.label != ACTOR_LABEL:
            return
        text = self.actor_link_edit.text().strip()
        linked = span.attrs.get(ACTOR_ATTR)
        if not text:
            if linked:
                self.actor_link_requested.emit(span.id, None)
            return
        actor_id = self.resolve_actor(text)
        if actor_id is None:
            self.register_hint.setText(
                self.tr("No actor {name} in the register.").format(name=text)
            )
            return
        if actor_id != linked:
            self.actor_link_requested.emit(span.id, actor_id)

    def _accept_suggestion(self) -> None:
        if self._current is not None and self._suggested is not None:
            self.actor_link_requested.emit(self._current.id, self._suggested)

    def _request_add(self) -> None:
        if self._current is not None:
            self.actor_add_requested.emit(self._current.id)
