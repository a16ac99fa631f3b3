"""Kazakh events: meetings, visits, calls, invitations, agreements reached and support, from
trigger word forms (`data/events.json`), with their sides from case endings and word order.

Kazakh has no parser here, but its grammar marks the roles on the words themselves:
- the verb closes its clause (SOV), so a trigger's arguments stand between the previous trigger
  of its sentence and itself; a clause without a subject of its own shares the one before
  («X Y-пен кездесіп, ... талқылады»);
- the subject is in the nominative (no case ending): «Тоқаев ... кездесті»; two nominatives
  joined by a separate «мен/пен/бен» are one joint subject («Тоқаев пен Мирзиёев ... талқылады»);
- the partner is in the instrumental (-мен/-пен/-бен written on the name: «Мирзиёевпен»), the
  received, congratulated or invited in the accusative («Юсофты қабылдады»), the thanked and the
  one an invitation is handed to in the dative («Әшімбаевқа ... шақыруын табыс етті»);
- a place is in the locative («Ақордада»), a possessor in the genitive, and a subject of the
  talk stands before «туралы/жөнінде» («Ауғанстандағы жағдай туралы»): none of them is a side;
- the verb's ending says when: the past -ды/-ді (кездесті), the future -а/-е/-й (кездеседі),
  -мақ; the negation -ма/-ме before it (кездеспеді); a verbal noun in the dative under a verb
  of agreeing, inviting or intending is a planned act («өткізуге келісті», «келуге шақырды»).
A meeting noun (кездесу, келіссөздер, сапар) takes its tense from the support verb after it
(«кездесу өтті», «келіссөздер жүргізді») and is no second event when a verb trigger of its
own type follows it in the clause («отырысына қатысты»). Subject words such as «тараптар» mean
the sides of the text (`participants_inferred`). Several partners in the instrumental give one
meeting each; a meeting's later sentences join it (`extract.meetings.merge_meetings`).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from pathlib import Path

from razdel import tokenize

from communique.coding import cameo_table
from communique.extract.commitments import build_commitment
from communique.extract.event_args import bilateral_sides
from communique.extract.event_build import EventParts, build_event, event_date, stated_date
from communique.extract.meetings import merge_meetings, state_ids
from communique.extract.topics import TopicHit
from communique.knowledge.files import read_data
from communique.lang.kk.dates import KazakhDate
from communique.lang.kk.suffixes import (
    case_analysis,
    known_case_analysis,
    strip_case,
    strip_possessive,
    without_plural,
)
from communique.record import (
    Actor,
    ActorKind,
    Commitment,
    Event,
    EventDate,
    EventStatus,
    Mention,
    MentionType,
    Record,
    Span,
)

EVENTS_FILE = Path(__file__).parent / "data" / "events.json"
# 0.1.3: a list takes its last item's case; 0.1.4: «X басшысы» stands for X's titled person
KAZAKH_EVENTS = "lang.kk.events@0.1.4"
_CONSULT = "CONSULT"
_FINITE = frozenset({"past", "future", "negated", "converb", "participle", "progressive"})
_SUPPORT_REACH = 3  # words from a meeting noun to its support verb («кездесулер өткізді»)
_MODIFIER_REACH = 2  # words before a noun a «келесі», «кезекті» may stand
_VISIT_CODE = "042"
ATTRIBUTE = "attribute"
_CONVERB_ENDINGS = ("ып", "іп", "йып", "йіп", "п")  # «атап өтіп,»: a clause that goes on
HOST = "host"


@dataclass(frozen=True)
class Trigger:
    words: tuple[str, ...]
    verb: bool
    cameo: str
    plover: str
    mode: str | None
    joint: bool = False
    with_actor: bool = False
    invitation: bool = False
    finite_only: bool = False
    commitment: str | None = None  # the kind of undertaking an AGREE trigger states


@dataclass(frozen=True)
class EventWords:
    version: str
    triggers: tuple[Trigger, ...]  # the longest first
    verb_forms: tuple[tuple[str, re.Pattern[str]], ...]
    passive_infixes: tuple[str, ...]
    support_verbs: tuple[str, ...]  # the longest first
    frame_words: frozenset[str]
    intent_governors: tuple[str, ...]
    planned_modifiers: frozenset[str]
    preparation_words: frozenset[str]
    joint_subjects: frozenset[str]
    conjunctions: frozenset[str]
    delegation_head_markers: frozenset[str]
    host_markers: frozenset[str]
    side_nouns: tuple[str, ...]
    generic_heads: frozenset[str]
    topic_words: frozenset[str]
    credit_markers: tuple[str, ...]


@cache
def event_words(path: Path = EVENTS_FILE) -> EventWords:
    """The trigger data file, read once."""
    data = read_data(path)
    table = cameo_table()
    triggers = []
    for raw in data["triggers"]:
        code = table.code(raw["cameo"])
        if not code.plover:
            raise ValueError(f"{path.name}: CAMEO {code.code} has no PLOVER category")
        triggers.append(
            Trigger(
                words=tuple(raw["words"]),
                verb=bool(raw.get("verb", False)),
                cameo=code.code,
                plover=code.plover,
                mode=raw.get("mode") or code.mode,
                joint=bool(raw.get("joint", False)),
                with_actor=bool(raw.get("with_actor", False)),
                invitation=bool(raw.get("invitation", False)),
                finite_only=bool(raw.get("finite_only", False)),
                commitment=raw.get("commitment"),
            )
        )
    triggers.sort(key=lambda t: (-len(t.words), -len(t.words[-1])))
    return EventWords(
        version=str(data["version"]),
        triggers=tuple(triggers),
        verb_forms=tuple((f["form"], re.compile(f["pattern"])) for f in data["verb_forms"]),
        passive_infixes=tuple(data["passive_infixes"]),
        support_verbs=tuple(sorted(data["support_verbs"], key=len, reverse=True)),
        frame_words=frozenset(data["frame_words"]),
        intent_governors=tuple(data["intent_governors"]),
        planned_modifiers=frozenset(data["planned_modifiers"]),
        preparation_words=frozenset(data["preparation_words"]),
        joint_subjects=frozenset(data["joint_subjects"]),
        conjunctions=frozenset(data["conjunctions"]),
        delegation_head_markers=frozenset(data["delegation_head_markers"]),
        host_markers=frozenset(data["host_markers"]),
        side_nouns=tuple(data["side_nouns"]),
        generic_heads=frozenset(data["generic_heads"]),
        topic_words=frozenset(data["topic_words"]),
        credit_markers=tuple(data["credit_markers"]),
    )


def verb_form(word: str, stem: str, words: EventWords | None = None) -> tuple[str, bool] | None:
    """(form, passive) of `word` as a form of the verb `stem`, or None if it is not one:
    «кездесті» -> past, «талқыланды» -> past passive, «өткізуге» -> verbal_noun_dative."""
    words = words or event_words()
    lower = word.lower()
    if stem.endswith("й") and lower.startswith(stem[:-1] + "ю"):
        rest = "у" + lower[len(stem) :]  # й + у is written ю: қой-у -> қою
    elif lower.startswith(stem):
        rest = lower[len(stem) :]
    else:
        return None
    for form, pattern in words.verb_forms:
        if pattern.match(rest):
            passive = any(
                rest.startswith(infix) and pattern.match(rest[len(infix) :]) is not None
                for infix in words.passive_infixes
            )
            return form, passive and form != "verbal_noun"
    return None


def joins_list(word: str) -> bool:
    """A word that joins the items of a list: a comma or a conjunction («және», «мен»)."""
    return word == "," or word.lower() in event_words().conjunctions


def noun_base(word: str) -> str:
    """A noun without its case ending, possessive and plural: «кездесулерде» -> «кездесу»."""
    return without_plural(strip_possessive(strip_case(word.lower())))


@lru_cache(maxsize=8192)
def noun_bases(word: str) -> frozenset[str]:
    """Every base the noun may have: the possessive after a stem ending in -с is ambiguous
    («отырысы» is отырыс + ы, or отыры + сы), so both readings are kept."""
    bare = strip_case(word.lower())
    bases = {bare, strip_possessive(bare)}
    if bare[-1:] in ("ы", "і") and len(bare) > 4:
        bases.add(bare[:-1])
    return frozenset(without_plural(base) for base in bases)


@dataclass(frozen=True)
class Word:
    text: str
    lower: str
    start: int
    end: int


@dataclass
class Party:
    """A person, country or organisation named in a sentence, with the case of its phrase."""

    mention: Mention
    actor: str | None
    country: str | None
    person: bool
    first: int  # word indices in the sentence
    last: int
    case: str | None  # None: nominative
    joined: bool = False  # followed by a separate «мен/пен/бен» and another name


@dataclass
class Found:
    """A trigger in a sentence, while its event is being read."""

    trigger: Trigger
    sentence: int
    first: int
    last: int
    form: str  # the verb form, or "noun"
    passive: bool = False
    status: EventStatus = EventStatus.HAPPENED
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    source_countries: list[str] = field(default_factory=list)
    target_countries: list[str] = field(default_factory=list)
    location: str | None = None
    inferred: bool = False
    partners: list[str] = field(default_factory=list)  # instrumental persons: one meeting each
    start: int = 0  # character offsets of the trigger's words
    end: int = 0
    what: tuple[int, int] | None = None  # what an AGREE trigger undertakes, written before it


def sentence_words(record: Record, number: int) -> list[Word]:
    span = record.sentences[number]
    text = record.text[span.start : span.end]
    return [
        Word(t.text, t.text.lower(), span.start + t.start, span.start + t.stop)
        for t in tokenize(text)
    ]


def _match(words: list[Word], index: int, lexicon: EventWords) -> Found | None:
    for trigger in lexicon.triggers:
        first = index - len(trigger.words) + 1
        if first < 0:
            continue
        if any(words[first + k].lower != w for k, w in enumerate(trigger.words[:-1])):
            continue
        last = words[index].lower
        stem = trigger.words[-1]
        start, end = words[first].start, words[index].end
        if trigger.verb:
            parsed = verb_form(last, stem, lexicon)
            if parsed is None:
                continue
            form, passive = parsed
            if trigger.finite_only and form not in _FINITE:
                continue
            if form.startswith("verbal_noun") and len(trigger.words) > 1:
                continue  # «қол қою» is the signing as a thing, not the act
            return Found(trigger, 0, first, index, form, passive, start=start, end=end)
        if stem in noun_bases(last):
            return Found(trigger, 0, first, index, "noun", start=start, end=end)
    return None


def _parties(record: Record, number: int, words: list[Word], known: frozenset[str]) -> list[Party]:
    """The sentence's persons, and countries and organisations with a country, outside bylines."""
    actors = {a.id: a for a in record.actors}
    starts = {w.start: i for i, w in enumerate(words)}
    ends = {w.end: i for i, w in enumerate(words)}
    # A country named inside a title qualifies the title: its holder is the party.
    titles = [
        (m.start, m.end)
        for m in record.mentions
        if m.sentence == number and m.type is MentionType.POSITION
    ]
    parties = []
    for mention in record.mentions:
        if mention.type is MentionType.COUNTRY and any(
            start <= mention.start and mention.end <= end for start, end in titles
        ):
            continue
        if mention.sentence != number or mention.type not in (
            MentionType.PERSON,
            MentionType.COUNTRY,
            MentionType.ORGANIZATION,
        ):
            continue
        first, last = starts.get(mention.start), ends.get(mention.end)
        if first is None or last is None:
            continue
        actor = actors.get(mention.actor or "")
        if mention.type is MentionType.ORGANIZATION:
            actor = None  # a body stands for its state («Жогорку Кеңесі»), a news agency for none
        country = actor.country if actor else mention.country
        person = actor is not None and actor.kind is ActorKind.PERSON
        if not person and not country:
            continue
        case = _phrase_case(words, last, known, person)
        parties.append(
            Party(mention, actor.id if actor else None, country, person, first, last, case)
        )
    parties += _title_holders(record, number, words, known, parties)
    parties.sort(key=lambda p: p.first)
    for party, following in itertools.pairwise(parties):
        between = [w.lower for w in words[party.last + 1 : following.first]]
        if party.case is None and between and between[0] in event_words().conjunctions:
            party.joined = True
    return parties


