"""A minimal Kazakh reading: persons in their base form, their titles and countries.

The groundwork for Kazakh in the pipeline (issue 11): the tagger's PERSON, POSITION and GPE spans
(`tagger.py`) over razdel's sentences and tokens, names and titles in their base form
(`suffixes.py`), and the same `Record` the Russian pipeline builds, with dates, events, agreements
and topics read after the actors (`dates.py`, `events.py`, `agreements.py`, `topics.py`).
One actor per surname (the base form of a name's last word), so a later
«Әшімбаевпен» is the earlier «Мәулен Әшімбаев». A person's title is the POSITION right before
the name (Kazakh writes the title first: «Сенат Төрағасы Мәулен Әшімбаев»); the person's country
is the first country or known organisation's country that is named right before the title or in
it («Малайзияның ... елшісі»), leaving out places in the locative («Қазақстандағы елшісі», the
ambassador in Kazakhstan), else the publisher's (`resolve.publisher`: the source, the
dateline's agency or capital; never the countries the text is about). A title before a list of
names is each name's; an organisation or country right before a name without a title gives the
person's country.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from functools import cache, lru_cache

from razdel import sentenize, tokenize

from communique.document import Document
from communique.extract.dates import published_date
from communique.extract.stage import topic_records
from communique.knowledge.base import Knowledge
from communique.lang.kk.agreements import read_agreements
from communique.lang.kk.countries import (
    PLACE_NAME_WORDS,
    adjective_stem,
    ethnonym_country,
    native_spelling_country,
)
from communique.lang.kk.dates import find_dates
from communique.lang.kk.events import (
    Word,
    delegation_countries,
    event_words,
    joins_list,
    noun_base,
    planned_after,
    read_events,
    sentence_words,
)
from communique.lang.kk.features import inside_quotes
from communique.lang.kk.gazetteer import kazakh_gazetteer
from communique.lang.kk.names import (
    clean_persons,
    complete_list_names,
    document_persons,
    join_arabic_names,
)
from communique.lang.kk.organizations import (
    KazakhOrganizations,
    is_body_head,
    organization_in_title,
    outlet_spans,
)
from communique.lang.kk.paired import paired_titles
from communique.lang.kk.suffixes import (
    base_form,
    case_analysis,
    known_case_analysis,
    singular,
    strip_case,
    strip_possessive,
)
from communique.lang.kk.tagger import Entity, KazakhTagger
from communique.lang.kk.titles import bare_titles, is_office
from communique.lang.kk.topics import find_kazakh_topics
from communique.record import (
    Actor,
    ActorKind,
    CountryBasis,
    DatePrecision,
    Mention,
    MentionType,
    Occupation,
    Record,
    Span,
)
from communique.resolve.publisher import for_parsing, publisher_country

# 0.2: dates, events, agreements, topics; 0.3: organisations; 0.4: publisher as home, titles cut
# at a closed phrase, group members' countries
# 0.5: Arabic names whole over «бин» and the article; a name keeps its label through the text
# 0.6: names cleaned, list items, bare and paired titles, the publisher's country only, bodies
# linked to the knowledge base
READER = "lang.kk.read@0.6.0"
MENTION_TYPES = {
    "PERSON": MentionType.PERSON,
    "GPE": MentionType.COUNTRY,
    "ORGANISATION": MentionType.ORGANIZATION,
    "POSITION": MentionType.POSITION,
}
# How many tokens before a title a country naming its holder may stand («Малайзияның ... елшісі»).
COUNTRY_WINDOW = 3
DATELINE_CHARACTERS = 80  # how far into the body a dateline's date may stand


@dataclass
class _Located:
    entity: Entity
    sentence: int
    start: int  # character offsets in the text
    end: int


def country_of(name: str, knowledge: Knowledge) -> str | None:
    """The country a Kazakh name (in its base form) names: the knowledge base's Kazakh name, or its
    Russian name, which Kazakh shares for most countries (Малайзия, Египет), or the name before
    the form of state."""
    return _country_of(name, knowledge)


@lru_cache(maxsize=16384)
def _country_of(name: str, knowledge: Knowledge) -> str | None:
    code = _kazakh_country_names(knowledge).get(name.lower())
    if code:
        return code
    found = knowledge.country_by_name(name) or knowledge.country_by_capital(name)
    if found is None and " " in name.strip():
        # A state's official name is its name and the form of state after it (Сауд Арабиясы
        # Корольдігі, Оман Сұлтандығы, Мысыр Араб Республикасы): without the last word; the
        # name may be the people's (Қырғыз Республикасы, Түрік Республикасы).
        shorter = name.strip().rsplit(" ", 1)[0]
        return _country_of(shorter, knowledge) or ethnonym_country(shorter)
    return found.alpha2 if found else None


@cache
def _kazakh_country_names(knowledge: Knowledge) -> dict[str, str]:
    """The knowledge base's Kazakh country names and aliases, lower case, to their codes."""
    found: dict[str, str] = {}
    for country in knowledge.countries:
        for written in country.names_kk:
            found.setdefault(written.lower(), country.alpha2)
    return found


