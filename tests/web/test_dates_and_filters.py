"""A date filter says what it leaves out, lists filter by source and language, and the API's JSON
lists carry their total."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from fastapi.testclient import TestClient

from communique.document import Document
from communique.pipeline import Pipeline
from communique.store import open_store
from communique.store.tokens import create_token
from communique.web.app import create_app

from .conftest import post_form

MEETING = "Министр иностранных дел Казахстана провёл переговоры с министром иностранных дел {}."

DATELINE = "Переговоры\n14 февраля 2025 года\n"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Iterator[TestClient]:
    path = tmp_path_factory.mktemp("dates") / "dates.duckdb"
    documents = [
        Document(id="feed", text=MEETING.format("Монголии"), language="ru",
                 published="2024-05-01", source="mfa.kz"),
        Document(id="dateline", text=DATELINE + MEETING.format("Японии"), language="ru",
                 source="akorda.kz"),
        Document(id="undated", text="Визит завершён. " + MEETING.format("Индии"), language="ru",
                 source="akorda.kz"),
    ]  # fmt: skip
    with open_store(str(path)) as store:
        for record in pipeline.process_many(documents):
            store.add(record)
    with TestClient(create_app(str(path))) as found:
        yield found


def _page(client: TestClient, url: str) -> Any:
    response = client.get(url)
    assert response.status_code == 200, response.text[:2000]
    return lxml.html.fromstring(response.text)


def _total(page: Any) -> int:
    return int(page.xpath('string(//p[@class="list-total"]/strong)').split()[0])


def test_a_date_filter_links_to_the_undated_documents_it_leaves_out(client: TestClient) -> None:
    page = _page(client, "/documents?since=2025-01-01")
    assert _total(page) == 1
    note = page.xpath('//p[@class="list-undated"]')
    assert len(note) == 1 and "1 undated document" in note[0].text_content()
    undated = _page(client, note[0].xpath("a/@href")[0])
    assert _total(undated) == 1
    assert undated.xpath('//a[contains(@href, "/documents/undated")]')
    # Without a date filter nothing is left out, so nothing is said.
    assert not _page(client, "/documents").xpath('//p[@class="list-undated"]')


def test_the_document_list_shows_a_date_read_from_the_text(client: TestClient) -> None:
    rows = client.get("/api/documents?source=akorda.kz").json()
    dates = {row["document_id"]: row["date"] for row in rows["items"]}
    assert dates == {"dateline": "2025-02-14", "undated": None}
    assert rows["total"] == 2


def test_source_and_language_filters_and_facet_links(client: TestClient) -> None:
    page = _page(client, "/documents")
    links = page.xpath('//section[@aria-label="source"]//a/@href')
    assert any("source=akorda.kz" in link for link in links)
    assert _total(_page(client, "/documents?source=mfa.kz")) == 1
    assert _total(_page(client, "/documents?language=kk")) == 0
    assert client.get("/documents?language=russian").status_code == 422


def test_api_lists_carry_their_total(client: TestClient) -> None:
    for kind in ("documents", "events", "actors"):
        answer = client.get(f"/api/{kind}?limit=1").json()
        assert answer["total"] >= len(answer["items"])
        every = client.get(f"/api/{kind}?limit=500").json()
        assert answer["total"] == len(every["items"]) == every["total"]


@pytest.fixture
def analyst(tmp_path: Path, pipeline: Pipeline) -> Iterator[TestClient]:
    """An undated release in a store of its own, an analyst signed in."""
    path = tmp_path / "review.duckdb"
    with open_store(str(path)) as store:
        store.add(pipeline.process(Document(id="undated", text=MEETING.format("Индии"))))
        token = create_token(store, "analyst")
    with TestClient(create_app(str(path))) as client:
        response = post_form(client, "/login", data={"token": token, "next": "/"})
        assert response.status_code == 200
        yield client


def test_an_analyst_sets_the_date_on_the_document_page(analyst: TestClient) -> None:
    page = _page(analyst, "/documents/undated")
    form = page.xpath('//details[contains(@class, "document-date")]//form')
    assert len(form) == 1
    fields = {
        str(i.get("name")): str(i.get("value") or "")
        for i in form[0].xpath(".//input[@type='hidden']")
    }
    assert fields["fact"] == "document" and fields["action"] == "correct"
    refused = post_form(analyst, form[0].get("action"), data={**fields, "changes-date": "завтра"})
    assert refused.status_code == 422 and "YYYY" in refused.text
    # The refused form comes back open, with what was typed.
    again = lxml.html.fromstring(refused.text)
    kept = again.xpath(
        '//details[contains(@class, "document-date")][@open]//input[@name="changes-date"]/@value'
    )
    assert kept == ["завтра"]
    done = post_form(analyst, form[0].get("action"), data={**fields, "changes-date": "2024-11-20"})
    assert done.status_code == 200
    assert "set by an analyst" in _page(analyst, "/documents/undated").text_content()
    events = analyst.get("/api/events?since=2024-11-20&until=2024-11-20").json()
    assert events["total"] > 0
    assert {e["date"] for e in events["items"]} == {"2024-11-20"}


def test_a_refused_correction_keeps_what_was_typed(analyst: TestClient) -> None:
    page = _page(analyst, "/documents/undated")
    fact = page.xpath('//li[@data-fact="event"]')[0]
    event_id = fact.get("data-fact-id")
    action = page.xpath('//details[contains(@class, "document-date")]//form/@action')[0]
    data = {"fact": "event", "fact_id": event_id, "action": "correct",
            "changes-date": "5 марта", "reason": "дата в тексте"}  # fmt: skip
    refused = post_form(analyst, action, data=data)
    assert refused.status_code == 422 and "date" in refused.text
    again = lxml.html.fromstring(refused.text)
    form = again.xpath(f'//li[@data-fact-id="{event_id}"]//details[@open]//form')
    assert len(form) == 1
    assert form[0].xpath('.//input[@name="changes-date"]/@value') == ["5 марта"]
    assert form[0].xpath('.//input[@name="reason"]/@value') == ["дата в тексте"]
    assert form[0].xpath(".//option[@selected]/@value") == ["correct"]
