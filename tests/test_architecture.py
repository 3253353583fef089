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


def _module_names():
    """{dotted module name: file} for every module of the package."""
    from pathlib import Path

    root = Path(annotator.__file__).resolve().parent
    names = {}
    for path in root.rglob("*.py"):
        parts = path.relative_to(root.parent).with_suffix("").parts
        names[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return names


def _imports_of(path, known):
    """Every annotator module `path` imports (at top level or inside functions); `from
    annotator.ingest import limits` counts as importing `annotator.ingest.limits`."""
    import ast

    from annotator.moved import MOVED

    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                found.add(sub if sub in known or sub in MOVED else node.module)
    return {name for name in found if name.startswith("annotator")}


def _module_imports():
    known = _module_names()
    for name, path in known.items():
        yield name, _imports_of(path, known)


# Lower layers never import higher ones: ui and cli (the two entry points; `annotator gui`
# starts the window) -> rules, ingest and export (the importers and the exporter) ->
# formats (one module per interchange format, and the format table) -> the plumbing the
# formats share (below) -> store -> text.
_LAYERS = {
    "text": ("annotator.text", "annotator.clusters", "annotator.models", "annotator.dates",
             "annotator.newsroom", "annotator.keymap", "annotator.display",
             "annotator.paths", "annotator.moved", "annotator.word_bounds",
             "annotator.attributes", "annotator.outlets", "annotator.recent",
             "annotator.translatable", "annotator.find"),
    "store": ("annotator.store", "annotator.migrations", "annotator.backups",
              "annotator.scheme", "annotator.search", "annotator.relation_scheme",
              "annotator.frames"),
}  # fmt: skip
_ABOVE = {
    "text": ("annotator.store", "annotator.ingest", "annotator.export", "annotator.formats",
             "annotator.actions", "annotator.history", "annotator.review", "annotator.cli",
             "annotator.concordance", "annotator.ui"),
    "store": ("annotator.ingest", "annotator.export", "annotator.formats", "annotator.actions",
              "annotator.history", "annotator.review", "annotator.concordance", "annotator.cli",
              "annotator.ui"),
}  # fmt: skip
# What the format modules share, kept where the rest of ingest and export use it too: the
# annotation document model, the JSON records reader, input limits and links (reading); the
# selection, atomic writes and the JSON Lines writer (writing).
_PLUMBING = (
    "annotator.ingest.errors", "annotator.ingest.limits", "annotator.ingest.links",
    "annotator.ingest.annotation_model", "annotator.ingest.json_records",
    "annotator.export.atomic", "annotator.export.selection", "annotator.export.lines",
)  # fmt: skip
_BELOW_FORMATS = (*_LAYERS["text"], *_LAYERS["store"], *_PLUMBING)


def _in(name, packages):
    return any(name == p or name.startswith(p + ".") for p in packages)


def test_layers_only_import_downwards():
    bad = []
    for name, imports in _module_imports():
        if not _in(name, ("annotator.ui", "annotator.cli", "annotator.__main__")):
            bad += [(name, i) for i in imports if _in(i, ("annotator.ui",))]
        if _in(name, ("annotator.ingest", "annotator.export", "annotator.formats")):
            bad += [(name, i) for i in imports if _in(i, ("annotator.cli",))]
        for layer, members in _LAYERS.items():
            if _in(name, members):
                bad += [(name, i) for i in imports if _in(i, _ABOVE[layer])]
        if _in(name, ("annotator.formats",)):  # only the layers below, and each other
            bad += [
                (name, i)
                for i in imports
                if not _in(i, (*_BELOW_FORMATS, name, "annotator.formats"))
            ]
        if _in(name, _PLUMBING):  # the shared plumbing: only store, text and each other
            bad += [(name, i) for i in imports if not _in(i, _BELOW_FORMATS)]
    assert not bad, bad


# -- the window writes only through actions ------------------------------------------------

# Store methods that only keep the search index up to date: not a change anyone undoes.
_SEARCH_UPKEEP = {"index_pending"}
# The one write the window makes itself: the analyst's name, registered when it opens.
_ALLOWED_UI_WRITES = {("main_window.py", "add_annotator")}


def _self_calls(node, receiver="self"):
    import ast

    return {
        call.func.attr
        for call in ast.walk(node)
        if isinstance(call, ast.Call)
        and isinstance(call.func, ast.Attribute)
        and isinstance(call.func.value, ast.Name)
        and call.func.value.id == receiver
    }


def _closure(functions, seeds, calls):
    """Names in `functions` that reach a seed through their calls."""
    found = set(seeds)
    grew = True
    while grew:
        grew = False
        for name, node in functions.items():
            if name not in found and calls(node) & found:
                found.add(name)
                grew = True
    return found


def store_write_methods():
    """Public `Store` methods that write: they open a transaction, or call one that does."""
    import ast
    import inspect

    from annotator.store.project_store import Store

    methods = {}
    for part in reversed(Store.__mro__):  # the facade and every part it joins
        if not part.__module__.startswith("annotator.store"):
            continue
        [cls] = ast.parse(inspect.getsource(part)).body
        methods.update({n.name: n for n in cls.body if isinstance(n, ast.FunctionDef)})
    methods = {name: node for name, node in methods.items() if name not in _SEARCH_UPKEEP}
    writers = _closure(methods, {"transaction"}, _self_calls)
    return {name for name in writers if not name.startswith("_") and name in methods}


def review_write_functions(store_writers):
    """Functions of `annotator.review` that write through the store they are given."""
    import ast
    import inspect

    from annotator import review

    tree = ast.parse(inspect.getsource(review))
    functions = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}

    def calls(node):
        named = {c.func.id for c in ast.walk(node) if isinstance(c, ast.Call)
                 and isinstance(c.func, ast.Name)}  # fmt: skip
        return _self_calls(node, "store") | named

    return _closure(functions, store_writers, calls) - store_writers


