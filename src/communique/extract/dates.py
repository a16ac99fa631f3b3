"""Dates as ISO prefixes: "в 2024 году" -> 2024, "5 марта" -> YYYY-03-05 of the publication year,
"вчера" -> published - 1 day. Nothing relative is resolved without a publication date."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from communique.lang.ru.words import russian_words
from communique.record import DateBasis, DatePrecision

_WORDS = russian_words("dates")
MONTHS: dict[str, int] = _WORDS["months"]
_MONTH = _WORDS["month_pattern"]
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})\s+{_MONTH}(?:\s+(\d{{4}}))?", re.IGNORECASE)
_MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+(\d{{4}})", re.IGNORECASE)
_NUMERIC = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_YEAR = re.compile(r"\b(1[89]\d{2}|2\d{3})\b")
_RELATIVE_DAYS: dict[str, int] = _WORDS["relative_days"]
_RELATIVE_YEARS: dict[str, int] = _WORDS["relative_years"]
_RELATIVE_YEAR = re.compile(
    r"\b(" + "|".join(_RELATIVE_YEARS) + r")\w*\s+" + re.escape(_WORDS["year_word"]), re.IGNORECASE
)


@dataclass(frozen=True)
class ResolvedDate:
    value: str
    precision: DatePrecision
    basis: DateBasis


def published_date(published: str | None) -> date | None:
    """The publication date of an ISO 8601 date or datetime string, or None."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def resolve_date(text: str, published: date | None) -> ResolvedDate | None:
    """The date `text` (a DATE mention) names, as precise as it is written."""
    for parser in (_numeric, _day_month, _month_year, _year, _relative_day, _relative_year):
        resolved = parser(text, published)
        if resolved is not None:
            return resolved
    return None


def _month(word: str) -> int:
    word = word.lower()
    return next(
        n for stem, n in sorted(MONTHS.items(), key=lambda i: -len(i[0])) if word.startswith(stem)
    )


def _day(year: int, month: int, day: int, basis: DateBasis) -> ResolvedDate | None:
    try:
        return ResolvedDate(date(year, month, day).isoformat(), DatePrecision.DAY, basis)
    except ValueError:
        return None


def _numeric(text: str, published: date | None) -> ResolvedDate | None:
    if match := _ISO.search(text):
        return _day(int(match[1]), int(match[2]), int(match[3]), DateBasis.TEXT)
    if match := _NUMERIC.search(text):
        return _day(int(match[3]), int(match[2]), int(match[1]), DateBasis.TEXT)
    return None


def _day_month(text: str, published: date | None) -> ResolvedDate | None:
    match = _DAY_MONTH_YEAR.search(text)
    if not match:
        return None
    if match[3]:
        return _day(int(match[3]), _month(match[2]), int(match[1]), DateBasis.TEXT)
    if published is None:
        return None
    return _day(published.year, _month(match[2]), int(match[1]), DateBasis.RELATIVE)


def _month_year(text: str, published: date | None) -> ResolvedDate | None:
    if match := _MONTH_YEAR.search(text):
        value = f"{int(match[2]):04d}-{_month(match[1]):02d}"
        return ResolvedDate(value, DatePrecision.MONTH, DateBasis.TEXT)
    return None


def _year(text: str, published: date | None) -> ResolvedDate | None:
    if match := _YEAR.search(text):
        return ResolvedDate(match[1], DatePrecision.YEAR, DateBasis.TEXT)
    return None


def _relative_day(text: str, published: date | None) -> ResolvedDate | None:
    if published is None:
        return None
    words = re.findall(r"\w+", text.lower())
    offset = next((_RELATIVE_DAYS[w] for w in words if w in _RELATIVE_DAYS), None)
    if offset is None:
        return None
    day = published + timedelta(days=offset)
    return ResolvedDate(day.isoformat(), DatePrecision.DAY, DateBasis.RELATIVE)


def _relative_year(text: str, published: date | None) -> ResolvedDate | None:
    if published is None:
        return None
    if match := _RELATIVE_YEAR.search(text):
        stem = next(s for s in _RELATIVE_YEARS if match[1].lower().startswith(s))
        year = published.year + _RELATIVE_YEARS[stem]
        return ResolvedDate(str(year), DatePrecision.YEAR, DateBasis.RELATIVE)
    return None
