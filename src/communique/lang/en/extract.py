"""Events, agreements and topics of an English record, from spaCy's dependencies.

The triggers and word lists are `data/event_lexicon_en.json`, in the format of the Russian
lexicon (`extract/event_lexicon.py` reads both); the events are the `Event`s the Russian stage
builds (`extract/events.py`) and one meeting is one CONSULT event (`extract/meetings.py`
merges them, as for Russian).

Sides of a contact, as English writes them:
- the subject of the trigger ("X met", "X held talks", "X received", "X visited"), through
  conjoined and infinitive verbs ("X arrived and met", "X is in Istanbul to attend"), through a
  relative pronoun ("X, who held talks") and a pronoun ("he met") to the person it stands for;
- the object of a verb whose object is a partner ("received the ambassador", "met the
  ministers"), the object of "with" ("met with X", "held talks with X", "a conversation with
  X"), both objects of "between" ("talks between X and Y"), the agent of a passive ("was
  received by X");
- a phrase with no name in it stands for the person or state it describes: "his Malaysian
  counterpart" for the Malaysian person of the text, "the Kazakh minister" for the Kazakh one,
  "the Turkish delegation" for Turkey; "the sides", "the two leaders" for the two sides of the
  text (`participants_inferred`).
Inside a side's phrase only the names the phrase is about count: those of "of", "from",
"including" and "led by" ("a delegation of Turkey led by X"), never those of a relative clause or
of "in"/"on"/"about" ("the situation in Afghanistan" is a subject, "in Astana" a place). A list
of partners of different states met by one side is one bilateral meeting with each.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from communique.extract.dates import ResolvedDate, published_date
from communique.extract.event_args import bilateral_sides
from communique.extract.event_build import EventParts, build_event, event_date
from communique.extract.event_lexicon import EventLexicon, TriggerEntry, event_lexicon
from communique.extract.events import after_publication
from communique.extract.meetings import join_participants, merge_meetings, state_ids
from communique.extract.topics import TopicHit
from communique.knowledge.sources import is_outlet
from communique.lang.en.countries import english_countries
from communique.lang.en.dates import resolve_english_date, sets_time
from communique.lang.en.ruler import TITLE_LABEL
from communique.record import (
    Actor,
    ActorKind,
    CountryBasis,
    DatePrecision,
    Event,
    EventDate,
    EventStatus,
    Record,
    Span,
)

EVENTS_EN = "lang.en.events@0.1.6"
EVENT_LEXICON_EN_FILE = Path(__file__).parent / "data" / "event_lexicon_en.json"
CONSULT = "CONSULT"
# Acts whose "with X" is the partner ("met with X", "signed a memorandum with X").
WITH_PARTNER = frozenset({"CONSULT", "AGREE", "COOPERATE", "REJECT", "SUPPORT"})
# The prepositions and clauses inside a side's phrase whose names are the side too.
SIDE_PREPOSITIONS = frozenset({"of", "from", "including", "by"})
SIDE_CLAUSES = frozenset({"lead", "head", "include"})
# Relations through which a verb's status governs the act below it ("agreed to hold a meeting").
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "dobj", "pobj", "prep", "acl", "advcl", "attr"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
DATELINE_TOKENS = 16


@cache
def english_event_lexicon() -> EventLexicon:
    return event_lexicon(EVENT_LEXICON_EN_FILE)


@cache
def title_equivalents() -> dict[str, tuple[str, ...]]:
    data = json.loads(EVENT_LEXICON_EN_FILE.read_text(encoding="utf-8"))
    return {phrase: tuple(words) for phrase, words in data["title_equivalents"].items()}


@dataclass
class Draft:
    """An event while it is read; `Event` once finished."""

    token: Token
    entry: TriggerEntry
    used: list[Token] = field(default_factory=list)  # the trigger's required words
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    joint: bool = False
    inferred: bool = False
    location: str | None = None


class Sides:
    """The record's actors as the tokens that name them, and what a phrase stands for."""

    def __init__(self, doc: Doc, record: Record, lexicon: EventLexicon) -> None:
        self.doc = doc
        self.record = record
        self.third_person = lexicon.third_person
        self.title_equivalents = title_equivalents()
        self.actors = {actor.id: actor for actor in record.actors}
        self.at: dict[int, str] = {}
        mentions = {m.id: m for m in record.mentions}
        for actor in record.actors:
            if actor.kind is ActorKind.ORGANIZATION and (
                is_outlet(actor.name) or actor.country is None
            ):
                # A news agency reports the contact, never a side of it; a body of no state
                # (a forum's council, "the Senate" unnamed) hosts or frames it.
                continue
            for mention_id in actor.mentions:
                mention = mentions.get(mention_id)
                span = doc.char_span(mention.start, mention.end) if mention else None
                for token in span or ():
                    self.at[token.i] = actor.id
        # A title written with a name stands for that person wherever the parse puts the
        # name, the body the title names included: "received Ambassador ... of Malaysia to
        # Kazakhstan Khairul Nizam Yusof", "Chairman of the Senate ... Maulen Ashimbayev"
        for occupation in record.occupations:
            span = doc.char_span(occupation.title.start, occupation.title.end)
            for token in span or ():
                kind = self.kind_of(self.at.get(token.i, ""))
                if kind is None or kind is ActorKind.ORGANIZATION:
                    self.at[token.i] = occupation.person
        counts = Counter({a.id: len(a.mentions) for a in record.actors})
        self.persons = sorted(
            (a for a in record.actors if a.kind is ActorKind.PERSON),
            key=lambda a: -counts[a.id],
        )

    def country_of(self, actor_id: str) -> str | None:
        actor = self.actors.get(actor_id)
        return actor.country if actor else None

    def kind_of(self, actor_id: str) -> ActorKind | None:
        actor = self.actors.get(actor_id)
        return actor.kind if actor else None

    def phrase_tokens(self, head: Token, conjuncts: bool = True) -> list[Token]:
        """The tokens of the phrase headed by `head` whose names the phrase is about (without
        the phrases joined to it by "and" unless `conjuncts`)."""
        out = [head]
        for child in head.children:
            if child.dep_ in ("relcl", "advcl", "ccomp", "parataxis", "punct", "cc", "case"):
                continue
            if child.dep_ == "conj" and not conjuncts:
                continue
            if child.dep_ == "prep" and child.lower_ not in SIDE_PREPOSITIONS:
                continue
            if child.dep_ == "acl" and child.lemma_.lower() not in SIDE_CLAUSES:
                continue
            out += self.phrase_tokens(child)
        return out

    def of_phrase(self, head: Token) -> list[str]:
        """The persons a phrase names, else its organisations and states, else the person or
        state a description stands for ("his Malaysian counterpart", "the Turkish side"); of
        each phrase of a coordination ("the Kazakh minister and his Indian counterpart"), the
        states named beside persons left out ("the Foreign Ministers of Chile, A, and Peru,
        B")."""
        parts = [head, *(c for c in head.conjuncts if c.i > head.i)]
        if head.dep_ == "conj" or len(parts) == 1:
            return self._of_part(head, conjuncts=True)[0]
        found = [self._of_part(part, conjuncts=False) for part in parts]
        with_persons = any(kind == "persons" for _, kind in found)
        return list(
            dict.fromkeys(
                actor
                for actors, kind in found
                if not (with_persons and kind == "named")
                for actor in actors
            )
        )

    def _of_part(self, head: Token, conjuncts: bool) -> tuple[list[str], str]:
        tokens = sorted(self.phrase_tokens(head, conjuncts), key=lambda t: t.i)
        named = list(
            dict.fromkeys(self.at[t.i] for t in tokens if t.i in self.at and not _dateline(t))
        )
        persons = [a for a in named if self.kind_of(a) is ActorKind.PERSON]
        if persons:
            return persons, "persons"
        if named:
            return named, "named"
        if head.lower_ in self.third_person and head.pos_ == "PRON":
            return self.previous_person(head), "persons"
        return self.described(tokens), "described"

    def person_before(self, verb: Token) -> list[str]:
        """A main verb whose parse has no subject with a name ("ASTANA (Kazinform) – Chairman
        ... Maulen Ashimbayev received", the dateline's city read as the subject): the person
        named last before it in its sentence."""
        for position in range(verb.i - 1, verb.sent.start - 1, -1):
            actor = self.at.get(position)
            if actor is None or self.kind_of(actor) is not ActorKind.PERSON:
                continue
            return [actor]
        return []

    def previous_person(self, token: Token) -> list[str]:
        """The person a pronoun stands for: the last one named before it."""
        for position in range(token.i - 1, -1, -1):
            actor = self.at.get(position)
            if actor and self.kind_of(actor) is ActorKind.PERSON:
                return [actor]
        return []

    def described(self, tokens: list[Token]) -> list[str]:
        """A phrase without a name: the person who holds the title it uses, of the state its
        demonym names if it names one ("the Kazakh Head of State"); else the person of that
        state (the most named) or the state itself ("his Malaysian counterpart", "the Turkish
        side")."""
        countries = english_countries()
        code = next(
            (
                found
                for token in tokens
                if token.ent_type_ == "NORP" and (found := countries.by_demonym(token.text))
            ),
            None,
        )
        titled = [t for t in tokens if t.ent_type_ == TITLE_LABEL]
        if titled and (held := self.holder(titled, code)):
            return held
        if code is None:
            return []
        person = next((p for p in self.persons if p.country == code and p.positions), None)
        return [person.id] if person else [self.country_actor(code)]

    def holder(self, title: list[Token], country: str | None) -> list[str]:
        """The person a title used alone stands for ("the Senate Speaker", "the Head of
        State"): the most named person (of `country`, if given) whose stated title shares most
        words with it."""
        text = " ".join(t.lower_ for t in title)
        words = {t.lower_ for t in title if t.is_alpha and not t.is_stop}
        for phrase, equivalents in self.title_equivalents.items():
            if phrase in text:
                words |= set(equivalents)
        best, best_overlap = None, 0
        for person in self.persons:
            if country is not None and person.country != country:
                continue
            stated = {w.lower() for p in person.positions for w in p.split()}
            overlap = len(words & stated)
            if overlap > best_overlap:
                best, best_overlap = person, overlap
        return [best.id] if best else []

    def country_actor(self, code: str) -> str:
        """The country actor of `code`, added to the record if the text named it only by a
        demonym ("the Turkish delegation")."""
        for actor in self.record.actors:
            if actor.kind is ActorKind.COUNTRY and actor.country == code:
                return actor.id
        actor = Actor(
            id=f"a-country-{code.lower()}",
            kind=ActorKind.COUNTRY,
            name=next((n for n, c in english_countries().names.items() if c == code), code),
            country=code,
            country_basis=CountryBasis.TEXT,
        )
        self.record.actors.append(actor)
        self.actors[actor.id] = actor
        return actor.id

    def place(self, head: Token) -> str | None:
        """The country actor of a place phrase ("to Cairo", "in Kazakhstan")."""
        for token in self.phrase_tokens(head):
            actor = self.at.get(token.i)
            if actor and self.kind_of(actor) is ActorKind.COUNTRY:
                return actor
        return None

    def sides(self) -> list[str]:
        """The two sides of the text, by the rule every language shares."""
        return bilateral_sides(self.record)


