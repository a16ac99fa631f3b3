"""ISO date prefixes (YYYY, YYYY-MM, YYYY-MM-DD) as the first and last day they cover.

Stored facts keep both ends as `YYYY-MM-DD` text, so a date range filter is two string comparisons
that every backend does the same way, whatever the precision of the stated date.
"""

from __future__ import annotations

import calendar
import re

_PREFIX = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def date_bounds(value: str | None) -> tuple[str, str] | None:
    """("2024-03-01", "2024-03-31") for "2024-03"; None if `value` starts with no valid date.

    A longer value ("2024-03-05T10:00:00+05:00") is read by its date part.
    """
    if not value:
        return None
    match = _PREFIX.match(value.strip())
    if not match:
        return None
    year, month, day = match.groups()
    y = int(year)
    if y < 1:
        return None
    if month is None:
        return f"{year}-01-01", f"{year}-12-31"
    m = int(month)
    if not 1 <= m <= 12:
        return None
    last = calendar.monthrange(y, m)[1]
    if day is None:
        return f"{year}-{month}-01", f"{year}-{month}-{last:02d}"
    if not 1 <= int(day) <= last:
        return None
    return f"{year}-{month}-{day}", f"{year}-{month}-{day}"


def parse_user_date(value: str) -> tuple[str, str]:
    """A --since/--until value; raises ValueError with a message for anything but an ISO date."""
    bounds = date_bounds(value) if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value.strip()) else None
    if bounds is None:
        raise ValueError(f"{value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    return bounds