def _title_holders(
    record: Record, number: int, words: list[Word], known: frozenset[str], named: list[Party]
) -> list[Party]:
    """Titles standing for a person named earlier: «Сенат Төрағасы Улан Тумонбаевпен ...
    талқылады» (the Senate Chair is the one whose title has that head noun, the latest named
    before), or a title the tagger ran on into a name («бас директоры Салем әл-Каабимен»,
    `_names_inside`)."""
    starts = {w.start: i for i, w in enumerate(words)}
    ends = {w.end: i for i, w in enumerate(words)}
    named_starts = {p.first for p in named if p.person}
    persons = [a for a in record.actors if a.kind is ActorKind.PERSON]
    order = {m.id: m.start for m in record.mentions}
    holders = []
    for mention in record.mentions:
        if mention.sentence != number or mention.type is not MentionType.POSITION:
            continue
        first, last = starts.get(mention.start), ends.get(mention.end)
        if first is None or last is None:
            continue
        inside = _names_inside(words, first, last, persons, known, mention)
        holders += inside
        if inside or last + 1 in named_starts:
            continue  # a name in it, or the title of the name after it
        head = noun_base(mention.text.split()[-1])
        surname = [a for a in persons if noun_base(a.name.split()[-1]) == head]
        titled = [
            a
            for a in persons
            if any(noun_base(p.split()[-1]) == head for p in a.positions)
            and any(order.get(m, mention.start) < mention.start for m in a.mentions)
        ]
        if not titled and head in event_words().generic_heads:
            # «Түркия парламентінің басшысы»: the head of a state's body is that state's person
            # with a title, whatever its head noun (Төрағасы, Президенті).
            countries = {
                m.country
                for m in record.mentions
                if m.type is MentionType.COUNTRY
                and m.country
                and mention.start <= m.start
                and m.end <= mention.end
            }
            titled = [
                a
                for a in persons
                if a.country in countries
                and a.positions
                and any(order.get(m, mention.start) < mention.start for m in a.mentions)
            ]
        chosen = surname or titled
        if not chosen:
            continue
        holder = max(chosen, key=lambda a: _latest_before(a, order, mention.start))
        case = _phrase_case(words, last, known, True)
        holders.append(Party(mention, holder.id, holder.country, True, first, last, case))
    return holders


