"""The dashboard's pages on the sample store, read as HTML: what they show is the store's data,
every value is escaped, ids of any shape make working links, and the review forms need a
signed-in analyst and change what the pages show."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote, unquote

import lxml.html
import pytest
from fastapi.testclient import TestClient
from lxml.html import HtmlElement

from communique.record import Actor, ActorKind, Event, Record, Span
from communique.store import open_store
from communique.store.tokens import create_token
from communique.web.app import create_app

from .conftest import post_form

SENATE = "senate-kz-mongolia.ru"
ODD_ID = "odd/id #1 %ü?"  # a slash, a hash, a percent, a question mark, non-ASCII, spaces
HOSTILE = '<script>alert("x")</script> & «кавычки»'


@pytest.fixture(scope="module")
def pages(web_db: Path) -> Iterator[TestClient]:
    """The pages on the shared sample store: only reads go through it."""
    with TestClient(create_app(str(web_db))) as client:
        yield client


@pytest.fixture
def signed_in(web_db_copy: Path) -> Iterator[TestClient]:
    """The pages on a private copy, with a document of an odd id and hostile text added, and
    an analyst signed in (the cookie set by the login form)."""
    with open_store(str(web_db_copy)) as store:
        token = create_token(store, "analyst")
        english = store.load("mfa-kazakhstan-statement.en")
        store.add(  # metadata only: the facts' offsets are the sample text's, not HOSTILE's
            Record(
                **english.model_dump(include={"language", "source", "published"}),
                id=ODD_ID,
                title=HOSTILE,
                text=HOSTILE,
            )
        )
    with TestClient(create_app(str(web_db_copy))) as client:
        response = post_form(
            client, "/login", data={"token": token, "next": "/reviews"}, follow_redirects=False
        )
        assert response.status_code == 303 and response.headers["location"] == "/reviews"
        yield client


def _html(response: object) -> HtmlElement:
    status = getattr(response, "status_code", None)
    assert status == 200, (status, getattr(response, "text", "")[:500])
    return lxml.html.fromstring(response.text)  # type: ignore[attr-defined]


def _text(element: HtmlElement) -> str:
    return " ".join(element.text_content().split())


def _document_text(page: HtmlElement) -> str:
    """The article's text exactly as the browser gets it: character references decoded."""
    (article,) = page.xpath('//article[@id="document-text"]')
    return str(article.text_content())


# --- home and lists -----------------------------------------------------------------------------


def test_home_links_documents_and_pairs(pages: TestClient) -> None:
    home = _html(pages.get("/"))
    documents = [unquote(a.get("href")) for a in home.xpath('//a[@class="document-link"]')]
    assert f"/documents/{SENATE}" in documents
    for href in documents:
        assert pages.get(href).status_code == 200
    pairs = [a.get("href") for a in home.xpath('//a[@class="pair-link"]')]
    assert "/pairs/KZ-MN" in pairs
    assert "Kazakhstan – Mongolia" in _text(home)


def test_the_document_list_and_its_filters(pages: TestClient) -> None:
    everything = _html(pages.get("/documents")).xpath('//table//a[@class="document-link"]')
    hungarian = _html(pages.get("/documents?country=HU")).xpath(
        '//table//a[@class="document-link"]'
    )
    assert len(everything) == 7
    assert [unquote(a.get("href")) for a in hungarian] == [
        "/documents/mazhilis-hungary-ambassador.ru"
    ]
    wrong = pages.get("/documents?since=someday")
    assert wrong.status_code == 422 and "since" in _text(lxml.html.fromstring(wrong.text))


# --- one document -------------------------------------------------------------------------------


def test_the_document_page_shows_the_text_with_its_mentions(pages: TestClient) -> None:
    record = pages.get(f"/api/records/{SENATE}").json()
    page = _html(pages.get(f"/documents/{SENATE}"))
    # Offsets in the page are the record's: the article's text is the record's text, verbatim.
    assert _document_text(page) == record["text"]
    marks = page.xpath('//article[@id="document-text"]/mark')
    shown = {(m.get("data-mention"), m.text_content()) for m in marks}
    person = next(m for m in record["mentions"] if m["text"] == "Маулен Ашимбаев")
    assert (person["id"], "Маулен Ашимбаев") in shown
    person_mark = next(m for m in marks if m.get("data-mention") == person["id"])
    assert person_mark.get("class") == "mention type-PERSON"
    country_marks = page.xpath('//mark[contains(@class, "type-COUNTRY")]/text()')
    assert "Монголии" in country_marks or "Монголия" in country_marks


