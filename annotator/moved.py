"""Modules that moved when the code was reshaped by concern (issue #12), by their old dotted
name: `import annotator.ui.reader_view` keeps working for scripts written against the old
tree and gives the module that now holds that code. Nothing in `annotator/` imports an old
name (`tests/test_architecture.py` checks that); new code uses the new ones."""

from __future__ import annotations

import importlib
import importlib.machinery
import sys
from types import ModuleType

MOVED: dict[str, str] = {
    "annotator.ingest.formats": "annotator.formats.registry",
    "annotator.ingest.peer_brat": "annotator.formats.brat",
    "annotator.ingest.peer_doccano": "annotator.formats.doccano",
    "annotator.ingest.peer_labelstudio": "annotator.formats.labelstudio",
    "annotator.ingest.peer_json": "annotator.ingest.json_records",
    "annotator.export.brat": "annotator.formats.brat",
    "annotator.export.conll": "annotator.formats.conll",
    "annotator.export.csv_rows": "annotator.formats.csv",
    "annotator.export.doccano": "annotator.formats.doccano",
    "annotator.export.jsonl": "annotator.formats.jsonl",
    "annotator.export.labelstudio": "annotator.formats.labelstudio",
    "annotator.export.spacy": "annotator.formats.spacy",
    "annotator.ui.article_list_model": "annotator.ui.models.article_list_model",
    "annotator.ui.span_table_model": "annotator.ui.models.span_table_model",
    "annotator.ui.agreement_dialog": "annotator.ui.dialogs.agreement_dialog",
    "annotator.ui.export_dialog": "annotator.ui.dialogs.export_dialog",
    "annotator.ui.label_scheme_dialog": "annotator.ui.dialogs.label_scheme_dialog",
    "annotator.ui.restore_dialog": "annotator.ui.dialogs.restore_dialog",
    "annotator.ui.annotation_panel": "annotator.ui.widgets.annotation_panel",
    "annotator.ui.article_header": "annotator.ui.widgets.article_header",
    "annotator.ui.label_palette": "annotator.ui.widgets.label_palette",
    "annotator.ui.reader_view": "annotator.ui.reader",
}


class _Alias:
    """A loader (importlib's protocol; its abstract base would load importlib.resources)."""

    def __init__(self, target: str) -> None:
        self.target = target
        self.own_spec: importlib.machinery.ModuleSpec | None = None

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        module = importlib.import_module(self.target)
        self.own_spec = module.__spec__
        return module

    def exec_module(self, module: ModuleType) -> None:
        """The module is already loaded under its new name: give it back its own spec (the
        import machinery sets the alias's on it)."""
        module.__spec__ = self.own_spec


class _MovedFinder:
    """Finds an old module name and hands out the module under its new name."""

    def find_spec(
        self, fullname: str, path: object = None, target: object = None
    ) -> importlib.machinery.ModuleSpec | None:
        new = MOVED.get(fullname)
        if new is None:
            return None
        return importlib.machinery.ModuleSpec(fullname, _Alias(new))


def install() -> None:
    """Let the old names import (once per process)."""
    if not any(isinstance(f, _MovedFinder) for f in sys.meta_path):
        sys.meta_path.append(_MovedFinder())