def _names_inside(
    words: list[Word],
    first: int,
    last: int,
    persons: list[Actor],
    known: frozenset[str],
    mention: Mention,
) -> list[Party]:
    """Persons named elsewhere in the text whose surname stands inside a title span, the
    tagger having run a title, a name and the next title together («министрінің орынбасары
    Лоренцо Бьянкимен және Жапонияның ... орынбасары»): each is a party in its own case."""
    surnames = {noun_base(a.name.split()[-1]): a for a in persons if len(a.name.split()) > 1}
    found = []
    for index in range(first, last + 1):
        word = words[index]
        if not word.text[:1].isupper() or index == first:
            continue
        bare = word.lower if word.lower in known else strip_case(word.lower)
        actor = surnames.get(bare)
        if actor is None:
            continue
        analysis = known_case_analysis(word.text, known)
        case = analysis[1] if analysis else None
        found.append(Party(mention, actor.id, actor.country, True, index, index, case))
    return found


def _latest_before(actor: Actor, order: dict[str, int], start: int) -> int:
    return max((order[m] for m in actor.mentions if order.get(m, start) < start), default=-1)


_HEAD_REACH = 9  # words from a delegation's head to the delegation noun
# Words that continue a country's or organisation's name or a list of them: Kazakh puts the
# case of a list on its last item only («Малайзия, Мысыр, Оман және Пәкістан ... министрлері»).
_NAME_REACH = _HEAD_REACH