def test_every_fact_is_listed_with_its_evidence_span(pages: TestClient) -> None:
    record = pages.get(f"/api/records/{SENATE}").json()
    page = _html(pages.get(f"/documents/{SENATE}"))
    facts = page.xpath('//li[contains(@class, "fact")]')
    events = {li.get("data-fact-id"): li for li in facts if li.get("data-fact") == "event"}
    assert set(events) == {e["id"] for e in record["events"]}
    for event in record["events"]:
        item = events[event["id"]]
        assert int(item.get("data-start")) == event["evidence"]["start"]
        assert int(item.get("data-end")) == event["evidence"]["end"]
        assert item.xpath('string(.//span[contains(@class, "review-status")])') == "machine"
        assert event["type"] in _text(item)
    kinds = {li.get("data-fact") for li in facts}
    assert kinds == {"event", "agreement", "commitment", "actor", "occupation", "topic"}
    # Signed out: no review form, an invitation to sign in instead.
    assert not page.xpath('//form[@class="review-form"]')
    assert page.xpath('//a[starts-with(@href, "/login?next=")]')


def test_an_odd_id_and_hostile_text(signed_in: TestClient) -> None:
    listing = _html(signed_in.get("/documents"))
    links = [a.get("href") for a in listing.xpath('//a[@class="document-link"]')]
    odd = f"/documents/{quote(ODD_ID, safe='')}"
    assert odd in links  # one path segment: / # % ? all encoded
    page = signed_in.get(odd)
    assert page.status_code == 200
    assert "<script>alert" not in page.text and "&lt;script&gt;alert" in page.text
    assert _document_text(lxml.html.fromstring(page.text)) == HOSTILE
    assert (
        signed_in.get(f"/api/documents/{quote(ODD_ID, safe='')}").json()["document"]["id"] == ODD_ID
    )
    search = signed_in.get("/search", params={"q": "<script>"})
    assert search.status_code == 200 and "<script>alert" not in search.text
    assert "&lt;script&gt;" in search.text


def test_unknown_pages_are_404_pages(pages: TestClient) -> None:
    for path in ("/documents/nope", "/documents/a%2Fb%23c", "/actors/nobody", "/pairs/KZ-ZZ"):
        response = pages.get(path)
        assert response.status_code == 404, path
        assert response.headers["content-type"].startswith("text/html")
        assert "Not found" in response.text
    assert pages.get("/pairs/mn-kz", follow_redirects=False).headers["location"] == "/pairs/KZ-MN"


# --- pairs, actors, lists -----------------------------------------------------------------------


def test_the_pair_page(pages: TestClient) -> None:
    events = pages.get("/api/events", params={"country": "KZ-MN", "limit": 500}).json()["items"]
    page = _html(pages.get("/pairs/KZ-MN"))
    (timeline,) = page.xpath('//*[local-name()="svg"][contains(@class, "timeline")]')
    bars = timeline.xpath('.//*[local-name()="g"][@class="bars"]/*[local-name()="rect"]')
    counts = [int(b.xpath('string(./*[local-name()="title"])').rsplit(": ", 1)[1]) for b in bars]
    assert sum(counts) == len(events)
    legend = _text(timeline.xpath('.//*[local-name()="g"][@class="legend"]')[0])
    assert "CONSULT" in legend
    rows = page.xpath('//table[contains(@class, "events")]/tbody/tr')
    assert len(rows) == len(events)
    assert {unquote(a.get("href")).split("#")[0] for a in page.xpath(
        '//table[contains(@class, "events")]//a[@class="document-link"]'
    )} == {f"/documents/{SENATE}"}  # fmt: skip
    agreements = _text(page.xpath('//table[contains(@class, "agreements")]')[0])
    assert "Совместная декларация" in agreements and "signed" in agreements
    assert page.xpath('//table[contains(@class, "commitments")]')
    people = _text(page.xpath('//ul[@class="people"]')[0])
    assert "Маулен Ашимбаев" in people and "Дашзэгвийн Амарбаясгалан" in people
    assert "Legislation" in _text(page.xpath('//ul[@class="topics"]')[0])
    commitments = pages.get("/api/commitments", params={"country": "KZ-MN"}).json()["items"]
    counted = f"{len(commitments)} commitment" + ("" if len(commitments) == 1 else "s") + " "
    assert counted in _text(page)


