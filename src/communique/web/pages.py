"""The server-rendered pages: the analyst's dashboard. Everything they show comes from questions.py
and store.queries, the same answers the API gives."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from communique.record import AgreementStatus, EventStatus, RecordStatus
from communique.store import facets, queries, questions, reviews
from communique.store.filters import FilterError, Filters, make_filters
from communique.store.store import Store
from communique.store.tokens import authenticate, token_hash
from communique.web import charts
from communique.web.deps import Offset, StoreDep, reads_parameters, refuse_unknown_parameters
from communique.web.document_view import DocumentView, plover_types
from communique.web.rendering import document_url, palette_css, public_message, render
from communique.web.sessions import (
    CSRF_COOKIE,
    SESSION_COOKIE,
    check_csrf,
    check_origin,
    current_session,
    forget,
    keep_sign_in_csrf,
    remember,
    sessions_of,
    sign_in_csrf,
    signed_in,
)

router = APIRouter(include_in_schema=False, dependencies=[Depends(refuse_unknown_parameters)])

PAGE_SIZE = 50
# Filters of the documents a list's rows come from (store.queries.DOCUMENT_FILTERS).
_DOCUMENT_FILTERS = ("--source", "--language", "--undated")
# The filters each list page offers (CLI option names), in the order its form shows them.
_PAGE_FILTERS: dict[str, tuple[str, ...]] = {
    "documents": ("--country", "--topic", "--since", "--until", "--status", *_DOCUMENT_FILTERS),
    "events": ("--country", "--actor", "--type", "--cameo", "--topic", "--since", "--until",
               "--status", *_DOCUMENT_FILTERS),
    "agreements": ("--country", "--actor", "--topic", "--since", "--until", "--status",
                   *_DOCUMENT_FILTERS),
    "commitments": ("--country", "--actor", "--type", "--topic", "--since", "--until",
                    *_DOCUMENT_FILTERS),
    "actors": ("--country", "--actor", "--kind", "--topic", "--since", "--until", "--source",
               "--language"),
    "search": ("--country", "--actor", "--topic", "--since", "--until", *_DOCUMENT_FILTERS),
    "network": ("--type", "--since", "--until", "--status"),
}  # fmt: skip
_PARAMETER = {
    "--country": "country", "--actor": "actor", "--type": "type", "--cameo": "cameo",
    "--topic": "topic", "--since": "since", "--until": "until", "--status": "status",
    "--kind": "kind", "--source": "source", "--language": "language", "--undated": "undated",
}  # fmt: skip
# The statuses a list's status menu offers (the status filter refuses any other).
_STATUS_CHOICES: dict[str, tuple[str, ...]] = {
    "documents": tuple(s.value for s in RecordStatus),
    "events": tuple(s.value for s in EventStatus),
    "agreements": tuple(s.value for s in AgreementStatus),
    "network": tuple(s.value for s in EventStatus),
}
# A facet's values link to the filter of the same name.
_FACET_FILTERS = {"country": "country", "type": "type", "topic": "topic", "status": "status",
                  "kind": "kind", "source": "source", "language": "language"}  # fmt: skip


def _page_parameters(kind: str, *more: str) -> tuple[str, ...]:
    """The query parameters a list page reads from the request: its filters, its sort, `more`."""
    return (*(_PARAMETER[o] for o in _PAGE_FILTERS[kind]), "sort", *more)


class PageFilters:
    """A list page's filters as the user typed them (to fill its form again), and as Filters, or
    the error that explains why they are not."""

    def __init__(self, request: Request, kind: str) -> None:
        self.kind = kind
        self.options = _PAGE_FILTERS[kind]
        self.statuses = _STATUS_CHOICES.get(kind, ())
        params = request.query_params
        self.sort_value = params.get("sort", "")[:40]
        self.sort: queries.Sort | None = None
        # Cut to 1000 characters: what the form shows again (every filter refuses far less).
        self.values: dict[str, str] = {
            _PARAMETER[o]: params.get(_PARAMETER[o], "")[:1000] for o in self.options
        }
        self.error: str | None = None
        # How many rows the date filter leaves out for having no date (set by the list page).
        self.undated_left_out: int | None = None
        self.filters: Filters = make_filters()
        try:
            self.filters = make_filters(
                countries=[self.values["country"]] if self.values.get("country") else (),
                actor=self.values.get("actor") or None,
                event_type=self.values.get("type") or None,
                cameo=self.values.get("cameo") or None,
                topic=self.values.get("topic") or None,
                since=self.values.get("since") or None,
                until=self.values.get("until") or None,
                status=self.values.get("status") or None,
                kind=self.values.get("kind") or None,
                source=self.values.get("source") or None,
                language=self.values.get("language") or None,
                undated=bool(self.values.get("undated")),
            )
            if kind in queries.SORTABLE:
                self.sort = queries.make_sort(kind, self.sort_value)
        except FilterError as error:
            self.error = public_message(str(error))

    @property
    def query(self) -> dict[str, str]:
        """The filters that are set, and the sort: for the pager's links."""
        query = {name: value for name, value in self.values.items() if value}
        return {**query, "sort": self.sort_value} if self.sort_value else query

    def sorted_by(self, column: str) -> dict[str, str]:
        """The query of this list sorted by `column`: ascending, or descending when it is
        sorted by it ascending already."""
        ascending = self.sort is not None and self.sort.column == column
        ascending = ascending and not self.sort.descending  # type: ignore[union-attr]
        return {**self.query, "sort": f"-{column}" if ascending else column}

    @property
    def undated_query(self) -> dict[str, str]:
        """The query of the rows this list's date filter leaves out: the same filters, no
        dates, only what has none."""
        kept = {k: v for k, v in self.query.items() if k not in ("since", "until")}
        return {**kept, "undated": "1"}

    def sortable(self, column: str) -> bool:
        return column in queries.SORTABLE.get(self.kind, {})

    def facet_query(self, facet: str, value: str) -> dict[str, str] | None:
        """The query of this list narrowed to a facet's value; None where no filter does it."""
        if facet == "year":
            return {**self.query, "since": value, "until": value}
        name = _FACET_FILTERS.get(facet)
        if name is None or name not in self.values:
            return None
        return {**self.query, name: value}


