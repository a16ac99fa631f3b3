"""Writing query results to files: JSON Lines, CSV, Parquet, PLOVER JSON Lines, GDELT 2.0 TSV.

`write_export(table, kind, fmt, path)` writes through a temporary file renamed into place, so an
export is never seen half-written. docs/store.md documents every mapping and what it loses.
"""

from communique.export.writers import EVENT_ONLY_FORMATS, FORMATS, write_export

__all__ = ["EVENT_ONLY_FORMATS", "FORMATS", "write_export"]
