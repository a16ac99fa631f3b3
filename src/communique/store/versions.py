"""The language versions of one release: one story across Russian, Kazakh and English.

Kazakh state bodies publish a release in Kazakh, Russian and English on the same day. Text
similarity (near_duplicates.py) cannot see that two texts in different languages tell one story,
so a version is recognised by what its record says, which the readers of every language give in
the same terms: the day, the persons (their cross-script `actor_key`), the countries and the event
types. The publisher's country is not compared: a reader that finds no dateline takes the most
named country instead. A new document is a version of a stored one when:

- their languages differ, and the stored one's story has no document in the new one's language
  yet (a second text in one language is another release, or a near-duplicate found before);
- a day is known for both and agrees: the publication dates, a day or less apart (the English
  version often follows the next day), or else a day on which one of their events took place;
  with no day on either side, nothing is linked: the same two people meet many times a year;
- they name a common person (by the surname in the `actor_key`: readers of different languages
  do not always find a person's country or first name), and where both name two or more, a
  second common person or mostly the same countries (two, and half of those either names): the
  chair of the Senate is in several releases a day, with a different counterpart each time;
- their countries and their event types overlap, where both sides name some.

Of several candidates, the one sharing the largest part of the persons, then of the countries,
then of the event types wins.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from communique.record import ActorKind, DatePrecision, Record
from communique.store.backends import Backend
from communique.store.dates import date_bounds
from communique.store.rows import key_of

# Publication dates of two versions may be this many days apart.
PUBLICATION_LAG_DAYS = 1
# Candidates looked at per new document: the latest documents sharing a person with it.
MAX_CANDIDATES = 50


@dataclass(frozen=True)
class VersionPrint:
    """What a document's record says that does not depend on its language."""

    language: str | None
    published: str | None  # the publication day, when the document gives one to the day
    persons: frozenset[str]  # actor keys without their country: `person:tokaev k`
    countries: frozenset[str]
    event_types: frozenset[str]
    event_days: frozenset[str]


def _day(value: str | None) -> str | None:
    bounds = date_bounds(value)
    return bounds[0] if bounds and bounds[0] == bounds[1] else None


def record_print(record: Record) -> VersionPrint:
    countries = {a.country for a in record.actors if a.country}
    for event in record.events:
        countries.update(event.source_countries, event.target_countries)
    return VersionPrint(
        language=record.language,
        published=_day(record.published),
        persons=frozenset(_named(key_of(a)) for a in record.actors if a.kind is ActorKind.PERSON),
        countries=frozenset(countries),
        event_types=frozenset(event.type for event in record.events),
        event_days=frozenset(
            e.date.value
            for e in record.events
            if e.date is not None and e.date.precision is DatePrecision.DAY
        ),
    )


def _named(key: str) -> str:
    """A person's key without its initial and country: `person:tokaev`. The readers of the
    three languages do not always find a person's country or first name, and the day, the other
    persons and the countries already tell one release from another."""
    return key.split("@", 1)[0].split(" ", 1)[0]


def _similarity(first: frozenset[str], second: frozenset[str]) -> float:
    """Jaccard: what the two share of what either has."""
    return len(first & second) / len(first | second) if first or second else 0.0


def _mostly_shared(first: frozenset[str], second: frozenset[str]) -> bool:
    """At least two in common (every release of a ministry names its own country), and half of
    what either has."""
    return len(first & second) >= 2 and _similarity(first, second) >= 0.5


def _overlap(first: frozenset[str], second: frozenset[str]) -> bool:
    """Both empty or either empty says nothing; otherwise they must share something."""
    return not first or not second or bool(first & second)


def _days_agree(new: VersionPrint, old: VersionPrint) -> bool:
    if new.published and old.published:
        lag = date.fromisoformat(new.published) - date.fromisoformat(old.published)
        return abs(lag.days) <= PUBLICATION_LAG_DAYS
    return bool(new.event_days & old.event_days)


