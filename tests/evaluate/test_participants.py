"""Meeting/Deal facts from events: participants are the events' stated person/org actors."""

from __future__ import annotations

from communique.evaluate.facts import GoldParticipant, GoldParticipantFact
from communique.evaluate.participants import predicted_participant_facts, score_participants
from communique.record import Actor, ActorKind, Event, EventStatus, Record, Span


def _record(status: EventStatus = EventStatus.HAPPENED, inferred: bool = False) -> Record:
    actors = [
        Actor(id="a0", kind=ActorKind.PERSON, name="Сергей Лавров"),
        Actor(id="a1", kind=ActorKind.PERSON, name="Ван И"),
        Actor(id="a2", kind=ActorKind.COUNTRY, name="Китай", country="CN"),
    ]
    event = Event(
        id="e0",
        type="CONSULT",
        cameo="040",
        trigger=Span(start=0, end=1),
        trigger_text="встретился",
        source=["a0"],
        target=["a1", "a2"],
        status=status,
        participants_inferred=inferred,
        evidence=Span(start=0, end=1),
        extractor="test",
    )
    return Record(id="d", text="x", actors=actors, events=[event])


GOLD = {
    "Meeting": [
        GoldParticipantFact(
            "f0",
            "Meeting",
            (
                GoldParticipant("p0", ("Лавров",), ("Лавров",)),
                GoldParticipant("p1", ("Ван И",), ("Ван",)),
            ),
        )
    ]
}


def test_consult_event_is_a_meeting_of_persons() -> None:
    (fact,) = predicted_participant_facts(_record(), "Meeting")
    assert fact.participants == (("Сергей Лавров",), ("Ван И",))  # the country is no participant
    counts = score_participants(GOLD, _record())
    assert (counts["Meeting"].tp, counts["Meeting"].fp, counts["Meeting"].fn) == (1, 0, 0)


def test_negated_or_inferred_events_are_no_meeting() -> None:
    assert predicted_participant_facts(_record(EventStatus.NEGATED), "Meeting") == []
    assert predicted_participant_facts(_record(inferred=True), "Meeting") == []
    counts = score_participants(GOLD, _record(inferred=True))
    assert (counts["Meeting"].tp, counts["Meeting"].fn) == (0, 1)
