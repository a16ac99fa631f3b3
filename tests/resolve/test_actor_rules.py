"""Mentions grouped into actors (resolve/actors.py), one case per phenomenon, on mentions built
by hand over a text parsed by hand: a person's surname alone, an initial, a given name in
another case, two people of one surname; one actor per country, nested names of a body, a
capital's state, a country said before a name. Names and sentences written for the test."""

from __future__ import annotations

from functools import cache

import pytest

from communique.extract.lexicon import Lexicons
from communique.nlp.annotate import Annotation
from communique.record import Actor, Mention, MentionType
from communique.resolve.actors import resolve
from handbuilt_annotation import annotation, span_of

PERSON, COUNTRY, ORG, CITY = (
    MentionType.PERSON,
    MentionType.COUNTRY,
    MentionType.ORGANIZATION,
    MentionType.CITY,
)


_POS = {"из": "ADP", "в": "ADP", "с": "ADP", "и": "CCONJ", ",": "PUNCT"}


@cache
def _lexicons() -> Lexicons:
    return Lexicons()


def _flat(text: str) -> Annotation:
    """`text` one token a word, each its own root: a preposition, a proper noun (capitalised)
    or a noun, in the genitive (what the rules here read of a parse)."""
    lines = [
        f"{w} {w.lower()} {_POS.get(w, 'PROPN' if w[:1].isupper() else 'NOUN')} Case=Gen 0 root"
        for w in text.split()
    ]
    return annotation("\n".join(lines))


def _actors(text: str, named: list[tuple]) -> tuple[list[Actor], list[Mention]]:
    """`named`: (words, type, nominative[, fields]) of each mention, in text order; the same
    words twice are found at their next place."""
    parsed = _flat(text)
    mentions, seen = [], {}
    for number, (words, kind, normal, *fields) in enumerate(named):
        seen[words] = seen.get(words, -1) + 1
        start, end = span_of(parsed, words, seen[words])
        mentions.append(
            Mention(
                id=f"m{number}",
                type=kind,
                start=start,
                end=end,
                text=words,
                normal=normal,
                sentence=0,
                extractor="test",
                **(fields[0] if fields else {}),
            )
        )
    resolution = resolve(parsed, mentions, [], _lexicons())
    return resolution.actors, resolution.mentions


def _people(actors: list[Actor]) -> list[tuple[str, int]]:
    return sorted((a.name, len(a.mentions)) for a in actors if a.kind.value == "person")


@pytest.mark.parametrize(
    ("text", "named", "people"),
    [
        pytest.param(
            "Иван Сомов прибыл , Сомов выступил",
            [("Иван Сомов", PERSON, "Иван Сомов"), ("Сомов", PERSON, "Сомов")],
            [("Иван Сомов", 2)],
            id="surname-alone-after-the-full-name",
        ),
        pytest.param(
            "Сомов прибыл , Иван Сомов выступил",
            [("Сомов", PERSON, "Сомов"), ("Иван Сомов", PERSON, "Иван Сомов")],
            [("Иван Сомов", 2)],
            id="full-name-after-the-surname-alone",
        ),
        pytest.param(
            "Ивана Сомова встретили , Сомов выступил",
            [("Ивана Сомова", PERSON, "Иван Сомов"), ("Сомов", PERSON, "Сомов")],
            [("Иван Сомов", 2)],
            id="surname-in-another-case",
        ),
        pytest.param(
            "И. Сомов прибыл , Иван Сомов выступил",
            [("И. Сомов", PERSON, "И. Сомов"), ("Иван Сомов", PERSON, "Иван Сомов")],
            [("Иван Сомов", 2)],
            id="initial-and-the-name-it-stands-for",
        ),
        pytest.param(
            "Маулен Сомов прибыл , с Мауленом Сомовым",
            [
                ("Маулен Сомов", PERSON, "Маулен Сомов"),
                ("Мауленом Сомовым", PERSON, "Мауленом Сомов"),
            ],
            [("Маулен Сомов", 2)],
            id="given-name-left-in-another-case",
        ),
        pytest.param(
            "Иван Сомов прибыл , Анна Сомова выступила",
            [("Иван Сомов", PERSON, "Иван Сомов"), ("Анна Сомова", PERSON, "Анна Сомова")],
            [("Анна Сомова", 1), ("Иван Сомов", 1)],
            id="two-people-of-one-family",
        ),
        pytest.param(
            "Иван Сомов прибыл , Игорь Сомов выступил",
            [("Иван Сомов", PERSON, "Иван Сомов"), ("Игорь Сомов", PERSON, "Игорь Сомов")],
            [("Иван Сомов", 1), ("Игорь Сомов", 1)],
            id="two-given-names-sharing-two-letters",
        ),
        pytest.param(
            "Ян Сомов прибыл , Яна Сомов выступила",
            [("Ян Сомов", PERSON, "Ян Сомов"), ("Яна Сомов", PERSON, "Яна Сомов")],
            [("Ян Сомов", 1), ("Яна Сомов", 1)],
            id="short-given-names-are-not-case-forms",
        ),
        pytest.param(
            "И. Сомов прибыл , А. Сомов выступил",
            [("И. Сомов", PERSON, "И. Сомов"), ("А. Сомов", PERSON, "А. Сомов")],
            [("А. Сомов", 1), ("И. Сомов", 1)],
            id="two-initials",
        ),
        pytest.param(
            "Иван Сомов , Игорь Сомов , Сомов выступил",
            [
                ("Иван Сомов", PERSON, "Иван Сомов"),
                ("Игорь Сомов", PERSON, "Игорь Сомов"),
                ("Сомов", PERSON, "Сомов"),
            ],
            [("Иван Сомов", 2), ("Игорь Сомов", 1)],
            id="surname-alone-joins-the-first-named",
        ),
    ],
)
def test_people(text: str, named: list[tuple], people: list[tuple[str, int]]) -> None:
    actors, _ = _actors(text, named)
    assert _people(actors) == people


