"""What the review window says about one review item: both layers' spans and the ruling."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTextBrowser, QWidget

from annotator.attributes import attrs_summary
from annotator.keymap import command
from annotator.models import Decision, Span
from annotator.review import KIND_COLORS, KIND_NAMES, Item
from annotator.scheme import LabelDef

ACTION_TEXT = {
    "accept_a": "accepted A",
    "accept_b": "accepted B",
    "accept_both": "accepted both",
    "reject": "rejected",
    "edit": "edited",
    "agreed": "agreed",
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
            self.setHtml(f"<p>No disagreement selected. Press <b>{key}</b> for the next one.</p>")
            return
        a, b = layers
        html = [
            f'<p><span style="background:{KIND_COLORS[item.kind]}">&nbsp;&nbsp;&nbsp;</span>'
            f" <b>{KIND_NAMES[item.kind]}</b></p>",
            _spans_html(f"A ({a})", item.a, labels),
            _spans_html(f"B ({b})", item.b, labels),
        ]
        if ruling is not None:
            html.append(
                f"<p><i>Decision: {ACTION_TEXT[ruling.decision]} by {escape(ruling.reviewer)},"
                f" {ruling.created[:16].replace('T', ' ')}</i></p>"
            )
        self.setHtml("".join(html))


def _spans_html(heading: str, spans: tuple[Span, ...], labels: dict[str, LabelDef]) -> str:
    if not spans:
        return f"<p><b>{escape(heading)}</b>: nothing</p>"
    rows = []
    for span in spans:
        label = labels.get(span.label)
        color = label.color if label else "#888888"
        name = label.name if label else span.label
        attrs = attrs_summary(span.attrs)
        rows.append(
            f'<li><span style="color:{QColor(color).name()}">■</span> <b>{escape(name)}</b>'
            f" «{escape(span.text)}»"
            + (f"<br><small>{escape(attrs)}</small>" if attrs else "")
            + (f"<br><small>note: {escape(span.note)}</small>" if span.note else "")
            + "</li>"
        )
    return f"<p><b>{escape(heading)}</b></p><ul>{''.join(rows)}</ul>"
