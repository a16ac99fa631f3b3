"""The knowledge base's Kazakh names as word lists: the tagger's gazetteer and known base forms."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from communique.knowledge.base import Knowledge
from communique.lang.kk.suffixes import strip_case


@dataclass(frozen=True)
class Gazetteer:
    """Lower-case words of Kazakh names, by kind, and whole names known in their base form."""

    country_words: frozenset[str]
    organization_words: frozenset[str]
    base_forms: frozenset[str]  # whole names and their words, lower case: never stripped

    def kinds(self, word: str) -> list[str]:
        """The kinds of name `word` (inflected or not) belongs to: `country`, `organization`."""
        lower = word.lower()
        stem = strip_case(lower, self.base_forms)
        found = []
        if lower in self.country_words or stem in self.country_words:
            found.append("country")
        if lower in self.organization_words or stem in self.organization_words:
            found.append("organization")
        return found


@cache
def kazakh_gazetteer() -> Gazetteer:
    """Words of the knowledge base's Kazakh country and organisation names (`name_kk`)."""
    knowledge = Knowledge.load()
    countries = [name for country in knowledge.countries for name in country.names_kk]
    organizations = [org.name_kk for org in knowledge.organizations if org.name_kk]
    country_words = frozenset(word.lower() for name in countries for word in name.split())
    base_forms = frozenset(name.lower() for name in countries) | country_words
    # An organisation's name shares its country's words (Қазақстан Республикасының ...): those
    # words say "country", only the others say "organisation". Only the name's last word is in
    # its base form, so every word is taken without its case ending.
    organization_words = (
        frozenset(
            strip_case(word.lower(), base_forms) for name in organizations for word in name.split()
        )
        - country_words
    )
    return Gazetteer(country_words, organization_words, base_forms)
