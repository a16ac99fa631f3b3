"""Organisation names in English text, whole.

English names a body by a capitalised phrase around a head noun ("Senate", "Ministry",
"University"), with capitalised modifiers before it ("State Great Khural", "Kazakh-German
University") and "of"-phrases after it ("Senate of the Parliament of Kazakhstan", "Council of
Foreign Ministers of the Organisation of Islamic Cooperation"). The small model cuts such names at
the country or title inside them ("the Parliament of" | "Kazakhstan"), and a title the ruler took
whole hides the body it names ("Chairman of the Senate" | "of the Parliament of Kazakhstan").
`organization_spans` finds the whole names: every ORG entity, and every capitalised phrase whose
head is an organisation word (`data/organizations_en.json`), grown over its modifiers and its
"of"-phrases. A title word stops the name unless a joiner leads to it ("Council of Foreign
Ministers"), so "Senate Chairman" names the Senate and "Chairman of the Senate" the Senate too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spacy.tokens import Doc, Token

from communique.knowledge.sources import is_outlet
from communique.lang.en.ruler import TITLE_LABEL

ORGANIZATIONS_EN_FILE = Path(__file__).parent / "data" / "organizations_en.json"
HYPHENS = frozenset({"-", "‐", "‑"})
# Entities that may stand inside an organisation's name: "Parliament of Kazakhstan", "Kazakh MFA".
NAME_PARTS = frozenset({"GPE", "ORG", "NORP", ""})


@dataclass(frozen=True)
class OrganizationWords:
    heads: frozenset[str]
    joiners: tuple[tuple[str, ...], ...]  # longest first


@cache
def organization_words() -> OrganizationWords:
    data = json.loads(ORGANIZATIONS_EN_FILE.read_text(encoding="utf-8"))
    joiners = sorted((tuple(j.split()) for j in data["joiners"]), key=len, reverse=True)
    return OrganizationWords(frozenset(data["heads"]), tuple(joiners))


@dataclass(frozen=True)
class OrganizationSpan:
    start: int  # token offsets in the doc, "the" left out
    end: int
    kb_id: str | None  # the knowledge base's organisation, when the name is one it knows


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper() and token.is_alpha and token.ent_type_ != "PERSON"


def _modifier(token: Token) -> bool:
    """A word that may stand in a name before its head: capitalised, no person, no title."""
    return _capitalised(token) and token.ent_type_ in NAME_PARTS and not token.is_sent_start


def _joiner_at(doc: Doc, position: int) -> int:
    """The length of the joiner ("of", "of the", ...) starting at `position`, or 0."""
    for joiner in organization_words().joiners:
        words = doc[position : position + len(joiner)]
        if len(words) == len(joiner) and tuple(t.lower_ for t in words) == joiner:
            return len(joiner)
    return 0


def _word_end(doc: Doc, position: int) -> int:
    """One past the capitalised word at `position`, hyphenated parts included ("Kazakh-German")."""
    end = position + 1
    while end + 1 < len(doc) and doc[end].text in HYPHENS and doc[end + 1].text[:1].isupper():
        end += 2
    return end


def _entity_end(doc: Doc, start: int) -> int:
    """One past the entity that begins at `start`."""
    end = start + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return end


def _plain_words_end(doc: Doc, end: int) -> int:
    """One past the capitalised words from `end` that no entity claims ("Foreign Affairs")."""
    while end < len(doc) and _capitalised(doc[end]) and not doc[end].ent_type_:
        end = _word_end(doc, end)
    return end


def _name_end(doc: Doc, end: int) -> int:
    """One past the last token of a name whose words so far end before `end`, grown over the
    "of"-phrases (and "and", "for", "on") that lead to more of it within the sentence: a country
    or an organisation whole ("of the Kyrgyz Republic", and no more: a name may follow), a title
    only after "of" ("Council of Foreign Ministers"), else capitalised words ("and Trade")."""
    while end < len(doc):
        joiner = _joiner_at(doc, end)
        after = end + joiner
        if (
            not joiner
            or after >= len(doc)
            or not _capitalised(doc[after])
            or any(token.is_sent_start for token in doc[end : after + 1])
        ):
            break
        first = doc[after]
        if first.ent_type_ in ("GPE", "ORG", "NORP") and first.ent_iob_ == "B":
            if doc[end].lower_ == "and":
                break  # "the National Assembly of France and UNESCO" are two
            end = _entity_end(doc, after)
        elif first.ent_type_ == TITLE_LABEL and doc[end].lower_ == "of":
            end = after
            while (
                end < len(doc)
                and _capitalised(doc[end])
                and doc[end].ent_type_ in ("", TITLE_LABEL)
            ):
                end = _word_end(doc, end)
        elif not first.ent_type_:
            end = _plain_words_end(doc, after)
        else:
            break
    return end


def _name_start(doc: Doc, head: int) -> int:
    """The first word of the name whose head is at `head`: the capitalised modifiers before it,
    a demonym or a country included ("Hungarian Ministry", "Astana International Forum")."""
    start = head
    while start > 0 and not doc[start].is_sent_start:
        before = doc[start - 1]
        if before.text in HYPHENS and start > 1 and doc[start - 2].text[:1].isupper():
            start -= 2
        elif _modifier(before):
            start -= 1
        else:
            break
    return start


def is_head(token: Token) -> bool:
    """Whether the token is an organisation word written as a name: "Senate", "MFA"."""
    return token.lower_ in organization_words().heads and token.text[:1].isupper()


def _acronym(text: str) -> bool:
    return 2 <= len(text) <= 6 and text.isalpha() and text.isupper()


# Where an ORG entity of the small model runs on past the name: "Council in Tashkent".
_NOT_IN_NAMES = frozenset({"in", "at"})


def _entity_name(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """An ORG entity's tokens without an article before, a place after "in" or "at", or a
    joiner at the end ("the Council of", which `_name_end` then takes further)."""
    while start < end and doc[start].lower_ == "the":
        start += 1
    for position in range(start, end):
        if doc[position].lower_ in _NOT_IN_NAMES:
            end = position
            break
    while end > start and doc[end - 1].is_lower:
        end -= 1
    return start, end


def _outlet_end(doc: Doc, start: int) -> int | None:
    """One past a news outlet's name at `start` ("Kazinform", "Interfax-Kazakhstan")."""
    if not doc[start].text[:1].isupper():
        return None
    for length in (3, 2, 1):
        words = doc[start : start + length]
        if len(words) == length and is_outlet(words.text):
            return start + length
    return None