def delegation_countries(record: Record, sentences: list[list[Word]]) -> dict[str, str]:
    """The country of each person who heads a delegation of a named country or body: «X
    бастаған Сауд Арабиясы Корольдігінің делегациясы» (the delegation of Saudi Arabia led by X)
    makes X Saudi. A country the delegation is only about («Қазақстан жөніндегі топтың
    делегациясы») is not its own."""
    lexicon = event_words()
    found: dict[str, str] = {}
    for number, words in enumerate(sentences):
        starts = {w.start: i for i, w in enumerate(words)}
        ends = {w.end: i for i, w in enumerate(words)}
        named = [
            (starts.get(m.start), ends.get(m.end), m)
            for m in record.mentions
            if m.sentence == number
            and m.type in (MentionType.PERSON, MentionType.COUNTRY, MentionType.ORGANIZATION)
        ]
        for _, last, mention in named:
            if mention.type is not MentionType.PERSON or not mention.actor or last is None:
                continue
            if (
                last + 1 >= len(words)
                or words[last + 1].lower not in lexicon.delegation_head_markers
            ):
                continue
            reach = range(last + 2, min(len(words), last + 2 + _HEAD_REACH))
            noun = next(
                (i for i in reach if noun_base(words[i].lower).startswith(lexicon.side_nouns)),
                None,
            )
            if noun is None:
                continue
            countries = [
                m.country
                for start, end, m in named
                if m.type is not MentionType.PERSON
                and m.country
                and start is not None
                and end is not None
                and last + 1 < start
                and end < noun
                and not (end + 1 < len(words) and words[end + 1].lower in lexicon.topic_words)
            ]
            if countries:
                found.setdefault(mention.actor, countries[0])

    return found


