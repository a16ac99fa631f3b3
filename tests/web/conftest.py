"""Fixtures of the dashboard's tests: the sample store, a live server, a browser page.

- `web_db`: one DuckDB file per test session, filled with the bundled samples through the
  pipeline exactly as `communique ingest samples/*.txt samples/*.jsonl` fills it. It is the only
  pipeline run of the web tests (the models take seconds to load, the samples ~10 s to process),
  so tests must not write to it: take `web_db_copy` (or copy_db) for a store of your own.
- `web_app`: `create_app(<copy of web_db>)` (per module) with a token, for TestClient and
  schemathesis tests that need no socket.
- `postgres_copy`: the sample records in a fresh schema of $COMMUNIQUE_TEST_PG, as a --db URL.
- `serving(target)`: uvicorn serving `create_app(target)` in a thread, as a context manager.
- `live_server`: uvicorn serving `create_app(<copy of web_db>)` in a thread on 127.0.0.1, with a
  token for author "analyst".
- `browser_page`: a Playwright page on Debian's Chromium (scripts/chromium.sh installs it); the
  browser is started once per session, each test gets a fresh context (no cookies, no storage).
- `screenshot_dir`: out/test-output/screenshots under the repository root.

Outside CI a missing Chromium or web app skips the browser tests with the reason; in CI (env CI
set) it fails them, so a broken setup cannot pass as green.
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import httpx2
import psycopg
import pytest

from communique.cli.ingest import DEFAULT_MAX_BYTES
from communique.ingest import split_results
from communique.pipeline import Pipeline
from communique.store import open_store
from communique.store.ingest import ingest, new_documents
from communique.store.sources import read_sources
from communique.web.chromium import CHROMIUM, CHROMIUM_ARGS

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
# The files `make demo` ingests (samples/README.md is no sample).
SAMPLE_FILES = sorted([*SAMPLES.glob("*.txt"), *SAMPLES.glob("*.jsonl")])
SCREENSHOTS = ROOT / "out" / "test-output" / "screenshots"
TOKEN_AUTHOR = "analyst"
# How long a server may take to answer its first request: seconds on 2 busy shared cores.
STARTUP_SECONDS = 30.0


def _unavailable(reason: str) -> NoReturn:
    """Skip outside CI; in CI a missing prerequisite is a broken setup, so fail."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set: a missing prerequisite fails the run)")
    pytest.skip(reason)


# What a browser sends as `Origin` with a form post to the TestClient's site.
TEST_ORIGIN = "http://testserver"


def csrf_token(client: Any) -> str:
    """The CSRF token the forms of the client's pages carry: its session's when signed in,
    else the sign-in form's (whose cookie the client keeps)."""
    import lxml.html

    page = lxml.html.fromstring(client.get("/login").text)
    token = str(page.xpath('string(//input[@name="csrf_token"]/@value)'))
    assert token, "the sign-in page has no CSRF token"
    return token


def post_form(client: Any, path: str, data: dict[str, str] | None = None, **options: Any) -> Any:
    """`data` posted as a browser posts a page's form: with the page's CSRF token, from this
    site's origin."""
    headers = {"Origin": TEST_ORIGIN, **options.pop("headers", {})}
    return client.post(
        path, data={"csrf_token": csrf_token(client), **(data or {})}, headers=headers, **options
    )


def copy_db(source: Path, target: Path) -> Path:
    """Copy a closed DuckDB store (its WAL too, should one be left) to `target`."""
    shutil.copyfile(source, target)
    wal = source.with_name(source.name + ".wal")
    if wal.exists():
        shutil.copyfile(wal, target.with_name(target.name + ".wal"))
    return target


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Path:
    """The bundled samples ingested into a DuckDB file, once per session. Read-only by
    convention: copy it (web_db_copy, copy_db) before writing."""
    path = tmp_path_factory.mktemp("web-db") / "samples.duckdb"
    # The functions `communique ingest` runs, in its order: read, drop stored texts, extract+store.
    documents, read_failures = split_results(
        read_sources([str(f) for f in SAMPLE_FILES], max_bytes=DEFAULT_MAX_BYTES)
    )
    assert not read_failures, [failure.describe() for failure in read_failures]
    with open_store(str(path)) as store:
        fresh, _ = new_documents(store, documents)
        summary = ingest(store, pipeline, fresh)
    assert not summary.failures, [failure.describe() for failure in summary.failures]
    assert summary.stored > 0, "no sample was stored"
    return path


@pytest.fixture
def web_db_copy(web_db: Path, tmp_path: Path) -> Path:
    """A private copy of the sample store that a test may write to."""
    return copy_db(web_db, tmp_path / "store.duckdb")


def create_token(db: Path, name: str = TOKEN_AUTHOR) -> str:
    """A token for `name` in the store at `db`, written through a connection closed again before
    the app opens its own."""
    from communique.store.tokens import create_token as create

    with open_store(str(db)) as store:
        return create(store, name)


