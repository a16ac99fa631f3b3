"""The analytic questions the dashboard's pages and its API share: one function per question.

Fact lists (events, agreements, commitments, actors, search) come from store.queries, the same
answers `communique query` gives; this module adds what only the dashboard asks: pages of them,
documents, statistics, country pairs, actor profiles, the network. All SQL is parameterised: the
SQL text is built from this module's and store.filters' own fragments, every user value travels
as a parameter.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from communique.ingest.title import headline
from communique.knowledge import Knowledge
from communique.record import RecordStatus
from communique.store import queries
from communique.store.filters import (
    FilterError,
    Filters,
    Where,
    first_of_story,
    in_dates,
    make_filters,
    not_rejected,
)
from communique.store.queries import DOCUMENT_FILTERS, Table
from communique.store.reviews import count_reviews
from communique.store.store import Store

MAX_LIMIT = 500
MAX_OFFSET = 10_000_000
# A document id or actor key longer than this, or with control characters, names nothing stored:
# answered 404 before it reaches the database (PostgreSQL cannot even hold a NUL).
MAX_KEY = 1000
_COUNTRY_CODE = re.compile(r"[A-Z]{2}")


class NotFound(LookupError):
    """No such document, actor or country: a 404 with this message."""


def storable(value: str | None) -> bool:
    """Whether `value` (None: no value) could be a stored id, key or name: not too long, and no
    control characters (which PostgreSQL cannot even hold as a parameter, in the case of NUL)."""
    if value is None:
        return True
    return len(value) <= MAX_KEY and not any(unicodedata.category(c) == "Cc" for c in value)


def checked_key(value: str, what: str) -> str:
    """A stored id or key as a user typed it into a URL; NotFound if it cannot be one."""
    if not value or not storable(value):
        raise NotFound(f"no {what} {value[:80]!r}")
    return value


# --- pages of a query ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Paged:
    table: Table
    limit: int
    offset: int
    next_offset: int | None  # the offset of the next page, None on the last one

    def dicts(self) -> list[dict[str, Any]]:
        return self.table.dicts()


def _fetch_page(store: Store, sql: str, params: list[Any], *, limit: int, offset: int) -> Paged:
    """A page of `sql`, which ends in `LIMIT ? OFFSET ?`: one row more is fetched than shown,
    to know whether there is a next page without counting them all."""
    columns, rows = store.backend.fetch(sql, [*params, limit + 1, offset])
    more = len(rows) > limit
    table = Table(columns, [list(row) for row in rows[:limit]])
    return Paged(table, limit, offset, offset + limit if more else None)


def query_page(
    store: Store,
    kind: str,
    filters: Filters,
    *,
    limit: int,
    offset: int,
    text: str = "",
    sort: queries.Sort | None = None,
) -> Paged:
    """A page of `communique query KIND`: FilterError for a filter the kind does not take. One
    row more than the page is fetched, to know whether there is a next page."""
    table = queries.run(store, kind, filters, limit=limit + 1, offset=offset, text=text, sort=sort)
    more = len(table.rows) > limit
    page = Table(table.columns, table.rows[:limit])
    return Paged(page, limit, offset, offset + limit if more else None)


def refuse(filters: Filters, allowed: set[str], what: str) -> None:
    refused = sorted(filters.given() - allowed)
    if refused:
        raise FilterError(f"{', '.join(refused)} cannot filter {what}")


# --- documents ----------------------------------------------------------------------------------

_DOCUMENT_FILTERS = {"--country", "--topic", "--since", "--until", "--status", *DOCUMENT_FILTERS}
_RECORD_STATUSES = tuple(s.value for s in RecordStatus)


def documents(
    store: Store,
    filters: Filters,
    *,
    limit: int,
    offset: int,
    sort: queries.Sort | None = None,
) -> Paged:
    """Stored documents, newest first (every re-publication: this is the list of what is
    stored), with how many facts and reviews each has."""
    refuse(filters, _DOCUMENT_FILTERS, "documents")
    if filters.status and filters.status not in _RECORD_STATUSES:
        raise FilterError(
            f"--status {filters.status!r}: documents have status {', '.join(_RECORD_STATUSES)}"
        )
    where = queries.document_where(filters)
    order = queries.order_by(
        "documents", sort, "d.published_date DESC NULLS LAST, d.stored_at DESC, d.id"
    )
    sql = f"""
        SELECT d.id AS document_id, d.title, substr(d.text, 1, 400) AS opening,
               d.published_date AS date, d.source AS publisher, d.url, d.language, d.status,
               d.home_country, d.story_id,
               (SELECT count(*) FROM documents ds WHERE ds.story_id = d.story_id) AS sources,
               (SELECT count(*) FROM events e WHERE e.document_id = d.id
                   AND {not_rejected("e")}) AS events,
               (SELECT count(*) FROM agreements g WHERE g.document_id = d.id
                   AND {not_rejected("g")}) AS agreements,
               (SELECT count(*) FROM reviews r WHERE r.document_id = d.id) AS reviews,
               d.stored_at
        FROM documents d
        WHERE {where.sql()}
        ORDER BY {order}
        LIMIT ? OFFSET ?"""
    paged = _fetch_page(store, sql, where.params, limit=limit, offset=offset)
    # The opening of the text is fetched only to make a headline of it.
    columns = paged.table.columns
    title, opening = columns.index("title"), columns.index("opening")
    columns[opening] = "headline"
    for row in paged.table.rows:
        row[opening] = headline(row[title], row[opening])
    return paged


@dataclass(frozen=True)
class DocumentHeader:
    """What the store knows about a document besides its record."""

    id: str
    record_id: str
    headline: str
    story_id: str
    story_documents: list[str]  # every document of its story, the first (canonical) first
    story_languages: dict[str, str | None]  # each one's language: a release's versions
    stored_at: str
    processed_at: str
    pipeline_version: str
    format: str | None
    published_date: str | None
    reviews: int


def document_header(store: Store, document_id: str) -> DocumentHeader:
    checked_key(document_id, "document")
    rows = store.backend.rows(
        "SELECT id, record_id, title, text, story_id, stored_at, processed_at, "
        "pipeline_version, format, published_date FROM documents WHERE id = ?",
        [document_id],
    )
    if not rows:
        raise NotFound(f"no document {document_id!r}")
    (id_, record_id, title, text, story_id, stored_at, processed_at, version, fmt, published) = (
        rows[0]
    )
    languages: dict[str, str | None] = {
        str(row[0]): row[1]
        for row in store.backend.rows(
            "SELECT d.id, d.language FROM documents d LEFT JOIN stories s ON s.document_id = d.id "
            "WHERE d.story_id = ? ORDER BY s.id IS NULL, d.stored_at, d.id",
            [story_id],
        )
    }
    story = list(languages)
    reviews = count_reviews(store, document_id=id_)
    return DocumentHeader(
        id=id_, record_id=record_id, headline=headline(title, text), story_id=story_id,
        story_documents=story, story_languages=languages, stored_at=stored_at,
        processed_at=processed_at, pipeline_version=version, format=fmt, published_date=published,
        reviews=reviews,
    )  # fmt: skip


# --- statistics ---------------------------------------------------------------------------------


@cache
def _countries() -> dict[str, str]:
    """Every country of the knowledge base (Kosovo, XK, included: pycountry has no entry for
    it) by alpha-2 code, with its English short name."""
    return {c.alpha2: c.name_en for c in Knowledge.load().countries}


def country_name(code: str | None) -> str:
    """English short name of an alpha-2 code; the code itself when unknown."""
    if not code:
        return ""
    return _countries().get(code, code)


def is_country(code: str) -> bool:
    return bool(_COUNTRY_CODE.fullmatch(code)) and code in _countries()


def _event_where(filters: Filters) -> Where:
    """Conditions on events `e` of documents `d`, as `communique query events` reads the filters
    that statistics take (type, cameo, status, dates, one or two countries)."""
    refuse(
        filters,
        {"--country", "--type", "--cameo", "--since", "--until", "--status"},
        "event statistics",
    )
    queries.check("events", filters)  # a status events do not have
    return queries.event_where(filters)


def events_by_type(store: Store, filters: Filters) -> list[tuple[str, int]]:
    where = _event_where(filters)
    sql = f"""
        SELECT e.type, count(*) AS events
        FROM events e JOIN documents d ON d.id = e.document_id
        WHERE {where.sql()}
        GROUP BY e.type ORDER BY events DESC, e.type"""
    return [(str(t), int(n)) for t, n in store.backend.rows(sql, where.params)]


@dataclass(frozen=True)
class PairCount:
    a: str  # the alphabetically first country
    b: str
    events: int

    @property
    def slug(self) -> str:
        return f"{self.a}-{self.b}"


def country_pairs(store: Store, filters: Filters, *, limit: int) -> list[PairCount]:
    """Pairs of countries by the number of events that involve both (on either side), as the
    two-country filter of `communique query events` counts them."""
    where = _event_where(filters)
    sql = f"""
        SELECT c1, c2, count(*) AS events FROM (
            SELECT DISTINCT x.document_id, x.fact_id, x.country AS c1, y.country AS c2
            FROM fact_countries x
            JOIN fact_countries y ON y.document_id = x.document_id AND y.fact = 'event'
                 AND y.fact_id = x.fact_id AND x.country < y.country
            JOIN events e ON e.document_id = x.document_id AND e.id = x.fact_id
            JOIN documents d ON d.id = x.document_id
            WHERE x.fact = 'event' AND {where.sql()}
        ) pairs
        GROUP BY c1, c2 ORDER BY events DESC, c1, c2 LIMIT ?"""
    return [
        PairCount(str(a), str(b), int(n))
        for a, b, n in store.backend.rows(sql, [*where.params, limit])
    ]


def country_events(store: Store, filters: Filters, *, limit: int) -> list[tuple[str, int]]:
    """Countries by the number of events that involve them."""
    where = _event_where(filters)
    sql = f"""
        SELECT country, count(*) AS events FROM (
            SELECT DISTINCT x.document_id, x.fact_id, x.country
            FROM fact_countries x
            JOIN events e ON e.document_id = x.document_id AND e.id = x.fact_id
            JOIN documents d ON d.id = x.document_id
            WHERE x.fact = 'event' AND {where.sql()}
        ) involved
        GROUP BY country ORDER BY events DESC, country LIMIT ?"""
    return [(str(c), int(n)) for c, n in store.backend.rows(sql, [*where.params, limit])]


@dataclass(frozen=True)
class Statistics:
    counts: dict[str, int]  # rows per table
    documents_by_status: dict[str, int]
    events_by_type: list[tuple[str, int]]
    top_pairs: list[PairCount]
    top_countries: list[tuple[str, int]]
    reviews: int


def statistics(store: Store, *, top: int = 20) -> Statistics:
    everything = make_filters()
    counts = store.counts()
    counts["reviews"] = int(store.backend.rows("SELECT count(*) FROM reviews")[0][0])
    statuses = store.backend.rows(
        "SELECT status, count(*) FROM documents GROUP BY status ORDER BY status"
    )
    return Statistics(
        counts=counts,
        documents_by_status={str(s): int(n) for s, n in statuses},
        events_by_type=events_by_type(store, everything),
        top_pairs=country_pairs(store, everything, limit=top),
        top_countries=country_events(store, everything, limit=top),
        reviews=counts["reviews"],
    )


# --- topics -------------------------------------------------------------------------------------

_TOPIC_FILTERS = {"--country", "--since", "--until"}


def topics(store: Store, filters: Filters, *, limit: int, offset: int) -> Paged:
    """Cooperation topics by the number of stories that name them, and of events about them."""
    where = _topic_where(filters)
    sql = f"""
        SELECT t.id AS topic, min(t.label_en) AS label_en, min(t.label_ru) AS label_ru,
               count(DISTINCT t.document_id) AS documents,
               count(DISTINCT et.document_id || ' ' || et.event_id) AS events,
               min(d.published_date) AS first_seen, max(d.published_date) AS last_seen
        FROM topics t JOIN documents d ON d.id = t.document_id
        LEFT JOIN event_topics et ON et.document_id = t.document_id AND et.topic_id = t.id
        WHERE {where.sql()}
        GROUP BY t.id ORDER BY documents DESC, events DESC, t.id
        LIMIT ? OFFSET ?"""
    return _fetch_page(store, sql, where.params, limit=limit, offset=offset)


def topics_total(store: Store, filters: Filters) -> int:
    """How many topics `topics` lists with these filters, every page together."""
    where = _topic_where(filters)
    sql = f"""SELECT count(DISTINCT t.id) FROM topics t JOIN documents d ON d.id = t.document_id
              WHERE {where.sql()}"""
    return int(store.backend.rows(sql, where.params)[0][0])


def _topic_where(filters: Filters) -> Where:
    refuse(filters, _TOPIC_FILTERS, "topics")
    where = Where()
    if not filters.all_sources:
        where.add(first_of_story("d"))
    if not filters.include_rejected:
        where.add(not_rejected("t"))
    for country in filters.countries:
        where.add(
            "EXISTS (SELECT 1 FROM fact_countries fc WHERE fc.document_id = d.id "
            "AND fc.country = ?)",
            country,
        )
    in_dates("d.published_date", "d.published_date", filters, where)
    return where


# --- country pairs ------------------------------------------------------------------------------

UNDATED = "undated"
_MONTH = re.compile(r"\d{4}-\d{2}")
_YEAR = re.compile(r"\d{4}")


@dataclass(frozen=True)
class Period:
    label: str  # YYYY-MM; YYYY for events dated to the year only; "undated"
    counts: dict[str, int]  # PLOVER type -> events

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def timeline(rows: list[dict[str, Any]], *, longest: int = 120) -> list[Period]:
    """Events per month by type, every month from the first to the last (empty ones too, so the
    time axis is even); events dated to a year only come before that year's months, undated ones
    last. Longer than `longest` months: only the last `longest` are kept as months."""
    by_period: dict[str, Counter[str]] = defaultdict(Counter)
    for row in rows:
        date = str(row.get("date") or "")
        if _MONTH.match(date):
            label = date[:7]
        elif _YEAR.fullmatch(date):
            label = date
        else:
            label = UNDATED
        by_period[label][str(row["type"])] += 1
    months = sorted(p for p in by_period if _MONTH.fullmatch(p))
    if months:
        months = _month_range(months[0], months[-1])[-longest:]
    years = [p for p in by_period if _YEAR.fullmatch(p)]
    # A year's bar comes before its months: "2024" < "2024-01" as text.
    labels = sorted({*months, *years})
    if UNDATED in by_period:
        labels.append(UNDATED)
    return [
        Period(label, dict(sorted(by_period.get(label, Counter()).items()))) for label in labels
    ]


def _month_range(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    end = (int(last[:4]), int(last[5:7]))
    months = []
    while (year, month) <= end:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


@dataclass(frozen=True)
class Person:
    actor_key: str
    name: str
    country: str | None
    positions: list[str]
    events: int


@dataclass(frozen=True)
class TopicCount:
    topic: str
    label_en: str
    events: int


@dataclass(frozen=True)
class PairSummary:
    a: str
    b: str
    events: Table
    events_by_type: list[tuple[str, int]]
    timeline: list[Period]
    agreements: Table
    commitments: Table
    topics: list[TopicCount]
    people: list[Person]


def parse_pair(slug: str) -> tuple[str, str]:
    """`KZ-MN` (any case, any order) -> ("KZ", "MN"); NotFound for anything else."""
    parts = slug.upper().split("-")
    if len(parts) != 2 or parts[0] == parts[1] or not all(is_country(p) for p in parts):
        raise NotFound(f"no country pair {slug[:40]!r}: two ISO alpha-2 codes such as KZ-MN")
    a, b = sorted(parts)
    return a, b


def pair_summary(
    store: Store,
    a: str,
    b: str,
    *,
    include_rejected: bool = False,
    include_inferred: bool = False,
) -> PairSummary:
    filters = make_filters(
        countries=[a, b], include_rejected=include_rejected, include_inferred=include_inferred
    )
    events = queries.events(store, filters, None)
    event_rows = events.dicts()
    return PairSummary(
        a=a,
        b=b,
        events=events,
        events_by_type=Counter(str(r["type"]) for r in event_rows).most_common(),
        timeline=timeline(event_rows),
        agreements=queries.agreements(store, filters, None),
        commitments=queries.commitments(store, filters, None),
        topics=_pair_topics(store, filters),
        people=_pair_people(store, filters),
    )


def _pair_topics(store: Store, filters: Filters) -> list[TopicCount]:
    where = _event_where(filters)
    sql = f"""
        SELECT t.id, min(t.label_en), count(*) AS events FROM (
            SELECT DISTINCT et.document_id, et.event_id, et.topic_id
            FROM event_topics et
            JOIN events e ON e.document_id = et.document_id AND e.id = et.event_id
            JOIN documents d ON d.id = et.document_id
            WHERE {where.sql()}
        ) about JOIN topics t ON t.document_id = about.document_id AND t.id = about.topic_id
        GROUP BY t.id ORDER BY events DESC, t.id"""
    return [
        TopicCount(str(t), str(label), int(n))
        for t, label, n in store.backend.rows(sql, where.params)
    ]


def _pair_people(store: Store, filters: Filters) -> list[Person]:
    """People named as a side of the pair's events, by the number of those events."""
    where = _event_where(filters)
    sql = f"""
        SELECT a.actor_key, a.name, a.country, a.positions, e.document_id, e.id
        FROM events e JOIN documents d ON d.id = e.document_id
        JOIN actors a ON a.document_id = e.document_id AND a.kind = 'person'
             AND {not_rejected("a")}
             AND (strpos(e.source_actors, '"' || a.id || '"') > 0
                  OR strpos(e.target_actors, '"' || a.id || '"') > 0)
        WHERE {where.sql()}"""
    return _people(store.backend.rows(sql, where.params))


