"""Kazakh organisation actors: one per body the text names, with its name in the base form.

The tagger's ORGANISATION spans are the names, cleaned of what the tagger runs over:
- a dateline before the name («ҚАЗАҚПАРАТ – Ислам ынтымақтастығы ұйымы ...»): the name starts
  after the dateline's dash;
- words of the clause before it: inside a Kazakh noun phrase the words before the head are in the
  nominative or the genitive (izafet: «Түркі мемлекеттерінің парламенттік ассамблеясы»), so a
  word in another case («министрімен», «Ашхабадтағы») ends a phrase, and the name begins after it;
- a dateline's city in capitals («МИНСК»), which says where, not who.
News outlets (`knowledge/data/sources.json`) are organisations wherever they stand, whatever
the tagger says, as the dateline names them in capitals («ҚАЗАҚПАРАТ»).

A name given once in full is later shortened to its head: «Сенат» after «Қазақстан Республикасы
Парламенті Сенаты», the head without its possessive. A shorter name is the body a longer one
names when its last word is the longer one's head and its other words are among the longer's.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from razdel import tokenize

from communique.knowledge.base import Knowledge
from communique.knowledge.sources import is_outlet, outlet_key, sources
from communique.lang.kk.suffixes import base_form, case_analysis, strip_possessive
from communique.record import Actor, ActorKind, CountryBasis, Mention

ORGANIZATIONS_FILE = Path(__file__).parent / "data" / "organizations.json"
# Cases that may stand before the head inside a name: nominative (no ending) and genitive.
NAME_CASES = frozenset({"genitive"})
# How many letters of a word tell it apart from its inflected forms (stem, possessive, case).
STEM_LETTERS = 5


@cache
def organization_heads() -> tuple[str, ...]:
    """The beginnings of Kazakh organisation words (`data/organizations.json`)."""
    return tuple(json.loads(ORGANIZATIONS_FILE.read_text(encoding="utf-8"))["heads"])


def is_body_head(word: str) -> bool:
    """Whether the word is the head noun of a body's name («палатасының», «министрлігі»)."""
    return word.lower().startswith(organization_heads())


def organization_in_title(title: str) -> tuple[int, int] | None:
    """(start, end) in `title` of the body a title names before its head: Kazakh puts the body
    in the genitive before the title («Қазақстан Республикасы Парламенті Сенатының Төрағасы»),
    so the body's name runs from the title's first capitalised word (after a dateline's dash) to
    the last organisation word before the title's head; None when it names no body («Сыртқы
    істер министрі»)."""
    tokens = list(tokenize(title))
    separators = sources().separators
    after = max((i + 1 for i, t in enumerate(tokens) if t.text in separators), default=0)
    heads = [i for i in range(after, len(tokens) - 1) if is_body_head(tokens[i].text)]
    if not heads:
        return None
    first = next((i for i in range(after, heads[-1] + 1) if tokens[i].text[:1].isupper()), None)
    if first is None:
        return None
    return tokens[first].start, tokens[heads[-1]].stop


@cache
def known_names(knowledge: Knowledge) -> frozenset[str]:
    """The knowledge base's Kazakh organisation names (lower case): base forms that may end like
    a case ending («Ақорда» is no locative of «Ақор»)."""
    return frozenset(
        name.lower()
        for organization in knowledge.organizations
        for name in (organization.name_kk, *organization.aliases_kk)
        if name
    )


def _stems(name: str) -> tuple[str, ...]:
    return tuple(strip_possessive(word).lower()[:STEM_LETTERS] for word in name.split())


@dataclass
class KazakhOrganizations:
    """The organisation actors of one document, keyed by the stems of their names."""

    knowledge: Knowledge
    known: frozenset[str]
    actors: list[Actor] = field(default_factory=list)
    _stems: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def name_in(self, text: str) -> tuple[int, str] | None:
        """(offset into `text`, base form) of the organisation's name in a tagger's span, or
        None when the span names no organisation (a dateline's city, an outlet's dash)."""
        separators = sources().separators
        tokens = list(tokenize(text))
        start = 0
        for index, token in enumerate(tokens):
            if token.text in separators and index + 1 < len(tokens):
                start = index + 1  # «ҚАЗАҚПАРАТ – Ислам ...»: the name follows the dateline
        for index in range(len(tokens) - 2, start - 1, -1):
            analysis = case_analysis(tokens[index].text)
            if analysis is not None and analysis[1] not in NAME_CASES:
                start = index + 1  # «министрімен ... комиссияның»: another phrase ended here
                break
        words = [token for token in tokens[start:] if token.text not in separators]
        if not words:
            return None
        if (
            len(words) == 1
            and words[0].text.isupper()
            and len(words[0].text) > 3
            and not is_outlet(words[0].text)
        ):
            return None  # a dateline's city, «МИНСК»
        name = text[words[0].start : words[-1].stop]
        return words[0].start, base_form(name, self.known | known_names(self.knowledge))

    def add(self, mention: Mention, name: str) -> Actor:
        """The actor `mention` (of name `name`, in its base form) names, new or known."""
        stems = _stems(name)
        actor = self._same_body(stems)
        if actor is None:
            outlet = is_outlet(name)
            name = sources().written.get(outlet_key(name), name)  # «ҚАЗАҚПАРАТ» -> «ҚазАқпарат»
            # A news agency reports the contact: its country is the publisher's (the record's
            # `home_country`), no party's.
            country = None if outlet else mention.country
            actor = Actor(
                id=f"a-organization-{len(self.actors) + 1}",
                kind=ActorKind.ORGANIZATION,
                name=name,
                country=country,
                country_basis=CountryBasis.TEXT if country else None,
            )
            self.actors.append(actor)
            self._stems[actor.id] = stems
        elif len(stems) > len(self._stems[actor.id]):
            actor.name, self._stems[actor.id] = name, stems  # the name in full
            actor.country = actor.country or mention.country
            if actor.country and actor.country_basis is None:
                actor.country_basis = CountryBasis.TEXT
        actor.mentions.append(mention.id)
        mention.actor = actor.id
        return actor

    def _same_body(self, stems: tuple[str, ...]) -> Actor | None:
        for actor in self.actors:
            other = self._stems[actor.id]
            short, long = sorted((stems, other), key=len)
            if short == long or (short and short[-1] == long[-1] and set(short) <= set(long)):
                return actor
        return None


def outlet_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every news outlet's name in the text, as written in any case."""
    return [(token.start, token.stop) for token in tokenize(text) if is_outlet(token.text)]