def organization_spans(doc: Doc) -> list[OrganizationSpan]:
    """The organisations the text names, whole, in text order, without overlaps: names around an
    organisation word, ORG entities the knowledge base knows, acronyms, and the known news
    outlets (`knowledge/data/sources.json`), whatever the model calls them."""
    found: list[OrganizationSpan] = []
    entities = {entity.start: entity for entity in doc.ents if entity.label_ == "ORG"}
    covered = 0
    for token in doc:
        if token.i < covered:
            continue
        entity = entities.get(token.i)
        outlet_end = _outlet_end(doc, token.i)
        if outlet_end is not None:
            start, end = token.i, outlet_end
        elif entity is not None:
            start, end = _entity_name(doc, entity.start, entity.end)
            if start >= end:
                continue
            end = _name_end(doc, end)
            if not (
                any(is_head(t) for t in doc[start:end])
                or entity.ent_id_
                or _acronym(doc[start:end].text)
            ):
                continue
        elif is_head(token):
            start = max(_name_start(doc, token.i), covered)
            end = _name_end(doc, _plain_words_end(doc, _word_end(doc, token.i)))
        else:
            continue
        while start < end and doc[start].lower_ == "the":
            start += 1
        if start >= end:
            continue
        kb_id = None
        if entity is not None and entity.ent_id_ and entity.start == start and entity.end == end:
            kb_id = entity.ent_id_  # a longer name ("Council of" a known body) is another body
        found.append(OrganizationSpan(start, end, kb_id))
        covered = end
    return found


def head_word(doc: Doc, span: OrganizationSpan) -> str | None:
    """The name's first organisation word: its head, since English puts the "of"-phrases after."""
    return next((t.lower_ for t in doc[span.start : span.end] if is_head(t)), None)
