"""From our record to what the scorers compare: bucketed mentions and Occupation facts."""

from __future__ import annotations

import re
from dataclasses import dataclass

from communique.evaluate.facts import PredictedOccupation
from communique.evaluate.gold import Offsets
from communique.evaluate.lenient import position_matches
from communique.evaluate.relations import PredictedRelation
from communique.evaluate.scoring import Bucket, PredictedMention, is_trimmable
from communique.record import (
    Actor,
    ActorKind,
    CountryBasis,
    Event,
    EventStatus,
    Mention,
    MentionForm,
    MentionType,
    Occupation,
    Record,
    Span,
)


def _bucket(
    name: str,
    gold: set[str],
    predicted: set[MentionType],
    *,
    main: bool = True,
    adjectives: bool = False,
) -> Bucket:
    types = {_scored_type(t, MentionForm.NAME) for t in predicted}
    if adjectives:
        types |= {_scored_type(t, MentionForm.ADJECTIVE) for t in predicted}
    return Bucket(name, frozenset(gold), frozenset(types), main)


def _scored_type(kind: MentionType, form: MentionForm) -> str:
    return str(kind) if form is MentionForm.NAME else f"{kind}/{form}"


_PLACES = {MentionType.COUNTRY, MentionType.CITY, MentionType.LOCATION}

FACTRUEVAL_BUCKETS = (
    _bucket("Person", {"Person"}, {MentionType.PERSON}),
    _bucket("Org", {"Org"}, {MentionType.ORGANIZATION}),
    _bucket("Location", {"Location", "LocOrg"}, _PLACES),
)

NEREL_BUCKETS = (
    _bucket("PERSON", {"PERSON"}, {MentionType.PERSON}),
    _bucket("ORGANIZATION", {"ORGANIZATION"}, {MentionType.ORGANIZATION}),
    _bucket("LOC", {"COUNTRY", "CITY", "STATE_OR_PROVINCE", "LOCATION"}, _PLACES, adjectives=True),
    _bucket("COUNTRY", {"COUNTRY"}, {MentionType.COUNTRY}, main=False, adjectives=True),
    _bucket("CITY", {"CITY"}, {MentionType.CITY}, main=False, adjectives=True),
    _bucket("PROFESSION", {"PROFESSION"}, {MentionType.POSITION}, main=False),
    _bucket("EVENT", {"EVENT"}, {MentionType.EVENT}, main=False),
    _bucket("LAW", {"LAW"}, {MentionType.AGREEMENT, MentionType.LAW}, main=False),
    _bucket("DATE", {"DATE"}, {MentionType.DATE}, main=False),
)


def predicted_mentions(record: Record) -> list[PredictedMention]:
    """Mentions typed by form too: NEREL annotates country adjectives ("российских") as
    COUNTRY, FactRuEval does not annotate them as names, and neither annotates a descriptor
    ("собеседника") as a person, so each bucket names the forms its guidelines cover."""
    return [PredictedMention(_scored_type(m.type, m.form), m.start, m.end) for m in record.mentions]


def predicted_occupations(record: Record) -> list[PredictedOccupation]:
    """`who`: the person actor's name and mention texts; `where`: the organisation's, else the
    country actor's (by ISO code)."""
    return [
        PredictedOccupation(
            id=occupation.id,
            names=_actor_names(record, record.actor_by_id(occupation.person)),
            positions=(
                occupation.position,
                record.text[occupation.title.start : occupation.title.end],
            ),
            places=_actor_names(record, _where(record, occupation)),
        )
        for occupation in record.occupations
    ]


def _actor_names(record: Record, actor: Actor | None) -> tuple[str, ...]:
    if actor is None:
        return ()
    mentions = {mention.id: mention for mention in record.mentions}
    texts = [record.mention_text(mentions[m]) for m in actor.mentions if m in mentions]
    return tuple(dict.fromkeys([actor.name, *texts]))


def _where(record: Record, occupation: Occupation) -> Actor | None:
    for actor_id in (occupation.organization, occupation.place):
        if actor_id:
            return record.actor_by_id(actor_id)
    return _country_actor(record, occupation.country)


def _country_actor(record: Record, country: str | None) -> Actor | None:
    if country is None:
        return None
    return next(
        (a for a in record.actors if a.kind == ActorKind.COUNTRY and a.country == country), None
    )


# --- NEREL relations ------------------------------------------------------------------------

_PARTICIPANT_TYPES = {
    MentionType.PERSON,
    MentionType.ORGANIZATION,
    MentionType.COUNTRY,
    MentionType.CITY,
    MentionType.LOCATION,
}
_WORKPLACE_TYPES = {MentionType.ORGANIZATION, *_PLACES}


