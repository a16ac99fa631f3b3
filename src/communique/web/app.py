"""The dashboard: `create_app(target)` builds the FastAPI application behind `communique serve`.

The REST API lives under /api/ (its OpenAPI document at /openapi.json, the docs at /docs), the
server-rendered pages at /, their CSS and JavaScript under /static/. The store is opened once when
the app is made (so a wrong --db fails at once, and migrations run before the first request),
then once more per worker thread: a Store is one connection, not to be shared between threads.
"""

from __future__ import annotations

import logging
import secrets
import threading
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
from communique.store.backends import PostgresBackend, StoreError, connect
from communique.store.filters import FilterError
from communique.store.reviews import ReviewError
from communique.store.store import Store, open_store
from communique.store.target import Target, parse_target
from communique.web import api, docs, pages
from communique.web.headers import SecurityHeaders, security_headers
from communique.web.rendering import error_page, is_api, public_message, validation_message
from communique.web.sessions import Sessions
from communique.web.views import NotFound

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


class Stores:
    """One Store per thread, all on the same database; closed together when the app stops."""

    def __init__(self, target: Target) -> None:
        if target.kind == "duckdb" and target.location == ":memory:":
            # Each connection to ":memory:" is a database of its own; a named in-memory database
            # is one database that every thread's connection shares.
            target = Target("duckdb", f":memory:communique-{secrets.token_hex(8)}")
        self.target = target
        self._local = threading.local()
        self._lock = threading.Lock()
        # Opened (and migrated) here, in the thread that makes the app, and kept open: a DuckDB
        # database then stays loaded between requests instead of being reopened by each thread.
        self._opened: list[Store] = [open_store(target)]

    def get(self) -> Store:
        store: Store | None = getattr(self._local, "store", None)
        if store is not None and _lost(store):
            # A PostgreSQL server restarted since: this thread connects again.
            with self._lock:
                self._opened = [s for s in self._opened if s is not store]
            store = None
        if store is None:
            store = Store(connect(self.target), self.target)
            with self._lock:
                self._opened.append(store)
            self._local.store = store
        return store

    def close(self) -> None:
        with self._lock:
            opened, self._opened = self._opened, []
        for store in opened:
            try:
                store.close()
            except Exception:  # closing at shutdown: nothing left to do about a failure
                log.debug("closing a store failed", exc_info=True)
        self._local = threading.local()


def _lost(store: Store) -> bool:
    """Whether the store's PostgreSQL connection is closed or broken (a DuckDB one never is)."""
    if not isinstance(store.backend, PostgresBackend):
        return False
    connection = store.backend.raw_connection()
    return bool(connection.closed or connection.broken)


def create_app(target: str | None = None) -> FastAPI:
    """The dashboard and API on the database `target` names (a DuckDB path or a
    postgresql:// URL, as `communique --db` takes; None: the default database)."""
    stores = Stores(parse_target(target))

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        stores.close()

    app = FastAPI(
        title="Communique",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        openapi_tags=api.TAGS,
        docs_url=None,  # web/docs.py serves them without a CDN or an inline script
        redoc_url=None,
    )
    app.state.stores = stores
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
        # The thread's connection is reopened on its next request (Stores.get).
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
