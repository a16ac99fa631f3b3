"""`communique sql "SELECT ..."`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from communique.cli.common import DbOption, TableFormat, database, fail, render, write
from communique.store.backends import StoreError
from communique.store.readonly import DEFAULT_TIMEOUT_S, run_sql
from communique.store.target import parse_target


def sql(
    ctx: typer.Context,
    statement: Annotated[str, typer.Argument(help="one SELECT (or WITH, VALUES, EXPLAIN)")],
    output_format: Annotated[TableFormat, typer.Option("--format", "-f")] = TableFormat.TABLE,
    output: Annotated[Path | None, typer.Option("--output", "-o")] = None,
    db: DbOption = None,
    timeout: Annotated[
        float,
        typer.Option("--timeout", min=0.001, help="seconds the query may run before it is stopped"),
    ] = DEFAULT_TIMEOUT_S,
) -> None:
    """Run one read-only SQL query on the store (tables in docs/store.md). The connection cannot
    write: DuckDB is opened read-only without file access, PostgreSQL in a READ ONLY transaction.
    One statement only, stopped after --timeout seconds. Exit code 2: the query was refused,
    failed or timed out; 10: the database cannot be opened."""
    try:
        table = run_sql(parse_target(database(ctx, db)), statement, timeout_s=timeout)
    except StoreError as error:
        fail(str(error), error.exit_code)
        return
    rendered = render(table, output_format)
    if rendered is not None:
        write(rendered, output)
