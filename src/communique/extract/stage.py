"""The events stage: events, agreements, commitments and topics from one annotated, resolved
record. Reads the pipeline's Annotation; loads no model."""

from __future__ import annotations

from dataclasses import dataclass

from communique.extract.agreements import extract_agreements
from communique.extract.commitments import extract_commitments
from communique.extract.event_args import TextView
from communique.extract.event_lexicon import event_lexicon
from communique.extract.events import EVENTS, extract_events
from communique.extract.topics import TopicHit, find_topics, topic_entries
from communique.nlp import Annotation
from communique.record import Agreement, Commitment, Event, Record, Span, Topic, TopicEvidence

__all__ = ["EVENTS", "EventFindings", "find_events"]


@dataclass(frozen=True)
class EventFindings:
    events: list[Event]
    agreements: list[Agreement]
    commitments: list[Commitment]
    topics: list[Topic]


def find_events(annotation: Annotation, record: Record) -> EventFindings:
    hits = find_topics(annotation)
    view = TextView.build(annotation, record, event_lexicon())
    events = extract_events(view, hits)
    return EventFindings(
        events=events,
        agreements=extract_agreements(view, events),
        commitments=extract_commitments(view, events),
        topics=topic_records(record.text, hits, events),
    )


def topic_records(text: str, hits: list[TopicHit], events: list[Event]) -> list[Topic]:
    """The record's topics from the hits, each with its evidence and the events about it."""
    entries = {e.id: e for e in topic_entries()}
    topics = []
    for topic_id in dict.fromkeys(h.topic for h in hits):
        entry = entries[topic_id]
        evidence = [
            TopicEvidence(span=Span(start=h.start, end=h.end), text=text[h.start : h.end])
            for h in hits
            if h.topic == topic_id
        ]
        topics.append(
            Topic(
                id=topic_id,
                label_en=entry.en,
                label_ru=entry.ru,
                label_kk=entry.kk,
                evidence=evidence,
                events=[e.id for e in events if topic_id in e.topics],
            )
        )
    return topics