def adjective_country(word: str, knowledge: Knowledge) -> str | None:
    """The country an adjective names: «қазақстандық» (of Kazakhstan's name and -дық) or a
    people's name used as one («моңғол», «түрік»)."""
    stem = adjective_stem(word)
    from_name = country_of(stem.capitalize(), knowledge) if stem else None
    return from_name or ethnonym_country(word)


@cache
def _organization_keys(knowledge: Knowledge) -> tuple[tuple[str, str], ...]:
    """(base-form key of a Kazakh organisation name, its country), longest first."""
    known = kazakh_gazetteer().base_forms
    keys: dict[str, str] = {}
    for organization in knowledge.organizations:
        if not organization.country:
            continue
        for name in (organization.name_kk, *organization.aliases_kk):
            if name:
                key = " ".join(strip_case(word, known).lower() for word in name.split())
                keys.setdefault(key, organization.country)
    return tuple(sorted(keys.items(), key=lambda item: -len(item[0])))


PLACE_CASES = frozenset({"locative", "locative_attributive"})


def _is_place(word: str, known: frozenset[str]) -> bool:
    """A word in the locative says where, not whose: «Қазақстандағы елшісі» is the ambassador
    in Kazakhstan, «Ақордада» the place of a meeting."""
    if word.lower() in known:
        return False
    analysis = case_analysis(word)
    return analysis is not None and analysis[1] in PLACE_CASES


def _name_is_place(words: list[str], index: int, known: frozenset[str]) -> bool:
    """Whether the name starting at `words[index]` stands in the locative. Kazakh inflects a
    name on its last word only, so «Қазақстан Республикасындағы елшісі» is the ambassador in
    Kazakhstan: the first capitalised word after it that has a case ending decides."""
    for position in range(index, len(words)):
        word = words[position]
        if word.lower() not in known and case_analysis(word) is not None:
            return _is_place(word, known)
        if position + 1 >= len(words) or not words[position + 1][:1].isupper():
            return False
    return False


_QUOTES = '«»"“”„()'


def _phrase_words(phrase: str) -> list[str]:
    """The phrase's words without the quotes around a name («Роскосмос»)."""
    return [word.strip(_QUOTES) for word in phrase.split() if word.strip(_QUOTES)]


def countries_in_phrase(phrase: str, knowledge: Knowledge) -> list[str]:
    """Every country a Kazakh phrase names by its words, in order, places left out."""
    known = kazakh_gazetteer().base_forms
    written_words = _phrase_words(phrase)
    found: list[str] = []
    for index, written in enumerate(written_words):
        if _name_is_place(written_words, index, known):
            continue
        word = strip_case(written, known)
        code = country_of(word, knowledge) or adjective_country(word, knowledge)
        if code and code not in found:
            found.append(code)
    if not found:
        code = country_in_phrase(phrase, knowledge)
        found = [code] if code else []
    return found


