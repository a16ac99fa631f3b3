"""English: the pinned spaCy model, the knowledge-base entity ruler, titles, the reader."""

from __future__ import annotations

import pytest
from spacy.language import Language

from communique.document import Document
from communique.lang.en.countries import english_countries
from communique.lang.en.model import MODEL_HASHES, model_file_mismatches
from communique.lang.en.read import read_english
from communique.record import ActorKind, CountryBasis


def _entities(nlp: Language, text: str) -> list[tuple[str, str, str]]:
    return [(entity.text, entity.label_, entity.ent_id_) for entity in nlp(text).ents]


def test_installed_model_is_the_pinned_one() -> None:
    assert len(MODEL_HASHES.read_text(encoding="utf-8").splitlines()) > 20
    assert model_file_mismatches() == []


def test_ruler_runs_before_the_ner(english_nlp: Language) -> None:
    names = english_nlp.pipe_names
    assert names.index("title_ruler") < names.index("knowledge_ruler") < names.index("ner")
    assert names.index("ner") < names.index("title_names")


def test_names_match_as_written_and_titles_in_any_case(english_nlp: Language) -> None:
    doc = english_nlp("The deputy foreign minister of Turkey ate turkey with the SENATOR.")
    found = {(e.text, e.label_) for e in doc.ents}
    assert ("Turkey", "GPE") in found
    assert not any(text == "turkey" for text, _ in found)
    assert ("SENATOR", "TITLE") in found


def test_country_and_name_after_a_title_are_apart(english_nlp: Language) -> None:
    found = _entities(
        english_nlp,
        "President of Kazakhstan Kassym-Jomart Tokayev welcomed the delegation at Akorda.",
    )
    assert ("Kazakhstan", "GPE", "KZ") in found
    assert ("Kassym-Jomart Tokayev", "PERSON", "") in found
    assert ("Akorda", "ORG", "kz-presidential-administration") in found


def test_name_after_a_long_title_phrase(english_nlp: Language) -> None:
    found = _entities(
        english_nlp,
        "He met Chairman of the Senate of the Parliament of Kazakhstan Daniyar Serikbayev today.",
    )
    persons = [text for text, label, _ in found if label == "PERSON"]
    assert persons == ["Daniyar Serikbayev"]  # "Parliament" goes on with "of": not a name


def test_title_takes_its_modifiers_and_demonym_is_no_person(english_nlp: Language) -> None:
    found = _entities(english_nlp, "The Kazakh Foreign Minister Arman Issetov arrived in Cairo.")
    labels = {text: label for text, label, _ in found}
    assert labels["Foreign Minister"] == "TITLE"
    assert labels["Kazakh"] == "NORP"
    assert labels["Arman Issetov"] == "PERSON"


def test_common_country_names_are_in_the_ruler(english_nlp: Language) -> None:
    found = _entities(english_nlp, "Turkey and the UK signed a protocol with Russia.")
    assert {(text, key) for text, label, key in found if label == "GPE"} == {
        ("Turkey", "TR"),
        ("UK", "GB"),
        ("Russia", "RU"),
    }


@pytest.mark.parametrize(
    ("demonym", "code"),
    [
        ("Malaysian", "MY"),
        ("Kazakh", "KZ"),
        ("Egyptian", "EG"),
        ("Omani", "OM"),
        ("Uzbek", "UZ"),
        ("Austrian", "AT"),
        ("Australian", "AU"),
        ("French", "FR"),  # not on the name's stem: from the data file
        ("Congolese", None),  # two countries named Congo: no guess
        ("Orange", None),
        ("Central", None),  # "Central Asian": a region, though it opens Central African Republic
        ("Saudi", "SA"),  # the first word of a name that is a demonym
    ],
)
def test_demonym_names_its_country(demonym: str, code: str | None) -> None:
    assert english_countries().by_demonym(demonym) == code


