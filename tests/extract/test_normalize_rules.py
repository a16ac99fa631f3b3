"""Mentions in the nominative (extract/normalize.py), one case per phenomenon, each on a phrase
parsed by hand: the case and gender the tagger read are given, so a rule is tested on what it
reads. The phrase is the whole annotation unless a case says which words. Written for the test."""

from __future__ import annotations

import pytest

from communique.extract.normalize import nominative
from communique.record import MentionType
from handbuilt_annotation import annotation

PERSON, ORG, DATE = MentionType.PERSON, MentionType.ORGANIZATION, MentionType.DATE
INS_M = "Case=Ins|Gender=Masc|Number=Sing"
GEN_M = "Case=Gen|Gender=Masc|Number=Sing"
INS_F = "Case=Ins|Gender=Fem|Number=Sing"


def _phrase(conll: str, kind: MentionType, words: tuple[int, int] | None = None) -> str:
    parsed = annotation(conll)
    first, last = words or (0, len(parsed.tokens))
    return nominative(parsed, first, last, kind)


@pytest.mark.parametrize(
    ("conll", "words", "normal"),
    [
        pytest.param(
            f"""
            встретился встретиться VERB _ 0 root
            с с ADP _ 3 case
            Касым-Жомартом Касым-Жомарт PROPN {INS_M} 1 obl
            Токаевым Токаев PROPN {INS_M} 3 flat:name
            """,
            (2, 4),
            "Касым-Жомарт Токаев",
            id="instrumental-name-with-hyphenated-first-name",
        ),
        pytest.param(
            f"""
            встретился встретиться VERB _ 0 root
            с с ADP _ 3 case
            Анной Анна PROPN {INS_F} 1 obl
            Ивановой Иванова PROPN {INS_F} 3 flat:name
            """,
            (2, 4),
            "Анна Иванова",
            id="feminine-name-in-the-instrumental",
        ),
        pytest.param(
            f"""
            визит визит NOUN _ 0 root
            Эммануэля Эммануэль PROPN {GEN_M} 1 nmod
            Макрона Макрон PROPN {GEN_M} 2 flat:name
            """,
            (1, 3),
            "Эммануэль Макрон",
            id="genitive-name",
        ),
        pytest.param(
            f"""
            визит визит NOUN _ 0 root
            ТОКАЕВА Токаев PROPN {GEN_M} 1 nmod
            """,
            (1, 2),
            "ТОКАЕВ",
            id="name-in-capitals-stays-in-capitals",
        ),
        pytest.param(
            f"""
            встреча встреча NOUN _ 0 root
            с с ADP _ 3 case
            Иштваном Иштван PROPN {INS_M} 1 nmod
            """,
            (2, 3),
            "Иштван",
            id="unknown-name-instrumental-om",
        ),
        pytest.param(
            """
            визит визит NOUN _ 0 root
            Харуки Харуки PROPN Case=Gen|Gender=Masc 1 nmod
            Ямады Ямада PROPN Case=Gen|Gender=Masc 2 flat:name
            """,
            (1, 3),
            "Харуки Ямада",
            id="unknown-name-in-y-is-genitive-of-a",
        ),
        pytest.param(
            f"""
            встреча встреча NOUN _ 0 root
            с с ADP _ 3 case
            Мухаммедом Мухаммед PROPN {INS_M} 1 nmod
            бин бин PROPN {INS_M} 3 flat:name
            Салманом Салман PROPN {INS_M} 3 flat:name
            """,
            (2, 5),
            "Мухаммед бин Салман",
            id="name-particle-does-not-decline",
        ),
    ],
)
def test_a_person_named_in_an_oblique_case(conll: str, words: tuple[int, int], normal: str) -> None:
    assert _phrase(conll, PERSON, words) == normal


def test_a_subject_keeps_its_name_as_written() -> None:
    conll = """
    Салем Салем PROPN Case=Nom|Gender=Masc 3 nsubj
    Али Али PROPN Case=Nom|Gender=Masc 1 flat:name
    прибыл прибыть VERB _ 0 root
    """
    assert _phrase(conll, PERSON, (0, 2)) == "Салем Али"


def test_a_name_conjoined_with_the_subject_is_a_subject_too() -> None:
    conll = f"""
    Сидоров Сидоров PROPN Case=Nom|Gender=Masc 5 nsubj
    и и CCONJ _ 3 cc
    Салем Салем PROPN {INS_M} 1 conj
    Али Али PROPN {INS_M} 3 flat:name
    прибыли прибыть VERB _ 0 root
    """
    assert _phrase(conll, PERSON, (2, 4)) == "Салем Али"


