"""Kazakh events, agreements, dates and topics (issue 11), on sentences written for the tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from communique.document import Document
from communique.lang.kk.dates import find_dates
from communique.lang.kk.events import noun_bases, verb_form
from communique.lang.kk.read import read_kazakh
from communique.lang.kk.topics import find_kazakh_topics, kazakh_topic_entries
from communique.record import AgreementStatus, EventStatus, Record

PUBLISHED = "2025-04-10"


def _read(text: str, published: str | None = PUBLISHED) -> Record:
    return read_kazakh(Document(id="kk-events", text=text, published=published))


def _names(record: Record, ids: list[str]) -> set[str]:
    actors = {a.id: a.name.split()[-1] for a in record.actors}
    return {actors[i] for i in ids if i in actors}


def _consult(record: Record) -> list:
    return [e for e in record.events if e.type == "CONSULT"]


@pytest.mark.parametrize(
    ("word", "stem", "form", "passive"),
    [
        ("кездесті", "кездес", "past", False),
        ("кездеседі", "кездес", "future", False),
        ("кездеспеді", "кездес", "negated", False),
        ("талқыланды", "талқыла", "past", True),
        ("қойылмағанын", "қой", "negated", True),
        ("өткізуге", "өткіз", "verbal_noun_dative", False),
        ("кездесулерде", "кездес", "verbal_noun", False),
        ("шақырып", "шақыр", "converb", False),
    ],
)
def test_verb_forms(word: str, stem: str, form: str, passive: bool) -> None:
    assert verb_form(word, stem) == (form, passive)


def test_a_word_that_only_begins_like_a_verb_is_no_form_of_it() -> None:
    assert verb_form("келіссөздер", "келіс") is None  # negotiations, not «agreed»
    assert verb_form("қатысушылар", "қатыс") is None  # participants


@pytest.mark.parametrize(
    ("word", "base"),
    [("кездесулерде", "кездесу"), ("келіссөздерді", "келіссөз"), ("отырысына", "отырыс")],
)
def test_noun_bases(word: str, base: str) -> None:
    assert base in noun_bases(word)


@pytest.mark.parametrize(
    ("text", "mode", "cameo", "partner"),
    [
        (
            "Сыртқы істер министрі Ерлан Сәтбаев Италия елшісі Марко Россимен кездесті.",
            None,
            "040",
            "Росси",
        ),
        (
            "Премьер-министр Болат Жұмабеков Жапония елшісі Кэнта Сатоны қабылдады.",
            "visit",
            "042",  # a reception is the guest's visit: the guest is the source
            "Сато",
        ),
        (
            "Президент Қасым-Жомарт Тоқаев Франция Президенті Эммануэль Макронмен телефон "
            "арқылы сөйлесті.",
            "phone",
            "041",
            "Макрон",
        ),
    ],
)
def test_one_meeting_with_the_partner_from_its_case(
    text: str, mode: str | None, cameo: str, partner: str
) -> None:
    record = _read(text)
    (event,) = _consult(record)
    assert (event.cameo, event.mode, event.status) == (cameo, mode, EventStatus.HAPPENED)
    partner_side, other_side = (
        (event.source, event.target) if cameo == "042" else (event.target, event.source)
    )
    assert _names(record, partner_side) == {partner}
    assert partner not in _names(record, other_side)
    assert other_side and not event.participants_inferred


def test_each_partner_of_an_enumeration_is_a_meeting_of_its_own() -> None:
    record = _read(
        "Қазақстанның Сыртқы істер министрі Ерлан Сәтбаев Италияның Сыртқы істер министрі "
        "Марко Россимен, Германияның Экономика министрі Ханс Мюллермен және Жапонияның Сауда "
        "министрі Кэнта Сатомен кездесті."
    )
    pairs = [(_names(record, e.source), _names(record, e.target)) for e in _consult(record)]
    assert pairs == [({"Сәтбаев"}, {"Росси"}), ({"Сәтбаев"}, {"Мюллер"}), ({"Сәтбаев"}, {"Сато"})]


def test_later_sentences_on_the_meeting_join_it() -> None:
    record = _read(
        "Сыртқы істер министрі Ерлан Сәтбаев Италия елшісі Марко Россимен кездесті. "
        "Кездесу барысында тараптар сауда және энергетика саласындағы ынтымақтастықты "
        "талқылады."
    )
    (event,) = _consult(record)
    assert len(event.more_evidence) == 1
    assert {"trade", "energy"} <= set(event.topics)


def test_an_invitation_is_a_planned_visit() -> None:
    record = _read(
        "Сыртқы істер министрі Ерлан Сәтбаев Италия елшісі Марко Россимен кездесті. "
        "Ерлан Сәтбаев Италия елшісі Марко Россины Астанаға ресми сапармен келуге шақырды."
    )
    planned = [e for e in _consult(record) if e.status is EventStatus.PLANNED]
    assert [(e.mode, e.cameo) for e in planned] == [("visit", "042")]
    assert _names(record, planned[0].target) == {"Росси"}
    held = [e for e in _consult(record) if e.status is EventStatus.HAPPENED]
    assert len(held) == 1  # the invitation is not the meeting


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("Тараптар келесі кездесуді Римде өткізуге уағдаласты.", EventStatus.PLANNED),
        ("Министрлер келесі аптада Римде кездеседі.", EventStatus.PLANNED),
        ("Министрлер Римде кездеспеді.", EventStatus.NEGATED),
    ],
)
def test_status_from_the_verb_form(sentence: str, status: EventStatus) -> None:
    record = _read(
        "Сыртқы істер министрі Ерлан Сәтбаев Италия министрі Марко Россимен телефон арқылы "
        f"сөйлесті. {sentence}"
    )
    last = record.events[-1] if status is EventStatus.NEGATED else None
    statuses = [e.status for e in _consult(record)]
    assert status in statuses
    if last is not None:
        assert last.status is EventStatus.NEGATED


def test_a_place_in_the_locative_is_no_side() -> None:
    record = _read(
        "Президент Қасым-Жомарт Тоқаев Ақордада Италия Президенті Серджо Маттарелламен кездесті."
    )
    (event,) = _consult(record)
    assert _names(record, event.source) == {"Тоқаев"}
    assert _names(record, event.target) == {"Маттарелла"}
    assert event.location is None


def test_a_country_before_a_title_only_qualifies_it() -> None:
    record = _read("Министр Италия, Германия және Жапония сыртқы істер министрлерімен кездесті.")
    for event in _consult(record):
        assert not event.source_countries  # no country is the subject


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        (
            "Тараптар Инвестицияларды өзара қорғау туралы келісімге қол қойды.",
            AgreementStatus.SIGNED,
        ),
        (
            "Тараптар Инвестицияларды өзара қорғау туралы келісімге әлі қол қойылмағанын "
            "атап өтті.",
            AgreementStatus.PLANNED,
        ),
        (
            "Министр Инвестицияларды өзара қорғау туралы келісімді ратификациялаудың "
            "маңызын атап өтті.",
            AgreementStatus.PLANNED,
        ),
        (
            "Тараптар өткен жылы қол қойылған Инвестицияларды өзара қорғау туралы "
            "келісімді талқылады.",
            AgreementStatus.SIGNED,
        ),
    ],
)
def test_agreement_status_from_the_verb_form(sentence: str, status: AgreementStatus) -> None:
    record = _read(sentence)
    (agreement,) = record.agreements
    assert agreement.status is status
    assert agreement.kind == "agreement"
    assert agreement.title.endswith("туралы келісім")
    assert "Инвестицияларды" in agreement.title


def test_a_signing_names_its_parties_and_event() -> None:
    record = _read(
        "Министр Ерлан Сәтбаев пен министр Марко Росси мәдениет саласындағы ынтымақтастық "
        "туралы меморандумға қол қойды."
    )
    (agreement,) = record.agreements
    assert agreement.kind == "memorandum"
    assert agreement.event is not None
    assert _names(record, agreement.parties) == {"Сәтбаев", "Росси"}


@pytest.mark.parametrize(
    ("text", "value", "basis"),
    [
        ("2024 жылғы 5 наурызда", "2024-03-05", "text"),
        ("2023 жылдың қазан айында", "2023-10", "text"),
        ("2024 жылы", "2024", "text"),
        ("5 наурызда", "2025-03-05", "relative"),
        ("өткен жылдың сәуір айында", "2024-04", "relative"),
        ("биыл", "2025", "relative"),
    ],
)
def test_dates(text: str, value: str, basis: str) -> None:
    (found,) = find_dates(f"Кездесу {text} өтті.", date(2025, 4, 10))
    assert (found.text, found.resolved.value, found.resolved.basis.value) == (text, value, basis)


def test_no_relative_date_without_a_publication_date() -> None:
    assert find_dates("Кездесу 5 наурызда өтті.", None) == []
    assert find_dates("2024 жылы Қазан қаласында", None)[0].resolved.value == "2024"


def test_an_event_takes_the_date_of_its_sentence() -> None:
    record = _read(
        "Министр Ерлан Сәтбаев 2025 жылғы 3 наурызда Италия министрі Марко Россимен кездесті."
    )
    (event,) = _consult(record)
    assert event.date is not None and event.date.value == "2025-03-03"


def test_topics() -> None:
    found = {
        hit.topic
        for hit in find_kazakh_topics(
            "Тараптар көлік-логистика мен ғарыш саласындағы ынтымақтастықты талқылады."
        )
    }
    assert found == {"transport_logistics", "space"}
    assert not find_kazakh_topics("Президент оған зор денсаулық тіледі.")


def test_a_topic_id_outside_the_vocabulary_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "topics.json"
    path.write_text('{"version": 1, "topics": {"gardening": ["бақ"]}}', encoding="utf-8")
    with pytest.raises(ValueError, match="gardening"):
        kazakh_topic_entries(path)


def test_documents_joined_by_and_share_the_verb_after_the_last() -> None:
    record = _read(
        "Тараптар Бірлескен мәлімдемеге және көлік саласындағы ынтымақтастық туралы "
        "меморандумға қол қойды."
    )
    assert [(a.kind, a.status) for a in record.agreements] == [
        ("statement", AgreementStatus.SIGNED),
        ("memorandum", AgreementStatus.SIGNED),
    ]
    assert not record.agreements[1].title.startswith("және")


def test_a_signing_still_to_come_is_planned() -> None:
    record = _read(
        "Тараптар Транзиттік сауда туралы келісімге қол қою үшін қажетті рәсімдерді "
        "жеделдетуге уағдаласты."
    )
    (agreement,) = record.agreements
    assert agreement.status is AgreementStatus.PLANNED
    assert agreement.title.startswith("Транзиттік сауда")  # «сауда» only looks locative


def test_the_head_of_a_delegation_takes_its_case() -> None:
    record = _read(
        "Сенат Төрағасы Мәулен Әшімбаев Италия Сенатының вице-президенті Марко Росси "
        "бастаған Италия парламенті делегациясын қабылдады."
    )
    (event,) = _consult(record)
    assert _names(record, event.source) == {"Росси"}  # the guest's visit to the host
    assert _names(record, event.target) == {"Әшімбаев"}


def test_the_host_of_a_gathering_and_those_who_also_came_are_one_gathering() -> None:
    record = _read(
        "Қазақстан Президенті Қасым-Жомарт Тоқаев Өзбекстан Президенті Шавкат "
        "Мирзиёевтің төрағалығымен өткен саммитке қатысты. Саммитке сондай-ақ "
        "Қырғызстан Президенті Садыр Жапаров және Тәжікстан Президенті Эмомали Рахмон "
        "қатысты."
    )
    (event,) = _consult(record)
    assert event.mode == "multilateral"
    assert _names(record, event.source + event.target) == {
        "Тоқаев",
        "Мирзиёев",
        "Жапаров",
        "Рахмон",
    }
    assert len(event.more_evidence) == 1


def test_a_title_alone_stands_for_its_holder_named_before() -> None:
    record = _read(
        "Сенат Төрағасы Мәулен Әшімбаев Италия елшісі Марко Россимен кездесті. "
        "Сенат Төрағасы сондай-ақ Германия елшісі Ханс Мюллермен сауданы талқылады."
    )
    pairs = [(_names(record, e.source), _names(record, e.target)) for e in _consult(record)]
    assert ({"Әшімбаев"}, {"Мюллер"}) in pairs


def test_the_head_of_a_states_body_stands_for_that_states_titled_person() -> None:
    # «басшысы» (head) is no head noun of her title (Төрағасы), but names Italy's titled person.
    record = _read(
        "Сенат Төрағасы Мәулен Әшімбаев Италия Сенатының Төрағасы Лаура Бьянкимен кездесті. "
        "Италия сенатының басшысы қазақстандық әріптесін Римге сапармен келуге шақырды."
    )
    sources = [_names(record, e.source) for e in record.events if e.status == "planned"]
    assert {"Бьянки"} in sources


@pytest.mark.parametrize(
    ("sentence", "kind", "what"),
    [
        (
            "Тараптар келесі отырысты 2026 жылы Астанада өткізуге уағдаласты.",
            "agreed_step",
            "келесі отырысты 2026 жылы Астанада өткізуге",
        ),
        (
            "Министр Ерлан Сәтбаев сауда өкілдігін ашуды ұсынды.",
            "proposal",
            "сауда өкілдігін ашуды",
        ),
    ],
)
def test_what_an_agreement_undertakes_is_written_before_its_verb(
    sentence: str, kind: str, what: str
) -> None:
    record = _read(sentence)
    (commitment,) = record.commitments
    assert (commitment.kind, commitment.what) == (kind, what)
    event = next(e for e in record.events if e.id == commitment.event)
    assert event.type == "AGREE"
    assert record.text[commitment.what_span.start : commitment.what_span.end] == what


def test_a_commitment_is_due_by_the_date_inside_it() -> None:
    record = _read("Тараптар келесі отырысты 2026 жылы Астанада өткізуге уағдаласты.")
    (commitment,) = record.commitments
    assert commitment.by is not None and commitment.by.value == "2026"


def test_no_commitment_from_a_negated_agreement() -> None:
    record = _read("Тараптар келесі отырысты Астанада өткізуге уағдаласпады.")
    assert record.commitments == []


def test_no_side_is_the_agency_or_the_photographer() -> None:
    record = _read(
        "АСТАНА. ҚАЗАҚПАРАТ – Сыртқы істер министрі Ерлан Сәтбаев Италия елшісі Марко "
        "Россимен кездесті, деп хабарлады ҚР СІМ баспасөз қызметі. Кездесу барысында "
        "тараптар сауданы талқылады.\n\nФото: Айгерим Сатыбалдиева"
    )
    (event,) = _consult(record)
    assert _names(record, event.source + event.target) == {"Сәтбаев", "Росси"}
    assert not event.participants_inferred
    credit = record.text.index("Фото")
    assert all(span.start < credit for span in [event.evidence, *event.more_evidence])


def test_a_name_the_tagger_ran_into_a_title_is_still_a_party() -> None:
    from communique.lang.kk.events import _names_inside, sentence_words
    from communique.record import Actor, ActorKind, Mention, MentionType, Span

    text = "Италия министрінің орынбасары Лоренцо Россимен және Жапония министрінің орынбасары"
    record = Record(id="x", text=text, sentences=[Span(start=0, end=len(text))])
    rossi = Actor(id="a1", kind=ActorKind.PERSON, name="Лоренцо Росси", country="IT")
    title = Mention(
        id="m1", type=MentionType.POSITION, start=0, end=len(text), text=text, normal=text,
        sentence=0, extractor="test",
    )  # fmt: skip
    words = sentence_words(record, 0)
    (party,) = _names_inside(words, 0, len(words) - 1, [rossi], frozenset(), title)
    assert (party.actor, party.case, words[party.first].text) == ("a1", "instrumental", "Россимен")


def test_a_state_is_found_by_its_name_before_the_form_of_state() -> None:
    from communique.knowledge.base import Knowledge
    from communique.lang.kk.read import country_of

    knowledge = Knowledge.load()
    assert country_of("Сауд Арабиясы Корольдігі", knowledge) == "SA"
    assert country_of("Оман Сұлтандығы", knowledge) == "OM"
    assert country_of("Мысыр Араб Республикасы", knowledge) == "EG"
    assert country_of("Сыртқы істер министрлігі", knowledge) is None


def test_the_head_of_a_delegation_is_of_the_delegations_country() -> None:
    record = _read(
        "АСТАНА. ҚАЗАҚПАРАТ – Сенат Төрағасы Мәулен Әшімбаев экономика министрінің "
        "орынбасары Ахмед Хасан бастаған Малайзия Корольдігінің делегациясын қабылдады."
    )
    persons = {a.name.split()[-1]: a for a in record.actors if a.kind.value == "person"}
    assert (persons["Хасан"].country, persons["Әшімбаев"].country) == ("MY", "KZ")
    (event,) = _consult(record)
    assert event.source_countries == ["MY"]  # the guest's visit
