"""The questions `communique query` and `communique export` ask, as parameterised SQL.

Each query returns a Table: column names and rows of plain values (lists for list columns),
ordered completely so both backends give the same answer. By default facts come from each
story's first document only, so a release re-published three times counts once.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from communique.ingest.title import headline
from communique.lang.terms import matches, query_terms
from communique.record import AgreementStatus, EventStatus, RecordStatus
from communique.store.filters import (
    FilterError,
    Filters,
    Where,
    checked_text,
    contains,
    document_topic,
    event_topic,
    first_of_story,
    has_country,
    in_dates,
    names_actor,
    not_rejected,
)
from communique.store.store import Store

KINDS = ("events", "actors", "agreements", "commitments", "search")
# Filters every list of facts has from its documents: their publisher, their language, and
# the items a date filter leaves out (no date at all). Actors take no --undated: an actor is
# seen on many dates.
DOCUMENT_FILTERS = ("--source", "--language", "--undated")
# What each kind can be filtered by; anything else is refused, never silently ignored.
ALLOWED: dict[str, set[str]] = {
    "events": {
        "--country",
        "--actor",
        "--type",
        "--cameo",
        "--topic",
        "--since",
        "--until",
        "--status",
        *DOCUMENT_FILTERS,
    },
    "actors": {"--country", "--actor", "--kind", "--topic", "--since", "--until", "--source",
               "--language"},
    "agreements": {"--country", "--actor", "--topic", "--since", "--until", "--status",
                   *DOCUMENT_FILTERS},
    "commitments": {"--country", "--actor", "--type", "--cameo", "--topic", "--since", "--until",
                    *DOCUMENT_FILTERS},
    "search": {"--country", "--actor", "--topic", "--since", "--until", "--status",
               *DOCUMENT_FILTERS},
}  # fmt: skip
_STATUSES: dict[str, tuple[str, ...]] = {
    "events": tuple(s.value for s in EventStatus),
    "agreements": tuple(s.value for s in AgreementStatus),
    "search": tuple(s.value for s in RecordStatus),
}
MAX_SEARCH = 1000
MAX_SEARCH_WORDS = 64
_WHITESPACE = re.compile(r"\s+")
_SOURCES = "(SELECT count(*) FROM documents ds WHERE ds.story_id = d.story_id) AS sources"


def evidence(alias: str) -> str:
    """The sentence that states the fact, cut from the text (SQL substr counts from 1)."""
    return (
        f"substr(d.text, {alias}.span_start + 1, {alias}.span_end - {alias}.span_start) AS evidence"
    )


@dataclass(frozen=True)
class Table:
    columns: list[str]
    rows: list[list[Any]]

    def dicts(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


def check(kind: str, filters: Filters) -> None:
    """Refuse filters the kind does not have, and a status it does not know."""
    refused = sorted(filters.given() - ALLOWED[kind])
    if refused:
        raise FilterError(f"{', '.join(refused)} cannot filter {kind}")
    if filters.status and filters.status not in _STATUSES.get(kind, ()):
        known = ", ".join(_STATUSES.get(kind, ()))
        raise FilterError(f"--status {filters.status!r}: {kind} have status {known}")
    if kind == "actors" and len(filters.countries) > 1:
        raise FilterError("--country: an actor has one country; give one code")


@dataclass(frozen=True)
class Sort:
    """An order a user asked for: one of the kind's SORTABLE columns, ascending or descending.
    Rows with no value come last either way; ties keep the kind's own order."""

    column: str
    descending: bool = False


