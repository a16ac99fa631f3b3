"""Countries Kazakh names by a people's name or an adjective, and its own citizens' spelling
(`data/countries.json`).

Kazakh says «моңғол парламенті» (the Mongolian parliament) with the people's name, «Қырғыз
Республикасы» (the Kyrgyz Republic) with the people's name and a form of state, and
«қазақстандық сенаторлар» (Kazakhstani senators) with the country's name and -лық/-дық/-тық,
whose consonant follows the name's last sound as a case ending's does (`suffixes.json`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from communique.lang.kk.suffixes import SUFFIXES_FILE

COUNTRIES_FILE = Path(__file__).parent / "data" / "countries.json"
# The most words of a state's or a place's name («Біріккен Араб Әмірліктері»).
PLACE_NAME_WORDS = 3


@dataclass(frozen=True)
class CountryWords:
    version: str
    ethnonyms: dict[str, str]  # lower-case people's name -> ISO alpha-2
    adjective_suffixes: tuple[tuple[str, frozenset[str]], ...]  # suffix, letters it follows
    native_country: str
    native_letters: frozenset[str]
    native_suffixes: tuple[str, ...]


@cache
def country_words(path: Path = COUNTRIES_FILE) -> CountryWords:
    """The data file, read once."""
    data = json.loads(path.read_text(encoding="utf-8"))
    classes: dict[str, str] = json.loads(SUFFIXES_FILE.read_text(encoding="utf-8"))["classes"]
    suffixes = []
    for suffix, names in data["adjective_suffixes"].items():
        unknown = set(names) - set(classes)
        if unknown:
            raise ValueError(f"{path.name}: unknown sound class {sorted(unknown)}")
        suffixes.append((suffix, frozenset("".join(classes[name] for name in names))))
    return CountryWords(
        version=str(data["version"]),
        ethnonyms={word.lower(): code for word, code in data["ethnonyms"].items()},
        adjective_suffixes=tuple(suffixes),
        native_country=data["native_spelling"]["country"],
        native_letters=frozenset(data["native_spelling"]["letters"]),
        native_suffixes=tuple(data["native_spelling"]["surname_suffixes"]),
    )


def ethnonym_country(word: str) -> str | None:
    """The country of a people's name in its base form: `қырғыз` -> KG."""
    return country_words().ethnonyms.get(word.lower())


def adjective_stem(word: str) -> str | None:
    """The name an adjective in -лық/-дық/-тық is made of (`малайзиялық` -> `малайзия`), or None
    where the word has no such suffix after a sound it may follow."""
    lower = word.lower()
    for suffix, after in country_words().adjective_suffixes:
        stem = lower[: -len(suffix)]
        if lower.endswith(suffix) and len(stem) >= 3 and stem.rstrip("ьъ")[-1:] in after:
            return stem
    return None


def native_spelling_country(surname: str) -> str | None:
    """Kazakhstan for a surname spelt as Kazakh spells its own citizens' (a patronymic suffix
    and a letter Russian lacks: Тоқаев, Әбілова), else None."""
    words = country_words()
    lower = surname.lower()
    if lower.endswith(words.native_suffixes) and words.native_letters & set(lower):
        return words.native_country
    return None
