"""The REST API under /api/: read-only endpoints are public, posting a review needs a token."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response

from communique.record import Record
from communique.store import facets, queries, questions, reviews
from communique.store.filters import Filters
from communique.store.queries import DOCUMENT_FILTERS, Table
from communique.store.store import Store
from communique.web.deps import (
    CSV_RESPONSE,
    Format,
    Limit,
    Offset,
    Sorting,
    StoreDep,
    TextFormatName,
    csv_response,
    export_response,
    filters_of,
    query_filters,
    refuse_unknown_parameters,
    token_author,
    wants_csv,
)
from communique.web.schemas import (
    ActorProfileOut,
    ActorsPage,
    AgreementsPage,
    CommitmentsPage,
    DocumentOut,
    DocumentsPage,
    ErrorOut,
    EventsPage,
    NetworkOut,
    PairCountOut,
    PairOut,
    RecordsPage,
    ReviewedKind,
    ReviewIn,
    ReviewOut,
    ReviewsPage,
    SearchPage,
    StatisticsOut,
    TopicsPage,
)

TAGS = [
    {"name": "documents", "description": "Stored documents and their full records."},
    {"name": "facts", "description": "Events, agreements, commitments, actors, topics, search."},
    {"name": "analysis", "description": "Statistics, country pairs, actor profiles, network."},
    {"name": "reviews", "description": "Analysts' reviews of facts, and their audit trail."},
]
_ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorOut, "description": "no such document, actor or country"},
    422: {"model": ErrorOut, "description": "a parameter of the wrong shape, and why"},
}
router = APIRouter(
    prefix="/api", responses=_ERRORS, dependencies=[Depends(refuse_unknown_parameters)]
)

DocumentId = Annotated[str, Path(description="the document's id (URL-encoded: / is %2F)")]
_DOCUMENT_FILTERS = {"--country", "--topic", "--since", "--until", "--status", *DOCUMENT_FILTERS}
_STATISTICS_FILTERS = {"--country", "--type", "--cameo", "--since", "--until", "--status"}


def _page(paged: questions.Paged, total: int | None = None) -> dict[str, Any]:
    return {
        "items": paged.dicts(),
        "limit": paged.limit,
        "offset": paged.offset,
        "next_offset": paged.next_offset,
        "total": total,
    }


def _answer(
    request: Request,
    output_format: str | None,
    paged: questions.Paged,
    name: str,
    *,
    counted: tuple[Store, Filters, str] | None = None,
) -> Any:
    """A page as CSV or JSON; `counted` (the store, the filters, the search words): the JSON
    carries the list's total, every page together, as the HTML list shows it."""
    if wants_csv(request, output_format):
        return csv_response(paged.table, name)
    total = facets.total(counted[0], name, counted[1], counted[2]) if counted else None
    return _page(paged, total)


# --- documents ----------------------------------------------------------------------------------


@router.get(
    "/documents",
    response_model=DocumentsPage,
    responses=CSV_RESPONSE,
    tags=["documents"],
    summary="Stored documents, newest first",
)
def list_documents(
    request: Request,
    store: StoreDep,
    filters: Annotated[
        Filters, Depends(filters_of(_DOCUMENT_FILTERS, "documents", of_facts=False))
    ],
    limit: Limit = 50,
    offset: Offset = 0,
    output_format: Format = None,
    sort: Sorting = None,
) -> Any:
    """Every stored document (re-publications too), with its counts of events, agreements and
    reviews. `country`: an actor of that country is named; `status`: ok or
    unsupported_language."""
    order = queries.make_sort("documents", sort)
    paged = questions.documents(store, filters, limit=limit, offset=offset, sort=order)
    return _answer(request, output_format, paged, "documents", counted=(store, filters, ""))


def _review_out(review: reviews.Review) -> dict[str, Any]:
    return review.as_dict()


