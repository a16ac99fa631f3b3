"""One case per way a date is written (extract/dates.py): its value, precision and basis.

Sentences are written for these tests; the publication date is a fixed Monday."""

from __future__ import annotations

from datetime import date

import pytest

from communique.extract.dates import resolve_date

PUBLISHED = date(2025, 3, 10)


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        pytest.param("опубликовано 2024-11-05", ("2024-11-05", "day", "text"), id="iso-date"),
        pytest.param("от 07.09.2023", ("2023-09-07", "day", "text"), id="day-month-year-dotted"),
        pytest.param("5 марта 2024 года", ("2024-03-05", "day", "text"), id="month-named-in-full"),
        pytest.param("5 мая 2024 года", ("2024-05-05", "day", "text"), id="may-not-read-as-march"),
        pytest.param("5 Марта 2024", ("2024-03-05", "day", "text"), id="capitalised-month"),
        pytest.param("12 июля", ("2025-07-12", "day", "relative"), id="day-without-year"),
        pytest.param("в мае 2024 года", ("2024-05", "month", "text"), id="month-and-year"),
        pytest.param("в октябре 2021", ("2021-10", "month", "text"), id="month-zero-padded"),
        pytest.param("в 1812 году", ("1812", "year", "text"), id="nineteenth-century-year"),
        pytest.param("в 2030 году", ("2030", "year", "text"), id="future-year"),
        pytest.param("позавчера", ("2025-03-08", "day", "relative"), id="day-before-yesterday"),
        pytest.param("вчера", ("2025-03-09", "day", "relative"), id="yesterday"),
        pytest.param("сегодня", ("2025-03-10", "day", "relative"), id="today"),
        pytest.param("завтра", ("2025-03-11", "day", "relative"), id="tomorrow"),
        pytest.param("послезавтра", ("2025-03-12", "day", "relative"), id="day-after-tomorrow"),
        pytest.param("в минувшем году", ("2024", "year", "relative"), id="last-year"),
        pytest.param("в текущем году", ("2025", "year", "relative"), id="this-year"),
        pytest.param("в этом году", ("2025", "year", "relative"), id="this-year-demonstrative"),
        pytest.param("в предстоящем году", ("2026", "year", "relative"), id="coming-year"),
        pytest.param("31.02.2024", ("2024", "year", "text"), id="impossible-day-keeps-the-year"),
        pytest.param(
            "31 февраля 2024 года", ("2024-02", "month", "text"), id="impossible-day-keeps-month"
        ),
        pytest.param(
            "с 2023-01-15 по 20.02.2023", ("2023-01-15", "day", "text"), id="iso-before-dotted"
        ),
    ],
)
def test_a_written_date(text: str, stated: tuple[str, str, str]) -> None:
    resolved = resolve_date(text, PUBLISHED)
    assert resolved is not None, text
    assert (resolved.value, resolved.precision, resolved.basis) == stated


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("в 1700 году", id="year-before-1800"),
        pytest.param("номер 20245", id="five-digit-number"),
        pytest.param("5.3.24", id="two-digit-year"),
        pytest.param("в ближайшее время", id="no-date-word"),
        pytest.param("вчерашний", id="word-only-beginning-like-yesterday"),
    ],
)
def test_no_date(text: str) -> None:
    assert resolve_date(text, PUBLISHED) is None


def test_a_day_without_year_takes_the_publication_year_not_today() -> None:
    resolved = resolve_date("3 января", date(2019, 12, 30))
    assert resolved is not None and resolved.value == "2019-01-03"
