"""A minimal English reading: persons with their titles and countries, countries, organisations.

The groundwork for English in the pipeline (issue 11): it builds the same `Record` the Russian
pipeline does, from spaCy's entities (`model.english()`), but events, agreements and topics are
not read yet. A person is every PERSON entity, one actor per surname (its last word) in a document,
so a later "Ashimbayev" is the earlier "Maulen Ashimbayev". A person's title is the title phrase
written before the name ("Ambassador of Malaysia to Kazakhstan Khairul Nizam Yusof"), after it
between commas ("Maulen Ashimbayev, Chairman of the Senate,") or shared by a list of names
("MPs A, B and C"; "the Foreign Ministers of Malaysia, A, and Egypt, B"); the person's country
is the first country that phrase names, by name, demonym ("the Malaysian Ambassador") or
organisation, and the publisher's country (from the dateline's capital) for a title that names
none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from communique.document import Document
from communique.extract.stage import topic_records
from communique.knowledge.base import Knowledge
from communique.knowledge.sources import is_outlet
from communique.lang.en.agreements import extract_agreements
from communique.lang.en.commitments import english_commitments
from communique.lang.en.countries import english_countries
from communique.lang.en.extract import english_event_lexicon, extract_events
from communique.lang.en.model import english
from communique.lang.en.organizations import OrganizationSpan, head_word, organization_spans
from communique.lang.en.ruler import TITLE_LABEL, plural_heads
from communique.lang.en.titles import (
    HYPHENS,
    ONWARD_JOINERS,
    TITLE_JOINERS,
    TITLE_PARTS,
    crosses_title_phrase,
)
from communique.lang.en.topics import english_topics
from communique.record import (
    Actor,
    ActorKind,
    CountryBasis,
    Mention,
    MentionType,
    Occupation,
    Record,
    Span,
)
from communique.resolve.publisher import for_parsing, publisher_country

READER = "lang.en.read@0.4.2"  # 0.2: events, agreements, topics, dates; 0.3: organisations whole;
# 0.3.1: words closing a title phrase are no given name; 0.3.2: person countries (a
# delegation's head, an appositive, a state's body, the dateline), a surname named before is
# that person wherever it recurs; 0.4: names made whole (a given name misread as a nationality or
# left untagged, name particles, a name labelled a person elsewhere), one-word "persons" never
# introduced dropped, title phrases over portfolio commas, glosses, possessives and an of-phrase's
# nouns, partners one "with" introduces are one side; 0.4.1: a surname named before opening a
# sentence, whatever its part of speech; 0.4.2: the rulers' phrase matchers, titles first
MENTION_TYPES = {
    "PERSON": MentionType.PERSON,
    "ORG": MentionType.ORGANIZATION,
    "GPE": MentionType.COUNTRY,
    TITLE_LABEL: MentionType.POSITION,
}


@dataclass
class _Person:
    actor: Actor
    first: SpacySpan  # the name where the text first gives it
    title: SpacySpan | None = None
    country: str | None = None
    basis: CountryBasis | None = None


def _country_of_entity(entity: SpacySpan, knowledge: Knowledge) -> str | None:
    """The country an entity names: a country, a capital, a demonym, a known organisation's."""
    countries = english_countries()
    if entity.label_ == "GPE":
        if entity.ent_id_ and len(entity.ent_id_) == 2:
            return entity.ent_id_
        return countries.capitals.get(entity.text.lower())
    if entity.label_ == "NORP" or (entity.label_ == "ORG" and not entity.ent_id_):
        words = entity.text.replace("-", " ").split()
        return countries.by_demonym(words[0]) if len(words) == 1 else None
    if entity.label_ == "ORG" and entity.ent_id_:
        organization = knowledge.organization(entity.ent_id_)
        return organization.country if organization else None
    return None


def _title_before(doc: Doc, person: SpacySpan) -> SpacySpan | None:
    """The title phrase ending right before `person`: a TITLE, then parts and joiners."""
    return _title_ending_at(doc, person.start)