@router.post(
    "/documents/{document_id:path}/reviews",
    response_model=ReviewOut,
    status_code=201,
    tags=["reviews"],
    summary="Review a fact of the document",
    responses={
        400: {"model": ErrorOut, "description": "a body that cannot be read as JSON"},
        401: {"model": ErrorOut, "description": "no token, or an unknown one"},
        409: {
            "model": ErrorOut,
            "description": "another review of the same facts was saved at the same moment",
        },
    },
)
def post_review(
    document_id: DocumentId,
    body: ReviewIn,
    store: StoreDep,
    author: Annotated[str, Depends(token_author)],
) -> Any:
    """Confirm, correct or reject a fact, or add one the machine missed. The review is applied
    to the fact at once (queries and exports see the corrected values) and kept in the audit
    trail; it survives `communique reprocess`."""
    questions.checked_key(document_id, "document")
    review = reviews.record_review(
        store,
        document_id=document_id,
        fact=body.fact,
        fact_id=body.fact_id or None,
        action=body.action,
        author=author,
        changes=body.changes,
        reason=body.reason,
    )
    return _review_out(review)


@router.get(
    "/documents/{document_id:path}/reviews",
    response_model=ReviewsPage,
    tags=["reviews"],
    summary="The reviews of one document, newest first",
)
def document_reviews(
    document_id: DocumentId, store: StoreDep, limit: Limit = 100, offset: Offset = 0
) -> Any:
    questions.document_header(store, document_id)  # 404 for an unknown document
    found = reviews.history(store, document_id=document_id, limit=limit + 1, offset=offset)
    total = reviews.history_total(store, document_id=document_id)
    return _reviews_page(found, limit, offset, total)


def _reviews_page(
    found: list[reviews.Review], limit: int, offset: int, total: int
) -> dict[str, Any]:
    return {
        "items": [_review_out(r) for r in found[:limit]],
        "limit": limit,
        "offset": offset,
        "next_offset": offset + limit if len(found) > limit else None,
        "total": total,
    }


@router.get(
    "/documents/{document_id:path}",
    response_model=DocumentOut,
    tags=["documents"],
    summary="One document with its full record",
)
def get_document(document_id: DocumentId, store: StoreDep) -> Any:
    """The document's store details, its record (the `communique extract` JSON, with analysts'
    corrections applied) and the review status of each reviewed fact."""
    header = questions.document_header(store, document_id)
    statuses = reviews.review_statuses(store, header.id)
    return {
        "document": header,
        "record": store.load(header.id),
        "reviewed": [
            {"fact": fact, "fact_id": fact_id, "status": status}
            for (fact, fact_id), status in sorted(statuses.items())
        ],
    }


@router.get(
    "/records",
    response_model=RecordsPage,
    tags=["documents"],
    summary="Full records, in the order of /api/documents",
)
def list_records(
    store: StoreDep,
    filters: Annotated[
        Filters, Depends(filters_of(_DOCUMENT_FILTERS, "documents", of_facts=False))
    ],
    limit: Annotated[int, Query(ge=1, le=100, description="records per page, 1 to 100")] = 20,
    offset: Offset = 0,
) -> Any:
    paged = questions.documents(store, filters, limit=limit, offset=offset)
    return {
        "items": [store.load(row["document_id"]) for row in paged.dicts()],
        "limit": limit,
        "offset": offset,
        "next_offset": paged.next_offset,
        "total": facets.total(store, "documents", filters),
    }


@router.get(
    "/records/{document_id:path}",
    response_model=Record,
    tags=["documents"],
    summary="One record, as `communique extract` writes it",
)
def get_record(document_id: DocumentId, store: StoreDep) -> Any:
    header = questions.document_header(store, document_id)
    return store.load(header.id)


# --- facts --------------------------------------------------------------------------------------


