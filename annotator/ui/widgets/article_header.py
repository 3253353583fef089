"""The block above the text: headline, outlet, byline and the date in both calendars."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from annotator.dates import format_dual
from annotator.models import Article
from annotator.outlets import shown_outlet


def published_text(iso: str | None, bengali_digits: bool) -> str:
    """The publication date shown Gregorian and Bengali-calendar, or '' when unknown."""
    if not iso:
        return ""
    try:
        value = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    return format_dual(value, bengali_digits=bengali_digits)


class ArticleHeader(QWidget):
    """Shows the open article's headline and metadata (read-only, selectable)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta = QLabel()
        self.meta.setWordWrap(True)
        self.meta.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta.setForegroundRole(self.meta.foregroundRole())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.meta)

    def set_font_family(self, family: str, point_size: float) -> None:
        """Use the reading font, larger and bold for the headline."""
        font = QFont(family)
        font.setPointSizeF(point_size * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        meta_font = QFont(family)
        meta_font.setPointSizeF(point_size * 0.85)
        self.meta.setFont(meta_font)

    def show_article(self, article: Article | None, bengali_digits: bool = True) -> None:
        """Fill in from `article` (None clears)."""
        if article is None:
            self.title.setText("")
            self.meta.setText("")
            return
        self.title.setText(article.title or self.tr("(untitled)"))
        parts = [
            shown_outlet(article.outlet, article.url),
            article.byline,
            published_text(article.published, bengali_digits),
        ]
        if article.updated and article.updated != article.published:
            updated = published_text(article.updated, bengali_digits)
            parts.append(self.tr("Updated: {date}").format(date=updated))
        self.meta.setText("  ·  ".join(p for p in parts if p))
        lines = (
            self.tr("published: {value}"),
            self.tr("updated: {value}"),
            self.tr("url: {value}"),
            self.tr("source file: {value}"),
            self.tr("source: {value}"),
        )
        values = (article.published, article.updated, article.url, article.source_file,
                  article.meta.get("source_line"))  # fmt: skip
        self.meta.setToolTip(
            "\n".join(line.format(value=v) for line, v in zip(lines, values, strict=True) if v)
        )
