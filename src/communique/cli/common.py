"""What the store's commands share: which database, the filter options, and writing tables."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table as RichTable

from communique.export.tables import TEXT_FORMATS, plain
from communique.store.backends import StoreError
from communique.store.filters import FilterError, Filters, make_filters
from communique.store.queries import Table
from communique.store.store import Store, open_store
from communique.store.target import DB_ENV, DEFAULT_DB, parse_target

USAGE_EXIT_CODE = 2  # a filter of the wrong shape is a usage error, as Typer's own are

DB_HELP = (
    f"database: a file path is DuckDB (default {DEFAULT_DB}), a postgresql:// URL is "
    f"PostgreSQL; also ${DB_ENV}"
)
DbOption = Annotated[str | None, typer.Option("--db", help=DB_HELP, show_default=False)]
# extract and ingest walk folders alike (ingest.reader.walk)
FollowSymlinksOption = Annotated[
    bool,
    typer.Option(
        "--follow-symlinks",
        help="in folders, follow symbolic links (only to files inside the folder given)",
    ),
]

err = Console(stderr=True, soft_wrap=True, highlight=False)


def database(ctx: typer.Context, db: str | None) -> str:
    """The command's --db, else the global one (which Typer fills from $COMMUNIQUE_DB)."""
    root = ctx.find_root()
    global_db = root.obj.get("db") if isinstance(root.obj, dict) else None
    return db or global_db or DEFAULT_DB


@contextmanager
def opened(ctx: typer.Context, db: str | None) -> Iterator[Store]:
    target = parse_target(database(ctx, db))
    try:
        with open_store(target) as store:
            yield store
    except StoreError as error:
        fail(str(error), error.exit_code)


def fail(message: str, code: int) -> None:
    err.print(f"[red]error[/red] {escape(message)}")
    raise typer.Exit(code)


# --- filters: the same options on every query and on export -----------------------------------

CountryOption = Annotated[
    list[str] | None,
    typer.Option("--country", "-c", help="ISO code; twice (or KZ-MN) for a pair"),
]
ActorOption = Annotated[
    str | None, typer.Option("--actor", "-a", help="actor name, Latin name or KB id contains this")
]
TypeOption = Annotated[str | None, typer.Option("--type", "-t", help="PLOVER event type")]
CameoOption = Annotated[str | None, typer.Option("--cameo", help="CAMEO code or its root (04)")]
TopicOption = Annotated[str | None, typer.Option("--topic", help="topic id or English label")]
SinceOption = Annotated[str | None, typer.Option("--since", help="from YYYY[-MM[-DD]]")]
UntilOption = Annotated[str | None, typer.Option("--until", help="to YYYY[-MM[-DD]], inclusive")]
StatusOption = Annotated[str | None, typer.Option("--status", help="event/agreement status")]
SourceOption = Annotated[
    str | None, typer.Option("--source", help="publisher, as stored (the lists' source facet)")
]
LanguageOption = Annotated[
    str | None, typer.Option("--language", help="the document's language: ru, kk, en")
]
UndatedOption = Annotated[
    bool, typer.Option("--undated", help="only what has no date: what --since/--until leave out")
]
AllSourcesOption = Annotated[
    bool,
    typer.Option(
        "--all-sources",
        help="facts of every re-publication, not once per story (its first document)",
    ),
]


IncludeInferredOption = Annotated[
    bool,
    typer.Option(
        "--include-inferred",
        help="also events whose sides the text does not state with them (taken from elsewhere "
        "in it: their `participants_inferred` is true)",
    ),
]
IncludeRejectedOption = Annotated[
    bool,
    typer.Option(
        "--include-rejected",
        help="also facts an analyst rejected (their `review` column says so)",
    ),
]


def filters_or_exit(**values: Any) -> Filters:
    countries = values.pop("countries", None) or ()
    try:
        return make_filters(countries=countries, **values)
    except FilterError as error:
        fail(str(error), USAGE_EXIT_CODE)
        raise  # unreachable: fail() raises; keeps type checkers content


# --- writing tables --------------------------------------------------------------------------


# Short codes that read wrong when folded ("CONS/ULT").
_NO_WRAP = {"date", "type", "cameo", "status", "kind", "country", "documents", "sources"}
_PIPE_WIDTH = 160


# A terminal table, or one of the text formats the API answers in too (export/tables.py).
TableFormat = StrEnum("TableFormat", {"TABLE": "table"} | {n.upper(): n for n in TEXT_FORMATS})


def cell(value: Any) -> str:
    """A cell as CSV and terminal tables show it: lists joined, None empty."""
    value = plain(value)
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def render(table: Table, fmt: TableFormat, columns: list[str] | None = None) -> str | None:
    """JSON and CSV as text; a terminal table is printed at once (None)."""
    if fmt.value in TEXT_FORMATS:
        return TEXT_FORMATS[fmt.value].text(table)
    shown = [c for c in (columns or table.columns) if c in table.columns]
    view = RichTable(show_lines=False)
    for column in shown:
        view.add_column(column, overflow="fold", no_wrap=column in _NO_WRAP)
    positions = [table.columns.index(c) for c in shown]
    for row in table.rows:
        view.add_row(*(escape(cell(row[p])) for p in positions))
    console = Console()
    if not console.is_terminal:  # a pipe or a file is read in an editor, wider than 80 columns
        console = Console(width=_PIPE_WIDTH)
    console.print(view)
    err.print(f"{len(table.rows)} row{'s' if len(table.rows) != 1 else ''}")
    return None


def write(text: str, output: Path | None) -> None:
    from communique.cli.output import write_atomically

    if output is None:
        typer.echo(text, nl=False)
    else:
        write_atomically(output, text)