def country_in_phrase(phrase: str, knowledge: Knowledge) -> str | None:
    """The first country a Kazakh phrase names: by a country's name among its words, else by a
    known organisation's Kazakh name in it, else by its Russian name (Бундестаг is both)."""
    known = kazakh_gazetteer().base_forms
    written_words = _phrase_words(phrase)
    words = [strip_case(word, known) for word in written_words]
    for index, word in enumerate(words):
        if _name_is_place(written_words, index, known):
            continue
        code = country_of(word, knowledge) or adjective_country(word, knowledge)
        if code:
            return code
    key = f" {' '.join(words).lower()} "
    for name, code in _organization_keys(knowledge):
        if f" {name} " in key:
            return code
    for candidate in (" ".join(words), *words):
        if candidate[:1].isupper():
            organization = knowledge.organization_by_name(candidate)
            if organization is not None and organization.country:
                return organization.country
    return None


def document_base_forms(text: str) -> frozenset[str]:
    """Words the text itself shows to be base forms: a word that also occurs with a case ending
    on it («Ланге» beside «Лангемен») keeps what only looks like an ending (-ге)."""
    words = {token.text.lower() for token in tokenize(text)}
    found = set()
    for word in words:
        analysis = case_analysis(word)
        if analysis is not None and analysis[0] in words:
            found.add(analysis[0])
    return frozenset(found)


def _locate(
    text: str, tagger: KazakhTagger, knowledge: Knowledge, known: frozenset[str]
) -> list[_Located]:
    def clean(words: list[str], entities: list[Entity]) -> list[Entity]:
        return clean_persons(
            words,
            entities,
            known,
            lambda name: country_of(name, knowledge) is not None,
            is_office,
            is_body_head,
        )

    sentences = kazakh_sentences(text)
    tokens_of = [list(tokenize(text[sentence.start : sentence.end])) for sentence in sentences]
    words_of = [[token.text for token in tokens] for tokens in tokens_of]
    entities_of = document_persons(
        words_of,
        [
            complete_list_names(
                words, join_arabic_names(words, clean(words, tagger.entities(words)), known), known
            )
            for words in words_of
        ],
        known,
    )
    entities_of = [
        bare_titles(words, entities, known)
        for words, entities in zip(words_of, entities_of, strict=True)
    ]
    located: list[_Located] = []
    for number, (sentence, tokens, entities) in enumerate(
        zip(sentences, tokens_of, entities_of, strict=True)
    ):
        for entity in entities:
            entity = replace(entity, base=base_form(entity.text, known))
            start = sentence.start + tokens[entity.start].start
            end = sentence.start + tokens[entity.end - 1].stop
            located.append(_Located(entity, number, start, end))
    return located


def kazakh_sentences(text: str) -> list[Span]:
    """The text's sentences: razdel's within each line, since a headline or a dateline ends at
    its line break without a full stop, and the dash that closes a dateline («АСТАНА.
    ҚАЗАҚПАРАТ –») ends one too (`publisher.for_parsing`)."""
    found = []
    offset = 0
    for line in for_parsing(text).split("\n"):
        found.extend(
            Span(start=offset + s.start, end=offset + s.stop)
            for s in sentenize(line)
            if s.text.strip()
        )
        offset += len(line) + 1
    return found


