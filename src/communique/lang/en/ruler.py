"""An entity ruler from the knowledge base, in front of spaCy's statistical NER.

The small English model splits and mislabels names in diplomatic text (a country and a president
read as one organisation, a palace as a person). Patterns for the knowledge base's countries and
organisations (English names and aliases, and the common country names of
`data/countries_en.json`) and position titles (the knowledge base's and `data/titles_en.json`, in
the singular and the plural) fix those spans first; the NER then
labels only the rest. Each pattern carries its knowledge-base id (`ent_id_`): the country's ISO
code, the organisation's id, `title:<English title>`.

Names are matched as written (Turkey the country, not turkey the bird); titles on lower case, since
English writes them capitalised before a name and in lower case elsewhere.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from spacy.language import Language

from communique.knowledge.base import Knowledge
from communique.lang.en.countries import extra_names

TITLE_LABEL = "TITLE"
TITLES_EN_FILE = Path(__file__).parent / "data" / "titles_en.json"
RULER_NAME = "knowledge_ruler"
TITLE_RULER_NAME = "title_ruler"


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


def name_patterns(knowledge: Knowledge | None = None) -> list[dict[str, Any]]:
    """Entity-ruler phrase patterns for the knowledge base's countries and organisations,
    matched on the words as written ("Turkey", not "turkey")."""
    knowledge = knowledge or Knowledge.load()
    patterns: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for label, key, name in _named(knowledge):
        if (label, name) not in seen:
            seen.add((label, name))
            patterns.append({"label": label, "id": key, "pattern": name})
    return patterns


def title_patterns(knowledge: Knowledge | None = None) -> list[dict[str, Any]]:
    """Entity-ruler phrase patterns for the titles, singular and plural, in any case."""
    knowledge = knowledge or Knowledge.load()
    patterns: list[dict[str, Any]] = []
    seen: set[str] = set()
    for title in _titles(knowledge):
        for written in (title, plural(title)):
            if written.lower() not in seen:
                seen.add(written.lower())
                patterns.append({"label": TITLE_LABEL, "id": f"title:{title}", "pattern": written})
    return patterns


def _titles(knowledge: Knowledge) -> list[str]:
    titles = [position.en for position in knowledge.positions if position.en]
    return titles + json.loads(TITLES_EN_FILE.read_text(encoding="utf-8"))["titles"]


@cache
def plural_heads() -> dict[str, str]:
    """Lower-case plural head of every title -> its singular as the title writes it."""
    heads: dict[str, str] = {}
    for title in _titles(Knowledge.load()):
        head = title.partition(" of ")[0].split(" ")[-1]
        many = plural(head)
        if many.lower() != head.lower():
            heads.setdefault(many.lower(), head)
    return heads


def plural(title: str) -> str:
    """The title with its head in the plural ("Deputy" -> "Deputies", "MP" -> "MPs"): English
    pluralises the head noun, which is the last word unless an "of" phrase follows it."""
    head, separator, tail = title.partition(" of ")
    words = head.split(" ")
    last = words[-1]
    if last.isupper():
        words[-1] = last + "s"
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        words[-1] = last[:-1] + "ies"
    elif last.endswith(("s", "sh", "ch", "x")):
        words[-1] = last + "es"
    else:
        words[-1] = last + "s"
    return " ".join(words) + separator + tail


def add_knowledge_ruler(nlp: Language, knowledge: Knowledge | None = None) -> None:
    """Put the knowledge base's entity rulers in front of the NER of `nlp`: titles (matched in
    lower case), then names (as written), each with spaCy's phrase matcher, far faster than a
    token pattern an entry. A title comes first, so a country named inside it stays the title's
    ("President of the People's Republic of China")."""
    titles = nlp.add_pipe(
        "entity_ruler",
        name=TITLE_RULER_NAME,
        before="ner",
        config={"phrase_matcher_attr": "LOWER"},
    )
    titles.add_patterns(title_patterns(knowledge))  # type: ignore[attr-defined]
    names = nlp.add_pipe("entity_ruler", name=RULER_NAME, before="ner")
    names.add_patterns(name_patterns(knowledge))  # type: ignore[attr-defined]


@cache
def common_name_words() -> frozenset[str]:
    """Lower-case words of the knowledge base's organisation names and of titles: "Council",
    "Senate", "Committee" are no one's name."""
    knowledge = Knowledge.load()
    names = [org.name_en for org in knowledge.organizations if org.name_en]
    names += [position.en for position in knowledge.positions if position.en]
    names += json.loads(TITLES_EN_FILE.read_text(encoding="utf-8"))["titles"]
    return frozenset(word.lower() for name in names for word in name.replace(",", " ").split())
