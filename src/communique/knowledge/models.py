"""Typed records of the knowledge base: what one entry of each data file may hold.

The data files in `data/` are validated against these models when they are loaded (and by the
tests), so a typo in a field name or a wrong kind fails loudly instead of being ignored.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

OrganizationKind = Literal[
    "parliament",
    "chamber",
    "head_of_state_office",
    "government",
    "foreign_ministry",
    "consultative_body",
    "international_organization",
    "international_body",
    "parliamentary_assembly",
]

PositionCategory = Literal[
    "head_of_state",
    "head_of_government",
    "government",
    "administration",
    "parliament",
    "diplomatic",
    "international",
    "regional",
    "judiciary",
    "security",
    "military",
    "party",
    "public",
    "business",
    "media",
    "science",
    "education",
    "medicine",
    "culture",
    "sport",
    "religion",
    "other",
]


class _Entry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Country(_Entry):
    """An ISO 3166-1 country (or, with `iso` false, a code in common use such as XK)."""

    alpha2: str = Field(pattern=r"^[A-Z]{2}$")
    alpha3: str = Field(pattern=r"^[A-Z]{3}$")
    numeric: str | None = Field(default=None, pattern=r"^\d{3}$")
    iso: bool = True
    name_en: str = Field(description="short English name (pycountry common name if any)")
    official_en: str | None = None
    name_ru: str = Field(description="short common Russian name, nominative")
    official_ru: str | None = Field(default=None, description="official long form, nominative")
    aliases_ru: tuple[str, ...] = Field(
        default=(), description="other names, the abbreviations included"
    )
    abbreviations_ru: tuple[str, ...] = Field(
        default=(), description="the aliases that are abbreviations (РК, КНР): upper case only"
    )
    adjectives_ru: tuple[str, ...] = Field(default=(), description="adjective lemmas")
    compounds_ru: tuple[str, ...] = Field(
        default=(), description="first parts of compounds: казахстанско(-монгольский)"
    )
    capital_ru: str | None = None
    capital_en: str | None = None
    capital_kk: str | None = Field(
        default=None, description="the capital's Kazakh spelling where not the Russian one"
    )
    name_kk: str | None = Field(default=None, description="Kazakh name, Cyrillic")
    aliases_kk: tuple[str, ...] = Field(
        default=(), description="other Kazakh names («Қасиетті Тақ», the Holy See)"
    )

    @property
    def names_kk(self) -> tuple[str, ...]:
        """Every Kazakh name of the country: its name and aliases."""
        return tuple(n for n in (self.name_kk, *self.aliases_kk) if n)

    @property
    def names_ru(self) -> tuple[str, ...]:
        """Every Russian name of the country: short, official, aliases, abbreviations."""
        official = (self.official_ru,) if self.official_ru else ()
        return tuple(dict.fromkeys((self.name_ru, *official, *self.aliases_ru)))


class Organization(_Entry):
    """A parliament, chamber, government body or international organisation."""

    id: str = Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
    kind: OrganizationKind
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    parent: str | None = None
    name_ru: str = Field(description="canonical Russian name, nominative")
    aliases_ru: tuple[str, ...] = Field(
        default=(), description="names that identify the organisation on their own"
    )
    ambiguous_aliases_ru: tuple[str, ...] = Field(
        default=(),
        description="short names that need a country (or parent) from context: Сенат, МИД",
    )
    name_en: str
    aliases_en: tuple[str, ...] = ()
    name_kk: str | None = None
    aliases_kk: tuple[str, ...] = ()


class Position(_Entry):
    """A position title (a NEREL PROFESSION), with its English equivalent."""

    ru: str = Field(description="nominative lemma phrase, as written in text")
    en: str
    category: PositionCategory
    standalone: bool = Field(
        description="the title alone names a position (Президент, посол), not only with a "
        "complement (председатель ..., член ...)"
    )
    aliases_ru: tuple[str, ...] = ()
    base_ru: str | None = Field(
        default=None, description="generic title inside a compound one: председатель"
    )
    org_ru: str | None = Field(
        default=None,
        description="organisation named inside the title (Сенат, МИД), to resolve with "
        "Knowledge.organization_by_name and a country hint",
    )

    @property
    def names_ru(self) -> tuple[str, ...]:
        return (self.ru, *self.aliases_ru)