def test_reader_gives_persons_titles_and_countries() -> None:
    text = (
        "ASTANA, March 3, 2026 – Chairman of the Senate Maulen Ashimbayev received Ambassador of "
        "Malaysia to Kazakhstan Khairul Nizam Yusof. Ashimbayev thanked the ambassador.\n"
        "The Malaysian Ambassador Yusof invited him to Kuala Lumpur."
    )
    record = read_english(Document(id="en-test", text=text))
    persons = {actor.name: actor for actor in record.actors if actor.kind is ActorKind.PERSON}
    assert set(persons) == {"Maulen Ashimbayev", "Khairul Nizam Yusof"}
    speaker, ambassador = persons["Maulen Ashimbayev"], persons["Khairul Nizam Yusof"]
    assert speaker.positions == ["Chairman of the Senate"]
    assert (speaker.country, speaker.country_basis) == ("KZ", CountryBasis.INFERRED)
    assert ambassador.positions == ["Ambassador of Malaysia to Kazakhstan"]
    assert (ambassador.country, ambassador.country_basis) == ("MY", CountryBasis.TEXT)
    assert len(speaker.mentions) == 2  # "Ashimbayev" later is the same actor
    assert record.home_country == "KZ"
    occupation = next(o for o in record.occupations if o.person == ambassador.id)
    assert text[occupation.title.start : occupation.title.end] == ambassador.positions[0]
    countries = {actor.country for actor in record.actors if actor.kind is ActorKind.COUNTRY}
    assert countries == {"MY", "KZ"}


def test_title_shared_by_a_list_of_names() -> None:
    text = (
        "ANKARA, May 5, 2026 – The delegation included Jogorku Kenesh deputies Bakyt Sultanov, "
        "Asel Toktogulova and Ermek Dzhumaliev. The minister met the Foreign Ministers of "
        "Malaysia, Mohamad Rizal Hashim, and Egypt, Tarek Mansour."
    )
    record = read_english(Document(id="en-list", text=text))
    persons = {actor.name: actor for actor in record.actors if actor.kind is ActorKind.PERSON}
    for name in ("Bakyt Sultanov", "Asel Toktogulova", "Ermek Dzhumaliev"):
        assert persons[name].positions == ["Jogorku Kenesh deputy"]  # the plural, singular
        assert persons[name].country == "KG"  # the Jogorku Kenesh is Kyrgyzstan's
    assert persons["Mohamad Rizal Hashim"].country == "MY"
    assert persons["Tarek Mansour"].country == "EG"
    assert persons["Tarek Mansour"].positions == ["Foreign Minister"]


def test_common_nouns_and_split_names(english_nlp: Language) -> None:
    found = _entities(
        english_nlp,
        "The Deputy Speaker of the Senate thanked the members of the State Great Khural "
        "Tsendiin Bolormaa and Lkhagvyn Ganbaatar for the senate's support.",
    )
    persons = [text for text, label, _ in found if label == "PERSON"]
    assert "Senate" not in persons  # written "senate" later: a common noun
    assert "Tsendiin Bolormaa" in persons


def test_country_inside_a_whole_title_and_of_a_group() -> None:
    text = (
        "BEIJING, June 2, 2026 – President of the People's Republic of China Xi Jinping met the "
        "guests. The Turkish delegation included MPs Ayse Kilic and Murat Yildirim."
    )
    record = read_english(Document(id="en-groups", text=text))
    persons = {actor.name: actor for actor in record.actors if actor.kind is ActorKind.PERSON}
    assert persons["Xi Jinping"].country == "CN"  # the ruler took the title with China in it
    assert persons["Ayse Kilic"].country == "TR"  # the delegation's demonym, not the dateline's
    assert persons["Murat Yildirim"].positions == ["MP"]


def test_no_person_from_a_headline_line_break_an_acronym_or_a_region(
    english_nlp: Language,
) -> None:
    text = (
        "Tokayev, Xi Jinping hold talks\n\nASTANA – Kazakh PM met Special Representative of the "
        "European Union for Central Asia Klaus Riedel."
    )
    persons = [text for text, label, _ in _entities(english_nlp, text) if label == "PERSON"]
    assert all("\n" not in name and "ASTANA" not in name for name in persons)
    assert "PM" not in persons
    assert "Central Asia" not in persons


def _person_countries(text: str) -> tuple[dict[str, str | None], str | None]:
    record = read_english(Document(id="en-countries", text=text))
    persons = {a.name.split()[-1]: a.country for a in record.actors if a.kind is ActorKind.PERSON}
    return persons, record.home_country


