"""The reading pane: one article's text with its spans highlighted, selections in code
points. `view.ReaderView` is the widget; its pieces, by concern: `spans` (SpanPaint, the set
shown, underline lanes), `highlights` (colour blending, the background formats and the
segment walk), `geometry` (lines on screen, rectangles of a range, underlines, the current
span's outline), `marks` (search and find marks over the spans) and `positions` (code
point <-> Qt UTF-16 conversion, the one place it happens)."""

from annotator.ui.reader.highlights import blend
from annotator.ui.reader.spans import SpanPaint, assign_lanes
from annotator.ui.reader.view import ReaderView

__all__ = ["ReaderView", "SpanPaint", "assign_lanes", "blend"]
