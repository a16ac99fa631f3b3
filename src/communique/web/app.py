"""The dashboard: `create_app(target)` builds the FastAPI application behind `communique serve`.

The REST API lives under /api/ (its OpenAPI document at /openapi.json, the docs at /docs), the
server-rendered pages at /, their CSS and JavaScript under /static/. The database is opened once
when the app is made (so a wrong --db fails at once, and migrations run before the first
request); each request then gets a connection of its own (web/database.py).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import duckdb
import psycopg
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from communique import __version__
from communique.store.backends import StoreError, WriteConflict
from communique.store.filters import FilterError
from communique.store.questions import NotFound
from communique.store.reviews import ReviewError
from communique.store.target import parse_target
from communique.web import api, docs, pages
from communique.web.control import ControlServer, socket_path
from communique.web.database import Database
from communique.web.headers import SecurityHeaders, security_headers
from communique.web.rendering import error_page, is_api, public_message, validation_message
from communique.web.sessions import Sessions

STATIC_DIR = Path(__file__).parent / "static"
DATABASE_FAILED = (
    "the database could not be read: its file may be damaged (the server's log has the details)"
)
log = logging.getLogger(__name__)

DESCRIPTION = """\
Events, agreements, commitments, actors and topics extracted from diplomatic and parliamentary
releases, each tied to the sentence that states it, and analysts' reviews of them.

Reads are public. Writing a review needs a token (`communique token create NAME`), sent as
`Authorization: Bearer <token>`. List endpoints take `limit` (at most 500) and `offset`, and
answer JSON, or CSV with `?format=csv` or `Accept: text/csv`. Filters are those of
`communique query`; a filter of the wrong shape is a 422 whose `detail` says what is expected.
"""


def create_app(target: str | None = None, *, token_control: bool = False) -> FastAPI:
    """The dashboard and API on the database `target` names (a DuckDB path or a
    postgresql:// URL, as `communique --db` takes; None: the default database).

    `token_control`: while the app runs, `communique token ...` on the same DuckDB file is
    carried out by the app (web/control.py), since the file cannot be opened twice."""
    database = Database(parse_target(target))
    path = socket_path(database.target) if token_control else None
    control = ControlServer(database, path) if path is not None else None

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        database.open()
        if control is not None:
            control.start()
        try:
            yield
        finally:
            if control is not None:
                control.stop()
            database.close()

    app = FastAPI(
        title="Communique",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        openapi_tags=api.TAGS,
        docs_url=None,  # web/docs.py serves them without a CDN or an inline script
        redoc_url=None,
    )
    app.state.database = database
    app.state.sessions = Sessions()
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.mount(docs.ASSETS_URL, StaticFiles(directory=docs.ASSETS_DIR), name="docs-assets")
    app.include_router(api.router)
    app.include_router(docs.router)
    app.include_router(pages.router)
    app.add_middleware(SecurityHeaders)
    _handle_errors(app)
    return app


def _handle_errors(app: FastAPI) -> None:
    """Every error is a 4xx with a message: JSON {"detail": ...} under /api/, a page elsewhere."""

    def answer(request: Request, status: int, detail: str, headers: dict | None = None) -> Response:
        if is_api(request):
            return JSONResponse({"detail": detail}, status_code=status, headers=headers)
        return error_page(request, status, detail, headers)

    @app.exception_handler(FilterError)
    async def filter_error(request: Request, error: FilterError) -> Response:
        return answer(request, 422, public_message(str(error)))

    @app.exception_handler(NotFound)
    async def not_found(request: Request, error: NotFound) -> Response:
        return answer(request, 404, str(error))

    @app.exception_handler(ReviewError)
    async def review_error(request: Request, error: ReviewError) -> Response:
        return answer(request, error.http_status, str(error))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> Response:
        return answer(request, 422, validation_message(error))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        return answer(request, error.status_code, str(error.detail), dict(error.headers or {}))

    @app.exception_handler(WriteConflict)
    async def write_conflict(request: Request, error: WriteConflict) -> Response:
        return answer(
            request, 409, "another change to the same facts was saved at the same moment: try again"
        )

    @app.exception_handler(StoreError)
    async def store_error(request: Request, error: StoreError) -> Response:
        log.error("store error on %s: %s", request.url.path, error)
        return answer(request, 503, f"the database could not answer: {error}")

    @app.exception_handler(duckdb.Error)
    @app.exception_handler(psycopg.errors.DataCorrupted)
    @app.exception_handler(psycopg.errors.IndexCorrupted)
    async def database_failed(request: Request, error: Exception) -> Response:
        # A damaged file (a block whose checksum fails), an invalidated DuckDB database, an I/O
        # error: the database, not the request, is at fault. Bad SQL is a bug: a 500.
        if isinstance(error, duckdb.ProgrammingError):
            return await unexpected(request, error)
        log.error("the database failed on %s: %s", request.url.path, error)
        return answer(request, 503, DATABASE_FAILED)

    @app.exception_handler(psycopg.OperationalError)
    async def connection_lost(request: Request, error: psycopg.OperationalError) -> Response:
        # The pool checks its connections before lending them: the next request reconnects.
        log.error("database connection lost on %s: %s", request.url.path, error)
        return answer(request, 503, "the database connection was lost: try again")

    @app.exception_handler(Exception)
    async def unexpected(request: Request, error: Exception) -> Response:
        # A bug, not bad input: logged with its traceback, answered without internals.
        log.exception("unexpected error on %s", request.url.path, exc_info=error)
        # Answered outside the middleware (Starlette's last resort): the headers are added here.
        return answer(
            request,
            500,
            "internal error: this request could not be answered",
            security_headers(request.url.path),
        )
