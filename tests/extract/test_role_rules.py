"""Who holds which title (extract/roles.py), one case per phenomenon, on parses and mentions
built by hand: the name beside the title, an aside, a name before the title, a predicate title,
a plural title over a list, kinship words, the organisation or place the title belongs to.
test_roles.py shows the rules on real parses. Sentences written for the test."""

from __future__ import annotations

import pytest

from communique.extract.roles import find_roles
from communique.record import Mention, MentionForm, MentionType
from handbuilt_annotation import annotation, span_of

PERSON, POSITION = MentionType.PERSON, MentionType.POSITION
COUNTRY, ORG = MentionType.COUNTRY, MentionType.ORGANIZATION


def _roles(
    conll: str, named: list[tuple], normals: dict[str, str] | None = None
) -> list[tuple[str, str, str | None]]:
    """(person, title, organisation or place) of each fact found. `named`: (words, type) or
    (words, type, form) of each mention; a title's nominative is in `normals` or its words."""
    parsed = annotation(conll)
    mentions = []
    for number, (words, kind, *form) in enumerate(named):
        start, end = span_of(parsed, words)
        sentence = next(s.index for s in parsed.sentences if s.start <= start < s.end)
        mentions.append(
            Mention(
                id=f"m{number}",
                type=kind,
                start=start,
                end=end,
                text=words,
                normal=(normals or {}).get(words, words),
                form=form[0] if form else MentionForm.NAME,
                sentence=sentence,
                actor=f"a{number}",
                extractor="test",
            )
        )
    facts = find_roles(parsed, mentions)
    return [
        (
            f.person.text,
            f.title,
            (f.organization or f.place).text if f.organization or f.place else None,
        )
        for f in facts
    ]