def _phrase_case(words: list[Word], last: int, known: frozenset[str], person: bool) -> str | None:
    """The case of a name's phrase, None for the nominative, ATTRIBUTE for a name that only
    qualifies the noun after it. A person's is the ending on the name, except for the head of a
    delegation («X бастаған ... делегациясын»: the delegation's case). A country's or
    organisation's is its own ending, else that of the noun after it when that noun is a side
    («Түркия делегациясын», «Малайзия елшісімен»), else it is an attribute («Малайзия сыртқы
    істер министрі»)."""
    lexicon = event_words()
    own = known_case_analysis(words[last].text, known)
    following = words[last + 1 : last + 1 + _HEAD_REACH]
    if person:
        marker = following[0].lower if following else ""
        if own is None and marker in lexicon.delegation_head_markers:
            return next(
                (
                    a[1]
                    for w in following[1:]
                    if noun_base(w.lower).startswith(lexicon.side_nouns)
                    and (a := case_analysis(w.text))
                ),
                None,
            )
        if own is not None and own[1] == "genitive" and marker in lexicon.host_markers:
            return HOST  # «Бердімұхамедовтің төрағалығымен өткен кездесу»: its host
        return own[1] if own else None
    if own is not None and own[1] != "genitive":
        return own[1]
    for after in following[:_NAME_REACH]:
        if joins_list(after.text):
            continue  # «Үндістан, Иран және Қырғызстан ... басшылары»: one phrase
        if not after.text.isalpha():
            break
        if after.text[:1].isupper():
            continue  # «Сауд Арабиясы Корольдігінің»: the name goes on
        base = noun_base(after.lower)
        if not base.startswith(lexicon.side_nouns):
            return ATTRIBUTE
        head = case_analysis(after.text)
        return head[1] if head else None
    return own[1] if own else None


def read_events(
    record: Record,
    known: frozenset[str],
    dates: list[KazakhDate],
    published: date | None,
    hits: list[TopicHit],
    sentences: list[list[Word]],
) -> KazakhEvents:
    """The record's events, meetings merged, in text order, and the commitments its AGREE
    events state; `sentences` are the words of each of its sentences (`sentence_words`)."""
    lexicon = event_words()
    found: list[Found] = []
    for number, words in enumerate(sentences):
        if words and words[0].text in lexicon.credit_markers:
            continue
        parties = _parties(record, number, words, known)
        in_sentence = _triggers(words, lexicon)
        previous_end = clause_end = -1
        shared: list[Party] = []
        for item in in_sentence:
            item.sentence = number
            window = [p for p in parties if previous_end < p.first and p.last < item.first]
            subjects = _subjects(window, words, lexicon) or _subjects(
                [p for p in parties if p.last < item.first], words, lexicon
            )
            shared = subjects or shared
            _read_sides(item, window, shared, words, lexicon, record)
            item.status = _status(item, words, lexicon)
            item.what = _undertaking(words, item, clause_end, window, subjects, lexicon)
            previous_end = item.last
            if item.form in _FINITE:
                clause_end = item.last  # a meeting noun is inside the clause, a verb ends it
        found += in_sentence
    sides = bilateral_sides(record)
    events: list[Event] = []
    commitments: list[Commitment] = []
    for item in found:
        if not item.source and not item.target and not item.target_countries:
            item.source, item.inferred = list(sides), True
        made = _events(item, record, dates, published, len(events), hits)
        if (
            made
            and made[0].type == "AGREE"
            and item.what
            and made[0].status is not (EventStatus.NEGATED)
        ):
            commitments.append(_commitment(record, item, made[0], dates, len(commitments)))
        events += made
    return KazakhEvents(merge_meetings(_join_gatherings(events), state_ids(record)), commitments)