def read_kazakh(document: Document, knowledge: Knowledge | None = None) -> Record:
    """A record of a Kazakh document: persons with titles and countries, countries, dates,
    events, agreements and topics."""
    knowledge = knowledge or Knowledge.load()
    text = document.text
    known = kazakh_gazetteer().base_forms | document_base_forms(text)
    record = Record(id=document.id, language="kk", text=text, title=document.title)
    record.sentences = kazakh_sentences(text)
    located = _locate(text, KazakhTagger.load(), knowledge, known)
    organizations = KazakhOrganizations(knowledge, known)
    organization_names: dict[str, str] = {}  # mention id -> the name in its base form
    for item in located:
        entity = item.entity
        if entity.label not in MENTION_TYPES:
            continue
        start, normal = item.start, entity.base
        if entity.label == "ORGANISATION" and (
            named := organizations.name_in(text[item.start : item.end])
        ):
            start, normal = item.start + named[0], named[1]
            organization_names[f"m{len(record.mentions) + 1}"] = normal
        country = (
            country_of(entity.base, knowledge)
            if entity.label == "GPE"
            else country_in_phrase(entity.text, knowledge)
            if entity.label == "ORGANISATION"
            else None
        )
        record.mentions.append(
            Mention(
                id=f"m{len(record.mentions) + 1}",
                type=MENTION_TYPES[entity.label],
                start=start,
                end=item.end,
                text=text[start : item.end],
                normal=normal,
                country=country,
                sentence=item.sentence,
                extractor=READER,
            )
        )
    # The publisher's country (`resolve.publisher`: the source, its domain, the dateline's agency
    # or capital, a credit line); never the countries the text is about.
    home = publisher_country(document, knowledge)
    record.home_country = home
    persons: dict[str, Actor] = {}
    countries_seen: dict[str, Actor] = {}
    previous: tuple[_Located, Actor] | None = None
    for index, (item, mention) in enumerate(zip(_typed(located), record.mentions, strict=True)):
        if mention.type is MentionType.COUNTRY and mention.country:
            actor = countries_seen.setdefault(
                mention.country,
                Actor(
                    id=f"a-country-{len(countries_seen) + 1}",
                    kind=ActorKind.COUNTRY,
                    name=mention.normal,
                    country=mention.country,
                    country_basis=CountryBasis.TEXT,
                ),
            )
            actor.mentions.append(mention.id)
            mention.actor = actor.id
        if mention.type is not MentionType.PERSON:
            continue
        surname = base_form(item.entity.text.split()[-1], known).lower()
        actor = persons.get(surname)
        if actor is None:
            actor = persons[surname] = Actor(
                id=f"a-person-{len(persons) + 1}", kind=ActorKind.PERSON, name=mention.normal
            )
        if len(mention.normal) > len(actor.name):
            actor.name = mention.normal
        actor.mentions.append(mention.id)
        mention.actor = actor.id
        if not actor.positions:
            _add_title(record, located, index, actor, home, known, knowledge)
        if actor.country is None and index > 0:
            # «Жогорку Кеңес Айбек Осмонов», «Түркия ... Айше Кылыч»: an organisation or a
            # country named right before a name without a title is the person's.
            before = record.mentions[index - 1]
            if (
                before.type in (MentionType.COUNTRY, MentionType.ORGANIZATION)
                and before.country
                and before.sentence == mention.sentence
                and _typed(located)[index - 1].entity.end + 1 >= item.entity.start
            ):
                actor.country, actor.country_basis = before.country, CountryBasis.TEXT
        if not actor.positions and previous is not None and _listed_after(text, previous, item):
            # «депутаттары Айбек Осмонов, Гүлнара Жумабекова және Нұрбек Асанов»: one title
            # before a list of names is each name's.
            actor.positions = list(previous[1].positions)
            actor.country, actor.country_basis = previous[1].country, previous[1].country_basis
        previous = (item, actor)
    # The words of each sentence, read once for the titles paired with names and the events.
    sentences = [sentence_words(record, number) for number in range(len(record.sentences))]
    _pair_titles(record, sentences, persons, knowledge, known)
    _add_title_countries(record, countries_seen, known, knowledge)
    for mention in record.mentions:
        if mention.id in organization_names:
            organizations.add(mention, organization_names[mention.id])
    _add_outlets(record, organizations)
    _add_titled_organizations(record, organizations, known, knowledge)
    record.actors = list(persons.values()) + list(countries_seen.values())
    record.actors += organizations.actors
    _read_events(record, sentences, known, published_date(document.published))
    return record


