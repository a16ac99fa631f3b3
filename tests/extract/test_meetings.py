"""One meeting, one CONSULT event: the sentences that describe a meeting merge into one event
(events built by hand, so each case states exactly what the parse gave)."""

from __future__ import annotations

import pytest

from communique.extract.meetings import merge_meetings
from communique.record import Event, EventStatus, Span


def _event(
    number: int,
    source: list[str],
    target: tuple[str, ...] | list[str] = (),
    *,
    kind: str = "CONSULT",
    mode: str | None = None,
    status: EventStatus = EventStatus.HAPPENED,
    inferred: bool = False,
    topics: tuple[str, ...] = (),
) -> Event:
    start = number * 100
    return Event(
        id=f"e{number}",
        type=kind,
        cameo="040",
        mode=mode,
        trigger=Span(start=start, end=start + 5),
        trigger_text="встреча",
        source=list(source),
        target=list(target),
        participants_inferred=inferred,
        source_countries=["KZ"] if source else [],
        target_countries=["MY"] if target else [],
        status=status,
        evidence=Span(start=start, end=start + 90),
        topics=list(topics),
        extractor="test",
    )


def test_headline_report_and_the_sides_discussing_are_one_meeting() -> None:
    headline = _event(0, ["speaker"])  # «Спикер обсудил с послом Малайзии ...»
    report = _event(1, ["speaker"], ["ambassador"])  # «Спикер принял Посла Малайзии X»
    discussed = _event(2, ["speaker", "ambassador"], inferred=True, topics=("trade",))
    (meeting,) = merge_meetings([headline, report, discussed])
    assert meeting.id == "e0"
    assert (meeting.source, meeting.target) == (["speaker"], ["ambassador"])
    assert [(s.start, s.end) for s in meeting.more_evidence] == [(0, 90), (200, 290)]
    assert meeting.topics == ["trade"]


def test_the_sides_of_an_inferred_sentence_join_the_meeting() -> None:
    call = _event(0, ["KZ-country"], ["president"], mode="phone")
    sides = _event(1, ["president", "head-of-state"], inferred=True)  # «стороны обсудили»
    (meeting,) = merge_meetings([call, sides])
    assert meeting.mode == "phone"
    assert set(meeting.source + meeting.target) == {"KZ-country", "president", "head-of-state"}
    assert "president" not in meeting.source  # never on both sides
    # the sides' sentence names more participants than the call, and still it is the call
    wider = _event(2, ["president", "head-of-state", "minister"], inferred=True)
    (wider_call,) = merge_meetings([call, wider])
    assert wider_call.mode == "phone"


SEPARATE = [
    pytest.param(
        [_event(0, ["minister"], ["malaysian"]), _event(1, ["minister"], ["egyptian"])],
        id="two-partners-two-meetings",
    ),
    pytest.param(
        [
            _event(0, ["speaker"], ["ambassador"]),
            _event(1, ["speaker"], ["ambassador"], status=EventStatus.PLANNED),
        ],
        id="held-and-planned",
    ),
    pytest.param(
        [
            _event(0, ["president"], ["emir"], mode="phone"),
            _event(1, ["president"], ["emir"], mode="visit"),
        ],
        id="a-call-and-the-visit-agreed-in-it",
    ),
    pytest.param(
        [
            _event(0, ["speaker"], ["ambassador"]),
            _event(1, ["speaker"], ["ambassador"], status=EventStatus.NEGATED),
        ],
        id="negated",
    ),
    pytest.param(
        [
            _event(0, ["speaker"], ["ambassador"]),
            _event(1, ["speaker"], ["ambassador"], kind="SUPPORT"),
        ],
        id="what-was-said-stays-its-own-event",
    ),
]


@pytest.mark.parametrize("events", SEPARATE)
def test_different_contacts_stay_apart(events: list[Event]) -> None:
    assert [e.id for e in merge_meetings(events)] == [e.id for e in events]


def test_an_enumeration_of_partners_gives_one_meeting_each(extract) -> None:
    record = extract(
        "Министр иностранных дел Казахстана Арман Исетов встретился с главами МИД Латвии "
        "Андрисом Озолсом, Эстонии Мартом Таммом и Литвы Йонасом Казлаускасом."
    )
    names = {a.id: a.name_latin for a in record.actors}
    meetings = [e for e in record.events if e.type == "CONSULT"]
    partners = sorted(" ".join(names[t] for t in e.target) for e in meetings)
    assert len(meetings) == 3, partners
    assert all(any("Isetov" in names[s] for s in e.source) for e in meetings)
    assert any("Ozols" in p for p in partners) and any("Kazlauskas" in p for p in partners)


def test_the_head_of_a_delegation_is_its_side(extract) -> None:
    record = extract(
        "Министр энергетики Казахстана Нурлан Ахметов встретился с делегацией Министерства "
        "энергетики Узбекистана во главе с заместителем министра Шухратом Назаровым."
    )
    names = {a.id: a.name_latin for a in record.actors}
    (meeting,) = [e for e in record.events if e.type == "CONSULT"]
    assert any("Nazarov" in names[t] for t in meeting.target)
    assert any("Akhmetov" in names[s] for s in meeting.source)


def _states_meeting(number: int, states: dict[str, str], joint_target: bool = False) -> Event:
    """A meeting whose sides are states («Kazakhstan and Malaysia hold consultations»)."""
    ids = list(states)
    source, target = (ids, []) if joint_target else (ids[:1], ids[1:])
    return _event(number, source, target).model_copy(
        update={
            "source_countries": [states[i] for i in source],
            "target_countries": [states[i] for i in target],
        }
    )


STATES = frozenset({"kazakhstan", "malaysia", "egypt"})


@pytest.mark.parametrize("joint_target", [True, False], ids=["joint", "one-to-the-other"])
def test_a_meeting_of_states_told_again_by_their_people_is_one_meeting(
    joint_target: bool,
) -> None:
    headline = _states_meeting(0, {"kazakhstan": "KZ", "malaysia": "MY"}, joint_target)
    report = _event(1, ["minister"], ["ambassador"], topics=("trade",))
    (meeting,) = merge_meetings([headline, report], STATES)
    assert meeting.id == "e0"
    assert (meeting.source, meeting.target) == (["minister"], ["ambassador"])  # states add none
    assert (meeting.source_countries, meeting.target_countries) == (["KZ"], ["MY"])
    assert [(s.start, s.end) for s in meeting.more_evidence] == [(0, 90)]
    # told in the other order, the people's meeting keeps its sides too
    (later,) = merge_meetings([report, headline], STATES)
    assert (later.id, later.source, later.target) == ("e1", ["minister"], ["ambassador"])


def test_a_state_that_is_no_side_of_the_people_is_another_meeting() -> None:
    headline = _states_meeting(0, {"kazakhstan": "KZ", "egypt": "EG"})
    report = _event(1, ["minister"], ["ambassador"])  # KZ and MY
    assert len(merge_meetings([headline, report], STATES)) == 2
    # without the record's states, the states are actors like any other (told in the body: a
    # headline restating the report's meeting is another rule, `_headline_restated`)
    assert len(merge_meetings([report, _states_meeting(2, {"kazakhstan": "KZ"})])) == 2