def _user(request: Request, store: Store) -> str | None:
    return signed_in(request, store)


def _list_page(
    request: Request,
    store: Store,
    template: str,
    filters: PageFilters,
    produce: Callable[[Filters], Any],
    context: dict[str, Any] | None = None,
    *,
    text: str = "",
) -> HTMLResponse:
    """A page of rows with a filter form, the list's total and facets: an invalid filter shows
    the form with its error."""
    paged = None
    total: int | None = None
    found_facets: list[facets.Facet] = []
    if filters.error is None:
        try:
            paged = produce(filters.filters)
            if filters.kind in facets.LISTS:
                total, found_facets = facets.facets(store, filters.kind, filters.filters, text)
                filters.undated_left_out = facets.undated_left_out(
                    store, filters.kind, filters.filters, text
                )
        except FilterError as error:
            filters.error = public_message(str(error))
    return render(
        request,
        template,
        {
            "filters": filters,
            "paged": paged,
            "total": total,
            "facets": found_facets,
            **(context or {}),
        },
        status=422 if filters.error else 200,
        user=_user(request, store),
    )


@router.get("/palette.css")
def palette() -> Response:
    return Response(
        palette_css(),
        media_type="text/css; charset=utf-8",
        headers={"Cache-Control": "public, max-age=3600"},
    )


# --- home and lists -----------------------------------------------------------------------------


