"""The one Event builder every language's reader calls: coding, mode, countries, topics and the
date of an act, from what the reader found (parts built by hand)."""

from __future__ import annotations

from datetime import date

import pytest

from communique.extract.dates import ResolvedDate
from communique.extract.event_build import EventParts, build_event, event_date
from communique.extract.topics import TopicHit
from communique.record import (
    Actor,
    ActorKind,
    DateBasis,
    DatePrecision,
    EventStatus,
    Record,
    Span,
)

TEXT = "Minister Ola Hansen met Ambassador Rui Costa and envoy Lin Wei to discuss trade. Energy."


def _record() -> Record:
    people = [("hansen", "NO"), ("costa", "PT"), ("lin", "CN"), ("nobody", None)]
    actors = [Actor(id=i, kind=ActorKind.PERSON, name=i, country=c) for i, c in people]
    return Record(id="d", text=TEXT, actors=actors)


def _parts(target: list[str], **changes: object) -> EventParts:
    parts = EventParts(
        plover="CONSULT",
        cameo="040",
        mode=None,
        trigger=Span(start=20, end=23),
        source=["hansen"],
        target=target,
        status=EventStatus.HAPPENED,
        date=None,
        evidence=Span(start=0, end=81),
        hits=[TopicHit("trade", 75, 80), TopicHit("energy", 82, 88)],
    )
    for name, value in changes.items():
        setattr(parts, name, value)
    return parts


def test_the_event_carries_its_code_trigger_countries_and_topics() -> None:
    event = build_event(_record(), _parts(["costa", "nobody"]), "e3", "test@1")
    assert (event.id, event.type, event.cameo, event.extractor) == (
        "e3",
        "CONSULT",
        "040",
        "test@1",
    )
    assert event.cameo_name and event.goldstein is not None
    assert event.trigger_text == "met"
    assert (event.source_countries, event.target_countries) == (["NO"], ["PT"])
    assert event.topics == ["trade"]  # "Energy." is outside the evidence
    assert event.mode is None


@pytest.mark.parametrize(
    ("target", "changes", "mode"),
    [
        pytest.param(["costa", "lin"], {}, "multilateral", id="three-states"),
        pytest.param(["costa", "lin"], {"mode": "phone"}, "phone", id="a-call-of-three-states"),
        pytest.param(["costa"], {"mode": "visit"}, "visit", id="two-states-keep-the-mode"),
        pytest.param(["costa", "lin"], {"plover": "AGREE"}, None, id="no-contact"),
        pytest.param(["costa"], {"cameo": "044"}, "third-party", id="third-location"),
    ],
)
def test_the_mode_of_a_contact(target: list[str], changes: dict[str, object], mode: str) -> None:
    assert build_event(_record(), _parts(target, **changes), "e0", "t").mode == mode


def test_countries_the_reader_knows_are_kept() -> None:
    parts = _parts(["nobody"], target_countries=["KZ"])
    event = build_event(_record(), parts, "e0", "t")
    assert event.target_countries == ["KZ"]


def test_the_date_of_an_act() -> None:
    stated = ResolvedDate("2025-03-04", DatePrecision.DAY, DateBasis.TEXT)
    span = Span(start=5, end=15)
    found = event_date(stated, span, EventStatus.PLANNED, date(2025, 3, 1))
    assert found is not None and (found.value, found.span) == ("2025-03-04", span)
    published = event_date(None, None, EventStatus.HAPPENED, date(2025, 3, 1))
    assert published is not None
    assert (published.value, published.basis) == ("2025-03-01", DateBasis.PUBLISHED)
    assert event_date(None, None, EventStatus.PLANNED, date(2025, 3, 1)) is None
    assert event_date(None, None, EventStatus.HAPPENED, None) is None