def predicted_relations(record: Record) -> list[PredictedRelation]:
    """The record as NEREL relations between spans: the one mapping (docs/evaluation.md).

    * WORKS_AS, person name mention -> title span: each occupation's title and each POSITION
      mention the record links to a person actor (`mention.actor`), with the actor's name
      mention nearest the title in its sentence, else the last one before it; and each title a
      person actor holds (`actor.positions`) as an outermost POSITION mention beside one of the
      actor's name mentions (nothing but spaces and one punctuation mark at most between them)
      whose words match it.
    * WORKPLACE, title span -> place and person name mention -> place: each occupation's
      organisation, else place, else country (stated in the text) mention nearest the title in
      the evidence sentence.
    * PARTICIPANT_IN, actor mention -> event span: each stated source and target actor of an
      event not negated, by its mention nearest the trigger in the evidence.
    * ORGANIZES, actor mention -> event span: the host of a visit (CAMEO 042, whose target is
      the host: "принял делегацию" is the delegation's visit), a person or organisation.
    * POINT_IN_TIME, event span -> date span: an event date written in the text.
    * TAKES_PLACE_IN, event span -> place mention: the event's location actor, by its mention
      nearest the trigger in the evidence.

    The event span is the EVENT mention overlapping the trigger, else the trigger itself.
    """
    view = _RecordView.of(record)
    return [
        *_occupation_relations(view),
        *_linked_titles(view),
        *_stated_titles(view),
        *(relation for event in record.events for relation in _event_relations(view, event)),
    ]


@dataclass(frozen=True)
class _RecordView:
    record: Record
    mentions: dict[str, Mention]

    @classmethod
    def of(cls, record: Record) -> _RecordView:
        return cls(record, {m.id: m for m in record.mentions})

    def of_actor(
        self, actor_id: str | None, types: set[MentionType], within: Span | None = None
    ) -> list[Mention]:
        """The actor's mentions of these types (person names only: no descriptors), inside
        `within` if given."""
        actor = self.record.actor_by_id(actor_id) if actor_id else None
        if actor is None:
            return []
        found = (self.mentions[m] for m in actor.mentions if m in self.mentions)
        return [
            m
            for m in found
            if m.type in types
            and not (m.type is MentionType.PERSON and m.form is not MentionForm.NAME)
            and (within is None or (within.start <= m.start and m.end <= within.end))
        ]


def _occupation_relations(view: _RecordView) -> list[PredictedRelation]:
    relations = []
    for occupation in view.record.occupations:
        title = (occupation.title.start, occupation.title.end)
        source = f"occupation {occupation.id}"
        stated = view.mentions.get(occupation.person_mention or "")
        person = stated or _holder(view, occupation.person, title, occupation.evidence)
        place = _workplace(view, occupation)
        if person is not None:
            relations.append(PredictedRelation("WORKS_AS", _offsets(person), title, source))
        if place is not None:
            relations.append(PredictedRelation("WORKPLACE", title, _offsets(place), source))
        if place is not None and person is not None:
            relations.append(
                PredictedRelation("WORKPLACE", _offsets(person), _offsets(place), source)
            )
    return relations


def _holder(view: _RecordView, actor_id: str, title: Offsets, evidence: Span) -> Mention | None:
    """The person's name mention nearest the title in its sentence, else the last before it
    (a title standing for the person: "…, – сказал Спикер Сената")."""
    persons = view.of_actor(actor_id, {MentionType.PERSON})
    inside = [m for m in persons if evidence.start <= m.start and m.end <= evidence.end]
    before = [m for m in persons if m.end <= title[0]]
    return _nearest(inside, title) or max(before, key=lambda m: m.start, default=None)


def _workplace(view: _RecordView, occupation: Occupation) -> Mention | None:
    title = (occupation.title.start, occupation.title.end)
    for actor_id in (occupation.organization, occupation.place):
        found = _nearest(view.of_actor(actor_id, _WORKPLACE_TYPES, occupation.evidence), title)
        if found is not None:
            return found
    if occupation.country is None or occupation.country_basis is not CountryBasis.TEXT:
        return None
    countries = [
        m
        for m in view.record.mentions
        if m.type is MentionType.COUNTRY
        and occupation.country in (m.country, *m.countries)
        and occupation.evidence.start <= m.start
        and m.end <= occupation.evidence.end
    ]
    return _nearest(countries, title)


def _linked_titles(view: _RecordView) -> list[PredictedRelation]:
    """WORKS_AS for POSITION mentions the record links to a person actor (`mention.actor`)."""
    relations = []
    for title in view.record.mentions:
        actor = view.record.actor_by_id(title.actor) if title.actor else None
        if title.type is not MentionType.POSITION or actor is None:
            continue
        if actor.kind is not ActorKind.PERSON:
            continue
        span = _offsets(title)
        sentence = _sentence_of(view.record, title)
        person = _holder(view, actor.id, span, sentence)
        if person is not None:
            source = f"title {title.id}"
            relations.append(PredictedRelation("WORKS_AS", _offsets(person), span, source))
    return relations


def _sentence_of(record: Record, mention: Mention) -> Span:
    if mention.sentence is not None and mention.sentence < len(record.sentences):
        return record.sentences[mention.sentence]
    return Span(start=mention.start, end=mention.end)