def test_the_actor_page(pages: TestClient) -> None:
    page = _html(pages.get(f"/actors/{quote('person:ashimbaev m@KZ', safe='')}"))
    assert _text(page.xpath("//h1")[0]) == "Маулен Ашимбаев"
    positions = _text(page.xpath('//ol[contains(@class, "positions")]')[0])
    assert "Председатель" in positions and "Сенат Парламента Республики Казахстан" in positions
    counterparts = [a.text_content() for a in page.xpath('//ul[@class="counterparts"]//a')]
    assert "Дашзэгвийн Амарбаясгалан" in counterparts
    assert page.xpath(
        '//table[contains(@class, "events")]/tbody/tr/td/span[contains(@class, "type-chip")]'
    )


def test_the_agreements_register_filters(pages: TestClient) -> None:
    every = _html(pages.get("/agreements")).xpath(
        '//table[contains(@class, "agreements")]/tbody/tr'
    )
    signed = _html(pages.get("/agreements?status=signed")).xpath(
        '//table[contains(@class, "agreements")]/tbody/tr'
    )
    assert 0 < len(signed) < len(every)
    assert all("signed" in _text(row) for row in signed)
    hungary = _html(pages.get("/agreements?country=HU"))
    assert "Соглашение о стратегическом партнерстве" in _text(hungary)
    assert "Совместная декларация" not in _text(hungary)


def test_events_search_network_and_lists(pages: TestClient) -> None:
    events = _html(pages.get("/events?type=AGREE"))
    chips = events.xpath(
        '//table[contains(@class, "events")]//span[contains(@class, "type-chip")]/text()'
    )
    assert chips and set(chips) == {"AGREE"}
    found = _html(pages.get("/search?q=Хурал"))
    # A result opens its document with the search's words marked (issue 15).
    assert [unquote(a.get("href")) for a in found.xpath('//li[@class="result"]/a')] == [
        f"/documents/{SENATE}?q=Хурал#match"
    ]
    network = _html(pages.get("/network"))
    edges = network.xpath(
        '//*[local-name()="svg"][contains(@class, "network")]//*[local-name()="a"]'
    )
    assert "/pairs/KZ-MN" in {e.get("href") for e in edges}
    for path in ("/actors", "/commitments", "/pairs", "/reviews", "/login", "/search"):
        assert pages.get(path).status_code == 200, path


# --- signing in and reviewing -------------------------------------------------------------------


def test_login_and_logout(pages: TestClient, signed_in: TestClient) -> None:
    wrong = post_form(pages, "/login", data={"token": "nope", "next": "/"})
    assert wrong.status_code == 401 and "Unknown or revoked token" in wrong.text
    assert "communique_token" not in wrong.headers.get("set-cookie", "")
    assert "analyst" in _text(_html(signed_in.get("/")).xpath('//div[@class="session"]')[0])
    elsewhere = post_form(
        signed_in, "/login", data={"token": "x", "next": "//evil.example"}, follow_redirects=False
    )
    assert elsewhere.status_code == 401
    out = post_form(signed_in, "/logout", follow_redirects=False)
    assert out.status_code == 303 and 'communique_session=""' in out.headers["set-cookie"]


def test_the_login_cookie_is_httponly_and_strict(web_db_copy: Path) -> None:
    with open_store(str(web_db_copy)) as store:
        token = create_token(store, "analyst")
    with TestClient(create_app(str(web_db_copy))) as client:
        response = post_form(
            client, "/login", data={"token": token, "next": "/documents"}, follow_redirects=False
        )
        cookie = response.headers["set-cookie"].lower()
        assert "httponly" in cookie and "samesite=strict" in cookie
        assert response.headers["location"] == "/documents"
        # Never off the site, nor anywhere a browser would read as off the site.
        for elsewhere in ("//evil.example/", "/\t/evil.example", "/\\evil.example", "https://e.x"):
            response = post_form(
                client, "/login", data={"token": token, "next": elsewhere}, follow_redirects=False
            )
            assert response.headers["location"] == "/", elsewhere


