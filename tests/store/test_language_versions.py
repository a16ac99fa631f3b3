"""The Russian, Kazakh and English versions of one release are one story (store/versions.py):
linked by day, persons (cross-script keys), countries and event types, never by text; their facts
counted once, each keeping its evidence in its own language."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pytest

from communique.record import (
    Actor,
    ActorKind,
    CountryBasis,
    DateBasis,
    DatePrecision,
    Event,
    EventDate,
    Record,
    Span,
)
from communique.store import Store
from communique.store.filters import make_filters
from communique.store.queries import run


@dataclass(frozen=True)
class Release:
    """One language version, as a reader would give it: two persons and a meeting."""

    language: str
    text: str
    host: str  # names as the version writes them
    guest: str
    trigger: str  # the word of the meeting, in the text
    guest_country: str = "MY"
    day: str = "2025-04-14"


RU = Release(
    "ru",
    "Председатель Сената Маулен Ашимбаев принял Посла Малайзии Хайрула Юсофа. "
    "Стороны обсудили развитие торговли и туризма.",
    "Маулен Ашимбаев",
    "Хайрул Юсоф",
    "принял",
)
KK = Release(
    "kk",
    "Сенат Төрағасы Мәулен Әшімбаев Малайзияның Елшісі Хайрул Юсофты қабылдады. "
    "Тараптар сауда мен туризмді дамытуды талқылады.",
    "Мәулен Әшімбаев",
    "Хайрул Юсоф",
    "қабылдады",
)
EN = Release(
    "en",
    "Senate Chairman Maulen Ashimbayev received Malaysian Ambassador Khairul Yusof. "
    "The sides discussed trade and tourism.",
    "Maulen Ashimbayev",
    "Khairul Yusof",
    "received",
)


def _record(
    release: Release, record_id: str, *, published: str | None = None, events: bool = True
) -> Record:
    text = release.text
    evidence = Span(start=0, end=text.index(".") + 1)
    at = text.index(release.trigger)
    actors = [
        Actor(id="a1", kind=ActorKind.PERSON, name=release.host, country="KZ",
              country_basis=CountryBasis.TEXT),
        Actor(id="a2", kind=ActorKind.PERSON, name=release.guest, country=release.guest_country,
              country_basis=CountryBasis.TEXT),
    ]  # fmt: skip
    meeting = Event(
        id="e1",
        type="CONSULT",
        cameo="040",
        trigger=Span(start=at, end=at + len(release.trigger)),
        trigger_text=release.trigger,
        source=["a1"],
        target=["a2"],
        source_countries=["KZ"],
        target_countries=[release.guest_country],
        date=EventDate(value=release.day, precision=DatePrecision.DAY, basis=DateBasis.TEXT),
        evidence=evidence,
        extractor="test@1",
    )
    return Record(
        id=record_id,
        language=release.language,
        text=text,
        published=published,
        home_country="KZ",
        actors=actors,
        events=[meeting] if events else [],
    )


def test_three_language_versions_are_one_story(store: Store) -> None:
    ru = store.add(_record(RU, "senate.ru"))
    kk = store.add(_record(KK, "senate.kk"))
    en = store.add(_record(EN, "senate.en"))
    assert ru.version_of is None and ru.near_duplicate_of is None
    assert kk.version_of == "senate.ru" and en.version_of == "senate.ru"
    assert ru.story_id == kk.story_id == en.story_id
    # Each version keeps its own text and evidence.
    for release, document_id in ((RU, "senate.ru"), (KK, "senate.kk"), (EN, "senate.en")):
        record = store.load(document_id)
        evidence = record.events[0].evidence
        assert record.text[evidence.start : evidence.end] == release.text.split(". ")[0] + "."
        assert release.host in record.text[evidence.start : evidence.end]


def test_facts_of_a_story_are_counted_once(store: Store) -> None:
    for release, language in ((RU, "ru"), (KK, "kk"), (EN, "en")):
        store.add(_record(release, f"senate.{language}"))
    assert len(run(store, "events", make_filters(), limit=None).rows) == 1
    every = run(store, "events", make_filters(all_sources=True), limit=None)
    assert len(every.rows) == 3
    actors = {
        row["actor_key"]: row
        for row in run(store, "actors", make_filters(all_sources=True), limit=None).dicts()
    }
    chair = actors["person:ashimbaev m@KZ"]
    assert (chair["documents"], chair["stories"]) == (3, 1)
    assert set(chair["names"]) == {"Маулен Ашимбаев", "Мәулен Әшімбаев", "Maulen Ashimbayev"}


def test_the_version_with_facts_stands_for_the_story(store: Store) -> None:
    """A version whose reader found no event does not hide the events of one that did."""
    store.add(_record(KK, "senate.kk", published="2025-04-14", events=False))
    ru = store.add(_record(RU, "senate.ru", published="2025-04-14"))
    assert ru.version_of == "senate.kk"
    first = store.backend.rows("SELECT document_id FROM stories WHERE id = ?", [ru.story_id])
    assert first == [("senate.ru",)]
    assert len(run(store, "events", make_filters(), limit=None).rows) == 1


OTHER_GUEST = Release(
    "kk",
    "Сенат Төрағасы Мәулен Әшімбаев Түркия Елшісі Мехмет Озтүркті қабылдады. "
    "Тараптар білім беру саласындағы ынтымақтастықты талқылады.",
    "Мәулен Әшімбаев",
    "Мехмет Озтүрк",
    "қабылдады",
    guest_country="TR",
)


@pytest.mark.parametrize(
    ("second", "published"),
    [
        # The same chair on the same day with another guest: another release.
        (_record(OTHER_GUEST, "turkey.kk"), (None, None)),
        # The same two people a month later: another meeting.
        (_record(replace(KK, day="2025-05-14"), "later.kk"), (None, None)),
        # Publication dates three days apart decide before the event days.
        (_record(KK, "late.kk"), ("2025-04-14", "2025-04-17")),
    ],
)
def test_different_releases_stay_apart(
    store: Store, second: Record, published: tuple[str | None, str | None]
) -> None:
    first = store.add(_record(RU, "senate.ru", published=published[0]))
    result = store.add(second.model_copy(update={"published": published[1]}))
    assert result.version_of is None
    assert result.story_id != first.story_id


def test_no_day_on_either_side_links_nothing(store: Store) -> None:
    undated = [_record(r, f"senate.{r.language}") for r in (RU, EN)]
    for record in undated:
        record.events[0].date = None
    first, second = (store.add(record) for record in undated)
    assert second.version_of is None and second.story_id != first.story_id


def test_a_story_takes_one_version_per_language(store: Store) -> None:
    """A second Russian text of the same meeting that is no near-duplicate is another release:
    it does not join the Russian version's story through the Kazakh one."""
    store.add(_record(RU, "senate.ru"))
    store.add(_record(KK, "senate.kk"))
    other = Release(
        "ru",
        "Маулен Ашимбаев и Хайрул Юсоф обсудили в Астане вопросы межпарламентского "
        "сотрудничества, встреча прошла в Сенате.",
        "Маулен Ашимбаев",
        "Хайрул Юсоф",
        "встреча",
    )
    result = store.add(_record(other, "agency.ru"))
    assert result.version_of is None and result.near_duplicate_of is None
    assert result.story_id == "agency.ru"