def _stated_titles(view: _RecordView) -> list[PredictedRelation]:
    """WORKS_AS for the titles of `actor.positions`: the record keeps no link to their
    mentions, so the title is the outermost POSITION mention beside a name of the actor."""
    titles = _outermost([m for m in view.record.mentions if m.type is MentionType.POSITION])
    names = sorted(
        (m for m in view.record.mentions if m.type is MentionType.PERSON and m.actor),
        key=lambda m: m.start,
    )
    relations = []
    for actor in view.record.actors:
        if actor.kind is not ActorKind.PERSON or not actor.positions:
            continue
        for name in view.of_actor(actor.id, {MentionType.PERSON}):
            relations.extend(
                PredictedRelation("WORKS_AS", _offsets(name), _offsets(title), f"actor {actor.id}")
                for title in titles
                if title.sentence == name.sentence
                and (
                    _beside(view.record.text, name, title)
                    or _listed_with_holder(view, names, name, title)
                )
                and position_matches(actor.positions, (title.normal, title.text))
            )
    return relations


def _listed_with_holder(
    view: _RecordView, names: list[Mention], name: Mention, title: Mention
) -> bool:
    """ "музыканты Юрий Царёв, Алексей Борисов и Павел Шевелёв", "Операторами выступили Михаил
    Агранович и Михаил Хасая": the name is listed (commas, "и", a bracketed aside between) after
    the name of the person the title is linked to, so the title is theirs too."""
    holder = view.record.actor_by_id(title.actor) if title.actor else None
    if holder is None or holder.kind is not ActorKind.PERSON or name.actor == holder.id:
        return False
    text = view.record.text
    listed = False
    previous: Mention | None = None
    for mention in names:
        if mention.sentence != name.sentence or mention.start < title.end:
            continue
        if previous is not None:
            gap = _ASIDE.sub("", text[previous.end : mention.start]).strip()
            if gap not in (",", "и"):
                listed = False
        if mention.actor == holder.id:
            listed = True
        if mention is name:
            return listed
        previous = mention
    return False


_ASIDE = re.compile(r"\([^()]*\)")


def _event_relations(view: _RecordView, event: Event) -> list[PredictedRelation]:
    if event.status is EventStatus.NEGATED:
        return []
    span = _event_span(view.record, event)
    trigger = (event.trigger.start, event.trigger.end)
    source = f"event {event.id}"
    relations = []
    if not event.participants_inferred:
        for actor_id in dict.fromkeys(event.source + event.target):
            actor = _nearest(view.of_actor(actor_id, _PARTICIPANT_TYPES, event.evidence), trigger)
            if actor is not None:
                relations.append(PredictedRelation("PARTICIPANT_IN", _offsets(actor), span, source))
                if _hosts(view.record, event, actor_id):
                    relations.append(PredictedRelation("ORGANIZES", _offsets(actor), span, source))
    if event.date is not None and event.date.span is not None:
        date = (event.date.span.start, event.date.span.end)
        relations.append(PredictedRelation("POINT_IN_TIME", span, date, source))
    place = _nearest(view.of_actor(event.location, _PLACES, event.evidence), trigger)
    if place is not None:
        relations.append(PredictedRelation("TAKES_PLACE_IN", span, _offsets(place), source))
    return relations


_HOSTS = frozenset({ActorKind.PERSON, ActorKind.ORGANIZATION})
_VISIT = "042"  # CAMEO "Make a visit": the source visits, the target hosts


def _hosts(record: Record, event: Event, actor_id: str) -> bool:
    """The host of a visit (CAMEO 042, the visitor as source): a person or an organisation
    among its targets («принял делегацию», «посетил Сенат»); a state or a city visited is
    where, not who organises."""
    actor = record.actor_by_id(actor_id)
    return (
        event.cameo == _VISIT
        and actor_id in event.target
        and actor is not None
        and actor.kind in _HOSTS
    )


def _event_span(record: Record, event: Event) -> Offsets:
    trigger = (event.trigger.start, event.trigger.end)
    covering = [
        m
        for m in record.mentions
        if m.type is MentionType.EVENT and m.start < trigger[1] and trigger[0] < m.end
    ]
    return _offsets(covering[0]) if covering else trigger


def _beside(text: str, name: Mention, title: Mention) -> bool:
    """Nothing but spaces and at most one punctuation mark between them ("Лавров, министр")."""
    first, second = sorted((name, title), key=lambda m: m.start)
    gap = text[first.end : second.start].strip()
    return first.end <= second.start and len(gap) <= 1 and all(is_trimmable(c) for c in gap)


def _outermost(mentions: list[Mention]) -> list[Mention]:
    return [
        m
        for m in mentions
        if not any(o is not m and o.start <= m.start and m.end <= o.end for o in mentions)
    ]


def _nearest(mentions: list[Mention], span: Offsets) -> Mention | None:
    """The mention closest to the span (characters between them); on a tie the one after it,
    as a name follows its title ("Бывший президент США Барак Обама")."""
    return min(
        mentions, key=lambda m: (_gap(_offsets(m), span), m.start < span[0], m.start), default=None
    )


def _gap(first: Offsets, second: Offsets) -> int:
    return max(0, second[0] - first[1], first[0] - second[1])


def _offsets(mention: Mention) -> Offsets:
    return mention.start, mention.end
