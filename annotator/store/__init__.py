"""The project store: the only SQL on a project file.

`project_store.Store` is the facade the window, the command line and the importers use;
`span_rows` is the one place a span row is checked and inserted; `row_sets` copies rows and
puts them back exactly (the undo of review and scheme actions).
"""

from annotator.store.project_store import (
    BUSY_TIMEOUT_MS,
    STATUSES,
    ListRow,
    Store,
    StoreError,
    span_values,
)
from annotator.store.row_sets import Rows, StaleRowsError

__all__ = [
    "BUSY_TIMEOUT_MS",
    "STATUSES",
    "ListRow",
    "Rows",
    "StaleRowsError",
    "Store",
    "StoreError",
    "span_values",
]