# --- triggers -------------------------------------------------------------------------------
def find_triggers(doc: Doc, lexicon: EventLexicon) -> list[Draft]:
    drafts: list[Draft] = []
    used: set[int] = set()
    for nouns in (False, True):
        for token in doc:
            if token.i in used or nouns != (token.pos_ in ("NOUN", "PROPN")):
                continue
            draft = match_trigger(token, lexicon)
            if draft is None or _covered(draft, drafts, used):
                continue
            drafts.append(draft)
            used |= {t.i for t in draft.used}
    return sorted(drafts, key=lambda d: d.token.i)


def match_trigger(token: Token, lexicon: EventLexicon) -> Draft | None:
    """The draft of the event a token triggers, with the words its entry needs, or None."""
    lemma = token.lemma_.lower()
    for entry in lexicon.triggers.get(lemma, ()) or lexicon.triggers.get(token.lower_, ()):
        if entry.pos == "NOUN" and token.pos_ not in ("NOUN", "PROPN"):
            continue
        if entry.pos == "VERB" and token.pos_ != "VERB":
            continue
        if entry.pos == "ADJ" and token.pos_ not in ("ADJ", "VERB"):
            continue
        used = _requirements(token, entry)
        if used is not None:
            return Draft(token, entry, used)
    return None


