"""The pages against an attacker and a broken database: sessions that never hold the token,
CSRF tokens and Origin checks on every form post, security headers on every answer, no inline
script or style, HEAD wherever GET, links only for http(s) URLs, and 503 for a damaged file."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import lxml.html
import pytest
from fastapi.testclient import TestClient

from communique.store import open_store
from communique.store.tokens import create_token, revoke_token
from communique.web.app import create_app
from communique.web.sessions import Sessions

from .conftest import TEST_ORIGIN, csrf_token, post_form

SENATE = "senate-kz-mongolia.ru"
REVIEW = f"/documents/{SENATE}/reviews"
CONFIRM = {"fact": "event", "fact_id": "e0", "action": "confirm"}


@dataclass
class Site:
    client: TestClient
    db: Path
    token: str

    def reviews(self) -> int:
        return len(self.client.get(f"/api/documents/{SENATE}/reviews").json()["items"])

    def sign_in(self) -> None:
        response = post_form(self.client, "/login", {"token": self.token}, follow_redirects=False)
        assert response.status_code == 303, response.text[:300]

    def user(self) -> str:
        page = lxml.html.fromstring(self.client.get("/").text)
        return " ".join(page.xpath("string(//div[@class='session'])").split())


@pytest.fixture
def site(web_db_copy: Path) -> Iterator[Site]:
    with open_store(str(web_db_copy)) as store:
        token = create_token(store, "analyst")
    with TestClient(create_app(str(web_db_copy))) as client:
        yield Site(client, web_db_copy, token)


# --- sessions -----------------------------------------------------------------------------------


def test_the_session_cookie_holds_a_random_id_never_the_token(site: Site) -> None:
    response = post_form(site.client, "/login", {"token": site.token}, follow_redirects=False)
    assert response.status_code == 303
    cookies = response.headers.get_list("set-cookie")
    assert all(site.token not in cookie for cookie in cookies)
    (session,) = [c for c in cookies if c.startswith("communique_session=")]
    value = session.split(";")[0].split("=", 1)[1]
    assert len(value) >= 40 and value != site.token
    attributes = session.lower()
    assert "httponly" in attributes and "samesite=strict" in attributes
    assert "secure" not in attributes  # plain http: a Secure cookie would never come back
    assert "signed in as analyst" in site.user().lower()
    # Pages carrying the session's CSRF token stay out of shared caches.
    assert site.client.get(f"/documents/{SENATE}").headers["cache-control"] == "no-store"


def test_the_session_cookie_is_secure_under_https(web_db_copy: Path) -> None:
    with open_store(str(web_db_copy)) as store:
        token = create_token(store, "analyst")
    app = create_app(str(web_db_copy))
    with TestClient(app, base_url="https://testserver") as client:
        response = client.post(
            "/login",
            data={"token": token, "csrf_token": csrf_token(client)},
            headers={"Origin": "https://testserver"},
            follow_redirects=False,
        )
        assert response.status_code == 303
        cookies = response.headers.get_list("set-cookie")
        (session,) = [c for c in cookies if c.startswith("communique_session=")]
        assert "; secure" in session.lower()


def test_signing_out_is_a_post_that_ends_the_session_on_the_server(site: Site) -> None:
    site.sign_in()
    stolen = site.client.cookies["communique_session"]
    assert site.client.get("/logout").status_code == 405  # a link or an <img> cannot sign out
    assert "analyst" in site.user()
    out = post_form(site.client, "/logout", follow_redirects=False)
    assert out.status_code == 303
    assert "analyst" not in site.user()
    # The old cookie, replayed, is no session any more: not signed in, no review taken.
    site.client.cookies.set("communique_session", stolen)
    assert "analyst" not in site.user()
    before = site.reviews()
    response = post_form(site.client, REVIEW, CONFIRM, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/login")
    assert site.reviews() == before


def test_revoking_the_token_ends_its_sessions(site: Site) -> None:
    site.sign_in()
    assert "analyst" in site.user()
    # The server's own database, written as `communique token revoke` writes it.
    with open_store(str(site.db)) as store:
        assert revoke_token(store, "analyst")
    assert "analyst" not in site.user()
    before = site.reviews()
    response = post_form(site.client, REVIEW, CONFIRM, follow_redirects=False)
    assert response.headers["location"].startswith("/login")
    assert site.reviews() == before


def test_sessions_expire_and_stay_bounded() -> None:
    now = [1000.0]
    sessions = Sessions(lifetime_seconds=60, max_sessions=3, clock=lambda: now[0])
    first = sessions.start("hash-1")
    assert sessions.get(first.id) == first
    now[0] += 61
    assert sessions.get(first.id) is None and len(sessions) == 0
    made = [sessions.start(f"hash-{i}") for i in range(5)]
    assert len(sessions) == 3  # the oldest ended to make room
    assert sessions.get(made[0].id) is None and sessions.get(made[4].id) == made[4]
    sessions.end(made[4].id)
    assert sessions.get(made[4].id) is None
    assert sessions.get("x" * 10_000) is None and sessions.get(None) is None
    assert len({s.id for s in made} | {s.csrf_token for s in made}) == 10  # all distinct


# --- CSRF and Origin ----------------------------------------------------------------------------


def test_a_review_post_without_the_csrf_token_changes_nothing(site: Site) -> None:
    site.sign_in()
    before = site.reviews()
    headers = {"Origin": TEST_ORIGIN}
    for data in (CONFIRM, {**CONFIRM, "csrf_token": "forged"}, {**CONFIRM, "csrf_token": ""}):
        response = site.client.post(REVIEW, data=data, headers=headers, follow_redirects=False)
        assert response.status_code == 403, data
        assert "security token" in response.text
    assert site.reviews() == before
    assert post_form(site.client, REVIEW, CONFIRM, follow_redirects=False).status_code == 303
    assert site.reviews() == before + 1


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "https://evil.example"},
        {"Origin": "http://testserver.evil.example"},
        {"Origin": "null"},  # a sandboxed frame or a data: page
        {"Referer": "https://evil.example/testserver"},
        {},  # neither: refused, as a forged post would be
    ],
)
def test_a_post_from_another_origin_is_refused(site: Site, headers: dict[str, str]) -> None:
    site.sign_in()
    before = site.reviews()
    data = {**CONFIRM, "csrf_token": csrf_token(site.client)}
    response = site.client.post(REVIEW, data=data, headers=headers, follow_redirects=False)
    assert response.status_code == 403
    assert "another site" in response.text
    assert site.reviews() == before
    login = site.client.post(
        "/login",
        data={"token": site.token, "csrf_token": csrf_token(site.client)},
        headers=headers,
        follow_redirects=False,
    )
    assert login.status_code == 403


def test_a_post_with_this_sites_referer_and_no_origin_is_taken(site: Site) -> None:
    site.sign_in()
    data = {**CONFIRM, "csrf_token": csrf_token(site.client)}
    headers = {"Referer": f"{TEST_ORIGIN}/documents/{SENATE}"}
    response = site.client.post(REVIEW, data=data, headers=headers, follow_redirects=False)
    assert response.status_code == 303


def test_signing_in_needs_the_sign_in_forms_token(site: Site) -> None:
    response = site.client.post(
        "/login",
        data={"token": site.token},
        headers={"Origin": TEST_ORIGIN},
        follow_redirects=False,
    )
    assert response.status_code == 403
    assert "communique_session" not in response.headers.get("set-cookie", "")
    assert "analyst" not in site.user()


# --- headers, inline code, HEAD -----------------------------------------------------------------

PATHS = [
    "/",
    f"/documents/{SENATE}",
    "/pairs/KZ-MN",
    "/network",
    "/login",
    "/docs",
    "/redoc",
    "/api/statistics",
    "/api/events?format=csv",
    "/openapi.json",
    "/static/communique.css",
    "/palette.css",
    "/no-such-page",
    "/api/no-such-endpoint",
]


@pytest.mark.parametrize("path", PATHS)
def test_every_answer_carries_the_security_headers(site: Site, path: str) -> None:
    response = site.client.get(path)
    policy = response.headers["content-security-policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["frame-ancestors"] == "'none'"
    assert directives["script-src"] == "'self'"  # no inline script, no eval
    assert directives["object-src"] == "'none'"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "same-origin"


def test_an_internal_error_carries_them_too(web_db_copy: Path) -> None:
    app = create_app(str(web_db_copy))

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("a bug")

    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/boom")
    assert response.status_code == 500
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"


def test_pages_hold_no_inline_script_handler_or_style(site: Site) -> None:
    site.sign_in()  # the document page then holds every review form
    for path in ("/", f"/documents/{SENATE}", "/pairs/KZ-MN", "/events", "/docs", "/redoc"):
        page = lxml.html.fromstring(site.client.get(path).text)
        scripts = page.xpath("//script")
        assert scripts or path not in ("/", "/docs", "/redoc"), path
        for script in scripts:
            assert script.get("src", "").startswith("/"), (path, lxml.html.tostring(script)[:80])
            assert not (script.text or "").strip(), path
        for element in page.iter():
            handlers = [name for name in element.attrib if name.lower().startswith("on")]
            assert not handlers, (path, element.tag, handlers)
            assert "style" not in element.attrib, (path, element.tag)
        stylesheets = page.xpath("//link[@rel='stylesheet']/@href")
        assert all(href.startswith("/") for href in stylesheets), (path, stylesheets)


def test_the_api_docs_are_served_from_this_server(site: Site) -> None:
    for path in ("/docs", "/redoc"):
        page = lxml.html.fromstring(site.client.get(path).text)
        assets = page.xpath("//script/@src | //link/@href")
        assert assets, path
        for asset in assets:
            assert asset.startswith("/"), asset  # never a CDN
            response = site.client.get(asset)
            assert response.status_code == 200 and len(response.content) > 100, asset


@pytest.mark.parametrize(
    "path",
    ["/", f"/documents/{SENATE}", "/events?country=KZ", "/api/statistics", "/api/events",
     f"/api/documents/{SENATE}", "/docs", "/static/communique.js", "/no-such-page"],
)  # fmt: skip
def test_head_answers_wherever_get_does(site: Site, path: str) -> None:
    got = site.client.get(path)
    head = site.client.head(path)
    assert head.status_code == got.status_code
    assert head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"]
    assert head.headers["content-length"] == str(len(got.content))
    assert head.headers["content-security-policy"] == got.headers["content-security-policy"]


# --- links to source pages ----------------------------------------------------------------------


def test_a_stored_javascript_url_is_never_a_link(web_db_copy: Path) -> None:
    # A store written before ingest checked URLs: the page checks again.
    with open_store(str(web_db_copy)) as store:
        store.backend.execute(
            "UPDATE documents SET url = ? WHERE id = ?", ["javascript:alert(1)", SENATE]
        )
        store.backend.execute(
            "UPDATE documents SET url = ? WHERE id <> ?", ["https://example.org/source", SENATE]
        )
    with TestClient(create_app(str(web_db_copy))) as client:
        page = lxml.html.fromstring(client.get(f"/documents/{SENATE}").text)
        assert not page.xpath("//a[contains(@href, 'javascript')]")
        assert not page.xpath("//a[@class='source-link']")
        other = client.get("/api/documents?limit=50").json()["items"]
        safe = next(d["document_id"] for d in other if d["document_id"] != SENATE)
        page = lxml.html.fromstring(client.get(f"/documents/{safe}").text)
        assert page.xpath("//a[@class='source-link']/@href") == ["https://example.org/source"]


# --- a damaged database -------------------------------------------------------------------------


def test_a_corrupted_database_file_answers_503_with_a_sentence(
    web_db: Path, tmp_path: Path
) -> None:
    db = tmp_path / "damaged.duckdb"
    shutil.copyfile(web_db, db)
    app = create_app(str(db))
    with TestClient(app, raise_server_exceptions=False) as client:
        assert client.get("/api/statistics").status_code == 200
        # Damage the data blocks behind the open database (past the headers and the catalog
        # it has read already): the next reads meet blocks whose checksums fail.
        size = db.stat().st_size
        with db.open("r+b") as file:
            for offset in range(256 * 1024, size, 64 * 1024):
                file.seek(offset)
                file.write(os.urandom(4096))
        answers = {
            path: client.get(path)
            for path in ("/api/documents", "/api/events", "/", "/documents", f"/documents/{SENATE}")
        }
    statuses = {path: response.status_code for path, response in answers.items()}
    assert 503 in statuses.values(), statuses  # the damage was met
    assert set(statuses.values()) <= {200, 503}, statuses  # never a 500
    for path, response in answers.items():
        if response.status_code == 503:
            assert "the database could not be read" in response.text, path
