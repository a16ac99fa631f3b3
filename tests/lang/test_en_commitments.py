"""English commitments (`lang/en/commitments.py`): what an AGREE event undertakes, its kind, who
and by when; a side's planned act as its intent. Texts written for these tests."""

from __future__ import annotations

from communique.document import Document
from communique.lang.en.read import read_english
from communique.record import Commitment, Record


def _read(text: str) -> Record:
    return read_english(Document(id="en-commitments", text=text, published="2026-03-03"))


def _names(record: Record, ids: list[str]) -> set[str]:
    return {actor.name.split()[-1] for a in ids if (actor := record.actor_by_id(a))}


def _by_kind(record: Record) -> dict[str, list[Commitment]]:
    found: dict[str, list[Commitment]] = {}
    for commitment in record.commitments:
        found.setdefault(commitment.kind, []).append(commitment)
    return found


def test_an_agreed_step_is_the_verbs_complement_with_its_deadline() -> None:
    record = _read(
        "Foreign Minister of Norway Ola Hansen met with Minister of Foreign Affairs of Chile "
        "Pablo Rojas in Oslo. Hansen and Rojas agreed to hold the next round of political "
        "consultations in Santiago next year."
    )
    (step,) = _by_kind(record)["agreed_step"]
    assert step.what == "to hold the next round of political consultations in Santiago next year"
    assert record.text[step.what_span.start : step.what_span.end] == step.what
    assert _names(record, step.who) == {"Hansen", "Rojas"}
    assert step.by is not None and step.by.value == "2027"
    event = next(e for e in record.events if e.id == step.event)
    assert event.type == "AGREE"


def test_an_invitation_names_the_invited_and_the_visit_is_not_counted_again() -> None:
    record = _read(
        "President of Chile Rui Mendes invited President of Finland Mikko Laine to pay a state "
        "visit to Chile."
    )
    kinds = _by_kind(record)
    (invitation,) = kinds["invitation"]
    assert _names(record, invitation.who) == {"Mendes"}
    assert _names(record, invitation.to) == {"Laine"}
    assert invitation.what.endswith("to pay a state visit to Chile")
    assert "intent" not in kinds  # the visit the invitation states


def test_readiness_and_a_planned_visit_are_intents_a_refusal_is_none() -> None:
    record = _read(
        "Minister of Energy of Norway Ola Hansen held talks with Minister of Mines of Chile Pablo "
        "Rojas. Rojas expressed readiness to open a trade office in Oslo. Hansen will visit "
        "Santiago in the autumn. The sides did not agree to lower the tariffs on salmon."
    )
    intents = _by_kind(record)["intent"]
    assert [c.what for c in intents] == [
        "to open a trade office in Oslo",
        "visit Santiago in the autumn",
    ]
    assert [_names(record, c.who) for c in intents] == [{"Rojas"}, {"Hansen"}]
    assert all("tariffs" not in c.what for c in record.commitments)
