"""How many rows a list has, and its facets: the rows counted by country, type, topic, status,
year, source and language, as Datasette shows them beside a table. Each list counts with the
same conditions store.queries lists it with, so a facet's count is the number of rows its link
shows."""

from __future__ import annotations

from dataclasses import dataclass, replace

from communique.store import queries
from communique.store.filters import Filters, Where
from communique.store.store import Store

FACET_SIZE = 12  # values shown per facet; the rest are one click away through the filter


@dataclass(frozen=True)
class _List:
    """What a list is counted over: its rows' tables, what identifies one row, and the SQL of
    each facet's value (a join it needs, then the value's expression)."""

    tables: str
    row: str
    date: str
    facets: dict[str, tuple[str, str]]


def _country(fact: str, alias: str) -> tuple[str, str]:
    return (
        f"JOIN fact_countries fx ON fx.document_id = d.id AND fx.fact = '{fact}' "
        f"AND fx.fact_id = {alias}.id",
        "fx.country",
    )


_DOCUMENT_TOPIC = ("JOIN topics tx ON tx.document_id = d.id", "tx.id")
_DOCUMENT_COUNTRY = (
    "JOIN actors ax ON ax.document_id = d.id AND ax.country IS NOT NULL "
    "AND (ax.review IS NULL OR ax.review <> 'rejected')",
    "ax.country",
)
_EVENT_TOPIC = (
    "JOIN event_topics tx ON tx.document_id = e.document_id AND tx.event_id = e.id",
    "tx.topic_id",
)
_SOURCE = ("", "d.source")
_LANGUAGE = ("", "d.language")

LISTS: dict[str, _List] = {
    "events": _List(
        "events e JOIN documents d ON d.id = e.document_id",
        "e.document_id || ' ' || e.id",
        "coalesce(e.date_first, d.published_date)",
        {"country": _country("event", "e"), "type": ("", "e.type"), "topic": _EVENT_TOPIC,
         "status": ("", "e.status"), "source": _SOURCE, "language": _LANGUAGE},
    ),
    "agreements": _List(
        "agreements g JOIN documents d ON d.id = g.document_id",
        "g.document_id || ' ' || g.id",
        "coalesce(g.date_first, d.published_date)",
        {"country": _country("agreement", "g"), "topic": _DOCUMENT_TOPIC,
         "status": ("", "g.status"), "source": _SOURCE, "language": _LANGUAGE},
    ),
    "commitments": _List(
        "commitments c JOIN documents d ON d.id = c.document_id "
        "LEFT JOIN events e ON e.document_id = c.document_id AND e.id = c.event_id",
        "c.document_id || ' ' || c.id",
        "d.published_date",
        {"country": _country("commitment", "c"), "type": ("", "e.type"),
         "topic": _EVENT_TOPIC, "source": _SOURCE, "language": _LANGUAGE},
    ),
    "actors": _List(
        "actors a JOIN documents d ON d.id = a.document_id",
        "a.actor_key",
        "d.published_date",
        {"country": ("", "a.country"), "kind": ("", "a.kind"), "topic": _DOCUMENT_TOPIC,
         "source": _SOURCE, "language": _LANGUAGE},
    ),
    "search": _List(
        "documents d", "d.id", "d.published_date",
        {"country": _DOCUMENT_COUNTRY, "topic": _DOCUMENT_TOPIC, "status": ("", "d.status"),
         "source": _SOURCE, "language": _LANGUAGE},
    ),
    "documents": _List(
        "documents d", "d.id", "d.published_date",
        {"country": _DOCUMENT_COUNTRY, "topic": _DOCUMENT_TOPIC, "status": ("", "d.status"),
         "source": _SOURCE, "language": _LANGUAGE},
    ),
}  # fmt: skip


@dataclass(frozen=True)
class FacetValue:
    value: str
    count: int


@dataclass(frozen=True)
class Facet:
    name: str  # country, type, topic, status, year, source, language, kind
    values: list[FacetValue]  # the most frequent first, at most FACET_SIZE
    more: bool  # values beyond those shown


def where_of(kind: str, filters: Filters, text: str = "") -> Where:
    """The conditions the list `kind` is fetched with (store.queries), for counting it."""
    if kind == "documents":
        return queries.document_where(filters)
    queries.check(kind, filters)
    return {
        "events": lambda: queries.event_where(filters),
        "agreements": lambda: queries.agreement_where(filters),
        "commitments": lambda: queries.commitment_where(filters),
        "actors": lambda: queries.actor_where(filters),
        "search": lambda: queries.search_where(filters, text),
    }[kind]()


def total(store: Store, kind: str, filters: Filters, text: str = "") -> int:
    """How many rows the list `kind` has with these filters, every page together."""
    found = LISTS[kind]
    where = where_of(kind, filters, text)
    sql = f"SELECT count(DISTINCT {found.row}) FROM {found.tables} WHERE {where.sql()}"
    return int(store.backend.rows(sql, where.params)[0][0])


def undated_left_out(store: Store, kind: str, filters: Filters, text: str = "") -> int | None:
    """How many rows of the list have no date, and so are left out by its --since/--until;
    None when no date filter is set, or the list's rows are not dated one each (actors)."""
    if not (filters.since or filters.until) or "--undated" not in queries.ALLOWED.get(
        kind, queries.DOCUMENT_FILTERS
    ):
        return None
    return total(store, kind, replace(filters, since=None, until=None, undated=True), text)


def facets(store: Store, kind: str, filters: Filters, text: str = "") -> tuple[int, list[Facet]]:
    """The list's total, and its rows counted by each of its facets (rows without a value are
    not counted; a row with two countries counts under each). One query: the rows the filters
    keep are found once (a materialized CTE: a text search scans the texts once, not once per
    facet)."""
    found = LISTS[kind]
    where = where_of(kind, filters, text)
    dimensions = {**found.facets, "year": ("", f"substr(CAST({found.date} AS VARCHAR), 1, 4)")}
    counts = " UNION ALL ".join(
        f"""SELECT '{name}' AS facet, CAST({value} AS VARCHAR) AS value,
                   count(DISTINCT {found.row}) AS n
            FROM {found.tables} {join}
            WHERE {found.row} IN (SELECT row_key FROM kept) AND {value} IS NOT NULL
            GROUP BY {value}"""
        for name, (join, value) in dimensions.items()
    )
    sql = f"""
        WITH kept AS MATERIALIZED (SELECT {found.row} AS row_key FROM {found.tables}
                                   WHERE {where.sql()})
        SELECT '' AS facet, NULL AS value, count(DISTINCT row_key) AS n FROM kept
        UNION ALL
        SELECT facet, value, n FROM (
            SELECT facet, value, n,
                   row_number() OVER (PARTITION BY facet ORDER BY n DESC, value) AS place
            FROM ({counts}) counted
        ) ranked
        WHERE place <= ?"""
    by_facet: dict[str, list[FacetValue]] = {name: [] for name in dimensions}
    rows = store.backend.rows(sql, [*where.params, FACET_SIZE + 1])
    total = next(int(n) for facet, _, n in rows if facet == "")
    # Ordered here: the order of a UNION's rows is not the order of its parts.
    for facet, value, n in sorted((r for r in rows if r[0] != ""), key=lambda r: (-r[2], r[1])):
        by_facet[str(facet)].append(FacetValue(str(value), int(n)))
    return total, [
        Facet(name, values[:FACET_SIZE], len(values) > FACET_SIZE)
        for name, values in by_facet.items()
    ]
