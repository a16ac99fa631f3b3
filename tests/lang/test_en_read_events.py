"""English events, agreements, topics and dates read by `read_english`, on texts written for
these tests (invented officials of real states)."""

from __future__ import annotations

from datetime import date

import pytest

from communique.document import Document
from communique.lang.en.dates import resolve_english_date
from communique.lang.en.read import read_english
from communique.record import AgreementStatus, Event, EventStatus, Record


def _read(text: str) -> Record:
    return read_english(Document(id="en-events", text=text))


def _surnames(record: Record, actor_ids: list[str]) -> set[str]:
    return {actor.name.split()[-1] for a in actor_ids if (actor := record.actor_by_id(a))}


def _consults(record: Record) -> list[Event]:
    return [e for e in record.events if e.type == "CONSULT"]


def _sides(record: Record, event: Event) -> set[str]:
    return _surnames(record, event.source + event.target)


def test_meeting_with_its_two_sides() -> None:
    record = _read(
        "OSLO, March 4, 2025 – Foreign Minister of Norway Ola Hansen met with Minister of "
        "Foreign Affairs of Chile Pablo Rojas.\n\n"
        "During the meeting, the sides discussed trade and cooperation in renewable energy."
    )
    meetings = _consults(record)
    assert len(meetings) == 1  # the discussion is the same meeting
    meeting = meetings[0]
    assert _sides(record, meeting) == {"Hansen", "Rojas"}
    assert set(meeting.source_countries + meeting.target_countries) == {"NO", "CL"}
    assert meeting.mode != "phone"
    assert meeting.status is EventStatus.HAPPENED
    assert meeting.more_evidence  # the second sentence backs it
    assert {"trade", "energy"} <= set(meeting.topics)
    assert meeting.date is not None and meeting.date.value == "2025-03-04"


def test_telephone_conversation_and_its_subject_is_no_side() -> None:
    record = _read(
        "President of Finland Mikko Laine held a telephone conversation with President of "
        "Portugal Rui Costa. The presidents discussed the situation in Afghanistan."
    )
    meetings = _consults(record)
    assert len(meetings) == 1
    assert meetings[0].mode == "phone"
    assert _sides(record, meetings[0]) == {"Laine", "Costa"}
    countries = {c for e in record.events for c in e.source_countries + e.target_countries}
    assert "AF" not in countries


def test_received_by_in_the_passive() -> None:
    record = _read(
        "Foreign Minister of Norway Ola Hansen was received by President of Chile Ana Rojas."
    )
    meeting = _consults(record)[0]
    assert meeting.cameo == "042"  # the guest's visit: the guest is the source
    assert _surnames(record, meeting.source) == {"Hansen"}
    assert _surnames(record, meeting.target) == {"Rojas"}


def test_a_list_of_partners_is_one_meeting_each() -> None:
    record = _read(
        "On the sidelines of the forum, Foreign Minister of Norway Ola Hansen met with the "
        "Foreign Ministers of Chile, Carlos Mendoza, and Peru, Luis Vargas."
    )
    pairs = sorted(sorted(_sides(record, e)) for e in _consults(record))
    assert pairs == [["Hansen", "Mendoza"], ["Hansen", "Vargas"]]


def test_invitation_to_visit_is_a_planned_visit_of_the_invited() -> None:
    record = _read(
        "President of Finland Mikko Laine met with President of Portugal Rui Costa. "
        "Laine invited Costa to pay an official visit to Helsinki next year."
    )
    planned = [e for e in _consults(record) if e.status is EventStatus.PLANNED]
    assert len(planned) == 1
    assert planned[0].mode == "visit"
    assert "Costa" in _surnames(record, planned[0].source)
    assert "FI" in planned[0].target_countries
    held = [e for e in _consults(record) if e.status is not EventStatus.PLANNED]
    assert len(held) == 1 and _sides(record, held[0]) == {"Laine", "Costa"}


def test_talks_between_two_named_sides() -> None:
    record = _read(
        "Talks between Foreign Minister of Norway Ola Hansen and Foreign Minister of Chile "
        "Pablo Rojas took place in Oslo."
    )
    assert _sides(record, _consults(record)[0]) == {"Hansen", "Rojas"}


