"""The minimal Kazakh reader: base-form persons, one actor per surname, titles, countries."""

from __future__ import annotations

from communique.document import Document
from communique.knowledge.base import Knowledge
from communique.lang.kk.read import (
    country_in_phrase,
    country_of,
    document_base_forms,
    read_kazakh,
)
from communique.record import ActorKind

TEXT = (
    "АСТАНА, 2026 жылғы 3 наурыз. Қазақстан Республикасының Президенті Қасым-Жомарт Тоқаев "
    "Ақордада Өзбекстан Республикасының Президенті Шавкат Мирзиёевпен кездесті. "
    "Тараптар сауда мен көлік саласындағы ынтымақтастықты талқылады. "
    "Тоқаев Мирзиёевті Астанаға ресми сапармен келуге шақырды."
)


def test_persons_come_back_in_their_base_form_once_each() -> None:
    record = read_kazakh(Document(id="kk-test", text=TEXT))
    persons = {actor.name: actor for actor in record.actors if actor.kind is ActorKind.PERSON}
    assert set(persons) == {"Қасым-Жомарт Тоқаев", "Шавкат Мирзиёев"}
    assert len(persons["Шавкат Мирзиёев"].mentions) == 2  # Мирзиёевпен, Мирзиёевті
    for mention in record.mentions:
        assert TEXT[mention.start : mention.end] == mention.text


def test_titles_and_countries() -> None:
    record = read_kazakh(Document(id="kk-test", text=TEXT))
    persons = {actor.name: actor for actor in record.actors if actor.kind is ActorKind.PERSON}
    assert persons["Қасым-Жомарт Тоқаев"].country == "KZ"
    assert persons["Шавкат Мирзиёев"].country == "UZ"
    assert any("Президенті" in title for title in persons["Шавкат Мирзиёев"].positions)
    assert record.home_country == "KZ"


def test_country_of_kazakh_names() -> None:
    knowledge = Knowledge.load()
    assert country_of("Мысыр", knowledge) == "EG"  # the Kazakh name, unlike Russian Египет
    assert country_of("Малайзия", knowledge) == "MY"
    assert country_of("Астана", knowledge) == "KZ"  # a capital
    assert country_of("Тараптар", knowledge) is None


def test_country_in_a_title_leaves_out_places_in_the_locative() -> None:
    knowledge = Knowledge.load()
    assert country_in_phrase("Малайзияның Қазақстандағы елшісі", knowledge) == "MY"
    assert country_in_phrase("Қазақстандағы Төтенше және өкілетті елшісі", knowledge) is None
    assert country_in_phrase("Бундестаг депутаттары", knowledge) == "DE"  # an organisation's
    assert country_in_phrase("Сыртқы істер министрі", knowledge) is None


def test_a_word_seen_with_an_ending_is_a_base_form() -> None:
    text = "Кристоф Ланге сөз сөйледі. Тараптар Лангемен келісті."
    assert "ланге" in document_base_forms(text)
    record = read_kazakh(Document(id="kk-lange", text=text))
    names = {actor.name for actor in record.actors if actor.kind is ActorKind.PERSON}
    assert "Кристоф Лан" not in names


def test_a_country_inside_a_title_is_a_country_actor_but_not_one_in_quotes() -> None:
    text = (
        "Астанада Өзбекстан Республикасының Сыртқы істер министрі Бахтиёр Саидов «Франция – "
        "Орталық Азия» тобының төрағасы Анн Дюпонмен кездесті."
    )
    record = read_kazakh(Document(id="kk-title-country", text=text))
    countries = {a.country for a in record.actors if a.kind is ActorKind.COUNTRY}
    assert "UZ" in countries
    named = {m.text for m in record.mentions if m.country == "UZ"}
    assert named == {"Өзбекстан"}
    assert "FR" not in countries  # the group's name in quotes names no party
