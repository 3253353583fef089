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


def _imports_of(path):
    """Every annotator module `path` imports (at top level or inside functions)."""
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return {name for name in found if name.startswith("annotator")}


def _module_imports():
    from pathlib import Path

    root = Path(annotator.__file__).resolve().parent
    for path in root.rglob("*.py"):
        parts = path.relative_to(root.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        yield name, _imports_of(path)


# Lower layers never import higher ones: ui and cli (the two entry points; `annotator gui`
# starts the window) -> rules, ingest, export, errors -> store -> text.
_LAYERS = {
    "text": ("annotator.text", "annotator.clusters", "annotator.models", "annotator.dates",
             "annotator.newsroom", "annotator.keymap",
             "annotator.paths"),
    "store": ("annotator.store", "annotator.migrations", "annotator.backups",
              "annotator.scheme", "annotator.search"),
}  # fmt: skip
_ABOVE = {
    "text": ("annotator.store", "annotator.ingest", "annotator.export", "annotator.actions",
             "annotator.history", "annotator.review", "annotator.cli", "annotator.ui"),
    "store": ("annotator.ingest", "annotator.export", "annotator.actions", "annotator.history",
              "annotator.review", "annotator.cli", "annotator.ui"),
}  # fmt: skip


def _in(name, packages):
    return any(name == p or name.startswith(p + ".") for p in packages)


def test_layers_only_import_downwards():
    bad = []
    for name, imports in _module_imports():
        if not _in(name, ("annotator.ui", "annotator.cli", "annotator.__main__")):
            bad += [(name, i) for i in imports if _in(i, ("annotator.ui",))]
        if _in(name, ("annotator.ingest", "annotator.export")):
            bad += [(name, i) for i in imports if _in(i, ("annotator.cli",))]
        for layer, members in _LAYERS.items():
            if _in(name, members):
                bad += [(name, i) for i in imports if _in(i, _ABOVE[layer])]
    assert not bad, bad
