"""Dates as ISO prefixes, relative ones resolved against the publication date only."""

from __future__ import annotations

from datetime import date

import pytest

from communique.extract.dates import published_date, resolve_date

PUBLISHED = date(2025, 3, 10)


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("В 2024 году", "2024", "year"),
        ("5 мая 2023 года", "2023-05-05", "day"),
        ("в марте 2024 года", "2024-03", "month"),
        ("05.03.2024", "2024-03-05", "day"),
        ("вчера", "2025-03-09", "day"),
        ("12 мая", "2025-05-12", "day"),
        ("в следующем году", "2026", "year"),
        ("в прошлом году", "2024", "year"),
    ],
)
def test_resolved(text: str, value: str, precision: str) -> None:
    resolved = resolve_date(text, PUBLISHED)
    assert resolved is not None
    assert (resolved.value, resolved.precision) == (value, precision)


@pytest.mark.parametrize("text", ["вчера", "12 мая", "в прошлом году", "сегодня"])
def test_relative_dates_need_a_publication_date(text: str) -> None:
    assert resolve_date(text, None) is None


def test_stated_year_needs_no_publication_date() -> None:
    resolved = resolve_date("в 2024 году", None)
    assert resolved is not None and resolved.value == "2024"


def test_published_date_reads_datetimes() -> None:
    assert published_date("2025-03-10T12:00:00+05:00") == PUBLISHED
    assert published_date("not a date") is None
    assert published_date(None) is None
