"""The meeting rules one by one (extract/meetings.py) on events built by hand: when two CONSULT
sentences are one meeting, what the merged event keeps, and how a participation joins the
meeting before it. test_meetings.py shows the whole merge on a release's sentences."""

from __future__ import annotations

import pytest

from communique.extract.event_args import TextView
from communique.extract.event_lexicon import event_lexicon
from communique.extract.meetings import (
    delegation_heads,
    join_participants,
    merge_meetings,
    split_enumerations,
)
from communique.record import (
    Actor,
    ActorKind,
    DateBasis,
    DatePrecision,
    Event,
    EventDate,
    EventStatus,
    Mention,
    MentionType,
    Record,
    Span,
)
from handbuilt_annotation import annotation, span_of


def _date(value: str) -> EventDate:
    precision = {4: DatePrecision.YEAR, 7: DatePrecision.MONTH, 10: DatePrecision.DAY}[len(value)]
    return EventDate(value=value, precision=precision, basis=DateBasis.TEXT)


def _event(number: int, source: list[str], target: list[str] | None = None, **fields) -> Event:
    start = number * 100
    values = {
        "type": "CONSULT",
        "cameo": "040",
        "trigger": Span(start=start, end=start + 5),
        "trigger_text": f"t{number}",
        "source": source,
        "target": target or [],
        "evidence": Span(start=start, end=start + 90),
        "extractor": "test",
    }
    values.update(fields)
    return Event(id=f"e{number}", **values)


@pytest.mark.parametrize(
    ("second", "one_meeting"),
    [
        pytest.param({}, True, id="same-sides"),
        pytest.param({"target": ["guest", "aide"]}, True, id="more-participants-than-the-first"),
        pytest.param({"target": ["other"]}, False, id="another-partner"),
        pytest.param({"status": EventStatus.REPORTED}, True, id="reported-and-held"),
        pytest.param({"status": EventStatus.PLANNED}, False, id="planned-and-held"),
        pytest.param({"date": _date("2025-05-03")}, True, id="one-of-them-dated"),
        pytest.param({"date": _date("2025-05-04")}, False, id="dated-to-another-day"),
        pytest.param({"date": _date("2025-06")}, True, id="a-month-and-a-day"),
        pytest.param({"mode": "phone"}, True, id="a-call-and-a-sentence-of-no-mode"),
        pytest.param({"mode": "visit"}, False, id="a-meeting-and-a-visit"),
        pytest.param(
            {"source": ["someone"], "target": [], "participants_inferred": True},
            True,
            id="sides-taken-from-the-text",
        ),
    ],
)
def test_when_two_sentences_are_one_meeting(second: dict, one_meeting: bool) -> None:
    first = _event(0, ["host"], ["guest"], date=_date("2025-05-03"))
    merged = merge_meetings([first, _event(1, ["host"], ["guest"]).model_copy(update=second)])
    assert len(merged) == (1 if one_meeting else 2)


def test_a_call_merges_with_what_its_sides_discussed() -> None:
    call = _event(0, ["host"], ["guest"], mode="phone")
    discussed = _event(1, ["host", "guest"])
    (meeting,) = merge_meetings([call, discussed])
    assert meeting.mode == "phone"


def test_two_planned_sentences_are_one_planned_meeting() -> None:
    events = [_event(i, ["host"], ["guest"], status=EventStatus.PLANNED) for i in range(2)]
    (meeting,) = merge_meetings(events)
    assert meeting.status is EventStatus.PLANNED


def test_the_fuller_sentence_carries_the_meeting_at_the_first_ones_place() -> None:
    headline = _event(0, ["host"], topics=["trade"])
    report = _event(
        1,
        ["host"],
        ["guest"],
        topics=["energy", "trade"],
        location="city",
        date=_date("2025-05-03"),
        target_countries=["MY"],
    )
    (meeting,) = merge_meetings([headline, report])
    assert meeting.id == "e0"
    assert meeting.trigger_text == "t1"
    assert (meeting.source, meeting.target) == (["host"], ["guest"])
    assert meeting.evidence == report.evidence
    assert meeting.more_evidence == [headline.evidence]
    assert meeting.topics == ["energy", "trade"]
    assert (meeting.location, meeting.date, meeting.target_countries) == (
        "city",
        report.date,
        ["MY"],
    )


def test_a_lesser_sentence_adds_its_place_and_date_where_the_meeting_has_none() -> None:
    report = _event(0, ["host"], ["guest"])
    later = _event(1, ["host"], location="city", date=_date("2025-05-03"), topics=["space"])
    (meeting,) = merge_meetings([report, later])
    assert (meeting.trigger_text, meeting.location, meeting.date) == ("t0", "city", later.date)
    assert meeting.topics == ["space"]


