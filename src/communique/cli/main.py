"""The `communique` command."""

from __future__ import annotations

import sys
from enum import StrEnum
from io import StringIO
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from communique.cli.common import DB_HELP, FollowSymlinksOption
from communique.cli.evaluate import eval_app
from communique.cli.output import records_json, records_jsonl, schema_json, write_atomically
from communique.cli.progress import progress_bar
from communique.cli.render import print_records
from communique.cli.serve import serve
from communique.cli.store import register as register_store_commands
from communique.document import Document
from communique.errors import UNSUPPORTED_LANGUAGE_EXIT_CODE, InputTooLargeError
from communique.ingest import ReadFailure, read_path, split_results
from communique.record import Record, RecordStatus
from communique.store.store import write_error_code
from communique.store.target import DB_ENV

app = typer.Typer(
    help="Communique: who met whom, in what capacity, for which country — with evidence.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.add_typer(eval_app, name="eval", help="Score extraction on public gold sets.")


@app.callback()
def main(
    ctx: typer.Context,
    db: Annotated[str | None, typer.Option("--db", envvar=DB_ENV, help=DB_HELP)] = None,
) -> None:
    """Communique: who met whom, in what capacity, for which country — with evidence."""
    # The store's commands read it from here (their own --db wins); extract ignores it.
    ctx.obj = {"db": db}


register_store_commands(app)  # ingest, reprocess, query, sql, export, review, reviews, token
app.command(help="Serve the analyst's dashboard and the REST API (/api/, docs at /docs).")(serve)

_PROGRESS_THRESHOLD = 3  # a bar is noise for one or two files
# Far above any release (the Senate example is 4 KB) and far below what would keep the pipeline
# busy for minutes: a 5 MB "document" is a dump or a mistake, and is refused with exit code 7.
DEFAULT_MAX_BYTES = 1_000_000
# Tables written to a file are read in an editor, wider than the 80 columns of a pipe.
_FILE_TABLE_WIDTH = 120

# Help paragraphs are single strings: Typer keeps the line breaks it is given.
EXTRACT_HELP = "\n\n".join(
    (
        "Extract a record from each document: mentions, actors and occupations, with offsets.",
        "Input: plain text, HTML or JSON Lines (fields id, text or html, url, title, published, "
        "source), in UTF-8, UTF-16, cp1251 or KOI8-R. Folders are walked in sorted order.",
    )
)
EXIT_CODES = "\n\n".join(
    (
        "Exit codes: 0 all read and extracted; 3 empty input; 4 binary input; 5 undecodable "
        "text; 6 malformed input (a JSON Lines line, an HTML page with no text); 7 input over "
        "--max-bytes; 9 a path that cannot be read (or a FIFO, socket, device or symbolic link "
        "met in a folder, skipped); 8 nothing failed, but some documents are in an unsupported "
        "language (their records are kept and marked); 2 a wrong option; 1 the output could not "
        "be written; 11 the disk is full.",
        "An input that fails is reported on stderr and skipped; the others are still extracted "
        "and written. If several fail, the exit code is that of the first failure in input "
        "order; 8 is returned only when no input failed.",
        "--output is written once the run is done, through a temporary file renamed into place: "
        "it is never half-written. When no record comes out at all, nothing is written and an "
        "existing --output file is left as it was.",
    )
)


class OutputFormat(StrEnum):
    JSON = "json"
    JSONL = "jsonl"
    TABLE = "table"


def _check_output(output: Path | None) -> Path | None:
    """Refuse a bad --output before any work is done, not after minutes of extraction."""
    if output is not None and (output.is_dir() or not output.parent.is_dir()):
        reason = "is a folder" if output.is_dir() else "has no existing parent folder"
        raise typer.BadParameter(f"{output} {reason}")
    return output


@app.command(help=EXTRACT_HELP, epilog=EXIT_CODES)
def extract(
    paths: Annotated[list[str], typer.Argument(help="files, folders, or - for stdin")],
    output_format: Annotated[
        OutputFormat,
        typer.Option(
            "--format",
            "-f",
            help="json: one record as an object, several as an array; jsonl: one record a line; "
            "table: a readable summary",
        ),
    ] = OutputFormat.JSON,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="write here (default: stdout)", callback=_check_output),
    ] = None,
    max_bytes: Annotated[
        int,
        typer.Option(
            "--max-bytes",
            min=1,
            help="largest input read, in bytes: a text or HTML file (or stdin) as a whole, a JSON "
            "Lines file record by record (each line up to this size, the file any size). Larger "
            "ones are skipped with exit code 7.",
        ),
    ] = DEFAULT_MAX_BYTES,
    follow_symlinks: FollowSymlinksOption = False,
    home_country: Annotated[
        str | None,
        typer.Option(
            "--home-country",
            help="the publisher's country (ISO alpha-2, e.g. KZ) for documents whose source does "
            "not say it (a JSON Lines 'source_country' wins)",
            callback=_check_country_code,
        ),
    ] = None,
) -> None:
    """Read, extract, write, report; the help text is EXTRACT_HELP and EXIT_CODES."""
    err = Console(stderr=True, soft_wrap=True, highlight=False)
    documents, failures = _read(paths, max_bytes, follow_symlinks)
    if home_country:
        documents = [
            d if d.source_country else d.model_copy(update={"source_country": home_country})
            for d in documents
        ]
    for failure in failures:
        err.print(f"[red]error[/red] {escape(describe_failure(failure, max_bytes))}")
    records = _extract_all(documents, err)
    if records:  # an empty output would pass for a result
        try:
            _write(records, output_format, output)
        except OSError as error:  # a full disk, a read-only folder: say so, not a traceback
            err.print(f"[red]error[/red] cannot write {escape(str(output))}: {escape(str(error))}")
            raise typer.Exit(write_error_code(error)) from None
    for record in records:
        if record.status is not RecordStatus.OK:
            note = f"{record.id}: {record.message or record.status.value}"
            err.print(f"[yellow]marked[/yellow] {escape(note)}")
    raise typer.Exit(exit_code(failures, records))


