"""The data files: valid, complete, consistent, and in sync with their build scripts."""

from __future__ import annotations

import json
from collections import Counter

import pycountry
import pytest

from communique.knowledge import DATA_DIR, Knowledge, Organization, lemma_key
from communique.knowledge.base import read_data_file
from communique.knowledge.build import build_countries, build_lemma_variants
from communique.knowledge.models import Country, Position

CIS_AND_NEIGHBOURS = ["RU", "KZ", "KG", "UZ", "TJ", "TM", "AZ", "AM", "BY", "MD", "GE", "UA",
                      "MN", "CN", "TR"]  # fmt: skip
EU = ["AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT",
      "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"]  # fmt: skip
REQUIRED_COUNTRIES = [*CIS_AND_NEIGHBOURS, *EU, "US", "GB", "JP", "KR", "IN"]
REQUIRED_INTERNATIONAL = [
    "ООН", "Совет Безопасности ООН", "Генассамблея ООН", "ОБСЕ", "СНГ", "МПА СНГ", "ШОС",
    "ОДКБ", "ЕАЭС", "Евразийская экономическая комиссия", "Межпарламентский союз", "ПАСЕ",
    "Организация исламского сотрудничества", "СВМДА", "ЕС", "Европарламент", "Еврокомиссия",
    "НАТО", "Совет Европы", "ТюркПА", "Организация тюркских государств", "БРИКС", "ВТО", "МВФ",
    "Всемирный банк", "ЮНЕСКО", "ВОЗ", "АСЕАН", "ОПЕК",
]  # fmt: skip
FILES = [
    ("countries.json", "countries", Country),
    ("organizations.json", "organizations", Organization),
    ("positions.json", "positions", Position),
]


@pytest.fixture(scope="module")
def kb() -> Knowledge:
    return Knowledge.load()


@pytest.mark.parametrize(("name", "items", "model"), FILES)
def test_data_files_validate(name: str, items: str, model: type) -> None:
    data = json.loads((DATA_DIR / name).read_text(encoding="utf-8"))
    assert data["version"] and data["description"]
    _, entries = read_data_file(DATA_DIR / name, items, model)
    assert entries


def test_no_name_is_claimed_twice(kb: Knowledge) -> None:
    assert kb.conflicts == []


def test_version_combines_the_files(kb: Knowledge) -> None:
    assert kb.version.startswith("countries-")
    assert "+organizations-" in kb.version and "+positions-" in kb.version


def test_every_iso_country_has_a_russian_name(kb: Knowledge) -> None:
    for iso in pycountry.countries:
        country = kb.country(iso.alpha_2)
        assert country.alpha3 == iso.alpha_3
        assert any("а" <= ch.lower() <= "я" for ch in country.name_ru), country


def test_kazakh_names_cover_the_relevant_countries(kb: Knowledge) -> None:
    assert sum(1 for c in kb.countries if c.name_kk) >= 60
    for code in REQUIRED_COUNTRIES:
        assert kb.country(code).name_kk, code


def test_relevant_countries_have_adjectives_compounds_and_capitals(kb: Knowledge) -> None:
    for code in REQUIRED_COUNTRIES:
        country = kb.country(code)
        assert country.adjectives_ru and country.compounds_ru and country.capital_ru, code


def test_countries_json_is_what_the_build_makes() -> None:
    on_disk = json.loads((DATA_DIR / "countries.json").read_text(encoding="utf-8"))
    assert on_disk == build_countries.build()


def test_lemma_variants_are_current() -> None:
    on_disk = json.loads((DATA_DIR / "lemma_variants.json").read_text(encoding="utf-8"))
    assert on_disk["words"] == build_lemma_variants.build()["words"], (
        "rerun python -m communique.knowledge.build.build_lemma_variants"
    )


def test_organization_ids_are_unique_and_parents_exist(kb: Knowledge) -> None:
    ids = Counter(org.id for org in kb.organizations)
    assert [i for i, n in ids.items() if n > 1] == []
    for org in kb.organizations:
        if org.parent is not None:
            assert org.parent in ids, org.id
            assert org.parent != org.id
        if org.country is not None:
            kb.country(org.country)


def test_ambiguous_aliases_are_unique_per_country(kb: Knowledge) -> None:
    for key, orgs in kb.ambiguous_organization_keys.items():
        national = Counter(org.country for org in orgs if org.country)
        assert [c for c, n in national.items() if n > 1] == [], key


@pytest.mark.parametrize("code", REQUIRED_COUNTRIES)
def test_required_country_has_its_state_bodies(kb: Knowledge, code: str) -> None:
    kinds = Counter(org.kind for org in kb.organizations_of(code))
    assert kinds["parliament"] == 1
    assert kinds["government"] == 1
    assert kinds["foreign_ministry"] == 1
    if code != "CN":  # China has no head-of-state office as such
        assert kinds["head_of_state_office"] == 1


@pytest.mark.parametrize("name", REQUIRED_INTERNATIONAL)
def test_required_international_organization(kb: Knowledge, name: str) -> None:
    org = kb.organization_by_name(name)
    assert org is not None and org.country is None, name


def test_positions_are_many_unique_and_categorised(kb: Knowledge) -> None:
    assert len(kb.positions) >= 300
    assert [ru for ru, n in Counter(p.ru for p in kb.positions).items() if n > 1] == []
    assert all(p.en for p in kb.positions)


def test_position_parts_are_known(kb: Knowledge) -> None:
    for position in kb.positions:
        if position.base_ru:
            assert kb.position(position.base_ru) is not None, position.ru
        if position.org_ru:
            known = kb.organization_by_name(position.org_ru) is not None
            ambiguous = lemma_key(position.org_ru) in kb.ambiguous_organization_keys
            assert known or ambiguous, position.ru