def test_a_participant_never_stands_on_both_sides() -> None:
    report = _event(0, ["host"], ["guest"], source_countries=["KZ"], target_countries=["MY"])
    sides = _event(
        1,
        ["guest", "aide"],
        participants_inferred=True,
        source_countries=["MY", "KZ", "TR"],
    )
    (meeting,) = merge_meetings([report, sides])
    assert (meeting.source, meeting.target) == (["host", "aide"], ["guest"])
    assert (meeting.source_countries, meeting.target_countries) == (["KZ", "TR"], ["MY"])


def test_three_sentences_keep_every_evidence_once_in_text_order() -> None:
    events = [
        _event(2, ["host"], ["guest"]),
        _event(0, ["host"]),
        _event(1, ["host"], ["guest"]),
    ]
    (meeting,) = merge_meetings(events)
    assert meeting.id == "e2"
    assert meeting.evidence == events[0].evidence
    assert meeting.more_evidence == [events[1].evidence, events[2].evidence]


def test_an_event_between_two_sentences_of_a_meeting_keeps_its_place() -> None:
    events = [
        _event(0, ["host"], ["guest"]),
        _event(1, ["host"], ["guest"], type="SUPPORT", cameo="050"),
        _event(2, ["host"], ["guest"]),
    ]
    assert [e.id for e in merge_meetings(events)] == ["e0", "e1"]


PARTICIPATION = {"type": "CONSULT", "cameo": "040"}


@pytest.mark.parametrize(
    ("participation", "side", "countries"),
    [
        pytest.param(
            {"source_countries": ["KZ"]}, "source", (["KZ"], ["MY"]), id="of-the-hosts-country"
        ),
        pytest.param(
            {"source_countries": ["MY"]}, "target", (["KZ"], ["MY"]), id="of-the-guests-country"
        ),
        pytest.param(
            {"source_countries": ["TR"]},
            "target",
            (["KZ"], ["MY", "TR"]),
            id="of-a-third-country",
        ),
        pytest.param({}, "target", (["KZ"], ["MY"]), id="of-no-known-country"),
    ],
)
def test_a_participant_joins_the_side_of_his_country(
    participation: dict, side: str, countries: tuple[list[str], list[str]]
) -> None:
    meeting = _event(0, ["host"], ["guest"], source_countries=["KZ"], target_countries=["MY"])
    joined = _event(1, ["newcomer"], **participation)
    (merged,) = join_participants([meeting, joined], {"e1"})
    assert "newcomer" in getattr(merged, side)
    assert (merged.source_countries, merged.target_countries) == countries
    assert merged.more_evidence == [joined.evidence]


def test_a_meeting_of_more_than_two_states_is_multilateral() -> None:
    meeting = _event(0, ["host"], ["guest"], source_countries=["KZ"], target_countries=["MY"])
    joined = _event(1, ["third"], source_countries=["TR"], topics=["energy"])
    (merged,) = join_participants([meeting, joined], {"e1"})
    assert merged.mode == "multilateral"
    assert merged.topics == ["energy"]
    call = meeting.model_copy(update={"mode": "phone"})
    assert join_participants([call, joined], {"e1"})[0].mode == "phone"  # a mode stays


def test_a_meeting_with_no_source_takes_the_participants_as_its_source() -> None:
    meeting = _event(0, [], ["guest"], target_countries=["MY"])
    joined = _event(1, ["newcomer"], source_countries=["TR"])
    (merged,) = join_participants([meeting, joined], {"e1"})
    assert merged.source == ["newcomer"]


@pytest.mark.parametrize(
    ("before", "participation_status"),
    [
        pytest.param([], EventStatus.HAPPENED, id="no-meeting-before"),
        pytest.param(
            [_event(0, ["host"], ["guest"], status=EventStatus.PLANNED)],
            EventStatus.HAPPENED,
            id="only-a-planned-meeting-before",
        ),
        pytest.param(
            [_event(0, ["host"], ["guest"])], EventStatus.PLANNED, id="a-planned-participation"
        ),
        pytest.param(
            [_event(0, ["host"], ["guest"], type="SUPPORT", cameo="050")],
            EventStatus.HAPPENED,
            id="no-consultation-before",
        ),
    ],
)
def test_a_participation_with_no_meeting_to_join_stays_an_event(
    before: list[Event], participation_status: EventStatus
) -> None:
    joined = _event(1, ["newcomer"], status=participation_status)
    assert join_participants([*before, joined], {"e1"}) == [*before, joined]


def test_only_participations_join() -> None:
    events = [_event(0, ["host"], ["guest"]), _event(1, ["newcomer"])]
    assert join_participants(events, set()) == events


def test_a_participation_joins_the_last_meeting_before_it() -> None:
    first, second = _event(0, ["a"], ["b"]), _event(1, ["c"], ["d"])
    joined = _event(2, ["newcomer"])
    kept = join_participants([first, second, joined], {"e2"})
    assert kept[0] == first
    assert "newcomer" in kept[1].source + kept[1].target