def test_agreements_and_their_status() -> None:
    record = _read(
        "Following the talks, the ministers signed a Memorandum of Understanding on Cooperation "
        "in Tourism. The sides noted that the Agreement on Air Services has not been signed yet. "
        "They also noted that the Treaty on Friendship, signed in March 2019, remains the basis "
        "of relations. The ministers discussed the preparation of an agreement on visa "
        "facilitation."
    )
    found = {a.title: a for a in record.agreements}
    assert set(found) == {
        "Memorandum of Understanding on Cooperation in Tourism",
        "Agreement on Air Services",
        "Treaty on Friendship",
        "agreement on visa facilitation",
    }
    assert found["Memorandum of Understanding on Cooperation in Tourism"].status is (
        AgreementStatus.SIGNED
    )
    assert found["Agreement on Air Services"].status is AgreementStatus.PLANNED
    treaty = found["Treaty on Friendship"]
    assert treaty.status is AgreementStatus.SIGNED
    assert treaty.date is not None and treaty.date.value == "2019-03"
    assert found["agreement on visa facilitation"].status is AgreementStatus.UNDER_NEGOTIATION
    assert found["agreement on visa facilitation"].unnamed


def test_ratification_still_ahead_is_planned() -> None:
    record = _read(
        "The minister stressed the importance of the early ratification of the Convention on "
        "Legal Assistance."
    )
    assert [(a.title, a.status) for a in record.agreements] == [
        ("Convention on Legal Assistance", AgreementStatus.PLANNED)
    ]


def test_agreements_reached_are_no_document() -> None:
    record = _read("Both delegations reviewed how the agreements reached earlier are carried out.")
    assert record.agreements == []


def test_topics_with_their_words() -> None:
    record = _read(
        "The sides discussed cooperation in agriculture, the supply of grain and joint "
        "university programmes."
    )
    topics = {t.id: [e.text for e in t.evidence] for t in record.topics}
    assert topics["agriculture"] == ["agriculture", "grain"]
    assert topics["education_science"] == ["university"]
    assert "trade" not in topics


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("February 11, 2025", "2025-02-11"),
        ("11 February 2025", "2025-02-11"),
        ("April 2024", "2024-04"),
        ("in April last year", "2024-04"),
        ("next year", "2026"),
        ("yesterday", "2025-02-10"),
        ("in 2023", "2023"),
    ],
)
def test_english_dates(text: str, value: str) -> None:
    resolved = resolve_english_date(text, date(2025, 2, 11))
    assert resolved is not None and resolved.value == value


def test_relative_date_needs_a_publication_date() -> None:
    assert resolve_english_date("last year", None) is None
    assert resolve_english_date("the weather", date(2025, 2, 11)) is None


def test_words_that_only_start_like_a_topic_are_none() -> None:
    record = _read(
        "The minister stressed the importance of investment in Norway's economy and the "
        "traditionally warm relations. The sides discussed the situation in the Sahel."
    )
    topics = {t.id for t in record.topics}
    assert "investment" in topics
    assert "international_agenda" in topics
    assert not topics & {"trade", "economy", "culture_humanitarian"}


def test_both_described_sides_of_a_planned_meeting() -> None:
    record = _read(
        "Foreign Minister of Norway Ola Hansen met with Foreign Minister of Chile Carlos "
        "Mendoza. The Norwegian minister and his Chilean counterpart agreed to hold the next "
        "round of consultations in Santiago."
    )
    planned = [e for e in _consults(record) if e.status is EventStatus.PLANNED]
    assert len(planned) == 1
    assert _sides(record, planned[0]) == {"Hansen", "Mendoza"}


def test_event_date_is_a_date_of_time_not_a_period_in_a_title() -> None:
    record = _read(
        "On 5 March 2024, President of Finland Mikko Laine met with President of Portugal Rui "
        "Costa. The ministers signed a Roadmap for Trade Cooperation for 2025-2027."
    )
    meeting = _consults(record)[0]
    assert meeting.date is not None and meeting.date.value == "2024-03-05"
    signing = next(e for e in record.events if e.trigger_text == "signed")
    assert signing.date is None or not signing.date.value.startswith("2025")


def test_relative_date_against_the_publication_date() -> None:
    record = read_english(
        Document(
            id="en-dated",
            published="2025-06-10",
            text="President of Finland Mikko Laine will visit Portugal in October this year.",
        )
    )
    visit = _consults(record)[0]
    assert visit.status is EventStatus.PLANNED
    assert visit.date is not None and visit.date.value == "2025-10"


