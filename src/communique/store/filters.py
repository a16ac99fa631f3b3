"""Query filters: checked and normalised from user input, then turned into parameterised SQL.

Every value a user gives reaches the database as a parameter; the SQL text is built only from
this module's own fragments. Values are also checked for shape first, so a mistyped filter is
an error that says what is expected rather than an empty answer.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from communique.record import ActorKind
from communique.store.dates import parse_user_date

MAX_TEXT = 200  # an actor name or a search phrase longer than this is no name or phrase
_COUNTRY = re.compile(r"[A-Za-z]{2}")
_PLOVER = re.compile(r"[A-Za-z_]{2,24}")
_CAMEO = re.compile(r"\d{2,4}")
_LANGUAGE = re.compile(r"[A-Za-z]{2}")
_TOPIC = re.compile(r"[\w ,&'-]{1,80}")


class FilterError(ValueError):
    """A filter value of the wrong shape: the message says which and what is expected."""


@dataclass(frozen=True)
class Filters:
    countries: tuple[str, ...] = ()  # one: involved; two: the pair, both involved
    actor: str | None = None
    event_type: str | None = None
    cameo: str | None = None
    topic: str | None = None
    since: str | None = None  # YYYY-MM-DD, first day of what the user gave
    until: str | None = None  # YYYY-MM-DD, last day of what the user gave
    status: str | None = None
    kind: str | None = None  # an actor's kind: person, organization, country...
    source: str | None = None  # the publisher (documents.source), as stored
    language: str | None = None  # the document's ISO 639-1 code
    undated: bool = False  # only what has no date at all: what a date filter leaves out
    all_sources: bool = False  # every re-publication, not only each story's first document
    include_rejected: bool = False  # facts an analyst rejected (store/reviews.py), marked so
    # events whose sides the text does not state with them, taken from elsewhere in it
    # (Event.participants_inferred): left out of lists, pairs and exports unless asked for
    include_inferred: bool = False

    def given(self) -> set[str]:
        """Names of the filters that are set, as the CLI spells them."""
        names = {
            "--country": bool(self.countries),
            "--actor": self.actor is not None,
            "--type": self.event_type is not None,
            "--cameo": self.cameo is not None,
            "--topic": self.topic is not None,
            "--since": self.since is not None,
            "--until": self.until is not None,
            "--status": self.status is not None,
            "--kind": self.kind is not None,
            "--source": self.source is not None,
            "--language": self.language is not None,
            "--undated": self.undated,
        }
        return {name for name, on in names.items() if on}


def make_filters(
    *,
    countries: Sequence[str] = (),
    actor: str | None = None,
    event_type: str | None = None,
    cameo: str | None = None,
    topic: str | None = None,
    since: str | None = None,
    until: str | None = None,
    status: str | None = None,
    kind: str | None = None,
    source: str | None = None,
    language: str | None = None,
    undated: bool = False,
    all_sources: bool = False,
    include_rejected: bool = False,
    include_inferred: bool = False,
) -> Filters:
    """Filters from raw option values. Raises FilterError for a value of the wrong shape, and for
    a country or topic that names none the knowledge base knows."""
    codes = [code for value in countries for code in country_codes(value)]
    if len(codes) > 2:
        raise FilterError("--country: one country, or two for a pair (KZ-MN)")
    first, last = _date(since, "--since", 0), _date(until, "--until", 1)
    if first and last and first > last:
        raise FilterError(f"--since {since} is after --until {until}")
    if undated and (first or last):
        raise FilterError("--undated keeps what has no date: it takes no --since or --until")
    return Filters(
        countries=tuple(dict.fromkeys(code.upper() for code in codes)),
        actor=_text(actor, "--actor"),
        event_type=_shaped(event_type, _PLOVER, "--type", "a PLOVER type such as CONSULT").upper()
        if event_type
        else None,
        cameo=_shaped(cameo, _CAMEO, "--cameo", "2 to 4 digits, a CAMEO code or its root")
        if cameo
        else None,
        topic=topic_id(_shaped(topic, _TOPIC, "--topic", "a topic id or name")) if topic else None,
        since=first,
        until=last,
        status=status.strip().lower() if status else None,
        kind=_actor_kind(kind) if kind else None,
        source=_text(source, "--source") if source else None,
        language=_shaped(
            language, _LANGUAGE, "--language", "an ISO 639-1 code such as ru, kk, en"
        ).lower()
        if language
        else None,
        undated=undated,
        all_sources=all_sources,
        include_rejected=include_rejected,
        include_inferred=include_inferred,
    )


def country_codes(value: str) -> list[str]:
    """The countries one --country value names: an ISO code or a name in Russian (any case
    form), Kazakh or English ("KZ", "Казахстана", "Қазақстан", "Kazakhstan"), or a pair of them
    ("KZ-MN", "KZ,MN", "Казахстан - Монголия"). FilterError for a value that names no country."""
    value = value.strip()
    if not value:
        return []
    whole = _country(value)
    if whole:
        return [whole]
    parts = [part for part in re.split(r"\s*[,/]\s*|\s+-\s+|-", value) if part.strip()]
    if len(parts) < 2:  # codes given with spaces: "KZ MN"
        parts = value.split()
    found = [_country(part.strip()) for part in parts]
    unknown = [part for part, code in zip(parts, found, strict=True) if code is None]
    if len(parts) < 2 or unknown:
        named = unknown[0] if len(parts) >= 2 else value
        raise FilterError(
            f"--country {named[:80]!r}: no such country; give an ISO 3166 alpha-2 code (KZ) or a "
            "name in Russian, Kazakh or English"
        )
    return [code for code in found if code]


def _country(text: str) -> str | None:
    """The alpha-2 code of the country `text` names (a code or a name), None if none."""
    from communique.knowledge import Knowledge  # the morphology loads on the first name only

    if _COUNTRY.fullmatch(text):
        try:
            return Knowledge.load().country(text).alpha2
        except KeyError:
            return None
    if len(text) > MAX_TEXT or any(unicodedata.category(char) == "Cc" for char in text):
        return None
    found = Knowledge.load().country_by_name(text)
    return found.alpha2 if found else None


def topic_id(text: str) -> str:
    """The id of the topic `text` names: its id, or its name in English, Russian or Kazakh, in
    any letter case. FilterError for a topic the vocabulary does not have."""
    from communique.extract.topics import topic_entries

    wanted = " ".join(text.split()).casefold()
    for entry in topic_entries():
        if wanted in {entry.id.casefold(), entry.en.casefold(), entry.ru.casefold(),
                      entry.kk.casefold()}:  # fmt: skip
            return entry.id
    raise FilterError(
        f"--topic {text[:80]!r}: no such topic; give a topic's id or its name in English, "
        "Russian or Kazakh (the topics list shows them)"
    )


def _actor_kind(value: str) -> str:
    kinds = [kind.value for kind in ActorKind]
    wanted = value.strip().lower()
    if wanted not in kinds:
        raise FilterError(f"--kind {value[:40]!r}: an actor is a {', '.join(kinds)}")
    return wanted


def _text(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    return checked_text(value, option, MAX_TEXT)


def checked_text(value: str, what: str, longest: int) -> str:
    """Free text for a substring match: 1 to `longest` printable characters. Control characters
    are refused (PostgreSQL cannot even hold a NUL), not matched."""
    value = value.strip()
    if not value or len(value) > longest:
        raise FilterError(f"{what}: expected 1 to {longest} characters")
    if any(unicodedata.category(char) == "Cc" for char in value):
        raise FilterError(f"{what}: control characters are not allowed")
    return value


def _shaped(value: str, pattern: re.Pattern[str], option: str, expected: str) -> str:
    value = value.strip()
    if not pattern.fullmatch(value):
        raise FilterError(f"{option} {value!r}: expected {expected}")
    return value


def _date(value: str | None, option: str, end: int) -> str | None:
    if value is None:
        return None
    try:
        return parse_user_date(value)[end]
    except ValueError as error:
        raise FilterError(f"{option}: {error}") from None


@dataclass
class Where:
    """AND-ed SQL conditions with their parameters, in order."""

    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def sql(self) -> str:
        return " AND ".join(self.clauses) if self.clauses else "TRUE"


def contains(column: str) -> str:
    """Case-insensitive substring test, as a condition taking one parameter (the lowered text).
    strpos rather than LIKE: the user's % and _ are then plain characters, nothing to escape."""
    return f"strpos(lower({column}), ?) > 0"