@router.get(
    "/events",
    response_model=EventsPage,
    responses=CSV_RESPONSE,
    tags=["facts"],
    summary="PLOVER/CAMEO events, newest first, once per story",
)
def list_events(
    request: Request,
    store: StoreDep,
    filters: Annotated[Filters, query_filters("events")],
    limit: Limit = 50,
    offset: Offset = 0,
    output_format: Format = None,
    sort: Sorting = None,
) -> Any:
    order = queries.make_sort("events", sort)
    paged = questions.query_page(store, "events", filters, limit=limit, offset=offset, sort=order)
    return _answer(request, output_format, paged, "events", counted=(store, filters, ""))


@router.get(
    "/agreements",
    response_model=AgreementsPage,
    responses=CSV_RESPONSE,
    tags=["facts"],
    summary="Agreements: signed, ratified, in force, planned, mentioned",
)
def list_agreements(
    request: Request,
    store: StoreDep,
    filters: Annotated[Filters, query_filters("agreements")],
    limit: Limit = 50,
    offset: Offset = 0,
    output_format: Format = None,
    sort: Sorting = None,
) -> Any:
    order = queries.make_sort("agreements", sort)
    paged = questions.query_page(
        store, "agreements", filters, limit=limit, offset=offset, sort=order
    )
    return _answer(request, output_format, paged, "agreements", counted=(store, filters, ""))


@router.get(
    "/commitments",
    response_model=CommitmentsPage,
    responses=CSV_RESPONSE,
    tags=["facts"],
    summary="Intents, promises, invitations, proposals, agreed next steps",
)
def list_commitments(
    request: Request,
    store: StoreDep,
    filters: Annotated[Filters, query_filters("commitments")],
    limit: Limit = 50,
    offset: Offset = 0,
    output_format: Format = None,
    sort: Sorting = None,
) -> Any:
    order = queries.make_sort("commitments", sort)
    paged = questions.query_page(
        store, "commitments", filters, limit=limit, offset=offset, sort=order
    )
    return _answer(request, output_format, paged, "commitments", counted=(store, filters, ""))


@router.get(
    "/actors",
    response_model=ActorsPage,
    responses=CSV_RESPONSE,
    tags=["facts"],
    summary="People, organisations and countries, by the number of documents naming them",
)
def list_actors(
    request: Request,
    store: StoreDep,
    filters: Annotated[Filters, query_filters("actors")],
    limit: Limit = 50,
    offset: Offset = 0,
    output_format: Format = None,
    sort: Sorting = None,
) -> Any:
    order = queries.make_sort("actors", sort)
    paged = questions.query_page(store, "actors", filters, limit=limit, offset=offset, sort=order)
    return _answer(request, output_format, paged, "actors", counted=(store, filters, ""))


@router.get(
    "/actors/{actor_key:path}",
    response_model=ActorProfileOut,
    tags=["analysis"],
    summary="One actor across documents: positions over time, meetings, counterparts",
)
def actor_profile(
    actor_key: Annotated[str, Path(description="the actor_key of /api/actors, URL-encoded")],
    store: StoreDep,
) -> Any:
    profile = questions.actor_profile(store, actor_key)
    return {**profile.__dict__, "meetings": profile.meetings.dicts()}


@router.get(
    "/topics",
    response_model=TopicsPage,
    responses=CSV_RESPONSE,
    tags=["facts"],
    summary="Cooperation topics by the number of stories naming them",
)
def list_topics(
    request: Request,
    store: StoreDep,
    filters: Annotated[Filters, Depends(filters_of({"--country", "--since", "--until"}, "topics"))],
    limit: Limit = 50,
    offset: Offset = 0,
    output_format: Format = None,
) -> Any:
    paged = questions.topics(store, filters, limit=limit, offset=offset)
    if wants_csv(request, output_format):
        return csv_response(paged.table, "topics")
    return _page(paged, questions.topics_total(store, filters))