def test_no_dateline_agency_place_or_credit_as_a_side() -> None:
    record = _read(
        "Laine and Almeida discuss trade\n\n"
        "LISBON (Kazinform) – President of Finland Mikko Laine met with President of Portugal "
        "Rui Almeida in Lisbon.\n\nPhoto: Akorda press service"
    )
    sides = {a for e in _consults(record) for a in e.source + e.target}
    kinds = {actor.kind.value for a in sides if (actor := record.actor_by_id(a))}
    assert kinds == {"person"}
    assert {s for e in _consults(record) for s in _sides(record, e)} == {"Laine", "Almeida"}


def test_the_sides_of_a_text_naming_no_person_are_its_two_states() -> None:
    record = _read(
        "Trade between Latvia and Ecuador grew last year, and Latvia hopes to export more to "
        "Ecuador. The parties discussed customs procedures."
    )
    (discussion,) = _consults(record)
    assert discussion.participants_inferred
    assert set(discussion.source_countries + discussion.target_countries) == {"LV", "EC"}


def test_a_headline_restating_the_meeting_of_two_states_is_that_meeting() -> None:
    record = _read(
        "Latvia and Chile hold political consultations in Riga\n\n"
        "Deputy Foreign Minister of Latvia Janis Berzins met with Deputy Foreign Minister of "
        "Chile Pablo Rojas in Riga. The sides discussed trade and education."
    )
    (meeting,) = _consults(record)
    assert _sides(record, meeting) == {"Berzins", "Rojas"}
    assert (meeting.source_countries, meeting.target_countries) == (["LV"], ["CL"])
    assert len(meeting.more_evidence) == 2  # the headline and the discussion


def test_those_who_attended_the_meeting_join_it() -> None:
    record = _read(
        "ASTANA, May 5, 2026 – Chairman of the Senate Nurlan Abdirov met with Speaker of the "
        "Parliament of Latvia Janis Ozols. Ambassador of Latvia to Kazakhstan Inga Berzina also "
        "attended the meeting. The meeting was also attended by Senator Aliya Nurova.\n\n"
        "In the evening, Ozols took part in a forum of young entrepreneurs."
    )
    held = [e for e in _consults(record) if e.status is EventStatus.HAPPENED]
    meeting = next(e for e in held if "Ozols" in _surnames(record, e.target))
    assert _surnames(record, meeting.source) == {"Abdirov", "Nurova"}
    assert _surnames(record, meeting.target) == {"Ozols", "Berzina"}
    assert len(meeting.more_evidence) == 2
    assert len(held) == 2  # a forum is no meeting of the two: its participation stays apart


def test_a_partner_after_a_long_apposition_is_a_side_of_the_meeting() -> None:
    # the small parser hangs "and Senator Paolo Ricci" on "met", not on the first partner
    record = _read(
        "The Kazakh delegation met with Sophie Marchand, chair of the Italy–Central Asia "
        "friendship group of the Italian Senate, and Senator Paolo Ricci."
    )
    targets = [_surnames(record, event.target) for event in _consults(record)]
    assert any("Ricci" in found for found in targets), targets


def test_a_meeting_with_a_partner_under_both_sides_as_subject() -> None:
    record = _read(
        "SANTIAGO – Foreign Minister of Kazakhstan Arman Issetov arrived in Santiago on Monday."
        "\n\nAt the meeting with Minister of Foreign Affairs of Chile Pablo Rojas, the sides "
        "discussed copper mining and air links."
    )
    meetings = _consults(record)
    assert [_surnames(record, event.source) for event in meetings] == [{"Issetov"}]
    assert [_surnames(record, event.target) for event in meetings] == [{"Rojas"}]


def test_the_invited_take_part_on_the_inviters_side() -> None:
    record = _read(
        "President of Chile Rui Mendes held talks with President of Finland Mikko Laine. "
        "Mendes invited Laine to take part in the Santiago Climate Forum in November."
    )
    planned = [e for e in _consults(record) if e.status is EventStatus.PLANNED]
    assert [(_surnames(record, e.source), _surnames(record, e.target)) for e in planned] == [
        ({"Laine"}, {"Mendes"})
    ]


def test_the_leaders_are_both_sides_not_the_one_a_title_finds() -> None:
    record = _read(
        "President of Chile Rui Mendes held a telephone conversation with President of Finland "
        "Mikko Laine. The leaders agreed to continue their dialogue at the summit in Rome."
    )
    agreed = [e for e in record.events if e.type == "AGREE"]
    assert [_surnames(record, e.source + e.target) for e in agreed] == [{"Mendes", "Laine"}]