def _check_country_code(value: str | None) -> str | None:
    if value is not None and (len(value) != 2 or not value.isascii() or not value.isalpha()):
        raise typer.BadParameter(f"a two-letter ISO country code such as KZ, not {value!r}")
    return value.upper() if value else None


def _read(
    paths: list[str], max_bytes: int, follow_symlinks: bool
) -> tuple[list[Document], list[ReadFailure]]:
    return split_results(
        item
        for path in paths
        for item in read_path(path, max_bytes=max_bytes, follow_symlinks=follow_symlinks)
    )


def describe_failure(failure: ReadFailure, max_bytes: int) -> str:
    """The reader's message, plus for a too-large input its size and the option that reads it."""
    message = failure.describe()
    if not isinstance(failure.error, InputTooLargeError):
        return message
    size = _file_size(failure)
    if size is None:  # stdin or one JSON Lines record: its full size was never read
        return f"{message}; raise the limit with --max-bytes (now {max_bytes:,})"
    return f"{message} (it is {size:,} bytes); to read it anyway, use --max-bytes {size}"


def _file_size(failure: ReadFailure) -> int | None:
    if failure.line is not None:
        return None
    try:
        return Path(failure.source).stat().st_size
    except OSError:
        return None


def _extract_all(documents: list[Document], err: Console) -> list[Record]:
    if not documents:
        return []
    from communique.pipeline import Pipeline  # models load only when there is work

    pipeline = Pipeline()
    records: list[Record] = []
    with progress_bar(err, disable=len(documents) <= _PROGRESS_THRESHOLD) as progress:
        task = progress.add_task("extracting", total=len(documents))
        # process_many annotates documents in batches: the same records, sooner.
        for record in pipeline.process_many(documents):
            records.append(record)
            progress.advance(task)
    return records


def _write(records: list[Record], output_format: OutputFormat, output: Path | None) -> None:
    if output_format is OutputFormat.TABLE and output is None:
        print_records(records, Console())  # the terminal's width and colours
        return
    if output_format is OutputFormat.TABLE:
        buffer = StringIO()
        print_records(records, Console(file=buffer, width=_FILE_TABLE_WIDTH, color_system=None))
        text = buffer.getvalue()
    elif output_format is OutputFormat.JSONL:
        text = records_jsonl(records)
    else:
        text = records_json(records)
    if output is None:
        sys.stdout.write(text)
    else:
        write_atomically(output, text)


def exit_code(failures: list[ReadFailure], records: list[Record]) -> int:
    """The first failure's code, in input order: a lost input outranks a kept, marked record."""
    if failures:
        return failures[0].error.exit_code
    if any(r.status is RecordStatus.UNSUPPORTED_LANGUAGE for r in records):
        return UNSUPPORTED_LANGUAGE_EXIT_CODE
    return 0


@app.command()
def schema(
    output: Annotated[Path | None, typer.Option("--output", "-o", callback=_check_output)] = None,
) -> None:
    """Print (or write) the JSON Schema of the record."""
    if output:
        write_atomically(output, schema_json())
    else:
        sys.stdout.write(schema_json())


if __name__ == "__main__":
    app()