@pytest.mark.parametrize(
    ("conll", "named", "found"),
    [
        pytest.param(
            """
            Президент президент NOUN Number=Sing 3 nsubj
            Иван Иван PROPN _ 1 appos
            Петров Петров PROPN _ 2 flat:name
            прибыл прибыть VERB _ 0 root
            """,
            [("Президент", POSITION), ("Иван Петров", PERSON)],
            [("Иван Петров", "Президент", None)],
            id="name-right-after-the-title",
        ),
        pytest.param(
            """
            посол посол NOUN Number=Sing 0 root
            Японии Япония PROPN _ 1 nmod
            в в ADP _ 4 case
            России Россия PROPN _ 1 nmod
            Кэндзи Кэндзи PROPN _ 1 appos
            Сато Сато PROPN _ 5 flat:name
            """,
            [
                ("посол Японии в России", POSITION),
                ("Японии", COUNTRY),
                ("России", COUNTRY),
                ("Кэндзи Сато", PERSON),
            ],
            [("Кэндзи Сато", "посол", "Японии")],
            id="title-with-its-country-and-post-then-the-name",
        ),
        pytest.param(
            """
            министр министр NOUN Number=Sing 0 root
            энергетики энергетика NOUN _ 1 nmod
            Казахстана Казахстан PROPN _ 2 nmod
            Иван Иван PROPN _ 1 appos
            Петров Петров PROPN _ 4 flat:name
            """,
            [
                ("министр энергетики Казахстана", POSITION),
                ("Казахстана", COUNTRY),
                ("Иван Петров", PERSON),
            ],
            [("Иван Петров", "министр энергетики", "Казахстана")],
            id="title-keeps-its-words-before-the-place",
        ),
        pytest.param(
            """
            председатель председатель NOUN Number=Sing 0 root
            Сената сенат PROPN _ 1 nmod
            Иван Иван PROPN _ 1 appos
            Петров Петров PROPN _ 3 flat:name
            """,
            [("председатель Сената", POSITION), ("Сената", ORG), ("Иван Петров", PERSON)],
            [("Иван Петров", "председатель", "Сената")],
            id="title-of-an-organisation",
        ),
        pytest.param(
            """
            российский российский ADJ _ 2 amod
            президент президент NOUN Number=Sing 0 root
            Иван Иван PROPN _ 2 appos
            Петров Петров PROPN _ 3 flat:name
            """,
            [
                ("российский", COUNTRY, MentionForm.ADJECTIVE),
                ("президент", POSITION),
                ("Иван Петров", PERSON),
            ],
            [("Иван Петров", "президент", "российский")],
            id="country-as-an-adjective-before-the-title",
        ),
        pytest.param(
            """
            Иван Иван PROPN _ 0 root
            Петров Петров PROPN _ 1 flat:name
            , , PUNCT _ 4 punct
            министр министр NOUN Number=Sing 1 appos
            энергетики энергетика NOUN _ 4 nmod
            """,
            [("Иван Петров", PERSON), ("министр энергетики", POSITION)],
            [("Иван Петров", "министр энергетики", None)],
            id="title-after-the-name-and-a-comma",
        ),
        pytest.param(
            """
            Иван Иван PROPN _ 0 root
            Петров Петров PROPN _ 1 flat:name
            ( ( PUNCT _ 4 punct
            министр министр NOUN Number=Sing 1 appos
            ) ) PUNCT _ 4 punct
            """,
            [("Иван Петров", PERSON), ("министр", POSITION)],
            [("Иван Петров", "министр", None)],
            id="title-in-brackets-after-the-name",
        ),
        pytest.param(
            """
            Бывший бывший ADJ _ 2 amod
            министр министр NOUN Number=Sing 6 nsubj
            , , PUNCT _ 4 punct
            Иван Иван PROPN _ 2 appos
            , , PUNCT _ 4 punct
            выступил выступить VERB _ 0 root
            """,
            [("министр", POSITION), ("Иван", PERSON)],
            [("Иван", "министр", None)],
            id="name-set-off-by-commas-after-the-title",
        ),
        pytest.param(
            """
            министр министр NOUN Number=Sing 2 nsubj
            заявил заявить VERB _ 0 root
            , , PUNCT _ 4 punct
            Иван Иван PROPN _ 2 obj
            """,
            [("министр", POSITION), ("Иван", PERSON)],
            [],
            id="a-verb-between-title-and-name",
        ),
        pytest.param(
            """
            министр министр NOUN Number=Sing 0 root
            прибыл прибыть VERB _ 1 acl

            Иван Иван PROPN _ 0 root
            """,
            [("министр", POSITION), ("Иван", PERSON)],
            [],
            id="name-in-another-sentence",
        ),
        pytest.param(
            """
            министр министр NOUN Number=Sing 0 root
            по по ADP _ 3 case
            делам дело NOUN _ 1 nmod
            молодежи молодежь NOUN _ 3 nmod
            и и CCONJ _ 6 cc
            спорта спорт NOUN _ 4 conj
            нашей наш DET _ 8 det
            страны страна NOUN _ 1 nmod
            Иван Иван PROPN _ 1 appos
            """,
            [("министр", POSITION), ("Иван", PERSON)],
            [],
            id="more-than-six-words-between",
        ),
        pytest.param(
            """
            дочь дочь NOUN Case=Nom 0 root
            капитана капитан NOUN Case=Gen|Number=Sing 1 nmod
            Анна Анна PROPN Case=Nom 1 appos
            """,
            [("капитана", POSITION), ("Анна", PERSON)],
            [],
            id="name-after-a-relatives-title-is-the-relative",
        ),
        pytest.param(
            """
            сын сын NOUN Case=Nom 0 root
            президента президент NOUN Case=Gen|Number=Sing 1 nmod
            Ивана Иван PROPN Case=Gen 2 appos
            Петрова Петров PROPN Case=Gen 3 flat:name
            """,
            [("президента", POSITION), ("Ивана Петрова", PERSON)],
            [("Ивана Петрова", "президента", None)],
            id="name-in-the-titles-case-after-a-relative-holds-the-title",
        ),
        pytest.param(
            """
            политолог политолог NOUN Number=Sing 0 root
            и и CCONJ _ 3 cc
            журналист журналист NOUN Number=Sing 1 conj
            Иван Иван PROPN _ 3 appos
            """,
            [("политолог", POSITION), ("журналист", POSITION), ("Иван", PERSON)],
            [("Иван", "политолог", None), ("Иван", "журналист", None)],
            id="titles-joined-by-and-share-the-name",
        ),
        pytest.param(
            """
            министры министр NOUN Number=Plur 0 root
            Иван Иван PROPN _ 1 appos
            и и CCONJ _ 4 cc
            Анна Анна PROPN _ 2 conj
            """,
            [("министры", POSITION), ("Иван", PERSON), ("Анна", PERSON)],
            [("Иван", "министр", None), ("Анна", "министр", None)],
            id="plural-title-over-a-list-each-singular",
        ),
        pytest.param(
            """
            заместители заместитель NOUN Number=Plur 0 root
            министров министр NOUN Case=Gen|Number=Plur 1 nmod
            Иван Иван PROPN _ 1 appos
            , , PUNCT _ 5 punct
            Анна Анна PROPN _ 3 conj
            """,
            [("заместители министров", POSITION), ("Иван", PERSON), ("Анна", PERSON)],
            [("Иван", "заместитель министра", None), ("Анна", "заместитель министра", None)],
            id="plural-title-and-plural-complement-each-singular",
        ),
        pytest.param(
            """
            главами глава NOUN Number=Plur 0 root
            МИД МИД PROPN _ 1 nmod
            Египта Египет PROPN _ 2 nmod
            Омаром Омар PROPN _ 1 appos
            , , PUNCT _ 6 punct
            Кувейта Кувейт PROPN _ 7 nmod
            Салемом Салем PROPN _ 4 conj
            """,
            [
                ("главами МИД Египта", POSITION),
                ("МИД", ORG),
                ("Египта", COUNTRY),
                ("Омаром", PERSON),
                ("Кувейта", COUNTRY),
                ("Салемом", PERSON),
            ],
            # the first takes the title's own ministry, the next the country said before him
            [("Омаром", "глава", "МИД"), ("Салемом", "глава", "Кувейта")],
            id="plural-title-distributed-over-states",
        ),
        pytest.param(
            """
            представители представитель NOUN Number=Plur 0 root
            агентства агентство NOUN _ 1 nmod
            Иван Иван PROPN _ 1 appos
            """,
            [("представители агентства", POSITION), ("Иван", PERSON)],
            [],
            id="plural-title-before-one-name-is-no-title-of-his",
        ),
    ],
)
def test_a_title_and_its_holder(conll: str, named: list[tuple], found: list[tuple]) -> None:
    assert _roles(conll, named) == found


