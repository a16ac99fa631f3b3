"""What an analyst's review is and which values it may set: the kinds of fact and actions, the
fields each fact lets a review correct or add, the review's row in the trail, and the checks a
review's values pass before anything is written (store/reviews.py records them,
store/review_replay.py writes them onto the facts)."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from communique.coding.cameo import CODE_PATTERN, cameo_table, plover_vocabulary
from communique.errors import CommuniqueError
from communique.extract.topics import topic_entries
from communique.knowledge.base import COUNTRIES_FILE
from communique.knowledge.files import data_file
from communique.store.dates import date_bounds

# The kinds of fact a review can name, and their tables.
FACTS: dict[str, str] = {
    "actor": "actors",
    "occupation": "occupations",
    "event": "events",
    "agreement": "agreements",
    "commitment": "commitments",
    "topic": "topics",
    "mention": "mentions",
}
# The document itself: an analyst sets its date (`correct` with `date`), which its events that
# state none inherit. Not a fact table: its row is the document's own.
DOCUMENT = "document"
DOCUMENT_CORRECTABLE = ("date",)
ACTIONS = ("confirm", "correct", "reject", "add")
STATES = ("confirmed", "corrected", "rejected", "added")
# What a correction may change, per fact. `source`, `target` and `parties` are actors of the
# same document by name (or id), separated by commas or semicolons.
CORRECTABLE: dict[str, tuple[str, ...]] = {
    "actor": ("name", "country", "kind"),
    "occupation": ("position", "country"),
    "event": ("type", "cameo", "status", "date", "mode", "source", "target"),
    "agreement": ("title", "kind", "status", "date", "parties"),
    "commitment": ("what", "by"),
    "topic": ("label_en",),
    "mention": ("type", "normal"),
}
# Facts an analyst can add, with the fields an added one must have; any CORRECTABLE field may
# come too. `start`/`end` are the character offsets of its evidence in the text.
ADDABLE: dict[str, tuple[str, ...]] = {
    "event": ("type", "start", "end"),
    "agreement": ("title", "start", "end"),
    "actor": ("name", "kind"),
}
SPAN_FIELDS = ("start", "end")
# The columns that find a fact again after a re-extraction: where it is in the text, which no
# correction changes (an actor's span is its first mention's; the name tells apart actors with
# none).
ANCHOR: dict[str, tuple[str, ...]] = {
    "actor": ("span_start", "span_end", "name"),
    "occupation": ("title_start", "title_end", "span_start", "span_end"),
    "event": ("trigger_start", "trigger_end", "span_start", "span_end"),
    "agreement": ("span_start", "span_end", "title"),
    "commitment": ("what_start", "what_end", "span_start", "span_end"),
    "topic": ("id",),
    "mention": ("span_start", "span_end"),
}
# The column (or columns) a field's value is read from, for the trail's "before".
READ_FROM: dict[str, dict[str, str]] = {
    "event": {"date": "date_value", "source": "source_actors", "target": "target_actors"},
    "agreement": {"date": "date_value"},
    "commitment": {"by": "by_value"},
}
MAX_TEXT = 500
MAX_REASON = 2000
ADDED_BY = "review"  # the `extractor` of an added fact
DATE_PATTERN = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
KIND_PATTERN = re.compile(r"[^\W\d_][\w ,'-]{0,39}")


class ReviewError(CommuniqueError):
    """A review that cannot be taken: `http_status` 404 (no such document or fact) or 422 (a
    value of the wrong shape). Exit code 2 on the command line, as a usage error."""

    exit_code = 2

    def __init__(self, message: str, http_status: int = 422) -> None:
        super().__init__(message)
        self.http_status = http_status


@dataclass(frozen=True)
class Review:
    id: int
    document_id: str
    fact: str
    fact_id: str  # the fact as named when reviewed (for an added fact: its new id)
    action: str
    changes: dict[str, str]
    reason: str | None
    author: str
    created_at: str
    anchor: dict[str, Any]
    before: dict[str, Any]  # the reviewed fields' values before this review
    attached_to: str | None  # the fact it applies to now; None once its fact is gone

    def as_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


@dataclass(frozen=True)
class ReviewState:
    fact: str
    fact_id: str
    status: str  # confirmed, corrected, rejected, added
    values: dict[str, str] = field(default_factory=dict)  # every field set so far
    reviews: list[Review] = field(default_factory=list)  # oldest first


# --- the trail's rows ----------------------------------------------------------------------------

REVIEW_COLUMNS = (
    "id", "document_id", "fact", "fact_id", "action", "changes", "reason", "author",
    "created_at", "anchor", "before", "attached_to",
)  # fmt: skip


def review_from_row(row: tuple[Any, ...]) -> Review:
    values = dict(zip(REVIEW_COLUMNS, row, strict=True))
    for name in ("changes", "anchor", "before"):
        values[name] = json.loads(values[name])
    values["id"] = int(values["id"])
    return Review(**values)


def clean_changes(changes: Mapping[str, object]) -> dict[str, str]:
    if not isinstance(changes, Mapping):
        raise ReviewError("changes: an object of field names to values")
    clean = {}
    for name, value in changes.items():
        if not isinstance(name, str) or not re.fullmatch(r"[a-z_]{1,20}", name):
            raise ReviewError(f"changes: {str(name)[:40]!r} is no field name")
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise ReviewError(f"changes.{name}: a string")
        clean[name] = str(value).strip()
    return clean


def clean_text(value: str, name: str, limit: int = MAX_TEXT) -> str:
    value = " ".join(value.split())
    if not value:
        raise ReviewError(f"{name}: empty")
    if len(value) > limit:
        raise ReviewError(f"{name}: at most {limit} characters")
    if any(unicodedata.category(c) in ("Cc", "Cs", "Co", "Cn") for c in value):
        raise ReviewError(f"{name}: control or unassigned characters")
    return value


def check_changes(fact: str, action: str, given: dict[str, str]) -> None:
    if action in ("confirm", "reject") and given:
        raise ReviewError(f"{action} takes no changes: use correct")
    if action == "correct":
        if not given:
            raise ReviewError(f"correct needs changes: {', '.join(CORRECTABLE[fact])}")
        unknown = sorted(set(given) - set(CORRECTABLE[fact]))
        if unknown:
            raise ReviewError(
                f"{fact}: {', '.join(unknown)} cannot be corrected; "
                f"correctable: {', '.join(CORRECTABLE[fact])}"
            )


def check_document_review(action: str, given: dict[str, str]) -> str:
    """The date a review of the document itself sets (the only thing it may set)."""
    if action != "correct":
        raise ReviewError("a document's date is set with correct; nothing else reviews it")
    unknown = sorted(set(given) - set(DOCUMENT_CORRECTABLE))
    if unknown or not given.get("date"):
        raise ReviewError("document: correct takes date (YYYY, YYYY-MM or YYYY-MM-DD) only")
    checked_date(given["date"], "date")
    return given["date"]


def check_addable(fact: str, given: dict[str, str]) -> None:
    if fact not in ADDABLE:
        raise ReviewError(f"{fact}: cannot be added; addable: {', '.join(ADDABLE)}")
    missing = [name for name in ADDABLE[fact] if not given.get(name)]
    if missing:
        raise ReviewError(f"an added {fact} needs {', '.join(missing)}")
    allowed = set(CORRECTABLE[fact]) | set(ADDABLE[fact]) | set(SPAN_FIELDS)
    unknown = sorted(set(given) - allowed)
    if unknown:
        raise ReviewError(f"an added {fact} has no {', '.join(unknown)}")


@cache
def _country_codes() -> frozenset[str]:
    data = data_file(COUNTRIES_FILE)
    return frozenset(c["alpha2"] for c in data["countries"])


def plover_types() -> tuple[str, ...]:
    return cameo_table().categories()


def checked_country(value: str, name: str) -> str:
    code = value.upper()
    if code not in _country_codes():
        raise ReviewError(f"{name} {value[:20]!r}: an ISO 3166 alpha-2 code such as KZ")
    return code


def checked_choice(value: str, name: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise ReviewError(f"{name} {value[:40]!r}: one of {', '.join(allowed)}")
    return value


def checked_date(value: str, name: str) -> tuple[str, str, str, str]:
    """(value, precision, first day, last day) of an ISO date prefix."""
    bounds = date_bounds(value) if DATE_PATTERN.fullmatch(value) else None
    if bounds is None:
        raise ReviewError(f"{name} {value[:20]!r}: YYYY, YYYY-MM or YYYY-MM-DD")
    precision = {4: "year", 7: "month", 10: "day"}[len(value)]
    return value, precision, bounds[0], bounds[1]


def checked_cameo(value: str) -> Any:
    if not CODE_PATTERN.fullmatch(value) or value not in cameo_table():
        raise ReviewError(f"cameo {value[:10]!r}: a CAMEO code of the table, such as 040 or 0311")
    entry = cameo_table().code(value)
    if entry.plover is None:
        raise ReviewError(
            f"cameo {value}: the PLOVER manual drops CAMEO {entry.root} ({entry.name})"
        )
    return entry


def checked_mode(value: str, event_type: str) -> str:
    """A mode the PLOVER manual lists for the event's category."""
    allowed = plover_vocabulary().modes.get(event_type, ())
    if value not in allowed:
        listed = f"one of {', '.join(allowed)}" if allowed else "none (leave it empty)"
        raise ReviewError(f"mode {value[:30]!r}: PLOVER's modes of {event_type} are {listed}")
    return value


def checked_topic(value: str) -> Any:
    for entry in topic_entries():
        if value in (entry.id, entry.en):
            return entry
    known = ", ".join(e.id for e in topic_entries())
    raise ReviewError(f"label_en {value[:40]!r}: a topic of the vocabulary ({known})")
