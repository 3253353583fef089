"""The one exception importers raise for content they cannot import."""

from __future__ import annotations


class IngestError(ValueError):
    """A file or record cannot be imported; str(exc) is one line, e.g. 'line 12: invalid JSON'."""