def _add_title_countries(
    record: Record, countries_seen: dict[str, Actor], known: frozenset[str], knowledge: Knowledge
) -> None:
    """The countries a title names («Өзбекстан Республикасының Президенті») as country mentions
    and actors: KazNERD's titles take in their country, so the tagger gives it no span of its
    own, yet the text names it as much as when apart. The title's holder, not the country, is
    the side of an event (`events._parties`). Places in the locative are left out
    («Қазақстандағы елшісі»), and names inside quotes (a group's name)."""
    taken = {(m.start, m.end) for m in record.mentions if m.type is MentionType.COUNTRY}
    for title in [m for m in record.mentions if m.type is MentionType.POSITION]:
        tokens = list(tokenize(title.text))
        words = [token.text for token in tokens]
        quoted = inside_quotes(words)  # «Франция – Орталық Азия» тобы: a group's name
        index = 0
        while index < len(tokens):
            if quoted[index]:
                index += 1
                continue
            found = None
            # The shortest name that is a country's: «Өзбекстан» of «Өзбекстан Республикасының»
            # (country_of reads a longer phrase by its first words), «Біріккен Араб Әмірліктері».
            for size in range(1, min(PLACE_NAME_WORDS, len(tokens) - index) + 1):
                window = words[index : index + size]
                if not all(word[:1].isupper() for word in window):
                    continue
                if _name_is_place(words, index, known):
                    break
                name = base_form(" ".join(window), known)
                code = country_of(name, knowledge)
                if code:
                    found = (size, name, code)
                    break
            if found is None:
                index += 1
                continue
            size, name, code = found
            start = title.start + tokens[index].start
            end = title.start + tokens[index + size - 1].stop
            index += size
            if (start, end) in taken:
                continue
            mention = _add_mention(record, MentionType.COUNTRY, start, end, name, code)
            actor = countries_seen.setdefault(
                code,
                Actor(
                    id=f"a-country-{len(countries_seen) + 1}",
                    kind=ActorKind.COUNTRY,
                    name=name,
                    country=code,
                    country_basis=CountryBasis.TEXT,
                ),
            )
            actor.mentions.append(mention.id)
            mention.actor = actor.id


def _pair_titles(
    record: Record,
    sentences: list[list[Word]],
    persons: dict[str, Actor],
    knowledge: Knowledge,
    known: frozenset[str],
) -> None:
    """Lists of names paired with a list of states before a plural title (`paired.py`): each
    name's title is the singular with its state, and its country that state."""
    actors = {actor.id: actor for actor in persons.values()}
    for number, words in enumerate(sentences):
        starts = {word.start: index for index, word in enumerate(words)}
        ends = {word.end: index + 1 for index, word in enumerate(words)}
        named = [
            m
            for m in record.mentions
            if m.sentence == number and m.type is MentionType.PERSON and m.actor in actors
        ]
        spans = [(starts.get(m.start), ends.get(m.end)) for m in named]
        if any(start is None or end is None for start, end in spans):
            continue
        pairs = paired_titles(
            words,
            [(start, end) for start, end in spans if start is not None and end is not None],
            lambda name: country_of(name, knowledge),
            known,
        )
        for pair in pairs:
            actor = actors[named[pair.person].actor or ""]
            actor.positions = [pair.title]
            actor.country, actor.country_basis = pair.country, CountryBasis.TEXT
            record.occupations = [o for o in record.occupations if o.person != actor.id]
            record.occupations.append(
                Occupation(
                    id=f"o{len(record.occupations) + 1}",
                    person=actor.id,
                    position=pair.title,
                    title=Span(start=pair.start, end=pair.end),
                    country=pair.country,
                    country_basis=CountryBasis.TEXT,
                    evidence=record.sentences[number],
                    extractor=READER,
                )
            )


def _add_outlets(record: Record, organizations: KazakhOrganizations) -> None:
    """The news outlets the text names that the tagger did not take for organisations."""
    taken = [(m.start, m.end) for m in record.mentions if m.type is MentionType.ORGANIZATION]
    for start, end in outlet_spans(record.text):
        if any(start < other_end and other_start < end for other_start, other_end in taken):
            continue
        _add_organization(record, organizations, start, end, record.text[start:end], None)


def _add_titled_organizations(
    record: Record, organizations: KazakhOrganizations, known: frozenset[str], knowledge: Knowledge
) -> None:
    """The bodies titles name before their head («Парламенті Сенатының Төрағасы»)."""
    for title in [m for m in record.mentions if m.type is MentionType.POSITION]:
        found = organization_in_title(title.text)
        if found is None:
            continue
        start, end = title.start + found[0], title.start + found[1]
        written = record.text[start:end]
        normal, country = base_form(written, known), country_in_phrase(written, knowledge)
        _add_organization(record, organizations, start, end, normal, country)


def _add_organization(
    record: Record,
    organizations: KazakhOrganizations,
    start: int,
    end: int,
    normal: str,
    country: str | None,
) -> None:
    """A mention of an organisation the tagger did not give, and its actor."""
    mention = _add_mention(record, MentionType.ORGANIZATION, start, end, normal, country)
    organizations.add(mention, normal)