def _view(text: str, named: dict[str, tuple[str, str, str | None]]) -> TextView:
    """`text` split on spaces; `named`: words -> (mention type, actor id, actor's country),
    those of the words that `text` has."""
    parsed = annotation("\n".join(f"{w} {w.lower()} X _ 0 root" for w in text.split()))
    mentions, actors = [], {}
    present = [(w, v) for w, v in named.items() if w in text.split()]
    for number, (words, (kind, actor, country)) in enumerate(present):
        start, end = span_of(parsed, words)
        mentions.append(
            Mention(
                id=f"m{number}",
                type=MentionType(kind),
                start=start,
                end=end,
                text=words,
                normal=words,
                actor=actor,
                extractor="test",
            )
        )
        kinds = {"PERSON": ActorKind.PERSON, "COUNTRY": ActorKind.COUNTRY}
        actor_kind = kinds.get(kind, ActorKind.ORGANIZATION)
        actors[actor] = Actor(id=actor, kind=actor_kind, name=words, country=country)
    record = Record(
        id="handbuilt", text=parsed.text, mentions=mentions, actors=list(actors.values())
    )
    return TextView.build(parsed, record, event_lexicon())


ENUMERATION = {
    "Латвии": ("COUNTRY", "lv", "LV"),
    "Озолсом": ("PERSON", "ozols", "LV"),
    "Эстонии": ("COUNTRY", "ee", "EE"),
    "Таммом": ("PERSON", "tamm", "EE"),
    "Литвы": ("COUNTRY", "lt", "LT"),
    "Казлаускасом": ("PERSON", "kazlauskas", "LT"),
}


def _consult(view: TextView, **fields) -> Event:
    values = {"source": ["host"], "source_countries": ["KZ"], "target": ["ozols"]}
    values.update(fields)
    return _event(0, evidence=Span(start=0, end=len(view.record.text)), **values)


@pytest.mark.parametrize(
    ("text", "partners"),
    [
        pytest.param(
            "встретился с главами МИД Латвии Озолсом , Эстонии Таммом и Литвы Казлаускасом .",
            [(["ozols"], ["LV"]), (["tamm"], ["EE"]), (["kazlauskas"], ["LT"])],
            id="each-partner-of-the-enumeration-its-own-meeting",
        ),
        pytest.param(
            "встретился с Озолсом , а также Таммом .",
            [(["ozols"], ["LV"]), (["tamm"], ["EE"])],
            id="as-well-as-continues-the-enumeration",
        ),
        pytest.param(
            "встретился с Озолсом , затем посетил Таммом .",
            [(["ozols"], [])],
            id="a-verb-ends-the-enumeration",
        ),
    ],
)
def test_an_enumeration_of_partners(text: str, partners: list) -> None:
    view = _view(text, ENUMERATION)
    split = split_enumerations(view, [_consult(view)])
    assert [(e.target, e.target_countries) for e in split] == partners
    assert [e.id for e in split] == ["e0", "e0-2", "e0-3"][: len(partners)]


def test_the_sides_taken_from_the_text_are_no_enumeration() -> None:
    view = _view("встретился с Озолсом и Таммом .", ENUMERATION)
    event = _consult(view, participants_inferred=True)
    assert split_enumerations(view, [event]) == [event]


def test_the_source_named_in_the_enumeration_is_no_partner() -> None:
    view = _view("встретился с Озолсом и Таммом .", ENUMERATION)
    event = _consult(view, source=["tamm"])
    assert split_enumerations(view, [event]) == [event]


DELEGATION = "встретился с делегацией Эстонии во главе с заместителем министра Таммом ."


@pytest.mark.parametrize(
    ("text", "fields", "target", "countries"),
    [
        pytest.param(DELEGATION, {}, ["tamm"], ["EE"], id="head-of-the-delegation-is-its-side"),
        pytest.param(
            DELEGATION,
            {"source_countries": ["EE"]},
            ["tamm"],
            [],
            id="no-country-on-both-sides",
        ),
        pytest.param(DELEGATION, {"source": ["tamm"]}, [], [], id="head-already-a-participant"),
        pytest.param(
            DELEGATION, {"participants_inferred": True}, [], [], id="sides-taken-from-the-text"
        ),
        pytest.param(DELEGATION, {"type": "SUPPORT"}, [], [], id="only-meetings"),
        pytest.param(
            "встретился с делегацией , возглавляемой " + "опытным " * 16 + "Таммом .",
            {},
            [],
            [],
            id="head-named-too-far-after",
        ),
    ],
)
def test_the_head_of_a_delegation(text: str, fields: dict, target: list, countries: list) -> None:
    view = _view(text, {"Эстонии": ("COUNTRY", "ee", "EE"), "Таммом": ("PERSON", "tamm", "EE")})
    event = _consult(view, target=[], **fields)
    (found,) = delegation_heads(view, [event])
    assert (found.target, found.target_countries) == (target, countries)
