"""The main window: layout and wiring of the article list, reading pane, label palette and
annotation panel. What it does lives in its parts, one module each: `article_navigation`
(the list and the open article), `span_editing` (tagging and repainting changes),
`import_flow`, `export_flow` (export and restore), `find_flow` (search marks, find in
article, the concordance), `project_files` (new, open, recent, switching projects),
`help_menu`, `window_state`, `register_flow` (the actor register, annotate all
occurrences) and `frame_flow` (the claim frame panel, linking spans to a claim)."""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (  # noqa: F401 - QFileDialog, QMessageBox: the window's parts
    QFileDialog,  # use them; scripts and tests patch their static dialogs through this module
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from annotator.keymap import (
    CERTAINTY_COMMANDS,
    LABEL_MENU,
    MAIN,
    MAIN_TOOLBAR,
    certainty_of,
    label_commands,
    label_of,
)
from annotator.models import Article, Span
from annotator.scheme import LabelDef
from annotator.store import Store
from annotator.ui import i18n
from annotator.ui.controller import Controller
from annotator.ui.dialogs.agreement_dialog import AgreementDialog
from annotator.ui.dialogs.concordance_dialog import ConcordanceWindow
from annotator.ui.dialogs.label_scheme_dialog import LabelSchemeDialog
from annotator.ui.project_watcher import ProjectWatcher
from annotator.ui.reader import ReaderView
from annotator.ui.review_window import ReviewWindow
from annotator.ui.screen import fit_to_screen
from annotator.ui.shortcuts import build_menus, build_toolbar, make_actions, replace_actions
from annotator.ui.task_runner import Job, TaskRunner, start_job
from annotator.ui.widgets.annotation_panel import AnnotationPanel
from annotator.ui.widgets.article_header import ArticleHeader
from annotator.ui.widgets.article_list_panel import STATUS_CHOICES, ArticleListPanel
from annotator.ui.widgets.find_bar import FindBar
from annotator.ui.widgets.label_palette import LabelPalette, swatch_icon
from annotator.ui.window.article_navigation import ArticleNavigation
from annotator.ui.window.export_flow import ExportFlow
from annotator.ui.window.find_flow import FindFlow
from annotator.ui.window.frame_flow import FrameFlow
from annotator.ui.window.help_menu import HelpMenu
from annotator.ui.window.import_flow import ImportFlow
from annotator.ui.window.language import InterfaceLanguage
from annotator.ui.window.project_files import ProjectFiles, window_title
from annotator.ui.window.register_flow import RegisterFlow
from annotator.ui.window.span_editing import SpanEditing
from annotator.ui.window.suggest_flow import SuggestFlow
from annotator.ui.window.window_state import WindowState

__all__ = ["ACTION_ATTRIBUTES", "STATUS_CHOICES", "MainWindow"]

# The window's actions by attribute name (`window.undo_action`), for code and scripts that
# drive the window; every one is a row of `keymap.MAIN` (`window.command_actions[id]`).
ACTION_ATTRIBUTES = {
    "new_project_action": "file.new",
    "open_project_action": "file.open",
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
    "register_action": "edit.register",
    "occurrences_action": "span.occurrences",
    "link_action": "span.link",
    "suggest_show_action": "suggest.show",
    "suggest_least_action": "suggest.least_certain",
    "switch_action": "edit.switch",
    "zoom_in_action": "view.zoom_in",
    "zoom_out_action": "view.zoom_out",
    "snap_action": "view.snap",
    "digits_action": "view.digits",
    "colleagues_action": "view.colleagues",
    "review_action": "review.open",
    "agreement_action": "review.agreement",
    "concordance_action": "review.concordance",
    "find_action": "edit.find",
    "prev_action": "go.previous",
    "next_action": "go.next",
    "next_untagged_action": "go.next_untagged",
    "done_action": "go.done",
}


class MainWindow(
    ArticleNavigation,
    SpanEditing,
    ImportFlow,
    ExportFlow,
    FindFlow,
    ProjectFiles,
    HelpMenu,
    WindowState,
    InterfaceLanguage,
    RegisterFlow,
    FrameFlow,
    SuggestFlow,
    QMainWindow,
):
    """Reads and tags one article at a time; every edit goes through the controller."""

    def __init__(self, store: Store, annotator: str, settings: QSettings | None = None) -> None:
        super().__init__()
        i18n.ensure_language()
        self.setAcceptDrops(True)  # files dropped from a file manager are imported
        self.store = store
        self.annotator = annotator
        self.settings = settings if settings is not None else QSettings()
        self.controller = Controller(store, annotator, self)
        self.article: Article | None = None
        self.labels: dict[str, LabelDef] = {}
        self._spans: dict[int, Span] = {}  # spans of the open article, by id
        self.review_window: ReviewWindow | None = None
        self.concordance_window: ConcordanceWindow | None = None
        self._find_matches: list[tuple[int, int]] = []
        self._find_current: int | None = None
        self.task_runner: TaskRunner | None = None
        self._save_failed = False
        store.add_annotator(annotator)
        self._show_title()
        self.setWindowIcon(qta.icon("fa5s.highlighter"))

        self._build_list()
        self._build_reader()
        self._build_side()
        self._build_actions()
        self._init_suggestions()
        self._build_recent_menu()
        self._build_status_bar()
        self._layout()

        self.controller.changed.connect(self._on_controller_changed)
        self.controller.changed.connect(self.refresh_frame)  # after the spans are repainted
        self.controller.failed.connect(self._on_controller_failed)
        self.controller.save_failed.connect(self._on_controller_save_failed)
        self.watcher = ProjectWatcher(store, parent=self)
        self.watcher.changed.connect(self.refresh_from_project)
        self.watcher.changed.connect(self.refresh_frame)
        self.controller.history_changed.connect(self._on_history_changed)

        self._reload_labels()
        self.restore_state()
        self.list_model.refresh()  # the one list query of the start
        self._update_progress()
        self._on_history_changed()
        self._open_initial_article()

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:  # noqa: D102
        # The window's strings live in the contexts of its parts (`SpanEditing`, `FrameFlow`…).
        # Qt's own lookup stops at the first class whose answer differs from the source text,
        # and a plural's untranslated answer already differs (its %n is filled in): look for
        # a real translation in each part's context instead.
        plain = QCoreApplication.translate("", text, disambiguation, n)
        for cls in type(self).__mro__:
            found = QCoreApplication.translate(cls.__name__, text, disambiguation, n)
            if found != plain:
                return found
        return plain

    # -- construction ----------------------------------------------------------------------

    def _build_list(self) -> None:
        self.list_panel = ArticleListPanel(self.store, self.annotator, self)
        panel = self.list_panel
        self.search_edit, self.status_filter = panel.search_edit, panel.status_filter
        self.label_filter, self.list_model, self.list_view = (
            panel.label_filter, panel.model, panel.view
        )  # fmt: skip
        panel.filters_changed.connect(self._apply_filters)
        panel.filters_changed.connect(self._show_search_marks)
        self.list_view.selectionModel().currentRowChanged.connect(self._on_list_current_changed)
        self.list_model.modelReset.connect(self._on_list_reset)
        self.list_model.counted.connect(self._on_list_counted)

    def _build_reader(self) -> None:
        self.header = ArticleHeader()
        self.reader = ReaderView()
        self.header.set_font_family(self.reader.font().family(), self.reader.zoom())
        self.reader.zoom_changed.connect(
            lambda size: self.header.set_font_family(self.reader.font().family(), size)
        )
        self.reader.selection_changed.connect(self._on_reader_selection_changed)
        self.reader.span_clicked.connect(self._on_reader_span_clicked)
        self.find_bar = FindBar()
        self.find_bar.hide()
        self.find_bar.text_changed.connect(self._on_find_text_changed)
        self.find_bar.next_requested.connect(self.find_next)
        self.find_bar.previous_requested.connect(self.find_previous)
        self.find_bar.close_requested.connect(self.close_find)
        self.reader_panel = QWidget()
        layout = QVBoxLayout(self.reader_panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.find_bar)
        self.reader_splitter = QSplitter(Qt.Orientation.Vertical)
        self.reader_splitter.setChildrenCollapsible(False)
        self.reader_splitter.addWidget(self.reader)
        layout.addWidget(self.reader_splitter, 1)

    def _build_side(self) -> None:
        self.palette_widget = LabelPalette()
        self.palette_widget.label_chosen.connect(self.tag)
        self.panel = AnnotationPanel()
        self.panel.current_changed.connect(
            lambda span: self.palette_widget.set_current_label(span.label if span else None)
        )
        self.panel.span_selected.connect(self._on_panel_span_selected)
        self.panel.edit_requested.connect(self._on_panel_edit_requested)
        self.panel.delete_requested.connect(lambda span_id: self.delete_span(span_id))
        self.panel.doc_label_toggled.connect(self._on_panel_doc_label_toggled)
        self._connect_register()
        self.side_splitter = QSplitter(Qt.Orientation.Vertical)
        self.side_splitter.addWidget(self.palette_widget)
        self.side_splitter.addWidget(self.panel)
        self.side_splitter.setStretchFactor(1, 1)
        self.side_splitter.setSizes([300, 530])
        # The claim frame sits under the text it describes (the reader's column).
        self.reader_splitter.addWidget(self._build_frame_panel())
        self.reader_splitter.setStretchFactor(0, 1)
        self.reader_splitter.setSizes([620, 220])

    def _build_actions(self) -> None:
        """Menus, toolbar and keys from the key map (`annotator.keymap.MAIN`); the label keys
        follow the scheme (`_reload_labels`)."""
        resize = self.resize_span
        slots = {
            "file.new": self.new_project,
            "file.open": self.open_project_dialog,
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
            "edit.register": self.open_register,
            "span.occurrences": self.annotate_occurrences,
            "span.link": self.link_current_span,
            "edit.switch": self.ask_switch_annotator,
            **{c.id: (lambda c=c: self.set_certainty(certainty_of(c))) for c in CERTAINTY_COMMANDS},
            "span.source": self.focus_claim_source,
            "edit.find": self.show_find,
            "edit.find_next": self.find_next,
            "edit.find_previous": self.find_previous,
            "view.snap": self._on_snap_toggled,
            "view.digits": self._on_digits_toggled,
            "view.colleagues": self._on_colleagues_toggled,
            **self.language_slots(),
            "review.open": self.open_review,
            "review.agreement": self.open_agreement,
            "review.concordance": self.open_concordance,
            "go.previous": self.previous_article,
            "go.next": self.next_article,
            "go.next_untagged": self.next_untagged,
            "suggest.next": self.next_suggestion,
            "suggest.previous": lambda: self.next_suggestion(False),
            "suggest.accept": self.accept_suggestion,
            "suggest.reject": self.reject_suggestion,
            "suggest.accept_all": self.accept_all_suggestions,
            "suggest.show": self._on_suggestions_toggled,
            "suggest.least_certain": lambda: None,  # read when Go → Next untagged runs
            "suggest.retrain": self.retrain_suggestions,
            "suggest.add_phrase": self.add_trigger_phrase,
            "go.done": self.mark_done,
            "help.keys": self.show_shortcuts,
            "help.guidelines": self.show_guidelines,
            "help.about": self.show_about,
        }
        actions = make_actions(MAIN, slots, self, self.reader, self.reader.key_actions())
        self.command_actions = actions
        self.menus = build_menus(self.menuBar(), MAIN, actions)
        self.toolbar = self.addToolBar(self.tr("Main toolbar"))
        self.toolbar.setObjectName("main_toolbar")
        build_toolbar(self.toolbar, MAIN_TOOLBAR, actions)
        self._label_actions: list[QAction] = []
        tag_menu = self.menus[LABEL_MENU]  # the label keys go first, above this separator
        self._label_anchor = tag_menu.insertSeparator(tag_menu.actions()[0])
        for name, command_id in ACTION_ATTRIBUTES.items():
            setattr(self, name, actions[command_id])
        self.snap_action.setChecked(True)
        self.colleagues_action.setChecked(True)
        self._build_language_actions()

    def _build_status_bar(self) -> None:
        self.annotator_label = QLabel()
        self._show_annotator()
        self.progress_label = QLabel()
        self.save_label = QLabel(self.tr("All changes saved"))
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
        self.main_splitter.setSizes([510, 530, 440])
        self.setCentralWidget(self.main_splitter)
        fit_to_screen(self, 1480, 900)

    # -- labels ----------------------------------------------------------------------------

    def _reload_labels(self) -> None:
        labels = self.store.labels()
        self.labels = {label.key: label for label in labels}
        active = [label for label in labels if not label.retired]
        self.palette_widget.set_labels(active)
        self.panel.set_labels(labels)
        self.frame_panel.set_labels(labels)
        self.panel.set_sources(self.store.attr_values("source"))
        self._show_register()
        self.list_panel.set_labels(labels)
        keys = label_commands(active)
        self._label_actions = replace_actions(
            self._label_actions,
            keys,
            self._on_label_command,
            self,
            self.menus[LABEL_MENU],
            before=self._label_anchor,
        )
        for action, key in zip(self._label_actions, keys, strict=True):
            action.setIcon(swatch_icon(self.labels[label_of(key)].color))

    # -- other windows, the annotator ---------------------------------------------------------

    def _on_snap_toggled(self) -> None:
        self.reader.snap_words = self.snap_action.isChecked()

    def _show_title(self) -> None:
        self.setWindowTitle(window_title(self.store.path))

    def _show_annotator(self) -> None:
        self.annotator_label.setText(self.tr("Annotator: {name}").format(name=self.annotator))

    def edit_scheme(self) -> None:
        """Open the label scheme editor; its save is an undoable action through the controller
        (the repaint with the new colours and keys follows its `Change`)."""
        self.scheme_dialog = LabelSchemeDialog(self.store, self, self.controller)
        self.scheme_dialog.exec()

    def ask_switch_annotator(self) -> None:
        """Ask for another analyst's name and work as them from now on."""
        known = ", ".join(self.store.annotators())
        name, ok = QInputDialog.getText(
            self,
            self.tr("Switch annotator"),
            self.tr("Name (known in this project: {names})").format(names=known),
            text=self.annotator,
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
        self._show_annotator()
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

    # -- background jobs, Qt events --------------------------------------------------------

    def start_job(self, job: Job, title: str, done) -> TaskRunner:  # noqa: ANN001
        """Run `job(store)` in the background (`task_runner.start_job`); `done(result)` after."""
        self.task_runner = start_job(self, self.store, job, title, done)
        return self.task_runner

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        """Files and folders dragged in from a file manager may be dropped to import them."""
        self.accept_drag(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        """Import the dropped files and folders, each routed by its content."""
        self.import_drop(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """Remember window layout and preferences (after a training in the background)."""
        if self.suggest_runner is not None:
            self.suggest_runner.wait()
        self.save_state()
        super().closeEvent(event)