@dataclass(frozen=True)
class KazakhEvents:
    events: list[Event]
    commitments: list[Commitment]


def _undertaking(
    words: list[Word],
    item: Found,
    clause_end: int,
    window: list[Party],
    subjects: list[Party],
    lexicon: EventWords,
) -> tuple[int, int] | None:
    """What an AGREE trigger undertakes: its clause between the subject and the verb, where
    Kazakh puts the complement («Тараптар [отырысты Ташкентте өткізуге] келісті»)."""
    if item.trigger.plover != "AGREE":
        return None
    first = clause_end + 1
    own = [p for p in subjects if p in window]
    if own:
        first = max(first, own[-1].last + 1)
    for index in range(first + 1, item.first):
        if words[index].text == "," and words[index - 1].lower.endswith(_CONVERB_ENDINGS):
            first = index + 1  # «... атап өтіп, X-ті шақырды»: the converb's clause is before
        elif words[index].lower in lexicon.joint_subjects:
            first = index + 1  # «Кездесу соңында тараптар ...»: what follows the subject
    while first < item.first and (
        words[first].lower in lexicon.joint_subjects or not words[first].text[:1].isalnum()
    ):
        first += 1
    last = item.first - 1
    while last >= first and not words[last].text[:1].isalnum():
        last -= 1
    if last < first:
        return None
    return words[first].start, words[last].end


def _commitment(
    record: Record, item: Found, event: Event, dates: list[KazakhDate], number: int
) -> Commitment:
    assert item.what is not None
    start, end = item.what
    inside = [d for d in dates if start <= d.start and d.end <= end]
    by = (
        stated_date(inside[0].resolved, Span(start=inside[0].start, end=inside[0].end))
        if inside
        else None
    )
    kind = item.trigger.commitment or "intent"
    return build_commitment(number, kind, event, record.text, item.what, by, KAZAKH_EVENTS)


def _join_gatherings(events: list[Event]) -> list[Event]:
    """Participations in a multilateral gathering of the same status are one gathering: a
    release reports one summit, and «Кездесуге сондай-ақ X, Y және Z қатысты» (X, Y and Z also
    took part) adds to the one named before. Each added participant's evidence is kept."""
    kept: list[Event] = []
    for event in events:
        same = next(
            (
                k
                for k in kept
                if event.mode == k.mode == "multilateral"
                and event.status is k.status
                and event.type == k.type == _CONSULT
            ),
            None,
        )
        if same is None:
            kept.append(event)
            continue
        listed = set(same.source + same.target)
        kept[kept.index(same)] = same.model_copy(
            update={
                "target": [
                    *same.target,
                    *(a for a in event.source + event.target if a not in listed),
                ],
                "target_countries": list(
                    dict.fromkeys(
                        [
                            *same.target_countries,
                            *(
                                c
                                for c in event.source_countries + event.target_countries
                                if c not in same.source_countries
                            ),
                        ]
                    )
                ),
                "more_evidence": [
                    *same.more_evidence,
                    *(
                        [event.evidence]
                        if event.evidence not in [same.evidence, *same.more_evidence]
                        else []
                    ),
                ],
                "topics": list(dict.fromkeys([*same.topics, *event.topics])),
            }
        )
    return kept