@dataclass(frozen=True)
class WebApp:
    app: Any  # the FastAPI application
    db: Path  # its own copy of web_db
    token: str  # a live token of author TOKEN_AUTHOR


@pytest.fixture(scope="module")
def web_app(web_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebApp]:
    """The app on a copy of the sample store shared by one module's tests (their reviews
    accumulate in it), with a token of author "analyst"."""
    from fastapi.testclient import TestClient

    from communique.web.app import create_app

    db = copy_db(web_db, tmp_path_factory.mktemp("web-app") / "app.duckdb")
    token = create_token(db)
    app = create_app(str(db))
    # The lifespan's shutdown closes the app's store connections when the module is done.
    with TestClient(app):
        yield WebApp(app=app, db=db, token=token)


@dataclass(frozen=True)
class LiveServer:
    url: str  # http://127.0.0.1:PORT, no trailing slash
    db: Path  # the server's own copy of web_db
    token: str  # a live token of author TOKEN_AUTHOR


class _Server:
    """uvicorn in a background thread, on a socket bound before it starts (no port race)."""

    def __init__(self, app: Any) -> None:
        import uvicorn

        self.socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.socket.bind(("127.0.0.1", 0))
        self.port: int = self.socket.getsockname()[1]
        # lifespan "auto": an app without startup/shutdown handlers still serves.
        config = uvicorn.Config(app, log_level="warning", lifespan="auto", access_log=False)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(
            target=self.server.run, kwargs={"sockets": [self.socket]}, daemon=True
        )

    def start(self) -> None:
        self.thread.start()
        url = f"http://127.0.0.1:{self.port}/openapi.json"
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if not self.thread.is_alive():
                raise RuntimeError("uvicorn stopped while starting: see the captured log")
            try:
                httpx2.get(url, timeout=2.0)
                return  # any answer, even an error page, means it serves
            except httpx2.TransportError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"the web app did not answer on port {self.port} in {STARTUP_SECONDS}s")

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.socket.close()


@pytest.fixture
def postgres_copy(web_db: Path) -> Iterator[str]:
    """The sample records copied into a fresh schema of $COMMUNIQUE_TEST_PG (which `make test`
    and CI set), as a --db URL; skipped without one, failing in CI."""
    url = os.environ.get("COMMUNIQUE_TEST_PG")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("CI runs the web API on PostgreSQL too: set $COMMUNIQUE_TEST_PG")
        pytest.skip("$COMMUNIQUE_TEST_PG is not set: no PostgreSQL to compare with")
    schema = f"web_{secrets.token_hex(6)}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in url else "?"
    target = f"{url}{separator}options=-csearch_path%3D{schema}"
    try:
        with open_store(str(web_db)) as source, open_store(target) as copy:
            for document_id in source.document_ids():
                copy.add(source.load(document_id))
        yield target
    finally:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


@contextmanager
def serving(target: str, *, token_control: bool = False) -> Iterator[str]:
    """The dashboard on `target` (a DuckDB path or a PostgreSQL URL) served by uvicorn on a
    loopback port, as its base URL, for as long as the block runs; `token_control` as
    `communique serve` has it (token commands carried out by the server)."""
    from communique.web.app import create_app

    server = _Server(create_app(target, token_control=token_control))
    server.start()
    try:
        yield f"http://127.0.0.1:{server.port}"
    finally:
        server.stop()


@pytest.fixture
def live_server(web_db: Path, tmp_path: Path) -> Iterator[LiveServer]:
    """The dashboard on a private copy of the sample store, per test: a test's reviews never
    show up in another's pages (copying and starting take a fraction of a second)."""

    db = copy_db(web_db, tmp_path / "live.duckdb")
    token = create_token(db)
    with serving(str(db)) as url:
        yield LiveServer(url=url, db=db, token=token)


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


@pytest.fixture(scope="session")
def _browser() -> Iterator[Browser]:
    """One Chromium per session: starting it takes ~1 s, a fresh context per test ~10 ms."""
    if not CHROMIUM.exists():
        _unavailable(f"no Chromium at {CHROMIUM}: run `bash scripts/chromium.sh install` as root")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        _unavailable(f"Playwright is not installed ({error}): run `make install`")
    try:
        import communique.web.app  # noqa: F401  (a browser test without the app has nothing to load)
    except ImportError as error:
        _unavailable(f"the web app cannot be imported: {error}")
    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
            )
        except Exception as error:  # Playwright's Error: a Chromium that cannot start
            _unavailable(f"Chromium at {CHROMIUM} did not start: {error}")
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def browser_page(_browser: Browser) -> Iterator[Page]:
    """A page in a fresh browser context: its own cookies, storage and cache."""
    context = _browser.new_context(locale="ru-RU", viewport={"width": 1280, "height": 900})
    # Playwright waits 30 s by default; 20 s is still far above a page load here (~0.2 s) on 2
    # busy shared cores, and a broken selector fails sooner.
    context.set_default_timeout(20_000)
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()
