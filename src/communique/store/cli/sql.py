"""`communique sql "SELECT ..."`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from communique.store.backends import StoreError
from communique.store.cli.common import DbOption, TableFormat, database, fail, render, write
from communique.store.readonly import run_sql
from communique.store.target import parse_target


def sql(
    ctx: typer.Context,
    statement: Annotated[str, typer.Argument(help="one SELECT (or WITH, VALUES, EXPLAIN)")],
    output_format: Annotated[TableFormat, typer.Option("--format", "-f")] = TableFormat.TABLE,
    output: Annotated[Path | None, typer.Option("--output", "-o")] = None,
    db: DbOption = None,
) -> None:
    """Run one read-only SQL query on the store (tables in docs/store.md). The connection cannot
    write: DuckDB is opened read-only without file access, PostgreSQL in a READ ONLY transaction.
    Exit code 2: the query was refused or failed; 10: the database cannot be opened."""
    try:
        table = run_sql(parse_target(database(ctx, db)), statement)
    except StoreError as error:
        fail(str(error), error.exit_code)
        return
    rendered = render(table, output_format)
    if rendered is not None:
        write(rendered, output)