def _title_ending_at(doc: Doc, end: int) -> SpacySpan | None:
    """The title phrase that ends right before the token at `end`: a TITLE, then parts, joiners
    and what else a title phrase holds (`crosses_title_phrase`)."""
    position = end - 1
    start: int | None = None
    crossed_words = False  # lower-case words crossed: the title must go on to them
    while position >= 0:
        token = doc[position]
        if token.ent_type_ == TITLE_LABEL:
            if start is None and crossed_words and doc[position + 1].lower_ not in ONWARD_JOINERS:
                return None  # "an official visit to": no title phrase
            start = position
            # A demonym or country right before the title belongs to it: "Malaysian Ambassador".
            while start > 0 and doc[start - 1].ent_type_ in TITLE_PARTS:
                start -= 1
            position = start - 1
            continue
        if (
            token.ent_type_ in TITLE_PARTS
            or token.lower_ in TITLE_JOINERS
            or (token.pos_ == "PROPN" and not token.ent_type_)
            or crosses_title_phrase(doc, position, end, title_found=start is not None)
        ):
            crossed_words = crossed_words or (token.is_lower and token.lower_ not in TITLE_JOINERS)
            position -= 1
            continue
        break
    if start is None:
        return None
    while doc[start].lower_ in TITLE_JOINERS:
        start += 1
    return doc[start:end]


def _title_after(doc: Doc, person: SpacySpan) -> SpacySpan | None:
    """An appositive title: "Maulen Ashimbayev, Chairman of the Senate," after the name."""
    comma = person.end
    if comma + 1 >= len(doc) or doc[comma].text != "," or doc[comma + 1].ent_type_ != TITLE_LABEL:
        return None
    end = comma + 1
    while end < len(doc) and (
        doc[end].ent_type_ in TITLE_PARTS
        or doc[end].lower_ in TITLE_JOINERS
        or (doc[end].pos_ == "PROPN" and not doc[end].ent_type_)
    ):
        end += 1
    while doc[end - 1].lower_ in TITLE_JOINERS:
        end -= 1
    return doc[comma + 1 : end]


LIST_SEPARATORS = frozenset({",", "and"})


def _listed_title(doc: Doc, person: SpacySpan) -> tuple[SpacySpan, SpacySpan | None] | None:
    """A title shared by a list of names, and the country it pairs with the name, if it does.

    English distributes a plural title over a list: "MPs Ayse Kilic, Murat Yildirim and Hasan
    Dogru" (each name after the title), "the Foreign Ministers of Malaysia, Mohamad Rizal Hashim,
    Egypt, Tarek Mansour, and Oman, Salim Al-Harthi" (each name after its country).
    """
    ends = {entity.end: entity for entity in doc.ents}
    start = person.start
    country = ends.get(start - 1) if start > 0 and doc[start - 1].text == "," else None
    pairs = country is not None and country.label_ == "GPE"
    item_start = country.start if pairs and country is not None else start
    first_item: SpacySpan | None = None
    while True:
        if pairs and item_start > 0 and doc[item_start - 1].lower_ == "of":
            # "the Foreign Ministers of A, X, and B, Y"; "the heads of the foreign ministries
            # of A, X, and B, Y"
            title = _title_ending_at(doc, item_start - 1)
            if title is not None:
                return title, country
        if first_item is not None and not pairs:
            title = _title_before(doc, first_item)
            if title is not None:
                return title, None
        position = item_start
        while position > 0 and doc[position - 1].text in LIST_SEPARATORS:
            position -= 1
        earlier = ends.get(position)
        if position == item_start or earlier is None or earlier.label_ != "PERSON":
            return None
        first_item = earlier
        if not pairs:
            item_start = earlier.start
            continue
        paired = ends.get(earlier.start - 1) if doc[earlier.start - 1].text == "," else None
        if paired is None or paired.label_ != "GPE":
            return None
        item_start = paired.start


