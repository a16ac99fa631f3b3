"""From our record to what the scorers compare: bucketed mentions and Occupation facts."""

from __future__ import annotations

from communique.evaluate.facts import PredictedOccupation
from communique.evaluate.scoring import Bucket, PredictedMention
from communique.record import Actor, ActorKind, MentionForm, MentionType, Occupation, Record


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
