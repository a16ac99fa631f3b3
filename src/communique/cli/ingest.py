"""`communique ingest` and `communique reprocess`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from communique.cli.common import DbOption, FollowSymlinksOption, err, fail, opened
from communique.cli.progress import progress_bar
from communique.document import Document
from communique.errors import UNSUPPORTED_LANGUAGE_EXIT_CODE, NoSpaceError
from communique.ingest import ReadFailure, ReadResult, split_results
from communique.store.ingest import IngestSummary, RecordMaker, new_documents
from communique.store.ingest import ingest as ingest_documents
from communique.store.reprocess import outdated_documents
from communique.store.reprocess import reprocess as reprocess_documents
from communique.store.rows import pipeline_version
from communique.store.sources import read_sources
from communique.store.target import Target

# The same limit as `communique extract`: a document over 1 MB is a dump or a mistake.
DEFAULT_MAX_BYTES = 1_000_000
# Exit code when the pipeline failed on some documents (a bug, not bad input); the rest is stored.
PROCESS_FAILURE_EXIT_CODE = 1
INTERRUPTED_EXIT_CODE = 130  # the shell's code for Ctrl-C


def ingest(
    ctx: typer.Context,
    paths: Annotated[list[str], typer.Argument(help="files, folders, JSON Lines, feeds, or -")],
    db: DbOption = None,
    max_bytes: Annotated[
        int, typer.Option("--max-bytes", min=1, help="largest document read, in bytes")
    ] = DEFAULT_MAX_BYTES,
    batch_size: Annotated[
        int, typer.Option("--batch-size", min=1, max=1024, help="documents annotated at once")
    ] = 16,
    follow_symlinks: FollowSymlinksOption = False,
) -> None:
    """Extract documents and store their records, a part of the input at a time: memory does
    not grow with the input, and each document is committed once extracted, so a failure late
    in a run keeps all stored before it. Texts already stored are skipped (by content hash), so
    an interrupted ingest resumes where it stopped; near-duplicates join the story they
    re-publish. Exit codes as `extract`'s; 10 the database cannot be used; 11 the disk is full;
    130 interrupted."""
    summary = IngestSummary()
    read_failures: list[ReadFailure] = []
    with opened(ctx, db) as store:
        pipeline: RecordMaker | None = None
        with progress_bar(err) as progress:
            task = progress.add_task("ingesting", total=0)
            expected = 0
            try:
                inputs = read_sources(
                    paths,
                    max_bytes=max_bytes,
                    follow_symlinks=follow_symlinks,
                    leave_out=_database_files(store.target),
                )
                for part in _parts(inputs):
                    documents, failures = split_results(part)
                    for failure in failures:
                        err.print(f"[red]error[/red] {escape(failure.describe())}")
                    read_failures += failures
                    fresh, duplicates = new_documents(store, documents)
                    summary.read += len(documents)
                    summary.duplicates += duplicates
                    if not fresh:
                        continue
                    expected += len(fresh)  # the total grows as parts are read
                    progress.update(task, total=expected)
                    pipeline = pipeline or _pipeline()
                    summary.add(
                        ingest_documents(
                            store,
                            pipeline,
                            fresh,
                            batch_size=batch_size,
                            advance=lambda: progress.advance(task),
                        )
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
        _print_summary(summary, read_failures, store.target.describe())
    raise typer.Exit(_exit_code(summary, read_failures))


# How much of the input is read before it is extracted and stored: bounded in documents and in
# characters, so that memory does not grow with the input (a 270 MB JSON Lines file is read a
# part at a time, not held whole).
_PART_DOCUMENTS = 256
_PART_CHARACTERS = 16_000_000


def _parts(inputs: Iterable[ReadResult]) -> Iterator[list[ReadResult]]:
    part: list[ReadResult] = []
    size = 0
    for item in inputs:
        part.append(item)
        size += len(item.text) if isinstance(item, Document) else 0
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
