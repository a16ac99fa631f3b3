"""A stored release written for the export tests, with the facts set by hand (no models run), so
each export's coding can be checked against facts known in advance."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.record import (
    Actor,
    ActorKind,
    DateBasis,
    DatePrecision,
    Event,
    EventDate,
    EventStatus,
    Record,
    Span,
    Stage,
)
from communique.store import Target, open_store

LEAD = "Председатель Сената Казахстана Маулен Ашимбаев принял посла Румынии Иона Попеску."
NEGATED = "Стороны не подписали соглашение о торговле."
PLANNED = "Министр иностранных дел Сербии встретится с премьер-министром Косово 20 мая."
MONTH = "В марте глава МИД Сербии провёл консультации с коллегой из Косово."
TEXT = f"Фото: пресс-служба\n\n{LEAD}\n\n{NEGATED}\n{PLANNED}\n{MONTH}\n"
HOSTILE_TITLE = '=HYPERLINK("http://example.invalid","открыть")'


def _span(sentence: str) -> Span:
    start = TEXT.index(sentence)
    return Span(start=start, end=start + len(sentence))


def _event(number: int, sentence: str, trigger: str, **values: object) -> Event:
    at = TEXT.index(trigger, TEXT.index(sentence))
    base: dict[str, object] = {
        "id": f"e{number}", "trigger": Span(start=at, end=at + len(trigger)),
        "trigger_text": trigger, "evidence": _span(sentence), "extractor": "test@1",
    }  # fmt: skip
    return Event.model_validate(base | values)


def release() -> Record:
    actors = [
        Actor(id="a0", kind=ActorKind.PERSON, name="Маулен Ашимбаев",
              name_latin="Maulen Ashimbayev", country="KZ", positions=["Председатель Сената"]),
        Actor(id="a1", kind=ActorKind.PERSON, name="Ион Попеску", name_latin="Ion Popescu",
              country="RO", positions=["посол"]),
        Actor(id="a2", kind=ActorKind.PERSON, name="Марко Петрович", name_latin="Marko Petrovic",
              country="RS", positions=["министр иностранных дел"]),
        Actor(id="a3", kind=ActorKind.PERSON, name="Лира Хоти", name_latin=None, country="XK",
              positions=["премьер-министр"]),
    ]  # fmt: skip
    events = [
        _event(0, LEAD, "принял", type="CONSULT", cameo="042", cameo_name="Make a visit",
               goldstein=1.9, mode="visit", source=["a1"], target=["a0"],
               source_countries=["RO"], target_countries=["KZ"]),
        _event(1, NEGATED, "подписали", type="SUPPORT", cameo="057",
               cameo_name="Sign formal agreement", goldstein=8.0, source=["a0", "a1"],
               joint=True, source_countries=["KZ", "RO"], status=EventStatus.NEGATED),
        _event(2, PLANNED, "встретится", type="CONSULT", cameo="040", cameo_name="Consult",
               goldstein=1.0, source=["a2"], target=["a3"], source_countries=["RS"],
               target_countries=["XK"], status=EventStatus.PLANNED,
               date=EventDate(value="2025-05-20", precision=DatePrecision.DAY,
                              basis=DateBasis.RELATIVE)),
        _event(3, MONTH, "провёл", type="CONSULT", cameo="040", cameo_name="Consult",
               goldstein=1.0, source=["a2"], target=["a3"], source_countries=["RS"],
               target_countries=["XK"],
               date=EventDate(value="2025-03", precision=DatePrecision.MONTH,
                              basis=DateBasis.TEXT)),
    ]  # fmt: skip
    return Record(
        id="test-release", title=HOSTILE_TITLE, url="https://example.invalid/release",
        published="2025-03-12", source="Тестовая пресс-служба", language="ru", text=TEXT,
        actors=actors, events=events, pipeline=[Stage(name="test", version="1")],
    )  # fmt: skip


@pytest.fixture
def stored(tmp_path: Path) -> Target:
    target = Target("duckdb", str(tmp_path / "export.duckdb"))
    with open_store(target) as store:
        store.add(release())
    return target
