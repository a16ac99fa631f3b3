"""Meeting and Deal facts from our events: CONSULT events give Meetings (source and target
actors are the participants), signed agreements and AGREE events give Deals."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from communique.evaluate.facts import (
    GoldParticipantFact,
    PredictedParticipantFact,
    score_participant_facts,
)
from communique.evaluate.scoring import Counts
from communique.record import (
    Actor,
    ActorKind,
    Event,
    EventStatus,
    MentionForm,
    MentionType,
    Record,
)

PARTICIPANT_FACTS = ("Meeting", "Deal")
_PARTICIPANT_KINDS = {ActorKind.PERSON, ActorKind.ORGANIZATION}
_MEETING_KINDS = {ActorKind.PERSON}  # FactRuEval's Meeting facts are meetings of people
_DEAL_CODES = {"057", "031", "036", "030"}


def _is_fact(event: Event, fact_type: str) -> bool:
    if event.status is EventStatus.NEGATED or event.participants_inferred:
        return False
    if fact_type == "Meeting":
        # people meeting each other; taking part in a summit or forum is no meeting of them
        return event.type == "CONSULT" and event.mode != "multilateral"
    return event.cameo in _DEAL_CODES


def predicted_participant_facts(record: Record, fact_type: str) -> list[PredictedParticipantFact]:
    """One fact per event with two or more person/organisation participants, same sets merged."""
    facts: dict[frozenset[str], PredictedParticipantFact] = {}
    for event in record.events:
        if not _is_fact(event, fact_type):
            continue
        actors = [record.actor_by_id(a) for a in dict.fromkeys(event.source + event.target)]
        kinds = _MEETING_KINDS if fact_type == "Meeting" else _PARTICIPANT_KINDS
        kept = [a for a in actors if a is not None and a.kind in kinds]
        if fact_type == "Meeting" and not kept:
            kept = _with_persons_of_sentence(record, event, kept)
        key = frozenset(a.id for a in kept)
        if len(kept) < 2 or key in facts:
            continue
        names = tuple(_names(record, a.id) for a in kept)
        facts[key] = PredictedParticipantFact(event.id, fact_type, names)
    return list(facts.values())


def _with_persons_of_sentence(record: Record, event: Event, kept: list[Actor]) -> list[Actor]:
    """A meeting whose parties the parse missed entirely: the people named in its sentence,
    as the "meeting word + persons" baseline reads it."""
    sentence = next((s for s in record.sentences if s.start <= event.evidence.start < s.end), None)
    if sentence is None:
        return kept
    found = list(kept)
    for mention in record.mentions:
        inside = sentence.start <= mention.start and mention.end <= sentence.end
        if inside and mention.type is MentionType.PERSON and mention.form is MentionForm.NAME:
            actor = record.actor_by_id(mention.actor or "")
            if actor is not None and actor not in found:
                found.append(actor)
    return found


def _names(record: Record, actor_id: str) -> tuple[str, ...]:
    actor = record.actor_by_id(actor_id)
    if actor is None:
        return ()
    mentions = {m.id: m for m in record.mentions}
    texts = [record.mention_text(mentions[m]) for m in actor.mentions if m in mentions]
    return tuple(dict.fromkeys([actor.name, *texts]))


def score_participants(
    gold: dict[str, list[GoldParticipantFact]], record: Record
) -> dict[str, Counts]:
    """Counts per fact type for one document."""
    return {
        fact_type: score_participant_facts(
            predicted_participant_facts(record, fact_type), gold.get(fact_type, [])
        ).counts
        for fact_type in PARTICIPANT_FACTS
    }


def participant_report(counts: dict[str, Counts]) -> dict[str, Any]:
    return {fact_type: c.as_dict() for fact_type, c in counts.items()}


def gold_participant_summary(
    gold: Sequence[dict[str, list[GoldParticipantFact]]],
) -> dict[str, dict[str, int]]:
    return {
        fact_type: {
            "counted": sum(1 for g in gold for f in g.get(fact_type, []) if not f.neutral),
            "neutral": sum(1 for g in gold for f in g.get(fact_type, []) if f.neutral),
        }
        for fact_type in PARTICIPANT_FACTS
    }
