"""Countries in English text: names (the knowledge base's and common ones), demonyms, capitals.

A regular English demonym is the country's name with a suffix on its stem (Malaysia -> Malaysian,
Egypt -> Egyptian, Kazakhstan -> Kazakh, Oman -> Omani), so a demonym names the one country whose
name's first word shares most of it; `data/countries_en.json` lists the names and demonyms that
stand apart (Turkey, the UK; French, British, Emirati).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from communique.knowledge.base import Knowledge
from communique.knowledge.keys import common_prefix_length

COUNTRIES_EN_FILE = Path(__file__).parent / "data" / "countries_en.json"
# The shortest shared start that makes a demonym a country's: "Turk", "Chin", "Oman".
MIN_SHARED_PREFIX = 4
# Share of the name's first word that the demonym must repeat: Uzbek / Uzbekistan is half.
MIN_SHARED_SHARE = 0.5
# What a regular demonym adds to the part it shares with the name: Kazakh(stan) -, Malaysia-n,
# Egypt-ian, Oman-i, Turk-ish, Chin-ese, Belgi-an, Norw-egian, Gree-k. A word that goes on
# otherwise is no demonym: "Christoph" shares "Christ" with Christmas Island and goes on "oph".
DEMONYM_ENDINGS = frozenset(
    {"", "n", "an", "ian", "ean", "i", "ani", "ish", "ese", "ic", "k", "er", "ine", "egian"}
)


@dataclass(frozen=True)
class EnglishCountries:
    names: dict[str, str]  # English name as written -> ISO alpha-2
    demonyms: dict[str, str]  # lower case -> ISO alpha-2
    capitals: dict[str, str]  # lower case -> ISO alpha-2
    stems: tuple[tuple[str, str], ...]  # (lower-case first word of a name, alpha-2)

    def by_demonym(self, word: str) -> str | None:
        """The country a demonym names (`Malaysian` -> MY), or None when none or several do."""
        lower = word.lower()
        if lower in self.demonyms:
            return self.demonyms[lower]
        best: set[str] = set()
        best_length = 0
        for stem, code in self.stems:
            shared = common_prefix_length(lower, stem)
            if shared < MIN_SHARED_PREFIX or shared < MIN_SHARED_SHARE * len(stem):
                continue
            if lower[shared:] not in DEMONYM_ENDINGS:
                continue
            if shared > best_length:
                best, best_length = {code}, shared
            elif shared == best_length:
                best.add(code)
        return next(iter(best)) if len(best) == 1 else None


def extra_names() -> Iterator[tuple[str, str]]:
    """(English name, alpha-2) from the data file, beyond the knowledge base's names."""
    data = json.loads(COUNTRIES_EN_FILE.read_text(encoding="utf-8"))
    for code, entry in data["countries"].items():
        for name in entry["names"]:
            yield name, code


@cache
def english_countries() -> EnglishCountries:
    """Indexes of the knowledge base's countries and the data file, built once."""
    knowledge = Knowledge.load()
    data = json.loads(COUNTRIES_EN_FILE.read_text(encoding="utf-8"))
    names: dict[str, str] = {}
    capitals: dict[str, str] = {}
    stems: list[tuple[str, str]] = []
    for country in knowledge.countries:
        for name in (country.name_en, country.official_en):
            if name:
                names.setdefault(name, country.alpha2)
        if country.capital_en:
            capitals.setdefault(country.capital_en.split(",")[0].lower(), country.alpha2)
        first = country.name_en.split()[0].strip(",").lower()
        stems.append((first, country.alpha2))
    for name, code in extra_names():
        names[name] = code
        stems.append((name.split()[0].lower(), code))
    not_stems = set(data.get("not_stems", ()))
    stems = [(stem, code) for stem, code in stems if stem not in not_stems]
    demonyms = {
        demonym.lower(): code
        for code, entry in data["countries"].items()
        for demonym in entry["demonyms"]
    }
    return EnglishCountries(names, demonyms, capitals, tuple(stems))
