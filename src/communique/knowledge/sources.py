"""Known outlets (news agencies, newspapers, broadcasters): `knowledge/data/sources.json`.

The publisher's country is read from them (`resolve.publisher`), and their names are
organisations wherever a text names them (a dateline, a credit line, «сообщает БелТА»).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from communique.knowledge.files import data_path, read_data
from communique.lang.ru.words import fold_spelling

SOURCES_PATH = data_path("sources.json")


@dataclass(frozen=True)
class Sources:
    """The known outlets, read once from `knowledge/data/sources.json`."""

    by_name: dict[str, str]
    written: dict[str, str]  # outlet_key -> the name as the outlet writes it («ҚазАқпарат»)
    by_domain: dict[str, str]
    domain_exceptions: dict[str, str | None]
    separators: tuple[str, ...]
    credit_words: frozenset[str]
    version: str


@cache
def sources() -> Sources:
    data = read_data(SOURCES_PATH)
    by_name: dict[str, str] = {}
    written: dict[str, str] = {}
    by_domain: dict[str, str] = {}
    for entry in data["sources"]:
        for name in entry["names"]:
            by_name[outlet_key(name)] = entry["country"]
            written[outlet_key(name)] = name
        for domain in entry["domains"]:
            by_domain[domain.lower()] = entry["country"]
    return Sources(
        by_name=by_name,
        written=written,
        by_domain=by_domain,
        domain_exceptions=dict(data["country_code_domain_exceptions"]),
        separators=tuple(data["dateline_separators"]),
        credit_words=frozenset(outlet_key(w) for w in data["credit_words"]),
        version=data["version"],
    )


def is_outlet(name: str) -> bool:
    """Whether `name`, as written in any case, is a known outlet's."""
    return outlet_key(name) in sources().by_name


def outlet_key(name: str) -> str:
    return " ".join(fold_spelling(name.lower()).replace("‑", "-").split())
