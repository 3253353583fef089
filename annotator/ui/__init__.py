"""The Qt window: the only package that imports PySide6; it calls the Qt-free core."""