def _requirements(token: Token, entry: TriggerEntry) -> list[Token] | None:
    """The words a specific entry needs ("held talks", "a telephone conversation"), or None."""
    if entry.with_actor:
        return [] if any(c.dep_ in ("dobj", "nsubjpass") for c in token.children) else None
    if not entry.with_:
        return []
    for child in token.children:
        words = [child, *(c for c in child.children if c.dep_ == "pobj")]
        for word in words:
            if word.lemma_.lower() in entry.with_ or word.lower_ in entry.with_:
                if not entry.with_also:
                    return [child, word]
                also = [
                    c
                    for c in word.children
                    if c.lemma_.lower() in entry.with_also or c.lower_ in entry.with_also
                ]
                if also:
                    return [child, word, *also]
    return None


def _covered(draft: Draft, drafts: list[Draft], used: set[int]) -> bool:
    """A noun another trigger consumed or that names the same act as its verb ("arrived on a
    visit")."""
    token = draft.token
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    return token.head.i in used or any(
        d.token.i == token.head.i and d.entry.plover == draft.entry.plover for d in drafts
    )


# --- participants ---------------------------------------------------------------------------
def read_participants(sides: Sides, draft: Draft, lexicon: EventLexicon) -> None:
    token = draft.token
    if token.pos_ in ("NOUN", "PROPN"):
        _noun_participants(sides, draft, lexicon)
    else:
        _verb_participants(sides, draft, lexicon)
    draft.source = list(dict.fromkeys(draft.source))
    draft.target = [a for a in dict.fromkeys(draft.target) if a not in draft.source]


