"""What the main window does, one part per concern, joined in `ui/main_window.py`:
`article_navigation` (the list and the open article), `span_editing` (tagging, repainting
changes), `import_flow`, `export_flow` (export and restore), `window_state` (QSettings)."""
