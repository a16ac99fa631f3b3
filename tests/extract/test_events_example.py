"""The founding release's events, agreements, commitments and topics (expected.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.record import Record

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "senate-kz-mongolia.ru.txt"


@pytest.fixture(scope="module")
def release(extract) -> Record:
    return extract(SAMPLE.read_text(encoding="utf-8"), id="senate", published="2025-05-20")


def _actor(record: Record, latin: str) -> str:
    return next(a.id for a in record.actors if a.name_latin and latin in a.name_latin)


def test_tokayev_2024_visit_is_a_past_consult(release: Record) -> None:
    tokayev = _actor(release, "Tokayev")
    visit = next(e for e in release.events if e.cameo == "042")
    assert visit.source == [tokayev]
    assert visit.target_countries == ["MN"]
    assert visit.date is not None and visit.date.value == "2024"  # not the release's date
    assert visit.status == "reported"
    assert visit.reported_by == _actor(release, "Ashimbayev")


def test_2024_documents_signed_kz_mn(release: Record) -> None:
    signing = next(e for e in release.events if e.cameo == "057")
    assert signing.date is not None and signing.date.value == "2024"
    assert set(signing.source_countries + signing.target_countries) == {"KZ", "MN"}


def test_joint_declaration_is_a_signed_agreement(release: Record) -> None:
    declaration = next(a for a in release.agreements if a.kind == "declaration")
    assert declaration.title == "Совместная декларация об установлении стратегического партнерства"
    assert declaration.status == "signed"
    assert set(declaration.countries) == {"KZ", "MN"}
    assert declaration.date is not None and declaration.date.value == "2024"
    assert not declaration.unnamed
    unnamed = next(a for a in release.agreements if a.kind == "agreement")
    assert unnamed.unnamed and unnamed.status == "signed"


def test_the_meeting_is_between_the_two_speakers(release: Record) -> None:
    ashimbayev = _actor(release, "Ashimbayev")
    amarbayasgalan = _actor(release, "Amarbayasgalan")
    # one meeting, one event: «стороны обозначили», «обсуждены задачи», «состоялся обмен
    # мнениями» describe the same meeting and are its further evidence, not meetings of their own
    (meeting,) = [e for e in release.events if e.type == "CONSULT" and e.cameo == "040"]
    assert (meeting.source, meeting.target) == ([ashimbayev], [amarbayasgalan])
    assert meeting.date and meeting.date.value == "2025-05-20"
    more = [release.text[s.start : s.end] for s in meeting.more_evidence]
    assert any("стороны обозначили" in t for t in more)
    assert any(t.startswith("Обсуждены задачи") for t in more)


def test_support_and_agree_events(release: Record) -> None:
    ashimbayev = _actor(release, "Ashimbayev")
    amarbayasgalan = _actor(release, "Amarbayasgalan")
    supports = [(e.trigger_text, e.source) for e in release.events if e.cameo == "051"]
    assert ("поздравил", [ashimbayev]) in supports
    assert ("оценил", [amarbayasgalan]) in supports
    assert sum(1 for _, s in supports if s == [amarbayasgalan]) == 2  # praised, thanked ("Он")
    khural = next(a.id for a in release.actors if a.kb_id == "mn-state-great-khural")
    senate = next(a.id for a in release.actors if a.kb_id == "kz-senate")
    interest = next(e for e in release.events if e.trigger_text == "заинтересованы")
    assert (interest.type, interest.source, interest.target) == ("AGREE", [senate], [khural])
    assert any(c.event == interest.id and c.kind == "intent" for c in release.commitments)


def test_cooperation_topics(release: Record) -> None:
    topics = {t.id for t in release.topics}
    assert {
        "interparliamentary",
        "religion_spiritual",
        "trade",
        "investment",
        "sustainable_development",
        "agriculture",
        "mining_metallurgy",
        "digital_technologies",
        "space",
        "international_agenda",
        "legislation",
    } <= topics
    space = next(t for t in release.topics if t.id == "space")
    assert space.label_kk == "Ғарыш" and space.events
    assert release.text[space.evidence[0].span.start : space.evidence[0].span.end] == "космоса"


def test_schema_version(release: Record) -> None:
    assert release.schema_version == "1.1"
