"""An entity ruler from the knowledge base, in front of spaCy's statistical NER.

The small English model splits and mislabels names in diplomatic text (a country and a president
read as one organisation, a palace as a person). Patterns for the knowledge base's countries and
organisations (English names and aliases, and the common country names of
`data/countries_en.json`) and position titles fix those spans first; the NER then
labels only the rest. Each pattern carries its knowledge-base id (`ent_id_`): the country's ISO
code, the organisation's id, `title:<English title>`.

Names are matched as written (Turkey the country, not turkey the bird); titles on lower case, since
English writes them capitalised before a name and in lower case elsewhere.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from spacy.language import Language

from communique.knowledge.base import Knowledge
from communique.lang.en.countries import extra_names

TITLE_LABEL = "TITLE"
RULER_NAME = "knowledge_ruler"


def _token_pattern(nlp: Language, text: str, attribute: str) -> list[dict[str, str]]:
    """`text` split as spaCy splits it, one token condition each."""
    return [
        {attribute: token.lower_ if attribute == "LOWER" else token.text}
        for token in nlp.make_doc(text)
    ]


def _named(knowledge: Knowledge) -> Iterator[tuple[str, str, str]]:
    """(label, id, name) for every English name of a country or organisation."""
    for country in knowledge.countries:
        for name in (country.name_en, country.official_en):
            if name:
                yield "GPE", country.alpha2, name
    for name, code in extra_names():
        yield "GPE", code, name
    for organization in knowledge.organizations:
        for name in {organization.name_en, *(organization.aliases_en or [])}:
            if name:
                yield "ORG", organization.id, name


def knowledge_patterns(nlp: Language, knowledge: Knowledge | None = None) -> list[dict[str, Any]]:
    """Entity-ruler patterns for the knowledge base's countries, organisations and titles."""
    knowledge = knowledge or Knowledge.load()
    patterns: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for label, key, name in _named(knowledge):
        if (label, name) not in seen:
            seen.add((label, name))
            patterns.append(
                {"label": label, "id": key, "pattern": _token_pattern(nlp, name, "ORTH")}
            )
    for position in knowledge.positions:
        title = position.en
        if title and (TITLE_LABEL, title.lower()) not in seen:
            seen.add((TITLE_LABEL, title.lower()))
            patterns.append(
                {
                    "label": TITLE_LABEL,
                    "id": f"title:{title}",
                    "pattern": _token_pattern(nlp, title, "LOWER"),
                }
            )
    return patterns


def add_knowledge_ruler(nlp: Language, knowledge: Knowledge | None = None) -> None:
    """Put the knowledge base's entity ruler in front of the NER of `nlp`."""
    ruler = nlp.add_pipe("entity_ruler", name=RULER_NAME, before="ner")
    ruler.add_patterns(knowledge_patterns(nlp, knowledge))  # type: ignore[attr-defined]