def singular(title: SpacySpan) -> str:
    """The title phrase with its plural head in the singular: "MPs" -> "MP", "Jogorku Kenesh
    deputies" -> "Jogorku Kenesh deputy" (a title shared by a list names each person's title)."""
    heads = plural_heads()
    words = []
    for token in title:
        word = token.text
        if token.ent_type_ == TITLE_LABEL and token.lower_ in heads:
            single = heads[token.lower_]
            word = single if word[:1].isupper() else single.lower()
            if word.islower() and token.text[:1].isupper():
                word = word[:1].upper() + word[1:]
        words.append(word + token.whitespace_)
    return "".join(words).strip()


def _group_country(doc: Doc, title: SpacySpan, knowledge: Knowledge) -> str | None:
    """The country of the group a title without one belongs to, when the sentence names it by a
    demonym before the title: "The Turkish delegation included MPs ...", "the Kazakh side".
    A partner introduced by "with" after the demonym is the other side ("The Kazakh lawmakers
    met with ... Senator X")."""
    partner_words = english_event_lexicon().case_with
    for entity in reversed(doc[title.sent.start : title.start].ents):
        if entity.label_ == "NORP":
            between = doc[entity.end : title.start]
            if any(t.lower_ in partner_words and t.dep_ == "prep" for t in between):
                return None
            return _country_of_entity(entity, knowledge)
    return None


def _led_group_country(doc: Doc, head: SpacySpan, knowledge: Knowledge) -> str | None:
    """The country of the group a person (`head`: the person's title, else name) leads: "a
    delegation of the Kingdom of Saudi Arabia led by Deputy Minister X", "a delegation of the
    Ministry of Water Resources of Uzbekistan headed by X"."""
    for marker in english_event_lexicon().delegation_head_markers:
        words = marker.split()
        start = head.start - len(words)
        if start < 1 or [t.lower_ for t in doc[start : head.start]] != words:
            continue
        verb = doc[start]
        group = verb.head if verb.head.pos_ in ("NOUN", "PROPN") else None
        if group is None or group.i >= verb.i:
            return None
        return _title_country(doc[group.left_edge.i : verb.i], knowledge)
    return None


def _title_country(title: SpacySpan, knowledge: Knowledge) -> str | None:
    """The first country a title phrase names: by an entity in it, else by a country's or a known
    organisation's name inside a title the ruler took whole ("President of the People's Republic
    of China", "Member of the State Great Khural")."""
    for entity in title.ents:
        country = _country_of_entity(entity, knowledge) or _state_body_country(entity)
        if country:
            return country
    found = [
        (match.start(), code)
        for pattern, code in _named_countries(knowledge)
        if (match := pattern.search(title.text))
    ]
    return min(found)[1] if found else None


def _state_body_country(entity: SpacySpan) -> str | None:
    """The state whose body a title names by its demonym: "State Secretary of the Hungarian
    Ministry of Foreign Affairs" (not a body of two: "the Kazakh-Hungarian Business Council")."""
    words = [t for t in entity if t.lower_ != "the"][:2]
    if entity.label_ != "ORG" or len(words) < 2 or words[1].text in HYPHENS:
        return None
    return english_countries().by_demonym(words[0].text)


@cache
def _named_countries(knowledge: Knowledge) -> tuple[tuple[re.Pattern[str], str], ...]:
    """(whole-word pattern, alpha-2) for every English country name and known organisation name
    that has a country, longest first."""
    names = dict(english_countries().names)
    for organization in knowledge.organizations:
        if organization.country:
            for name in (organization.name_en, *organization.aliases_en):
                if name and not name.isupper():  # "UN", "EU": no country, and acronyms mislead
                    names.setdefault(name, organization.country)
    return tuple(
        (re.compile(rf"\b{re.escape(name)}\b"), code)
        for name, code in sorted(names.items(), key=lambda item: -len(item[0]))
    )


def _line_openings(doc: Doc) -> list[Token]:
    """The first token of the text's first two lines: the headline's, then the body's, where a
    dateline stands however long the headline is."""
    found: list[Token] = []
    for line in list(re.finditer(r"^[^\S\n]*(\S.*)$", doc.text, re.MULTILINE))[:2]:
        span = doc.char_span(line.start(1), line.end(1), alignment_mode="expand")
        if span is not None and len(span):
            found.append(span[0])
    return found


