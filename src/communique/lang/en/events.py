"""English event types from triggers: a sentence's main verb (or the clause a reporting verb
reports) and its particles, objects and complements, looked up in `data/triggers_en.json` by
lemma. PLOVER types (Draft 0.8, 2021).

"X refused to meet Y" is a rejection, "X offered to hand over Y" an agreement, "X threatened to
impose sanctions" a threat: a verb that governs another's infinitive decides the type itself
(`governing` in the data). "X said Y would withdraw" is Y's retreat: a reporting verb hands
the event to the clause it reports. "X held talks", "X imposed sanctions": a light verb with no
trigger of its own takes its object's. An act stated as future is what PLOVER codes the intent
or the threat of it: "X will support Y" AGREE, "X will impose sanctions" THREATEN.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spacy.tokens import Span, Token

TRIGGERS_EN_FILE = Path(__file__).parent / "data" / "triggers_en.json"
COMPLEMENTS = ("xcomp", "ccomp", "conj", "advcl", "acomp")
OBJECTS = ("dobj", "attr", "pobj", "nsubjpass", "oprd")


@dataclass(frozen=True)
class Triggers:
    single: dict[str, str]  # lemma -> PLOVER type
    phrasal: dict[str, str]  # "lemma particle" -> PLOVER type
    reporting: frozenset[str]
    governing: dict[str, str]  # verbs that decide the type of the infinitive they govern
    future_auxiliaries: frozenset[str]
    intent_of: frozenset[str]  # types whose act stated as future is an intent (AGREE)
    threat_of: frozenset[str]  # types whose act stated as future is a threat (THREATEN)


@cache
def triggers() -> Triggers:
    data = json.loads(TRIGGERS_EN_FILE.read_text(encoding="utf-8"))
    single: dict[str, str] = {}
    phrasal: dict[str, str] = {}
    for kind, words in data["types"].items():
        for word in words:
            (phrasal if " " in word else single).setdefault(word, kind)
    return Triggers(
        single,
        phrasal,
        frozenset(data["reporting"]),
        dict(data["governing"]),
        frozenset(data["future"]["auxiliaries"]),
        frozenset(data["future"]["intent_of"]),
        frozenset(data["future"]["threat_of"]),
    )


@dataclass(frozen=True)
class EventType:
    type: str
    trigger: Token


def _classify(token: Token, seen: set[int]) -> EventType | None:
    found = _act(token, seen)
    table = triggers()
    if found is None or not _future(found.trigger, table):
        return found
    if found.type in table.intent_of:
        return EventType("AGREE", found.trigger)  # "X will support Y": an intent to act
    if found.type in table.threat_of:
        return EventType("THREATEN", found.trigger)  # "X will strike Y": a threat
    return found


def _future(token: Token, table: Triggers) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in table.future_auxiliaries for c in token.children)


def _act(token: Token, seen: set[int]) -> EventType | None:
    if token.i in seen:
        return None
    seen.add(token.i)
    table = triggers()
    lemma = token.lemma_.lower()
    for child in token.children:
        if child.dep_ in ("prt", "prep", "advmod"):
            phrasal = table.phrasal.get(f"{lemma} {child.lower_}")
            if phrasal:
                return EventType(phrasal, token)
    children = list(token.children)
    if lemma in table.reporting:
        for child in children:
            if child.dep_ in ("ccomp", "xcomp", "parataxis"):
                found = _classify(child, seen)
                if found:
                    return found
    if lemma in table.governing and any(child.dep_ == "xcomp" for child in children):
        return EventType(table.governing[lemma], token)
    if lemma in table.single and lemma not in table.reporting:
        return EventType(table.single[lemma], token)
    for child in children:
        if child.dep_ in OBJECTS and child.lemma_.lower() in table.single:
            return EventType(table.single[child.lemma_.lower()], token)
    for child in children:
        if child.dep_ in COMPLEMENTS:
            found = _classify(child, seen)
            if found:
                return found
    return None


def sentence_event_type(sentence: Span) -> EventType | None:
    """The PLOVER type of the event a sentence reports, from its main verb down, or None."""
    return _classify(sentence.root, set())
