"""Merging and splitting actors through the API and the actor page (store/actor_identity.py):
a token or a signed-in analyst, clear refusals, and every read sees the result."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import lxml.html
import pytest
from fastapi.testclient import TestClient

from communique.store import open_store
from communique.store.tokens import create_token
from communique.web.app import create_app

from .conftest import post_form


@pytest.fixture(params=["duckdb", "postgresql"])
def writer(request: pytest.FixtureRequest) -> Iterator[tuple[TestClient, dict[str, str]]]:
    """The API on a private copy of the sample store, on DuckDB and on PostgreSQL, and the
    headers of a valid token."""
    if request.param == "duckdb":
        target = str(request.getfixturevalue("web_db_copy"))
    else:
        target = request.getfixturevalue("postgres_copy")
    with open_store(target) as store:
        token = create_token(store, "analyst")
    with TestClient(create_app(target)) as client:
        yield client, {"Authorization": f"Bearer {token}"}


def _persons(client: TestClient) -> list[dict[str, Any]]:
    """The sample store's persons named in more than one story, most named first."""
    response = client.get("/api/actors", params={"kind": "person", "limit": 500})
    assert response.status_code == 200, response.text
    return response.json()["items"]


def _url(key: str, suffix: str = "") -> str:
    return f"/api/actors/{quote(key, safe='')}{suffix}"


def _two_persons(client: TestClient) -> tuple[dict[str, Any], dict[str, Any]]:
    persons = _persons(client)
    assert len(persons) >= 2
    return persons[0], persons[1]


def test_merge_and_split_through_the_api(writer: tuple[TestClient, dict[str, str]]) -> None:
    client, auth = writer
    kept, merged = _two_persons(client)
    documents = client.get(_url(merged["actor_key"])).json()["documents"]
    body = {"action": "merge", "into": kept["name"], "reason": "one person"}
    assert client.post(_url(merged["actor_key"], "/reviews"), json=body).status_code == 401
    response = client.post(_url(merged["actor_key"], "/reviews"), json=body, headers=auth)
    assert response.status_code == 201, response.text
    review = response.json()
    assert (review["fact"], review["action"], review["author"]) == ("identity", "merge", "analyst")
    assert review["attached_to"] == kept["actor_key"]
    profile = client.get(_url(kept["actor_key"])).json()
    assert {kept["name"], merged["name"]} <= set(profile["names"])
    assert set(documents) <= set(profile["documents"])
    gone = client.get(_url(merged["actor_key"]))
    assert gone.status_code == 404 and f"merged into {kept['actor_key']!r}" in gone.text
    # The page of the actor merged away leads to the one it is now.
    moved = client.get(_page_url(merged["actor_key"]), follow_redirects=False)
    assert moved.status_code == 303 and moved.headers["location"] == _page_url(kept["actor_key"])
    keys = [a["actor_key"] for a in _persons(client)]
    assert keys.count(kept["actor_key"]) == 1 and merged["actor_key"] not in keys
    trail = client.get("/api/reviews", params={"fact": "identity"}).json()["items"]
    assert [r["id"] for r in trail] == [review["id"]]

    # Undone by a split of the documents the merge brought in.
    split = client.post(
        _url(kept["actor_key"], "/reviews"),
        json={"action": "split", "documents": documents, "reason": "undo"},
        headers=auth,
    )
    assert split.status_code == 201, split.text
    new_key = split.json()["attached_to"]
    assert sorted(client.get(_url(new_key)).json()["documents"]) == sorted(documents)
    assert not set(documents) & set(client.get(_url(kept["actor_key"])).json()["documents"])


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        ({"action": "merge", "into": "SELF"}, 422, "is this actor itself"),
        ({"action": "merge", "into": "Никто Никакой"}, 404, "into: no actor"),
        ({"action": "split", "documents": []}, 422, "name the documents"),
        ({"action": "split", "documents": ["no-such-document"]}, 422, "does not name this actor"),
        ({"action": "rename", "into": "x"}, 422, "action"),
    ],
)
def test_a_refused_actor_review_says_why(
    writer: tuple[TestClient, dict[str, str]], body: dict[str, Any], status: int, message: str
) -> None:
    client, auth = writer
    actor = _persons(client)[0]
    if body.get("into") == "SELF":
        body = {**body, "into": actor["actor_key"]}
    response = client.post(_url(actor["actor_key"], "/reviews"), json=body, headers=auth)
    assert response.status_code == status, response.text
    assert message in str(response.json()["detail"])
    assert client.get("/api/reviews", params={"fact": "identity"}).json()["items"] == []


def test_an_unknown_actor_is_404(writer: tuple[TestClient, dict[str, str]]) -> None:
    client, auth = writer
    response = client.post(
        _url("person:nobody at all", "/reviews"),
        json={"action": "merge", "into": _persons(client)[0]["actor_key"]},
        headers=auth,
    )
    assert response.status_code == 404 and "no actor" in response.json()["detail"]


