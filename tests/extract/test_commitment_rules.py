"""The commitment rules (extract/commitments.py), each on a parse built by hand for its
phenomenon: what kind of undertaking an event states, what is undertaken (the trigger's
complement) and by when. Sentences are written for these tests."""

from __future__ import annotations

import pytest

from communique.extract.commitments import extract_commitments
from communique.extract.event_args import TextView
from communique.extract.event_lexicon import event_lexicon
from communique.nlp.annotate import Annotation
from communique.record import (
    Commitment,
    DateBasis,
    DatePrecision,
    Event,
    EventDate,
    EventStatus,
    Record,
    Span,
)
from handbuilt_annotation import annotation, span_of

AGREED_TO_MEET = """
Стороны сторона NOUN _ 2 nsubj
договорились договориться VERB _ 0 root
провести провести VERB _ 2 xcomp
встречу встреча NOUN _ 3 obj
в в ADP _ 6 case
Астане Астана PROPN _ 3 obl
в в ADP _ 9 case
следующем следующий ADJ _ 9 amod
году год NOUN _ 3 obl
. . PUNCT _ 2 punct
"""
AGREED_BARE = """
Стороны сторона NOUN _ 2 nsubj
согласились согласиться VERB _ 0 root
. . PUNCT _ 2 punct
"""
PROMISED_AND_DISCUSSED = """
Министр министр NOUN _ 2 nsubj
пообещал пообещать VERB _ 0 root
помочь помочь VERB _ 2 xcomp
, , PUNCT _ 5 punct
обсудив обсудить VERB _ 2 parataxis
планы план NOUN _ 5 obj
и и CC _ 8 cc
уехал уехать VERB _ 2 conj
"""
PROPOSED_ALSO = """
Посол посол NOUN _ 2 nsubj
предложил предложить VERB _ 0 root
также также ADV _ 2 advmod
: : PUNCT _ 5 punct
открыть открыть VERB _ 2 xcomp
консульство консульство NOUN _ 5 obj
и и CC _ 8 cc
расширить расширить VERB _ 5 conj
рейсы рейс NOUN _ 8 obj
. . PUNCT _ 2 punct
"""
NEXT_YEAR = EventDate(value="2026", precision=DatePrecision.YEAR, basis=DateBasis.RELATIVE)


def _span(parsed: Annotation, words: str) -> Span:
    start, end = span_of(parsed, words)
    return Span(start=start, end=end)


def _event(
    parsed: Annotation,
    number: int,
    trigger: str,
    kind: str = "AGREE",
    status: EventStatus = EventStatus.HAPPENED,
    date: EventDate | None = None,
    **fields: object,
) -> Event:
    values: dict[str, object] = {"source": ["a0"], "target": ["a1"]}
    values.update(fields)
    return Event(
        id=f"e{number}",
        type=kind,
        cameo="030" if kind == "AGREE" else "040",
        trigger=_span(parsed, trigger),
        trigger_text=trigger,
        status=status,
        date=date,
        evidence=Span(start=0, end=len(parsed.text)),
        extractor="test@0",
        **values,  # type: ignore[arg-type]
    )


def _commitments(parsed: Annotation, events: list[Event]) -> list[Commitment]:
    record = Record(id="handbuilt", text=parsed.text)
    view = TextView.build(parsed, record, event_lexicon())
    return extract_commitments(view, events)


def _dated(parsed: Annotation, at: str = "в следующем году") -> EventDate:
    return NEXT_YEAR.model_copy(update={"span": _span(parsed, at)})


def test_an_agreed_step_is_the_verbs_complement() -> None:
    parsed = annotation(AGREED_TO_MEET)
    agree = _event(parsed, 0, "договорились")
    (commitment,) = _commitments(parsed, [agree])
    assert commitment.kind == "agreed_step"
    assert commitment.what == "провести встречу в Астане в следующем году"
    assert commitment.what_span == _span(parsed, commitment.what)
    assert (commitment.id, commitment.event, commitment.who, commitment.to) == (
        "c0",
        "e0",
        ["a0"],
        ["a1"],
    )
    assert commitment.evidence == agree.evidence
    assert commitment.by is None  # no dated event inside the step, and the agreement happened


@pytest.mark.parametrize(
    ("meeting_trigger", "meeting_date", "deadline"),
    [
        pytest.param("встречу", "dated", NEXT_YEAR, id="dated-event-inside-the-step"),
        pytest.param("Стороны", "dated", None, id="dated-event-outside-the-step"),
        pytest.param("встречу", "no-span", None, id="date-not-written-is-no-deadline"),
        pytest.param("встречу", None, None, id="undated-event-inside-the-step"),
    ],
)
def test_the_deadline_of_a_step(
    meeting_trigger: str, meeting_date: str | None, deadline: EventDate | None
) -> None:
    parsed = annotation(AGREED_TO_MEET)
    date = {"dated": _dated(parsed), "no-span": NEXT_YEAR, None: None}[meeting_date]
    agree = _event(parsed, 0, "договорились")
    meeting = _event(parsed, 1, meeting_trigger, "CONSULT", date=date, source=[])
    commitments = _commitments(parsed, [agree, meeting])
    assert [c.event for c in commitments] == ["e0"]  # a meeting that happened: none
    by = commitments[0].by
    assert (by.value if by else None) == (deadline.value if deadline else None)
    if deadline is not None:
        assert by == meeting.date


