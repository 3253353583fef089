"""The label scheme as stored: the labels table (rules for a valid scheme: `annotator.scheme`)."""

from __future__ import annotations

from collections.abc import Iterable

from annotator.scheme import PALETTE, LabelDef, validate
from annotator.store.base import StoreBase
from annotator.store.tables import TABLES, sql_list

_COLUMNS = TABLES["labels"]
_UPSERT = (
    f"INSERT INTO labels ({sql_list(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})"
    " ON CONFLICT (key) DO UPDATE SET "
    + ", ".join(f'"{c}" = excluded."{c}"' for c in _COLUMNS if c != "key")
)


def _label(row: tuple[object, ...]) -> LabelDef:
    fields = dict(zip(_COLUMNS, row, strict=True))
    fields["retired"] = bool(fields["retired"])
    return LabelDef(**fields)  # type: ignore[arg-type]


class LabelRows(StoreBase):
    """The labels table."""

    def labels(self, include_retired: bool = True) -> list[LabelDef]:
        """The project's labels in display order."""
        sql = f"SELECT {sql_list(_COLUMNS)} FROM labels"
        if not include_retired:
            sql += " WHERE retired = 0"
        return [_label(r) for r in self.db.execute(sql + " ORDER BY position, key").fetchall()]

    def save_labels(self, labels: list[LabelDef]) -> None:
        """Insert or update these labels (by key) in one transaction, after validating the
        whole resulting scheme. Labels not named are kept; spans are never touched."""
        with self.transaction():
            current = {label.key: label for label in self.labels()}
            for label in labels:
                current[label.key] = label
            validate(list(current.values()))
            for label in labels:
                values = [getattr(label, c) for c in _COLUMNS]
                values[_COLUMNS.index("retired")] = int(label.retired)
                self.db.execute(_UPSERT, values)

    def ensure_labels(self, keys: Iterable[str]) -> list[str]:
        """Add labels the scheme does not know yet (grey-free colours, no shortcut); new keys."""
        existing = {label.key for label in self.labels()}
        added: list[LabelDef] = []
        position = len(existing)
        for key in keys:
            if key in existing or any(a.key == key for a in added):
                continue
            color = PALETTE[(position + len(added)) % len(PALETTE)]
            added.append(LabelDef(key=key, name=key, color=color, position=position + len(added)))
        if added:
            self.save_labels(added)
        return [label.key for label in added]

    def label_usage(self) -> dict[str, int]:
        """How many spans use each label key."""
        rows = self.db.execute("SELECT label, count(*) FROM spans GROUP BY label").fetchall()
        return {str(r[0]): int(r[1]) for r in rows}