def _subject(token: Token) -> Token | None:
    """The subject of a verb, or of the verb it shares it with ("arrived and met", "is in
    Astana to attend"), through a relative pronoun to its antecedent. An infinitive after an
    object is that object's act ("invited the President to visit"), one after a noun its
    holder's ("confirmed his intention to pay a visit", "handed X an invitation to visit")."""
    current = token
    for _ in range(5):
        subjects = [c for c in current.children if c.dep_ in ("nsubj", "csubj")]
        if subjects:
            subject = subjects[0]
            if subject.lower_ in RELATIVE_PRONOUNS and current.dep_ == "relcl":
                return current.head
            return subject
        if current.dep_ == "relcl":
            return current.head
        if current.head is current:
            return None
        if current.dep_ == "xcomp" and current.tag_ in ("VB", "VBG"):
            objects = [c for c in current.head.children if c.dep_ in ("dobj", "dative")]
            if objects and objects[0].i < current.i:
                return objects[0]
        if current.dep_ == "acl" and current.head.pos_ == "NOUN":
            noun = current.head
            datives = [c for c in noun.head.children if c.dep_ == "dative"]
            datives += [
                p
                for c in noun.children
                if c.dep_ == "prep" and c.lower_ == "to"
                for p in c.children
                if p.dep_ == "pobj" and p.i < current.i
            ]
            if datives:
                return datives[0]  # "an invitation to the Head of State to visit"
            owners = [c for c in noun.children if c.dep_ == "poss"]
            if owners and owners[0].lower_ not in ("his", "her", "its", "their"):
                return owners[0]
            if noun.dep_ not in ("dobj", "pobj"):
                return None
            current = noun.head if noun.dep_ == "dobj" else noun.head.head
            continue
        if current.dep_ not in ("conj", "xcomp", "advcl", "acomp"):
            return None
        current = current.head
    return None


