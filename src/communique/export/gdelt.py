"""Events as rows of the GDELT 2.0 Event table: 61 tab-separated fields, no header.

GDELT codes one event per actor pair; a Communique event has lists of actors. The first source
and first target become Actor1 and Actor2 (a joint act with no target: its first two
participants). What GDELT has that Communique does not (tone, geocoding, religion and ethnic
codes) is 0 or empty as GDELT writes unknowns; docs/store.md lists it.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date as Date
from typing import Any

from communique.coding import CameoCode, cameo_table
from communique.export.actors import CodedActor, code_actor
from communique.nlp.translit import transliterate

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
# GDELT writes 0, not an empty field, for an unknown tone and an ungeocoded actor or action.
_ZERO_WHEN_UNKNOWN = ("AvgTone", "Actor1Geo_Type", "Actor2Geo_Type", "ActionGeo_Type")
# A negated event did not happen; GDELT has no field to say so, so it is never a row.
STATUSES = ("happened", "reported", "planned")


def quad_class(cameo: str) -> int:
    """CAMEO root to GDELT's QuadClass: 1 verbal cooperation (01-05), 2 material cooperation
    (06-09), 3 verbal conflict (10-14), 4 material conflict (15-20)."""
    root = int(cameo[:2])
    return 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4


def event_id(document_id: str, event: str) -> int:
    """A stable integer id (GDELT's are integers): 60 bits of a hash of document and event."""
    digest = hashlib.sha256(f"{document_id}/{event}".encode()).hexdigest()
    return int(digest[:15], 16)


def fraction_date(day: Date) -> str:
    """YYYY.FFFF with FFFF = ((MONTH - 1) * 30 + DAY) / 365: the codebook's "percentage of the
    year completed by that day", as real GDELT rows compute it. (The codebook's formula text,
    (MONTH * 30 + DAY) / 365, would pass 1.0 in December; its stated range is 0 to 0.9999.)"""
    return f"{day.year + ((day.month - 1) * 30 + day.day) / 365:.4f}"


def event_code(row: dict[str, Any]) -> CameoCode | None:
    """The CAMEO code a row is written with: its own, or for a planned event the intent (03)
    code of the same meaning; None for a planned event CAMEO has no intent code for."""
    code = cameo_table().code(row["cameo"])
    if row["status"] != "planned":
        return code
    future = cameo_table().future(row["type"])
    if future is None:
        return None
    return future[1] or code


def gdelt_row(row: dict[str, Any], details: dict[str, Any]) -> list[str] | None:
    """The 61 fields of an events-table row with its `queries.event_details`; None for an event
    GDELT cannot state (negated, or planned with no CAMEO intent code)."""
    code = event_code(row) if row["status"] in STATUSES else None
    if code is None:
        return None
    sources = [code_actor(a) for a in details["source"]]
    targets = [code_actor(a) for a in details["target"]]
    if row["joint"] and not targets and len(sources) > 1:
        sources, targets = sources[:1], sources[1:2]
    day, _ = dated(details, row.get("stored_at"))
    values: dict[str, Any] = dict.fromkeys(COLUMNS, "")
    values |= dict.fromkeys(_ZERO_WHEN_UNKNOWN, 0)
    values |= _actor_fields(1, sources[0] if sources else None)
    values |= _actor_fields(2, targets[0] if targets else None)
    values.update(
        GLOBALEVENTID=event_id(row["document_id"], row["event_id"]),
        SQLDATE=day.strftime("%Y%m%d"), MonthYear=day.strftime("%Y%m"), Year=day.year,
        FractionDate=fraction_date(day),
        IsRootEvent=1 if details["in_lead"] else 0,
        EventCode=code.code, EventBaseCode=code.base, EventRootCode=code.root,
        QuadClass=quad_class(code.code), GoldsteinScale=code.goldstein,
        NumMentions=row["sources"], NumSources=row["sources"], NumArticles=row["sources"],
        DATEADDED=re.sub(r"\D", "", str(row.get("stored_at") or ""))[:14],
        SOURCEURL=row["url"] or f"communique:{row['document_id']}",
    )  # fmt: skip
    return [_clean(values[c]) for c in COLUMNS]


def dated(details: dict[str, Any], stored_at: Any = None) -> tuple[Date, str]:
    """The day an export gives an event, and how it was found: `text` (the day the text gives),
    `published` (the release's date), `period` (the first day of the month or year the text
    gives, for a release with no date), `stored` (the day it was stored). GDELT's SQLDATE and
    PLOVER's date are never blank."""
    value, precision = details["date_value"], details["date_precision"]
    if precision == "day" and value:
        return Date.fromisoformat(value[:10]), "text"
    published = _day(details["published_date"])
    if published:
        return published, "published"
    if value:
        year, month = int(value[:4]), int(value[5:7]) if len(value) >= 7 else 1
        return Date(year, month, 1), "period"
    return _day(stored_at) or Date.today(), "stored"


def _day(value: Any) -> Date | None:
    text = value.isoformat() if hasattr(value, "isoformat") else value
    if not text or len(text) < 10:
        return None
    try:
        return Date.fromisoformat(text[:10])
    except ValueError:
        return None


def _actor_fields(number: int, actor: CodedActor | None) -> dict[str, Any]:
    if actor is None:
        return {}
    prefix = f"Actor{number}"
    roles = list(actor.cameo_roles[:3])
    fields: dict[str, Any] = {
        f"{prefix}Code": actor.cameo_code,
        f"{prefix}Name": (actor.name_latin or transliterate(actor.name)).upper(),
        f"{prefix}CountryCode": actor.cameo_country or "",
    }
    for position, role in enumerate(roles, start=1):
        fields[f"{prefix}Type{position}Code"] = role
    return fields


def _clean(value: Any) -> str:
    # Tabs and newlines would break the TSV; GDELT fields never contain them.
    return " ".join(str(value).split()) if value is not None else ""
