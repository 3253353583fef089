"""The window's import report: links out of the folder listed, odd file names escaped."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from annotator.store import Store
from annotator.ui import main_window
from annotator.ui.main_window import MainWindow

PAGE = "শিরোনাম\n\nঢাকায় আজ বৃষ্টি হয়েছে। সরকার বলেছে, নির্বাচন হবে সময়মতো।\n"


def test_folder_import_report_lists_skipped_links_and_escapes_names(qtbot, tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ok\u202etxt.exe").write_text(PAGE, encoding="utf-8")
    (folder / "bad\nname.json").write_bytes(b"[{]")
    (tmp_path / "secret.txt").write_text(PAGE + "গোপন", encoding="utf-8")
    (folder / "link.txt").symlink_to(tmp_path / "secret.txt")
    shown: list[str] = []
    monkeypatch.setattr(
        main_window.QMessageBox, "warning", lambda _parent, _title, text: shown.append(text)
    )
    with Store(tmp_path / "project.db") as store:
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(store, "rahim", settings)
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.import_paths([str(folder)]).finished, timeout=20000):
            pass
        [text] = shown
        lines = text.splitlines()
        assert lines[0] == "1 articles imported, 0 already here, 1 file failed."
        assert any(line.startswith("failed     bad\\nname.json: ") for line in lines)
        assert "skipped    link.txt: symbolic link to outside the folder; skipped" in lines
        assert "\u202e" not in text
        assert store.article_count() == 1
        window.close()
