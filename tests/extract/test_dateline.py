"""A release's date from its dateline when its metadata gives none (extract/dateline.py)."""

from __future__ import annotations

import pytest

from communique.document import Document
from communique.extract.dateline import release_date
from communique.pipeline import Pipeline
from communique.record import DateBasis, EventStatus, PublishedBasis


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Министр принял посла\n5 марта 2025 года\nСтороны обсудили торговлю.", "ru", "2025-03-05"),
        ("Визит в Токио\n12.09.2023, 10:15\nДелегация прибыла в Токио.", "ru", "2023-09-12"),
        ("Астана, 17 июня 2024 года — Министр иностранных дел провёл встречу с послом "
         "Германии, стороны обсудили энергетику.", "ru", "2024-06-17"),
        ("Talks\n21 December 2022, 19:10\nThe minister met the envoy.", "en", "2022-12-21"),
        ("Minister meets envoy\nMarch 4, 2024\nThe sides discussed trade.", "en", "2024-03-04"),
        ("Министр елшіні қабылдады\n2024 жылғы 5 наурыз\nТараптар сауданы талқылады.", "kk",
         "2024-03-05"),
    ],
)  # fmt: skip
def test_a_date_line_at_the_top_dates_the_release(text: str, language: str, expected: str) -> None:
    assert release_date(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # A date inside a sentence of the body dates what the sentence tells, not the release.
        ("Министр принял посла. Президент 5 марта 2025 года подписал указ о назначении "
         "нового посла в Японии, сообщает пресс-служба.", "ru"),
        # A month and year, or a year alone, is no day of issue.
        ("Итоги года\nМарт 2024\nСтороны обсудили торговлю.", "ru"),
        # Without a year a dateline's day cannot be placed.
        ("Встреча в Астане\n5 марта\nСтороны обсудили торговлю.", "ru"),
        # A release is never issued after today.
        ("Планы\n5 марта 2999 года\nСтороны обсудят торговлю.", "ru"),
        # Below the top lines, a date line is part of the body.
        ("один\nдва\nтри\nчетыре\nпять\n5 марта 2025 года", "ru"),
        ("Talks\n5 марта 2025 года\nThe sides met.", "de"),
    ],
)  # fmt: skip
def test_no_release_date_where_the_top_states_none(text: str, language: str) -> None:
    assert release_date(text, language) is None


def test_a_plain_text_release_gets_its_date_from_the_text(pipeline: Pipeline) -> None:
    text = (
        "Министр иностранных дел Казахстана провёл переговоры\n"
        "14 февраля 2025 года\n"
        "Министр иностранных дел Казахстана провёл переговоры с министром иностранных дел "
        "Монголии в Астане."
    )
    record = pipeline.process(Document(id="dated-by-text", text=text, language="ru"))
    assert (record.published, record.published_basis) == ("2025-02-14", PublishedBasis.TEXT)
    # An event the text gives no date of its own takes the release's.
    happened = [e for e in record.events if e.status is EventStatus.HAPPENED]
    assert happened, record.events
    assert all(e.date is not None for e in happened)
    undated = [e for e in happened if e.date and e.date.basis is DateBasis.PUBLISHED]
    assert undated and all(e.date and e.date.value == "2025-02-14" for e in undated)


def test_a_date_given_as_metadata_wins_over_the_text(pipeline: Pipeline) -> None:
    text = "Встреча министров\n14 февраля 2025 года\nМинистры встретились в Астане."
    document = Document(id="dated-by-feed", text=text, language="ru", published="2025-02-15")
    record = pipeline.process(document)
    assert (record.published, record.published_basis) == ("2025-02-15", PublishedBasis.METADATA)