@router.get("/", response_class=HTMLResponse)
def home(request: Request, store: StoreDep) -> HTMLResponse:
    stats = questions.statistics(store, top=12)
    latest = questions.documents(store, make_filters(), limit=10, offset=0)
    topics = questions.topics(store, make_filters(), limit=15, offset=0)
    return render(
        request,
        "home.html",
        {
            "stats": stats,
            # What each list shows as its total: the cards and the lists agree.
            "totals": {
                kind: facets.total(store, kind, make_filters())
                for kind in ("documents", "events", "agreements", "commitments", "actors")
            },
            "latest": latest.dicts(),
            "topics": topics.dicts(),
            "type_bars": charts.bars(stats.events_by_type),
        },
        user=_user(request, store),
    )


@router.get("/documents", response_class=HTMLResponse)
@reads_parameters(*_page_parameters("documents"))
def documents_page(request: Request, store: StoreDep, offset: Offset = 0) -> HTMLResponse:
    filters = PageFilters(request, "documents")
    return _list_page(
        request,
        store,
        "documents.html",
        filters,
        lambda f: questions.documents(store, f, limit=PAGE_SIZE, offset=offset, sort=filters.sort),
    )


def _query_page(
    request: Request, store: Store, kind: str, offset: int, text: str = ""
) -> HTMLResponse:
    filters = PageFilters(request, kind)
    return _list_page(
        request,
        store,
        f"{kind}.html",
        filters,
        lambda f: questions.query_page(
            store, kind, f, limit=PAGE_SIZE, offset=offset, text=text, sort=filters.sort
        ),
        {"plover_types": plover_types(), "q": text},
        text=text,
    )


@router.get("/events", response_class=HTMLResponse)
@reads_parameters(*_page_parameters("events"))
def events_page(request: Request, store: StoreDep, offset: Offset = 0) -> HTMLResponse:
    return _query_page(request, store, "events", offset)


@router.get("/agreements", response_class=HTMLResponse)
@reads_parameters(*_page_parameters("agreements"))
def agreements_page(request: Request, store: StoreDep, offset: Offset = 0) -> HTMLResponse:
    return _query_page(request, store, "agreements", offset)


@router.get("/commitments", response_class=HTMLResponse)
@reads_parameters(*_page_parameters("commitments"))
def commitments_page(request: Request, store: StoreDep, offset: Offset = 0) -> HTMLResponse:
    return _query_page(request, store, "commitments", offset)


@router.get("/actors", response_class=HTMLResponse)
@reads_parameters(*_page_parameters("actors"))
def actors_page(request: Request, store: StoreDep, offset: Offset = 0) -> HTMLResponse:
    return _query_page(request, store, "actors", offset)


@router.get("/search", response_class=HTMLResponse)
@reads_parameters(*_page_parameters("search"))
def search_page(
    request: Request,
    store: StoreDep,
    q: Annotated[str, Query(max_length=2000)] = "",
    offset: Offset = 0,
) -> HTMLResponse:
    if not q.strip():  # the empty search form
        return render(
            request,
            "search.html",
            {
                "filters": PageFilters(request, "search"),
                "paged": None,
                "q": "",
                "total": None,
                "facets": [],
            },
            user=_user(request, store),
        )
    return _query_page(request, store, "search", offset, text=q)


# --- one document -------------------------------------------------------------------------------


def _document_page(
    request: Request,
    store: Store,
    document_id: str,
    *,
    error: str | None = None,
    status: int = 200,
    typed: dict[str, Any] | None = None,
    search: str = "",
) -> HTMLResponse:
    header = questions.document_header(store, document_id)
    record = store.load(header.id)
    view = DocumentView(
        record,
        reviews.review_statuses(store, header.id),
        reviews.review_states(store, header.id),
        queries.search_marks(record.text, search, record.language) if search.strip() else None,
    )
    return render(
        request,
        "document.html",
        {
            "header": header,
            "record": record,
            "view": view,
            "error": error,
            # A refused review's form, as it was filled in: shown again to be fixed.
            "typed": typed,
            "plover_types": plover_types(),
            "search": search,
        },
        status=status,
        user=_user(request, store),
    )


