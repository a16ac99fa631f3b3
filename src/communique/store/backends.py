"""The two database backends behind one small interface.

All SQL the store writes uses `?` placeholders and portable types, so the same statements run on
DuckDB and PostgreSQL; the PostgreSQL backend rewrites `?` to psycopg's `%s`. Values always travel
as parameters, never inside the SQL text.
"""

from __future__ import annotations

import hashlib
import re
import threading
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from communique.errors import CommuniqueError
from communique.store.target import Target

Row = tuple[Any, ...]
# Rows per INSERT on DuckDB: each column travels as one list parameter, so a statement's cost is
# mostly per value; the chunk only bounds the lists one statement converts.
_INSERT_CHUNK = 10_000


class StoreError(CommuniqueError):
    """The database cannot be opened, migrated or queried; a message for the user, exit code 10."""

    exit_code = 10


class WriteConflict(StoreError):
    """Another connection changed the same rows inside its own transaction at the same moment;
    this transaction was rolled back whole and may simply be tried again (HTTP 409)."""


class Backend(ABC):
    """One connection. Outside `transaction()` every statement commits on its own."""

    kind: str

    @abstractmethod
    def execute(self, sql: str, params: Sequence[Any] = ()) -> None: ...

    @abstractmethod
    def fetch(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[Row]]:
        """Column names and rows."""

    @abstractmethod
    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Commit on normal exit, roll back on any exception (KeyboardInterrupt included)."""

    @abstractmethod
    def lock_for_migration(self) -> None:
        """Inside a transaction: keep two processes from migrating the same database at once."""

    @abstractmethod
    def serialize(self, topic: str) -> None:
        """Inside a transaction: wait until no other transaction holds `topic`, and hold it until
        this one ends. For writes that read before they write (the next review id): on
        PostgreSQL two such transactions would otherwise both read the same value."""

    @abstractmethod
    def close(self) -> None: ...

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        return self.fetch(sql, params)[1]

    @abstractmethod
    def insert(self, table: str, columns: Sequence[str], rows: Sequence[Row]) -> None:
        """Insert `rows` (tuples in the order of `columns`) in as few statements as the
        database allows. `table` and `columns` come from the store's own schema, never from
        input."""


# serialize()'s locks on DuckDB, one per topic, shared by every connection of the process.
_TOPIC_LOCKS: dict[str, threading.Lock] = {}
_TOPIC_LOCKS_GUARD = threading.Lock()


class DuckDBBackend(Backend):
    kind = "duckdb"

    def __init__(self, location: str, *, read_only: bool = False) -> None:
        import duckdb

        if location != ":memory:":
            path = Path(location)
            if read_only and not path.exists():
                raise StoreError(f"no database at {location}: run `communique ingest` first")
            if not path.parent.is_dir():
                raise StoreError(f"cannot create {location}: {path.parent} is not a folder")
        # A read-only connection is what `communique sql` gets: no file access, no extensions,
        # and settings locked so a query cannot turn either back on.
        config = {"enable_external_access": False, "lock_configuration": True} if read_only else {}
        try:
            self._connection = duckdb.connect(location, read_only=read_only, config=config)
        except duckdb.Error as error:
            hint = (
                " (DuckDB lets one process use a database file: stop `communique serve` or the "
                "other ingest first, or use PostgreSQL for a team)"
                if "lock" in str(error).lower()
                else ""
            )
            raise StoreError(f"cannot open {location}: {error}{hint}") from None
        # Locks taken by serialize(), released when the transaction ends.
        self._held: list[threading.Lock] = []

    @classmethod
    def on(cls, connection: Any) -> DuckDBBackend:
        """A backend over an open DuckDB connection (a cursor of a shared database: see
        web/database.py); closing the backend closes that connection alone."""
        backend = cls.__new__(cls)
        backend._connection = connection
        backend._held = []
        return backend

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self._connection.execute(sql, list(params))

    def insert(self, table: str, columns: Sequence[str], rows: Sequence[Row]) -> None:
        # One list parameter per column, unnested side by side into rows: 13x faster here than
        # multi-row VALUES (whose statement DuckDB plans anew for every chunk) and 80x faster
        # than executemany, with no dependency (the appender and Arrow would need pyarrow).
        if not rows:
            return
        selected = ", ".join(f"unnest(${i})" for i in range(1, len(columns) + 1))
        sql = f"INSERT INTO {table} ({', '.join(columns)}) SELECT {selected}"
        for start in range(0, len(rows), _INSERT_CHUNK):
            chunk = rows[start : start + _INSERT_CHUNK]
            self._connection.execute(sql, [list(values) for values in zip(*chunk, strict=True)])

    def fetch(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[Row]]:
        cursor = self._connection.execute(sql, list(params))
        columns = [d[0] for d in cursor.description or []]
        return columns, [tuple(row) for row in cursor.fetchall()]

    @contextmanager
    def transaction(self) -> Iterator[None]:
        import duckdb

        # DuckDB's transactions are optimistic: of two that change one row at once, the second
        # fails at that statement or at its commit, instead of waiting as PostgreSQL's would.
        self._connection.begin()
        try:
            try:
                yield
            except duckdb.TransactionException as error:
                self._connection.rollback()
                raise WriteConflict(f"a concurrent change to the same rows: {error}") from None
            except BaseException:
                self._connection.rollback()
                raise
            try:
                self._connection.commit()
            except duckdb.TransactionException as error:
                raise WriteConflict(f"a concurrent change to the same rows: {error}") from None
        finally:
            while self._held:
                self._held.pop().release()

    def lock_for_migration(self) -> None:
        pass  # DuckDB lets one process write a file at a time

    def raw_connection(self) -> Any:
        return self._connection

    def serialize(self, topic: str) -> None:
        # One process writes a DuckDB file, so a lock of this process serialises every writer.
        with _TOPIC_LOCKS_GUARD:
            lock = _TOPIC_LOCKS.setdefault(topic, threading.Lock())
        if lock not in self._held:
            lock.acquire()
            self._held.append(lock)

    def close(self) -> None:
        self._connection.close()

    def interrupt(self) -> None:
        """Stop the statement running on this connection (from another thread)."""
        self._connection.interrupt()


# `?` outside quotes and comments; the store's own SQL has none inside them, but being exact
# costs little.
_PLACEHOLDER = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|--[^\n]*|\?")


def to_psycopg(sql: str) -> str:
    """`?` placeholders to `%s`, and a literal `%` doubled, as psycopg expects."""

    def replace(match: re.Match[str]) -> str:
        token = match.group(0)
        return "%s" if token == "?" else token.replace("%", "%%")

    escaped = []
    last = 0
    for match in _PLACEHOLDER.finditer(sql):
        escaped.append(sql[last : match.start()].replace("%", "%%"))
        escaped.append(replace(match))
        last = match.end()
    escaped.append(sql[last:].replace("%", "%%"))
    return "".join(escaped)


class PostgresBackend(Backend):
    kind = "postgresql"
    # Any constant: the key of the advisory lock that serialises migrations.
    _MIGRATION_LOCK = 0x636F6D6D

    def __init__(self, url: str, *, read_only: bool = False, label: str = "") -> None:
        import psycopg

        try:
            self._connection = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as error:
            raise StoreError(f"cannot connect to {label or 'PostgreSQL'}: {error}") from None
        # Every transaction of a read-only connection is BEGIN READ ONLY; PostgreSQL refuses
        # writes, DDL and sequence changes inside it.
        self._connection.read_only = read_only

    @classmethod
    def on(cls, connection: Any) -> PostgresBackend:
        """A backend over an open psycopg connection in autocommit mode (one lent by a pool:
        see web/database.py); the pool, not the backend, closes it."""
        backend = cls.__new__(cls)
        backend._connection = connection
        return backend

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self._connection.execute(to_psycopg(sql), list(params))  # type: ignore[arg-type]

    def insert(self, table: str, columns: Sequence[str], rows: Sequence[Row]) -> None:
        # COPY streams the rows in one statement, with none of INSERT's per-row parsing and
        # planning; inside the caller's transaction, so a failed batch leaves nothing behind.
        if not rows:
            return
        sql = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
        with self._connection.cursor() as cursor, cursor.copy(sql) as copy:  # type: ignore[arg-type]
            for row in rows:
                copy.write_row(row)

    def fetch(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[Row]]:
        cursor = self._connection.execute(to_psycopg(sql), list(params))  # type: ignore[arg-type]
        columns = [d.name for d in cursor.description or []]
        return columns, [tuple(row) for row in cursor.fetchall()] if columns else []

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self._connection.transaction():
            yield

    def lock_for_migration(self) -> None:
        self.execute("SELECT pg_advisory_xact_lock(?)", [self._MIGRATION_LOCK])

    def serialize(self, topic: str) -> None:
        key = int.from_bytes(hashlib.sha256(topic.encode()).digest()[:8], "big", signed=True)
        self.execute("SELECT pg_advisory_xact_lock(?)", [key])

    def raw_connection(self) -> Any:
        return self._connection

    def close(self) -> None:
        self._connection.close()


def connect(target: Target, *, read_only: bool = False) -> Backend:
    if target.kind == "postgresql":
        return PostgresBackend(target.location, read_only=read_only, label=target.describe())
    return DuckDBBackend(target.location, read_only=read_only)