def test_every_mention_of_an_actor_points_to_it() -> None:
    actors, mentions = _actors(
        "Иван Сомов прибыл , Сомов выступил",
        [("Иван Сомов", PERSON, "Иван Сомов"), ("Сомов", PERSON, "Сомов")],
    )
    (somov,) = actors
    assert [m.actor for m in mentions] == [somov.id, somov.id]
    assert somov.mentions == ["m0", "m1"]
    assert somov.name_latin == "Ivan Somov"


def test_one_actor_per_country_however_named() -> None:
    actors, _ = _actors(
        "Россия и России , Турции",
        [
            ("Россия", COUNTRY, "Россия", {"country": "RU"}),
            ("России", COUNTRY, "Россия", {"country": "RU"}),
            ("Турции", COUNTRY, "Турция", {"country": "TR"}),
        ],
    )
    countries = sorted((a.country, len(a.mentions)) for a in actors)
    assert countries == [("RU", 2), ("TR", 1)]
    assert {a.name for a in actors} == {"Россия", "Турция"}  # the knowledge base's names


def test_a_body_named_inside_its_longer_name_is_one_actor() -> None:
    actors, _ = _actors(
        "Великим Государственным Хуралом Монголии",
        [
            (
                "Великим Государственным Хуралом Монголии",
                ORG,
                "Великий Государственный Хурал Монголии",
            ),
            ("Великим Государственным Хуралом", ORG, "Великий Государственный Хурал"),
            ("Монголии", COUNTRY, "Монголия", {"country": "MN"}),
        ],
    )
    bodies = [a for a in actors if a.kind.value == "organization"]
    assert [(b.name, len(b.mentions)) for b in bodies] == [
        ("Великий Государственный Хурал Монголии", 2)
    ]


def test_a_capital_lies_in_its_state() -> None:
    actors, _ = _actors("визит в Анкару", [("Анкару", CITY, "Анкара")])
    (ankara,) = actors
    assert (ankara.country, ankara.country_basis) == ("TR", "knowledge")


def test_a_country_in_the_genitive_right_before_a_name_is_his() -> None:
    actors, _ = _actors(
        "главами МИД Турции Озаном Демиром",
        [
            ("Турции", COUNTRY, "Турция", {"country": "TR"}),
            ("Озаном Демиром", PERSON, "Озан Демир"),
        ],
    )
    (person,) = [a for a in actors if a.kind.value == "person"]
    assert (person.country, person.country_basis) == ("TR", "text")


def test_a_country_after_a_preposition_is_where_he_came_from() -> None:
    actors, _ = _actors(
        "гость из Турции Озан Демир",
        [
            ("Турции", COUNTRY, "Турция", {"country": "TR"}),
            ("Озан Демир", PERSON, "Озан Демир"),
        ],
    )
    (person,) = [a for a in actors if a.kind.value == "person"]
    assert person.country is None
