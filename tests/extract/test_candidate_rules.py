"""Where candidate mentions come from (extract/candidates.py), one case per phenomenon, on text
parsed by hand: dates by their written forms, a document's title with its phrase, country
adjectives, the name in a person span of the model, an outlet's name. Written for the test."""

from __future__ import annotations

from functools import cache

import pytest

from communique.extract.candidates import (
    adjective_candidates,
    date_candidates,
    head_phrase_candidates,
    ner_candidates,
    outlet_candidates,
)
from communique.extract.lexicon import Lexicons
from communique.nlp.annotate import Annotation, NerSpan
from handbuilt_annotation import annotation


@cache
def _lexicons() -> Lexicons:
    return Lexicons()


def _flat(text: str, pos: dict[str, str] | None = None) -> Annotation:
    """`text` one token a word (tokens split on spaces), each its own root; a capitalised word a
    proper noun, a number NUM, a lower-case word a noun unless `pos` says otherwise."""
    lines = []
    for word in text.split():
        kind = (pos or {}).get(word) or (
            "NUM" if word[:1].isdigit() else "PROPN" if word[:1].isupper() else "NOUN"
        )
        lines.append(f"{word} {word.lower()} {kind} _ 0 root")
    return annotation("\n".join(lines))


def _texts(parsed: Annotation, candidates) -> list[str]:
    tokens = parsed.tokens
    return [parsed.text[tokens[c.first].start : tokens[c.last - 1].end] for c in candidates]


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        pytest.param("прибыл 5 марта", ["5 марта"], id="day-and-month"),
        pytest.param("прибыл 5 марта 2024 года", ["5 марта 2024 года"], id="day-month-year"),
        pytest.param("прибыл 5 – 7 марта", ["5 – 7 марта"], id="range-of-days"),
        pytest.param("в мае 2024 г.", ["в мае 2024 г."], id="month-and-year-with-preposition"),
        pytest.param("до 10 мая", ["до 10 мая"], id="until-a-day"),
        pytest.param("в 2025 году", ["в 2025 году"], id="year-with-year-word"),
        pytest.param("в начале 2025 года", ["в начале 2025 года"], id="part-of-a-year"),
        pytest.param("от 05.03.2024", ["05.03.2024"], id="dotted-date"),
        pytest.param("во вторник", ["во вторник"], id="weekday"),
        pytest.param("Вчера прибыл", ["Вчера"], id="yesterday-capitalised"),
        pytest.param("прибыли 5 человек", [], id="a-number-of-people"),
        pytest.param("номер 2025", [], id="a-year-with-no-year-word"),
        pytest.param("в 1850 году", [], id="a-year-before-1900"),
    ],
)
def test_date_candidates(text: str, dates: list[str]) -> None:
    parsed = _flat(text)
    found = list(date_candidates(parsed))
    assert _texts(parsed, found) == dates
    assert all((c.type.value, c.source) == ("DATE", "regex") for c in found)


def _titles(conll: str) -> list[tuple[str, str, str | None]]:
    parsed = annotation(conll)
    found = list(head_phrase_candidates(parsed, _lexicons()))
    return [
        (text, c.type.value, c.label) for text, c in zip(_texts(parsed, found), found, strict=True)
    ]


