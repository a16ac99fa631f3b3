"""Events as rows of the GDELT 2.0 Event table: 61 tab-separated fields, no header.

GDELT codes one event per actor pair and per article cluster; a Communique event has lists of
actors and a story. The first source and first target become Actor1 and Actor2, the story's
number of documents fills NumMentions/NumSources/NumArticles, and what GDELT has that Communique
does not (actor type codes, tone, geocoding, FIPS country codes) is left empty.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date as Date
from typing import Any

from communique.export.countries import alpha3

COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor{n}{field}" for n in (1, 2) for field in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
        "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
    )),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{geo}_{field}" for geo in ("Actor1Geo", "Actor2Geo", "ActionGeo") for field in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID",
    )),
    "DATEADDED", "SOURCEURL",
)  # fmt: skip


def quad_class(cameo: str) -> int:
    """CAMEO root to GDELT's QuadClass: 1 verbal cooperation (01-05), 2 material cooperation
    (06-09), 3 verbal conflict (10-14), 4 material conflict (15-20)."""
    root = int(cameo[:2])
    return 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4


def event_id(document_id: str, event: str) -> int:
    """A stable integer id (GDELT's are integers): 60 bits of a hash of document and event."""
    digest = hashlib.sha256(f"{document_id}/{event}".encode()).hexdigest()
    return int(digest[:15], 16)


def gdelt_row(row: dict[str, Any]) -> list[str]:
    sources, targets = row["source"], row["target"]
    source_countries, target_countries = row["source_countries"], row["target_countries"]
    if row["joint"] and not targets and len(sources) > 1:
        sources, targets = sources[:1], sources[1:2]
        source_countries, target_countries = source_countries[:1], source_countries[1:2]
    day = _day(row)
    a1 = alpha3(source_countries[0]) if source_countries else None
    a2 = alpha3(target_countries[0]) if target_countries else None
    values: dict[str, Any] = dict.fromkeys(COLUMNS, "")
    values.update(
        GLOBALEVENTID=event_id(row["document_id"], row["event_id"]),
        Actor1Code=a1 or "", Actor1Name=(sources[0] if sources else "").upper(),
        Actor1CountryCode=a1 or "",
        Actor2Code=a2 or "", Actor2Name=(targets[0] if targets else "").upper(),
        Actor2CountryCode=a2 or "",
        IsRootEvent=0, EventCode=row["cameo"], EventBaseCode=row["cameo"][:3],
        EventRootCode=row["cameo"][:2], QuadClass=quad_class(row["cameo"]),
        GoldsteinScale="" if row["goldstein"] is None else row["goldstein"],
        NumMentions=row["sources"], NumSources=row["sources"], NumArticles=row["sources"],
        DATEADDED=re.sub(r"\D", "", row.get("stored_at") or "")[:14],
        SOURCEURL=row["url"] or "",
    )  # fmt: skip
    if day:
        values.update(
            SQLDATE=day.strftime("%Y%m%d"),
            MonthYear=day.strftime("%Y%m"),
            Year=day.year,
            FractionDate=f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}",
        )
    return [_clean(values[c]) for c in COLUMNS]


def _day(row: dict[str, Any]) -> Date | None:
    """The release's date (GDELT dates events by their article), else the event's first day."""
    for value in (row.get("published"), row.get("date")):
        if value and len(value) >= 10:
            try:
                return Date.fromisoformat(value[:10])
            except ValueError:
                continue
    return None


def _clean(value: Any) -> str:
    # Tabs and newlines would break the TSV; GDELT fields never contain them.
    return " ".join(str(value).split()) if value is not None else ""
