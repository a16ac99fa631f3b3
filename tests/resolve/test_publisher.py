"""The publisher's country comes from what the source says of itself, never from the countries
a text is about. Texts written for the test."""

from __future__ import annotations

import pytest

from communique.document import Document
from communique.knowledge import Knowledge
from communique.resolve.publisher import publisher_country

KNOWLEDGE = Knowledge.load()

TALKS_IN_ANKARA = (
    "Торага Жогорку Кенеша встретился в Анкаре с Председателем Великого национального собрания "
    "Турции. Стороны обсудили торговлю между Кыргызстаном и Турцией."
)

SOURCES = [
    pytest.param(
        {"source_country": "UZ"},
        "АСТАНА. КАЗИНФОРМ – " + TALKS_IN_ANKARA,
        "UZ",
        id="stated-by-the-input",
    ),
    pytest.param({"source": "Kazinform"}, TALKS_IN_ANKARA, "KZ", id="known-outlet-name"),
    pytest.param({"source": "Акорда"}, TALKS_IN_ANKARA, "KZ", id="knowledge-base-organisation"),
    pytest.param(
        {"url": "https://www.inform.kz/ru/article"}, TALKS_IN_ANKARA, "KZ", id="country-code-domain"
    ),
    pytest.param(
        {"url": "https://www.parliament.uk/news"}, TALKS_IN_ANKARA, "GB", id="uk-domain-is-gb"
    ),
    pytest.param(
        {"url": "https://tass.com/politics/1"}, TALKS_IN_ANKARA, "RU", id="known-outlet-domain"
    ),
    pytest.param(
        {}, "Заголовок\n\nАНКАРА. КАЗИНФОРМ – " + TALKS_IN_ANKARA, "KZ", id="agency-in-dateline"
    ),
    pytest.param(
        {},
        "Заголовок\n\nБИШКЕК, 3 июня 2025 г. /УзА/. " + TALKS_IN_ANKARA,
        "UZ",
        id="agency-between-slashes",
    ),
    pytest.param(
        {},
        "Headline\n\nASTANA (Kazinform) – The Senate Speaker met the delegation.",
        "KZ",
        id="agency-in-brackets",
    ),
    pytest.param(
        {},
        "Headline\n\nST. LOUIS (Kazinform) – The Senate Speaker met the delegation.",
        "KZ",
        id="agency-after-a-city-with-an-abbreviated-word",
    ),
    pytest.param(
        {},
        "Заголовок\n\nТАШКЕНТ, 11 февраля 2025 года. " + TALKS_IN_ANKARA,
        "UZ",
        id="capital-in-dateline",
    ),
    pytest.param({}, TALKS_IN_ANKARA, None, id="no-source-no-guess"),
    pytest.param({}, "Заголовок\n\nФото: Сенат РК\n\n" + TALKS_IN_ANKARA, "KZ", id="credit-line"),
    pytest.param({}, TALKS_IN_ANKARA + "\n\nФото: Ерлан Омаров", None, id="credit-to-a-person"),
    pytest.param(
        {"url": "https://example.com/news"},
        "АНКАРА, 2 мая. Текст без агентства.",
        "TR",
        id="generic-domain-then-dateline",
    ),
]


@pytest.mark.parametrize(("fields", "text", "country"), SOURCES)
def test_publisher_country(fields: dict[str, str], text: str, country: str | None) -> None:
    document = Document(id="d", text=text, **fields)
    assert publisher_country(document, KNOWLEDGE) == country


def test_a_capitalised_word_opening_a_sentence_is_no_dateline() -> None:
    text = "Заголовок\n\nМИД Турции. Министр заявил – переговоры продолжатся."
    assert publisher_country(Document(id="d", text=text), KNOWLEDGE) is None


def test_the_dateline_is_its_own_sentence_for_the_parser(extract) -> None:
    record = extract(
        "Заголовок\n\nАСТАНА. КАЗИНФОРМ – Председатель Сената Нурлан Абенов принял посла Японии "
        "Кэндзи Судзуки."
    )
    names = {a.id: a.name_latin or "" for a in record.actors}
    (meeting,) = [e for e in record.events if e.type == "CONSULT"]
    assert [names[t] for t in meeting.target] == ["Nurlan Abenov"]  # the guest's visit: the host
    assert any(a.kind == "organization" and "КАЗИНФОРМ" in a.name.upper() for a in record.actors)
    assert record.text.startswith("Заголовок\n\nАСТАНА. КАЗИНФОРМ – ")  # the text as given