def ui_store_writes(source, filename, store_writers, review_writers):
    """(file, line, call) for each store write a `ui/` module makes itself."""
    import ast

    tree = ast.parse(source)
    from_review = {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "annotator.review"
        for alias in node.names
    }
    found = []
    for call in ast.walk(tree):
        if not isinstance(call, ast.Call):
            continue
        func, name = call.func, None
        on_self = isinstance(func, ast.Attribute) and ast.unparse(func.value) == "self"
        if isinstance(func, ast.Attribute) and func.attr in store_writers and not on_self:
            name = func.attr  # a widget's own method of the same name (self.x) is not a write
        elif (
            isinstance(func, ast.Attribute)
            and func.attr in review_writers
            and isinstance(func.value, ast.Name)
            and func.value.id == "review"
        ):
            name = f"review.{func.attr}"
        elif isinstance(func, ast.Name) and func.id in review_writers & from_review:
            name = f"review.{func.id}"
        if name is not None and (filename, name) not in _ALLOWED_UI_WRITES:
            found.append((filename, call.lineno, name))
    return found


def test_the_write_lists_are_found():
    store_writers = store_write_methods()
    assert {"add_span", "save_labels", "add_comment", "record_decision", "set_setting",
            "swap_rows", "ensure_labels", "add_annotator"} <= store_writers  # fmt: skip
    assert not {"labels", "spans", "comments", "decisions", "search", "article_list"} & (
        store_writers
    )
    assert review_write_functions(store_writers) == {"decide", "accept_agreements", "adjudicate"}


def test_the_write_check_catches_direct_writes():
    store_writers = store_write_methods()
    review_writers = review_write_functions(store_writers)
    source = (
        "from annotator.review import adjudicate\n"
        "self.store.add_comment(1, 'a', 'b', 0, 1)\n"
        "store = self._store\nstore.save_labels([])\n"
        "review.decide(self.store, item, 'reject', 'lead', layers)\n"
        "adjudicate(s, 1, layers, 'lead')\n"
        "self.store.labels()\n"
        "store.add_annotator('x')\n"
        "self.delete_span(3)\n"
        "self.controller.store.delete_span(3)\n"
    )
    found = ui_store_writes(source, "main_window.py", store_writers, review_writers)
    assert sorted((line, name) for _f, line, name in found) == [
        (2, "add_comment"), (4, "save_labels"), (5, "review.decide"), (6, "review.adjudicate"),
        (10, "delete_span"),
    ]  # fmt: skip
    found = ui_store_writes(source, "review_window.py", store_writers, review_writers)
    assert (8, "add_annotator") in [(line, name) for _f, line, name in found]


