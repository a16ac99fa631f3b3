"""Filters take what a person types: a country by its name in Russian (any case form), Kazakh or
English, a topic by its name in any of the three languages; a value naming nothing is an error
that says so, never an empty answer."""

from __future__ import annotations

import pytest

from communique.store.filters import FilterError, make_filters


@pytest.mark.parametrize(
    ("typed", "codes"),
    [
        ("KZ", ("KZ",)),
        ("kz", ("KZ",)),
        ("Казахстан", ("KZ",)),
        ("Казахстана", ("KZ",)),  # a case form, as a sentence would have it
        ("Қазақстан", ("KZ",)),
        ("Kazakhstan", ("KZ",)),
        ("Республика Казахстан", ("KZ",)),
        ("United States", ("US",)),
        ("KZ-MN", ("KZ", "MN")),
        ("Казахстан - Монголия", ("KZ", "MN")),
        ("Kazakhstan, Mongolia", ("KZ", "MN")),
        ("KZ MN", ("KZ", "MN")),
    ],
)
def test_a_country_by_code_or_name(typed: str, codes: tuple[str, ...]) -> None:
    assert make_filters(countries=[typed]).countries == codes


@pytest.mark.parametrize("typed", ["Kazakstan", "QQ", "Атлантида", "KZ-Атлантида"])
def test_an_unknown_country_says_so(typed: str) -> None:
    with pytest.raises(FilterError, match="no such country"):
        make_filters(countries=[typed])


@pytest.mark.parametrize("typed", ["trade", "Trade", "Торговля", "торговля", "Сауда"])
def test_a_topic_in_any_language(typed: str) -> None:
    assert make_filters(topic=typed).topic == "trade"


def test_an_unknown_topic_says_so() -> None:
    with pytest.raises(FilterError, match="no such topic"):
        make_filters(topic="basket weaving")