def _verb_participants(sides: Sides, draft: Draft, lexicon: EventLexicon) -> None:
    token = draft.token
    passive = [c for c in token.children if c.dep_ == "nsubjpass"]
    if passive:
        agents = [p for c in token.children if c.dep_ == "agent" for p in c.children]
        draft.source = [a for agent in agents for a in sides.of_phrase(agent)]
        if not draft.entry.joint:  # "prospects were discussed": a subject, not a side
            draft.target = sides.of_phrase(passive[0])
        return
    subject = _subject(token)
    both = sides.sides() if subject is not None and _both_sides(subject, lexicon) else []
    if both:
        draft.source, draft.inferred = both, True
    elif subject is not None:
        draft.source = sides.of_phrase(subject)
        if not draft.source and _joint_word(subject, lexicon):
            draft.source, draft.inferred = sides.sides(), True
    if not draft.source and not draft.inferred:
        draft.source = sides.person_before(token)
    draft.joint = draft.entry.joint and len(draft.source) > 1
    for head in [token, *draft.used]:
        for child in head.children:
            draft.target += _target_of(sides, draft, child, lexicon)
    if draft.target:
        draft.target += _stray_partners(sides, token)
    else:
        draft.target = _host(sides, token, draft.source, lexicon)


def _host(sides: Sides, verb: Token, source: list[str], lexicon: EventLexicon) -> list[str]:
    """The inviter of the act an invitation names ("the President invited the Emir to take part
    in the forum", "X invited her counterpart to attend"): the invited come to the inviter's
    side, which is the act's other side when the act names none."""
    inviting = verb.head
    if verb.dep_ != "xcomp" or not any(
        entry.commitment == "invitation" for entry in lexicon.triggers.get(inviting.lemma_, ())
    ):
        return []
    subject = _subject(inviting)
    inviters = sides.of_phrase(subject) if subject is not None else []
    return [actor for actor in inviters or sides.person_before(inviting) if actor not in source]


def _stray_partners(sides: Sides, verb: Token) -> list[str]:
    """Partners the small parser hangs on the verb: after a long apposition, "met with X, chair
    of the group of the Senate, and Senator Y" reads Y as a conjunct of "met", not of X. A name
    conjoined to the verb, with no verb or subject of its own, is one more partner."""
    return [
        actor
        for child in verb.children
        if child.dep_ == "conj"
        and child.i > verb.i
        and child.pos_ == "PROPN"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in child.children)
        for actor in sides.of_phrase(child)
    ]


def _dateline(token: Token) -> bool:
    """The city of a dateline, written in capitals ("CAIRO (Kazinform) –"): where the release
    was written, never a side."""
    return token.is_upper and len(token) > 1 and token.ent_type_ == "GPE"


def _both_sides(subject: Token, lexicon: EventLexicon) -> bool:
    """A plural of both sides with nothing that names one ("The leaders agreed", "the two
    presidents"): the text's two sides, not the one person a title equivalent ("leader" for a
    president) finds."""
    return subject.lower_ in lexicon.joint_subjects and all(
        child.dep_ in ("det", "nummod", "predet") for child in subject.children
    )