def _people(rows: list[tuple[Any, ...]]) -> list[Person]:
    names: dict[str, Counter[str]] = defaultdict(Counter)
    countries: dict[str, Counter[str]] = defaultdict(Counter)
    positions: dict[str, set[str]] = defaultdict(set)
    events: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for key, name, country, titles, document_id, event_id in rows:
        key = str(key or name)
        names[key][str(name)] += 1
        if country:
            countries[key][str(country)] += 1
        positions[key].update(json.loads(titles or "[]"))
        events[key].add((str(document_id), str(event_id)))
    people = [
        Person(
            actor_key=key,
            name=_most_common(names[key]),
            country=_most_common(countries[key]) or None,
            positions=sorted(positions[key]),
            events=len(events[key]),
        )
        for key in names
    ]
    return sorted(people, key=lambda p: (-p.events, p.name))


def _most_common(counts: Counter[str]) -> str:
    """The value seen most often; ties go to the longest, then the first in order."""
    if not counts:
        return ""
    return min(counts, key=lambda v: (-counts[v], -len(v), v))


# --- actors -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Position:
    date: str | None
    title: str
    organization: str | None
    country: str | None
    document_id: str


@dataclass(frozen=True)
class Counterpart:
    actor_key: str
    name: str
    kind: str
    country: str | None
    events: int