@pytest.mark.parametrize(
    ("conll", "found"),
    [
        pytest.param(
            """
            Петров Петров PROPN _ 3 nsubj
            был быть AUX _ 3 cop
            министром министр NOUN Number=Sing 0 root
            """,
            [("Петров", "министром", None)],
            id="predicate-title",
        ),
        pytest.param(
            """
            Петров Петров PROPN _ 2 nsubj
            стал стать VERB _ 0 root
            министром министр NOUN Number=Sing 2 obl
            """,
            [("Петров", "министром", None)],
            id="title-completing-become",
        ),
        pytest.param(
            """
            Петров Петров PROPN _ 2 nsubj
            занимает занимать VERB _ 0 root
            должность должность NOUN _ 2 obj
            министра министр NOUN Number=Sing 3 nmod
            """,
            [("Петров", "министра", None)],
            id="title-of-the-post-one-holds",
        ),
        pytest.param(
            """
            Петров Петров PROPN _ 2 nsubj
            учился учиться VERB _ 0 root
            и и CCONJ _ 4 cc
            работал работать VERB _ 2 conj
            министром министр NOUN Number=Sing 4 obl
            """,
            [("Петров", "министром", None)],
            id="subject-of-the-first-of-two-verbs",
        ),
        pytest.param(
            """
            Петров Петров PROPN _ 2 nsubj
            встретил встретить VERB _ 0 root
            министра министр NOUN Number=Sing 2 obj
            """,
            [],
            id="object-of-another-verb-is-no-title-of-the-subject",
        ),
        pytest.param(
            """
            Петров Петров PROPN _ 4 nsubj
            и и CCONJ _ 3 cc
            Ли Ли PROPN _ 1 conj
            стали стать VERB _ 0 root
            министрами министр NOUN Number=Plur 4 obl
            """,
            [("Петров", "министр", None), ("Ли", "министр", None)],
            id="subjects-joined-by-and-share-the-title",
        ),
    ],
)
def test_a_title_said_of_a_subject(conll: str, found: list[tuple]) -> None:
    named = [(w, PERSON) for w in ("Петров", "Ли") if w in conll]
    title = next(line.split()[0] for line in conll.splitlines() if "министр" in line)
    assert sorted(_roles(conll, [*named, (title, POSITION)])) == sorted(found)
