"""Whose a person is in Kazakh text: the title's own country, its possessor, a group's country,
the publisher's, official names by a people's name, adjectives, and the Kazakh spelling."""

from __future__ import annotations

import pytest

from communique.document import Document
from communique.knowledge.base import Knowledge
from communique.lang.kk.countries import (
    adjective_stem,
    ethnonym_country,
    native_spelling_country,
)
from communique.lang.kk.gazetteer import kazakh_gazetteer
from communique.lang.kk.read import (
    _title_phrase,
    adjective_country,
    countries_in_phrase,
    country_in_phrase,
    country_of,
    kazakh_sentences,
    read_kazakh,
)
from communique.record import ActorKind, CountryBasis


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return Knowledge.load()


def _persons(text: str) -> dict[str, tuple[str | None, CountryBasis | None]]:
    record = read_kazakh(Document(id="kk-countries", text=text))
    return {
        actor.name.split()[-1]: (actor.country, actor.country_basis)
        for actor in record.actors
        if actor.kind is ActorKind.PERSON
    }


def test_an_official_name_may_be_a_peoples_name_and_a_form_of_state(
    knowledge: Knowledge,
) -> None:
    assert country_of("Қырғыз Республикасы", knowledge) == "KG"
    assert country_of("Түрік Республикасы", knowledge) == "TR"
    assert country_of("Қырғыз", knowledge) is None  # alone it is the people, not the state
    assert ethnonym_country("Моңғол") == "MN"
    assert ethnonym_country("министр") is None


def test_an_adjective_in_lyq_names_the_country_it_is_made_of(knowledge: Knowledge) -> None:
    assert adjective_stem("қазақстандық") == "қазақстан"  # -дық after н
    assert adjective_stem("малайзиялық") == "малайзия"  # -лық after a vowel
    assert adjective_stem("қазақстанлық") is None  # -лық cannot follow н
    assert adjective_country("италиялық", knowledge) == "IT"
    assert adjective_country("түрік", knowledge) == "TR"  # a people's name as the adjective
    assert adjective_country("парламенттік", knowledge) is None  # an adjective of no country


def test_a_name_inflected_on_its_last_word_is_a_place_as_a_whole(knowledge: Knowledge) -> None:
    phrase = "Венгрияның Қазақстан Республикасындағы Төтенше және өкілетті елшісі"
    assert country_in_phrase(phrase, knowledge) == "HU"
    assert country_in_phrase("Қазақстан Республикасындағы елшісі", knowledge) is None
    assert country_in_phrase("Қырғыз Республикасының Премьер-Министрі", knowledge) == "KG"
    assert country_in_phrase("«Бундестаг» тобының жетекшісі", knowledge) == "DE"  # in quotes


def test_a_plural_title_may_name_several_countries(knowledge: Knowledge) -> None:
    phrase = "Тәжікстан мен Армения сыртқы істер министрлерінің орынбасарлары"
    assert countries_in_phrase(phrase, knowledge) == ["TJ", "AM"]
    assert countries_in_phrase("Мемлекет басшысы", knowledge) == []


@pytest.mark.parametrize(
    ("span", "title"),
    [
        # a dateline's dash ends what comes before it
        ("ҚАЗАҚПАРАТ – Грузия Премьер-Министрі", "Грузия Премьер-Министрі"),
        # a phrase closed by a non-genitive case ending after the possessive
        ("Қазақстан Сенатының хатшысын Латвия Сеймінің төрағасы", "Латвия Сеймінің төрағасы"),
        # a name in the instrumental, then «және» opening the next title
        (
            "Финляндия елшісі Микко Лехтоненмен және Польшаның Сейм депутаты",
            "Польшаның Сейм депутаты",
        ),
        # linking cases and words merely ending like a case close nothing
        (
            "Чехияның Қазақстандағы Төтенше және өкілетті елшісі",
            "Чехияның Қазақстандағы Төтенше және өкілетті елшісі",
        ),
        # a dash inside a quoted name belongs to the title
        (
            "Сейм жанындағы «Литва – Орталық Азия» тобының жетекшісі",
            "Сейм жанындағы «Литва – Орталық Азия» тобының жетекшісі",
        ),
    ],
)
def test_a_title_is_what_follows_the_last_closed_phrase(span: str, title: str) -> None:
    start, text = _title_phrase(span, 0, len(span), kazakh_gazetteer().base_forms)
    assert text == title
    assert span[start:] == title


def test_a_headline_and_a_dateline_are_sentences_of_their_own() -> None:
    text = "Сенатор Грузия елшісімен кездесті\n\nАСТАНА. ҚАЗАҚПАРАТ – Сенатор елшіні қабылдады."
    sentences = [text[s.start : s.end] for s in kazakh_sentences(text)]
    assert sentences[0] == "Сенатор Грузия елшісімен кездесті"
    assert sentences[-1] == "Сенатор елшіні қабылдады."  # the agency is not its subject
    assert "ҚАЗАҚПАРАТ –" in " ".join(sentences[1:-1])


def test_native_spelling_marks_a_kazakh_surname() -> None:
    assert native_spelling_country("Нұрғалиев") == "KZ"
    assert native_spelling_country("Сәтбаева") == "KZ"
    assert native_spelling_country("Мамытов") is None  # no Kazakh letter: transcribed
    assert native_spelling_country("Өзтүрк") is None  # Kazakh letters, no patronymic suffix


AGENCY_TEXT = (
    "Латвия делегациясы Ригада болды\n\n"
    "РИГА. ҚАЗАҚПАРАТ – Мәжіліс депутаты Бауыржан Сейітқалиев Латвия Сеймінің төрағасы "
    "Инара Калниньшпен кездесті. Латвия делегациясының құрамында депутаттар Янис Озолс "
    "және Марта Берзиня бар. Кездесуге қазақстандық тараптан сенатор Әлібек Жұмабайұлы "
    "қатысты."
)


def test_the_publisher_is_home_whatever_the_dateline_city() -> None:
    record = read_kazakh(Document(id="kk-riga", text=AGENCY_TEXT))
    assert record.home_country == "KZ"  # ҚАЗАҚПАРАТ, though the dateline is Riga


def test_members_named_after_a_countrys_group_are_its() -> None:
    persons = _persons(AGENCY_TEXT)
    assert persons["Озолс"][0] == "LV"  # «Латвия делегациясының құрамында депутаттар ...»
    assert persons["Берзиня"][0] == "LV"  # listed after the first with «және»
    assert persons["Жұмабайұлы"][0] == "KZ"  # «қазақстандық тараптан»
    assert persons["Калниньш"][0] == "LV"  # the title's possessor


def test_a_country_before_a_title_in_another_case_is_not_its_holders() -> None:
    text = (
        "Сенатор Ерлан Оспанов Грузия үкіметінің басшысына Армения Премьер-Министрі "
        "Арам Петросянның сәлемін жеткізді."
    )
    persons = _persons(text)
    assert persons["Петросян"][0] == "AM"