@dataclass(frozen=True)
class ActorProfile:
    actor_key: str
    name: str
    kind: str
    country: str | None
    names: list[str]
    kb_id: str | None
    documents: list[str]
    first_seen: str | None
    last_seen: str | None
    positions: list[Position]
    meetings: Table  # the events it is a side of, newest first
    counterparts: list[Counterpart] = field(default_factory=list)


_MEETING_LIMIT = 500


def actor_profile(store: Store, actor_key: str) -> ActorProfile:
    """Everything stored about one actor across documents (its `actor_key`), once per story."""
    checked_key(actor_key, "actor")
    where = Where()
    where.add(first_of_story("d"))
    where.add(not_rejected("a"))
    where.add("a.actor_key = ?", actor_key)
    sql = f"""
        SELECT a.document_id, a.id, a.name, a.kind, a.country, a.kb_id, a.positions,
               d.published_date
        FROM actors a JOIN documents d ON d.id = a.document_id
        WHERE {where.sql()}
        ORDER BY d.published_date NULLS LAST, a.document_id, a.seq"""
    rows = store.backend.rows(sql, where.params)
    if not rows:
        raise NotFound(f"no actor {actor_key[:80]!r}")
    names: Counter[str] = Counter(str(r[2]) for r in rows)
    kinds: Counter[str] = Counter(str(r[3]) for r in rows)
    countries: Counter[str] = Counter(str(r[4]) for r in rows if r[4])
    kb_ids: Counter[str] = Counter(str(r[5]) for r in rows if r[5])
    dates = sorted(str(r[7]) for r in rows if r[7])
    ids = {(str(r[0]), str(r[1])) for r in rows}
    positions = _positions(store, rows)
    meetings = _meetings(store, actor_key)
    document = meetings.columns.index("document_id")
    actors = actor_names(store, sorted({str(row[document]) for row in meetings.rows}))
    return ActorProfile(
        actor_key=actor_key,
        name=_most_common(names),
        kind=_most_common(kinds),
        country=_most_common(countries) or None,
        names=sorted(names),
        kb_id=_most_common(kb_ids) or None,
        documents=list(dict.fromkeys(str(r[0]) for r in rows)),
        first_seen=dates[0] if dates else None,
        last_seen=dates[-1] if dates else None,
        positions=positions,
        meetings=_named_sides(meetings, actors),
        counterparts=_counterparts(meetings, actors, ids),
    )