def first_of_story(document: str) -> str:
    """The document `document` (an alias) is its story's first: facts are then counted once per
    story, not once per re-publication."""
    return (
        f"EXISTS (SELECT 1 FROM stories st WHERE st.id = {document}.story_id "
        f"AND st.document_id = {document}.id)"
    )


def has_country(fact: str, fact_alias: str, document: str) -> str:
    """One parameter, the country code. `fact` is a literal of this module (event, agreement...)."""
    return (
        "EXISTS (SELECT 1 FROM fact_countries fc WHERE fc.document_id = "
        f"{document}.id AND fc.fact = '{fact}' AND fc.fact_id = {fact_alias}.id AND fc.country = ?)"
    )


def names_actor(actor_lists: Sequence[str], document: str) -> str:
    """An actor whose name, Latin name or knowledge-base id contains the parameter is in one of the
    JSON id lists `actor_lists` (columns): three parameters, all the lowered text."""
    in_lists = " OR ".join(f"strpos({column}, '\"' || a.id || '\"') > 0" for column in actor_lists)
    return (
        f"EXISTS (SELECT 1 FROM actors a WHERE a.document_id = {document}.id AND "
        f"({contains('a.name')} OR {contains('a.name_latin')} OR {contains('a.kb_id')}) "
        f"AND ({in_lists}))"
    )


def not_rejected(fact: str) -> str:
    """The fact row `fact` (an alias) has not been rejected by an analyst (store/reviews.py)."""
    return f"({fact}.review IS NULL OR {fact}.review <> 'rejected')"


def document_topic(document: str) -> str:
    """The document names the topic (id or English label): two parameters, the lowered topic."""
    return (
        f"EXISTS (SELECT 1 FROM topics t WHERE t.document_id = {document}.id AND "
        f"(lower(t.id) = ? OR lower(t.label_en) = ?))"
    )


def event_topic(event: str) -> str:
    """The event is about the topic (id or English label): two parameters, the lowered topic."""
    return (
        "EXISTS (SELECT 1 FROM event_topics et JOIN topics t ON t.document_id = et.document_id "
        f"AND t.id = et.topic_id WHERE et.document_id = {event}.document_id AND "
        f"et.event_id = {event}.id AND (lower(t.id) = ? OR lower(t.label_en) = ?))"
    )


def in_dates(first: str, last: str, filters: Filters, where: Where) -> None:
    """Keep facts whose date span [first, last] (SQL expressions) meets --since/--until, or with
    --undated those with no date at all; and, as every list's rows come from documents `d`, the
    documents' --source and --language."""
    if filters.source:
        where.add("d.source = ?", filters.source)
    if filters.language:
        where.add("d.language = ?", filters.language)
    if filters.undated:
        where.add(f"{first} IS NULL")
    if filters.since:
        where.add(f"{last} >= ?", filters.since)
    if filters.until:
        where.add(f"{first} <= ?", filters.until)