def _add_mention(
    record: Record, kind: MentionType, start: int, end: int, normal: str, country: str | None
) -> Mention:
    """A mention the reader finds beside the tagger's spans, added to the record."""
    mention = Mention(
        id=f"m{len(record.mentions) + 1}",
        type=kind,
        start=start,
        end=end,
        text=record.text[start:end],
        normal=normal,
        country=country,
        sentence=_sentence_of(record, start),
        extractor=READER,
    )
    record.mentions.append(mention)
    return mention


def _read_events(
    record: Record, sentences: list[list[Word]], known: frozenset[str], published: date | None
) -> None:
    """Dates, events, commitments, agreements and topics of the record, read after its actors;
    relative dates count from the publication date, else from the dateline's date."""
    published = published or _dateline_date(record.text)
    dates = find_dates(record.text, published)
    for found in dates:
        _add_mention(record, MentionType.DATE, found.start, found.end, found.resolved.value, None)
    hits = find_kazakh_topics(record.text)
    heads = delegation_countries(record, sentences)
    for actor in record.actors:
        country = heads.get(actor.id)
        if country:  # the delegation it heads says whose side a person is
            actor.country, actor.country_basis = country, CountryBasis.TEXT
    _group_members(record, sentences, set(heads.values()), known)
    for actor in record.actors:
        if actor.kind is ActorKind.PERSON and actor.country is None:
            # Nothing in the text says whose: a surname spelt the Kazakh way is a Kazakh's.
            actor.country = native_spelling_country(actor.name.split()[-1])
            actor.country_basis = CountryBasis.INFERRED if actor.country else None
    found = read_events(record, known, dates, published, hits, sentences)
    record.events = planned_after(found.events, published)
    record.commitments = found.commitments
    read_agreements(record, sentences, record.events, known)
    record.topics = topic_records(record.text, hits, record.events)


_GROUP_NOUNS = ("делегация", "тарап")  # a delegation, a side: a country's group of persons
_MEMBER_REACH = 6  # words from the group noun to the first member named after it


def _group_members(
    record: Record, sentences: list[list[Word]], delegations: set[str], known: frozenset[str]
) -> None:
    """Persons named after a country's group are its members: «Түркия делегациясының құрамында
    депутаттар X, Y және Z», «қазақстандық тараптан сенаторлар X пен Y», «Ресей тарапын ... X
    басқарды». The group's country is named just before its noun (a country, or an adjective:
    қазақстандық, моңғол); a delegation named without one («Делегация құрамында ...») is the
    one delegation whose head's country the text gives. Only persons whose country the text
    does not otherwise give are members."""
    knowledge = Knowledge.load()
    actors = {actor.id: actor for actor in record.actors}
    delegations = set(delegations)
    for number, words in enumerate(sentences):
        mentions = [m for m in record.mentions if m.sentence == number]
        for index, word in enumerate(words):
            if word.text.isalpha() and noun_base(word.lower).startswith(_GROUP_NOUNS[0]):
                named = _group_country(words, index, mentions, knowledge, known)
                delegations |= {named} if named else set()
    for number, words in enumerate(sentences):
        starts = {w.start: i for i, w in enumerate(words)}
        mentions = [m for m in record.mentions if m.sentence == number]
        groups = [
            i
            for i, w in enumerate(words)
            if w.text.isalpha() and noun_base(w.lower).startswith(_GROUP_NOUNS)
        ]
        for position, noun in enumerate(groups):
            country = _group_country(words, noun, mentions, knowledge, known)
            if country is not None:
                _delegation_head(words, noun, mentions, actors, country)
            if country is None and noun_base(words[noun].lower).startswith(_GROUP_NOUNS[0]):
                country = next(iter(delegations)) if len(delegations) == 1 else None
            if country is None:
                continue
            end = groups[position + 1] if position + 1 < len(groups) else len(words)
            members = sorted(
                (starts[m.start], m)
                for m in mentions
                if m.type is MentionType.PERSON
                and m.start in starts
                and noun < starts[m.start] < end
            )
            previous_end = noun
            for first, mention in members:
                gap = [w.lower for w in words[previous_end + 1 : first]]
                if previous_end == noun:
                    if len(gap) > _MEMBER_REACH:
                        break
                elif not gap or not all(joins_list(word) for word in gap):
                    break
                actor = actors.get(mention.actor or "")
                if actor is not None and actor.country_basis is not CountryBasis.TEXT:
                    actor.country, actor.country_basis = country, CountryBasis.TEXT
                previous_end = next((i for i, w in enumerate(words) if w.end == mention.end), first)


