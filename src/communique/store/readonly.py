"""`communique sql`: a user's own SELECT, on a connection that cannot write.

The guarantee is the connection, not a reading of the SQL: DuckDB opens the file read-only with
file access and extensions off and its settings locked; PostgreSQL runs the statement as a
prepared statement (one statement only, so no `; DROP ...` after it) inside a READ ONLY
transaction that is rolled back. The first-word check only gives a clearer message for the
obvious mistakes.

One statement, with a time limit, on both: DuckDB's parser counts the statements before any
runs, and a timer thread interrupts the connection at the limit; PostgreSQL's prepared statement
takes one only, and its statement_timeout stops it.
"""

from __future__ import annotations

import re
import threading
from typing import Any

from communique.store.backends import DuckDBBackend, PostgresBackend, StoreError
from communique.store.queries import Table
from communique.store.target import Target

MAX_SQL = 100_000
_READING = re.compile(
    r"^\s*(?:--[^\n]*\n\s*|/\*.*?\*/\s*)*\(?\s*(select|with|values|table|explain|show|describe|"
    r"summarize|from|pragma)\b",
    re.IGNORECASE | re.DOTALL,
)
DEFAULT_TIMEOUT_S = 60


class QueryError(StoreError):
    """The user's SQL was refused or failed: exit code 2, as a usage error."""

    exit_code = 2


def run_sql(target: Target, sql: str, *, timeout_s: float = DEFAULT_TIMEOUT_S) -> Table:
    if not sql.strip() or len(sql) > MAX_SQL:
        raise QueryError(f"give one SELECT statement of at most {MAX_SQL:,} characters")
    if not _READING.match(sql):
        raise QueryError("only queries that read (SELECT, WITH, VALUES, EXPLAIN...) are run")
    if target.kind == "postgresql":
        return _postgres(target, sql, timeout_s)
    return _duckdb(target, sql, timeout_s)


def _duckdb(target: Target, sql: str, timeout_s: float) -> Table:
    import duckdb

    try:
        statements = len(duckdb.extract_statements(sql))
    except duckdb.Error as error:
        raise QueryError(_first_line(error)) from None
    if statements != 1:
        raise QueryError(f"give one statement; this text holds {statements}")
    backend = DuckDBBackend(target.location, read_only=True)
    timer = threading.Timer(timeout_s, backend.interrupt)
    timer.start()
    try:
        columns, rows = backend.fetch(sql)
    except duckdb.InterruptException:
        raise QueryError(_timed_out(timeout_s)) from None
    except duckdb.Error as error:
        raise QueryError(_first_line(error)) from None
    finally:
        timer.cancel()
        backend.close()
    return Table(columns, [list(row) for row in rows])


def _timed_out(timeout_s: float) -> str:
    return f"the query ran longer than the limit of {timeout_s:g} s and was stopped (--timeout)"


def _postgres(target: Target, sql: str, timeout_s: float) -> Table:
    import psycopg

    backend = PostgresBackend(target.location, read_only=True, label=target.describe())
    connection: Any = backend.raw_connection()
    try:
        with connection.transaction(force_rollback=True):
            connection.execute(
                "SELECT set_config('statement_timeout', %s, true)", [f"{int(timeout_s * 1000)}ms"]
            )
            cursor = connection.cursor()
            # params=None: the text goes to the server as written (no % placeholders read);
            # prepare=True: the extended protocol, which refuses more than one statement.
            cursor.execute(sql, None, prepare=True)
            columns = [d.name for d in cursor.description or []]
            rows = [list(row) for row in cursor.fetchall()] if columns else []
    except psycopg.errors.QueryCanceled:
        raise QueryError(_timed_out(timeout_s)) from None
    except psycopg.Error as error:
        raise QueryError(_first_line(error)) from None
    finally:
        backend.close()
    return Table(columns, rows)


def _first_line(error: Exception) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
