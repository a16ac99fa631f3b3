"""The store's commands: ingest, reprocess, query, sql, export, load, review, reviews, token,
actor (merge, split).
`register` adds them to the app."""

from __future__ import annotations

from collections.abc import Callable

import typer

from communique.cli.export import export
from communique.cli.ingest import ingest, reprocess
from communique.cli.load import load
from communique.cli.query import query_app
from communique.cli.review import actor_app, review, reviews, token_app
from communique.cli.sql import sql


def _help(command: Callable[..., None]) -> str:
    # Typer keeps the line breaks it is given: a docstring's wrapping would show in --help.
    return " ".join((command.__doc__ or "").split())


def register(app: typer.Typer) -> None:
    app.command(help=_help(ingest))(ingest)
    app.command(help=_help(reprocess))(reprocess)
    app.add_typer(query_app, name="query", help="Ask the store: events, actors, agreements...")
    app.command(help=_help(sql))(sql)
    app.command(help=_help(export))(export)
    app.command(help=_help(load))(load)
    app.command(help=_help(review))(review)
    app.command(help=_help(reviews))(reviews)
    app.add_typer(token_app, name="token")
    app.add_typer(actor_app, name="actor")