def is_version(new: VersionPrint, old: VersionPrint) -> bool:
    """Whether `new` and `old` are two language versions of one release (module docstring)."""
    if not new.language or not old.language or new.language == old.language:
        return False
    if not _days_agree(new, old):
        return False
    shared = len(new.persons & old.persons)
    alone = len(new.persons) < 2 or len(old.persons) < 2
    return (
        (shared >= 2 or (shared == 1 and (alone or _mostly_shared(new.countries, old.countries))))
        and _overlap(new.countries, old.countries)
        and _overlap(new.event_types, old.event_types)
    )


def version_score(new: VersionPrint, old: VersionPrint) -> tuple[float, float, float]:
    return (
        _similarity(new.persons, old.persons),
        _similarity(new.countries, old.countries),
        _similarity(new.event_types, old.event_types),
    )


def find_version(backend: Backend, new: VersionPrint) -> str | None:
    """The story of a stored language version of the document printed `new` (record_print), if
    one is stored (see the module's docstring); None when there is none, or it names no person
    or no day."""
    days = _day_condition(new)
    if not new.language or not new.persons or days is None:
        return None
    # Keys starting with a surname; stored_print then keeps those of that surname exactly.
    keys = sorted(new.persons)
    found = " OR ".join(["strpos(a.actor_key, ?) = 1"] * len(keys))
    candidates = backend.rows(
        "SELECT d.id, d.story_id FROM documents d "
        f"WHERE d.language IS NOT NULL AND d.language <> ? AND ({days[0]}) "
        "AND EXISTS (SELECT 1 FROM actors a "
        f"WHERE a.document_id = d.id AND a.kind = 'person' AND ({found})) "
        "AND NOT EXISTS (SELECT 1 FROM documents same WHERE same.story_id = d.story_id "
        "AND same.language = ?) "
        f"ORDER BY d.stored_at DESC, d.id LIMIT {MAX_CANDIDATES}",
        [new.language, *days[1], *keys, new.language],
    )
    best: tuple[tuple[float, float, float], str] | None = None
    for document_id, story_id in candidates:
        old = stored_print(backend, document_id)
        if is_version(new, old) and (best is None or version_score(new, old) > best[0]):
            best = (version_score(new, old), str(story_id))
    return best[1] if best else None


def _day_condition(new: VersionPrint) -> tuple[str, list[str]] | None:
    """SQL on documents `d` keeping those a day of `new` may agree with (`_days_agree` decides),
    with its parameters; None when `new` has no day."""
    conditions: list[str] = []
    values: list[str] = []
    if new.published:
        day = date.fromisoformat(new.published)
        lag = timedelta(days=PUBLICATION_LAG_DAYS)
        conditions.append("d.published_date BETWEEN ? AND ?")
        values += [(day - lag).isoformat(), (day + lag).isoformat()]
    if new.event_days:
        marks = ", ".join("?" * len(new.event_days))
        conditions.append(
            "EXISTS (SELECT 1 FROM events e WHERE e.document_id = d.id "
            f"AND e.date_value IN ({marks}))"
        )
        values += sorted(new.event_days)
    return (" OR ".join(conditions), values) if conditions else None


def stored_print(backend: Backend, document_id: str) -> VersionPrint:
    language, published = backend.rows(
        "SELECT language, published FROM documents WHERE id = ?", [document_id]
    )[0]
    actors = backend.rows(
        "SELECT kind, actor_key, country FROM actors WHERE document_id = ?", [document_id]
    )
    events = backend.rows(
        "SELECT type, source_countries, target_countries, date_value, date_precision "
        "FROM events WHERE document_id = ?",
        [document_id],
    )
    countries = {country for _, _, country in actors if country}
    for _, sources, targets, _, _ in events:
        countries.update(_codes(sources), _codes(targets))
    return VersionPrint(
        language=language,
        published=_day(published),
        persons=frozenset(_named(key) for kind, key, _ in actors if kind == ActorKind.PERSON.value),
        countries=frozenset(countries),
        event_types=frozenset(kind for kind, *_ in events),
        event_days=frozenset(
            value for *_, value, precision in events if precision == DatePrecision.DAY.value
        ),
    )


def _codes(value: str | None) -> Iterable[str]:
    return json.loads(value) if value else ()