def home_country(doc: Doc, document: Document, knowledge: Knowledge) -> str | None:
    """The publisher's country, from what the source says of itself (`resolve.publisher`: the
    input's `source_country`, the source's name or domain, the dateline's agency or credit line),
    else from the capital that opens the text or its body (its dateline: "ASTANA, February 11
    -"); never from the countries the text is about."""
    stated = publisher_country(document, knowledge)
    if stated:
        return stated
    capitals = english_countries().capitals
    for token in _line_openings(doc):
        # A dateline opens a line with the city, in capitals or followed by a comma or the
        # agency: "ASTANA, February 11", "Astana (Kazinform) -"; a capital inside a sentence
        # is what the text is about.
        following = doc[token.i + 1].text if token.i + 1 < len(doc) else ""
        if token.lower_ in capitals and (token.is_upper or following in (",", "(")):
            return capitals[token.lower_]
    return None


def read_english(document: Document, knowledge: Knowledge | None = None) -> Record:
    """A record of an English document: persons, titles, countries and organisations, then the
    events, agreements and topics (`extract.py`, `agreements.py`, `topics.py`)."""
    knowledge = knowledge or Knowledge.load()
    doc = english()(for_parsing(document.text))  # same length: every offset holds
    record = Record(
        id=document.id,
        language="en",
        text=document.text,
        title=document.title,
        published=document.published,  # relative dates ("last year") resolve against it
    )
    record.sentences = [
        Span(start=sentence.start_char, end=sentence.end_char) for sentence in doc.sents
    ]
    sentence_of = {
        token.i: number for number, sentence in enumerate(doc.sents) for token in sentence
    }
    persons: dict[str, _Person] = {}
    others: dict[tuple[str, str], Actor] = {}
    organizations = organization_spans(doc)
    in_names = {i for span in organizations for i in range(span.start, span.end)}
    found: list[tuple[int, SpacySpan | OrganizationSpan]] = [
        (entity.start, entity)
        for entity in doc.ents
        if entity.label_ not in ("ORG", "PERSON") or entity.start not in in_names
    ]
    found += [(span.start, span) for span in organizations]
    # A capitalised word the NER left untagged: a person's surname if he was named before
    # ("Khurelsukh thanked ..." after "President Ukhnaagiin Khurelsukh"), whatever part of
    # speech the small model gives an unfamiliar name opening a sentence ("Mendes invited")
    found += [
        (token.i, doc[token.i : token.i + 1])
        for token in doc
        if (token.pos_ == "PROPN" or (token.is_sent_start and token.is_title))
        and not token.ent_type_
        and token.i not in in_names
    ]
    found.sort(key=lambda pair: pair[0])
    named = _Organizations(doc, knowledge)
    for _, item in sorted(found, key=lambda pair: pair[0]):
        if isinstance(item, OrganizationSpan):
            record.mentions.append(named.mention(item, len(record.mentions) + 1, sentence_of))
            continue
        entity = item
        label = entity.label_
        if not label and entity.text.lower() not in persons:
            continue  # an untagged word that is no surname named before
        if not entity.ent_id_ and (
            entity.text.lower() in persons or (label == "ORG" and entity[-1].lower_ in persons)
        ):
            label = "PERSON"  # a surname named before, whatever the NER calls it here
        elif label == "ORG":
            continue  # organisations are read whole (`organization_spans`)
        if label not in MENTION_TYPES:
            continue
        mention = Mention(
            id=f"m{len(record.mentions) + 1}",
            type=MENTION_TYPES[label],
            start=entity.start_char,
            end=entity.end_char,
            text=entity.text,
            normal=entity.text,
            latin=entity.text,
            kb_id=entity.ent_id_ or None,
            country=_country_of_entity(entity, knowledge),
            sentence=sentence_of.get(entity.start),
            extractor=READER,
        )
        record.mentions.append(mention)
        if label == "PERSON":
            _add_person(doc, entity, mention, persons, knowledge)
        elif label == "GPE" and mention.country is not None:
            _add_named(entity, mention, others)
    home = home_country(doc, document, knowledge)
    record.home_country = home
    _partners_side(doc, list(persons.values()))
    for person in persons.values():
        if person.title is not None and person.country is None and home:
            person.country, person.basis = home, CountryBasis.INFERRED
        person.actor.country, person.actor.country_basis = person.country, person.basis
    record.actors = [person.actor for person in persons.values()] + list(others.values())
    record.actors += named.actors()
    record.occupations = list(_occupations(doc, persons.values(), record))
    hits = english_topics(doc)
    record.events = extract_events(doc, record, hits)
    record.commitments = english_commitments(doc, record)
    record.agreements = extract_agreements(doc, record, record.events)
    record.topics = topic_records(record.text, hits, record.events)
    return record


