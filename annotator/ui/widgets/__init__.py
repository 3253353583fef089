"""The main window's panes: the article list, the article header, the label palette and the
annotation panel."""
