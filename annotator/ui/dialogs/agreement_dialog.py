"""The agreement dashboard: compare two layers and show the figures, charts and tables.

The figures are computed on a worker thread (`ui/task_runner.TaskRunner`, with a progress
bar after a moment), so the dashboard and the main window keep painting while 100,000
articles are compared; a newer choice of layers makes an older computation stop at its next
batch and its result is dropped.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QModelIndex, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.agreement import (
    UNPAIRED,
    AgreementError,
    AgreementResult,
    Scores,
    compute_agreement,
)
from annotator.agreement_report import (
    FIGURES,
    format_score,
    heat_colour,
    ink_colour,
    save_report,
)
from annotator.store import Store
from annotator.translatable import QT_TRANSLATE_NOOP
from annotator.ui.dialogs.relation_agreement_view import RelationAgreementView
from annotator.ui.i18n import digits, number, translate
from annotator.ui.models.article_scores_model import ArticleScoresModel
from annotator.ui.task_runner import TaskRunner

SUMMARY_HEADERS = (
    "",
    QT_TRANSLATE_NOOP("AgreementDialog", "Spans A"),
    QT_TRANSLATE_NOOP("AgreementDialog", "Spans B"),
    *(name for _, name in FIGURES),
)
FILE_FILTERS = {
    "csv": QT_TRANSLATE_NOOP("AgreementDialog", "CSV (*.csv)"),
    "json": QT_TRANSLATE_NOOP("AgreementDialog", "JSON (*.json)"),
    "html": QT_TRANSLATE_NOOP("AgreementDialog", "HTML page (*.html)"),
}
BAR_COLOURS = ("#4363d8", "#3cb44b", "#f58231", "#911eb4")
PROGRESS_STEPS = 1000


class _Superseded(Exception):
    """A computation whose layers are no longer the ones chosen: stop it."""


class AgreementChart(QWidget):
    """Horizontal bars from 0 to 1 for each label's four figures; undefined ones are left out.

    Negative kappa or alpha show as an empty bar with their value written beside it.
    """

    ROW, GAP, LABEL_W, BAR_W = 14, 10, 160, 220

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scores: list[tuple[str, Scores]] = []

    def set_scores(self, scores: list[tuple[str, Scores]]) -> None:
        """Show these (name, scores) groups, in order."""
        self._scores = list(scores)
        self.updateGeometry()
        self.update()

    def groups(self) -> list[str]:
        """Names of the groups drawn, in order."""
        return [name for name, _ in self._scores]

    def sizeHint(self) -> QSize:
        """Tall enough for every group and the legend."""
        group = self.ROW * len(FIGURES) + self.GAP
        return QSize(self.LABEL_W + self.BAR_W + 70, group * (len(self._scores) + 1) + self.GAP)

    def minimumSizeHint(self) -> QSize:
        """As tall as the size hint: the chart scrolls rather than squeezes."""
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the legend, then one group of bars per label."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        text = self.palette().text().color()
        metrics = painter.fontMetrics()
        x0, row = self.LABEL_W, self.ROW
        x = 0
        for (_, name), colour in zip(FIGURES, BAR_COLOURS, strict=True):
            painter.fillRect(QRectF(x, 4, 10, 10), QColor(colour))
            painter.setPen(text)
            painter.drawText(x + 13, 4 + metrics.ascent() - 1, name)
            x += 13 + metrics.horizontalAdvance(name) + 14
        y = row + self.GAP * 2
        for name, scores in self._scores:
            painter.setPen(text)
            label = metrics.elidedText(name, Qt.TextElideMode.ElideRight, self.LABEL_W - 8)
            painter.drawText(0, int(y + metrics.ascent()), label)
            for k, ((key, _), colour) in enumerate(zip(FIGURES, BAR_COLOURS, strict=True)):
                value = getattr(scores, key)
                top = y + k * row
                painter.fillRect(QRectF(x0, top + 2, self.BAR_W, row - 4), QColor("#eeeeee"))
                if value is not None and value > 0:
                    width = min(1.0, value) * self.BAR_W
                    painter.fillRect(QRectF(x0, top + 2, width, row - 4), QColor(colour))
                painter.setPen(text)
                painter.drawText(
                    int(x0 + self.BAR_W + 6),
                    int(top + metrics.ascent()),
                    digits(format_score(value)),
                )
            y += row * len(FIGURES) + self.GAP
        painter.end()


class AgreementDialog(QDialog):
    """Compare two layers: summary, per-label bars, label confusion heat map, worst articles,
    and relation F1 per type with actor-link agreement (the Relations tab).

    The figures are `annotator.agreement.compute_agreement`'s, computed on a worker thread;
    they are recomputed whenever a layer or the "all articles" box changes. `save(path)`
    writes the report (.csv, .json, .html) without a file dialog, for tests and scripts.

    Signals:
        article_requested(int): an article id double-clicked in the per-article table.
        computed(): the figures for the layers chosen are shown (or why there are none).
    """

    article_requested = Signal(int)
    computed = Signal()

    def __init__(
        self,
        store: Store,
        parent: QWidget | None = None,
        a: str | None = None,
        b: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Inter-annotator agreement"))
        self.resize(900, 620)
        self._store = store
        self._names = {label.key: label.name or label.key for label in store.labels()}
        self.result: AgreementResult | None = None
        self.runner: TaskRunner | None = None
        self._generation = 0
        self._runners: list[TaskRunner] = []

        layers = store.layers()
        self.a_combo = QComboBox()
        self.b_combo = QComboBox()
        for combo in (self.a_combo, self.b_combo):
            combo.addItems(layers)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._preselect(self.a_combo, a, 0)
        self._preselect(self.b_combo, b, 1)
        self.all_check = QCheckBox(
            self.tr("All articles with spans (not only those both marked done)")
        )
        self.message = QLabel()
        self.message.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Layer A:")))
        top.addWidget(self.a_combo)
        top.addWidget(QLabel(self.tr("Layer B:")))
        top.addWidget(self.b_combo)
        top.addWidget(self.all_check)
        top.addStretch(1)

        self.summary_table = self._table(SUMMARY_HEADERS)
        self.chart = AgreementChart()
        chart_scroll = QScrollArea()
        chart_scroll.setWidget(self.chart)
        chart_scroll.setWidgetResizable(True)
        self._summary_split = QSplitter(Qt.Orientation.Vertical)
        self._summary_split.addWidget(self.summary_table)
        self._summary_split.addWidget(chart_scroll)
        self._summary_split.setStretchFactor(1, 1)

        self.confusion_table = self._table(())
        self.article_scores = ArticleScoresModel(self)
        self.article_table = QTableView()
        self.article_table.setModel(self.article_scores)
        self.article_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.article_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.article_table.verticalHeader().setVisible(False)
        self.article_table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch
        )
        self.article_table.setToolTip(self.tr("Double-click an article to open it"))
        self.article_table.doubleClicked.connect(self._on_article_table_double_clicked)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._summary_split, self.tr("Summary"))
        self.tabs.addTab(self.confusion_table, self.tr("Label confusion"))
        self.tabs.addTab(self.article_table, self.tr("Articles (worst first)"))
        self.relation_view = RelationAgreementView()
        self.relation_view.set_type_names(
            {kind.key: kind.name or kind.key for kind in store.relation_types()}
        )
        self.tabs.addTab(self.relation_view, self.tr("Relations"))

        self.save_buttons: dict[str, QPushButton] = {}
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        for fmt in FILE_FILTERS:
            button = QPushButton(self.tr("Save {format}…").format(format=fmt.upper()))
            button.clicked.connect(lambda _=False, f=fmt: self._on_save_clicked(f))
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
            self.save_buttons[fmt] = button

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)

        self.a_combo.currentIndexChanged.connect(self.refresh)
        self.b_combo.currentIndexChanged.connect(self.refresh)
        self.all_check.toggled.connect(self.refresh)
        self.refresh()

    # -- public ----------------------------------------------------------------------------

    def set_layers(self, a: str, b: str, all_articles: bool | None = None) -> None:
        """Pick both layers (and the "all articles" box) at once, then recompute once."""
        for widget in (self.a_combo, self.b_combo, self.all_check):
            widget.blockSignals(True)
        try:
            self.a_combo.setCurrentText(a)
            self.b_combo.setCurrentText(b)
            if all_articles is not None:
                self.all_check.setChecked(all_articles)
        finally:
            for widget in (self.a_combo, self.b_combo, self.all_check):
                widget.blockSignals(False)
        self.refresh()

    @property
    def computing(self) -> bool:
        """True while the figures for the layers chosen are being computed."""
        return self.runner is not None

    def refresh(self) -> None:
        """Recompute the figures for the chosen layers (on a worker thread), then refill every
        view; until then the views are empty and the message says it is computing."""
        a, b = self.a_combo.currentText(), self.b_combo.currentText()
        everything = self.all_check.isChecked()
        self._generation += 1
        generation = self._generation
        self.result = None
        self._fill(None)
        for button in self.save_buttons.values():
            button.setEnabled(False)
        if not (a and b):
            self.runner = None
            self.message.setText(self.tr("The project has no annotators yet."))
            self.computed.emit()
            return
        self.message.setText(self.tr("Comparing {a} and {b}…").format(a=a, b=b))

        def job(store: Store) -> AgreementResult:
            def tick(share: float) -> None:
                if self._generation != generation:
                    raise _Superseded
                runner.progress(int(share * PROGRESS_STEPS))

            return compute_agreement(
                store, a, b, all_articles=everything, progress=tick, relations=True
            )

        runner = TaskRunner(
            self._store, job, self.tr("Computing agreement"), self, total=PROGRESS_STEPS,
            plain=(AgreementError, _Superseded),
        )  # fmt: skip
        runner.finished.connect(lambda result: self._on_computed(generation, result, None))
        runner.failed.connect(lambda why: self._on_computed(generation, None, why))
        self.runner = runner
        self._runners.append(runner)
        runner.start()

    def _on_computed(
        self, generation: int, result: AgreementResult | None, failure: str | None
    ) -> None:
        for runner in self._runners:
            if not runner.running:
                runner.deleteLater()
        self._runners = [r for r in self._runners if r.running]
        if generation != self._generation:
            return  # a newer choice of layers is being computed
        self.runner = None
        self.result = result
        if failure is not None:
            self.message.setText(failure)
        elif result is not None:
            self.message.setText(self._summary_text(result))
        self._fill(result)
        for button in self.save_buttons.values():
            button.setEnabled(result is not None)
        self.computed.emit()

    def done(self, code: int) -> None:
        """Closing: stop any computation and wait for its thread before the dialog goes."""
        self._stop_computing()
        super().done(code)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """As `done`, for the window's close button."""
        self._stop_computing()
        super().closeEvent(event)

    def _stop_computing(self) -> None:
        self._generation += 1  # the running job stops at its next batch
        self.runner = None
        for runner in self._runners:
            runner.wait()

    def save(self, path: str | os.PathLike[str]) -> bool:
        """Write the report shown to `path` (.csv, .json or .html); False (reason shown) if not."""
        if self.result is None:
            self.message.setText(self.tr("Nothing to save: pick two layers first."))
            return False
        try:
            save_report(self.result, path)
        except (OSError, ValueError) as exc:
            self.message.setText(
                self.tr("Could not save {file}: {reason}").format(file=Path(path).name, reason=exc)
            )
            return False
        self.message.setText(self.tr("Saved {path}").format(path=path))
        return True

    # -- filling the views -----------------------------------------------------------------

    def _summary_text(self, result: AgreementResult) -> str:
        if self.all_check.isChecked():
            return self.tr("%Ln article(s) with spans in either layer.", "", result.articles)
        text = self.tr("%Ln article(s) marked done in both layers.", "", result.articles)
        if not result.articles:
            text += " " + self.tr("Tick “All articles” to compare articles not yet marked done.")
        return text

    def _label_name(self, key: str) -> str:
        return self._names.get(key, key)

    def _fill(self, result: AgreementResult | None) -> None:
        self._fill_summary(result)
        self._fill_confusion(result)
        self._fill_articles(result)
        self.relation_view.show_result(None if result is None else result.relations)

    def _fill_summary(self, result: AgreementResult | None) -> None:
        scopes = [] if result is None else [(self.tr("Overall"), result.overall)]
        if result is not None:
            scopes += [(self._label_name(k), s) for k, s in result.per_label.items()]
        table = self.summary_table
        table.setRowCount(len(scopes))
        for row, (name, scores) in enumerate(scopes):
            values = [scores.a_spans, scores.b_spans, *(getattr(scores, k) for k, _ in FIGURES)]
            table.setItem(row, 0, _item(name))
            for column, value in enumerate(values, start=1):
                table.setItem(row, column, _number(value))
        table.resizeColumnsToContents()
        table.resizeRowsToContents()
        rows_height = sum(table.rowHeight(r) for r in range(table.rowCount()))
        height = table.horizontalHeader().sizeHint().height() + rows_height + 2 * table.frameWidth()
        self._summary_split.setSizes([height + 2, max(200, self.height() - height)])
        self.chart.set_scores(scopes[1:])

    def _fill_confusion(self, result: AgreementResult | None) -> None:
        table = self.confusion_table
        labels = [] if result is None else result.confusion_labels()
        table.clear()
        table.setRowCount(len(labels))
        table.setColumnCount(len(labels))
        names = [self._label_name(label) for label in labels]
        table.setHorizontalHeaderLabels([self.tr("B: {label}").format(label=n) for n in names])
        table.setVerticalHeaderLabels([self.tr("A: {label}").format(label=n) for n in names])
        if result is None:
            return
        highest = max((n for row in result.confusion.values() for n in row.values()), default=0)
        for r, x in enumerate(labels):
            for c, y in enumerate(labels):
                count = result.confusion.get(x, {}).get(y, 0)
                item = _number(count)
                background = heat_colour(count, highest, diagonal=x == y and x != UNPAIRED)
                item.setBackground(QColor(background))
                item.setForeground(QColor(ink_colour(background)))
                table.setItem(r, c, item)
        table.resizeColumnsToContents()

    def _fill_articles(self, result: AgreementResult | None) -> None:
        self.article_scores.set_rows([] if result is None else result.per_article)

    def _table(self, headers: tuple[str, ...]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        if headers:
            table.setHorizontalHeaderLabels([translate("AgreementDialog", h) for h in headers])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().setVisible(headers == ())
        return table

    # -- slots -----------------------------------------------------------------------------

    def _preselect(self, combo: QComboBox, name: str | None, fallback: int) -> None:
        if name is not None and combo.findText(name) >= 0:
            combo.setCurrentText(name)
        elif combo.count():
            combo.setCurrentIndex(min(fallback, combo.count() - 1))

    def _on_article_table_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.article_requested.emit(self.article_scores.article_id(index.row()))

    def _on_save_clicked(self, fmt: str) -> None:
        if self.result is None:
            return
        name = f"agreement-{self.result.a}-{self.result.b}.{fmt}"
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save agreement report"),
            name,
            translate("AgreementDialog", FILE_FILTERS[fmt]),
        )
        if path:
            if Path(path).suffix.lower() != f".{fmt}":
                path += f".{fmt}"
            self.save(path)


def _item(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setToolTip(text)
    return item


def _number(value: int | float | None) -> QTableWidgetItem:
    text = number(value) if isinstance(value, int) else digits(format_score(value))
    item = QTableWidgetItem(text)
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item
