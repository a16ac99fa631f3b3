"""Organisation actors in English and Kazakh: names read whole, one actor per body, news outlets.

Each sentence is written for its test.
"""

from __future__ import annotations

import pytest

from communique.document import Document
from communique.knowledge.base import Knowledge
from communique.lang.en.read import read_english
from communique.lang.kk.organizations import KazakhOrganizations, organization_in_title
from communique.lang.kk.read import read_kazakh
from communique.record import ActorKind, Mention, MentionType, Record


def _organizations(record: Record) -> dict[str, str | None]:
    return {a.name: a.country for a in record.actors if a.kind is ActorKind.ORGANIZATION}


def _sides(record: Record) -> set[str]:
    return {actor for event in record.events for actor in (*event.source, *event.target)}


# English


def test_english_name_with_of_phrases_is_read_whole_with_its_country() -> None:
    record = read_english(
        Document(
            id="en-org-1",
            text="Deputies of the National Assembly of the Republic of Korea arrived in Astana.",
        )
    )
    assert _organizations(record) == {"National Assembly of the Republic of Korea": "KR"}


def test_english_title_names_its_body_and_a_short_name_is_that_body() -> None:
    record = read_english(
        Document(
            id="en-org-2",
            text=(
                "Chairman of the Senate of the Parliament of Kazakhstan Daniyar Serikbayev opened "
                "the session on Tuesday. The Senate then approved the water code."
            ),
        )
    )
    organizations = [a for a in record.actors if a.kind is ActorKind.ORGANIZATION]
    assert [(a.name, a.country, len(a.mentions)) for a in organizations] == [
        ("Senate of the Parliament of Kazakhstan", "KZ", 2)
    ]
    person = next(a for a in record.actors if a.kind is ActorKind.PERSON)
    assert person.name == "Daniyar Serikbayev"  # the body inside the title takes no name from it


def test_english_and_joins_words_of_one_name_not_two_bodies() -> None:
    record = read_english(
        Document(
            id="en-org-3",
            text=(
                "The delegation visited the Ministry of Foreign Affairs and Trade in Budapest, "
                "then the National Assembly of France and UNESCO in Paris."
            ),
        )
    )
    assert set(_organizations(record)) == {
        "Ministry of Foreign Affairs and Trade",
        "National Assembly of France",
        "UNESCO",
    }


def test_english_news_agency_is_an_organisation_and_never_a_side() -> None:
    record = read_english(
        Document(
            id="en-org-4",
            text=(
                "ALMATY (Kazinform) – Foreign Minister of Kazakhstan Arman Issetov met "
                "Ambassador of Peru Luis Garcia on Monday."
            ),
        )
    )
    agency = next(a for a in record.actors if a.name == "Kazinform")
    assert agency.kind is ActorKind.ORGANIZATION
    assert agency.country is None and record.home_country == "KZ"  # the publisher's, no party's
    assert record.events, "the meeting is read"
    assert agency.id not in _sides(record)


# Kazakh


@pytest.mark.parametrize(
    ("span", "name"),
    [
        # a dateline's agency before the name
        ("ҚАЗАҚПАРАТ – Ислам ынтымақтастығы ұйымының", "Ислам ынтымақтастығы ұйымы"),
        # a word in the instrumental ends the phrase before the name
        ("министрімен Су шаруашылығы министрлігінің", "Су шаруашылығы министрлігі"),
        # a word in the attributive locative says where the body is
        ("Бішкектегі Халықаралық кардиология орталығының", "Халықаралық кардиология орталығы"),
        # genitives inside the name stay («мемлекеттерінің»)
        (
            "Түркі мемлекеттерінің парламенттік ассамблеясы",
            "Түркі мемлекеттерінің парламенттік ассамблеясы",
        ),
    ],
)
def test_kazakh_name_in_a_tagger_span(span: str, name: str) -> None:
    organizations = KazakhOrganizations(Knowledge.load(), frozenset())
    found = organizations.name_in(span)
    assert found is not None and found[1] == name
    assert span[found[0] :].startswith(name.split()[0])


def test_kazakh_city_of_a_dateline_is_no_organisation() -> None:
    assert KazakhOrganizations(Knowledge.load(), frozenset()).name_in("МИНСК") is None


def _organization_actor(name: str, mention_id: str = "m1") -> tuple[str | None, str | None]:
    organizations = KazakhOrganizations(Knowledge.load(), frozenset())
    mention = Mention(
        id=mention_id,
        type=MentionType.ORGANIZATION,
        start=0,
        end=len(name),
        text=name,
        normal=name,
        extractor="test",
    )
    actor = organizations.add(mention, name)
    return actor.kb_id, actor.country


def test_kazakh_body_is_linked_to_the_knowledge_base_in_any_form_of_its_words() -> None:
    # The knowledge base writes «Моңғолияның Мемлекеттік Ұлы Хуралы»; the text the bare form.
    assert _organization_actor("Моңғолия Мемлекеттік Ұлы Хуралы") == ("mn-state-great-khural", "MN")
    assert _organization_actor("ШЫҰ") == ("sco", None)


def test_kazakh_body_the_knowledge_base_does_not_hold_is_not_linked() -> None:
    assert _organization_actor("Моңғолия Мемлекеттік Ұлы Кеңесі") == (None, None)


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (
            "Қазақстан Республикасы Парламенті Мәжілісінің Төрағасы",
            "Қазақстан Республикасы Парламенті Мәжілісінің",
        ),
        ("Моңғолия СІМ басшысы", "Моңғолия СІМ"),
        ("Сыртқы істер министрі", None),  # a minister, no ministry
        ("Денсаулық сақтау министрінің орынбасары", None),
    ],
)
def test_kazakh_title_names_its_body_before_its_head(title: str, body: str | None) -> None:
    found = organization_in_title(title)
    assert (title[found[0] : found[1]] if found else None) == body


def test_kazakh_body_named_in_a_title_and_alone_is_one_actor_and_the_agency_no_side() -> None:
    text = (
        "ҚАЗАҚПАРАТ – Бүгін Қазақстан Республикасы Парламенті Мәжілісінің Төрағасы Нұрлан Сейітов "
        "Перу Республикасының елшісі Луис Гарсиямен кездесті. "
        "Мәжіліс депутаттары да кездесуге қатысты."
    )
    record = read_kazakh(Document(id="kk-org-1", text=text))
    organizations = [a for a in record.actors if a.kind is ActorKind.ORGANIZATION]
    body = next(a for a in organizations if a.name.endswith("Мәжілісі"))
    assert body.name == "Қазақстан Республикасы Парламенті Мәжілісі" and body.country == "KZ"
    assert len(body.mentions) == 2  # in the title and alone
    agency = next(a for a in organizations if a.name == "ҚазАқпарат")
    assert agency.country is None
    assert record.events and agency.id not in _sides(record)
