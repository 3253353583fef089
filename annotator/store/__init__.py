"""The project store: the only SQL on a project file.

`project_store.Store` is the facade the window, the command line and the importers use: it
opens, checks and migrates the file and joins one part per concern, each a module here:
`articles` (drafts in, articles out, the export stream), `spans`, `doc_labels`, `statuses`,
`article_list` (the window's list), `fulltext` (the FTS5 index and queries), `settings`
(annotators, settings), `label_scheme`, `layers`, `rulings` (review decisions, review
status), `comments`, `concordance` (the concordance's pages). Under them: `base` (the
connection and its transactions), `tables` (the one description of the tables and
columns), `records` (named rows read and written) and `span_rows` (the one span insert
and range check), `import_stage` (an annotation import's rows staged in TEMP tables, then
copied in by one short commit), `row_copies` and `row_sets` (exact
copies of rows put back: the undo of review and scheme actions).
"""

from annotator.store.base import BUSY_TIMEOUT_MS, StoreError
from annotator.store.project_store import Store
from annotator.store.records import (
    ArticleRecord,
    GoldSpan,
    LayerSpan,
    ListRow,
    NewComment,
    NewSpan,
    SpanRecord,
)
from annotator.store.row_sets import Rows, StaleRowsError
from annotator.store.span_rows import span_values
from annotator.store.statuses import STATUSES

__all__ = [
    "BUSY_TIMEOUT_MS",
    "STATUSES",
    "ArticleRecord",
    "GoldSpan",
    "LayerSpan",
    "ListRow",
    "NewComment",
    "NewSpan",
    "Rows",
    "SpanRecord",
    "StaleRowsError",
    "Store",
    "StoreError",
    "span_values",
]
