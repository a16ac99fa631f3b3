"""`communique export`."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from communique.cli.common import (
    USAGE_EXIT_CODE,
    ActorOption,
    AllSourcesOption,
    CameoOption,
    CountryOption,
    DbOption,
    IncludeInferredOption,
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
from communique.export import DEFAULT_STATUSES, FORMATS, ExportOptions, write_export, write_models
from communique.record import EventStatus
from communique.store.backends import StoreError
from communique.store.filters import FilterError
from communique.store.queries import event_details, run
from communique.store.store import write_error_code

# --format's choices: the registered export formats (export/writers.py), in their order.
ExportFormat = StrEnum("ExportFormat", {name.upper(): name for name in FORMATS})
_EVENTS_ONLY = ", ".join(name for name, f in FORMATS.items() if f.events_only)
_WHOLE = ", ".join(name for name, f in FORMATS.items() if f.whole_records)


class ExportKind(StrEnum):
    EVENTS = "events"
    ACTORS = "actors"
    AGREEMENTS = "agreements"
    COMMITMENTS = "commitments"
    RECORDS = "records"  # every stored record, whole, as `communique extract` writes it
    DOCUMENTS = "documents"  # every stored document as read, as `communique ingest` reads it


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
        ExportKind,
        typer.Option(
            "--what", help=f"{_EVENTS_ONLY}: events only; records and documents: {_WHOLE} only"
        ),
    ] = ExportKind.EVENTS,
    country: CountryOption = None,
    actor: ActorOption = None,
    event_type: TypeOption = None,
    cameo: CameoOption = None,
    topic: TopicOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    status: StatusOption = None,
    all_statuses: Annotated[
        bool,
        typer.Option(
            "--all-statuses",
            help=f"events of every status; by default {', '.join(DEFAULT_STATUSES)} "
            "(negated ones did not happen; GDELT never writes them)",
        ),
    ] = False,
    bom: Annotated[
        bool, typer.Option("--bom/--no-bom", help="csv: UTF-8 with a byte-order mark")
    ] = True,
    all_sources: AllSourcesOption = False,
    include_rejected: IncludeRejectedOption = False,
    include_inferred: IncludeInferredOption = False,
    db: DbOption = None,
) -> None:
    """Write events (or actors, agreements, commitments, whole records, documents) to a file,
    with the filters of `communique query`. Formats and what each loses: docs/store.md."""
    export_format = FORMATS[output_format.value]
    if export_format.events_only and what is not ExportKind.EVENTS:
        fail(f"--format {output_format.value} writes events only", USAGE_EXIT_CODE)
    if what in (ExportKind.RECORDS, ExportKind.DOCUMENTS):
        _export_whole(ctx, what, output_format, output, db, given=_given(locals()))
        return
    if status and export_format.statuses is not None and status not in export_format.statuses:
        name = output_format.value
        fail(
            f"--format {name} cannot mark an event {status}: {name.upper()} never writes them",
            USAGE_EXIT_CODE,
        )
    statuses = tuple(s.value for s in EventStatus) if all_statuses else DEFAULT_STATUSES
    if status:
        statuses = (status,)
    filters = filters_or_exit(
        countries=country, actor=actor, event_type=event_type, cameo=cameo, topic=topic,
        since=since, until=until, status=status, all_sources=all_sources,
        include_rejected=include_rejected, include_inferred=include_inferred,
    )  # fmt: skip
    options = ExportOptions(statuses=statuses, bom=bom)
    with opened(ctx, db) as store:
        try:
            table = run(store, what.value, filters, limit=None)
            if export_format.needs_details:
                options.details = event_details(store, table)
        except FilterError as error:
            fail(str(error), USAGE_EXIT_CODE)
            return
        except Exception as error:
            fail(f"query failed: {error}", StoreError.exit_code)
            return
    try:
        summary = write_export(table, what.value, output_format.value, output, options)
    except OSError as error:  # nothing half-written: the file is renamed into place when whole
        fail(f"cannot write {output}: {error}", write_error_code(error))
        return
    err.print(f"{summary.written} {what.value} written to {output}")
    if what is ExportKind.EVENTS:
        err.print(f"statuses kept: {', '.join(statuses)}")
    for reason, count in sorted(summary.left_out.items()):
        hint = "" if all_statuses or "GDELT" in reason else " (--all-statuses keeps them)"
        err.print(f"left out: {count} events, {reason}{hint}")


def _given(values: dict[str, object]) -> list[str]:
    """The filter options given, which a whole-record export refuses rather than ignores."""
    names = ("country", "actor", "event_type", "cameo", "topic", "since", "until", "status")
    flags = ("all_statuses", "all_sources", "include_rejected", "include_inferred")
    return [n for n in names if values.get(n)] + [n for n in flags if values.get(n)]


def _export_whole(
    ctx: typer.Context,
    what: ExportKind,
    output_format: ExportFormat,
    output: Path,
    db: str | None,
    given: list[str],
) -> None:
    if not FORMATS[output_format.value].whole_records:
        fail(f"--what {what.value} is written as --format {_WHOLE} only", USAGE_EXIT_CODE)
    if given:
        options = ", ".join("--" + n.replace("_", "-") for n in given)
        fail(f"--what {what.value} writes every stored document; {options} cannot filter it",
             USAGE_EXIT_CODE)  # fmt: skip
    with opened(ctx, db) as store:
        ids = list(store.document_ids())
        load = store.load if what is ExportKind.RECORDS else store.document
        try:
            count = write_models((load(i) for i in ids), output)
        except OSError as error:
            fail(f"cannot write {output}: {error}", write_error_code(error))
            return
    err.print(f"{count} {what.value} written to {output}")
