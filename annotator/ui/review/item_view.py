"""What the review window says about one review item: both layers' spans and the ruling."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTextBrowser, QWidget

from annotator.attributes import attrs_summary
from annotator.keymap import command
from annotator.models import Decision, Span
from annotator.review import KIND_COLORS, KIND_NAMES, Item
from annotator.scheme import LabelDef
from annotator.translatable import QT_TRANSLATE_NOOP
from annotator.ui.i18n import digits, shown_attribute, translate

ACTION_TEXT = {  # a ruling, as the item view names it
    "accept_a": QT_TRANSLATE_NOOP("ItemView", "accepted A"),
    "accept_b": QT_TRANSLATE_NOOP("ItemView", "accepted B"),
    "accept_both": QT_TRANSLATE_NOOP("ItemView", "accepted both"),
    "reject": QT_TRANSLATE_NOOP("ItemView", "rejected"),
    "edit": QT_TRANSLATE_NOOP("ItemView", "edited"),
    "agreed": QT_TRANSLATE_NOOP("ItemView", "agreed"),
}
DECIDED = {  # the status bar's line after a ruling
    "accept_a": QT_TRANSLATE_NOOP("ReviewWindow", "Accepted A — written to gold."),
    "accept_b": QT_TRANSLATE_NOOP("ReviewWindow", "Accepted B — written to gold."),
    "accept_both": QT_TRANSLATE_NOOP("ReviewWindow", "Accepted both — written to gold."),
    "reject": QT_TRANSLATE_NOOP("ReviewWindow", "Rejected — written to gold."),
    "edit": QT_TRANSLATE_NOOP("ReviewWindow", "Edited — written to gold."),
}


def escape(text: str) -> str:
    """Text safe to put in Qt rich text."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class ItemView(QTextBrowser):
    """The selected item's kind, the spans of layer A and of layer B, and its standing ruling."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)

    def show_item(
        self,
        item: Item | None,
        layers: tuple[str, str],
        labels: dict[str, LabelDef],
        ruling: Decision | None,
    ) -> None:
        """Describe `item` (None: say how to pick one)."""
        if item is None:
            key = command("review.next").keys[0]
            text = self.tr("No disagreement selected. Press <b>{key}</b> for the next one.")
            self.setHtml(f"<p>{text.format(key=key)}</p>")
            return
        a, b = layers
        html = [
            f'<p><span style="background:{KIND_COLORS[item.kind]}">&nbsp;&nbsp;&nbsp;</span>'
            f" <b>{translate('review', KIND_NAMES[item.kind])}</b></p>",
            _spans_html(self.tr("A ({layer})").format(layer=a), item.a, labels),
            _spans_html(self.tr("B ({layer})").format(layer=b), item.b, labels),
        ]
        if ruling is not None:
            line = self.tr("Decision: {decision} by {reviewer}, {time}").format(
                decision=translate("ItemView", ACTION_TEXT[ruling.decision]),
                reviewer=escape(ruling.reviewer),
                time=digits(ruling.created[:16].replace("T", " ")),
            )
            html.append(f"<p><i>{line}</i></p>")
        self.setHtml("".join(html))


def _spans_html(heading: str, spans: tuple[Span, ...], labels: dict[str, LabelDef]) -> str:
    if not spans:
        nothing = QCoreApplication.translate("ItemView", "{layer}: nothing").format(
            layer=f"<b>{escape(heading)}</b>"
        )
        return f"<p>{nothing}</p>"
    rows = []
    for span in spans:
        label = labels.get(span.label)
        color = label.color if label else "#888888"
        name = label.name if label else span.label
        attrs = attrs_summary(span.attrs, shown_attribute)
        rows.append(
            f'<li><span style="color:{QColor(color).name()}">■</span> <b>{escape(name)}</b>'
            f" «{escape(span.text)}»"
            + (f"<br><small>{escape(attrs)}</small>" if attrs else "")
            + (f"<br><small>{_note(span.note)}</small>" if span.note else "")
            + "</li>"
        )
    return f"<p><b>{escape(heading)}</b></p><ul>{''.join(rows)}</ul>"


def _note(note: str) -> str:
    return QCoreApplication.translate("ItemView", "note: {note}").format(note=escape(note))
