"""The review window's view pieces: the article table, the item description and the side
panel (legend, ruling buttons, comments). The window itself is `ui/review_window.py`."""
