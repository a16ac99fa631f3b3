"""Kazakh dates as ISO prefixes, with the span that states them.

Kazakh writes the year first and inflects only the last word of the date: «2024 жылғы 5
наурызда» (the year in the attributive -ғы, the month in the locative), «2024 жылдың наурыз
айында» (in March of 2024), «2024 жылы» (in 2024). A day and month alone («5 наурызда»), a month
alone («наурыз айында») and the relative words («өткен жылдың сәуір айында», «биыл», «кеше») take
the publication date; nothing relative is resolved without one. Month names and relative words
are data (`data/dates.json`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from communique.extract.dates import ResolvedDate
from communique.knowledge.files import read_data
from communique.record import DateBasis, DatePrecision

DATES_FILE = Path(__file__).parent / "data" / "dates.json"


@dataclass(frozen=True)
class KazakhDate:
    start: int
    end: int
    text: str
    resolved: ResolvedDate


@dataclass(frozen=True)
class _Patterns:
    months: dict[str, int]
    relative_years: dict[str, int]
    relative_year_words: dict[str, int]
    relative_days: dict[str, int]
    rules: tuple[tuple[str, re.Pattern[str]], ...]  # (kind, pattern), the most precise first


def _alternation(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[arg-type]


@cache
def _patterns(path: Path = DATES_FILE) -> _Patterns:
    data = read_data(path)
    month = rf"(?P<month>{_alternation(data['months'])})\w*"
    # «2024 жылғы», «2024 жылдың» lead into a day or month; «2024 жылы» is a year of its own.
    of_year = r"(?P<year>\d{4})\s*(?:ж\.|жыл(?:ғы|дың))"
    year = r"(?P<year>\d{4})\s*(?:ж\.|жыл(?:ғы|дың|ы|да)?)"
    relative = rf"(?P<relative>{_alternation(data['relative_years'])})\s+жыл(?:ғы|дың|ы)?"
    day = r"(?P<day>\d{1,2})"
    rules = (
        ("year_day", rf"{of_year}\s+{day}\s+{month}"),
        ("day", rf"{day}\s+{month}"),
        ("year_month", rf"{of_year}\s+{month}(?:\s+ай\w*)?"),
        ("relative_month", rf"{relative}\s+{month}(?:\s+ай\w*)?"),
        ("month", rf"{month}\s+ай(?:ында|ы|да)"),
        ("year", rf"{year}(?!\S*\s*[–-]\s*\d)"),
        ("relative_year", relative),
        ("relative_year_word", rf"(?P<word>{_alternation(data['relative_year_words'])})"),
        ("relative_day", rf"(?P<days>{_alternation(data['relative_days'])})"),
    )
    return _Patterns(
        months=data["months"],
        relative_years=data["relative_years"],
        relative_year_words=data["relative_year_words"],
        relative_days=data["relative_days"],
        rules=tuple(
            (kind, re.compile(rf"(?<!\w){pattern}(?!\w)", re.IGNORECASE)) for kind, pattern in rules
        ),
    )


def find_dates(text: str, published: date | None) -> list[KazakhDate]:
    """Every date the text states that can be resolved, in text order, none overlapping."""
    patterns = _patterns()
    taken: list[tuple[int, int]] = []
    found = []
    for kind, pattern in patterns.rules:
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            resolved = _resolve(kind, match, patterns, published)
            if resolved is not None:
                taken.append((match.start(), match.end()))
                found.append(KazakhDate(match.start(), match.end(), match[0], resolved))
    return sorted(found, key=lambda d: d.start)


def _resolve(
    kind: str, match: re.Match[str], patterns: _Patterns, published: date | None
) -> ResolvedDate | None:
    groups = match.groupdict()
    month = patterns.months[groups["month"].lower()] if groups.get("month") else 0
    if kind == "year_day":
        return _day(int(groups["year"]), month, int(groups["day"]), DateBasis.TEXT)
    if kind == "year_month":
        return ResolvedDate(f"{groups['year']}-{month:02d}", DatePrecision.MONTH, DateBasis.TEXT)
    if kind == "year":
        return ResolvedDate(groups["year"], DatePrecision.YEAR, DateBasis.TEXT)
    if published is None:
        return None
    if kind == "day":
        return _day(published.year, month, int(groups["day"]), DateBasis.RELATIVE)
    if kind in ("relative_month", "month"):
        shift = patterns.relative_years[groups["relative"].lower()] if groups.get("relative") else 0
        value = f"{published.year + shift}-{month:02d}"
        return ResolvedDate(value, DatePrecision.MONTH, DateBasis.RELATIVE)
    if kind in ("relative_year", "relative_year_word"):
        shift = (
            patterns.relative_years[groups["relative"].lower()]
            if kind == "relative_year"
            else patterns.relative_year_words[groups["word"].lower()]
        )
        return ResolvedDate(str(published.year + shift), DatePrecision.YEAR, DateBasis.RELATIVE)
    day = published + timedelta(days=patterns.relative_days[groups["days"].lower()])
    return ResolvedDate(day.isoformat(), DatePrecision.DAY, DateBasis.RELATIVE)


def _day(year: int, month: int, day: int, basis: DateBasis) -> ResolvedDate | None:
    try:
        return ResolvedDate(date(year, month, day).isoformat(), DatePrecision.DAY, basis)
    except ValueError:
        return None