def test_publication_days_a_day_apart_agree(store: Store) -> None:
    store.add(_record(RU, "senate.ru", published="2025-04-14"))
    english = _record(EN, "senate.en", published="2025-04-15T09:00:00+05:00")
    english.events[0].date = None  # the English reader found no date: publication decides
    assert store.add(english).version_of == "senate.ru"


def test_versions_in_one_batch_are_linked_as_one_by_one(store: Store) -> None:
    """`add_many` writes a batch at the end of its transaction; a version still finds the
    versions before it in the batch, and a story still takes one version per language."""
    second_russian = _record(
        Release(
            "ru",
            "Маулен Ашимбаев и Хайрул Юсоф обсудили в Астане вопросы межпарламентского "
            "сотрудничества, встреча прошла в Сенате.",
            "Маулен Ашимбаев",
            "Хайрул Юсоф",
            "встреча",
        ),
        "agency.ru",
        published="2025-04-14",
    )
    kk, ru, en, other = store.add_many(
        [
            _record(KK, "senate.kk", published="2025-04-14", events=False),
            _record(RU, "senate.ru", published="2025-04-14"),
            _record(EN, "senate.en", published="2025-04-15"),
            second_russian,
        ]
    )
    assert kk.version_of is None
    assert ru.version_of == "senate.kk" and en.version_of == "senate.kk"
    assert ru.story_id == kk.story_id == en.story_id == "senate.kk"
    assert other.version_of is None and other.story_id == "agency.ru"
    # A version with the facts the Kazakh one lacks stands for the story (of two with as many
    # facts, written in one batch at one time, the first by id).
    first = store.backend.rows("SELECT document_id FROM stories WHERE id = ?", [ru.story_id])
    assert first == [("senate.en",)]
    # Counted once per story: the release's meeting and the other Russian text's.
    assert len(run(store, "events", make_filters(), limit=None).rows) == 2
