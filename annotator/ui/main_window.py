"""The main window: article list, reading pane, label palette and annotation panel."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import qtawesome as qta
from PySide6.QtCore import QByteArray, QMimeData, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.actions import (
    AddSpan,
    Change,
    ChangeKind,
    EditSpan,
    RemoveSpan,
    SetDocLabel,
    SetStatus,
)
from annotator.backups import BackupError, list_backups, restore, verify_backup
from annotator.editing import plan_resize, plan_tag
from annotator.errors import describe, log_failure
from annotator.export import ExportFilter, export
from annotator.ingest.formats import ANNOTATIONS, PROJECT, dialog_filters, format_for_filter
from annotator.ingest.inputs import ImportOptions, ImportSummary, import_inputs
from annotator.keymap import (
    LABEL_MENU,
    MAIN,
    MAIN_TOOLBAR,
    Command,
    command,
    label_commands,
    label_of,
)
from annotator.models import Article, Span
from annotator.project import open_project
from annotator.scheme import LabelDef
from annotator.store import Store, StoreError
from annotator.ui.agreement_dialog import AgreementDialog
from annotator.ui.annotation_panel import AnnotationPanel
from annotator.ui.article_header import ArticleHeader
from annotator.ui.article_list_model import ArticleListModel
from annotator.ui.controller import Controller
from annotator.ui.export_dialog import ExportDialog
from annotator.ui.label_palette import LabelPalette, swatch_icon
from annotator.ui.label_scheme_dialog import LabelSchemeDialog
from annotator.ui.project_watcher import ProjectWatcher
from annotator.ui.reader import ReaderView, SpanPaint
from annotator.ui.restore_dialog import RestoreDialog
from annotator.ui.review_window import ReviewWindow
from annotator.ui.screen import fit_to_screen
from annotator.ui.shortcuts import build_menus, build_toolbar, make_actions, replace_actions
from annotator.ui.shortcuts_dialog import ShortcutsDialog
from annotator.ui.task_runner import Job, TaskRunner

STATUS_CHOICES = (("All articles", None), ("To do", "todo"), ("In progress", "in_progress"),
                  ("Done", "done"), ("Review: not reviewed", "review:not_reviewed"),
                  ("Review: in review", "review:in_review"),
                  ("Review: adjudicated", "review:adjudicated"))  # fmt: skip


# The window's actions by attribute name (`window.undo_action`), for code and scripts that
# drive the window; every one is a row of `keymap.MAIN` (`window.command_actions[id]`).
ACTION_ATTRIBUTES = {
    "import_action": "file.import",
    "import_folder_action": "file.import_folder",
    "import_annotations_action": "file.import_annotations",
    "import_project_action": "file.import_project",
    "export_action": "file.export",
    "restore_action": "file.restore",
    "quit_action": "file.quit",
    "undo_action": "edit.undo",
    "redo_action": "edit.redo",
    "delete_action": "edit.delete",
    "scheme_action": "edit.scheme",
    "switch_action": "edit.switch",
    "zoom_in_action": "view.zoom_in",
    "zoom_out_action": "view.zoom_out",
    "snap_action": "view.snap",
    "digits_action": "view.digits",
    "review_action": "review.open",
    "agreement_action": "review.agreement",
    "prev_action": "go.previous",
    "next_action": "go.next",
    "next_untagged_action": "go.next_untagged",
    "done_action": "go.done",
}


class MainWindow(QMainWindow):
    """Reads and tags one article at a time; every edit goes through the controller."""

    def __init__(self, store: Store, annotator: str, settings: QSettings | None = None) -> None:
        super().__init__()
        self.setAcceptDrops(True)  # files dropped from a file manager are imported
        self.store = store
        self.annotator = annotator
        self.settings = settings if settings is not None else QSettings()
        self.controller = Controller(store, annotator, self)
        self.article: Article | None = None
        self.labels: dict[str, LabelDef] = {}
        self._spans: dict[int, Span] = {}  # spans of the open article, by id
        self.review_window: ReviewWindow | None = None
        store.add_annotator(annotator)
        self.setWindowTitle(f"Bengali news annotator — {store.path or 'in memory'}")
        self.setWindowIcon(qta.icon("fa5s.highlighter"))

        self._build_list()
        self._build_reader()
        self._build_side()
        self._build_actions()
        self._build_status_bar()
        self._layout()

        self.controller.changed.connect(self._on_controller_changed)
        self.controller.failed.connect(self._on_controller_failed)
        self.controller.save_failed.connect(self._on_controller_save_failed)
        self.watcher = ProjectWatcher(store, parent=self)
        self.watcher.changed.connect(self.refresh_from_project)
        self.controller.history_changed.connect(self._on_history_changed)

        self._reload_labels()
        self._restore_settings()
        self.list_model.refresh()
        self._update_progress()
        self._on_history_changed()
        self._open_initial_article()

    # -- construction ----------------------------------------------------------------------

    def _build_list(self) -> None:
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText("Search Bengali words…")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.addAction(
            qta.icon("fa5s.search"), QLineEdit.ActionPosition.LeadingPosition
        )
        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(self._apply_filters)
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        self.status_filter = QComboBox()
        for text, value in STATUS_CHOICES:
            self.status_filter.addItem(text, value)
        self.status_filter.currentIndexChanged.connect(lambda _i: self._apply_filters())
        self.label_filter = QComboBox()
        self.label_filter.currentIndexChanged.connect(lambda _i: self._apply_filters())

        self.list_model = ArticleListModel(self.store, self.annotator, self)
        self.list_view = QTableView()
        self.list_view.setModel(self.list_model)
        self.list_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.list_view.horizontalHeader()
        header.setSortIndicator(self.list_model.sort_column(), self.list_model.sort_order())
        self.list_view.setSortingEnabled(True)
        self.list_view.setWordWrap(False)
        self.list_view.verticalHeader().setVisible(False)
        self.list_view.verticalHeader().setDefaultSectionSize(26)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 72), (2, 112), (3, 44), (4, 44), (5, 76)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        self.list_view.selectionModel().currentRowChanged.connect(self._on_list_current_changed)
        self.list_model.modelReset.connect(self._on_list_reset)

        self.list_panel = QWidget()
        filters = QHBoxLayout()
        filters.addWidget(self.status_filter)
        filters.addWidget(self.label_filter)
        layout = QVBoxLayout(self.list_panel)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search_edit)
        layout.addLayout(filters)
        layout.addWidget(self.list_view, 1)

    def _build_reader(self) -> None:
        self.header = ArticleHeader()
        self.reader = ReaderView()
        self.header.set_font_family(self.reader.font().family(), self.reader.zoom())
        self.reader.zoom_changed.connect(
            lambda size: self.header.set_font_family(self.reader.font().family(), size)
        )
        self.reader.selection_changed.connect(self._on_reader_selection_changed)
        self.reader.span_clicked.connect(self._on_reader_span_clicked)
        self.reader_panel = QWidget()
        layout = QVBoxLayout(self.reader_panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.reader, 1)

    def _build_side(self) -> None:
        self.palette_widget = LabelPalette()
        self.palette_widget.label_chosen.connect(self.tag)
        self.panel = AnnotationPanel()
        self.panel.span_selected.connect(self._on_panel_span_selected)
        self.panel.edit_requested.connect(self._on_panel_edit_requested)
        self.panel.delete_requested.connect(lambda span_id: self.delete_span(span_id))
        self.panel.doc_label_toggled.connect(self._on_panel_doc_label_toggled)
        self.side_splitter = QSplitter(Qt.Orientation.Vertical)
        self.side_splitter.addWidget(self.palette_widget)
        self.side_splitter.addWidget(self.panel)
        self.side_splitter.setStretchFactor(1, 1)
        self.side_splitter.setSizes([330, 500])

    def _build_actions(self) -> None:
        """Menus, toolbar and keys from the key map (`annotator.keymap.MAIN`); the label keys
        follow the scheme (`_reload_labels`)."""
        resize = self.resize_span
        slots = {
            "file.import": self.import_files,
            "file.import_folder": self.import_folder,
            "file.import_annotations": self.import_annotations_dialog,
            "file.import_project": self.import_project_dialog,
            "file.export": self.export_dialog,
            "file.restore": self.restore_from_backup,
            "file.quit": self.close,
            "edit.undo": self.controller.undo,
            "edit.redo": self.controller.redo,
            "edit.delete": self.delete_span,
            "edit.grow_end": lambda: resize("end", True),
            "edit.shrink_end": lambda: resize("end", False),
            "edit.grow_start": lambda: resize("start", False),
            "edit.shrink_start": lambda: resize("start", True),
            "edit.scheme": self.edit_scheme,
            "edit.switch": self.ask_switch_annotator,
            "view.snap": self._on_snap_toggled,
            "view.digits": self._on_digits_toggled,
            "review.open": self.open_review,
            "review.agreement": self.open_agreement,
            "go.previous": self.previous_article,
            "go.next": self.next_article,
            "go.next_untagged": lambda: self.next_article(True),
            "go.done": self.mark_done,
            "help.keys": self.show_shortcuts,
        }
        actions = make_actions(MAIN, slots, self, self.reader, self.reader.key_actions())
        self.command_actions = actions
        self.menus = build_menus(self.menuBar(), MAIN, actions)
        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("main_toolbar")
        build_toolbar(toolbar, MAIN_TOOLBAR, actions)
        self._label_actions: list[QAction] = []
        self.shortcuts_dialog: ShortcutsDialog | None = None
        for name, command_id in ACTION_ATTRIBUTES.items():
            setattr(self, name, actions[command_id])
        self.snap_action.setChecked(True)
        self.digits_action.setChecked(True)

    def _build_status_bar(self) -> None:
        self.annotator_label = QLabel(f"Annotator: {self.annotator}")
        self.progress_label = QLabel()
        self.save_label = QLabel("All changes saved")
        bar = self.statusBar()
        bar.addPermanentWidget(self.save_label)
        bar.addPermanentWidget(self.progress_label)
        bar.addPermanentWidget(self.annotator_label)

    def _layout(self) -> None:
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.main_splitter.addWidget(self.list_panel)
        self.main_splitter.addWidget(self.reader_panel)
        self.main_splitter.addWidget(self.side_splitter)
        self.main_splitter.setStretchFactor(0, 2)
        self.main_splitter.setStretchFactor(1, 4)
        self.main_splitter.setStretchFactor(2, 2)
        self.main_splitter.setSizes([470, 600, 390])
        self.setCentralWidget(self.main_splitter)
        fit_to_screen(self, 1480, 900)

    # -- labels ----------------------------------------------------------------------------

    def _reload_labels(self) -> None:
        labels = self.store.labels()
        self.labels = {label.key: label for label in labels}
        active = [label for label in labels if not label.retired]
        self.palette_widget.set_labels(active)
        self.panel.set_labels(labels)
        self.panel.set_sources(self.store.attr_values("source"))
        current = self.label_filter.currentData()
        self.label_filter.blockSignals(True)
        self.label_filter.clear()
        self.label_filter.addItem("All labels", None)
        for label in labels:
            self.label_filter.addItem(label.name, label.key)
        self.label_filter.setCurrentIndex(max(0, self.label_filter.findData(current)))
        self.label_filter.blockSignals(False)
        keys = label_commands(active)
        self._label_actions = replace_actions(
            self._label_actions, keys, self._on_label_command, self, self.menus[LABEL_MENU]
        )
        for action, key in zip(self._label_actions, keys, strict=True):
            action.setIcon(swatch_icon(self.labels[label_of(key)].color))

    def _on_label_command(self, key: Command) -> None:
        self.tag(label_of(key))

    def _paint(self, span: Span) -> SpanPaint:
        label = self.labels.get(span.label)
        return SpanPaint(
            id=span.id,
            start=span.start,
            end=span.end,
            color=label.color if label else "#a9a9a9",
            label=label.name if label else span.label,
            own=span.annotator == self.annotator,
        )

    # -- opening articles ------------------------------------------------------------------

    def _open_initial_article(self) -> None:
        wanted = self.settings.value("last_article", None)
        row = self.list_model.row_of(int(wanted)) if wanted not in (None, "") else None
        if row is None and self.list_model.rowCount() > 0:
            row = 0
        if row is not None:
            self.list_view.selectRow(row)

    def open_article(self, article_id: int) -> None:
        """Show an article in the reader with all its spans."""
        article = self.store.article(article_id)
        if article is None:
            return
        self.article = article
        self.header.show_article(article, self.digits_action.isChecked())
        spans = self.store.spans(article_id)
        self._spans = {span.id: span for span in spans}
        self.reader.set_article(article.text, [self._paint(s) for s in spans])
        self.panel.set_spans(spans, self.annotator)
        self._refresh_doc_labels()
        self.settings.setValue("last_article", article_id)
        row = self.list_model.row_of(article_id)
        if row is not None and self.list_view.currentIndex().row() != row:
            self.list_view.selectRow(row)

    def _on_list_current_changed(self, current, _previous) -> None:
        if current.isValid():
            article_id = self.list_model.article_id(current.row())
            if self.article is None or self.article.id != article_id:
                self.open_article(article_id)

    def _on_list_reset(self) -> None:
        self._show_review_column()
        if self.article is not None:
            row = self.list_model.row_of(self.article.id)
            if row is not None:
                self.list_view.selectRow(row)

    def _show_review_column(self) -> None:
        """The Review column takes room from titles: shown once the project has reviews."""
        self.list_view.setColumnHidden(ArticleListModel.REVIEW, not self.store.has_reviews())

    def _apply_filters(self) -> None:
        self.list_model.set_filter(
            self.status_filter.currentData(),
            self.label_filter.currentData(),
            self.search_edit.text(),
        )

    def _step(self, forward: bool, untagged_only: bool = False) -> None:
        count = self.list_model.rowCount()
        if count == 0:
            return
        row = self.list_view.currentIndex().row()
        if forward:
            target = self.list_model.next_row(row, untagged_only=untagged_only)
        else:
            target = row - 1 if row > 0 else None
        if target is None:
            self.statusBar().showMessage("No more articles in this list.", 3000)
            return
        self.list_view.selectRow(target)

    def next_article(self, untagged_only: bool = False) -> None:
        """Open the next article in the list (the next one without claims if asked)."""
        self._step(True, untagged_only)

    def previous_article(self) -> None:
        """Open the previous article in the list."""
        self._step(False)

    def mark_done(self) -> None:
        """Mark the open article done for this annotator and move to the next one."""
        if self.article is None:
            return
        if self.controller.apply(SetStatus(self.article.id, self.annotator, "done")):
            self.next_article()

    # -- tagging ---------------------------------------------------------------------------

    def tag(self, label_key: str) -> None:
        """Tag the selection with a label, or relabel the selected span when nothing is selected."""
        if self.article is None:
            return
        selection = self.reader.selection()
        plan = plan_tag(self.article.id, self.annotator, label_key, selection,
                        self.panel.current_span(), self._spans.values())  # fmt: skip
        if plan.refusal:
            self.statusBar().showMessage(plan.refusal, 4000)
        if plan.action is None:
            return
        change = self.controller.apply(plan.action)
        if isinstance(plan.action, AddSpan) and change is not None and change.span_ids:
            # The highlight now shows the span; drop the text selection so the next drag
            # starts a new one, and make the new span the current one.
            self.reader.set_selection(selection[0], selection[0])
            self._select_span(change.span_ids[0], scroll=False)

    def delete_span(self, span_id: int | None = None) -> None:
        """Delete the given span, or the selected one."""
        if span_id is None:
            span = self.panel.current_span()
            if span is None:
                return
            span_id = span.id
        self.controller.apply(RemoveSpan(span_id, self.annotator))

    def resize_span(self, edge: str, forward: bool) -> bool:
        """Move the selected span's start or end by one word (or cluster); True when handled."""
        if self.article is None:
            return False
        plan = plan_resize(self.article.text, self.panel.current_span(), self.annotator, edge,
                           forward, self.snap_action.isChecked())  # fmt: skip
        if plan is None:
            return False
        if plan.action is not None:
            self.controller.apply(plan.action)
        return True

    def _select_span(self, span_id: int, scroll: bool = True) -> None:
        self.reader.select_span(span_id)
        self.panel.select_span(span_id)
        if scroll:
            span = self.store.span(span_id)
            if span is not None:
                self.reader.scroll_to(span.start, span.end)

    def _on_reader_selection_changed(self, start: int, end: int) -> None:
        if start == end:
            ids = self.reader.spans_at(start)
            if ids:
                self.reader.select_span(ids[0])
                self.panel.select_span(ids[0])

    def _on_reader_span_clicked(self, ids: list) -> None:
        if not ids:
            return
        if len(ids) == 1:
            self._select_span(ids[0], scroll=False)
            return
        self.span_menu(ids).popup(self.cursor().pos())

    def span_menu(self, ids: list[int]) -> QMenu:
        """A menu offering each of several spans under a click; picking one selects it."""
        menu = QMenu(self)
        for span_id in ids:
            span = self.store.span(span_id)
            if span is None:
                continue
            label = self.labels.get(span.label)
            text = span.text if len(span.text) < 40 else span.text[:38] + "…"
            name = label.name if label else span.label
            action = menu.addAction(f"{name}: {text}  ({span.annotator})")
            action.triggered.connect(lambda _c=False, sid=span_id: self._select_span(sid, False))
        return menu

    def _on_panel_span_selected(self, span_id: int) -> None:
        self._select_span(span_id, scroll=True)

    def _on_panel_edit_requested(self, span_id: int, changes: dict) -> None:
        if self.controller.apply(EditSpan(span_id, self.annotator, changes)) and "attrs" in changes:
            self.panel.set_sources(self.store.attr_values("source"))

    def _on_panel_doc_label_toggled(self, key: str, on: bool) -> None:
        if self.article is not None:
            self.controller.apply(SetDocLabel(self.article.id, self.annotator, key, on))

    def _refresh_doc_labels(self) -> None:
        if self.article is not None:
            keys = {label for _a, label in self.store.doc_labels(self.article.id, self.annotator)}
            self.panel.set_doc_labels(keys)

    # -- after a change ----------------------------------------------------------------------

    def _on_controller_changed(self, change: Change) -> None:
        """Repaint what an action, undo or redo changed, whichever window sent it."""
        self.save_label.setText(f"All changes saved · {datetime.now():%H:%M:%S}")
        if change.kind is ChangeKind.SCHEME or change.article_id is None:
            self._reload_labels()
            if self.article is not None:
                self.open_article(self.article.id)
            return
        self.list_model.refresh_article(change.article_id)
        if change.kind is ChangeKind.RULING:
            self._show_review_column()
        if self.article is None or change.article_id != self.article.id:
            self._update_progress()
            return
        if change.kind is ChangeKind.RULING:
            self.open_article(self.article.id)  # the gold layer's spans changed
        elif change.kind is ChangeKind.SPANS:
            for span_id in change.removed_ids:
                self._spans.pop(span_id, None)
            changed = []
            for span_id in change.span_ids:
                span = self.store.span(span_id)
                if span is not None:
                    self._spans[span_id] = span
                    changed.append(self._paint(span))
            self.reader.update_spans(changed, list(change.removed_ids))
            current = self.panel.current_span()
            spans = sorted(self._spans.values(), key=lambda s: (s.start, s.end, s.id))
            self.panel.set_spans(spans, self.annotator)
            if current is not None and current.id in self._spans:
                self.reader.select_span(current.id)
        elif change.kind is ChangeKind.DOC_LABELS:
            self._refresh_doc_labels()
        self._update_progress()

    def _on_controller_failed(self, message: str) -> None:
        self.statusBar().showMessage(message, 10000)

    def _on_controller_save_failed(self, message: str) -> None:
        self.save_label.setText("Last change NOT saved")
        self.save_label.setToolTip(message)
        self.save_label.setStyleSheet("color: #c0392b; font-weight: bold")

    def refresh_from_project(self) -> None:
        """Show what other windows and processes wrote: the list, the open article's spans
        and progress are re-read; the selected article, span and text selection stay."""
        try:
            if self.store.labels() != list(self.labels.values()):  # the scheme was edited
                current = self.panel.current_span()
                self._reload_labels()
                self.panel.select_span(current.id if current is not None else None)
            self.list_model.refresh()
            self._show_review_column()
            if self.article is not None:
                fresh = {span.id: span for span in self.store.spans(self.article.id)}
                removed = [i for i in self._spans if i not in fresh]
                changed = [s for i, s in fresh.items() if self._spans.get(i) != s]
                if removed or changed:
                    current = self.panel.current_span()
                    self._spans = fresh
                    self.reader.update_spans([self._paint(s) for s in changed], removed)
                    spans = sorted(fresh.values(), key=lambda s: (s.start, s.end, s.id))
                    self.panel.set_spans(spans, self.annotator)
                    if current is not None and current.id in fresh:
                        self.reader.select_span(current.id)
                self._refresh_doc_labels()
            self._update_progress()
        except Exception as exc:  # noqa: BLE001 - a refresh must never take the window down
            log_failure(exc, "refresh after another program's change")
            self.statusBar().showMessage(describe(exc, self.store.path, "Refresh failed"), 10000)

    def _on_history_changed(self) -> None:
        history = self.controller.history
        self.undo_action.setEnabled(history.can_undo)
        self.redo_action.setEnabled(history.can_redo)
        self.undo_action.setText(f"{command('edit.undo').text} {history.undo_text()}".rstrip())
        self.redo_action.setText(f"{command('edit.redo').text} {history.redo_text()}".rstrip())

    def _update_progress(self) -> None:
        done, total = self.store.progress(self.annotator)
        self.progress_label.setText(f"{done} / {total} done")

    # -- menus -----------------------------------------------------------------------------

    def _on_snap_toggled(self) -> None:
        self.reader.snap_words = self.snap_action.isChecked()

    def _on_digits_toggled(self) -> None:
        self.list_model.bengali_digits = self.digits_action.isChecked()
        if self.article is not None:
            self.header.show_article(self.article, self.digits_action.isChecked())

    def show_shortcuts(self) -> ShortcutsDialog:
        """Help → Keyboard shortcuts: every key of the key map, with this scheme's labels."""
        if self.shortcuts_dialog is not None:
            self.shortcuts_dialog.close()
        self.shortcuts_dialog = ShortcutsDialog(self.labels.values(), self)
        self.shortcuts_dialog.show()
        return self.shortcuts_dialog

    def edit_scheme(self) -> None:
        """Open the label scheme editor; its save is an undoable action through the controller
        (the repaint with the new colours and keys follows its `Change`)."""
        self.scheme_dialog = LabelSchemeDialog(self.store, self, self.controller)
        self.scheme_dialog.exec()

    def import_files(self) -> None:
        """Ask for files of any importable format and import them."""
        self._import_dialog("Import files", dialog_filters())

    def import_folder(self) -> None:
        """Ask for a folder and import everything in it."""
        folder = QFileDialog.getExistingDirectory(self, "Import a folder", str(Path.home()))
        if folder:
            self.import_paths([folder])

    def import_annotations_dialog(self) -> None:
        """Ask for annotation files (our JSONL export, doccano, Label Studio, brat)."""
        self._import_dialog("Import annotations", dialog_filters((ANNOTATIONS,)))

    def import_project_dialog(self) -> None:
        """Ask for a colleague's project file and bring their layers in."""
        self._import_dialog("Import a colleague's project", dialog_filters((PROJECT,)))

    def _import_dialog(self, title: str, filters: list[str]) -> None:
        """A file dialog over the format table; the chosen filter names the format (the
        first, "everything", lets the content decide)."""
        paths, chosen = QFileDialog.getOpenFileNames(
            self, title, str(Path.home()), ";;".join(filters)
        )
        if paths:
            self.import_paths(paths, format_for_filter(chosen))

    def import_annotations(self, fmt: str, paths: list[str]) -> TaskRunner:
        """Import annotation files of format `fmt` (see `import_paths`)."""
        return self.import_paths(paths, fmt)

    def import_project(self, path: str) -> TaskRunner:
        """Import every layer of a colleague's project file (read-only, untrusted) except this
        analyst's own; re-importing updates their layers."""
        return self.import_paths([path], PROJECT)

    def import_paths(self, paths: list[str], fmt: str = "auto") -> TaskRunner:
        """Import files or folders in the background through the one import entry point
        (`import_inputs`, as the command line does) and report the outcome. Files without
        annotator names are this analyst's; their own layer in a colleague's project is not
        brought in."""
        options = ImportOptions(
            format=fmt,
            annotator=self.annotator,
            skip_layers=(self.annotator,),
            own_project=self.store.path,
        )
        return self._start_task(
            lambda store: import_inputs(store, paths, options), "Importing…", self._on_imported
        )

    def _on_imported(self, summary: ImportSummary) -> None:
        """Show what came in: the status bar when all went well, else a dialog listing what
        was left out and why."""
        self._reload_labels()
        self.list_model.refresh()
        self._update_progress()
        if self.article is not None:
            self.open_article(self.article.id)
        headline = summary.headline()
        if summary.ok:
            self.statusBar().showMessage(headline, 8000)
            return
        lines = [line for line in summary.lines(short_names=True) if _worth_showing(line)]
        shown = lines[:40] + ([f"… and {len(lines) - 40} more lines"] if len(lines) > 40 else [])
        QMessageBox.warning(self, "Import", "\n".join([headline, "", *shown]))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        """Files and folders dragged in from a file manager may be dropped to import them."""
        if _local_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        """Import the dropped files and folders, each routed by its content."""
        paths = _local_paths(event.mimeData())
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.import_paths(paths)

    def _start_task(self, job: Job, title: str, done: Callable[[Any], None]) -> TaskRunner:
        """Run `job(store)` in the background; `done(result)` after, a warning on failure."""
        runner = TaskRunner(self.store, job, title, self)
        runner.finished.connect(done)
        runner.failed.connect(lambda why: QMessageBox.warning(self, f"{title} failed", why))
        self.task_runner = runner
        runner.start()
        return runner

    def ask_switch_annotator(self) -> None:
        """Ask for another analyst's name and work as them from now on."""
        known = ", ".join(self.store.annotators())
        name, ok = QInputDialog.getText(
            self, "Switch annotator", f"Name (known in this project: {known})", text=self.annotator
        )
        if ok and name.strip():
            self.switch_annotator(name.strip())

    def switch_annotator(self, name: str) -> None:
        """Tag as `name` from now on: own spans, statuses and progress follow; undo restarts."""
        try:
            self.store.add_annotator(name)
        except ValueError as exc:
            self.statusBar().showMessage(str(exc), 6000)
            return
        self.annotator = name
        self.controller.annotator = name
        self.controller.history.clear()
        self.settings.setValue("annotator", name)
        self.annotator_label.setText(f"Annotator: {name}")
        self.list_model.set_annotator(name)
        self._on_history_changed()
        self._update_progress()
        if self.article is not None:
            self.open_article(self.article.id)

    def open_review(self, layer_a: str | None = None, layer_b: str | None = None) -> ReviewWindow:
        """Open the review window (this analyst as reviewer), comparing A with B; its rulings
        and comments go through this window's controller, so one History undoes everything."""
        if self.review_window is not None:
            self.review_window.close()
        window = ReviewWindow(self.store, self.annotator, layer_a or self.annotator, layer_b, self,
                              self.controller)  # fmt: skip
        window.setWindowFlag(Qt.WindowType.Window, True)
        self.review_window = window
        window.show()
        return window

    def open_agreement(self) -> AgreementDialog:
        """Show the agreement dashboard (this analyst against the first other layer)."""
        others = [name for name in self.store.layers() if name != self.annotator]
        dialog = AgreementDialog(self.store, self, self.annotator, others[0] if others else None)
        dialog.article_requested.connect(self._open_listed_article)
        self.agreement_dialog = dialog
        dialog.show()
        return dialog

    def _open_listed_article(self, article_id: int) -> None:
        row = self.list_model.row_of(article_id)
        if row is None:  # filtered out: show everything again
            self.status_filter.setCurrentIndex(0)
            self.label_filter.setCurrentIndex(0)
            self.search_edit.clear()
            self._apply_filters()
            row = self.list_model.row_of(article_id)
        if row is not None:
            self.list_view.selectRow(row)

    def export_dialog(self) -> None:
        """Ask for format, layer, articles and file, then export in the background."""
        dialog = ExportDialog(self.store.layers(), Path.home(), self)
        if dialog.exec():
            self.export_dataset(dialog.fmt, dialog.out, dialog.export_filter())

    def export_dataset(self, fmt: str, out: Path, flt: ExportFilter | None = None) -> None:
        """Export on a worker thread with a progress dialog; reports in the status bar."""
        if self.store.path is None:
            self.statusBar().showMessage("An in-memory project cannot be exported.", 5000)
            return
        chosen = flt or ExportFilter()
        runner = TaskRunner(
            self.store,
            lambda store: export(store, fmt, out, chosen, runner.progress),
            f"Exporting {fmt} to {out.name}…",
            self,
            total=self.store.article_count(),
            plain=(OSError, ValueError),
        )
        runner.finished.connect(
            lambda n: self.statusBar().showMessage(f"Exported {n} spans to {out}", 8000)
        )
        runner.failed.connect(lambda why: QMessageBox.warning(self, "Export failed", why))
        self.export_runner = runner
        runner.start()

    def restore_from_backup(self) -> RestoreDialog | None:
        """List this project's backups; a confirmed choice is restored and the window reopens."""
        if self.store.path is None:
            self.statusBar().showMessage("An in-memory project has no backups.", 5000)
            return None
        dialog = RestoreDialog(list_backups(self.store.path), self)
        dialog.accepted.connect(self._on_restore_dialog_accepted)
        self.restore_dialog = dialog
        dialog.open()
        return dialog

    def _on_restore_dialog_accepted(self) -> None:
        if self.restore_dialog.chosen is not None:
            self.restore_backup(self.restore_dialog.chosen.path)

    def restore_backup(self, backup: Path) -> MainWindow | None:
        """Restore `backup` over the project, then show it in a new window replacing this one.

        The backup is checked while the project is still open (a damaged one changes nothing);
        then the store is closed, the file replaced (the old one kept aside) and reopened.
        """
        path = self.store.path
        try:
            verify_backup(backup)
        except BackupError as exc:
            QMessageBox.warning(self, "Restore from backup", str(exc))
            return None
        for other in (self.review_window, getattr(self, "agreement_dialog", None)):
            if other is not None:
                other.close()
        self.store.close()
        failed = False
        try:
            aside = restore(path, backup)
            message = f"Restored {backup.name}" + (f"; the previous file is kept as {aside}."
                                                   if aside else ".")  # fmt: skip
        except BackupError as exc:
            failed, message = True, f"Not restored: {exc}"
        try:
            store = open_project(path)
        except StoreError as exc:
            QMessageBox.critical(self, "Restore from backup", f"{message}\n{exc}")
            self.close()
            return None
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(store.close)
        window = MainWindow(store, self.annotator, self.settings)
        window.show()
        window.statusBar().showMessage(message, 20000)
        self.replacement = window
        self.close()
        if failed:
            QMessageBox.warning(window, "Restore from backup", message)
        return window

    # -- settings ----------------------------------------------------------------------------

    def _restore_settings(self) -> None:
        geometry = self.settings.value("geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = self.settings.value("window_state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        for name, splitter in (("main_splitter", self.main_splitter),
                               ("side_splitter", self.side_splitter)):  # fmt: skip
            value = self.settings.value(name)
            if isinstance(value, QByteArray):
                splitter.restoreState(value)
        zoom = self.settings.value("zoom")
        if zoom is not None:
            self.reader.set_zoom(float(zoom))
        self.snap_action.setChecked(_as_bool(self.settings.value("snap_words", True)))
        self.reader.snap_words = self.snap_action.isChecked()
        self.digits_action.setChecked(_as_bool(self.settings.value("bengali_digits", True)))
        self.list_model.bengali_digits = self.digits_action.isChecked()
        self.reader.zoom_changed.connect(lambda size: self.settings.setValue("zoom", size))

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Remember window layout and preferences."""
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("window_state", self.saveState())
        self.settings.setValue("main_splitter", self.main_splitter.saveState())
        self.settings.setValue("side_splitter", self.side_splitter.saveState())
        self.settings.setValue("snap_words", self.snap_action.isChecked())
        self.settings.setValue("bengali_digits", self.digits_action.isChecked())
        self.settings.sync()
        super().closeEvent(event)


def _as_bool(value: object) -> bool:
    if isinstance(value, str):
        return value.lower() in ("1", "true", "yes")
    return bool(value)


def _local_paths(mime: QMimeData) -> list[str]:
    """The local files and folders a drag carries (web links are not imported)."""
    if not mime.hasUrls():
        return []
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile() and url.toLocalFile()]


def _worth_showing(line: str) -> bool:
    """Report lines for the dialog: what went wrong or was chosen, not each good file."""
    return not line.startswith(("imported   ", "duplicate  ", "layer      "))