# The columns a list can be sorted by, and the SQL each one sorts on: only these reach the SQL.
SORTABLE: dict[str, dict[str, str]] = {
    "events": {
        "date": "coalesce(e.date_first, d.published_date)", "type": "e.type", "cameo": "e.cameo",
        "status": "e.status", "mode": "e.mode", "goldstein": "e.goldstein",
        "review": "coalesce(e.review, 'machine')", "publisher": "d.source",
        "document_id": "e.document_id",
    },
    "agreements": {
        "date": "coalesce(g.date_first, d.published_date)", "title": "g.title", "kind": "g.kind",
        "status": "g.status", "review": "coalesce(g.review, 'machine')", "publisher": "d.source",
        "document_id": "g.document_id",
    },
    "commitments": {
        "date": "d.published_date", "kind": "c.kind", "what": "c.what", "by": "c.by_value",
        "event_type": "e.type", "review": "coalesce(c.review, 'machine')",
        "publisher": "d.source", "document_id": "c.document_id",
    },
    "actors": {
        "actor_key": "a.actor_key", "kind": "min(a.kind)",
        "documents": "count(DISTINCT a.document_id)", "stories": "count(DISTINCT d.story_id)",
        "first_seen": "min(d.published_date)", "last_seen": "max(d.published_date)",
    },
    "search": {
        "date": "d.published_date", "title": "d.title", "publisher": "d.source",
        "status": "d.status", "document_id": "d.id",
    },
    "documents": {
        "date": "d.published_date", "title": "d.title", "publisher": "d.source",
        "language": "d.language", "status": "d.status", "stored_at": "d.stored_at",
        "document_id": "d.id",
    },
}  # fmt: skip


def make_sort(kind: str, value: str | None) -> Sort | None:
    """`column` or `-column` (descending) as a Sort; FilterError for a column the kind cannot
    be sorted by, naming those it can."""
    if not value or not value.strip():
        return None
    value = value.strip()
    column = value.removeprefix("-")
    if column not in SORTABLE[kind]:
        known = ", ".join(SORTABLE[kind])
        raise FilterError(f"sort {value[:40]!r}: {kind} sort by {known} (-column: descending)")
    return Sort(column, value.startswith("-"))


def order_by(kind: str, sort: Sort | None, default: str) -> str:
    """ORDER BY text: the asked-for column (from SORTABLE, never user text) before the default."""
    if sort is None:
        return default
    direction = "DESC" if sort.descending else "ASC"
    return f"{SORTABLE[kind][sort.column]} {direction} NULLS LAST, {default}"


def run(
    store: Store,
    kind: str,
    filters: Filters,
    *,
    limit: int | None,
    offset: int = 0,
    text: str = "",
    sort: Sort | None = None,
) -> Table:
    check(kind, filters)
    queries: dict[str, Callable[[], Table]] = {
        "events": lambda: events(store, filters, limit, offset=offset, sort=sort),
        "actors": lambda: actors(store, filters, limit, offset=offset, sort=sort),
        "agreements": lambda: agreements(store, filters, limit, offset=offset, sort=sort),
        "commitments": lambda: commitments(store, filters, limit, offset=offset, sort=sort),
        "search": lambda: search(store, text, filters, limit, offset=offset, sort=sort),
    }
    return queries[kind]()


def _common(where: Where, filters: Filters, *, fact: str | None, alias: str) -> None:
    if not filters.all_sources:
        where.add(first_of_story("d"))
    if alias != "d" and not filters.include_rejected:
        where.add(not_rejected(alias))
    if fact:
        for country in filters.countries:
            where.add(has_country(fact, alias, "d"), country)


def _topic(where: Where, filters: Filters, condition: str) -> None:
    if filters.topic:
        topic = filters.topic.lower()
        where.add(condition, topic, topic)


def _limit(limit: int | None, offset: int = 0) -> tuple[str, list[int]]:
    if limit is None:
        return (" OFFSET ?", [offset]) if offset else ("", [])
    return " LIMIT ? OFFSET ?", [limit, offset]


def _fetch(store: Store, sql: str, where: Where, limit: int | None, offset: int = 0) -> Table:
    tail, extra = _limit(limit, offset)
    columns, rows = store.backend.fetch(sql.format(where=where.sql()) + tail, where.params + extra)
    return Table(columns, [list(row) for row in rows])


