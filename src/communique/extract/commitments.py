"""Commitments: what an AGREE event (intent, promise, invitation, proposal, agreed step) or a
planned act with a known actor undertakes, to whom, and by when."""

from __future__ import annotations

from communique.extract.event_args import TextView
from communique.extract.events import EVENTS
from communique.nlp import Token
from communique.record import Commitment, Event, EventDate, EventStatus, Span

_STOP_RELS = frozenset({"nsubj", "punct", "cc", "conj", "parataxis", "advmod"})


def extract_commitments(view: TextView, events: list[Event]) -> list[Commitment]:
    commitments = []
    for event in events:
        kind = _kind(view, event)
        if kind is None or event.status is EventStatus.NEGATED:
            continue
        what = _what(view, event)
        if what is None:
            continue
        commitments.append(
            build_commitment(
                len(commitments),
                kind,
                event,
                view.annotation.text,
                what,
                _deadline(event, events, what),
                EVENTS,
            )
        )
    return commitments


def build_commitment(
    number: int,
    kind: str,
    event: Event,
    text: str,
    what: tuple[int, int],
    by: EventDate | None,
    extractor: str,
) -> Commitment:
    """The commitment event `event` states, its undertaking at `what` (character span of
    `text`), in any language: its sides are the event's, its evidence the event's sentence."""
    start, end = what
    return Commitment(
        id=f"c{number}",
        kind=kind,
        who=event.source,
        to=event.target,
        what=text[start:end],
        what_span=Span(start=start, end=end),
        by=by,
        event=event.id,
        evidence=event.evidence,
        extractor=extractor,
    )


def _kind(view: TextView, event: Event) -> str | None:
    if event.type == "AGREE":
        lemma = _trigger(view, event).lemma
        entries = view.lexicon.triggers.get(lemma, ())
        return next((e.commitment for e in entries if e.commitment), "intent")
    if event.status is EventStatus.PLANNED and event.source:
        return "intent"
    return None


def _trigger(view: TextView, event: Event) -> Token:
    return next(
        t
        for t in view.annotation.tokens_over(event.trigger.start, event.trigger.start + 1)
        if t.start == event.trigger.start
    )


def _what(view: TextView, event: Event) -> tuple[int, int] | None:
    """The complement of the trigger: everything it governs after it, subject and conjuncts out."""
    trigger = _trigger(view, event)
    if event.type != "AGREE":
        return event.evidence.start, event.evidence.end
    kids = [
        k for k in view.children(trigger.index)
        if k > trigger.index and view.tokens[k].rel.split(":")[0] not in _STOP_RELS
    ]  # fmt: skip
    if not kids:
        return None
    indices = [i for k in kids for i in view.annotation.subtree(k, frozenset({"parataxis"}))]
    tokens = [view.tokens[i] for i in indices if view.tokens[i].rel != "punct"]
    if not tokens:
        return None
    return min(t.start for t in tokens), max(t.end for t in tokens)


def _deadline(event: Event, events: list[Event], what: tuple[int, int]) -> EventDate | None:
    """A date inside the undertaking ("провести встречу в следующем году"), if stated."""
    for other in events:
        if other is event or other.date is None or other.date.span is None:
            continue
        if what[0] <= other.trigger.start < what[1]:
            return other.date
    if event.status is EventStatus.PLANNED and event.date and event.date.span:
        return event.date
    return None