def _joint_word(token: Token, lexicon: EventLexicon) -> bool:
    """ "The sides", "both leaders", "they": both sides of the contact, never one person."""
    return any(
        t.lower_ in lexicon.joint_subjects
        for t in (token, *token.children)
        if t.dep_ not in ("prep", "relcl")
    )


def _target_of(sides: Sides, draft: Draft, child: Token, lexicon: EventLexicon) -> list[str]:
    entry = draft.entry
    visiting = entry.mode == "visit" and entry.cameo.code != "043"
    if child.dep_ in ("dobj", "dative") and child not in draft.used and not entry.joint:
        if visiting:
            draft.location = draft.location or sides.place(child)
        return sides.of_phrase(child)
    if child.dep_ == "prep" and child.lower_ in lexicon.case_with:
        if entry.plover not in WITH_PARTNER:
            return []
        return [a for pobj in _objects(child) for a in sides.of_phrase(pobj)]
    if visiting and child.dep_ == "prep" and child.lower_ in lexicon.case_in:
        for pobj in _objects(child):
            place = sides.place(pobj)
            if place:
                draft.location = draft.location or place
                return [place]
    return []


def _objects(preposition: Token) -> list[Token]:
    found = []
    for child in preposition.children:
        if child.dep_ == "pobj":
            found.append(child)
            found += [c for c in child.conjuncts if c.i > child.i]
    return found


def _noun_participants(sides: Sides, draft: Draft, lexicon: EventLexicon) -> None:
    """ "Tokayev's visit to Cairo", "the visit of the minister", "talks between X and Y",
    "a meeting with X"."""
    token = draft.token
    for child in token.children:
        if child.dep_ == "poss":
            draft.source += sides.of_phrase(child)
        elif child.dep_ == "prep" and child.lower_ in ("of", "by"):
            draft.source += [a for pobj in _objects(child) for a in sides.of_phrase(pobj)]
        elif child.dep_ == "prep" and child.lower_ == "between":
            named = [a for pobj in _objects(child) for a in sides.of_phrase(pobj)]
            draft.source += named[:1]
            draft.target += named[1:]
        else:
            draft.target += _target_of(sides, draft, child, lexicon)
    for word in draft.used:
        for child in word.children:
            if child.dep_ == "prep" and child.lower_ in lexicon.case_with:
                draft.target += [a for pobj in _objects(child) for a in sides.of_phrase(pobj)]
    if draft.target and not draft.source:
        draft.source = _clause_sides(sides, draft, lexicon)
    if draft.source or draft.target:
        return
    head = token.head
    if token.dep_ in ("dobj", "nsubjpass", "attr") and head.pos_ in ("VERB", "AUX"):
        subject = _subject(head)
        if subject is not None:
            draft.source = sides.of_phrase(subject)
            if not draft.source and _joint_word(subject, lexicon):
                draft.source, draft.inferred = sides.sides(), True


def _clause_sides(sides: Sides, draft: Draft, lexicon: EventLexicon) -> list[str]:
    """The other side of "a meeting with X" that names no one of its own: the subject of the
    clause the noun stands in ("At the meeting with X, the minister noted ..."), or, when that
    subject is both sides ("At the meeting with X, the sides discussed ..."), the text's side
    that X is not."""
    verb = next((t for t in draft.token.ancestors if t.pos_ in ("VERB", "AUX")), None)
    subject = _subject(verb) if verb is not None else None
    if subject is None:
        return []
    named = [a for a in sides.of_phrase(subject) if a not in draft.target]
    if named or not _joint_word(subject, lexicon):
        return named
    draft.inferred = True
    return [a for a in sides.sides() if a not in draft.target][:1]


def share_participants(sides: Sides, drafts: list[Draft]) -> None:
    """An act with no side of its own takes those of another act of its sentence ("during the
    visit of X, the documents were signed"), else the text's two sides."""
    for draft in drafts:
        if draft.source or draft.target:
            continue
        sentence = draft.token.sent.start
        other = next(
            (
                d
                for d in drafts
                if d is not draft and (d.source or d.target) and d.token.sent.start == sentence
            ),
            None,
        )
        if other is not None:
            draft.source, draft.target = list(other.source), list(other.target)
        elif draft.entry.joint or draft.entry.plover == CONSULT:
            draft.source, draft.joint = sides.sides(), True
        draft.inferred = True