def event_where(filters: Filters) -> Where:
    """The conditions `filters` put on events `e` of documents `d` (the API's statistics and
    country-pair views count with the same conditions the event list uses)."""
    where = Where()
    _common(where, filters, fact="event", alias="e")
    if not filters.include_inferred:
        where.add("NOT e.participants_inferred")
    if filters.actor:
        where.add(
            names_actor(["e.source_actors", "e.target_actors"], "d"), *[filters.actor.lower()] * 3
        )
    if filters.event_type:
        where.add("e.type = ?", filters.event_type)
    if filters.cameo:
        where.add("substr(e.cameo, 1, ?) = ?", len(filters.cameo), filters.cameo)
    if filters.status:
        where.add("e.status = ?", filters.status)
    _topic(where, filters, event_topic("e"))
    # A fact's own date when the text states one, else the release's.
    in_dates(
        "coalesce(e.date_first, d.published_date)",
        "coalesce(e.date_last, d.published_date)",
        filters,
        where,
    )
    return where


def events(
    store: Store, filters: Filters, limit: int | None, *, offset: int = 0, sort: Sort | None = None
) -> Table:
    where = event_where(filters)
    order = order_by(
        "events",
        sort,
        "coalesce(e.date_first, d.published_date) DESC NULLS LAST, e.document_id, e.seq",
    )
    sql = f"""
        SELECT coalesce(e.date_value, d.published_date) AS date, e.type, e.cameo, e.cameo_name,
               e.status, e.mode, e.source_actors AS source, e.source_countries,
               e.target_actors AS target, e.target_countries, e.joint, e.goldstein,
               e.trigger_text, {evidence("e")}, coalesce(e.review, 'machine') AS review,
               e.document_id, e.id AS event_id,
               e.span_start, e.span_end, d.story_id, {_SOURCES}, d.published,
               d.source AS publisher, d.url, d.title, d.stored_at, e.pipeline_version
        FROM events e JOIN documents d ON d.id = e.document_id
        WHERE {{where}}
        ORDER BY {order}"""
    table = _fetch(store, sql, where, limit, offset)
    return _with_actor_names(
        store, table, ("source", "target"), ("source_countries", "target_countries")
    )


def actor_where(filters: Filters) -> Where:
    """The conditions `filters` put on actor rows `a` of documents `d`."""
    where = Where()
    _common(where, filters, fact=None, alias="a")
    if filters.countries:
        where.add("a.country = ?", filters.countries[0])
    if filters.actor:
        needle = filters.actor.lower()
        where.add(
            f"({contains('a.name')} OR {contains('a.name_latin')} OR {contains('a.kb_id')})",
            needle,
            needle,
            needle,
        )
    if filters.kind:
        where.add("a.kind = ?", filters.kind)
    _topic(where, filters, document_topic("d"))
    in_dates("d.published_date", "d.published_date", filters, where)
    return where


def actors(
    store: Store, filters: Filters, limit: int | None, *, offset: int = 0, sort: Sort | None = None
) -> Table:
    """One row per actor across documents (its `actor_key`), with the names it was written
    under, its country, how many documents name it, and its positions over time."""
    where = actor_where(filters)
    order = order_by("actors", sort, "documents DESC, a.actor_key")
    sql = f"""
        SELECT a.actor_key, min(a.kind) AS kind,
               count(DISTINCT a.document_id) AS documents,
               count(DISTINCT d.story_id) AS stories,
               min(d.published_date) AS first_seen, max(d.published_date) AS last_seen
        FROM actors a JOIN documents d ON d.id = a.document_id
        WHERE {{where}}
        GROUP BY a.actor_key
        ORDER BY {order}"""
    groups = _fetch(store, sql, where, limit, offset)
    details = _actor_details(store, where, [row[0] for row in groups.rows])
    columns = ["actor_key", "name", "kind", "country", "kb_id", "names", "names_latin",
               "documents", "stories", "first_seen", "last_seen", "positions"]  # fmt: skip
    rows = []
    for key, kind, documents, stories, first_seen, last_seen in groups.rows:
        found = details[key]
        rows.append([
            key, _most_common(found["names"]), kind, _most_common(found["countries"]),
            _most_common(found["kb_ids"]), sorted(set(found["names"])),
            sorted(set(found["latin"])), documents, stories, first_seen, last_seen,
            sorted(set(found["positions"])),
        ])  # fmt: skip
    return Table(columns, rows)


def _most_common(values: list[str]) -> str | None:
    """The value written most often; ties go to the longest, then the first in order."""
    if not values:
        return None
    return min(set(values), key=lambda v: (-values.count(v), -len(v), v))


