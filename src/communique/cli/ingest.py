"""`communique ingest` and `communique reprocess`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from communique.cli.common import (
    USAGE_EXIT_CODE,
    DbOption,
    FollowSymlinksOption,
    err,
    fail,
    opened,
)
from communique.cli.progress import progress_bar
from communique.distribute import (
    Extractor,
    InProcessExtractor,
    LazyExtractor,
    ProcessPoolExtractor,
    ordered_outcomes,
)
from communique.document import Document
from communique.errors import (
    UNSUPPORTED_LANGUAGE_EXIT_CODE,
    NoSpaceError,
    PipelineMismatchError,
    WorkerError,
)
from communique.ingest import ReadFailure
from communique.ingest.records import is_records_file, read_records
from communique.record import Record
from communique.store.ingest import (
    BatchWriter,
    IngestSummary,
    RecordMaker,
    new_documents,
)
from communique.store.reprocess import outdated_documents
from communique.store.reprocess import reprocess as reprocess_documents
from communique.store.rows import pipeline_version
from communique.store.sources import read_sources
from communique.store.store import BATCH_DOCUMENTS
from communique.store.target import Target

# The same limit as `communique extract`: a document over 1 MB is a dump or a mistake.
DEFAULT_MAX_BYTES = 1_000_000
# Exit code when the pipeline failed on some documents (a bug, not bad input); the rest is stored.
PROCESS_FAILURE_EXIT_CODE = 1
INTERRUPTED_EXIT_CODE = 130  # the shell's code for Ctrl-C


def ingest(
    ctx: typer.Context,
    paths: Annotated[
        list[str],
        typer.Argument(
            help="files, folders, JSON Lines (documents, or records from extract), feeds, or -"
        ),
    ],
    db: DbOption = None,
    max_bytes: Annotated[
        int, typer.Option("--max-bytes", min=1, help="largest document read, in bytes")
    ] = DEFAULT_MAX_BYTES,
    batch_size: Annotated[
        int, typer.Option("--batch-size", min=1, max=1024, help="documents annotated at once")
    ] = 16,
    store_batch: Annotated[
        int,
        typer.Option(
            "--store-batch",
            min=1,
            max=BATCH_DOCUMENTS,
            help="documents stored in one transaction (each part of the input ends one)",
        ),
    ] = BATCH_DOCUMENTS,
    workers: Annotated[
        int,
        typer.Option("--workers", min=1, max=256, help="local processes extracting (one stores)"),
    ] = 1,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            metavar="ADDRESS",
            help="extract on the Dask cluster of this scheduler (tcp://host:8786)",
        ),
    ] = None,
    follow_symlinks: FollowSymlinksOption = False,
) -> None:
    """Extract documents and store their records, a part of the input at a time: memory does
    not grow with the input, and each document is committed once extracted, so a failure late
    in a run keeps all stored before it. Texts already stored are skipped (by content hash), so
    an interrupted ingest resumes where it stopped; near-duplicates join the story they
    re-publish. A JSON Lines file of records written by `communique extract` is stored as it
    is, without extracting again. With --workers N, N local processes extract; with
    --scheduler, a Dask cluster's workers do; either way this process stores, in input order,
    so what is stored is what one process would store. Exit codes as `extract`'s; 10 the
    database cannot be used; 11 the disk is full; 12 a worker failed for good (a local process
    died, the Dask cluster gave up on a batch) or runs another pipeline version; 130
    interrupted."""
    if scheduler is not None and workers > 1:
        fail(
            "--workers and --scheduler exclude each other: a cluster has its own workers",
            USAGE_EXIT_CODE,
        )
    summary = IngestSummary()
    read_failures: list[ReadFailure] = []
    with opened(ctx, db) as store, _extractor(workers, scheduler, batch_size) as extractor:
        with progress_bar(err) as progress:
            task = progress.add_task("ingesting", total=0)
            counted = 0
            writer = BatchWriter(
                store, advance=lambda: progress.advance(task), batch_size=store_batch
            )

            def fresh_parts() -> Iterator[list[Document | Record]]:
                """What is left to store, a part of the input at a time; read failures are
                reported as they are met."""
                nonlocal counted
                inputs = _read_inputs(paths, max_bytes, follow_symlinks, store.target)
                for part in _parts(inputs):
                    items = [item for item in part if not isinstance(item, ReadFailure)]
                    for failure in (item for item in part if isinstance(item, ReadFailure)):
                        err.print(f"[red]error[/red] {escape(failure.describe())}")
                        read_failures.append(failure)
                    fresh, duplicates = new_documents(store, items)
                    summary.read += len(items)
                    summary.duplicates += duplicates
                    counted += len(fresh)  # the total grows as parts are read
                    progress.update(task, total=counted)
                    yield fresh
                    writer.flush()  # this part's records are stored before the next is read

            try:
                summary.add(
                    writer.store_all(ordered_outcomes(fresh_parts(), extractor, batch_size))
                )
            except KeyboardInterrupt:
                progress.stop()
                err.print("[yellow]interrupted[/yellow]: stored documents are kept; run the "
                          "same ingest again to resume")  # fmt: skip
                raise typer.Exit(INTERRUPTED_EXIT_CODE) from None
            except NoSpaceError as error:
                progress.stop()
                _print_summary(summary, read_failures, store.target.describe())
                fail(str(error), error.exit_code)
            except (WorkerError, PipelineMismatchError) as error:
                progress.stop()
                _print_summary(summary, read_failures, store.target.describe())
                fail(str(error), error.exit_code)
        _print_summary(summary, read_failures, store.target.describe())
    raise typer.Exit(_exit_code(summary, read_failures))


def _read_inputs(
    paths: list[str], max_bytes: int, follow_symlinks: bool, target: Target
) -> Iterator[Document | Record | ReadFailure]:
    """Each path's documents, or its records when it is a records file (what `communique
    extract` writes: detected by its first line, see ingest/records.py), in input order."""
    leave_out = _database_files(target)
    for path in paths:
        if path != "-" and is_records_file(Path(path)):
            yield from read_records(Path(path), max_bytes=max_bytes)
        else:
            yield from read_sources(
                [path], max_bytes=max_bytes, follow_symlinks=follow_symlinks, leave_out=leave_out
            )


def _extractor(workers: int, scheduler: str | None, batch_size: int) -> LazyExtractor:
    """Where extraction runs, made (models loaded, workers started) only once a document needs
    extracting."""

    def make() -> Extractor:
        pipeline = _pipeline()
        if scheduler is not None:
            from communique.distribute.cluster import DaskExtractor  # imports Dask

            return DaskExtractor(scheduler, pipeline, batch_size)
        if workers > 1:
            return ProcessPoolExtractor(pipeline, workers, batch_size)
        return InProcessExtractor(pipeline, batch_size)

    return LazyExtractor(make)


# How much of the input is read before it is extracted and stored: bounded in documents and in
# characters, so that memory does not grow with the input (a 270 MB JSON Lines file is read a
# part at a time, not held whole).
_PART_DOCUMENTS = 256
_PART_CHARACTERS = 16_000_000


def _parts(
    inputs: Iterable[Document | Record | ReadFailure],
) -> Iterator[list[Document | Record | ReadFailure]]:
    part: list[Document | Record | ReadFailure] = []
    size = 0
    for item in inputs:
        part.append(item)
        size += 0 if isinstance(item, ReadFailure) else len(item.text)
        if len(part) >= _PART_DOCUMENTS or size >= _PART_CHARACTERS:
            yield part
            part, size = [], 0
    if part:
        yield part


def _database_files(target: Target) -> frozenset[Path]:
    """A DuckDB file and its write-ahead log: ingesting the folder that holds the database must
    not read the database (opened, hence created, before the folder is walked)."""
    if target.kind != "duckdb" or target.location == ":memory:":
        return frozenset()
    database = Path(target.location).resolve()
    return frozenset({database, database.with_name(database.name + ".wal")})


def _pipeline() -> RecordMaker:
    from communique.pipeline import Pipeline  # models load only when there is work

    return Pipeline()


def _print_summary(summary: IngestSummary, read_failures: list[ReadFailure], where: str) -> None:
    failed = len(read_failures) + len(summary.failures)
    typer.echo(
        f"{where}: {summary.read} read, {summary.stored} stored "
        f"({summary.linked} joined an existing story), {summary.duplicates} skipped as "
        f"duplicates, {failed} failed"
    )
    for note in summary.marked:
        typer.echo(f"  marked  {note}")
    for failure in read_failures:
        typer.echo(f"  failed  {failure.describe()}")
    for process_failure in summary.failures:
        typer.echo(f"  failed  {process_failure.describe()}")


def _exit_code(summary: IngestSummary, read_failures: list[ReadFailure]) -> int:
    """As `extract`: the first read failure's code; else 1 if extraction failed somewhere; 8 if
    unsupported-language documents were stored marked; else 0."""
    if read_failures:
        return read_failures[0].error.exit_code
    if summary.failures:
        return PROCESS_FAILURE_EXIT_CODE
    return UNSUPPORTED_LANGUAGE_EXIT_CODE if summary.marked else 0


def reprocess(
    ctx: typer.Context,
    db: DbOption = None,
    everything: Annotated[
        bool, typer.Option("--all", help="re-extract every document, current ones too")
    ] = False,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, max=1024)] = 16,
) -> None:
    """Re-extract stored documents whose pipeline version differs from this Communique's, one
    transaction per document (an interrupted run leaves each whole; run it again to finish)."""
    from communique.lang import READERS
    from communique.pipeline import Pipeline

    pipeline = Pipeline()
    version = pipeline_version(pipeline.stages)
    by_language = {code: pipeline_version(pipeline.stages_for(code)) for code in READERS}
    with opened(ctx, db) as store:
        ids = outdated_documents(store, version, by_language, everything=everything)
        with progress_bar(err, disable=not ids) as progress:
            task = progress.add_task("reprocessing", total=len(ids))
            try:
                summary = reprocess_documents(
                    store,
                    pipeline,
                    ids,
                    batch_size=batch_size,
                    advance=lambda: progress.advance(task),
                )
            except KeyboardInterrupt:
                progress.stop()
                fail(
                    "interrupted: documents done so far are updated; run again to finish",
                    INTERRUPTED_EXIT_CODE,
                )
                return
    typer.echo(
        f"{summary.outdated} outdated, {summary.updated} re-extracted, "
        f"{len(summary.failures)} failed"
    )
    for failure in summary.failures:
        typer.echo(f"  failed  {failure.describe()}")
    raise typer.Exit(PROCESS_FAILURE_EXIT_CODE if summary.failures else 0)