@pytest.mark.parametrize(
    ("conll", "words", "normal"),
    [
        pytest.param(
            """
            с с ADP _ 4 case
            Великим великий ADJ Case=Ins|Gender=Masc|Number=Sing 4 amod
            Государственным государственный ADJ Case=Ins|Gender=Masc|Number=Sing 4 amod
            Хуралом хурал PROPN Case=Ins|Gender=Masc|Number=Sing 0 root
            Монголии Монголия PROPN Case=Gen|Gender=Fem|Number=Sing 4 nmod
            """,
            (1, 5),
            "Великий Государственный Хурал Монголии",
            id="head-and-its-adjectives-complement-keeps-its-case",
        ),
        pytest.param(
            """
            Национальной национальный ADJ Case=Gen|Gender=Fem|Number=Sing 2 amod
            академии академия NOUN Case=Gen|Gender=Fem|Number=Sing 0 root
            наук наука NOUN Case=Gen|Gender=Fem|Number=Plur 2 nmod
            """,
            None,
            "Национальная академия наук",
            id="feminine-head-its-adjective-agrees",
        ),
        pytest.param(
            """
            Объединённых объединённый ADJ Case=Gen|Number=Plur 3 amod
            Арабских арабский ADJ Case=Gen|Number=Plur 3 amod
            Эмиратов эмират PROPN Case=Gen|Gender=Masc|Number=Plur 0 root
            """,
            None,
            "Объединённые Арабские Эмираты",
            id="plural-head-stays-plural",
        ),
        pytest.param(
            """
            пресс-службой пресс-служба NOUN Case=Ins|Gender=Fem|Number=Sing 0 root
            Сената сенат PROPN Case=Gen|Gender=Masc|Number=Sing 1 nmod
            """,
            None,
            "пресс-служба Сената",
            id="hyphenated-noun-declines-its-last-part",
        ),
        pytest.param(
            """
            Чрезвычайным чрезвычайный ADJ Case=Ins|Gender=Masc|Number=Sing 0 root
            и и CCONJ _ 3 cc
            Полномочным полномочный ADJ Case=Ins|Gender=Masc|Number=Sing 1 conj
            Послом посол NOUN Case=Ins|Gender=Masc|Number=Sing 1 nmod
            """,
            None,
            "Чрезвычайный и Полномочный Посол",
            id="noun-hung-on-an-adjective",
        ),
        pytest.param(
            """
            Государственная государственный ADJ Case=Nom|Gender=Fem|Number=Sing 2 amod
            дума дума NOUN Case=Nom|Gender=Fem|Number=Sing 0 root
            """,
            None,
            "Государственная дума",
            id="nominative-stays",
        ),
        pytest.param(
            """
            соглашениями соглашение NOUN Case=Ins|Gender=Neut|Number=Plur 0 root
            и и CCONJ _ 3 cc
            меморандумами меморандум NOUN Case=Ins|Gender=Masc|Number=Plur 1 conj
            """,
            None,
            "соглашения и меморандумы",
            id="conjoined-nouns-each-decline",
        ),
        pytest.param(
            """
            Мажилиса мажилис ADJ Case=Gen|Gender=Masc|Number=Sing 0 root
            """,
            None,
            "Мажилис",
            id="capitalised-noun-tagged-as-adjective",
        ),
        pytest.param(
            """
            Форумом форум NOUN Case=Ins|Gender=Masc|Number=Sing 0 root
            2025 2025 NUM Case=Ins 1 nummod
            """,
            None,
            "Форум 2025",
            id="number-in-the-name-unchanged",
        ),
    ],
)
def test_an_organisation_in_an_oblique_case(
    conll: str, words: tuple[int, int] | None, normal: str
) -> None:
    assert _phrase(conll, ORG, words) == normal


@pytest.mark.parametrize(
    ("conll", "normal"),
    [
        pytest.param(
            """
            в в ADP _ 3 case
            2024 2024 NUM _ 3 amod
            году год NOUN Case=Loc|Gender=Masc|Number=Sing 0 root
            """,
            "2024 году",
            id="leading-preposition-goes-the-rest-as-written",
        ),
        pytest.param(
            """
            14 14 NUM _ 2 nummod
            мая май NOUN Case=Gen|Gender=Masc|Number=Sing 0 root
            """,
            "14 мая",
            id="date-keeps-its-own-form",
        ),
    ],
)
def test_a_date(conll: str, normal: str) -> None:
    assert _phrase(conll, DATE) == normal