def _actor_details(store: Store, where: Where, keys: list[str]) -> dict[str, dict[str, list]]:
    """Per actor_key, from the rows `where` keeps: names, Latin names, countries, KB ids, and
    positions as "date title" (the titles it holds in each document: its `positions`, and its
    occupations with their organisation)."""
    details: dict[str, dict[str, list]] = {
        key: {"names": [], "latin": [], "countries": [], "kb_ids": [], "positions": []}
        for key in keys
    }
    people: dict[tuple[str, str], tuple[str, str | None]] = {}
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        sql = f"""
            SELECT a.actor_key, a.document_id, a.id, a.name, a.name_latin, a.country, a.kb_id,
                   a.positions, d.published_date
            FROM actors a JOIN documents d ON d.id = a.document_id
            WHERE {where.sql()} AND a.actor_key IN ({marks})"""
        for (
            key,
            document,
            actor,
            name,
            latin,
            country,
            kb_id,
            positions,
            date,
        ) in store.backend.rows(sql, [*where.params, *chunk]):
            found = details[key]
            found["names"].append(name)
            found["latin"] += [latin] if latin else []
            found["countries"] += [country] if country else []
            found["kb_ids"] += [kb_id] if kb_id else []
            found["positions"] += [_dated(date, p) for p in json.loads(positions)]
            people[(document, actor)] = (key, date)
    documents = sorted({document for document, _ in people})
    for start in range(0, len(documents), 500):
        chunk = documents[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        sql = f"""
            SELECT o.document_id, o.person_id, o.position, org.name
            FROM occupations o LEFT JOIN actors org
                 ON org.document_id = o.document_id AND org.id = o.organization_id
            WHERE o.document_id IN ({marks})"""
        for document, person, position, organization in store.backend.rows(sql, chunk):
            if (document, person) in people:
                key, date = people[(document, person)]
                title = f"{position}, {organization}" if organization else position
                details[key]["positions"].append(_dated(date, title))
    return details


def _dated(date: str | None, title: str) -> str:
    """`date title`, or the title alone for a release with no date (sorted after dated ones)."""
    return f"{date} {title}" if date else title


def agreement_where(filters: Filters) -> Where:
    """The conditions `filters` put on agreements `g` of documents `d`."""
    where = Where()
    _common(where, filters, fact="agreement", alias="g")
    if filters.actor:
        where.add(names_actor(["g.parties"], "d"), *[filters.actor.lower()] * 3)
    if filters.status:
        where.add("g.status = ?", filters.status)
    _topic(where, filters, document_topic("d"))
    in_dates(
        "coalesce(g.date_first, d.published_date)",
        "coalesce(g.date_last, d.published_date)",
        filters,
        where,
    )
    return where


def agreements(
    store: Store, filters: Filters, limit: int | None, *, offset: int = 0, sort: Sort | None = None
) -> Table:
    where = agreement_where(filters)
    order = order_by(
        "agreements",
        sort,
        "coalesce(g.date_first, d.published_date) DESC NULLS LAST, g.document_id, g.seq",
    )
    sql = f"""
        SELECT coalesce(g.date_value, d.published_date) AS date, g.title, g.kind, g.status,
               g.parties, g.countries, g.unnamed, {evidence("g")},
               coalesce(g.review, 'machine') AS review, g.document_id,
               g.id AS agreement_id,
               g.event_id, g.span_start, g.span_end, d.story_id, {_SOURCES}, d.published,
               d.source AS publisher, d.url, g.pipeline_version
        FROM agreements g JOIN documents d ON d.id = g.document_id
        WHERE {{where}}
        ORDER BY {order}"""
    table = _fetch(store, sql, where, limit, offset)
    return _with_actor_names(store, table, ("parties",), ("countries",))


def commitment_where(filters: Filters) -> Where:
    """The conditions `filters` put on commitments `c` of documents `d`, and their events `e`."""
    where = Where()
    _common(where, filters, fact="commitment", alias="c")
    if filters.actor:
        where.add(names_actor(["c.who_actors", "c.to_actors"], "d"), *[filters.actor.lower()] * 3)
    if filters.event_type:
        where.add("e.type = ?", filters.event_type)
    if filters.cameo:
        where.add("substr(e.cameo, 1, ?) = ?", len(filters.cameo), filters.cameo)
    _topic(where, filters, event_topic("e"))
    in_dates("d.published_date", "d.published_date", filters, where)
    return where


def commitments(
    store: Store, filters: Filters, limit: int | None, *, offset: int = 0, sort: Sort | None = None
) -> Table:
    where = commitment_where(filters)
    order = order_by("commitments", sort, "d.published_date DESC NULLS LAST, c.document_id, c.seq")
    sql = f"""
        SELECT d.published_date AS date, c.kind, c.who_actors AS who, c.to_actors AS "to",
               c.what, c.by_value AS "by", e.type AS event_type, e.cameo, {evidence("c")},
               coalesce(c.review, 'machine') AS review, c.document_id,
               c.id AS commitment_id, c.event_id, c.what_start, c.what_end, c.span_start,
               c.span_end, d.story_id, {_SOURCES}, d.published, d.source AS publisher, d.url,
               c.pipeline_version
        FROM commitments c JOIN documents d ON d.id = c.document_id
        LEFT JOIN events e ON e.document_id = c.document_id AND e.id = c.event_id
        WHERE {{where}}
        ORDER BY {order}"""
    return _with_actor_names(store, _fetch(store, sql, where, limit, offset), ("who", "to"), ())


def search_where(filters: Filters, text: str) -> Where:
    """The conditions the search `text` and `filters` put on documents `d`: the text or title
    holds the words as they are written, or has every word of them in some form (a term of
    the search index, lang/terms.py)."""
    needle = checked_text(text, "search", MAX_SEARCH).lower()
    where = Where()
    _common(where, filters, fact=None, alias="d")
    written = f"{contains('d.text')} OR {contains('d.title')}"
    words = _search_words(needle)
    if words:
        every_word = " AND ".join(
            "EXISTS (SELECT 1 FROM document_terms t WHERE t.document_id = d.id "
            f"AND t.term IN ({_marks(forms)}))"
            for forms in words
        )
        where.add(f"({written} OR ({every_word}))", needle, needle, *_flat(words))
    else:
        where.add(f"({written})", needle, needle)
    if filters.countries:
        for country in filters.countries:
            where.add(
                "EXISTS (SELECT 1 FROM actors a WHERE a.document_id = d.id AND a.country = ?)",
                country,
            )
    if filters.actor:
        needle_actor = filters.actor.lower()
        where.add(
            "EXISTS (SELECT 1 FROM actors a WHERE a.document_id = d.id AND "
            f"({contains('a.name')} OR {contains('a.name_latin')} OR {contains('a.kb_id')}))",
            needle_actor, needle_actor, needle_actor,
        )  # fmt: skip
    if filters.status:
        where.add("d.status = ?", filters.status)
    _topic(where, filters, document_topic("d"))
    in_dates("d.published_date", "d.published_date", filters, where)
    return where


def _search_words(needle: str) -> list[list[str]]:
    """Per word of the search, its forms (sorted, so the SQL is the same for the same search);
    FilterError beyond MAX_SEARCH_WORDS words, each of which would be one more condition."""
    words = [sorted(forms) for forms in query_terms(needle)]
    if len(words) > MAX_SEARCH_WORDS:
        raise FilterError(f"search: at most {MAX_SEARCH_WORDS} different words")
    return words


def _marks(values: list[str]) -> str:
    return ", ".join("?" * len(values))


def _flat(words: list[list[str]]) -> list[str]:
    return [form for forms in words for form in forms]


def search(
    store: Store,
    text: str,
    filters: Filters,
    limit: int | None,
    *,
    offset: int = 0,
    sort: Sort | None = None,
) -> Table:
    """Documents the search finds, the most relevant first: by how many of their words have a
    form of the search's words (a title's words too), then the newest. Each has a snippet around
    its first match and the spans to mark in it (`marks`, [start, end] in the snippet), and its
    headline (the title, else the text's first line that is no photo credit)."""
    needle = checked_text(text, "search", MAX_SEARCH).lower()
    where = search_where(filters, text)
    forms = sorted(set(_flat(_search_words(needle))))
    if forms:
        found = f"FROM document_terms t WHERE t.document_id = d.id AND t.term IN ({_marks(forms)})"
        relevance = f"(SELECT coalesce(sum(t.hits), 0) {found}) AS relevance"
        first = f"(SELECT min(t.first_start) {found}) AS first_match"
    else:
        relevance, first = "0 AS relevance", "CAST(NULL AS INTEGER) AS first_match"
    order = order_by("search", sort, "relevance DESC, d.published_date DESC NULLS LAST, d.id")
    sql = f"""
        SELECT d.published_date AS date, d.id AS document_id, d.title, d.source AS publisher,
               d.url, d.status, d.story_id, {_SOURCES}, {relevance}, d.text, d.language,
               {first}
        FROM documents d
        WHERE {where.sql()}
        ORDER BY {order}"""
    tail, extra = _limit(limit, offset)
    params = [*forms, *forms, *where.params, *extra] if forms else [*where.params, *extra]
    columns, rows = store.backend.fetch(sql + tail, params)
    table = Table([*columns[:-3], "headline", "snippet", "marks"], [])
    title = columns.index("title")
    for row in rows:
        *kept, document_text, language, first_match = row
        cut, marks = snippet(document_text, needle, language, first_match)
        table.rows.append([*kept, headline(row[title], document_text), cut, marks])
    return table


def document_where(filters: Filters) -> Where:
    """The conditions `filters` put on the list of stored documents `d` (every re-publication:
    it is the list of what is stored)."""
    where = Where()
    for country in filters.countries:
        where.add(
            "EXISTS (SELECT 1 FROM actors a WHERE a.document_id = d.id AND a.country = ? "
            f"AND {not_rejected('a')})",
            country,
        )
    _topic(where, filters, document_topic("d"))
    if filters.status:
        where.add("d.status = ?", filters.status)
    in_dates("d.published_date", "d.published_date", filters, where)
    return where


def snippet(
    text: str, needle: str, language: str | None, first: int | None, width: int = 60
) -> tuple[str, list[list[int]]]:
    """The text around the search's first match, its whitespace runs as one space, and the
    spans in it to mark ([start, end]): `first` is where the first word with a form of the
    search starts (None: no word has one), else the search as it is written; neither in the text
    (the title matched), the text's beginning."""
    at = first if first is not None else text.lower().find(needle)
    start = max(0, at - width) if at >= 0 else 0
    end = min(len(text), (at if at >= 0 else 0) + len(needle) + 2 * width)
    pieces: list[str] = ["…"] if start else []
    marks: list[list[int]] = []
    position = start
    for mark_start, mark_end in matches(text, needle, language, within=(start, end)):
        pieces.append(_one_space(text[position:mark_start]))
        placed = len("".join(pieces))
        pieces.append(_one_space(text[mark_start:mark_end]))
        marks.append([placed, len("".join(pieces))])
        position = mark_end
    pieces.append(_one_space(text[position:end]))
    cut = "".join(pieces)
    # The text's own leading whitespace is dropped, and the marks move with it.
    lead = len(cut) - len(cut.lstrip())
    cut = cut.strip() + ("…" if end < len(text) else "")
    return cut, [[a - lead, b - lead] for a, b in marks]


def search_marks(text: str, search: str, language: str | None) -> list[tuple[int, int]]:
    """Spans of a document's `text` that the search finds (the document page marks them):
    the words with a form of a searched word, and the search as it is written."""
    needle = checked_text(search, "search", MAX_SEARCH).lower()
    _search_words(needle)  # refused as a search would be
    return matches(text, needle, language)


def _one_space(text: str) -> str:
    return _WHITESPACE.sub(" ", text)


def _with_actor_names(
    store: Store, table: Table, actor_columns: tuple[str, ...], list_columns: tuple[str, ...]
) -> Table:
    """JSON id lists to lists: actor ids become the actors' names (one query for all rows)."""
    document = table.columns.index("document_id")
    documents = sorted({row[document] for row in table.rows})
    names: dict[tuple[str, str], str] = {}
    for start in range(0, len(documents), 500):
        chunk = documents[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        sql = f"SELECT document_id, id, name FROM actors WHERE document_id IN ({marks})"
        names.update(((d, a), n) for d, a, n in store.backend.rows(sql, chunk))
    positions = [table.columns.index(c) for c in actor_columns]
    lists = [table.columns.index(c) for c in list_columns]
    for row in table.rows:
        for p in positions:
            row[p] = [names.get((row[document], a), a) for a in json.loads(row[p])]
        for p in lists:
            row[p] = json.loads(row[p])
    return table


# --- what exports add to an events table --------------------------------------------------------

_LEAD_END = re.compile(r"[.!?…»\"”]\s*(?:\n|$)")


def lead_end(text: str) -> int:
    """Where a release's lead (its first paragraph) ends: the first line break after a line that
    ends a sentence, so a caption ("Фото: Сенат РК") or a title line without a stop is skipped."""
    found = _LEAD_END.search(text)
    return found.end() if found else len(text)


def event_details(store: Store, table: Table) -> dict[tuple[str, str], dict[str, Any]]:
    """Per (document_id, event_id) of an events table, what coding an export needs beyond the
    table: the event's own date (value, precision, basis) and the release's, whether it is in
    the release's lead, and each source and target actor as stored (name, Latin name, kind,
    country, KB id, titles) with the occupations its document states for it."""
    keys = {(row["document_id"], row["event_id"]) for row in table.dicts()}
    documents = sorted({document for document, _ in keys})
    details: dict[tuple[str, str], dict[str, Any]] = {}
    for start in range(0, len(documents), 200):
        chunk = documents[start : start + 200]
        marks = ", ".join("?" * len(chunk))
        actors: dict[tuple[str, str], dict[str, Any]] = {}
        for document, actor, kind, name, latin, country, kb_id, positions in store.backend.rows(
            f"""SELECT document_id, id, kind, name, name_latin, country, kb_id, positions
                FROM actors WHERE document_id IN ({marks})""",
            chunk,
        ):
            actors[(document, actor)] = {
                "id": actor, "kind": kind, "name": name, "name_latin": latin,
                "country": country, "kb_id": kb_id, "positions": json.loads(positions),
                "occupations": [],
            }  # fmt: skip
        for document, person, position, position_en, organization in store.backend.rows(
            f"""SELECT document_id, person_id, position, position_en, organization_id
                FROM occupations WHERE document_id IN ({marks}) ORDER BY document_id, seq""",
            chunk,
        ):
            if (document, person) in actors:
                found = actors.get((document, organization)) if organization else None
                actors[(document, person)]["occupations"].append(
                    {
                        "position": position,
                        "position_en": position_en,
                        "organization_kb_id": found["kb_id"] if found else None,
                    }
                )
        leads = {
            document: (lead_end(text), published_date)
            for document, text, published_date in store.backend.rows(
                f"SELECT id, text, published_date FROM documents WHERE id IN ({marks})", chunk
            )
        }
        for (
            document,
            event,
            sources,
            targets,
            value,
            precision,
            basis,
            span_start,
        ) in store.backend.rows(
            f"""SELECT document_id, id, source_actors, target_actors, date_value,
                           date_precision, date_basis, span_start
                    FROM events WHERE document_id IN ({marks})""",
            chunk,
        ):
            if (document, event) not in keys:
                continue
            lead, published_date = leads[document]
            details[(document, event)] = {
                "source": _stored(actors, document, sources),
                "target": _stored(actors, document, targets),
                "date_value": value, "date_precision": precision, "date_basis": basis,
                "published_date": _iso(published_date), "in_lead": span_start < lead,
            }  # fmt: skip
    return details


def _stored(
    actors: dict[tuple[str, str], dict[str, Any]], document: str, ids: str
) -> list[dict[str, Any]]:
    return [actors[(document, a)] for a in json.loads(ids) if (document, a) in actors]


def _iso(value: Any) -> str | None:
    return value.isoformat() if hasattr(value, "isoformat") else value