def _triggers(words: list[Word], lexicon: EventWords) -> list[Found]:
    """The sentence's triggers; a meeting noun followed in its clause by a verb trigger of its
    type is that verb's («отырысына қатысты»), or takes its tense from a support verb after it."""
    found: list[Found] = []
    for index in range(len(words)):
        item = _match(words, index, lexicon)
        if item is not None and not any(f.last >= item.first for f in found):
            found.append(item)
    kept = []
    for number, item in enumerate(found):
        later = found[number + 1] if number + 1 < len(found) else None
        is_noun = item.form == "noun" or item.form.startswith("verbal_noun")
        if (
            is_noun
            and later is not None
            and later.trigger.plover == item.trigger.plover
            and later.first - item.last <= _SUPPORT_REACH
            and not later.form.startswith("verbal_noun")
        ):
            continue
        if (
            item.trigger.cameo == _VISIT_CODE
            and later is not None
            and later.trigger.invitation
            and later.first - item.last <= _SUPPORT_REACH
        ):
            continue  # «сапармен келуге шақырды»: the visit is the invitation's
        if is_noun and not item.trigger.invitation:
            item.form = _support_form(words, item.last, lexicon) or item.form
        kept.append(item)
    return kept


def _support_form(words: list[Word], last: int, lexicon: EventWords) -> str | None:
    """The form of the support verb after a meeting noun («кездесу өтті»: past)."""
    for offset in range(1, _SUPPORT_REACH + 1):
        if last + offset >= len(words):
            return None
        word = words[last + offset]
        if not word.text.isalpha():
            return None
        if words[last + offset - 1].lower == "атап":
            continue  # «атап өтті», noted: not a meeting taking place
        for stem in lexicon.support_verbs:
            parsed = verb_form(word.lower, stem, lexicon)
            if parsed is not None:
                return parsed[0]
    return None


def _subjects(window: list[Party], words: list[Word], lexicon: EventWords) -> list[Party]:
    """The subject: the nominative name nearest the verb in the window, with the names joined
    to it by «мен» («Тоқаев пен Мирзиёев»); titles and names before it qualify it."""
    nominative = [p for p in window if p.case is None and _not_about(p, words, lexicon)]
    if not nominative:
        return []
    persons = [p for p in nominative if p.person]
    chosen = persons or nominative
    group = [chosen[-1]]
    for party in reversed(chosen[:-1]):
        if party.joined:
            group.insert(0, party)
        else:
            break
    return group


def _not_about(party: Party, words: list[Word], lexicon: EventWords) -> bool:
    """Not the subject of a talk: no «туралы», «жөнінде» right after the name's phrase."""
    after = words[party.last + 1 : party.last + 3]
    return not any(w.lower in lexicon.topic_words for w in after)


def _read_sides(
    item: Found,
    window: list[Party],
    subjects: list[Party],
    words: list[Word],
    lexicon: EventWords,
    record: Record,
) -> None:
    trigger = item.trigger
    possessors = [p for p in window if p.person and p.case == "genitive"]
    if item.form == "noun" and possessors:
        subjects = possessors[-1:]  # «Тоқаевтың Қытайға сапары»: whose visit
    if not item.passive:
        for party in subjects:
            _add(item.source, item.source_countries, party)
        if not subjects and _joint_word_before(words, item, lexicon):
            item.inferred = True
    wanted = {"instrumental"} if trigger.plover in (_CONSULT, "AGREE", "COOPERATE") else set()
    if trigger.plover == _CONSULT:
        wanted.add(HOST)
    if trigger.with_actor or trigger.invitation or trigger.plover == "SUPPORT":
        wanted |= {"accusative", "dative"}
    if trigger.invitation and item.form != "noun":
        wanted.discard("dative")  # «Қырғызстанға келуге шақырды»: where, not whom
    targets = [p for p in window if p.case in wanted and _not_about(p, words, lexicon)]
    persons = [p for p in targets if p.person]
    for party in persons or targets:
        if party.actor in item.source:
            continue
        _add(item.target, item.target_countries, party)
        if party.person and party.case == "instrumental":
            item.partners.append(party.actor or "")
    if trigger.with_actor and not targets:
        item.form = "unmatched"
    if trigger.invitation or trigger.cameo == _VISIT_CODE:
        places = [p for p in window if p.case == "dative" and not p.person and p.country]
        if places:
            item.location = places[-1].actor
            if places[-1].country and places[-1].country not in item.source_countries:
                item.target_countries.append(places[-1].country)


def _add(actors: list[str], countries: list[str], party: Party) -> None:
    if party.actor and party.actor not in actors:
        actors.append(party.actor)
    if party.country and party.country not in countries:
        countries.append(party.country)