def test_a_review_form_signed_out_goes_to_login(pages: TestClient) -> None:
    response = post_form(
        pages,
        f"/documents/{SENATE}/reviews",
        data={"fact": "event", "fact_id": "e0", "action": "confirm"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"] == f"/login?next=%2Fdocuments%2F{SENATE}"


def test_correcting_an_actor_through_the_form(signed_in: TestClient) -> None:
    page = _html(signed_in.get(f"/documents/{SENATE}"))
    forms = page.xpath('//form[@class="review-form"]')
    assert forms and all(f.get("action") == f"/documents/{SENATE}/reviews" for f in forms)
    actor = next(a for a in signed_in.get(f"/api/records/{SENATE}").json()["actors"]
                 if a["name"] == "Маулен Ашимбаев")  # fmt: skip
    assert actor["country"] == "KZ"
    response = post_form(
        signed_in,
        f"/documents/{SENATE}/reviews",
        data={
            "fact": "actor",
            "fact_id": actor["id"],
            "action": "correct",
            "changes-country": "MN",
            "changes-name": "",  # empty fields are unchanged fields
            "reason": "test",
        },
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"] == f"/documents/{SENATE}#fact-actor-{actor['id']}"
    page = _html(signed_in.get(f"/documents/{SENATE}"))
    (item,) = page.xpath(f'//li[@id="fact-actor-{actor["id"]}"]')
    assert item.xpath('string(.//span[contains(@class, "review-status")])') == "corrected"
    assert "MN" in item.xpath('string(.//dl[@class="fact-details"])')
    assert "by analyst" in _text(item.xpath('.//ul[contains(@class, "history")]')[0])
    trail = _html(signed_in.get("/reviews"))
    assert "country: MN" in _text(trail.xpath('//table[contains(@class, "reviews")]')[0])


def test_a_confirm_ignores_stray_correction_fields_and_bad_values_say_why(
    signed_in: TestClient,
) -> None:
    confirmed = post_form(
        signed_in,
        f"/documents/{SENATE}/reviews",
        data={"fact": "event", "fact_id": "e0", "action": "confirm", "changes-type": "AGREE"},
        follow_redirects=False,
    )
    assert confirmed.status_code == 303
    page = _html(signed_in.get(f"/documents/{SENATE}"))
    (event,) = page.xpath('//li[@id="fact-event-e0"]')
    assert event.xpath('string(.//span[contains(@class, "review-status")])') == "confirmed"
    wrong = post_form(
        signed_in,
        f"/documents/{SENATE}/reviews",
        data={"fact": "event", "fact_id": "e0", "action": "correct", "changes-date": "soon"},
    )
    assert wrong.status_code == 422
    assert "YYYY" in _text(lxml.html.fromstring(wrong.text).xpath('//p[@role="alert"]')[0])
    missing = post_form(
        signed_in,
        f"/documents/{SENATE}/reviews",
        data={"fact": "event", "fact_id": "e404", "action": "confirm"},
    )
    assert missing.status_code == 404


def test_every_chip_label_is_readable() -> None:
    from communique.web.rendering import OTHER_COLOR, PLOVER_COLORS, chip_ink, contrast

    for color in [*PLOVER_COLORS.values(), OTHER_COLOR]:
        assert contrast(color, chip_ink(color)) >= 4.5, color
    assert contrast("#ffffff", "#000000") == pytest.approx(21)


def _version(language: str, text: str, host: str, guest: str) -> Record:
    """A reader's record of one language version of a release: two persons, one meeting."""
    end = text.index(".") + 1
    return Record(
        id=f"senate-malaysia.{language}",
        language=language,
        text=text,
        published="2025-04-14",
        home_country="KZ",
        actors=[
            Actor(id="a1", kind=ActorKind.PERSON, name=host, country="KZ"),
            Actor(id="a2", kind=ActorKind.PERSON, name=guest, country="MY"),
        ],
        events=[
            Event(id="e1", type="CONSULT", cameo="040", trigger=Span(start=0, end=5),
                  trigger_text=text[:5], source=["a1"], target=["a2"],
                  evidence=Span(start=0, end=end), extractor="test@1"),
        ],
    )  # fmt: skip


def test_the_document_page_links_the_versions_in_other_languages(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "versions.duckdb")) as store:
        store.add(
            _version(
                "ru",
                "Председатель Сената Маулен Ашимбаев принял Посла Малайзии Хайрула Юсофа.",
                "Маулен Ашимбаев",
                "Хайрул Юсоф",
            )
        )
        store.add(
            _version(
                "en",
                "Senate Chairman Maulen Ashimbayev received Malaysian Ambassador Khairul Yusof.",
                "Maulen Ashimbayev",
                "Khairul Yusof",
            )
        )
    with TestClient(create_app(str(tmp_path / "versions.duckdb"))) as client:
        page = _html(client.get("/documents/senate-malaysia.en"))
        story = page.xpath('//p[contains(@class, "story")]')[0]
        assert "ru, en: versions of one release" in _text(story)
        (link,) = story.xpath(".//a")
        assert link.get("href") == "/documents/senate-malaysia.ru" and link.get("hreflang") == "ru"
        header = client.get("/api/documents/senate-malaysia.ru").json()["document"]
        assert header["story_languages"] == {"senate-malaysia.ru": "ru", "senate-malaysia.en": "en"}
