"""Actors as the exports code them: CAMEO actor codes (country + role codes) for GDELT, PLOVER
entity objects (code, sector, entity_text, identifiers) for PLOVER.

The codes come from `knowledge/data/actor_codes.json` (with its sources) and from the knowledge
base: a country's ISO alpha-3, a title's category (Председатель Сената -> parliament -> LEG), an
organisation's kind (Министерство иностранных дел -> foreign_ministry -> GOV).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from communique.knowledge import Knowledge
from communique.knowledge.files import data_path, read_data

CODES_PATH = data_path("actor_codes.json")


@dataclass(frozen=True)
class CodedActor:
    name: str  # as the text has it, in the nominative
    name_latin: str  # Latin, as GDELT writes names (upper case is the writer's business)
    country: str | None  # ISO alpha-2
    cameo_country: str | None  # CAMEO's three letters: ROM, KSV
    cameo_roles: tuple[str, ...]  # CAMEO type codes: GOV, LEG, ...
    plover_code: str | None  # PLOVER's country or non-state code: KAZ, KOS, UNO, IGO
    plover_sectors: tuple[str, ...]  # PLOVER sector codes
    kb_id: str | None
    office: str | None  # the title, in English where known

    @property
    def cameo_code(self) -> str:
        """GDELT's ActorCode, the complete raw CAMEO code: the country code followed by the role
        codes, as many as GDELT's three Type fields ("KAZLEG")."""
        return (self.cameo_country or "") + "".join(self.cameo_roles[:3])


@cache
def _codes() -> dict[str, Any]:
    return read_data(CODES_PATH)


@cache
def _knowledge() -> Knowledge:
    return Knowledge.load()


def iso_alpha3(alpha2: str | None) -> str | None:
    """The knowledge base's three letters for a country (every country it knows, Kosovo XKX)."""
    if not alpha2:
        return None
    try:
        return _knowledge().country(alpha2).alpha3
    except KeyError:
        return None


def cameo_country(alpha2: str | None) -> str | None:
    if not alpha2:
        return None
    return _codes()["cameo_countries"].get(alpha2.upper()) or iso_alpha3(alpha2)


def plover_country(alpha2: str | None) -> str | None:
    if not alpha2:
        return None
    return _codes()["plover_countries"].get(alpha2.upper()) or iso_alpha3(alpha2)


def code_actor(stored: dict[str, Any]) -> CodedActor:
    """An actor as `queries.event_details` gives it, coded."""
    roles: list[dict[str, str | None]] = []
    office = None
    international = None
    for title in [o["position"] for o in stored["occupations"]] + stored["positions"]:
        position = _position(title)
        if position is not None:
            office = office or position.en
            roles.append(_codes()["position_categories"].get(position.category) or {})
    organizations = [o["organization_kb_id"] for o in stored["occupations"]] + [stored["kb_id"]]
    for kb_id in organizations:
        organization = _organization(kb_id)
        if organization is not None:
            roles.append(_codes()["organization_kinds"].get(organization.kind) or {})
            if organization.kind.startswith("international"):
                international = international or _plover_international(organization.id)
    office = office or next((o["position_en"] for o in stored["occupations"]), None)
    country = stored["country"]
    return CodedActor(
        name=stored["name"],
        name_latin=stored["name_latin"] or "",
        country=country,
        cameo_country=cameo_country(country),
        cameo_roles=_unique(r.get("cameo") for r in roles),
        plover_code=plover_country(country) if country else international,
        plover_sectors=_unique(r.get("plover") for r in roles),
        kb_id=stored["kb_id"],
        office=office,
    )


@cache
def _position(title: str) -> Any:
    """The knowledge base's title in `title` (a morphological lookup: asked once per title)."""
    return _knowledge().position(title)


def _organization(kb_id: str | None) -> Any:
    if not kb_id:
        return None
    try:
        return _knowledge().organization(kb_id)
    except KeyError:
        return None


def _plover_international(org_id: str) -> str:
    """UNO for the UN and its bodies, EUR for the EU's, IGO for any other."""
    known = _codes()["plover_international"]
    while org_id not in known:
        parent = _knowledge().organization(org_id).parent
        if parent is None:
            return str(_codes()["plover_international_default"])
        org_id = parent
    return str(known[org_id])


def _unique(values: Any) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if v))