@router.get(
    "/search",
    response_model=SearchPage,
    responses=CSV_RESPONSE,
    tags=["facts"],
    summary="Documents whose text or title contains the words, with a snippet",
)
def search(
    request: Request,
    store: StoreDep,
    q: Annotated[str, Query(description=f"words to find, 1 to {queries.MAX_SEARCH} characters")],
    filters: Annotated[Filters, query_filters("search")],
    limit: Limit = 50,
    offset: Offset = 0,
    output_format: Format = None,
    sort: Sorting = None,
) -> Any:
    order = queries.make_sort("search", sort)
    paged = questions.query_page(
        store, "search", filters, limit=limit, offset=offset, text=q, sort=order
    )
    return _answer(request, output_format, paged, "search", counted=(store, filters, q))


# --- every row of a list, streamed ----------------------------------------------------------

ExportFormat = Annotated[
    TextFormatName, Path(description="csv (UTF-8 with a byte order mark) or json")
]
_EXPORT_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "every row of the filter, streamed",
        "content": {"text/csv": {"schema": {"type": "string"}}, "application/json": {}},
    }
}


def _export(
    kind: str, output_format: str, fetch: Callable[[int, int], Table], name: str | None = None
) -> Response:
    return export_response(fetch, name or kind, output_format)


def _export_route(kind: str, dependency: Any, summary: str) -> None:
    def export(
        store: StoreDep,
        output_format: ExportFormat,
        sort: Sorting = None,
        filters: Filters = dependency,  # a default, not an annotation: it is this kind's own
    ) -> Response:
        order = queries.make_sort(kind, sort)
        if kind == "documents":
            return _export(
                kind,
                output_format,
                lambda limit, offset: (
                    questions.documents(
                        store, filters, limit=limit, offset=offset, sort=order
                    ).table
                ),
            )
        return _export(
            kind,
            output_format,
            lambda limit, offset: queries.run(
                store, kind, filters, limit=limit, offset=offset, sort=order
            ),
        )

    router.add_api_route(
        f"/{kind}.{{output_format}}",
        export,
        methods=["GET"],
        response_class=Response,
        responses=_EXPORT_RESPONSES,
        tags=["facts"],
        summary=summary,
        name=f"export_{kind}",
    )


_export_route(
    "documents",
    Depends(filters_of(_DOCUMENT_FILTERS, "documents", of_facts=False)),
    "Every document of the filter, as CSV or JSON",
)
for _kind in ("events", "agreements", "commitments", "actors"):
    _export_route(_kind, query_filters(_kind), f"Every row of /api/{_kind}, as CSV or JSON")


@router.get(
    "/search.{output_format}",
    response_class=Response,
    responses=_EXPORT_RESPONSES,
    tags=["facts"],
    summary="Every document the search finds, as CSV or JSON",
)
def export_search(
    store: StoreDep,
    output_format: ExportFormat,
    q: Annotated[str, Query(description=f"words to find, 1 to {queries.MAX_SEARCH} characters")],
    filters: Annotated[Filters, query_filters("search")],
    sort: Sorting = None,
) -> Response:
    order = queries.make_sort("search", sort)
    return _export(
        "search",
        output_format,
        lambda limit, offset: queries.run(
            store, "search", filters, limit=limit, offset=offset, text=q, sort=order
        ),
    )


# --- analysis -----------------------------------------------------------------------------------


def _pair_out(pair: questions.PairCount) -> dict[str, Any]:
    return {"pair": pair.slug, "a": pair.a, "b": pair.b, "events": pair.events}


def _country_out(country: str, events: int) -> dict[str, Any]:
    return {"country": country, "name": questions.country_name(country), "events": events}


@router.get(
    "/statistics",
    response_model=StatisticsOut,
    tags=["analysis"],
    summary="Rows per table, events per PLOVER type, the busiest country pairs",
)
def statistics(store: StoreDep) -> Any:
    found = questions.statistics(store)
    return {
        "counts": found.counts,
        "documents_by_status": found.documents_by_status,
        "events_by_type": [{"type": t, "events": n} for t, n in found.events_by_type],
        "top_pairs": [_pair_out(p) for p in found.top_pairs],
        "top_countries": [_country_out(c, n) for c, n in found.top_countries],
    }


