"""A release's own date, read from its text when its metadata gives none.

A press release states when it was issued at its top: a line of its own («5 марта 2025 года»,
«21 December 2022, 19:10», «2024 жылғы 5 наурыз») or a dateline before the lead, cut off by a
dash («Астана, 5 марта 2025 года — Президент ...»). Only such a short line or lead-in, among the
first lines, is read, and only a whole date (day, month and year) counts: a date inside a
sentence of the body is the date of what it tells, not of the release.

Each language reads its dates where its date words live (`extract/dates.py` for Russian,
`lang/kk/dates.py`, `lang/en/dates.py`); this module only decides where the release's date is.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from importlib import import_module

from communique.extract.dates import ResolvedDate, resolve_date
from communique.record import DateBasis, DatePrecision

# The stage's version: a change to how a release is dated makes `reprocess` read stored ones again.
DATELINE = "extract.dateline@0.1.0"
# The first lines of a release hold its headline, its dateline and the start of its lead.
TOP_LINES = 5
# A line of its own that states the date, with a place, a time or an agency beside it.
DATE_LINE_LENGTH = 80
# The lead-in of a longer line before the dash that starts the lead («Астана, 5 марта 2025 —»).
DATELINE_LENGTH = 60
_LEAD_DASH = re.compile(r"\s[-–—]\s|\s/")

# A function that reads a whole date out of a short piece of text, without a publication date to
# resolve relative ones against.
DateReader = Callable[[str], ResolvedDate | None]


def _russian(text: str) -> ResolvedDate | None:
    return resolve_date(text, None)


def _kazakh(text: str) -> ResolvedDate | None:
    find_dates = import_module("communique.lang.kk.dates").find_dates
    return next((found.resolved for found in find_dates(text, None)), None)


def _english(text: str) -> ResolvedDate | None:
    resolved: ResolvedDate | None = import_module("communique.lang.en.dates").resolve_english_date(
        text, None
    )
    return resolved


# By ISO 639-1 code; a text of no clear language is read as Russian, as the pipeline does.
DATE_READERS: dict[str, DateReader] = {"ru": _russian, "kk": _kazakh, "en": _english}


def release_date(text: str, language: str | None) -> str | None:
    """The date (YYYY-MM-DD) the release states at its top, or None."""
    read = DATE_READERS.get(language or "ru")
    if read is None:
        return None
    lines = [line.strip() for line in text.splitlines() if line.strip()][:TOP_LINES]
    for line in lines:
        for piece in _pieces(line):
            resolved = read(piece)
            if resolved is not None and _whole_day(resolved):
                return resolved.value
    return None


def _pieces(line: str) -> list[str]:
    """The parts of a top line that may be a dateline: the line when it is short, else its
    lead-in before the first dash."""
    if len(line) <= DATE_LINE_LENGTH:
        return [line]
    lead_in = _LEAD_DASH.split(line, maxsplit=1)[0]
    return [lead_in] if len(lead_in) <= DATELINE_LENGTH and lead_in != line else []


def _whole_day(resolved: ResolvedDate) -> bool:
    if resolved.precision is not DatePrecision.DAY:
        return False
    # A date stated with its year; a release is never dated after today.
    return resolved.basis is DateBasis.TEXT and resolved.value <= date.today().isoformat()
