from __future__ import annotations

import pytest

from communique.evaluate.lenient import (
    name_within,
    normalise,
    person_matches,
    place_matches,
    position_matches,
    tokens_equal,
)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("лавров", "лаврова"),
        ("президент", "президентом"),
        ("глава", "главой"),
        ("мид", "мид"),
    ],
)
def test_inflected_forms_are_equal(first: str, second: str) -> None:
    assert tokens_equal(first, second)
    assert tokens_equal(second, first)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("министр", "министерство"),
        ("мид", "мида"),  # shorter than 4 characters: only identical tokens match
        ("россия", "роснефть"),
    ],
)
def test_different_words_are_not_equal(first: str, second: str) -> None:
    assert not tokens_equal(first, second)


def test_normalise_lowers_folds_yo_keeps_hyphens_and_drops_stop_words() -> None:
    assert normalise("Посол Японии в России, Пётр Премьер-министр и др.") == [
        "посол",
        "японии",
        "россии",
        "петр",
        "премьер-министр",
        "др",
    ]


def test_person_matches_a_surname_key_in_any_name() -> None:
    assert person_matches(["Сергей Лавров"], ["Лавров"])
    assert person_matches(["министр", "Лаврова"], ["Лавров"])
    assert not person_matches(["Сергей Шойгу"], ["Лавров"])


def test_position_matches_shorter_phrase_within_longer() -> None:
    assert position_matches(["директором"], ["генеральный директор"])
    assert position_matches(["глава"], ["президент", "главой"])
    assert not position_matches(["министр"], ["министерство"])
    assert not position_matches(["министр обороны"], ["министр иностранных дел"])


def test_place_matches_on_a_distinctive_token() -> None:
    assert place_matches(["Россия"], ["правительство России"])
    assert place_matches(["ОАО «Газпром»"], ["Газпром"])
    assert not place_matches(["министерство финансов"], ["министерство обороны"])
    assert place_matches(["правительство"], ["правительства"])  # nothing but descriptors


def test_name_within_is_a_whole_name_token_subset() -> None:
    assert name_within("Лавров", "Сергей Лавров")
    assert not name_within("Сергей Шойгу", "Сергей Лавров")