@router.get("/documents/{document_id:path}", response_class=HTMLResponse)
def document_page(
    request: Request,
    store: StoreDep,
    document_id: str,
    q: Annotated[str, Query(max_length=queries.MAX_SEARCH)] = "",
) -> HTMLResponse:
    """The document; `q`, the search it was opened from: its matches in the text are marked,
    and `#match` is the first."""
    return _document_page(request, store, document_id, search=q)


@router.post("/documents/{document_id:path}/reviews")
async def review_form(request: Request, store: StoreDep, document_id: str) -> Response:
    """A review form of the document page: applied, then back to the document (303), the fact
    in view; signed out, to the sign-in page first."""
    check_origin(request)
    form = await request.form()
    # The store and the review are blocking calls: off the event loop, like every other page.
    return await run_in_threadpool(_take_review, request, store, document_id, form)


def _take_review(request: Request, store: Store, document_id: str, form: FormData) -> Response:
    questions.checked_key(document_id, "document")
    session = current_session(request, store)
    author = signed_in(request, store)
    if session is None or author is None:
        # Nothing is changed for a post without a session: it only leads to the sign-in page.
        return RedirectResponse(
            "/login?" + urlencode({"next": document_url(document_id)}), status_code=303
        )
    check_csrf(form, session.csrf_token)
    fact = str(form.get("fact", ""))
    fact_id = str(form.get("fact_id", ""))
    action = str(form.get("action", ""))
    # The correction fields only mean something when correcting (or adding): a confirm sent
    # from a form with a field filled in by mistake is still a confirm.
    changes = (
        {
            name.removeprefix("changes-"): str(value).strip()
            for name, value in form.multi_items()
            if name.startswith("changes-") and str(value).strip()
        }
        if action in ("correct", "add")
        else {}
    )
    reason = str(form.get("reason", "")).strip() or None
    try:
        review = reviews.record_review(
            store,
            document_id=document_id,
            fact=fact,
            fact_id=fact_id or None,
            action=action,
            author=author,
            changes=changes,
            reason=reason,
        )
    except reviews.ReviewError as error:
        typed = {
            "fact": fact,
            "fact_id": fact_id,
            "action": action,
            "reason": reason or "",
            "changes": {
                name.removeprefix("changes-"): str(value)[: reviews.MAX_TEXT]
                for name, value in form.multi_items()
                if name.startswith("changes-")
            },
        }
        return _document_page(
            request, store, document_id, error=str(error), status=error.http_status, typed=typed
        )
    return RedirectResponse(
        document_url(document_id, review.fact, review.attached_to or review.fact_id),
        status_code=303,
    )


# --- pairs, actors, network ---------------------------------------------------------------------


@router.get("/pairs", response_class=HTMLResponse)
def pairs_page(request: Request, store: StoreDep) -> HTMLResponse:
    pairs = questions.country_pairs(store, make_filters(), limit=200)
    return render(request, "pairs.html", {"pairs": pairs}, user=_user(request, store))


@router.get("/pairs/{pair}", response_class=HTMLResponse)
def pair_page(request: Request, store: StoreDep, pair: str) -> Response:
    a, b = questions.parse_pair(pair)
    if f"{a}-{b}" != pair:  # one address per pair: KZ-MN, not mn-kz
        return RedirectResponse(f"/pairs/{a}-{b}", status_code=308)
    summary = questions.pair_summary(store, a, b)
    return render(
        request,
        "pair.html",
        {
            "summary": summary,
            "chart": charts.timeline_chart(summary.timeline),
            "events": summary.events.dicts(),
            "agreements": summary.agreements.dicts(),
            "commitments": summary.commitments.dicts(),
        },
        user=_user(request, store),
    )


@router.get("/actors/{actor_key:path}", response_class=HTMLResponse)
def actor_page(request: Request, store: StoreDep, actor_key: str) -> HTMLResponse:
    profile = questions.actor_profile(store, actor_key)
    return render(
        request,
        "actor.html",
        {
            "profile": profile,
            "meetings": profile.meetings.dicts(),
            "graph": charts.star_graph(profile.name, profile.counterparts),
        },
        user=_user(request, store),
    )


