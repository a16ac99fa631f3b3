"""`communique query events|actors|agreements|commitments|search`."""

from __future__ import annotations

from collections.abc import Callable
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
    LanguageOption,
    SinceOption,
    SourceOption,
    StatusOption,
    TableFormat,
    TopicOption,
    TypeOption,
    UndatedOption,
    UntilOption,
    fail,
    filters_or_exit,
    opened,
    render,
    write,
)
from communique.store.backends import StoreError
from communique.store.filters import FilterError
from communique.store.queries import run

query_app = typer.Typer(no_args_is_help=True)
_SEARCH_HELP = (
    "Documents with every word of TEXT in any form (or TEXT as written) in their text or title, "
    "the most relevant first, with a snippet."
)

# The columns a terminal table shows; JSON and CSV carry them all.
TABLE_COLUMNS: dict[str, list[str]] = {
    "events": ["date", "type", "cameo", "status", "source", "target", "trigger_text",
               "review", "document_id", "sources"],
    "actors": ["name", "kind", "country", "names", "documents", "last_seen", "positions"],
    "agreements": ["date", "title", "kind", "status", "parties", "countries", "review",
                   "document_id", "sources"],
    "commitments": ["date", "kind", "who", "to", "what", "by", "event_type", "review",
                    "document_id"],
    "search": ["date", "document_id", "headline", "publisher", "relevance", "snippet"],
}  # fmt: skip

FormatOption = Annotated[TableFormat, typer.Option("--format", "-f")]
OutputOption = Annotated[Path | None, typer.Option("--output", "-o", help="write here")]
LimitOption = Annotated[
    int, typer.Option("--limit", "-n", min=1, max=1_000_000_000, help="at most this many rows")
]


def _answer(
    ctx: typer.Context,
    kind: str,
    db: str | None,
    output_format: TableFormat,
    output: Path | None,
    limit: int,
    text: str = "",
    **filter_values: object,
) -> None:
    filters = filters_or_exit(**filter_values)
    with opened(ctx, db) as store:
        try:
            table = run(store, kind, filters, limit=limit, text=text)
        except FilterError as error:
            fail(str(error), USAGE_EXIT_CODE)
            return
        except Exception as error:  # a database error is reported, not a traceback
            fail(f"query failed: {error}", StoreError.exit_code)
            return
    rendered = render(table, output_format, TABLE_COLUMNS[kind])
    if rendered is not None:
        write(rendered, output)


def _command(kind: str, doc: str) -> Callable[..., None]:
    def command(
        ctx: typer.Context,
        country: CountryOption = None,
        actor: ActorOption = None,
        event_type: TypeOption = None,
        cameo: CameoOption = None,
        topic: TopicOption = None,
        since: SinceOption = None,
        until: UntilOption = None,
        status: StatusOption = None,
        source: SourceOption = None,
        language: LanguageOption = None,
        undated: UndatedOption = False,
        all_sources: AllSourcesOption = False,
        include_rejected: IncludeRejectedOption = False,
        include_inferred: IncludeInferredOption = False,
        limit: LimitOption = 50,
        output_format: FormatOption = TableFormat.TABLE,
        output: OutputOption = None,
        db: DbOption = None,
    ) -> None:
        _answer(
            ctx, kind, db, output_format, output, limit, countries=country, actor=actor,
            event_type=event_type, cameo=cameo, topic=topic, since=since, until=until,
            status=status, source=source, language=language, undated=undated,
            all_sources=all_sources, include_rejected=include_rejected,
            include_inferred=include_inferred,
        )  # fmt: skip

    command.__doc__ = doc
    return command


def _help(doc: str | None) -> str:
    return " ".join((doc or "").split())


query_app.command("events")(
    _command("events", "PLOVER/CAMEO events, newest first, once per story.")
)
query_app.command("actors")(
    _command("actors", "People, organisations and countries, by the number of documents.")
)
query_app.command("agreements")(
    _command("agreements", "Agreements: signed, ratified, planned, mentioned.")
)
query_app.command("commitments")(
    _command("commitments", "Intents, promises, invitations, proposals, agreed next steps.")
)


@query_app.command("search", help=_help(_SEARCH_HELP))
def search(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(help="words to find in texts and titles (any case)")],
    country: CountryOption = None,
    actor: ActorOption = None,
    topic: TopicOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    status: StatusOption = None,
    source: SourceOption = None,
    language: LanguageOption = None,
    undated: UndatedOption = False,
    all_sources: AllSourcesOption = False,
    limit: LimitOption = 50,
    output_format: FormatOption = TableFormat.TABLE,
    output: OutputOption = None,
    db: DbOption = None,
) -> None:
    _answer(
        ctx, "search", db, output_format, output, limit, text=text, countries=country,
        actor=actor, topic=topic, since=since, until=until, status=status, source=source,
        language=language, undated=undated, all_sources=all_sources,
    )  # fmt: skip
