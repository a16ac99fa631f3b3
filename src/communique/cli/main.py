"""The `communique` command."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from communique.cli.render import print_records
from communique.errors import UNSUPPORTED_LANGUAGE_EXIT_CODE
from communique.evaluate.cli import eval_app
from communique.ingest import ReadFailure, read_path
from communique.record import Record, RecordStatus

app = typer.Typer(
    help="Communique: who met whom, in what capacity, for which country — with evidence.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.add_typer(eval_app, name="eval", help="Score extraction on public gold sets.")

_PROGRESS_THRESHOLD = 3  # a bar is noise for one or two files


class OutputFormat(StrEnum):
    JSON = "json"
    JSONL = "jsonl"
    TABLE = "table"


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="files, folders, or - for stdin")],
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.JSON,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="write here")] = None,
) -> None:
    """Extract a record from each document: mentions, actors and occupations, with offsets."""
    from communique.pipeline import Pipeline  # models load only when there is work

    err = Console(stderr=True)
    sources = [item for path in paths for item in read_path(path)]
    failures = [s for s in sources if isinstance(s, ReadFailure)]
    documents = [s for s in sources if not isinstance(s, ReadFailure)]
    for failure in failures:
        err.print(f"[red]error[/red] {failure.describe()}")
    pipeline = Pipeline()
    records: list[Record] = []
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        disable=len(documents) <= _PROGRESS_THRESHOLD,
    ) as progress:
        task = progress.add_task("extracting", total=len(documents))
        for document in documents:
            records.append(pipeline.process(document))
            progress.advance(task)
    _write(records, output_format, output)
    for record in records:
        if record.status is not RecordStatus.OK:
            err.print(f"[yellow]marked[/yellow] {record.id}: {record.message}")
    raise typer.Exit(_exit_code(failures, records))


def _write(records: list[Record], output_format: OutputFormat, output: Path | None) -> None:
    if output_format is OutputFormat.TABLE:
        console = Console(file=output.open("w", encoding="utf-8")) if output else Console()
        print_records(records, console)
        return
    if output_format is OutputFormat.JSONL:
        text = "".join(r.model_dump_json(exclude_none=False) + "\n" for r in records)
    else:
        payload = [r.model_dump(mode="json") for r in records]
        text = json.dumps(payload[0] if len(payload) == 1 else payload, ensure_ascii=False, indent=2)
        text += "\n"
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


def _exit_code(failures: list[ReadFailure], records: list[Record]) -> int:
    if failures:
        return failures[0].error.exit_code
    if any(r.status is RecordStatus.UNSUPPORTED_LANGUAGE for r in records):
        return UNSUPPORTED_LANGUAGE_EXIT_CODE
    return 0


@app.command()
def schema(
    output: Annotated[Path | None, typer.Option("--output", "-o")] = None,
) -> None:
    """Print (or write) the JSON Schema of the record."""
    text = json.dumps(Record.model_json_schema(), ensure_ascii=False, indent=2) + "\n"
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    app()