def _positions(store: Store, actor_rows: list[tuple[Any, ...]]) -> list[Position]:
    """Titles over time: the occupations stated with an organisation or country, and the bare
    titles the actor row keeps; by date, undated last."""
    found: dict[tuple[str | None, str, str | None, str], Position] = {}
    by_document: dict[str, list[str]] = defaultdict(list)
    dates: dict[str, str | None] = {}
    for document_id, actor_id, _, _, country, _, titles, date in actor_rows:
        by_document[str(document_id)].append(str(actor_id))
        dates[str(document_id)] = date
        for title in json.loads(titles or "[]"):
            found.setdefault(
                (date, title, None, str(document_id)),
                Position(date, title, None, country, str(document_id)),
            )
    for document_id, people in by_document.items():
        marks = ", ".join("?" * len(people))
        sql = f"""
            SELECT o.person_id, o.position, org.name, o.country
            FROM occupations o LEFT JOIN actors org
                 ON org.document_id = o.document_id AND org.id = o.organization_id
            WHERE o.document_id = ? AND o.person_id IN ({marks}) AND {not_rejected("o")}
            ORDER BY o.seq"""
        for _, title, organization, country in store.backend.rows(sql, [document_id, *people]):
            date = dates[document_id]
            # The bare title of the same document says less than this one: drop it.
            found.pop((date, title, None, document_id), None)
            found[(date, title, organization, document_id)] = Position(
                date, str(title), organization, country, document_id
            )
    return sorted(found.values(), key=lambda p: (p.date is None, p.date or "", p.title))