@pytest.fixture
def signed_in(web_db_copy: Path) -> Iterator[TestClient]:
    with open_store(str(web_db_copy)) as store:
        token = create_token(store, "analyst")
    with TestClient(create_app(str(web_db_copy))) as client:
        response = post_form(client, "/login", data={"token": token}, follow_redirects=False)
        assert response.status_code == 303
        yield client


def _page_url(key: str) -> str:
    return f"/actors/{quote(key, safe='')}"


def test_merge_and_undo_on_the_actor_page(signed_in: TestClient) -> None:
    kept, merged = _two_persons(signed_in)
    page = lxml.html.fromstring(signed_in.get(_page_url(merged["actor_key"])).text)
    assert kept["name"] in page.xpath('//datalist[@id="merge-choices"]/option/@value')
    response = post_form(
        signed_in,
        _page_url(merged["actor_key"]) + "/reviews",
        data={"action": "merge", "into": kept["name"], "reason": "one person"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"] == _page_url(kept["actor_key"])
    page = lxml.html.fromstring(signed_in.get(_page_url(kept["actor_key"])).text)
    (note,) = page.xpath('//ul[contains(@class, "identity-reviews")]/li')
    assert merged["name"] in note.text_content() and "one person" in note.text_content()
    # The undo button splits the merged documents off again.
    (undo,) = note.xpath(".//form")
    fields = {
        name: [str(i.get("value")) for i in undo.xpath(f'.//input[@name="{name}"]')]
        for name in ("action", "documents", "reason")
    }
    response = post_form(
        signed_in,
        _page_url(kept["actor_key"]) + "/reviews",
        data={"action": "split", "documents": fields["documents"], "reason": fields["reason"][0]},
        follow_redirects=False,
    )
    assert response.status_code == 303
    documents = signed_in.get(_url(kept["actor_key"])).json()["documents"]
    assert not set(fields["documents"]) & set(documents)


def test_a_refused_merge_keeps_what_was_typed(signed_in: TestClient) -> None:
    actor = _persons(signed_in)[0]
    response = post_form(
        signed_in,
        _page_url(actor["actor_key"]) + "/reviews",
        data={"action": "merge", "into": "Никто Никакой", "reason": "typed reason"},
    )
    assert response.status_code == 404
    page = lxml.html.fromstring(response.text)
    assert "into: no actor" in page.xpath('string(//p[@role="alert"])')
    assert page.xpath('//input[@name="into"]/@value') == ["Никто Никакой"]
    assert "typed reason" in page.xpath('//input[@name="reason"]/@value')


def test_a_signed_out_merge_goes_to_login(web_db_copy: Path) -> None:
    with TestClient(create_app(str(web_db_copy))) as client:
        actor = _persons(client)[0]
        page = lxml.html.fromstring(client.get(_page_url(actor["actor_key"])).text)
        assert page.xpath('//section[@id="identity"]//form') == []
        assert "Sign in" in page.xpath('string(//section[@id="identity"]//p[@class="notice"])')
        response = post_form(
            client,
            _page_url(actor["actor_key"]) + "/reviews",
            data={"action": "merge", "into": "x"},
            follow_redirects=False,
        )
        assert response.status_code == 303 and response.headers["location"].startswith("/login")


# --- the audit trail page ------------------------------------------------------------------------


def test_the_trail_page_shows_names_and_filters(writer: tuple[TestClient, dict[str, str]]) -> None:
    client, auth = writer
    kept, merged = _two_persons(client)
    response = client.post(
        _url(merged["actor_key"], "/reviews"),
        json={"action": "merge", "into": kept["actor_key"]},
        headers=auth,
    )
    assert response.status_code == 201, response.text
    page = lxml.html.fromstring(client.get("/reviews", params={"fact": "identity"}).text)
    (row,) = page.xpath('//table[contains(@class, "reviews")]/tbody/tr')
    links = row.xpath('.//a[@class="actor-link"]')
    # Each actor by the names it is written as.
    assert len(links) == 2
    assert merged["name"] in links[0].text_content() and kept["name"] in links[1].text_content()
    assert "{" not in row.text_content()  # no JSON
    assert "across documents" in row.text_content()
    for params in ({"fact": "event"}, {"since": "2999-01-01"}, {"document": "no-such"}):
        page = lxml.html.fromstring(client.get("/reviews", params=params).text)
        assert "match these filters" in page.xpath("string(//table/tbody)")
    refused = client.get("/reviews", params={"until": "2025-02-30"})
    assert refused.status_code == 422 and "no such day" in refused.text
    api = client.get("/api/reviews", params={"fact": "identity", "until": "2000-01-01"})
    assert api.status_code == 200 and api.json()["items"] == []
    assert client.get("/api/reviews", params={"since": "soon"}).status_code == 422
