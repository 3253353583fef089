"""The project store: the only SQL on a project file.

`project_store.Store` is the facade the window, the command line and the importers use;
`span_rows` is the one place a span row is checked and inserted.
"""

from annotator.store.project_store import (
    BUSY_TIMEOUT_MS,
    STATUSES,
    ListRow,
    Store,
    StoreError,
    span_values,
)

__all__ = ["BUSY_TIMEOUT_MS", "STATUSES", "ListRow", "Store", "StoreError", "span_values"]
