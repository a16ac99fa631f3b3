"""English persons made whole: names the small model takes in part or mislabels, title phrases
it breaks, one-word "names" that are no one's. Sentences written for these tests."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from communique.document import Document
from communique.lang.en.read import read_english
from communique.record import ActorKind


@dataclass(frozen=True)
class _Read:
    name: str
    country: str | None
    titles: tuple[str, ...]


def _persons(text: str) -> dict[str, _Read]:
    """Surname -> the person the reader found (full name, country, occupation titles)."""
    record = read_english(Document(id="en-names", text=text))
    titles: dict[str, list[str]] = {}
    for occupation in record.occupations:
        titles.setdefault(occupation.person, []).append(occupation.position)
    return {
        actor.name.split()[-1]: _Read(actor.name, actor.country, tuple(titles.get(actor.id, [])))
        for actor in record.actors
        if actor.kind is ActorKind.PERSON
    }


def test_a_given_name_read_as_a_nationality_is_part_of_the_name() -> None:
    persons = _persons(
        "ASTANA – Senator Aigerim Nurlanova received a group of deputies from the Bundestag of "
        "Germany led by Christoph Weidmann, head of the friendship group. Weidmann spoke of "
        "energy."
    )
    assert persons["Weidmann"].name == "Christoph Weidmann"
    assert persons["Weidmann"].country == "DE"


@pytest.mark.parametrize(
    ("text", "surname", "name", "country", "title_start"),
    [
        (  # a comma lists the ministry's portfolios
            "Minister of Energy, Water Resources and Irrigation of Uzbekistan Rustam Karimov "
            "held talks in Astana.",
            "Karimov",
            "Rustam Karimov",
            "UZ",
            "Minister of Energy, Water Resources and Irrigation of Uzbekistan",
        ),
        (  # brackets gloss a foreign title
            "Toraga (Speaker) of the Jogorku Kenesh Nurlan Asanov arrived in Baku on Monday.",
            "Asanov",
            "Nurlan Asanov",
            "KG",
            "Toraga (Speaker) of the Jogorku Kenesh",
        ),
        (  # the "of"-phrase names a group of a body, with lower-case words and a possessive
            "Head of the Mazhilis's group for cooperation with the Parliament of Latvia Saule "
            "Tolegenova opened the round table.",
            "Tolegenova",
            "Saule Tolegenova",
            "KZ",
            "Head of the Mazhilis's group for cooperation with the Parliament of Latvia",
        ),
        (  # a title the knowledge base lacks
            "Chairperson of the Council of the Republic of Belarus Natalia Koroleva visited Minsk "
            "airport yesterday.",
            "Koroleva",
            "Natalia Koroleva",
            "BY",
            "Chairperson of the Council",
        ),
    ],
)
def test_a_title_phrase_reaches_its_name(
    text: str, surname: str, name: str, country: str, title_start: str
) -> None:
    person = _persons(text)[surname]
    assert person.name == name
    assert person.country == country
    assert any(title.startswith(title_start) for title in person.titles), person.titles


def test_the_parts_of_an_arabic_name_are_one_name() -> None:
    persons = _persons(
        "Senator Daulet Amanov met with Ambassador of Qatar to Kazakhstan Fahad bin Nasser "
        "Al-Kuwari. Later, Fahad bin Nasser Al-Kuwari visited Almaty."
    )
    assert persons["Al-Kuwari"].name == "Fahad bin Nasser Al-Kuwari"
    assert persons["Al-Kuwari"].country == "QA"
    assert set(persons) == {"Amanov", "Al-Kuwari"}


def test_a_person_the_text_names_in_full_elsewhere_is_one_person() -> None:
    persons = _persons(
        "Kassym-Jomart Tokayev sent greetings to the people of Mongolia.\n"
        "Khurelsukh thanked Tokayev and invited President Kassym-Jomart Tokayev to Ulaanbaatar."
    )
    assert persons["Tokayev"].name == "Kassym-Jomart Tokayev"


@pytest.mark.parametrize(
    "text",
    [
        "The ministers spoke of water releases from the Toktogul reservoir in the spring.",
        "Ambassador Ali Khan handed over an invitation to pay an official visit to Islamabad.",
        "The Kazakh side signed the Protocol on the Transfer to the Republic of Kazakhstan.",
        "Minister Arman Issetov spoke by phone, the press service of the Kazakh foreign ministry "
        "said.",
        "The Chair of the Senate Committee on Agrarian Issues, Ecology and Rural Affairs Erlan "
        "Sadykov met farmers.",
        "Imams studied at Al-Azhar University in Cairo for two years.",
    ],
)
def test_no_person_from_a_place_a_body_or_a_heading_word(text: str) -> None:
    names = {read.name for read in _persons(text).values()}
    assert not names & {
        "Toktogul",
        "Islamabad",
        "Transfer",
        "Kazakh foreign ministry",
        "Issues",
        "Agrarian Issues",
        "Al-Azhar University",
    }, names


def test_partners_one_with_introduces_are_one_side_unless_a_title_says_otherwise() -> None:
    persons = _persons(
        "The Kazakh deputies met with Anne Dubois, chair of the France–Kazakhstan parliamentary "
        "group, and Senator Pierre Lambert. Senator Aigul Sarsenova later met with Cardinal "
        "Paolo Conti, head of the Holy See delegation, and Rector of Nile University Omar Saleh."
    )
    assert persons["Dubois"].country == "FR"
    assert persons["Lambert"].country == "FR"
    assert persons["Conti"].country == "VA"
    assert persons["Saleh"].country != "VA"  # his title names his own body


def test_a_title_over_a_list_of_states_and_names() -> None:
    persons = _persons(
        "The minister met the heads of the foreign ministries of India, Arjun Mehta, and Iran, "
        "Ali Rezaei, in Bishkek."
    )
    assert persons["Mehta"].country == "IN"
    assert persons["Rezaei"].country == "IR"
    assert any(title.lower().startswith("head of the foreign") for title in persons["Mehta"].titles)
