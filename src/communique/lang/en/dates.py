"""English dates as ISO prefixes, from the text of a DATE entity: "February 11, 2025" and "11
February 2025" -> 2025-02-11, "April 2024" -> 2024-04, "in 2023" -> 2023, "last year" and "in April
last year" against the publication date. Month names and relative words are data
(`data/dates_en.json`); nothing relative is resolved without a publication date."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from spacy.tokens import Span as SpacySpan

from communique.extract.dates import ResolvedDate
from communique.record import DateBasis, DatePrecision

DATES_EN_FILE = Path(__file__).parent / "data" / "dates_en.json"
_YEAR = r"(1[89]\d{2}|2\d{3})"


class _Words:
    def __init__(self, data: dict[str, Any]) -> None:
        self.months = data["months"]
        self.relative_days = data["relative_days"]
        self.relative_years = data["relative_years"]
        month = "(" + "|".join(sorted(self.months, key=len, reverse=True)) + r")\.?"
        self.month_day_year = re.compile(
            rf"\b{month}\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+{_YEAR})?\b", re.I
        )
        self.day_month_year = re.compile(
            rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{month}(?:,?\s+{_YEAR})?\b", re.I
        )
        self.month_year = re.compile(rf"\b{month}(?:\s+of)?,?\s+{_YEAR}\b", re.I)
        self.month_relative_year = re.compile(
            rf"\b{month}\s+(?:of\s+)?(" + "|".join(self.relative_years) + r")\s+year\b", re.I
        )
        self.relative_year = re.compile(
            r"\b(" + "|".join(self.relative_years) + r")\s+year\b", re.I
        )
        self.year = re.compile(rf"\b{_YEAR}\b")
        self.time_prepositions = frozenset(data["time_prepositions"])


@cache
def _words() -> _Words:
    return _Words(json.loads(DATES_EN_FILE.read_text(encoding="utf-8")))


def _day(year: int, month: int, day: int, basis: DateBasis) -> ResolvedDate | None:
    try:
        return ResolvedDate(date(year, month, day).isoformat(), DatePrecision.DAY, basis)
    except ValueError:
        return None


def resolve_english_date(text: str, published: date | None) -> ResolvedDate | None:
    """The date an English date phrase names, as precise as it is written, or None."""
    words = _words()
    for pattern, day_first in ((words.month_day_year, False), (words.day_month_year, True)):
        if match := pattern.search(text):
            day, month = (match[1], match[2]) if day_first else (match[2], match[1])
            if match[3]:
                return _day(int(match[3]), words.months[month.lower()], int(day), DateBasis.TEXT)
            if published is not None:
                month_number = words.months[month.lower()]
                return _day(published.year, month_number, int(day), DateBasis.RELATIVE)
            return None
    if match := words.month_year.search(text):
        value = f"{int(match[2]):04d}-{words.months[match[1].lower()]:02d}"
        return ResolvedDate(value, DatePrecision.MONTH, DateBasis.TEXT)
    if published is not None and (match := words.month_relative_year.search(text)):
        year = published.year + words.relative_years[match[2].lower()]
        value = f"{year:04d}-{words.months[match[1].lower()]:02d}"
        return ResolvedDate(value, DatePrecision.MONTH, DateBasis.RELATIVE)
    if match := words.year.search(text):
        return ResolvedDate(match[1], DatePrecision.YEAR, DateBasis.TEXT)
    if published is None:
        return None
    lowered = re.findall(r"\w+", text.lower())
    offset = next((words.relative_days[w] for w in lowered if w in words.relative_days), None)
    if offset is not None:
        day = published + timedelta(days=offset)
        return ResolvedDate(day.isoformat(), DatePrecision.DAY, DateBasis.RELATIVE)
    if match := words.relative_year.search(text):
        year = published.year + words.relative_years[match[1].lower()]
        return ResolvedDate(str(year), DatePrecision.YEAR, DateBasis.RELATIVE)
    return None


def sets_time(date_entity: SpacySpan) -> bool:
    """A date that says when something happens: a bare one ("signed today", "on Monday") or one
    after a preposition of time ("in April"); not a period named in a title ("for 2025-2027")."""
    root = date_entity.root
    if root.dep_ != "pobj":
        return True
    return root.head.lower_ in _words().time_prepositions
