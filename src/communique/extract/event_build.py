"""One `Event` from what a language's reader found, the same way for every language.

Each reader (Russian `extract/events.py`, English `lang/en/extract.py`, Kazakh
`lang/kk/events.py`) finds a trigger, its sides, its status, its date, its place and the words
that state it in its own way. What follows from those is the same in every language and is set
here: the CAMEO code's name and Goldstein weight, the mode of a contact, the countries of each
side, the publication day of an act that happened with no date of its own, and the topics of the
evidence.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from communique.coding import cameo_table
from communique.extract.dates import ResolvedDate
from communique.extract.topics import TopicHit
from communique.record import DateBasis, DatePrecision, Event, EventDate, EventStatus, Record, Span

CONSULT = "CONSULT"
THIRD_PARTY_MEETING = "044"  # CAMEO: meet at a "third" location


@dataclass
class EventParts:
    """What a reader found of one event. `source_countries` and `target_countries` are the
    countries of the sides' actors unless the reader knows more (a state it read with no actor
    of its own)."""

    plover: str
    cameo: str
    mode: str | None  # the trigger's mode ("visit", "phone"), before the sides are counted
    trigger: Span
    source: list[str]
    target: list[str]
    status: EventStatus
    date: EventDate | None
    evidence: Span
    joint: bool = False
    inferred: bool = False
    location: str | None = None
    reported_by: str | None = None
    source_countries: list[str] | None = None
    target_countries: list[str] | None = None
    hits: Iterable[TopicHit] = field(default_factory=list)


def build_event(record: Record, parts: EventParts, event_id: str, extractor: str) -> Event:
    code = cameo_table().code(parts.cameo)
    source_countries = (
        parts.source_countries
        if parts.source_countries is not None
        else actor_countries(record, parts.source)
    )
    target_countries = (
        parts.target_countries
        if parts.target_countries is not None
        else actor_countries(record, parts.target)
    )
    evidence = parts.evidence
    return Event(
        id=event_id,
        type=parts.plover,
        cameo=code.code,
        cameo_name=code.name,
        goldstein=code.goldstein,
        mode=contact_mode(parts, {*source_countries, *target_countries}),
        trigger=parts.trigger,
        trigger_text=record.text[parts.trigger.start : parts.trigger.end],
        source=list(parts.source),
        target=list(parts.target),
        joint=parts.joint,
        participants_inferred=parts.inferred,
        source_countries=list(source_countries),
        target_countries=list(target_countries),
        status=parts.status,
        reported_by=parts.reported_by,
        date=parts.date,
        location=parts.location,
        evidence=evidence,
        topics=list(
            dict.fromkeys(
                h.topic for h in parts.hits if evidence.start <= h.start and h.end <= evidence.end
            )
        ),
        extractor=extractor,
    )


def contact_mode(parts: EventParts, countries: set[str]) -> str | None:
    """A meeting at a third location is "third-party"; a contact of more than two states is
    "multilateral", unless it is a call (a call of three states is still held by telephone, and
    the mode says how the sides met); otherwise the trigger's own mode."""
    if parts.cameo == THIRD_PARTY_MEETING:
        return "third-party"
    if parts.plover == CONSULT and len(countries) > 2 and parts.mode != "phone":
        return "multilateral"
    return parts.mode


def actor_countries(record: Record, actors: list[str]) -> list[str]:
    """The countries of `actors`, each once, in their order."""
    return list(
        dict.fromkeys(
            country
            for actor_id in actors
            if (actor := record.actor_by_id(actor_id)) and (country := actor.country)
        )
    )


def stated_date(resolved: ResolvedDate, span: Span | None) -> EventDate:
    """A date the text states (`resolved`, written at `span`) as an event's or a deadline's."""
    return EventDate(
        value=resolved.value, precision=resolved.precision, basis=resolved.basis, span=span
    )


def event_date(
    resolved: ResolvedDate | None, span: Span | None, status: EventStatus, published: date | None
) -> EventDate | None:
    """The date stated for the event (`resolved`, written at `span`), else the publication day
    of an act that happened; a planned or reported act with no date of its own has none."""
    if resolved is not None:
        return stated_date(resolved, span)
    if status is EventStatus.HAPPENED and published is not None:
        return EventDate(
            value=published.isoformat(), precision=DatePrecision.DAY, basis=DateBasis.PUBLISHED
        )
    return None