def split_partners(sides: Sides, draft: Draft) -> list[Draft]:
    """One side meeting a list of partners of different states ("met the Foreign Ministers of
    Malaysia, A, and Egypt, B") met each: one bilateral meeting per partner."""
    if draft.entry.plover != CONSULT or draft.inferred or len(draft.target) < 2:
        return [draft]
    persons = [a for a in draft.target if sides.kind_of(a) is ActorKind.PERSON]
    countries = [sides.country_of(a) for a in persons]
    if len(persons) < 2 or None in countries or len(set(countries)) < len(persons):
        return [draft]
    return [
        Draft(draft.token, draft.entry, draft.used, list(draft.source), [p], draft.joint)
        for p in persons
    ]


# --- status, date, mode ---------------------------------------------------------------------
def _governors(token: Token, limit: int = 5) -> list[Token]:
    """The heads above `token` through complement relations (not conj, not a sentence's
    other clauses)."""
    found: list[Token] = []
    current = token
    while len(found) < limit and current.dep_ in COMPLEMENT_DEPS and current.head is not current:
        current = current.head
        found.append(current)
    return found


def _future(token: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll") for c in token.children)


def status_of(
    draft: Draft, lexicon: EventLexicon, when: ResolvedDate | None, published: date | None
) -> EventStatus:
    token = draft.token
    places = [token, token.head] if token.pos_ in ("NOUN", "PROPN") else [token]
    if any(c.dep_ == "neg" for place in places for c in place.children):
        return EventStatus.NEGATED
    if planned_at(token, lexicon) or after_publication(when, published):
        return EventStatus.PLANNED
    if any(g.lemma_.lower() in lexicon.speech_verbs for g in _governors(token, 2)):
        return EventStatus.REPORTED
    return EventStatus.HAPPENED


def planned_at(token: Token, lexicon: EventLexicon) -> bool:
    """An act still ahead: future ("will visit"), modified as ahead ("the next meeting"), to be
    done ("is to be held") or governed by an intent, an agreement or an invitation ("agreed to
    hold", "an invitation to pay a visit")."""
    if _future(token):
        return True
    modifiers = [c for c in token.children if c.dep_ in ("amod", "advmod", "compound")]
    if any(m.lemma_.lower() in lexicon.planned_modifiers for m in modifiers):
        return True
    if token.dep_ == "xcomp" and any(c.dep_ == "auxpass" for c in token.children):
        return True  # "is to be held"
    for governor in _governors(token):
        if governor.lemma_.lower() in lexicon.planned_governors or _future(governor):
            return True
    return False


@dataclass(frozen=True)
class DateMention:
    entity: SpacySpan
    resolved: ResolvedDate


def date_mentions(doc: Doc, published: date | None) -> list[DateMention]:
    found = []
    for entity in doc.ents:
        if entity.label_ != "DATE":
            continue
        resolved = resolve_english_date(entity.text, published)
        if resolved is not None and sets_time(entity):
            found.append(DateMention(entity, resolved))
    return found


def dateline_entity(doc: Doc) -> SpacySpan | None:
    """The date of the dateline, right after its city in capitals ("ASTANA, February 11, 2025
    –"): the release's own date, not one of an act."""
    for entity in doc.ents:
        if entity.start >= DATELINE_TOKENS:
            break
        if entity.label_ != "DATE":
            continue
        before = doc[max(0, entity.start - 3) : entity.start]
        resolved = resolve_english_date(entity.text, None)
        if any(_dateline(t) for t in before) and resolved is not None:
            return entity if resolved.precision is DatePrecision.DAY else None
    return None


def dateline_date(doc: Doc) -> date | None:
    entity = dateline_entity(doc)
    resolved = resolve_english_date(entity.text, None) if entity is not None else None
    return date.fromisoformat(resolved.value) if resolved is not None else None


def date_of(draft: Draft, dates: list[DateMention]) -> DateMention | None:
    """A date said of the event's own clause or of one above it."""
    token = draft.token
    dateline = dateline_entity(token.doc)
    clause = token if token.pos_ in ("VERB", "AUX") else _clause_head(token)
    above = {clause.i, *(a.i for a in clause.ancestors)}
    candidates = [
        d
        for d in dates
        if d.entity.sent.start == token.sent.start
        and (d.entity.root.head.i in above or d.entity.root.head.head.i in above)
        and d.entity != dateline
    ]
    return min(candidates, key=lambda d: abs(d.entity.root.i - token.i)) if candidates else None


def _clause_head(token: Token) -> Token:
    current = token
    for _ in range(8):
        if current.pos_ in ("VERB", "AUX") or current.head is current:
            return current
        current = current.head
    return current


# --- the stage ------------------------------------------------------------------------------
def extract_events(doc: Doc, record: Record, hits: list[TopicHit]) -> list[Event]:
    lexicon = english_event_lexicon()
    sides = Sides(doc, record, lexicon)
    published = published_date(record.published) or dateline_date(doc)
    drafts = find_triggers(doc, lexicon)
    for draft in drafts:
        read_participants(sides, draft, lexicon)
    share_participants(sides, drafts)
    dates = date_mentions(doc, published)
    events = []
    joining: set[str] = set()
    for draft in [part for d in drafts for part in split_partners(sides, d)]:
        found = date_of(draft, dates)
        status = status_of(draft, lexicon, found.resolved if found else None, published)
        when = event_date(
            found.resolved if found else None,
            Span(start=found.entity.start_char, end=found.entity.end_char) if found else None,
            status,
            published,
        )
        events.append(_event(record, draft, len(events), status, when, hits))
        if _joins_meeting(draft, lexicon):
            joining.add(events[-1].id)
    return merge_meetings(join_participants(events, joining), state_ids(record))


def _joins_meeting(draft: Draft, lexicon: EventLexicon) -> bool:
    """ "X also attended the meeting", "Y took part in the talks", "the meeting was attended by
    Z": a participation in a meeting
    (a meeting noun, not a session or summit of several states) whose participants are named."""
    entry = draft.entry
    words = lexicon.participation_words
    if not draft.source or not (entry.lemma in words or entry.is_participation(words)):
        return False
    heads = [draft.token, *draft.used]
    places = [c for h in heads for c in h.children if c.dep_ in ("dobj", "nsubjpass")]
    places += [
        pobj
        for h in heads
        for c in h.children
        if c.dep_ == "prep" and c.lower_ in lexicon.case_in
        for pobj in _objects(c)
    ]
    return any(
        e.plover == CONSULT and e.pos == "NOUN" and e.mode is None
        for place in places
        for e in lexicon.triggers.get(place.lemma_.lower(), ())
    )


def _event(
    record: Record,
    draft: Draft,
    number: int,
    status: EventStatus,
    when: EventDate | None,
    hits: list[TopicHit],
) -> Event:
    token = draft.token
    sentence = token.sent
    parts = EventParts(
        plover=draft.entry.plover,
        cameo=draft.entry.cameo.code,
        mode=draft.entry.mode,
        trigger=Span(start=token.idx, end=token.idx + len(token.text)),
        source=draft.source,
        target=draft.target,
        joint=draft.joint,
        inferred=draft.inferred,
        status=status,
        date=when,
        location=draft.location,
        evidence=Span(start=sentence.start_char, end=sentence.end_char),
        hits=hits,
    )
    return build_event(record, parts, f"e{number}", EVENTS_EN)
