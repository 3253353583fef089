"""The agreement dashboard's relations tab: relation F1 per type and actor-link agreement."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.agreement_report import RELATION_KEYS, format_score, relation_rows
from annotator.relation_agreement import RelationAgreement
from annotator.translatable import QT_TRANSLATE_NOOP
from annotator.ui.i18n import digits, number, translate

RELATION_HEADERS = (
    QT_TRANSLATE_NOOP("RelationAgreementView", "Relation type"),
    QT_TRANSLATE_NOOP("RelationAgreementView", "Both"),
    QT_TRANSLATE_NOOP("RelationAgreementView", "A only"),
    QT_TRANSLATE_NOOP("RelationAgreementView", "B only"),
    QT_TRANSLATE_NOOP("RelationAgreementView", "Unmatched span A"),
    QT_TRANSLATE_NOOP("RelationAgreementView", "Unmatched span B"),
    QT_TRANSLATE_NOOP("RelationAgreementView", "Precision"),
    QT_TRANSLATE_NOOP("RelationAgreementView", "Recall"),
    QT_TRANSLATE_NOOP("RelationAgreementView", "F1"),
    QT_TRANSLATE_NOOP("RelationAgreementView", "Strict F1"),
)


class RelationAgreementView(QWidget):
    """A table of relation counts and figures (overall, then per type) and a line on actor
    links, from a `relation_agreement.RelationAgreement` (or empty)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, len(RELATION_HEADERS))
        self.table.setHorizontalHeaderLabels(
            [translate("RelationAgreementView", h) for h in RELATION_HEADERS]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.matched_label = QLabel()
        self.matched_label.setWordWrap(True)
        self.actor_label = QLabel()
        self.actor_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.matched_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.actor_label)
        self._names: dict[str, str] = {}

    def set_type_names(self, names: dict[str, str]) -> None:
        """Relation type key -> the name to show."""
        self._names = dict(names)

    def show_result(self, result: RelationAgreement | None) -> None:
        """Fill the table and lines (empty when `result` is None)."""
        rows = [] if result is None else relation_rows(result)
        self.table.setRowCount(len(rows))
        for row, (_, kind, scores) in enumerate(rows):
            name = self._names.get(kind, kind) if kind else self.tr("Overall")
            self.table.setItem(row, 0, QTableWidgetItem(name))
            for column, key in enumerate(RELATION_KEYS, start=1):
                self.table.setItem(row, column, _number(getattr(scores, key)))
        self.table.resizeColumnsToContents()
        if result is None:
            self.matched_label.setText("")
            self.actor_label.setText("")
            return
        self.matched_label.setText(
            self.tr(
                "Relations on %Ln matched span(s) (same start, end and label). Unmatched: the "
                "head or tail is a span the other layer lacks; strict F1 counts them too.",
                "",
                result.matched_spans,
            )
        )
        actors = result.actors
        self.actor_label.setText(
            self.tr(
                "Actor links on {spans} matched actor spans: same entry {same}, different "
                "{different}, only A {only_a}, only B {only_b}, neither {neither}; raw "
                "agreement {raw}, κ {kappa}."
            ).format(
                spans=number(actors.spans),
                same=number(actors.same),
                different=number(actors.different),
                only_a=number(actors.only_a),
                only_b=number(actors.only_b),
                neither=number(actors.neither),
                raw=digits(format_score(actors.raw_agreement)),
                kappa=digits(format_score(actors.kappa)),
            )  # fmt: skip
        )


def _number(value: int | float | None) -> QTableWidgetItem:
    text = number(value) if isinstance(value, int) else digits(format_score(value))
    item = QTableWidgetItem(text)
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item