def _joint_word_before(words: list[Word], item: Found, lexicon: EventWords) -> bool:
    return any(w.lower in lexicon.joint_subjects for w in words[: item.first])


def _status(item: Found, words: list[Word], lexicon: EventWords) -> EventStatus:
    form = item.form
    if form == "negated":
        return EventStatus.NEGATED
    if item.trigger.invitation or form == "future":
        return EventStatus.PLANNED
    if form == "verbal_noun_dative" and _governed_by_intent(words, item.last, lexicon):
        return EventStatus.PLANNED
    if form in ("noun", "verbal_noun", "verbal_noun_dative"):
        before = {w.lower for w in words[max(0, item.first - _MODIFIER_REACH) : item.first]}
        after = words[item.last + 1].lower if item.last + 1 < len(words) else ""
        if before & lexicon.planned_modifiers or after in lexicon.preparation_words:
            return EventStatus.PLANNED
    return EventStatus.HAPPENED


def _governed_by_intent(words: list[Word], last: int, lexicon: EventWords) -> bool:
    """A verbal noun in the dative followed in its sentence by a verb of agreeing, inviting or
    intending: «өткізуге келісті», «келуге шақырды»."""
    return any(
        word.lower.startswith(stem)
        for word in words[last + 1 :]
        for stem in lexicon.intent_governors
    )


def _events(
    item: Found,
    record: Record,
    dates: list[KazakhDate],
    published: date | None,
    number: int,
    hits: list[TopicHit],
) -> list[Event]:
    """The events of a trigger: an invitation is also a planned visit; a meeting with several
    partners in the instrumental is one meeting with each."""
    if item.form == "unmatched":
        return []
    table = cameo_table()
    sentence = record.sentences[item.sentence]
    trigger_span = Span(start=item.start, end=item.end)
    when = _date(item, trigger_span, sentence, dates, published)
    kinds: list[tuple[str, str | None, EventStatus]] = [
        (item.trigger.cameo, item.trigger.mode, item.status)
    ]
    if item.trigger.invitation:
        kinds.append((_VISIT_CODE, "visit", EventStatus.PLANNED))
    events = []
    for cameo, mode, status in kinds:
        code = table.code(cameo)
        plover = item.trigger.plover if cameo == item.trigger.cameo else code.plover
        partners = (
            item.partners
            if plover == _CONSULT and mode != "multilateral" and len(item.partners) > 1
            else [""]
        )
        for partner in partners:
            target = (
                [partner, *(t for t in item.target if t not in item.partners)]
                if partner
                else item.target
            )
            target_countries = (
                [c for c in (_country(record, partner),) if c] if partner else item.target_countries
            )
            parts = EventParts(
                plover=plover or _CONSULT,
                cameo=code.code,
                mode=mode,
                trigger=trigger_span,
                source=list(item.source),
                target=target,
                joint=item.trigger.joint and len(item.source) > 1,
                inferred=item.inferred,
                source_countries=list(item.source_countries),
                target_countries=target_countries,
                status=status,
                date=when if status is item.status else None,
                location=item.location,
                evidence=Span(start=sentence.start, end=sentence.end),
                hits=hits,
            )
            events.append(build_event(record, parts, f"e{number + len(events)}", KAZAKH_EVENTS))
    return events


def _country(record: Record, actor_id: str) -> str | None:
    actor = record.actor_by_id(actor_id)
    return actor.country if actor else None


def _date(
    item: Found,
    trigger: Span,
    sentence: Span,
    dates: list[KazakhDate],
    published: date | None,
) -> EventDate | None:
    """The date stated in the trigger's sentence nearest before it, else the publication day
    of an act that happened."""
    before = [d for d in dates if sentence.start <= d.start and d.end <= trigger.start]
    found = before[-1] if before else None
    span = Span(start=found.start, end=found.end) if found else None
    return event_date(found.resolved if found else None, span, item.status, published)


def planned_after(events: list[Event], published: date | None) -> list[Event]:
    """Events dated after publication are planned, whatever their verb says."""
    if published is None:
        return events
    stamp = published.isoformat()
    return [
        e.model_copy(update={"status": EventStatus.PLANNED})
        if e.date and e.status is EventStatus.HAPPENED and e.date.value > stamp[: len(e.date.value)]
        else e
        for e in events
    ]