def _meetings(store: Store, actor_key: str) -> Table:
    where = _event_where(make_filters())
    where.add(
        "EXISTS (SELECT 1 FROM actors a WHERE a.document_id = e.document_id "
        "AND a.actor_key = ? AND (strpos(e.source_actors, '\"' || a.id || '\"') > 0 "
        "OR strpos(e.target_actors, '\"' || a.id || '\"') > 0))",
        actor_key,
    )
    sql = f"""
        SELECT coalesce(e.date_value, d.published_date) AS date, e.type, e.cameo,
               e.cameo_name, e.status, e.mode, e.source_actors AS source,
               e.target_actors AS target, e.trigger_text,
               {queries.evidence("e")},
               coalesce(e.review, 'machine') AS review, e.document_id, e.id AS event_id,
               e.span_start, e.span_end
        FROM events e JOIN documents d ON d.id = e.document_id
        WHERE {where.sql()}
        ORDER BY coalesce(e.date_first, d.published_date) DESC NULLS LAST, e.document_id, e.seq
        LIMIT ?"""
    columns, rows = store.backend.fetch(sql, [*where.params, _MEETING_LIMIT])
    return Table(columns, [list(row) for row in rows])


def _counterparts(
    meetings: Table, actors: dict[tuple[str, str], ActorName], own: set[tuple[str, str]]
) -> list[Counterpart]:
    """The other sides of the actor's events, by their identity across documents."""
    document = meetings.columns.index("document_id")
    event = meetings.columns.index("event_id")
    sides = [meetings.columns.index("source"), meetings.columns.index("target")]
    shared: dict[str, set[tuple[str, str]]] = defaultdict(set)
    described: dict[str, ActorName] = {}
    for row in meetings.rows:
        document_id = str(row[document])
        for side in sides:
            for actor_id in json.loads(row[side]):
                found = actors.get((document_id, actor_id))
                if found is None or (document_id, actor_id) in own:
                    continue
                shared[found.key].add((document_id, str(row[event])))
                described.setdefault(found.key, found)
    counterparts = [
        Counterpart(
            key, described[key].name, described[key].kind, described[key].country, len(events)
        )
        for key, events in shared.items()
    ]
    return sorted(counterparts, key=lambda c: (-c.events, c.name))