def test_ui_writes_to_the_store_only_through_actions():
    """Every change the window makes is an action run by History (undoable, one transaction);
    the one exception is the analyst's name, registered when the main window opens."""
    from pathlib import Path

    store_writers = store_write_methods()
    review_writers = review_write_functions(store_writers)
    ui = Path(annotator.__file__).resolve().parent / "ui"
    found = []
    for path in sorted(ui.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        found += ui_store_writes(source, path.name, store_writers, review_writers)
    assert not found, found


def test_the_layer_check_sees_every_kind_of_import():
    known = _module_names()
    brat = _imports_of(known["annotator.formats.brat"], known)
    assert {"annotator.ingest.limits", "annotator.export.atomic"} <= brat  # `from X import mod`
    assert "annotator.ingest" not in brat  # no import of the importer package itself
    assert "annotator.formats.registry" in _imports_of(known["annotator.export"], known)


def test_every_format_module_sits_in_the_formats_layer():
    import annotator.export
    import annotator.formats
    import annotator.ingest

    names = {i.name for i in pkgutil.iter_modules(annotator.formats.__path__)}
    assert {"registry", "brat", "doccano", "labelstudio", "jsonl", "csv", "conll", "spacy"} <= names
    moved = {"peer_brat", "peer_doccano", "peer_labelstudio", "peer_json", "formats"}
    assert not moved & {i.name for i in pkgutil.iter_modules(annotator.ingest.__path__)}
    assert not names & {i.name for i in pkgutil.iter_modules(annotator.export.__path__)}


def test_the_format_modules_load_without_the_importers_the_cli_and_the_window():
    import annotator.formats

    modules = [
        f"annotator.formats.{i.name}" for i in pkgutil.iter_modules(annotator.formats.__path__)
    ]
    above = ("annotator.ingest.annotations", "annotator.ingest.routing", "annotator.ingest.inputs",
             "annotator.ingest.records", "annotator.cli", "annotator.ui")  # fmt: skip
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        f"bad = [m for m in sys.modules if m.startswith({above!r})]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_old_module_names_give_the_moved_modules():
    import importlib

    from annotator.moved import MOVED

    for old, new in MOVED.items():
        module = importlib.import_module(old)
        assert module is importlib.import_module(new), old
        assert module.__spec__.name == new  # the module keeps its own spec


def test_no_module_imports_an_old_name():
    from annotator.moved import MOVED

    bad = [(name, old) for name, imports in _module_imports() for old in MOVED if old in imports]
    assert not bad, bad


# -- one place converts code points to Qt positions ------------------------------------------


def test_only_the_reader_positions_convert_to_qt_positions():
    """The text policy: in `ui/`, only `ui/reader/positions.py` converts code points to Qt's
    UTF-16 positions; every other widget takes and emits code points."""
    from pathlib import Path

    ui = Path(annotator.__file__).resolve().parent / "ui"
    words = ("Utf16Map", "to_utf16", "from_utf16")
    found = [
        str(path.relative_to(ui))
        for path in sorted(ui.rglob("*.py"))
        if any(word in path.read_text(encoding="utf-8") for word in words)
    ]
    assert found == ["reader/positions.py"]


MAX_CLASS_LINES = 450


def test_no_class_is_longer_than_the_limit():
    """Rooms that hold too much are split by concern (#12): no class over 450 lines."""
    import ast

    long = []
    for name, path in _module_names().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                lines = node.end_lineno - node.lineno + 1
                if lines > MAX_CLASS_LINES:
                    long.append((name, node.name, lines))
    assert not long, long
