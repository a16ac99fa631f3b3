"""The lists as an analyst uses them: a total, CSV and JSON links that hold every row of the
filter, filters that take names and say when a value names nothing, facets whose counts are what
their links list, sortable columns, and a 422 for a parameter no page or endpoint knows."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from io import StringIO
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from communique.web import api, deps, pages
from communique.web.app import create_app

LISTS = ["documents", "events", "agreements", "commitments", "actors"]


@pytest.fixture(scope="module")
def client(web_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(str(web_db))) as found:
        yield found


def _page(client: TestClient, url: str, status: int = 200) -> Any:
    response = client.get(url)
    assert response.status_code == status, response.text[:2000]
    return lxml.html.fromstring(response.text)


def _total(page: Any) -> int:
    return int(page.xpath('string(//p[@class="list-total"]/strong)').split()[0])


def _link(page: Any, text: str) -> str:
    links = page.xpath(f'//p[@class="list-total"]/a[text()="{text}"]/@href')
    assert len(links) == 1, f"no {text} link"
    return str(links[0])


@pytest.mark.parametrize("kind", LISTS)
def test_the_export_links_hold_every_row_of_the_filter(
    client: TestClient, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(deps, "EXPORT_BATCH", 2)  # many batches, from a store of a few rows
    for query in ("", "?country=Kazakhstan"):
        page = _page(client, f"/{kind}{query}")
        total = _total(page)
        assert total > 2
        response = client.get(_link(page, "CSV"))
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/csv")
        assert response.content.startswith(b"\xef\xbb\xbf")  # the BOM spreadsheets need
        rows = list(csv.DictReader(StringIO(response.content.decode("utf-8-sig"))))
        assert len(rows) == total
        items = json.loads(client.get(_link(page, "JSON")).text)
        assert len(items) == total
        assert [str(i[next(iter(rows[0]))] or "") for i in items] == [
            r[next(iter(rows[0]))] for r in rows
        ]


def test_the_total_is_the_rows_of_every_page(client: TestClient) -> None:
    page = _page(client, "/events")
    shown = len(page.xpath('//table[contains(@class, "events")]/tbody/tr'))
    assert _total(page) == shown  # the sample store's events fit one page
    home = _page(client, "/")
    cards = {
        str(card.xpath("string(.//span[@class='label'])")): int(
            card.xpath("string(.//span[@class='number'])")
        )
        for card in home.xpath('//li[@class="card"]')
    }
    for kind in LISTS:
        assert cards[kind] == _total(_page(client, f"/{kind}")), kind


def test_a_country_by_name_in_three_languages(client: TestClient) -> None:
    by_code = client.get("/api/events", params={"country": "KZ", "limit": 500}).json()["items"]
    assert by_code
    for name in ("Казахстан", "Казахстана", "Қазақстан", "Kazakhstan"):
        by_name = client.get("/api/events", params={"country": name, "limit": 500}).json()
        assert by_name["items"] == by_code, name
    page = _page(client, "/events?country=Kazakhstan")
    assert _total(page) == len(by_code)


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("/events?country=Kazakstan", "no such country"),
        ("/api/events?country=Atlantis", "no such country"),
        ("/events?topic=basket+weaving", "no such topic"),
        ("/agreements?status=finished", "agreements have status"),
        ("/actors?kind=animal", "an actor is a person"),
        ("/events?sort=evidence", "events sort by"),
    ],
)
def test_an_unknown_value_says_so(client: TestClient, url: str, says: str) -> None:
    response = client.get(url)
    assert response.status_code == 422
    assert says in response.text


def test_a_topic_in_any_language(client: TestClient) -> None:
    items = client.get("/api/events", params={"topic": "legislation", "limit": 500}).json()
    assert items["items"]
    for name in ("Legislation", "законодательство", "Заңнама"):
        response = client.get("/api/events", params={"topic": name, "limit": 500})
        assert response.json()["items"] == items["items"], name


def _example_path(route: APIRoute) -> str:
    values = {"document_id": "senate-kz-mongolia.ru", "actor_key": "x", "pair": "KZ-MN",
              "output_format": "csv"}  # fmt: skip
    path = route.path
    for name, value in values.items():
        path = path.replace(f"{{{name}:path}}", value).replace(f"{{{name}}}", value)
    return path


def test_an_unknown_parameter_is_a_422_everywhere(client: TestClient) -> None:
    routes = [
        route
        for route in [*api.router.routes, *pages.router.routes]
        if isinstance(route, APIRoute) and "GET" in route.methods
    ]
    checked = 0
    for route in routes:
        path = _example_path(route)
        if path.startswith(("/docs", "/redoc", "/openapi")) or "{" in path:
            continue
        response = client.get(path, params={"contry": "KZ"})
        assert response.status_code == 422, path
        assert "contry" in response.text, path
        checked += 1
    assert checked >= 20


def test_facets_count_what_their_links_list(client: TestClient) -> None:
    page = _page(client, "/events")
    facets = page.xpath('//section[@class="facet"]')
    assert {f.get("aria-label") for f in facets} >= {"country", "type", "status", "year"}
    for facet in facets:
        for item in facet.xpath(".//li[a]")[:3]:
            count = int(item.xpath("string(span[@class='count'])"))
            assert _total(_page(client, item.xpath("string(a/@href)"))) == count


def test_columns_sort_both_ways(client: TestClient) -> None:
    page = _page(client, "/events")
    link = page.xpath('//th/a[@class="sort"][starts-with(., "Type")]/@href')[0]
    assert "sort=type" in link
    rising = _page(client, link)
    chips = [
        str(c)
        for c in rising.xpath(
            '//table[contains(@class, "events")]//span[contains(@class, "type-chip")]/text()'
        )
    ]
    assert chips == sorted(chips) and len(set(chips)) > 1
    falling_link = rising.xpath('//th/a[@class="sort"][starts-with(., "Type")]/@href')[0]
    assert "sort=-type" in falling_link
    falling = _page(client, falling_link)
    chips = [
        str(c)
        for c in falling.xpath(
            '//table[contains(@class, "events")]//span[contains(@class, "type-chip")]/text()'
        )
    ]
    assert chips == sorted(chips, reverse=True)


def test_a_headline_is_never_the_photo_credit(client: TestClient) -> None:
    # The founding sample release opens with «Фото: Сенат РК» above its text.
    page = _page(client, "/documents")
    link = page.xpath('//a[@class="document-link"][@href="/documents/senate-kz-mongolia.ru"]')[0]
    assert link.text_content().startswith("Маулен Ашимбаев подчеркнул")
    document = _page(client, "/documents/senate-kz-mongolia.ru")
    assert "Фото" not in document.xpath("string(//h1)")