def _add_person(
    doc: Doc,
    entity: SpacySpan,
    mention: Mention,
    persons: dict[str, _Person],
    knowledge: Knowledge,
) -> None:
    surname = entity[-1].lower_
    person = persons.get(surname)
    if person is None:
        actor = Actor(id=f"a-person-{len(persons) + 1}", kind=ActorKind.PERSON, name=entity.text)
        person = persons[surname] = _Person(actor, entity)
    if len(entity.text) > len(person.actor.name):
        person.actor.name = entity.text
    person.actor.name_latin = person.actor.name
    person.actor.mentions.append(mention.id)
    mention.actor = person.actor.id
    if person.title is not None:
        return
    title = _title_before(doc, entity) or _title_after(doc, entity)
    named_country: str | None = None
    if title is None and (listed := _listed_title(doc, entity)) is not None:
        title, paired = listed
        named_country = _country_of_entity(paired, knowledge) if paired is not None else None
    if title is not None:
        person.title = title
        person.actor.positions.append(singular(title))
    country = named_country or (_title_country(title, knowledge) if title is not None else None)
    if country is None and title is not None and title.start < entity.start:
        # "Cardinal X, head of the Holy See delegation": the appositive says whose
        after = _title_after(doc, entity)
        country = _title_country(after, knowledge) if after is not None else None
    before = title if title is not None and title.start < entity.start else entity
    country = country or _led_group_country(doc, before, knowledge)
    if country is None and title is not None:
        country = _group_country(doc, title, knowledge)
    if country:
        person.country, person.basis = country, CountryBasis.TEXT


def _partners_side(doc: Doc, persons: list[_Person]) -> None:
    """A person whose title names no body ("Senator") takes the country of the partners the same
    "with" introduces ("met with X, chair of the French Senate's group, and Senator Y"): the
    partners named together are one side, unless their own titles say otherwise; a title that
    names a body whose country is unknown ("Imam of Al-Azhar") does."""
    partner_words = english_event_lexicon().case_with
    for person in persons:
        title = person.title
        if title is None or person.country is not None or any(t.lower_ == "of" for t in title):
            continue
        sentence = person.first.sent
        partner = next(
            (
                token
                for token in reversed(doc[sentence.start : title.start])
                if token.lower_ in partner_words and token.dep_ == "prep"
            ),
            None,
        )
        if partner is None:
            continue
        sides = {
            other.country
            for other in persons
            if other is not person
            and other.basis is CountryBasis.TEXT
            and partner.i < other.first.start < person.first.start
        }
        if len(sides) == 1:
            person.country, person.basis = sides.pop(), CountryBasis.TEXT


def _add_named(entity: SpacySpan, mention: Mention, others: dict[tuple[str, str], Actor]) -> None:
    kind = ActorKind.COUNTRY
    key = (kind.value, mention.kb_id or entity.text)
    actor = others.get(key)
    if actor is None:
        actor = others[key] = Actor(
            id=f"a-{kind.value}-{len(others) + 1}",
            kind=kind,
            name=entity.text,
            name_latin=entity.text,
            country=mention.country,
            country_basis=CountryBasis.TEXT,
            kb_id=mention.kb_id,
        )
    actor.mentions.append(mention.id)
    mention.actor = actor.id