@router.get(
    "/pairs",
    response_model=list[PairCountOut],
    responses=CSV_RESPONSE,
    tags=["analysis"],
    summary="Country pairs by the number of events involving both",
)
def list_pairs(
    request: Request,
    store: StoreDep,
    filters: Annotated[Filters, Depends(filters_of(_STATISTICS_FILTERS, "pairs"))],
    limit: Limit = 50,
    output_format: Format = None,
) -> Any:
    pairs = questions.country_pairs(store, filters, limit=limit)
    rows = [_pair_out(p) for p in pairs]
    if wants_csv(request, output_format):
        columns = ["pair", "a", "b", "events"]
        return csv_response(Table(columns, [[r[c] for c in columns] for r in rows]), "pairs")
    return rows


@router.get(
    "/pairs/{pair}",
    response_model=PairOut,
    tags=["analysis"],
    summary="Everything between two countries: events by month and type, agreements...",
)
def pair_summary(
    pair: Annotated[str, Path(description="two ISO alpha-2 codes, e.g. KZ-MN")],
    store: StoreDep,
    include_rejected: Annotated[bool, Query(description="also rejected facts")] = False,
    include_inferred: Annotated[
        bool, Query(description="also events whose sides the text states elsewhere")
    ] = False,
) -> Any:
    a, b = questions.parse_pair(pair)
    found = questions.pair_summary(
        store, a, b, include_rejected=include_rejected, include_inferred=include_inferred
    )
    by_type = [{"type": t, "events": n} for t, n in found.events_by_type]
    return {
        "pair": f"{a}-{b}",
        "countries": [_country_out(c, sum(n for _, n in found.events_by_type)) for c in (a, b)],
        "events_by_type": by_type,
        "timeline": [
            {"period": p.label, "counts": p.counts, "total": p.total} for p in found.timeline
        ],
        "events": found.events.dicts(),
        "agreements": found.agreements.dicts(),
        "commitments": found.commitments.dicts(),
        "topics": [t.__dict__ for t in found.topics],
        "people": [p.__dict__ for p in found.people],
    }


@router.get(
    "/network",
    response_model=NetworkOut,
    tags=["analysis"],
    summary="Countries and the events between them: the busiest pairs",
)
def network(
    store: StoreDep,
    filters: Annotated[Filters, Depends(filters_of(_STATISTICS_FILTERS, "the network"))],
    limit: Annotated[int, Query(ge=1, le=questions.MAX_LIMIT, description="pairs at most")] = 100,
) -> Any:
    found = questions.network(store, filters, limit=limit)
    return {
        "nodes": [_country_out(c, n) for c, n in found.nodes],
        "edges": [_pair_out(p) for p in found.edges],
    }


# --- reviews ------------------------------------------------------------------------------------


@router.get(
    "/reviews",
    response_model=ReviewsPage,
    tags=["reviews"],
    summary="The audit trail of every review, newest first",
)
def list_reviews(
    store: StoreDep,
    author: Annotated[str | None, Query(max_length=64, description="token name")] = None,
    fact: Annotated[
        ReviewedKind | None, Query(description="kind of fact, or document (its date)")
    ] = None,
    document_id: Annotated[str | None, Query(max_length=questions.MAX_KEY)] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> Any:
    if not all(questions.storable(value) for value in (author, document_id)):
        return _reviews_page([], limit, offset, 0)  # no stored name or id has control characters
    found = reviews.history(
        store, document_id=document_id, fact=fact, author=author, limit=limit + 1, offset=offset
    )
    total = reviews.history_total(store, document_id=document_id, fact=fact, author=author)
    return _reviews_page(found, limit, offset, total)
