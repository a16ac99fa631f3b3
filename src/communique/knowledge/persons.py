"""Known officials whose names do not meet across scripts by transliteration alone
(`data/persons.json`): the aliases that `store.identity.actor_key` consults before spelling."""

from __future__ import annotations

from functools import lru_cache

from pydantic import BaseModel, Field

from communique.knowledge.base import DATA_DIR, read_data_file
from communique.nlp.translit import name_skeleton


class KnownPerson(BaseModel):
    id: str
    surname: str = Field(description="English spelling; with `given`, what the key is built from")
    given: str
    country: str = Field(description="ISO alpha-2, XX for an international official")
    names: tuple[str, ...] = Field(description="full names in any script, nominative")


class PersonAliases:
    """Full names (as their spelling skeleton) to the known person they name."""

    def __init__(self, version: str, persons: tuple[KnownPerson, ...]) -> None:
        self.version = version
        self._by_name: dict[str, KnownPerson] = {}
        for person in persons:
            for name in person.names:
                key = name_skeleton(name)
                other = self._by_name.setdefault(key, person)
                if other.id != person.id:
                    raise ValueError(f"persons.json: {name!r} names {other.id} and {person.id}")

    def find(self, name: str, country: str | None = None) -> KnownPerson | None:
        """The known person `name` (in full, any script) names, unless the text gives the
        person another country: a name shared by two people is no proof."""
        person = self._by_name.get(name_skeleton(name))
        if person is None or (country and country.upper() != person.country):
            return None
        return person


@lru_cache(maxsize=1)
def person_aliases() -> PersonAliases:
    version, persons = read_data_file(DATA_DIR / "persons.json", "persons", KnownPerson)
    return PersonAliases(version, persons)
