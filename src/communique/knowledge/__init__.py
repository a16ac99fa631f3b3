"""Knowledge base: countries, organisations and position titles, kept as data files.

    from communique.knowledge import Knowledge
    kb = Knowledge.load()
    kb.country_by_name("Казахстана").alpha2                       # "KZ"
    kb.countries_in_adjective("казахстанско-монгольское")         # [KZ, MN]
    kb.organization_by_name("Сената", country_hint="KZ").id       # "kz-senate"
    kb.position("министром иностранных дел").en                   # "Minister of Foreign Affairs"

The data lives in `data/*.json` (each file with a `version` and a `description`); how the
country table is built is in `build/`.
"""

from communique.knowledge.base import Knowledge
from communique.knowledge.files import DATA_DIR
from communique.knowledge.keys import lemma_key
from communique.knowledge.models import (
    Country,
    Organization,
    OrganizationKind,
    Position,
    PositionCategory,
)

__all__ = [
    "DATA_DIR",
    "Country",
    "Knowledge",
    "Organization",
    "OrganizationKind",
    "Position",
    "PositionCategory",
    "lemma_key",
]
