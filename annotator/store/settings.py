"""Who works in the project, and project-wide settings."""

from __future__ import annotations

import json
from typing import Any

from annotator.models import is_reserved_name
from annotator.store.base import StoreBase, now_iso


class SettingRows(StoreBase):
    """The annotators and settings tables."""

    def add_annotator(self, name: str) -> None:
        """Record an annotator name (idempotent)."""
        name = name.strip()
        if not name:
            raise ValueError("annotator name is empty")
        if is_reserved_name(name):
            raise ValueError(f"'{name}' is the name of the adjudicated layer; choose another")
        with self.transaction():
            self.db.execute(
                "INSERT OR IGNORE INTO annotators (name, created) VALUES (?, ?)", [name, now_iso()]
            )

    def annotators(self) -> list[str]:
        """Everyone who has a name in this project or a span in it."""
        rows = self.db.execute(
            "SELECT name FROM annotators UNION SELECT DISTINCT annotator FROM spans ORDER BY 1"
        ).fetchall()
        return [str(r[0]) for r in rows]

    def setting(self, key: str, default: Any = None) -> Any:
        """A project-wide setting (JSON value)."""
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return json.loads(row[0]) if row else default

    def set_setting(self, key: str, value: Any) -> None:
        """Store a project-wide setting."""
        with self.transaction():
            self.db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key)"
                " DO UPDATE SET value = excluded.value",
                [key, json.dumps(value, ensure_ascii=False)],
            )