def _named_sides(meetings: Table, actors: dict[tuple[str, str], ActorName]) -> Table:
    """The meetings with their source and target actor id lists as names."""
    document = meetings.columns.index("document_id")
    sides = [meetings.columns.index("source"), meetings.columns.index("target")]
    rows = []
    for row in meetings.rows:
        named = list(row)
        for side in sides:
            named[side] = [
                actors[(str(row[document]), i)].name if (str(row[document]), i) in actors else i
                for i in json.loads(row[side])
            ]
        rows.append(named)
    return Table(meetings.columns, rows)


@dataclass(frozen=True)
class ActorName:
    key: str
    name: str
    kind: str
    country: str | None


def actor_names(store: Store, document_ids: list[str]) -> dict[tuple[str, str], ActorName]:
    """(document, actor id) -> the actor's name and identity, for the given documents."""
    found: dict[tuple[str, str], ActorName] = {}
    for start in range(0, len(document_ids), 500):
        chunk = document_ids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        sql = (
            "SELECT document_id, id, actor_key, name, kind, country FROM actors "
            f"WHERE document_id IN ({marks})"
        )
        for document_id, actor_id, key, name, kind, country in store.backend.rows(sql, chunk):
            found[(str(document_id), str(actor_id))] = ActorName(
                str(key or f"{kind}:{name}"), str(name), str(kind), country
            )
    return found


# --- the network --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Network:
    nodes: list[tuple[str, int]]  # country, events involving it
    edges: list[PairCount]


def network(store: Store, filters: Filters, *, limit: int) -> Network:
    """The `limit` busiest pairs of countries and the countries they join."""
    edges = country_pairs(store, filters, limit=limit)
    involved = {c for edge in edges for c in (edge.a, edge.b)}
    counts = dict(country_events(store, filters, limit=MAX_LIMIT * 2))
    nodes = sorted(((c, counts.get(c, 0)) for c in involved), key=lambda n: (-n[1], n[0]))
    return Network(nodes, edges)