_HEAD_REACH = 9  # words from a delegation's head's «бастаған» to the delegation's noun


def _delegation_head(
    words: list[Word],
    noun: int,
    mentions: list[Mention],
    actors: dict[str, Actor],
    country: str,
) -> None:
    """The person who heads the group is of its country: «депутат X бастаған моңғол
    парламентінің делегациясы» (the delegation led by X)."""
    markers = event_words().delegation_head_markers
    for index in range(max(0, noun - _HEAD_REACH), noun):
        if words[index].lower not in markers or index == 0:
            continue
        for mention in mentions:
            actor = actors.get(mention.actor or "")
            if (
                mention.type is MentionType.PERSON
                and mention.end == words[index - 1].end
                and actor is not None
                and actor.country_basis is not CountryBasis.TEXT
            ):
                actor.country, actor.country_basis = country, CountryBasis.TEXT


def _group_country(
    words: list[Word],
    noun: int,
    mentions: list[Mention],
    knowledge: Knowledge,
    known: frozenset[str],
) -> str | None:
    """The country named right before a group's noun: a country's name (bare or genitive:
    «Түркия делегациясы», «Қазақстан тарапын») or an adjective («қазақстандық тараптан»)."""
    if noun == 0:
        return None
    before = words[noun - 1]
    topic_words = event_words().topic_words
    for mention in mentions:
        if (
            mention.end == before.end
            and mention.type in (MentionType.COUNTRY, MentionType.ORGANIZATION)
            and mention.country
            # «Қазақстан жөніндегі ... топтың делегациясы»: a group about a country is not its
            and not topic_words & {word.lower() for word in mention.text.split()}
        ):
            analysis = known_case_analysis(before.text, known)
            return mention.country if analysis is None or analysis[1] == "genitive" else None
    if not before.text.isalpha():
        return None
    analysis = case_analysis(before.text)
    if analysis is None:
        return adjective_country(before.text, knowledge)
    if analysis[1] == "genitive" and noun > 1 and before.text.islower():
        # «моңғол парламентінің делегациясы»: the body the group is of, and its adjective
        adjective = words[noun - 2]
        if adjective.text.isalpha() and case_analysis(adjective.text) is None:
            return adjective_country(adjective.text, knowledge)
    return None


def _dateline_date(text: str) -> date | None:
    """The release's date as its dateline states it in full («АСТАНА, 2025 жылғы 11 ақпан.»):
    the day relative dates («5 наурызда», «биыл») count from when no publication date is given."""
    body = text.split("\n\n", 1)[-1][:DATELINE_CHARACTERS]
    for found in find_dates(body, None):
        if found.resolved.precision is DatePrecision.DAY:
            return date.fromisoformat(found.resolved.value)
    return None


def _sentence_of(record: Record, offset: int) -> int | None:
    return next((n for n, s in enumerate(record.sentences) if s.start <= offset < s.end), None)


LIST_SEPARATORS = frozenset({",", "және", "мен", ", және"})


def _listed_after(text: str, previous: tuple[_Located, Actor], item: _Located) -> bool:
    """Whether `item` follows the previous person in a list: only a comma or «және» between."""
    earlier = previous[0]
    between = " ".join(text[earlier.end : item.start].split())
    return earlier.sentence == item.sentence and between in LIST_SEPARATORS


def _typed(located: list[_Located]) -> list[_Located]:
    return [item for item in located if item.entity.label in MENTION_TYPES]


# Cases that close a noun phrase inside a tagged title: what follows is another phrase. The
# genitive links a possessor to the title («Сенатының Төрағасы») and the attributive locative
# qualifies it («Қазақстандағы елшісі»), so neither closes one.
_LINKING_CASES = frozenset({"genitive", "locative_attributive"})
DATELINE_DASHES = frozenset({"–", "—", "-"})


