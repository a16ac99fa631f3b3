"""The database the dashboard serves, and a connection of its own for each request.

A connection is never shared between two requests: FastAPI runs a request's dependencies and its
endpoint on whichever worker threads are free, so a connection kept per thread ends up used by two
requests at once (one request's parameters in another's query, forged tokens accepted). Instead:

- DuckDB: the database is opened (and migrated) once; each request gets a cursor of it, which is
  a connection of its own to the same database instance, and closes it when the request is done.
- PostgreSQL: a pool of connections (psycopg_pool); each request borrows one and gives it back.
  The pool checks a connection before lending it, so a restarted server costs no failed request.
"""

from __future__ import annotations

import logging
import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from communique.store.backends import DuckDBBackend, PostgresBackend, StoreError
from communique.store.store import Store, open_store
from communique.store.target import Target

log = logging.getLogger(__name__)

# Connections the PostgreSQL pool may hold: the ASGI server's worker threads (40 by default)
# wait for one rather than open more than the server allows for one client.
POOL_MAX_SIZE = 20
# How long a request waits for a pooled connection before it is answered 503.
POOL_TIMEOUT_SECONDS = 10.0


class Database:
    """The one database behind the app: `connection()` lends a request its own Store."""

    def __init__(self, target: Target) -> None:
        if target.kind == "duckdb" and target.location == ":memory:":
            # Each connection to ":memory:" is a database of its own; a named in-memory database
            # is one that every cursor shares.
            target = Target("duckdb", f":memory:communique-{secrets.token_hex(8)}")
        self.target = target
        self._pool: Any = None
        self._root: Store | None = None
        self._lock = threading.Lock()
        # Opened and migrated here, so a wrong --db fails before the server starts.
        self.open()

    def open(self) -> None:
        """Open the database, unless it is open: the app's startup calls it again after a
        shutdown (a test client or an ASGI server may run the app's lifespan more than once)."""
        with self._lock:
            if self._pool is not None or self._root is not None:
                return
            root = open_store(self.target)
            if self.target.kind == "postgresql":
                root.close()
                self._pool = _postgres_pool(self.target)
            else:
                # Kept open: it holds the database instance (and the file's lock) that the
                # requests' cursors share.
                self._root = root

    @contextmanager
    def connection(self) -> Iterator[Store]:
        """A Store on a connection no other request uses, closed (or given back) on exit."""
        pool = self._pool
        if pool is not None:
            import psycopg_pool

            try:
                with pool.connection(timeout=POOL_TIMEOUT_SECONDS) as connection:
                    yield Store(PostgresBackend.on(connection), self.target)
            except psycopg_pool.PoolTimeout:
                raise StoreError("every database connection is busy: try again") from None
            return
        with self._lock:  # one thread at a time asks the root connection for a cursor
            if self._root is None:
                raise StoreError("the database is closed")
            root = self._root.backend
            assert isinstance(root, DuckDBBackend)
            try:
                cursor = root.raw_connection().cursor()
            except Exception as error:  # the database has failed
                raise StoreError(f"cannot open a connection: {error}") from None
        with Store(DuckDBBackend.on(cursor), self.target) as store:
            yield store

    def close(self) -> None:
        """Close the pool and the database (at the app's shutdown)."""
        with self._lock:
            pool, self._pool = self._pool, None
            root, self._root = self._root, None
        if pool is not None:
            pool.close()
        if root is not None:
            try:
                root.close()
            except Exception:  # closing at shutdown: nothing left to do about a failure
                log.debug("closing the database failed", exc_info=True)


def _postgres_pool(target: Target) -> Any:
    import psycopg_pool

    pool = psycopg_pool.ConnectionPool(
        target.location,
        min_size=1,
        max_size=POOL_MAX_SIZE,
        kwargs={"autocommit": True, "connect_timeout": 10},
        check=psycopg_pool.ConnectionPool.check_connection,
        open=False,
        name="communique-web",
    )
    try:
        pool.open(wait=True, timeout=POOL_TIMEOUT_SECONDS)
    except psycopg_pool.PoolTimeout:
        pool.close()
        raise StoreError(f"cannot connect to {target.describe()}") from None
    return pool
