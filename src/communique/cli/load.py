"""`communique load`: records written by `export --what records` (or `extract -f jsonl`) into a
database, as they are, with no extraction."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError
from rich.markup import escape

from communique.cli.common import USAGE_EXIT_CODE, DbOption, err, fail, opened
from communique.errors import MalformedInputError
from communique.record import Record


def load(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(help="JSON Lines of records, one a line")],
    db: DbOption = None,
) -> None:
    """Store the records of a JSON Lines file as they are (no extraction): how a database
    exported with `export --what records` is moved or shared. A text already stored is skipped;
    a line that is not a record is reported by its number and nothing of it is stored."""
    if not path.is_file():
        fail(f"{path}: no such file", USAGE_EXIT_CODE)
    stored = duplicates = 0
    bad: list[str] = []
    with opened(ctx, db) as store, path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = Record.model_validate_json(line)
            except ValidationError as error:
                bad.append(f"line {number}: not a record ({error.error_count()} errors)")
                continue
            result = store.add(record)
            stored += result.status == "stored"
            duplicates += result.status == "duplicate"
    for reason in bad:
        err.print(f"[red]error[/red] {escape(f'{path}: {reason}')}")
    err.print(f"{stored} stored, {duplicates} skipped as duplicates, {len(bad)} failed")
    if bad:
        raise typer.Exit(MalformedInputError.exit_code)