def _title_phrase(text: str, start: int, end: int, known: frozenset[str]) -> tuple[int, str]:
    """The title a POSITION span ends with, and where it starts: the tagger runs titles on over
    a dash («ҚАЗАҚПАРАТ – Беларусь Президенті») and over a phrase in another case that ends
    before the title («Қазақстан СІМ басшысын Мысыр Президенті», «... орынбасары Лоренцо
    Бьянкимен және Жапонияның ... орынбасары»). Such a phrase's last word is a name or a noun
    with the possessive, so a word merely ending like a case (өкілетті) closes nothing."""
    tokens = list(tokenize(text[start:end]))
    first = 0
    quoted = False  # a name in quotes («Франция – Орталық Азия» тобы) belongs to the title
    for index, token in enumerate(tokens[:-1]):
        word = token.text
        if word in ("«", "»"):
            quoted = word == "«"
        if quoted or not any(char.isalnum() for char in word):
            if not quoted and word in DATELINE_DASHES:
                first = index + 1
            continue
        analysis = known_case_analysis(word, known)
        if analysis is None or analysis[1] in _LINKING_CASES:
            continue
        if word[:1].isupper() or strip_possessive(analysis[0]) != analysis[0]:
            first = index + 1
    while first < len(tokens) - 1 and tokens[first].text.lower() in event_words().conjunctions:
        first += 1
    if first == 0:
        return start, text[start:end]
    return start + tokens[first].start, text[start + tokens[first].start : end]


def _add_title(
    record: Record,
    located: list[_Located],
    index: int,
    actor: Actor,
    home: str | None,
    known: frozenset[str],
    knowledge: Knowledge,
) -> None:
    """The POSITION right before the person's mention gives the title, and its country."""
    typed = _typed(located)
    person = typed[index]
    if index == 0:
        return
    title = typed[index - 1]
    if (
        title.entity.label != "POSITION"
        or title.sentence != person.sentence
        or title.entity.end != person.entity.start
    ):
        return
    start, title_text = _title_phrase(record.text, title.start, title.end, known)
    # A title is one person's: a plural one before a list is each one's singular.
    *head, last = base_form(title_text, known).split(" ")
    position = " ".join([*head, singular(last)])
    # The country the title's own words name («Малайзияның ... елшісі», «Қырғыз Республикасының
    # Президенті»), else one named just before it as its possessor: in the genitive or bare
    # («Түркия Ұлы Ұлттық Жиналысының Төрағасы»), not in another case («Беларусь мемлекетінің
    # басшысына Қазақстан Президенті»: the dative names someone else).
    named = countries_in_phrase(title_text, knowledge)
    candidates: list[str | None] = [named[0]] if len(named) == 1 else []
    chain = title.entity.start  # names written one after another up to the title
    chain_start = title.start
    for number in range(index - 2, -1, -1) if start == title.start else ():
        earlier = typed[number]
        gap = record.text[earlier.end : chain_start].split()
        # «Ресей тарапын ... орынбасары Андрей Воронцов»: the side's noun may stand between.
        side = len(gap) == 1 and noun_base(gap[0]).startswith(_GROUP_NOUNS)
        if earlier.sentence != person.sentence or earlier.entity.end != chain - int(side):
            break
        chain, chain_start = earlier.entity.start, earlier.start
        mention = record.mentions[number]
        last = mention.text.split()[-1]
        analysis = known_case_analysis(last, known)
        if analysis is not None and analysis[1] != "genitive":
            break
        if mention.type in (MentionType.COUNTRY, MentionType.ORGANIZATION) and mention.country:
            candidates.append(mention.country)
            break
    country = next((code for code in candidates if code), None)
    basis = CountryBasis.TEXT if country else CountryBasis.INFERRED if home else None
    if len(named) > 1:  # «Катар және Вьетнам ... орынбасарлары»: whose is not said
        basis = None
    else:
        country = country or home
    actor.positions.append(position)
    actor.country, actor.country_basis = country, basis
    record.occupations.append(
        Occupation(
            id=f"o{len(record.occupations) + 1}",
            person=actor.id,
            position=position,
            title=Span(start=start, end=title.end),
            country=country,
            country_basis=basis,
            evidence=record.sentences[person.sentence],
            extractor=READER,
        )
    )
