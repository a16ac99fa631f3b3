"""What the API's endpoints and the pages share: the request's own store connection, the filters
of `communique query` as query parameters, pages, CSV, and who is signed in."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Iterator
from typing import Annotated, Any, Literal

from fastapi import Depends, HTTPException, Query, Request
from fastapi.dependencies.models import Dependant
from fastapi.responses import Response, StreamingResponse
from fastapi.routing import APIRoute
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from communique.export.tables import TEXT_FORMATS
from communique.store.filters import FilterError, Filters, make_filters
from communique.store.queries import ALLOWED, Table
from communique.store.questions import MAX_LIMIT, MAX_OFFSET
from communique.store.store import Store
from communique.store.tokens import authenticate


def get_store(request: Request) -> Iterator[Store]:
    """The request's own connection (web/database.py), closed when the request is done. Every
    dependency of one request that asks for it gets the same Store."""
    with request.app.state.database.connection() as store:
        yield store


StoreDep = Annotated[Store, Depends(get_store)]

# --- pages and formats --------------------------------------------------------------------------

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"rows per page, 1 to {MAX_LIMIT}")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="rows to skip")]
# The text formats of export/tables.py: "json" and "csv".
TextFormatName = Literal[tuple(TEXT_FORMATS)]  # type: ignore[valid-type]
Format = Annotated[
    TextFormatName | None,
    Query(
        alias="format",
        description="json (the default) or csv; `Accept: text/csv` also asks for CSV",
    ),
]
CSV_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {"schema": {"type": "string"}}}}
}


def wants_csv(request: Request, output_format: str | None) -> bool:
    if output_format is not None:
        return output_format == "csv"
    return "text/csv" in request.headers.get("accept", "").lower()


Sorting = Annotated[
    str | None,
    Query(
        alias="sort",
        max_length=40,
        description="a column to sort by, `-column` for descending (the list's columns say which)",
    ),
]
EXPORT_BATCH = 500  # rows fetched per query while an export streams


def export_response(fetch: Callable[[int, int], Table], name: str, output_format: str) -> Response:
    """Every row of a list, streamed in batches of EXPORT_BATCH (`fetch(limit, offset)`): CSV
    for spreadsheets (UTF-8 with a byte order mark, so Excel reads Cyrillic right) or a JSON
    array of objects. Nothing is cut: the file has every row of the filter. The first batch is
    fetched before anything is sent, so a filter the list refuses is a 422, not a broken file."""
    size = EXPORT_BATCH
    batches = _batches(fetch, size, fetch(size, 0))
    text_format = TEXT_FORMATS[output_format]
    return StreamingResponse(
        text_format.stream(batches),
        media_type=text_format.media_type,
        headers={"Content-Disposition": f'attachment; filename="{name}.{text_format.name}"'},
    )


def _batches(fetch: Callable[[int, int], Table], size: int, first: Table) -> Iterator[Table]:
    """`first`, then `fetch(size, offset)` for the next offsets until a batch comes back short."""
    table, offset = first, 0
    while True:
        yield table
        if len(table.rows) < size:
            return
        offset += size
        table = fetch(size, offset)


def csv_response(table: Table, name: str) -> Response:
    """The table as CSV, as `communique query --format csv` writes it (lists joined by ", ")."""
    return Response(
        TEXT_FORMATS["csv"].text(table),
        media_type=TEXT_FORMATS["csv"].media_type,
        headers={"Content-Disposition": f'inline; filename="{name}.csv"'},
    )


# --- filters ------------------------------------------------------------------------------------

# The query parameter for each option of `communique query`, with its OpenAPI description.
_FILTER_PARAMETERS: dict[str, tuple[str, Any]] = {
    "--country": (
        "country",
        Annotated[
            list[str] | None,
            Query(description="ISO alpha-2 code; twice, or KZ-MN, for a pair (both involved)"),
        ],
    ),
    "--actor": (
        "actor",
        Annotated[str | None, Query(description="an actor's name, Latin name or KB id contains")],
    ),
    "--type": ("type", Annotated[str | None, Query(description="PLOVER type, e.g. CONSULT")]),
    "--cameo": (
        "cameo",
        Annotated[str | None, Query(description="CAMEO code or its root: 04, 042")],
    ),
    "--topic": (
        "topic",
        Annotated[str | None, Query(description="topic id or English label, e.g. trade")],
    ),
    "--since": ("since", Annotated[str | None, Query(description="from YYYY[-MM[-DD]]")]),
    "--until": (
        "until",
        Annotated[str | None, Query(description="to YYYY[-MM[-DD]], inclusive")],
    ),
    "--status": (
        "status",
        Annotated[str | None, Query(description="event, agreement or document status")],
    ),
    "--kind": (
        "kind",
        Annotated[
            str | None,
            Query(description="an actor's kind: person, organization, country, city, location"),
        ],
    ),
    "--source": (
        "source",
        Annotated[str | None, Query(description="the publisher, as the source facet names it")],
    ),
    "--language": (
        "language",
        Annotated[str | None, Query(description="the document's language: ru, kk, en")],
    ),
    "--undated": (
        "undated",
        Annotated[
            bool | None,
            Query(description="only what has no date: what a since/until filter leaves out"),
        ],
    ),
}
_EXTRA_PARAMETERS: list[tuple[str, Any]] = [
    (
        "all_sources",
        Annotated[
            bool,
            Query(description="facts of every re-publication, not once per story"),
        ],
    ),
    (
        "include_rejected",
        Annotated[bool, Query(description="also the facts an analyst rejected")],
    ),
    (
        "include_inferred",
        Annotated[
            bool,
            Query(description="also events whose sides the text states elsewhere, not with them"),
        ],
    ),
]


def filters_of(
    allowed: Iterable[str], what: str, *, of_facts: bool = True
) -> Callable[..., Filters]:
    """A dependency reading the filters `allowed` (CLI option names) from the query string of a
    list of `what`; a value of the wrong shape raises FilterError (a 422), and so does a filter
    of `communique query` this list does not take: refused, never silently ignored. `of_facts`:
    the list counts facts, so all_sources, include_rejected and include_inferred apply to it."""
    wanted = set(allowed)
    refused_names = {
        name for option, (name, _) in _FILTER_PARAMETERS.items() if option not in wanted
    }
    parameters = [inspect.Parameter("request", inspect.Parameter.KEYWORD_ONLY, annotation=Request)]
    parameters += [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=kind)
        for option, (name, kind) in _FILTER_PARAMETERS.items()
        if option in wanted
    ]
    if of_facts:
        parameters += [
            inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=False, annotation=kind)
            for name, kind in _EXTRA_PARAMETERS
        ]

    def dependency(request: Request, **values: Any) -> Filters:
        refused = sorted(refused_names & set(request.query_params))
        if refused:
            raise FilterError(f"{', '.join(refused)} cannot filter {what}")
        return make_filters(
            countries=values.get("country") or (),
            actor=values.get("actor"),
            event_type=values.get("type"),
            cameo=values.get("cameo"),
            topic=values.get("topic"),
            since=values.get("since"),
            until=values.get("until"),
            status=values.get("status"),
            kind=values.get("kind"),
            source=values.get("source"),
            language=values.get("language"),
            undated=bool(values.get("undated")),
            all_sources=bool(values.get("all_sources")),
            include_rejected=bool(values.get("include_rejected")),
            include_inferred=bool(values.get("include_inferred")),
        )

    dependency.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    # Read to refuse them with a reason of their own ("--type cannot filter actors").
    dependency.refuses = frozenset(refused_names)  # type: ignore[attr-defined]
    return dependency


def query_filters(kind: str) -> Any:
    """`Depends` on the filters `communique query KIND` takes."""
    return Depends(filters_of(ALLOWED[kind], kind))


# --- unknown parameters ------------------------------------------------------------------------

# Query parameters an endpoint reads from the request itself rather than declares (the pages'
# filter forms), by endpoint function: see `reads_parameters`.
_UNDECLARED: dict[Callable[..., Any], frozenset[str]] = {}


def reads_parameters(*names: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Mark an endpoint as reading the query parameters `names` from the request itself, so that
    `refuse_unknown_parameters` knows them."""

    def mark(endpoint: Callable[..., Any]) -> Callable[..., Any]:
        _UNDECLARED[endpoint] = frozenset(names)
        return endpoint

    return mark