class _Organizations:
    """The organisation actors of a document: one per body, however often and however briefly it
    is named. A shorter name is the body a longer one names when it has the same head and no
    word the longer lacks ("the Senate" after "the Senate of the Parliament of Kazakhstan"), as
    English shortens a name it has given in full."""

    def __init__(self, doc: Doc, knowledge: Knowledge) -> None:
        self.doc, self.knowledge = doc, knowledge
        self.by_key: dict[str, Actor] = {}
        self.words: dict[str, tuple[str | None, frozenset[str]]] = {}

    def mention(self, span: OrganizationSpan, number: int, sentence_of: dict[int, int]) -> Mention:
        words = self.doc[span.start : span.end]
        country, basis = self._country(span)
        mention = Mention(
            id=f"m{number}",
            type=MentionType.ORGANIZATION,
            start=words.start_char,
            end=words.end_char,
            text=words.text,
            normal=words.text,
            latin=words.text,
            kb_id=span.kb_id,
            country=country,
            sentence=sentence_of.get(span.start),
            extractor=READER,
        )
        actor = self._actor(span, mention, basis)
        actor.mentions.append(mention.id)
        mention.actor = actor.id
        return mention

    def actors(self) -> list[Actor]:
        return list({actor.id: actor for actor in self.by_key.values()}.values())

    def _country(self, span: OrganizationSpan) -> tuple[str | None, CountryBasis | None]:
        if span.kb_id:
            organization = self.knowledge.organization(span.kb_id)
            if organization.country:
                return organization.country, CountryBasis.KNOWLEDGE
        words = self.doc[span.start : span.end]
        if is_outlet(words.text):
            # A news agency reports the contact: its country is the publisher's (the record's
            # `home_country`), no party's.
            return None, None
        for entity in words.ents:
            if entity.label_ in ("GPE", "NORP") or (entity.label_ == "ORG" and entity.ent_id_):
                country = _country_of_entity(entity, self.knowledge)
                if country:
                    return country, CountryBasis.TEXT
        return None, None

    def _actor(self, span: OrganizationSpan, mention: Mention, basis: CountryBasis | None) -> Actor:
        words = frozenset(token.lower_ for token in self.doc[span.start : span.end])
        head = head_word(self.doc, span)
        key = span.kb_id or " ".join(mention.text.lower().split())
        if key not in self.by_key and head is not None:
            for other, (other_head, other_words) in self.words.items():
                if other_head == head and (words <= other_words or other_words <= words):
                    self.by_key[key] = self.by_key[other]
                    break
        actor = self.by_key.get(key)
        if actor is None:
            actor = self.by_key[key] = Actor(
                id=f"a-organization-{len(self.actors()) + 1}",
                kind=ActorKind.ORGANIZATION,
                name=mention.text,
                name_latin=mention.text,
                country=mention.country,
                country_basis=basis,
                kb_id=span.kb_id,
            )
        elif len(mention.text) > len(actor.name) and head is not None:
            actor.name = actor.name_latin = mention.text  # the name in full
            actor.country = actor.country or mention.country
            actor.country_basis = actor.country_basis or basis
        self.words[key] = (head, words | self.words.get(key, (None, frozenset()))[1])
        return actor


def _occupations(doc: Doc, persons: Iterable[_Person], record: Record) -> Iterable[Occupation]:
    for number, person in enumerate(persons, start=1):
        if person.title is None:
            continue
        sentence = person.title.sent
        yield Occupation(
            id=f"o{number}",
            person=person.actor.id,
            position=singular(person.title),
            title=Span(start=person.title.start_char, end=person.title.end_char),
            country=person.country,
            country_basis=person.basis,
            evidence=Span(start=sentence.start_char, end=sentence.end_char),
            extractor=READER,
        )