@pytest.mark.parametrize(
    ("conll", "titles"),
    [
        pytest.param(
            """
            подписали подписать VERB _ 0 root
            Соглашение соглашение NOUN Case=Acc|Number=Sing 1 obj
            о о ADP _ 4 case
            сотрудничестве сотрудничество NOUN Case=Loc 2 nmod
            . . PUNCT _ 1 punct
            """,
            [("Соглашение о сотрудничестве", "AGREEMENT", "agreement")],
            id="agreement-with-its-subject",
        ),
        pytest.param(
            """
            межправительственные межправительственный ADJ Number=Plur 4 amod
            и и CCONJ _ 3 cc
            межведомственные межведомственный ADJ Number=Plur 1 conj
            соглашения соглашение NOUN Number=Plur 0 root
            """,
            [("межправительственные и межведомственные соглашения", "AGREEMENT", "agreement")],
            id="coordinated-adjectives-before-the-head",
        ),
        pytest.param(
            """
            двусторонние двусторонний ADJ Number=Plur 4 amod
            торговые торговый ADJ Number=Plur 1 amod
            новые новый ADJ Number=Plur 0 root
            соглашения соглашение NOUN Number=Plur 3 nsubj
            """,
            [("двусторонние торговые новые соглашения", "AGREEMENT", "agreement")],
            id="agreeing-adjective-hung-elsewhere",
        ),
        pytest.param(
            """
            обсудили обсудить VERB _ 0 root
            программу программа NOUN Case=Acc 1 obj
            """,
            [],
            id="programme-without-a-modifier-is-no-title",
        ),
        pytest.param(
            """
            Программа программа NOUN Case=Nom 0 root
            сотрудничества сотрудничество NOUN Case=Gen 1 nmod
            """,
            [("Программа сотрудничества", "AGREEMENT", "programme")],
            id="programme-with-a-complement",
        ),
        pytest.param(
            """
            Соглашение соглашение NOUN Case=Nom 0 root
            о о ADP _ 3 case
            поощрении поощрение NOUN Case=Loc 1 nmod
            и и CCONJ _ 6 cc
            взаимной взаимный ADJ Case=Loc 6 amod
            защите защита NOUN Case=Loc 3 conj
            инвестиций инвестиция NOUN Case=Gen 6 nmod
            """,
            [("Соглашение о поощрении и взаимной защите инвестиций", "AGREEMENT", "agreement")],
            id="nouns-joined-to-the-subject-share-it",
        ),
        pytest.param(
            """
            Соглашение соглашение NOUN Case=Nom 0 root
            и и CCONJ _ 3 cc
            Меморандум меморандум NOUN Case=Nom 1 conj
            """,
            [("Соглашение", "AGREEMENT", "agreement"), ("Меморандум", "AGREEMENT", "memorandum")],
            id="two-documents-joined",
        ),
        pytest.param(
            """
            реализации реализация NOUN Case=Gen 0 root
            Соглашения соглашение NOUN Case=Gen 1 nmod
            о о ADP _ 4 case
            партнерстве партнерство NOUN Case=Loc 1 nmod
            """,
            [("Соглашения о партнерстве", "AGREEMENT", "agreement")],
            id="subject-parsed-under-another-noun",
        ),
        pytest.param(
            """
            прошла пройти VERB _ 0 root
            встреча встреча NOUN Case=Nom 1 nsubj
            министров министр NOUN Case=Gen 2 nmod
            """,
            [],
            id="unnamed-meeting-is-no-event-name",
        ),
        pytest.param(
            """
            прошла пройти VERB _ 0 root
            Неделя неделя NOUN Case=Nom 1 nsubj
            Казахстана Казахстан PROPN Case=Gen 2 nmod
            """,
            [("Неделя Казахстана", "EVENT", "week")],
            id="capitalised-event-name",
        ),
        pytest.param(
            """
            Неделя неделя NOUN Case=Nom 0 root
            Казахстана Казахстан PROPN Case=Gen 1 nmod
            """,
            [],
            id="capital-letter-opening-a-sentence-names-nothing",
        ),
    ],
)
def test_document_and_event_titles(conll: str, titles: list[tuple]) -> None:
    assert _titles(conll) == titles


@pytest.mark.parametrize(
    ("word", "countries", "parts"),
    [
        pytest.param("российских", [("RU",)], [(0, 10)], id="country-adjective"),
        pytest.param(
            "казахстанско-японский",
            [("KZ",), ("JP",)],
            [(0, 12), (13, 21)],
            id="compound-adjective-each-part",
        ),
        pytest.param("деловых", [], [], id="no-country-adjective"),
    ],
)
def test_country_adjectives(word: str, countries: list, parts: list) -> None:
    parsed = _flat(word, {word: "ADJ"})
    found = list(adjective_candidates(parsed, _lexicons()))
    assert [c.countries for c in found] == countries
    assert [c.chars for c in found] == parts
    assert all(c.form.value == "adjective" for c in found)


def test_a_country_name_is_no_adjective_candidate() -> None:
    assert list(adjective_candidates(_flat("Россия"), _lexicons())) == []


def _persons(text: str, span: tuple[int, int], pos: dict[str, str] | None = None) -> list[str]:
    parsed = _flat(text, pos)
    first, last = span
    tokens = parsed.tokens
    parsed.ner.append(NerSpan("PER", tokens[first].start, tokens[last - 1].end, first, last))
    return _texts(parsed, ner_candidates(parsed, _lexicons()))


@pytest.mark.parametrize(
    ("text", "span", "persons"),
    [
        pytest.param("Иван Сомов прибыл", (0, 2), ["Иван Сомов"], id="name"),
        pytest.param("Император Акихито прибыл", (0, 2), ["Акихито"], id="title-swept-in"),
        pytest.param("Иван Сомов ( Ivan Somov )", (0, 4), ["Иван Сомов"], id="cut-at-a-bracket"),
        pytest.param("Кардинал прибыл", (0, 1), [], id="a-lone-title"),
        pytest.param(
            "Казахстанско-монгольское сотрудничество",
            (0, 1),
            [],
            id="an-adjective-alone",
        ),
    ],
)
def test_the_name_in_a_person_span(text: str, span: tuple[int, int], persons: list[str]) -> None:
    assert _persons(text, span, {"Казахстанско-монгольское": "ADJ"}) == persons


@pytest.mark.parametrize(
    ("text", "outlets"),
    [
        pytest.param("АСТАНА . КАЗИНФОРМ – текст", ["КАЗИНФОРМ"], id="agency-in-capitals"),
        pytest.param("по данным РИА Новости", ["РИА Новости"], id="two-word-outlet"),
        pytest.param("по данным казинформ", [], id="lower-case-is-no-name"),
    ],
)
def test_outlet_names(text: str, outlets: list[str]) -> None:
    parsed = _flat(text)
    found = list(outlet_candidates(parsed))
    assert _texts(parsed, found) == outlets
    assert all(c.type.value == "ORGANIZATION" for c in found)
