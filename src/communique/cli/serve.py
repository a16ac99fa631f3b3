"""`communique serve`: the dashboard and the REST API on one database."""

from __future__ import annotations

from typing import Annotated

import typer

from communique.cli.common import DbOption, database, fail
from communique.store.backends import StoreError

HostOption = Annotated[
    str, typer.Option("--host", help="address to listen on; 0.0.0.0 opens it to the network")
]
PortOption = Annotated[int, typer.Option("--port", min=1, max=65535, help="TCP port")]


def serve(
    ctx: typer.Context,
    db: DbOption = None,
    host: HostOption = "127.0.0.1",
    port: PortOption = 8000,
) -> None:
    """Serve the analyst's dashboard and the REST API (/api/, docs at /docs)."""
    import uvicorn

    from communique.web.app import create_app

    try:
        app = create_app(database(ctx, db), token_control=True)
    except StoreError as error:
        fail(str(error), error.exit_code)
        return
    shown = f"[{host}]" if ":" in host else host  # an IPv6 address in a URL is bracketed
    typer.echo(f"Communique dashboard: http://{shown}:{port}/")
    # One process: DuckDB lets one process open the database for writing (reviews write).
    uvicorn.run(app, host=host, port=port, log_level="info")