def refuse_unknown_parameters(request: Request) -> None:
    """A query parameter a read does not know is a 422 naming it: a mistyped filter
    (`?contry=KZ`) would otherwise answer every row as if it filtered them."""
    route = request.scope.get("route")
    # Reads only: there a misspelt filter widens the answer. A write is decided by its body and
    # its token (a forged write is a 401 whatever its query string says).
    if not isinstance(route, APIRoute) or request.method not in ("GET", "HEAD"):
        return
    known = set(_query_names(route.dependant))
    known |= _UNDECLARED.get(route.endpoint, frozenset())
    unknown = sorted(name for name in set(request.query_params) - known if name)
    if unknown:
        raise FilterError(
            f"unknown parameter {unknown[0][:40]!r}: this address takes "
            + (", ".join(sorted(known)) or "no parameters")
        )


def _query_names(dependant: Dependant) -> Iterator[str]:
    """The query parameters an endpoint declares, its dependencies' included."""
    yield from (param.alias for param in dependant.query_params)
    yield from getattr(dependant.call, "refuses", ())
    for dependency in dependant.dependencies:
        yield from _query_names(dependency)


# --- who is signed in ---------------------------------------------------------------------------

_bearer = HTTPBearer(
    auto_error=False,
    description="a token from `communique token create NAME`; NAME signs the reviews",
)


def token_author(
    store: StoreDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> str:
    """The author a Bearer token names: 401 when it is missing, unknown or revoked."""
    challenge = {"WWW-Authenticate": "Bearer"}
    if credentials is None:
        raise HTTPException(401, "a token is required: Authorization: Bearer <token>", challenge)
    author = authenticate(store, credentials.credentials)
    if author is None:
        raise HTTPException(401, "unknown or revoked token", challenge)
    return author
