"""The core never imports Qt; only annotator.ui may."""

import importlib
import pkgutil
import subprocess
import sys

import annotator


def core_modules():
    for info in pkgutil.walk_packages(annotator.__path__, "annotator."):
        if not info.name.startswith("annotator.ui"):
            yield info.name


def test_core_modules_import_without_qt():
    names = list(core_modules())
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}: importlib.import_module(name)\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'PyQt', 'qtpy', 'qtawesome'))]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_every_core_module_has_a_docstring():
    for name in core_modules():
        module = importlib.import_module(name)
        assert module.__doc__ and module.__doc__.strip(), name
