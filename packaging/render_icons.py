"""Render the app icon's PNG sizes from its SVG with Qt's QSvgRenderer.

    PYTHONPATH=. QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/render_icons.py

Reads resources/icons/hicolor/scalable/apps/<id>.svg and writes
resources/icons/hicolor/<n>x<n>/apps/<id>.png for every size in annotator.paths.ICON_SIZES.
Run it again after editing the SVG and commit the PNGs.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

from annotator.paths import APP_ID, ICON_SIZES, icon_theme_dir  # noqa: E402


def render(svg_path: str, size: int) -> QImage:
    """The SVG drawn into a transparent size x size image (antialiased)."""
    renderer = QSvgRenderer(svg_path)
    if not renderer.isValid():
        raise SystemExit(f"render_icons: {svg_path} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    """Write every PNG size; print one line per file."""
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    root = icon_theme_dir()
    svg = root / "scalable" / "apps" / f"{APP_ID}.svg"
    for size in ICON_SIZES:
        out = root / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        out.parent.mkdir(parents=True, exist_ok=True)
        if not render(str(svg), size).save(str(out), "PNG"):
            raise SystemExit(f"render_icons: cannot write {out}")
        print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
