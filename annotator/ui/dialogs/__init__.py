"""Dialogs: agreement dashboard, export, label scheme, restore from backup, keyboard shortcuts."""
