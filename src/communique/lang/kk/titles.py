"""Titles the tagger leaves bare: an office noun right before a person's name.

KazNERD tags a title with its body («Мәжіліс Төрағасы») but seldom a bare office noun, singular or
plural, so «депутаттар Айше ..., Мурат ...» or «сенатор Жанна ...» come back as names without a
title. Kazakh writes the title before the name; an office noun (`data/titles.json`, matched on
its base form, so any case, possessive or plural) right before a PERSON is that person's title,
together with the body or country written just before it, bare or in the genitive («Жогорку Кеңес
депутаттары», «Түркия парламентінің депутаты»).
"""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from functools import cache
from pathlib import Path

from communique.lang.kk.events import noun_bases
from communique.lang.kk.suffixes import base_form, known_case_analysis
from communique.lang.kk.tagger import Entity

TITLES_FILE = Path(__file__).parent / "data" / "titles.json"
POSSESSOR_LABELS = frozenset({"ORGANISATION", "GPE"})


@cache
def office_nouns() -> frozenset[str]:
    return frozenset(json.loads(TITLES_FILE.read_text(encoding="utf-8"))["nouns"])


def is_office(word: str) -> bool:
    """Whether the word is an office noun in any form («депутаттары», «Төрағасы»)."""
    return bool(noun_bases(word) & office_nouns())


def _possessor(entity: Entity, words: Sequence[str], known: Collection[str]) -> bool:
    """A body or country that may own the title after it: bare or in the genitive."""
    if entity.label not in POSSESSOR_LABELS:
        return False
    last = words[entity.end - 1]
    analysis = known_case_analysis(last, known)
    return analysis is None or analysis[1] == "genitive"


def bare_titles(
    words: Sequence[str], entities: list[Entity], known: Collection[str]
) -> list[Entity]:
    """The sentence's entities with a POSITION for each office noun right before a PERSON that
    has none, taking in the body or country right before the noun."""
    result = list(entities)
    for person in [e for e in entities if e.label == "PERSON"]:
        before = person.start - 1
        if before < 0 or not is_office(words[before]):
            continue
        if any(e.start <= before < e.end for e in result):
            continue  # the noun is in a span of its own already (a title, a name)
        start = before
        owner = next((e for e in result if e.end == before), None)
        if owner is not None and _possessor(owner, words, known):
            start = owner.start
            result.remove(owner)
        text = " ".join(words[start : person.start])
        result.append(Entity("POSITION", start, person.start, text, base_form(text, known)))
    return sorted(result, key=lambda entity: entity.start)
