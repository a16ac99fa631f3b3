"""Pair pages and country names know every country of the knowledge base, not only ISO's."""

from __future__ import annotations

from communique.store.questions import country_name, is_country


def test_kosovo_is_a_country_of_the_pages() -> None:
    assert is_country("XK") and country_name("XK") == "Kosovo"
    assert is_country("RS") and country_name("KZ") == "Kazakhstan"
    assert not is_country("QQ") and country_name("QQ") == "QQ"