def test_the_head_of_a_delegation_is_of_its_state() -> None:
    persons, _ = _person_countries(
        "ASTANA, April 8, 2026 – Speaker of the Senate Daulet Serikbayev received a delegation "
        "of the Ministry of Energy of Indonesia led by Deputy Minister Budi Santoso. Earlier, "
        "a group of the Parliament of Norway headed by Lars Olsen arrived in Almaty, and a "
        "delegation of the Parliament of Finland led by Mikko Virtanen, head of the friendship "
        "group, visited Astana."
    )
    assert persons["Santoso"] == "ID"  # not the dateline's KZ: his title names no state
    assert persons["Olsen"] == "NO"  # no title at all
    assert persons["Virtanen"] == "FI"  # a title after the name


def test_a_partner_with_a_title_of_no_state_is_not_of_the_subjects_group() -> None:
    persons, _ = _person_countries(
        "The Kazakh senators met with Peter Brown, chairman of the friendship group, and "
        "Senator Paul Green. The Turkish side included Deputy Minister Emre Aydin."
    )
    assert persons["Green"] != "KZ"  # "with" introduces the other side
    assert persons["Aydin"] == "TR"


def test_an_appositive_or_a_demonym_of_a_body_says_whose() -> None:
    persons, _ = _person_countries(
        "VIENNA, May 2, 2026 – Cardinal Marco Rossi, head of the Holy See delegation, met "
        "State Secretary of the Hungarian Ministry of Finance Gabor Kiss."
    )
    assert persons["Rossi"] == "VA"
    assert persons["Kiss"] == "HU"


def test_the_dateline_after_a_long_headline_is_the_publishers_place() -> None:
    _, home = _person_countries(
        "Japanese and Italian ministers join the talks on the sidelines of a forum in Rome\n\n"
        "ASTANA, May 2, 2026 – The forum in Rome brought together ministers of Japan, Italy "
        "and Japan's partners."
    )
    assert home == "KZ"


def test_a_surname_named_before_is_the_person_wherever_it_recurs() -> None:
    text = (
        "BERN, June 3, 2026 – President of Mongolia Enkh Batbayar held a telephone "
        "conversation with President of Switzerland Urs Brunner.\n\n"
        "Batbayar thanked Brunner for the warm wishes and confirmed his intention to pay a "
        "state visit to Switzerland next year."
    )
    record = read_english(Document(id="en-surname", text=text))
    persons = {actor.name: actor for actor in record.actors if actor.kind is ActorKind.PERSON}
    assert len(persons["Enkh Batbayar"].mentions) == 2  # the small model tags neither again
    assert len(persons["Urs Brunner"].mentions) == 2
    visit = next(e for e in record.events if e.mode == "visit")
    assert visit.source == [persons["Enkh Batbayar"].id]  # "his intention": the thanker's


def test_publisher_country_comes_from_the_source_never_from_what_the_text_is_about() -> None:
    text = (
        "Turkish and Peruvian ministers met in Ankara. Turkey and Peru agreed to open a new "
        "air route, and Turkey will host the next round of talks."
    )
    assert read_english(Document(id="en-home-1", text=text)).home_country is None
    stated = Document(id="en-home-2", text=text, source="Kazinform")
    assert read_english(stated).home_country == "KZ"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the NER's name is whole after a title's "of"-phrase closed by a capitalised word
        (
            "The talks were led by Deputy Minister of Investment Omar bin Khalid Al-Rashidi.",
            "Omar bin Khalid Al-Rashidi",
        ),
        # a proper-noun run after a title phrase: the phrase's words, then given name and surname
        (
            "Ospanov met the Special Representative for Central Asia Maria Keller in Astana.",
            "Maria Keller",
        ),
        (
            "He called State Secretary of the Ministry of Foreign Affairs and Trade Peter Horvath.",
            "Peter Horvath",
        ),
    ],
)
def test_a_title_phrase_closing_word_is_no_given_name(text: str, name: str) -> None:
    record = read_english(Document(id="en-title-tail", text=text))
    assert name in {a.name for a in record.actors if a.kind is ActorKind.PERSON}
