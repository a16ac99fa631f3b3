"""Writing query results to files: JSON Lines, CSV, Parquet, PLOVER JSON Lines, GDELT 2.0 TSV,
and whole records or documents as JSON Lines.

`write_export(table, kind, fmt, path, options)` writes through a temporary file renamed into
place, so an export is never seen half-written. docs/store.md documents every mapping and what
it loses.
"""

from communique.export.writers import (
    DEFAULT_STATUSES,
    EVENT_ONLY_FORMATS,
    FORMATS,
    ExportOptions,
    ExportSummary,
    write_export,
    write_models,
)

__all__ = [
    "DEFAULT_STATUSES",
    "EVENT_ONLY_FORMATS",
    "FORMATS",
    "ExportOptions",
    "ExportSummary",
    "write_export",
    "write_models",
]
