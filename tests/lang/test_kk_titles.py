"""Bare office nouns as titles (lang/kk/titles.py), plural titles made singular
(lang/kk/suffixes.singular) and titles paired with a list of states (lang/kk/paired.py)."""

from __future__ import annotations

from razdel import tokenize

from communique.lang.kk.events import Word
from communique.lang.kk.paired import paired_titles
from communique.lang.kk.suffixes import singular
from communique.lang.kk.tagger import Entity
from communique.lang.kk.titles import bare_titles

COUNTRIES = {"Чили": "CL", "Перу": "PE", "Куба": "CU", "Норвегия": "NO"}


def _entity(words: list[str], label: str, start: int, end: int) -> Entity:
    text = " ".join(words[start:end])
    return Entity(label, start, end, text, text)


def _sentence(text: str) -> list[Word]:
    return [Word(t.text, t.text.lower(), t.start, t.stop) for t in tokenize(text)]


def test_a_plural_title_is_made_singular_with_the_possessive_vowel_harmony_chose() -> None:
    assert singular("депутаттары") == "депутаты"
    assert singular("министрлері") == "министрі"
    assert singular("басшылары") == "басшысы"  # after a vowel the possessive is -сы
    assert singular("сенаторлар") == "сенатор"
    assert singular("министрі") == "министрі"


def test_an_office_noun_right_before_a_name_is_its_title_with_the_body_before_it() -> None:
    words = ["Сапарға", "Хурал", "депутаттары", "Бат", "Ганбаатар", "қатысты"]
    entities = [_entity(words, "ORGANISATION", 1, 2), _entity(words, "PERSON", 3, 5)]
    found = bare_titles(words, entities, ())
    assert [(e.label, e.text) for e in found] == [
        ("POSITION", "Хурал депутаттары"),
        ("PERSON", "Бат Ганбаатар"),
    ]


def test_a_body_in_another_case_is_not_the_titles() -> None:
    # «Хуралда» is locative: where they are, not whose deputies.
    words = ["Хуралда", "сенатор", "Бат", "Ганбаатар", "сөйледі"]
    entities = [_entity(words, "ORGANISATION", 0, 1), _entity(words, "PERSON", 2, 4)]
    found = bare_titles(words, entities, ())
    assert [(e.label, e.text) for e in found] == [
        ("ORGANISATION", "Хуралда"),
        ("POSITION", "сенатор"),
        ("PERSON", "Бат Ганбаатар"),
    ]


def test_a_word_that_is_no_office_gives_no_title() -> None:
    words = ["Кеше", "қонақтар", "Бат", "Ганбаатар", "келді"]
    entities = [_entity(words, "PERSON", 2, 4)]
    assert bare_titles(words, entities, ()) == entities


def _pairs(text: str, names: list[str]) -> list[tuple[str, str]]:
    words = _sentence(text)
    texts = [w.text for w in words]
    spans = []
    for name in names:
        first = texts.index(name.split()[0])
        spans.append((first, first + len(name.split())))
    found = paired_titles(words, spans, COUNTRIES.get, ())
    return [(pair.country, pair.title) for pair in found]


def test_a_list_of_states_before_a_plural_title_pairs_with_the_names_after_it() -> None:
    text = (
        "Министр Чили, Перу және Куба ауыл шаруашылығы министрлерінің орынбасарлары – "
        "тиісінше Хуан Сотомен, Луис Вегамен және Рауль Диазбен кездесті."
    )
    assert _pairs(text, ["Хуан Сотомен", "Луис Вегамен", "Рауль Диазбен"]) == [
        ("CL", "Чили ауыл шаруашылығы министрінің орынбасары"),
        ("PE", "Перу ауыл шаруашылығы министрінің орынбасары"),
        ("CU", "Куба ауыл шаруашылығы министрінің орынбасары"),
    ]


def test_as_many_names_as_states_or_no_pairs() -> None:
    text = "Министр Чили және Перу елшілері Хуан Сотомен, Луис Вегамен және Рауль Диазбен кездесті."
    assert _pairs(text, ["Хуан Сотомен", "Луис Вегамен", "Рауль Диазбен"]) == []
