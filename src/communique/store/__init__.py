"""Storage of records: one schema, two backends (DuckDB embedded, PostgreSQL for a team server).

`open_store(target)` opens (and migrates) the database a `--db` value names; `Store.add` keeps a
record whole or not at all, and skips a text it already holds.
"""

from communique.store.store import AddResult, Store, open_store
from communique.store.target import DB_ENV, DEFAULT_DB, Target, parse_target

__all__ = ["DB_ENV", "DEFAULT_DB", "AddResult", "Store", "Target", "open_store", "parse_target"]
