"""Search as an analyst uses it (issue 15): results titled by headline and date, the most
relevant first, the inflected match marked (escaped) in the snippet, and the document opened
from a result with the same words marked; `total` on /api/search, /api/topics and the reviews
endpoints. A store of its own, with sentences written for these tests."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import unquote

import lxml.html
import pytest
from fastapi.testclient import TestClient
from lxml.html import HtmlElement

from communique.record import Record, Topic
from communique.store import open_store
from communique.store.reviews import record_review
from communique.web.app import create_app

RECORDS = [
    Record(
        id="often",
        language="ru",
        published="2024-01-10",
        title="Переговоры с Монголией",
        text=(
            "Президент провёл переговоры с Монголией.\nСтороны обсудили развитие <b>стратегического"
            " партнерства</b>. Визит в Монголию назначен на осень."
        ),
        topics=[
            Topic(id="trade", label_en="trade", label_ru="торговля", label_kk="сауда"),
            Topic(id="energy", label_en="energy", label_ru="энергетика", label_kk="энергетика"),
        ],
    ),
    Record(
        id="once",
        language="ru",
        published="2025-03-02",
        title="Встреча в Астане",
        text="Глава МИД принял посла Монголии. Стороны обсудили торговлю.",
        topics=[Topic(id="trade", label_en="trade", label_ru="торговля", label_kk="сауда")],
    ),
    Record(
        id="untitled",
        language="ru",
        published="2023-05-05",
        text="Фото: пресс-служба Сената\nСенаторы обсудили закон о торговле\nЗакон принят.",
    ),
    Record(
        id="english",
        language="en",
        published="2025-04-01",
        title="Talks in Astana",
        text="The ministers signed an agreement on transit.",
    ),
]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = tmp_path_factory.mktemp("search") / "search.duckdb"
    with open_store(str(db)) as store:
        for record in RECORDS:
            store.add(record)
        for document_id in ("often", "once"):
            record_review(
                store, document_id=document_id, fact="topic", fact_id="trade",
                action="confirm", author="analyst",
            )  # fmt: skip
    with TestClient(create_app(str(db))) as test_client:
        yield test_client


def _html(client: TestClient, url: str, params: dict[str, str]) -> HtmlElement:
    response = client.get(url, params=params)
    assert response.status_code == 200, response.text[:500]
    return lxml.html.fromstring(response.text)


def test_results_are_ranked_titled_and_marked(client: TestClient) -> None:
    page = _html(client, "/search", {"q": "Монголия"})
    results = page.xpath('//li[@class="result"]')
    titles = [r.xpath("string(a)") for r in results]
    # "often" names Mongolia three times (and in its title) and is the older release.
    assert titles == ["Переговоры с Монголией", "Встреча в Астане"]
    assert "2024-01-10" in results[0].xpath("string(span)")
    links = [unquote(r.xpath("string(a/@href)")) for r in results]
    assert links == ["/documents/often?q=Монголия#match", "/documents/once?q=Монголия#match"]
    marked = results[1].xpath('.//p[@class="snippet"]/mark[@class="match"]/text()')
    assert marked == ["Монголии"]


def test_a_result_without_a_title_is_titled_by_its_first_line_not_a_credit(
    client: TestClient,
) -> None:
    page = _html(client, "/search", {"q": "законы"})
    assert page.xpath('//li[@class="result"]/a/text()') == ["Сенаторы обсудили закон о торговле"]


def test_the_snippet_is_escaped_around_its_marks(client: TestClient) -> None:
    response = client.get("/search", params={"q": "стратегическое партнерство"})
    assert "&lt;b&gt;" in response.text and "<b>" not in response.text
    page = lxml.html.fromstring(response.text)
    marked = page.xpath('//p[@class="snippet"]/mark[@class="match"]/text()')
    assert marked == ["стратегического", "партнерства"]


def test_the_document_opens_with_the_match_marked(client: TestClient) -> None:
    page = _html(client, "/documents/often", {"q": "Монголия"})
    article = page.get_element_by_id("document-text")
    marks = article.xpath('.//mark[contains(@class, "match")]')
    assert [m.text_content() for m in marks] == ["Монголией", "Монголию"]
    assert marks[0].get("id") == "match" and marks[1].get("id") is None
    # Marking adds no character: the page's JavaScript counts offsets in the text.
    assert article.text_content() == RECORDS[0].text
    plain = _html(client, "/documents/often", {}).get_element_by_id("document-text")
    assert plain.xpath('.//mark[contains(@class, "match")]') == []


def test_the_api_ranks_and_gives_the_marks(client: TestClient) -> None:
    found = client.get("/api/search", params={"q": "agreements"}).json()
    assert found["total"] == 1
    (item,) = found["items"]
    assert item["document_id"] == "english"
    assert [item["snippet"][a:b] for a, b in item["marks"]] == ["agreement"]
    assert item["relevance"] == 1


def test_topics_and_reviews_carry_their_total(client: TestClient) -> None:
    topics = client.get("/api/topics", params={"limit": 1}).json()
    assert (len(topics["items"]), topics["total"]) == (1, 2)  # trade and energy
    assert client.get("/api/topics", params={"since": "2025"}).json()["total"] == 1
    reviews = client.get("/api/reviews", params={"limit": 1}).json()
    assert (len(reviews["items"]), reviews["total"]) == (1, 2)
    assert client.get("/api/reviews", params={"fact": "event"}).json()["total"] == 0
    document = client.get("/api/documents/once/reviews").json()
    assert document["total"] == 1
