"""`communique export`."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from communique.export import write_export
from communique.store.backends import StoreError
from communique.store.cli.common import (
    USAGE_EXIT_CODE,
    ActorOption,
    AllSourcesOption,
    CameoOption,
    CountryOption,
    DbOption,
    IncludeRejectedOption,
    SinceOption,
    StatusOption,
    TopicOption,
    TypeOption,
    UntilOption,
    err,
    fail,
    filters_or_exit,
    opened,
)
from communique.store.filters import FilterError
from communique.store.queries import run
from communique.store.store import write_error_code


class ExportFormat(StrEnum):
    JSONL = "jsonl"
    CSV = "csv"
    PARQUET = "parquet"
    PLOVER = "plover"
    GDELT = "gdelt"


class ExportKind(StrEnum):
    EVENTS = "events"
    ACTORS = "actors"
    AGREEMENTS = "agreements"
    COMMITMENTS = "commitments"


def _check_output(output: Path) -> Path:
    if output.is_dir() or not output.parent.is_dir():
        reason = "is a folder" if output.is_dir() else "has no existing parent folder"
        raise typer.BadParameter(f"{output} {reason}")
    return output


def export(
    ctx: typer.Context,
    output_format: Annotated[ExportFormat, typer.Option("--format", "-f")],
    output: Annotated[Path, typer.Option("--output", "-o", callback=_check_output)],
    what: Annotated[
        ExportKind, typer.Option("--what", help="plover and gdelt: events only")
    ] = ExportKind.EVENTS,
    country: CountryOption = None,
    actor: ActorOption = None,
    event_type: TypeOption = None,
    cameo: CameoOption = None,
    topic: TopicOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    status: StatusOption = None,
    all_sources: AllSourcesOption = False,
    include_rejected: IncludeRejectedOption = False,
    db: DbOption = None,
) -> None:
    """Write events (or actors, agreements, commitments) to a file, with the filters of
    `communique query`. Formats and what each loses: docs/store.md."""
    if output_format in (ExportFormat.PLOVER, ExportFormat.GDELT) and what is not ExportKind.EVENTS:
        fail(f"--format {output_format.value} writes events only", USAGE_EXIT_CODE)
    filters = filters_or_exit(
        countries=country, actor=actor, event_type=event_type, cameo=cameo, topic=topic,
        since=since, until=until, status=status, all_sources=all_sources,
        include_rejected=include_rejected,
    )  # fmt: skip
    with opened(ctx, db) as store:
        try:
            table = run(store, what.value, filters, limit=None)
        except FilterError as error:
            fail(str(error), USAGE_EXIT_CODE)
            return
        except Exception as error:
            fail(f"query failed: {error}", StoreError.exit_code)
            return
    try:
        write_export(table, what.value, output_format.value, output)
    except OSError as error:  # nothing half-written: the file is renamed into place when whole
        fail(f"cannot write {output}: {error}", write_error_code(error))
    err.print(f"{len(table.rows)} {what.value} written to {output}")