def test_a_planned_agreement_is_due_by_its_own_written_date() -> None:
    parsed = annotation(AGREED_TO_MEET)
    agree = _event(parsed, 0, "договорились", status=EventStatus.PLANNED, date=_dated(parsed))
    (commitment,) = _commitments(parsed, [agree])
    assert commitment.by == agree.date


@pytest.mark.parametrize(
    ("status", "source", "committed"),
    [
        pytest.param(EventStatus.PLANNED, ["a0"], True, id="planned-act-with-an-actor"),
        pytest.param(EventStatus.PLANNED, [], False, id="planned-act-without-an-actor"),
        pytest.param(EventStatus.HAPPENED, ["a0"], False, id="act-that-happened"),
        pytest.param(EventStatus.REPORTED, ["a0"], False, id="act-someone-reports"),
    ],
)
def test_an_act_other_than_agreeing(
    status: EventStatus, source: list[str], committed: bool
) -> None:
    parsed = annotation(AGREED_TO_MEET)
    meeting = _event(parsed, 0, "встречу", "CONSULT", status, _dated(parsed), source=source)
    commitments = _commitments(parsed, [meeting])
    assert bool(commitments) is committed
    if committed:
        (commitment,) = commitments
        assert (commitment.kind, commitment.what) == ("intent", parsed.text)  # the whole clause
        assert commitment.by == meeting.date  # a plan is due by its own written date


def test_a_negated_agreement_commits_to_nothing() -> None:
    parsed = annotation(AGREED_TO_MEET)
    agree = _event(parsed, 0, "договорились", status=EventStatus.NEGATED)
    assert _commitments(parsed, [agree]) == []


def test_an_agreement_with_nothing_after_it_commits_to_nothing() -> None:
    parsed = annotation(AGREED_BARE)
    assert _commitments(parsed, [_event(parsed, 0, "согласились")]) == []


def test_a_trigger_the_lexicon_gives_no_kind_is_an_intent() -> None:
    parsed = annotation(AGREED_TO_MEET)  # "провести" is a meeting trigger, with no commitment
    (commitment,) = _commitments(parsed, [_event(parsed, 0, "провести")])
    assert (commitment.kind, commitment.what) == ("intent", "встречу в Астане в следующем году")


def test_clauses_joined_to_the_trigger_are_not_the_promise() -> None:
    parsed = annotation(PROMISED_AND_DISCUSSED)
    (commitment,) = _commitments(parsed, [_event(parsed, 0, "пообещал")])
    assert (commitment.kind, commitment.what) == ("promise", "помочь")


def test_steps_joined_inside_the_proposal_stay_in_it() -> None:
    parsed = annotation(PROPOSED_ALSO)
    (commitment,) = _commitments(parsed, [_event(parsed, 0, "предложил")])
    assert commitment.kind == "proposal"
    assert commitment.what == "открыть консульство и расширить рейсы"  # no "также", ":" or "."


def test_commitments_are_numbered_in_order_skipping_events_with_none() -> None:
    parsed = annotation(AGREED_TO_MEET)
    events = [
        _event(parsed, 0, "договорились", status=EventStatus.NEGATED),
        _event(parsed, 1, "договорились"),
        _event(parsed, 2, "встречу", "CONSULT", EventStatus.PLANNED),
    ]
    assert [(c.id, c.event) for c in _commitments(parsed, events)] == [("c0", "e1"), ("c1", "e2")]


AGREED_TO_MEET_AGAIN = """
Стороны сторона NOUN _ 2 nsubj
договорились договориться VERB _ 0 root
встретиться встретиться VERB _ 2 xcomp
снова снова ADV _ 3 advmod
, , PUNCT _ 6 punct
отметил отметить VERB _ 3 parataxis
посол посол NOUN _ 6 nsubj
"""


def test_a_remark_hung_on_the_step_is_not_the_step() -> None:
    parsed = annotation(AGREED_TO_MEET_AGAIN)
    (commitment,) = _commitments(parsed, [_event(parsed, 0, "договорились")])
    assert commitment.what == "встретиться снова"


def test_a_word_the_lexicon_does_not_know_agrees_to_an_intent() -> None:
    parsed = annotation(PROPOSED_ALSO)
    (commitment,) = _commitments(parsed, [_event(parsed, 0, "открыть")])
    assert (commitment.kind, commitment.what) == ("intent", "консульство")


def test_an_event_with_nothing_undertaken_does_not_stop_the_next() -> None:
    parsed = annotation(AGREED_TO_MEET)
    events = [_event(parsed, 0, "Стороны"), _event(parsed, 1, "договорились")]
    assert [c.event for c in _commitments(parsed, events)] == ["e1"]


def test_an_agreement_that_happened_is_not_due_by_its_own_date() -> None:
    parsed = annotation(AGREED_TO_MEET)
    agree = _event(parsed, 0, "договорились", date=_dated(parsed))
    (commitment,) = _commitments(parsed, [agree])
    assert commitment.by is None
