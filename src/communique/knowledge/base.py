"""The knowledge base: countries, organisations and position titles, loaded from `data/`.

Every name is indexed under its lemma keys (see `keys.py`), so a lookup of any inflected form
is a dictionary hit: `organization_by_name("Великим Государственным Хуралом Монголии")`.
`Knowledge.load()` reads and indexes the files once per process.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

from pydantic import BaseModel

from communique.knowledge.files import DATA_DIR, data_file, read_data
from communique.knowledge.keys import (
    adjective_stem,
    keys_of,
    lemma,
    lemma_key,
    name_keys,
    preload_case_forms,
    words_only,
)
from communique.knowledge.models import Country, Organization, Position
from communique.lang.ru.words import fold_spelling

COUNTRIES_FILE = "countries.json"
ORGANIZATIONS_FILE = "organizations.json"
POSITIONS_FILE = "positions.json"
LEMMA_VARIANTS_FILE = "lemma_variants.json"

_MAX_SPLIT_DEPTH = 2
_COMPOUND_SEPARATORS = re.compile(r"[-‐‑–—]")

_Model = TypeVar("_Model", bound=BaseModel)


def _plain(text: str) -> str:
    """Lower case, ё as е, single spaces: the key for names that are not lemmatised."""
    return " ".join(fold_spelling(text.lower()).split())


def read_data_file(path: Path, items: str, model: type[_Model]) -> tuple[str, tuple[_Model, ...]]:
    """The version and validated entries of one data file."""
    data = read_data(path)
    return str(data["version"]), tuple(model.model_validate(item) for item in data[items])


class Knowledge:
    """Indexed knowledge base. Build it with `Knowledge.load()`, which is cached."""

    def __init__(
        self,
        countries: Sequence[Country],
        organizations: Sequence[Organization],
        positions: Sequence[Position],
        versions: Mapping[str, str] | None = None,
    ) -> None:
        self.countries = tuple(countries)
        self.organizations = tuple(organizations)
        self.positions = tuple(positions)
        self.versions = MappingProxyType(dict(versions or {}))
        self.data_dir: Path | None = None  # set by `load`: where a copy in another process loads
        self.conflicts: list[str] = []  # names claimed by two entries; the tests keep it empty
        self._index_countries()
        self._index_organizations()
        self._index_positions()

    # -- loading ---------------------------------------------------------------------------

    @classmethod
    def load(cls, data_dir: Path | None = None) -> Knowledge:
        """The knowledge base in `data_dir` (the package's data by default), loaded once."""
        return _load(Path(data_dir or DATA_DIR).resolve())

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        """Loaded from files, the knowledge base travels to another process as where it was
        loaded from (the package's data as None: its folder differs between machines) and is
        loaded there, once per process; built from entries, as those entries."""
        if self.data_dir is None:
            entries = (self.countries, self.organizations, self.positions, dict(self.versions))
            return (Knowledge, entries)
        return (Knowledge.load, (None if self.data_dir == DATA_DIR.resolve() else self.data_dir,))

    @property
    def version(self) -> str:
        """Combined version of the data files: "countries-1.0.0+organizations-1.0.0+..."."""
        return "+".join(f"{name}-{version}" for name, version in self.versions.items())

    # -- indexing --------------------------------------------------------------------------

    def _claim(self, index: dict[str, Any], keys: Iterable[str], entry: Any, what: str) -> None:
        for key in keys:
            held = index.setdefault(key, entry)
            if held is not entry and held != entry and what != "capital":
                self.conflicts.append(f"{what} {key!r}: {_label(held)} / {_label(entry)}")

    def _index_countries(self) -> None:
        self._by_code: dict[str, Country] = {}
        self._country_keys: dict[str, Country] = {}
        self._country_plain: dict[str, Country] = {}
        self._capital_keys: dict[str, Country] = {}
        self._adjective_stems: dict[str, Country] = {}
        self._compound_parts: dict[str, Country] = {}
        for country in self.countries:
            self._claim(self._by_code, (country.alpha2, country.alpha3), country, "code")
            self._claim(self._country_keys, keys_of(country.names_ru), country, "country")
            plain = [country.name_en, country.official_en, *country.names_kk]
            self._claim(self._country_plain, (_plain(n) for n in plain if n), country, "country")
            if country.capital_ru:
                self._claim(self._capital_keys, name_keys(country.capital_ru), country, "capital")
            if country.capital_kk:
                # Kazakh has no Russian lemmas: the name as written, case and punctuation aside.
                self._claim(self._capital_keys, (_plain(country.capital_kk),), country, "capital")
            stems = {adjective_stem(adjective) or adjective for adjective in country.adjectives_ru}
            self._claim(self._adjective_stems, stems, country, "adjective")
            parts = {_plain(p) for p in country.compounds_ru} | {
                lemma(p) for p in country.compounds_ru
            }
            self._claim(self._compound_parts, parts, country, "compound")

    def _index_organizations(self) -> None:
        self._org_by_id: dict[str, Organization] = {}
        self._org_keys: dict[str, Organization] = {}
        self._org_ambiguous: dict[str, list[Organization]] = {}
        self._org_plain: dict[str, Organization] = {}
        for org in self.organizations:
            self._claim(self._org_by_id, (org.id,), org, "id")
            self._claim(self._org_keys, keys_of((org.name_ru, *org.aliases_ru)), org, "org")
            for key in keys_of(org.ambiguous_aliases_ru):
                self._org_ambiguous.setdefault(key, []).append(org)
            plain = (org.name_en, *org.aliases_en, org.name_kk or "", *org.aliases_kk)
            self._claim(self._org_plain, (_plain(n) for n in plain if n), org, "org")
        for key in self._org_ambiguous.keys() & self._org_keys.keys():
            self.conflicts.append(f"org {key!r} is both ambiguous and not")

    def _index_positions(self) -> None:
        self._position_keys: dict[str, Position] = {}
        for position in self.positions:
            self._claim(self._position_keys, keys_of(position.names_ru), position, "position")
        self._position_max_words = max((k.count(" ") + 1 for k in self._position_keys), default=0)

    # -- read-only indexes, for matchers that walk token sequences -------------------------

    @property
    def country_keys(self) -> Mapping[str, Country]:
        return MappingProxyType(self._country_keys)

    @property
    def capital_keys(self) -> Mapping[str, Country]:
        return MappingProxyType(self._capital_keys)

    @property
    def organization_keys(self) -> Mapping[str, Organization]:
        """Names that identify one organisation wherever they occur."""
        return MappingProxyType(self._org_keys)

    @property
    def ambiguous_organization_keys(self) -> Mapping[str, tuple[Organization, ...]]:
        """Short names ("сенат", "мид") and every organisation they may name."""
        return MappingProxyType({k: tuple(v) for k, v in self._org_ambiguous.items()})

    @property
    def position_keys(self) -> Mapping[str, Position]:
        return MappingProxyType(self._position_keys)

    # -- countries -------------------------------------------------------------------------

    def country(self, code: str) -> Country:
        """The country with this ISO alpha-2 or alpha-3 code (any case); KeyError if none."""
        return self._by_code[code.upper()]

    def country_by_name(self, text: str) -> Country | None:
        """Country named by `text` in any case form: "Казахстана", "РК", "Соединённых Штатов"."""
        key = lemma_key(text)
        found = self._country_keys.get(key) or self._country_keys.get(words_only(key))
        return found or self._country_plain.get(_plain(text))

    def country_by_capital(self, text: str) -> Country | None:
        key = lemma_key(text)
        return (
            self._capital_keys.get(key)
            or self._capital_keys.get(words_only(key))
            or self._capital_keys.get(_plain(text))
        )

    def countries_in_adjective(self, word: str) -> list[Country]:
        """Countries an adjective or compound names, in order: "казахстанско-монгольское" ->
        [KZ, MN], "российской" -> [RU]. Empty unless every part of a compound is a country."""
        parts = _COMPOUND_SEPARATORS.split(word.strip())
        if not all(parts):
            return []
        found: list[Country] = []
        for position, part in enumerate(parts):
            country = self._country_in_part(part, last=position == len(parts) - 1)
            if country is None:
                return []
            found.append(country)
        if len(parts) == 1 and not self._is_adjective(parts[0]):
            return []
        return list(dict.fromkeys(found))

    def _country_in_part(self, part: str, last: bool) -> Country | None:
        plain = _plain(part)
        if not last and plain in self._compound_parts:
            return self._compound_parts[plain]
        stem = adjective_stem(plain)
        if stem is not None and stem in self._adjective_stems:
            return self._adjective_stems[stem]
        if plain in self._adjective_stems:  # an adjective written without an ending
            return self._adjective_stems[plain]
        if plain in self._compound_parts:
            return self._compound_parts[plain]
        return self._country_keys.get(lemma(plain))

    def _is_adjective(self, word: str) -> bool:
        stem = adjective_stem(word)
        return stem is not None and stem in self._adjective_stems

    # -- organisations ---------------------------------------------------------------------

    def organization(self, org_id: str) -> Organization:
        """The organisation with this id; KeyError if none."""
        return self._org_by_id[org_id]

    def children(self, org_id: str) -> tuple[Organization, ...]:
        return tuple(org for org in self.organizations if org.parent == org_id)

    def organizations_of(self, country: str) -> tuple[Organization, ...]:
        return tuple(org for org in self.organizations if org.country == country.upper())

    def organization_by_name(
        self, text: str, country_hint: str | None = None
    ) -> Organization | None:
        """Organisation named by `text` in any case form.

        Short names that several countries share ("Сенат", "Парламент", "МИД") resolve only
        with `country_hint` (ISO alpha-2) or a country in the text itself: "Сенат РК",
        "МИД России", "казахстанский Сенат", "Сенат Парламента Республики Казахстан".
        """
        hint = country_hint.upper() if country_hint else None
        key = lemma_key(text)
        for candidate in dict.fromkeys((key, words_only(key))):
            org = self._org_by_tokens(tuple(candidate.split()), hint, None, strict=False)
            if org is not None:
                return org
        return self._org_plain.get(_plain(text))

    def _org_by_tokens(
        self,
        tokens: tuple[str, ...],
        country: str | None,
        parent: Organization | None,
        strict: bool,
        depth: int = 0,
    ) -> Organization | None:
        key = " ".join(tokens)
        org = self._org_keys.get(key)
        if org is not None and (not strict or self._fits(org, country, parent)):
            return org
        if country or parent:
            for candidate in self._org_ambiguous.get(key, ()):
                if self._fits(candidate, country, parent):
                    return candidate
        if len(tokens) > 1 and depth < _MAX_SPLIT_DEPTH:
            return self._org_by_split(tokens, country, depth + 1)
        return None

    def _org_by_split(
        self, tokens: tuple[str, ...], hint: str | None, depth: int
    ) -> Organization | None:
        """Names of the form "<name> <country or organisation>" or "<adjective> <name>"."""
        for cut in range(len(tokens) - 1, 0, -1):
            head, tail = tokens[:cut], tokens[cut:]
            country = self._country_keys.get(" ".join(tail))
            if country is not None:
                org = self._org_by_tokens(head, country.alpha2, None, True, depth)
            else:
                owner = self._org_by_tokens(tail, hint, None, False, depth)
                org = owner and self._org_by_tokens(head, owner.country, owner, True, depth)
            if org is not None:
                return org
        adjective = self.countries_in_adjective(tokens[0])
        if len(adjective) == 1:
            return self._org_by_tokens(tokens[1:], adjective[0].alpha2, None, True, depth)
        return None

    def _fits(self, org: Organization, country: str | None, parent: Organization | None) -> bool:
        if parent is not None:
            return self._descends_from(org, parent.id) or (
                parent.country is not None and org.country == parent.country
            )
        return country is not None and org.country == country

    def _descends_from(self, org: Organization, ancestor: str) -> bool:
        seen: set[str] = set()
        while org.parent is not None and org.parent not in seen:
            if org.parent == ancestor:
                return True
            seen.add(org.parent)
            parent = self._org_by_id.get(org.parent)
            if parent is None:
                return False
            org = parent
        return False

    # -- positions -------------------------------------------------------------------------

    def position(self, text: str) -> Position | None:
        """The longest known title in `text`, in any case form: "Председателя Сената" ->
        "Председатель Сената", "министром иностранных дел" -> "министр иностранных дел"."""
        found = self.position_in(words_only(lemma_key(text)).split())
        return found[0] if found else None

    def position_in(self, lemmas: Sequence[str]) -> tuple[Position, int, int] | None:
        """Longest (then leftmost) title in a sequence of lemmas, with its token span
        [start, end)."""
        for size in range(min(len(lemmas), self._position_max_words), 0, -1):
            for start in range(len(lemmas) - size + 1):
                found = self._position_keys.get(" ".join(lemmas[start : start + size]))
                if found is not None:
                    return found, start, start + size
        return None


def _label(entry: Any) -> str:
    for field in ("alpha2", "id", "ru"):
        if hasattr(entry, field):
            return str(getattr(entry, field))
    return repr(entry)


@cache
def _load(data_dir: Path) -> Knowledge:
    variants = data_dir / LEMMA_VARIANTS_FILE
    if variants.exists():
        preload_case_forms(data_file(LEMMA_VARIANTS_FILE, data_dir)["words"])
    versions: dict[str, str] = {}
    versions["countries"], countries = read_data_file(
        data_dir / COUNTRIES_FILE, "countries", Country
    )
    versions["organizations"], organizations = read_data_file(
        data_dir / ORGANIZATIONS_FILE, "organizations", Organization
    )
    versions["positions"], positions = read_data_file(
        data_dir / POSITIONS_FILE, "positions", Position
    )
    knowledge = Knowledge(countries, organizations, positions, versions)
    knowledge.data_dir = data_dir
    return knowledge