@router.get("/network", response_class=HTMLResponse)
@reads_parameters(*_page_parameters("network"))
def network_page(
    request: Request,
    store: StoreDep,
    limit: Annotated[int, Query(ge=1, le=questions.MAX_LIMIT)] = 60,
) -> HTMLResponse:
    filters = PageFilters(request, "network")
    return _list_page(
        request,
        store,
        "network.html",
        filters,
        lambda f: charts.circle_graph(questions.network(store, f, limit=limit)),
        {"plover_types": plover_types()},
    )


# --- reviews and signing in ---------------------------------------------------------------------


@router.get("/reviews", response_class=HTMLResponse)
def reviews_page(
    request: Request,
    store: StoreDep,
    author: Annotated[str, Query(max_length=64)] = "",
    offset: Offset = 0,
) -> HTMLResponse:
    wanted = author.strip() if questions.storable(author) else None
    found = (
        reviews.history(store, author=wanted or None, limit=PAGE_SIZE + 1, offset=offset)
        if wanted is not None
        else []
    )
    return render(
        request,
        "reviews.html",
        {
            "reviews": found[:PAGE_SIZE],
            "author": author,
            "offset": offset,
            "next_offset": offset + PAGE_SIZE if len(found) > PAGE_SIZE else None,
            "total": reviews.count_reviews(store),
        },
        user=_user(request, store),
    )


def _local(target: str) -> str:
    """Where to go after signing in: a path of this site only. Never `//elsewhere`, nor what a
    browser reads as such: it drops tabs and newlines from URLs and reads `\\` as `/`."""
    if any(unicodedata.category(c) == "Cc" for c in target) or "\\" in target:
        return "/"
    if target.startswith("/") and not target.startswith("//"):
        return target
    return "/"


@router.get("/login", response_class=HTMLResponse)
def login_form(
    request: Request, store: StoreDep, next: Annotated[str, Query(max_length=2000)] = "/"
) -> HTMLResponse:
    return _login_page(request, store, _local(next))


def _login_page(
    request: Request, store: Store | None, target: str, error: str | None = None
) -> HTMLResponse:
    """The sign-in form, its CSRF token in the form and in the `communique_csrf` cookie."""
    user = _user(request, store) if store is not None else None
    if user is None:
        sign_in_csrf(request)
    response = render(
        request,
        "login.html",
        {"next": target, "error": error},
        status=401 if error else 200,
        user=user,
    )
    if user is None:
        keep_sign_in_csrf(request, response)
    return response


@router.post("/login")
async def login(request: Request, store: StoreDep) -> Response:
    check_origin(request)
    form = await request.form()
    return await run_in_threadpool(_sign_in, request, store, form)


def _sign_in(request: Request, store: Store, form: FormData) -> Response:
    # The token the form was rendered with: the session's when someone is signed in already.
    session = current_session(request, store)
    check_csrf(form, session.csrf_token if session else request.cookies.get(CSRF_COOKIE))
    token = str(form.get("token", "")).strip()
    target = _local(str(form.get("next", "/")))
    author = authenticate(store, token)
    if author is None:
        return _login_page(request, None, target, "Unknown or revoked token.")
    response = RedirectResponse(target, status_code=303)
    sessions = sessions_of(request)
    sessions.end(request.cookies.get(SESSION_COOKIE))  # a new session id for each sign-in
    remember(request, response, sessions.start(token_hash(token)))
    return response


@router.post("/logout")
async def logout(request: Request, store: StoreDep) -> Response:
    """Sign out (a post from the page header, with the session's CSRF token): the session is
    ended on the server, not only its cookie deleted."""
    check_origin(request)
    form = await request.form()
    return await run_in_threadpool(_sign_out, request, store, form)


def _sign_out(request: Request, store: Store, form: FormData) -> Response:
    session = current_session(request, store)
    if session is not None:
        check_csrf(form, session.csrf_token)
    response = RedirectResponse("/", status_code=303)
    forget(request, response)
    return response
