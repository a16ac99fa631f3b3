"""Hostile input to the API and the pages: each is refused with a specific 4xx and a `detail`
that says what was wrong, never a 500, and never acted upon.

SQL-ish strings in filters, 10 kB query strings, NUL bytes, odd and invalid Unicode, path
traversal in ids, bodies that are not JSON or not the right JSON, wrong content types, and
missing, unknown, malformed or revoked tokens. The fuzzing in test_openapi_fuzz.py covers the
schema at random; these are the cases an attacker or a careless client tries first.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from httpx2 import Response

from communique.store import open_store

from .conftest import post_form

DOCUMENT = "senate-kz-mongolia.ru"  # a bundled sample (samples/senate-kz-mongolia.ru.txt)
REVIEWS = f"/api/documents/{DOCUMENT}/reviews"
CONFIRM = {"fact": "event", "fact_id": "e0", "action": "confirm"}
SQL = "' OR 1=1 --"


@pytest.fixture(scope="module")
def client(web_app: Any) -> Iterator[TestClient]:
    # A server error is a response to look at (status 500), not an exception in the test.
    with TestClient(web_app.app, raise_server_exceptions=False, follow_redirects=False) as c:
        yield c


@pytest.fixture(scope="module")
def auth(web_app: Any) -> dict[str, str]:
    return {"Authorization": f"Bearer {web_app.token}"}


def expect(response: Response, status: int, *fragments: str) -> dict[str, Any]:
    """`response` has `status` and a JSON `detail` holding every fragment (any case)."""
    assert response.status_code == status, (response.status_code, response.text[:500])
    body = response.json()
    detail = body.get("detail")
    assert isinstance(detail, str) and detail, body
    for fragment in fragments:
        assert fragment.lower() in detail.lower(), (fragment, detail)
    return body


def counts(client: TestClient) -> dict[str, int]:
    return client.get("/api/statistics").json()["counts"]


# --- SQL in filters: data, never code -----------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "status", "fragment"),
    [
        (f"/api/events?country={SQL}", 422, "ISO 3166 alpha-2"),
        ("/api/events?country=KZ'--", 422, "ISO 3166 alpha-2"),
        ("/api/events?type=CONSULT' OR '1'='1", 422, "PLOVER type"),
        ("/api/events?since=2016' OR 1=1", 422, "not a date"),
        ("/api/events?cameo=04'; DROP TABLE events; --", 422, "CAMEO"),
        ("/api/events?topic=trade' UNION SELECT * FROM api_tokens --", 422, "topic"),
        ("/api/events?status=signed; DROP TABLE events", 422, "status"),
    ],
)
def test_sql_in_a_typed_filter_is_422(
    client: TestClient, url: str, status: int, fragment: str
) -> None:
    expect(client.get(url), status, fragment)


@pytest.mark.parametrize(
    "url",
    [
        f"/api/events?actor={quote(SQL)}",
        f"/api/agreements?actor={quote(SQL)}",
        f"/api/search?q={quote(SQL)}",
        "/api/search?q=%25",  # LIKE's wildcards are literal characters
        "/api/search?q=_",
        f"/api/reviews?author={quote(SQL)}",
        f"/api/reviews?document_id={quote(SQL)}",
    ],
)
def test_sql_in_a_text_filter_matches_nothing(client: TestClient, url: str) -> None:
    before = counts(client)
    response = client.get(url)
    assert response.status_code == 200, response.text[:500]
    assert response.json()["items"] == []  # `OR 1=1` would have returned every row
    assert counts(client) == before


# --- long query strings -------------------------------------------------------------------------


def test_10kb_filter_value_is_422(client: TestClient) -> None:
    expect(client.get("/api/events", params={"actor": "x" * 10_000}), 422, "actor", "200")


def test_10kb_search_is_422(client: TestClient) -> None:
    # 5,000 Cyrillic letters: 10 kB of UTF-8, 90 kB percent-encoded.
    expect(client.get("/api/search", params={"q": "я" * 5_000}), 422, "1 to 1000 characters")


def test_10kb_of_repeated_parameters(client: TestClient) -> None:
    expect(client.get("/api/events?" + "&".join(["country=KZ"] * 1_000)), 422, "country")
    response = client.get("/api/events?" + "&".join(f"actor=x{i}" for i in range(1_500)))
    assert response.status_code == 200  # a repeated single-valued parameter: the last one counts


def test_10kb_header_is_ignored(client: TestClient) -> None:
    assert client.get("/api/events", headers={"X-Padding": "x" * 10_000}).status_code == 200


def test_10kb_page_search_is_a_422_page(client: TestClient) -> None:
    response = client.get("/search", params={"q": "x" * 10_000})
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("text/html")


# --- NUL bytes and control characters -----------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "status", "fragment"),
    [
        ("/api/events?actor=%00", 422, "control characters"),
        ("/api/search?q=%00", 422, "control characters"),
        ("/api/search?q=a%00b", 422, "control characters"),
        ("/api/documents/%00", 404, "no document"),
        ("/api/records/%00", 404, "no document"),
        ("/api/actors/%00", 404, "no actor"),
        ("/api/documents/%00/reviews", 404, "no document"),
    ],
)
def test_nul_byte(client: TestClient, url: str, status: int, fragment: str) -> None:
    expect(client.get(url), status, fragment)


def test_nul_in_reviews_filter_finds_nothing(client: TestClient) -> None:
    for url in ("/api/reviews?author=%00", "/api/reviews?document_id=a%00b"):
        response = client.get(url)
        assert response.status_code == 200 and response.json()["items"] == [], url


def test_nul_in_review_body_is_422(client: TestClient, auth: dict[str, str]) -> None:
    body = {**CONFIRM, "fact_id": "e0\x00"}
    expect(client.post(REVIEWS, json=body, headers=auth), 422, "control characters")
    body = {**CONFIRM, "reason": "ok\x00"}
    expect(client.post(REVIEWS, json=body, headers=auth), 422, "control characters")
    body = {"fact": "event", "fact_id": "e0", "action": "correct", "changes": {"mode": "\x00"}}
    expect(client.post(REVIEWS, json=body, headers=auth), 422, "control characters")


# --- odd and invalid Unicode --------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "\u202eevil\u202c",  # right-to-left override
        "e\u0301\u0301\u0301",  # stacked combining accents
        "😀👩‍👩‍👧",  # astral plane and a zero-width-joiner sequence
        "\ufeff\u200b",  # byte order mark, zero-width space
        "Ⅻ ﬁ Ǆ",  # compatibility characters that NFKC would change
    ],
)
def test_odd_unicode_in_filters(client: TestClient, value: str) -> None:
    for url in ("/api/events", "/api/search", "/api/actors"):
        response = client.get(url, params={"actor" if url != "/api/search" else "q": value})
        assert response.status_code == 200, (url, response.text[:300])
    response = client.get(f"/api/documents/{quote(value, safe='')}")
    expect(response, 404, "no document")


@pytest.mark.parametrize("escaped", ["%ED%A0%80", "%FF%FE", "%C0%AF", "%E2%82"])
def test_invalid_utf8_in_urls(client: TestClient, escaped: str) -> None:
    # A lone surrogate, bytes that are never UTF-8, an overlong '/', a truncated sequence.
    assert client.get(f"/api/events?actor={escaped}").status_code == 200
    assert client.get(f"/api/search?q={escaped}").status_code == 200
    expect(client.get(f"/api/documents/{escaped}"), 404, "no document")
    assert client.get(f"/documents/{escaped}").status_code == 404


def test_invalid_utf8_body_is_4xx(client: TestClient, auth: dict[str, str]) -> None:
    response = client.post(
        REVIEWS, content=b"\xff\xfe{", headers={**auth, "Content-Type": "application/json"}
    )
    assert 400 <= response.status_code < 500, response.text[:300]
    assert response.json()["detail"]


# --- path traversal in ids ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "fragment"),
    [
        ("/api/documents/..%2F..%2Fetc%2Fpasswd", "no document '../../etc/passwd'"),
        ("/api/records/..%2F..%2Fetc%2Fpasswd", "no document"),
        ("/api/documents/%2E%2E%2F%2E%2E%2Fcommunique.duckdb", "no document"),
        ("/api/actors/..%2F..%2F..", "no actor"),
        ("/api/documents/..%5C..%5Cwindows%5Cwin.ini", "no document"),
    ],
)
def test_traversal_in_an_id_is_an_unknown_id(client: TestClient, url: str, fragment: str) -> None:
    expect(client.get(url), 404, fragment)


@pytest.mark.parametrize(
    "url",
    [
        "/static/../app.py",
        "/static/%2e%2e/app.py",
        "/static/..%2Fapp.py",
        "/static/..%2F..%2Fstore%2Ftokens.py",
        "/static/%2e%2e%2f%2e%2e%2fpyproject.toml",
        "/api/pairs/..%2F..",
        "/pairs/..%2F..",
    ],
)
def test_traversal_never_serves_a_file(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 404, (url, response.status_code)
    assert "create_app" not in response.text and "token_hash" not in response.text


def test_traversal_in_a_review_target(client: TestClient, auth: dict[str, str]) -> None:
    url = "/api/documents/..%2F..%2Fetc/reviews"
    expect(client.post(url, json=CONFIRM, headers=auth), 404, "no document")


# --- bodies that are not the right JSON ---------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        (b"{", "JSON decode error"),
        (b'{"fact": "event",}', "JSON decode error"),
        (b"[]", "valid dictionary"),
        (b'"confirm"', "valid dictionary"),
        (b"null", "valid dictionary"),
        (b"", "body: field required"),
        (b'{"fact": "event", "fact_id": "e0", "action": "confirm", "admin": true}', "extra"),
        (b'{"fact": "event", "fact_id": "e0", "action": "delete"}', "action"),
        (b'{"fact": "paragraph", "fact_id": "e0", "action": "confirm"}', "fact"),
        (b'{"fact": "event", "fact_id": ["e0"], "action": "confirm"}', "fact_id"),
        (b'{"fact": "event", "fact_id": "e0", "action": "correct", "changes": [1]}', "changes"),
        (b'{"fact": "event", "fact_id": "e0", "action": "confirm", "reason": 7}', "reason"),
    ],
)
def test_bad_json_body_is_422(
    client: TestClient, auth: dict[str, str], body: bytes, fragment: str
) -> None:
    headers = {**auth, "Content-Type": "application/json"}
    expect(client.post(REVIEWS, content=body, headers=headers), 422, fragment)


def test_oversized_fields_are_422(client: TestClient, auth: dict[str, str]) -> None:
    body = {**CONFIRM, "reason": "x" * 100_000}
    expect(client.post(REVIEWS, json=body, headers=auth), 422, "reason", "at most")
    body = {**CONFIRM, "fact_id": "e" * 1_000}
    expect(client.post(REVIEWS, json=body, headers=auth), 422, "fact_id", "at most")
    changes = {f"f{i}": "x" for i in range(100)}
    body = {"fact": "event", "fact_id": "e0", "action": "correct", "changes": changes}
    expect(client.post(REVIEWS, json=body, headers=auth), 422, "changes")


def test_deeply_nested_json_is_4xx(client: TestClient, auth: dict[str, str]) -> None:
    # Deeper than Python's recursion limit: the JSON parser gives up, the server must not.
    body = b"[" * 100_000 + b"]" * 100_000
    headers = {**auth, "Content-Type": "application/json"}
    response = client.post(REVIEWS, content=body, headers=headers)
    assert response.status_code in (400, 422), response.text[:300]
    assert response.json()["detail"]


@pytest.mark.parametrize(
    "content_type",
    ["text/plain", "application/x-www-form-urlencoded", "application/xml", "image/png", None],
)
def test_wrong_content_type_is_422(
    client: TestClient, auth: dict[str, str], content_type: str | None
) -> None:
    headers = dict(auth)
    if content_type:
        headers["Content-Type"] = content_type
    content = b'{"fact": "event", "fact_id": "e0", "action": "confirm"}'
    if content_type == "application/x-www-form-urlencoded":
        content = b"fact=event&fact_id=e0&action=confirm"
    response = client.post(REVIEWS, content=content, headers=headers)
    expect(response, 422, "valid dictionary")


# --- tokens -------------------------------------------------------------------------------------


def _unauthorized(response: Response, fragment: str) -> None:
    expect(response, 401, fragment)
    assert response.headers["www-authenticate"] == "Bearer"


def test_missing_token_is_401(client: TestClient) -> None:
    _unauthorized(client.post(REVIEWS, json=CONFIRM), "token is required")


@pytest.mark.parametrize(
    ("authorization", "fragment"),
    [
        ("Bearer not-a-token", "unknown or revoked"),
        ("Bearer " + "x" * 10_000, "unknown or revoked"),
        (f"Bearer {SQL}", "unknown or revoked"),
        ("Bearer a\tb", "unknown or revoked"),
        ("Bearer", "token is required"),  # no credentials after the scheme
        ("Basic YW5hbHlzdDpzZWNyZXQ=", "token is required"),  # another scheme
        ("Token abc", "token is required"),
    ],
)
def test_unknown_or_malformed_token_is_401(
    client: TestClient, authorization: str, fragment: str
) -> None:
    response = client.post(REVIEWS, json=CONFIRM, headers={"Authorization": authorization})
    _unauthorized(response, fragment)


def test_token_checked_before_body_fields(client: TestClient) -> None:
    # A stranger's invalid review is a 401 too: fields are judged only for a known author.
    body = {"fact": "nonsense", "action": "explode", "extra": 1}
    response = client.post(REVIEWS, json=body, headers={"Authorization": "Bearer nope"})
    _unauthorized(response, "unknown or revoked")


def test_cookie_is_no_api_token(client: TestClient, web_app: Any) -> None:
    # The API takes the header only: a page's cookie cannot be replayed cross-site as a write.
    client.cookies.set("communique_token", web_app.token)
    try:
        _unauthorized(client.post(REVIEWS, json=CONFIRM), "token is required")
    finally:
        client.cookies.clear()


def test_revoked_token_is_401(client: TestClient, web_app: Any) -> None:
    from communique.store.tokens import create_token, revoke_token

    # The app holds the DuckDB file open; this process may open it again (same instance).
    with open_store(str(web_app.db)) as store:
        token = create_token(store, "revoked-analyst")
    headers = {"Authorization": f"Bearer {token}"}
    assert client.post(REVIEWS, json=CONFIRM, headers=headers).status_code == 201
    with open_store(str(web_app.db)) as store:
        assert revoke_token(store, "revoked-analyst")
    _unauthorized(client.post(REVIEWS, json=CONFIRM, headers=headers), "unknown or revoked")


# --- unknown targets, invalid corrections -------------------------------------------------------


def test_unknown_document_or_fact_is_404(client: TestClient, auth: dict[str, str]) -> None:
    expect(client.post("/api/documents/nope/reviews", json=CONFIRM, headers=auth), 404, "nope")
    body = {**CONFIRM, "fact_id": "e999"}
    expect(client.post(REVIEWS, json=body, headers=auth), 404, "e999")


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ({"fact": "event", "action": "correct", "changes": {"date": "2016-02-30"}}, "date"),
        ({"fact": "event", "action": "correct", "changes": {"date": "tomorrow"}}, "date"),
        ({"fact": "event", "action": "correct", "changes": {"type": "DROP"}}, "type"),
        ({"fact": "event", "action": "correct", "changes": {"cameo": "9999999"}}, "cameo"),
        ({"fact": "event", "action": "correct", "changes": {"source": "a1,../x"}}, "source"),
        ({"fact": "event", "action": "correct", "changes": {"start": "1"}}, "start"),
        ({"fact": "event", "action": "correct", "changes": {"": "x"}}, "field name"),
        ({"fact": "event", "action": "correct", "changes": {}}, "correct needs"),
        ({"fact": "actor", "action": "correct", "changes": {"country": "ZZZ"}}, "country"),
        ({"fact": "actor", "action": "correct", "changes": {"name": ""}}, "name"),
    ],
)
def test_invalid_correction_is_422(
    client: TestClient, auth: dict[str, str], body: dict[str, Any], fragment: str
) -> None:
    body = {**body, "fact_id": "e0" if body["fact"] == "event" else "a0"}
    expect(client.post(REVIEWS, json=body, headers=auth), 422, fragment)


@pytest.mark.parametrize(
    "changes",
    [
        {"type": "CONSULT", "start": -5, "end": 10},
        {"type": "CONSULT", "start": 0, "end": 10**12},
        {"type": "CONSULT", "start": 50, "end": 10},
        {"type": "CONSULT", "start": "abc", "end": "10"},
        {"type": "CONSULT", "start": "1e3", "end": "2e3"},
        {"type": "CONSULT"},
    ],
)
def test_added_fact_with_bad_span_is_422(
    client: TestClient, auth: dict[str, str], changes: dict[str, Any]
) -> None:
    body = {"fact": "event", "action": "add", "changes": changes}
    expect(client.post(REVIEWS, json=body, headers=auth), 422, "start")


# --- query parameters of the wrong shape --------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "fragment"),
    [
        ("/api/events?limit=0", "limit"),
        ("/api/events?limit=501", "limit"),
        ("/api/events?limit=abc", "limit"),
        ("/api/events?limit=1e3", "limit"),
        ("/api/events?limit=99999999999999999999999", "limit"),
        ("/api/events?offset=-1", "offset"),
        ("/api/events?format=xml", "format"),
        ("/api/events?since=2016-13", "not a date"),
        ("/api/events?all_sources=maybe", "all_sources"),
        ("/api/reviews?fact=paragraph", "fact"),
        ("/api/search", "q"),
        ("/api/search?q=", "1 to 1000 characters"),
    ],
)
def test_wrong_shape_parameter_is_422(client: TestClient, url: str, fragment: str) -> None:
    expect(client.get(url), 422, fragment)


@pytest.mark.parametrize("pair", ["KZ-KZ", "ZZ-QQ", "KZ", "KZ-MN-RU", "K1-MN", "%00-KZ"])
def test_bad_pair_is_404(client: TestClient, pair: str) -> None:
    expect(client.get(f"/api/pairs/{pair}"), 404, "country pair")


def test_wrong_method_and_unknown_path(client: TestClient, auth: dict[str, str]) -> None:
    expect(client.delete("/api/events"), 405, "method not allowed")
    expect(client.put(REVIEWS, json=CONFIRM, headers=auth), 405, "method not allowed")
    expect(client.get("/api/nope"), 404, "not found")


# --- pages --------------------------------------------------------------------------------------

XSS = "<script>alert(1)</script>"


@pytest.mark.parametrize(
    "url",
    [
        f"/search?q={quote(XSS)}",
        f"/events?actor={quote(XSS)}",
        f"/documents/{quote(XSS, safe='')}",
        f"/actors/{quote(XSS, safe='')}",
        f"/pairs/{quote(XSS, safe='')}",
        f"/login?next={quote(XSS)}",
    ],
)
def test_pages_escape_what_they_echo(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code in (200, 404, 422), response.status_code
    assert response.headers["content-type"].startswith("text/html")
    assert XSS not in response.text


@pytest.mark.parametrize(
    "target",
    ["https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)"],
)
def test_login_never_redirects_off_site(client: TestClient, web_app: Any, target: str) -> None:
    try:
        response = post_form(client, "/login", data={"token": web_app.token, "next": target})
        assert response.status_code == 303
        assert response.headers["location"] == "/"
    finally:
        client.cookies.clear()


def test_login_with_unknown_token_is_401(client: TestClient) -> None:
    response = post_form(client, "/login", data={"token": "nope", "next": "/"})
    assert response.status_code == 401
    assert "set-cookie" not in response.headers


def test_page_review_needs_a_valid_cookie(client: TestClient) -> None:
    client.cookies.clear()
    form = {"fact": "event", "fact_id": "e0", "action": "confirm"}
    for cookie in (None, "bogus"):
        if cookie:
            client.cookies.set("communique_session", cookie)
        try:
            response = post_form(client, f"/documents/{DOCUMENT}/reviews", data=form)
        finally:
            client.cookies.clear()
        assert response.status_code == 303, (cookie, response.status_code)
        assert response.headers["location"].startswith("/login?next="), cookie
