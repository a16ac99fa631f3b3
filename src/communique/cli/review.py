"""`communique review`, `communique reviews` and `communique token`: analysts' corrections from
the command line, their audit trail, and the API tokens that sign corrections made on the web."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer

from communique.cli.common import (
    DbOption,
    TableFormat,
    database,
    err,
    fail,
    opened,
    render,
    write,
)
from communique.store.actor_identity import IDENTITY, merge_actors, split_actor
from communique.store.queries import Table
from communique.store.reviews import ACTIONS, CORRECTABLE, FACTS, ReviewError, history
from communique.store.reviews import record_review as record
from communique.store.target import parse_target
from communique.store.tokens import TokenError, create_token, revoke_token, token_names

token_app = typer.Typer(no_args_is_help=True, help="API tokens: who may write reviews.")

_TRAIL_COLUMNS = [
    "id", "created_at", "author", "document_id", "fact", "fact_id", "action", "changes",
    "before", "reason", "attached_to",
]  # fmt: skip


def review(
    ctx: typer.Context,
    document: Annotated[str, typer.Argument(help="the document's id in the store")],
    fact: Annotated[str, typer.Option("--fact", help=f"one of {', '.join(FACTS)}")],
    action: Annotated[str, typer.Option("--action", help=f"one of {', '.join(ACTIONS)}")],
    author: Annotated[str, typer.Option("--author", help="who reviews (the audit trail)")],
    fact_id: Annotated[
        str | None, typer.Option("--id", help="the fact's id (not for --action add)")
    ] = None,
    changes: Annotated[
        list[str] | None,
        typer.Option("--set", help="FIELD=VALUE, repeatable (correct and add)"),
    ] = None,
    reason: Annotated[str | None, typer.Option("--reason", help="why")] = None,
    db: DbOption = None,
) -> None:
    """Confirm, correct, reject or add a fact of a stored document. The change is written to
    the fact and to the audit trail (`communique reviews`), and survives `communique
    reprocess`. Correctable fields:"""
    values = {}
    for item in changes or []:
        name, sep, value = item.partition("=")
        if not sep:
            fail(f"--set {item!r}: expected FIELD=VALUE", 2)
        values[name.strip()] = value
    with opened(ctx, db) as store:
        try:
            done = record(
                store, document_id=document, fact=fact, fact_id=fact_id, action=action,
                author=author, changes=values, reason=reason,
            )  # fmt: skip
        except ReviewError as error:
            fail(str(error), error.exit_code)
            return
    err.print(f"review {done.id}: {done.action} {done.fact} {done.fact_id} in {document}")


review.__doc__ = (review.__doc__ or "") + "; ".join(
    f"{fact}: {', '.join(fields)}" for fact, fields in CORRECTABLE.items()
)


actor_app = typer.Typer(
    no_args_is_help=True,
    help="Merge two actors that are one person, or split one that is two (reviews).",
)


@actor_app.command("merge")
def merge_actor(
    ctx: typer.Context,
    actor: Annotated[str, typer.Argument(help="the actor merged away: its actor_key or name")],
    into: Annotated[str, typer.Argument(help="the actor it is: its actor_key or name")],
    author: Annotated[str, typer.Option("--author", help="who reviews (the audit trail)")],
    reason: Annotated[str | None, typer.Option("--reason", help="why")] = None,
    db: DbOption = None,
) -> None:
    """ACTOR is INTO: its rows take INTO's actor_key in every document (its names are kept), in
    the audit trail and through `communique reprocess`. Undone by `actor split`."""
    with opened(ctx, db) as store:
        try:
            done = merge_actors(store, actor_key=actor, into=into, author=author, reason=reason)
        except ReviewError as error:
            fail(str(error), error.exit_code)
            return
    err.print(f"review {done.id}: merged {done.fact_id} into {done.attached_to}")


@actor_app.command("split")
def split_actor_command(
    ctx: typer.Context,
    actor: Annotated[str, typer.Argument(help="the actor split: its actor_key or name")],
    documents: Annotated[
        list[str], typer.Argument(help="the documents whose mentions are another person")
    ],
    author: Annotated[str, typer.Option("--author", help="who reviews (the audit trail)")],
    reason: Annotated[str | None, typer.Option("--reason", help="why")] = None,
    db: DbOption = None,
) -> None:
    """ACTOR's rows in DOCUMENTS (and their stories' other versions) become a new actor, whose
    actor_key is printed; kept through `communique reprocess`. Undone by `actor merge`."""
    with opened(ctx, db) as store:
        try:
            done = split_actor(
                store, actor_key=actor, documents=documents, author=author, reason=reason
            )
        except ReviewError as error:
            fail(str(error), error.exit_code)
            return
    err.print(f"review {done.id}: split {done.fact_id}")
    write(f"{done.attached_to}\n", None)


def reviews(
    ctx: typer.Context,
    document: Annotated[str | None, typer.Option("--document", help="one document")] = None,
    author: Annotated[str | None, typer.Option("--author")] = None,
    fact: Annotated[
        str | None,
        typer.Option("--fact", help=f"one of {', '.join([*FACTS, 'document', IDENTITY])}"),
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="taken on this day (YYYY-MM-DD) or later")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", help="taken on this day or earlier")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, max=100_000)] = 100,
    output_format: Annotated[TableFormat, typer.Option("--format", "-f")] = TableFormat.TABLE,
    db: DbOption = None,
) -> None:
    """The audit trail of reviews, newest first: who changed which fact, when, why, and what it
    said before. `attached_to` is the fact the review applies to now (empty once a re-extraction
    no longer finds its fact)."""
    with opened(ctx, db) as store:
        try:
            trail = history(
                store, document_id=document, author=author, fact=fact, since=since,
                until=until, limit=limit,
            )  # fmt: skip
        except ReviewError as error:
            fail(str(error), error.exit_code)
            return
    rows = []
    for item in trail:
        values = item.as_dict()
        for name in ("changes", "before"):
            values[name] = json.dumps(values[name], ensure_ascii=False) if values[name] else ""
        rows.append([values[c] for c in _TRAIL_COLUMNS])
    rendered = render(Table(list(_TRAIL_COLUMNS), rows), output_format)
    if rendered is not None:
        write(rendered, None)


def _through_server(ctx: typer.Context, db: str | None, command: str, name: str | None) -> Any:
    """The result of a token command carried out by the `communique serve` that holds the
    database (web/control.py), or NO_SERVER when none does."""
    from communique.web.control import ControlError, ask

    try:
        return ask(parse_target(database(ctx, db)), command, name)
    except ControlError as error:
        fail(str(error), error.exit_code)


@token_app.command("create")
def token_create(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="who the token is for: the author of its reviews")],
    db: DbOption = None,
) -> None:
    """Create an API token and print it (only the token, on stdout; it is shown this once).
    Works while `communique serve` runs on the database."""
    from communique.web.control import NO_SERVER

    token = _through_server(ctx, db, "create", name)
    if token is NO_SERVER:
        with opened(ctx, db) as store:
            try:
                token = create_token(store, name)
            except TokenError as error:
                fail(str(error), error.exit_code)
                return
    typer.echo(token)
    err.print(f"token for {name}: send it as 'Authorization: Bearer <token>' or log in with it")


@token_app.command("revoke")
def token_revoke(
    ctx: typer.Context, name: Annotated[str, typer.Argument()], db: DbOption = None
) -> None:
    """Revoke NAME's token; its past reviews keep their author. Works while `communique serve`
    runs on the database: the token is refused from its next request on."""
    from communique.web.control import NO_SERVER

    if _through_server(ctx, db, "revoke", name) is NO_SERVER:
        with opened(ctx, db) as store:
            if not revoke_token(store, name):
                fail(f"{name!r} has no live token", 2)
    err.print(f"revoked {name}")


@token_app.command("list")
def token_list(ctx: typer.Context, db: DbOption = None) -> None:
    """Token names, when made, and when revoked (never the tokens)."""
    from communique.web.control import NO_SERVER

    names = _through_server(ctx, db, "list", None)
    if names is NO_SERVER:
        with opened(ctx, db) as store:
            names = [list(t) for t in token_names(store)]
    render(Table(["name", "created_at", "revoked_at"], names), TableFormat.TABLE)
