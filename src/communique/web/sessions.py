"""Who is signed in to the pages, and the checks every form post passes.

Signing in with an API token starts a server-side session: the browser's cookie holds only a
random session id, never the token. A session keeps the token's SHA-256 (what the store keeps),
is checked against the store on every request (revoking the token ends every session made with
it), expires after SESSION_HOURS, and ends at sign-out. Sessions live in the server process's
memory: restarting `communique serve` signs everyone out.

Every form post (sign in, sign out, a review) must come from this site: its `Origin` (else its
`Referer`) names this host, and it carries the CSRF token the page was rendered with — the
session's, or before signing in the one in the `communique_csrf` cookie (a double-submit token).
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from fastapi import HTTPException, Request
from fastapi.responses import Response
from starlette.datastructures import FormData

from communique.store.store import Store
from communique.store.tokens import author_of_hash

SESSION_COOKIE = "communique_session"
CSRF_COOKIE = "communique_csrf"
CSRF_FIELD = "csrf_token"
# The cookie of earlier versions, which held the raw token: deleted when someone signs in or out.
LEGACY_TOKEN_COOKIE = "communique_token"
SESSION_HOURS = 12
# Sessions are made only by a valid token, but memory stays bounded whatever happens: past this,
# the oldest session is ended to make room.
MAX_SESSIONS = 10_000
# Ids and CSRF tokens are secrets.token_urlsafe(32): 43 characters. A cookie far longer is junk.
_MAX_SECRET = 100

FORBIDDEN_ORIGIN = "this form was sent from another site: reload the page and try again"
FORBIDDEN_CSRF = (
    "this form's security token is missing or out of date: reload the page and try again"
)


@dataclass(frozen=True)
class Session:
    id: str
    token_hash: str
    csrf_token: str
    expires_at: float  # on the `clock` of the Sessions that made it


class Sessions:
    """The signed-in sessions of one server process. Thread-safe: pages run in worker threads."""

    def __init__(
        self,
        lifetime_seconds: float = SESSION_HOURS * 3600,
        max_sessions: int = MAX_SESSIONS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.lifetime_seconds = lifetime_seconds
        self.max_sessions = max_sessions
        self._clock = clock
        self._sessions: dict[str, Session] = {}
        self._lock = threading.Lock()

    def start(self, token_hash: str) -> Session:
        """A new session for the token whose hash is `token_hash`."""
        session = Session(
            id=secrets.token_urlsafe(32),
            token_hash=token_hash,
            csrf_token=secrets.token_urlsafe(32),
            expires_at=self._clock() + self.lifetime_seconds,
        )
        with self._lock:
            if len(self._sessions) >= self.max_sessions:
                self._drop_expired()
            while len(self._sessions) >= self.max_sessions:
                # dicts keep insertion order: the first is the oldest
                del self._sessions[next(iter(self._sessions))]
            self._sessions[session.id] = session
        return session

    def get(self, session_id: str | None) -> Session | None:
        """The live session `session_id` names; an expired one is ended here."""
        if not session_id or len(session_id) > _MAX_SECRET:
            return None
        with self._lock:
            session = self._sessions.get(session_id)
            if session is not None and session.expires_at <= self._clock():
                del self._sessions[session_id]
                return None
        return session

    def end(self, session_id: str | None) -> None:
        with self._lock:
            self._sessions.pop(session_id or "", None)

    def __len__(self) -> int:
        with self._lock:
            return len(self._sessions)

    def _drop_expired(self) -> None:
        now = self._clock()
        for key in [k for k, s in self._sessions.items() if s.expires_at <= now]:
            del self._sessions[key]


def sessions_of(request: Request) -> Sessions:
    return request.app.state.sessions


def current_session(request: Request, store: Store) -> Session | None:
    """The request's live session, its token re-checked in the store (a revoked or replaced token
    ends it). The session's CSRF token is what the page's forms then carry."""
    _look_up(request, store)
    return request.state.session


def signed_in(request: Request, store: Store) -> str | None:
    """The author signed in on this request, if anyone."""
    _look_up(request, store)
    return request.state.author


def _look_up(request: Request, store: Store) -> None:
    """Once per request: its session and author in request.state."""
    if hasattr(request.state, "session"):
        return
    sessions = sessions_of(request)
    session = sessions.get(request.cookies.get(SESSION_COOKIE))
    author = None if session is None else author_of_hash(store, session.token_hash)
    if session is not None and author is None:
        sessions.end(session.id)
        session = None
    request.state.session = session
    request.state.author = author
    if session is not None:
        request.state.csrf_token = session.csrf_token


def check_origin(request: Request) -> None:
    """403 unless the post's `Origin` (or, without one, its `Referer`) is this host. Browsers
    send `Origin` with every form post; a post with neither is refused, as a forged one is."""
    origin = request.headers.get("origin")
    if origin is None or origin == "null":
        origin = request.headers.get("referer") if origin is None else None
    host = request.headers.get("host", "").lower()
    try:
        claimed = urlsplit(origin).netloc.lower() if origin else ""
    except ValueError:
        claimed = ""
    if not host or claimed != host:
        raise HTTPException(403, FORBIDDEN_ORIGIN)


def check_csrf(form: FormData, expected: str | None) -> None:
    """403 unless the form carries `expected`, the token its page was rendered with."""
    sent = form.get(CSRF_FIELD)
    if not expected or not isinstance(sent, str) or not secrets.compare_digest(sent, expected):
        raise HTTPException(403, FORBIDDEN_CSRF)


def sign_in_csrf(request: Request) -> str:
    """The CSRF token of the sign-in form: the `communique_csrf` cookie's, or a new one that
    `keep_sign_in_csrf` puts in that cookie."""
    sent = request.cookies.get(CSRF_COOKIE, "")
    token = sent if 20 <= len(sent) <= _MAX_SECRET else secrets.token_urlsafe(32)
    request.state.csrf_token = token
    return token


def keep_sign_in_csrf(request: Request, response: Response) -> None:
    if request.cookies.get(CSRF_COOKIE) != request.state.csrf_token:
        _set_cookie(request, response, CSRF_COOKIE, request.state.csrf_token, max_age=None)


def remember(request: Request, response: Response, session: Session) -> None:
    """The session cookie for `session` on `response`; the raw-token cookie of old is dropped."""
    max_age = int(sessions_of(request).lifetime_seconds)
    _set_cookie(request, response, SESSION_COOKIE, session.id, max_age=max_age)
    response.delete_cookie(LEGACY_TOKEN_COOKIE, path="/")


def forget(request: Request, response: Response) -> None:
    """End the request's session (if any) and delete its cookie."""
    sessions_of(request).end(request.cookies.get(SESSION_COOKIE))
    response.delete_cookie(
        SESSION_COOKIE, path="/", httponly=True, samesite="strict", secure=_https(request)
    )
    response.delete_cookie(LEGACY_TOKEN_COOKIE, path="/")


def _set_cookie(
    request: Request, response: Response, name: str, value: str, *, max_age: int | None
) -> None:
    response.set_cookie(
        name,
        value,
        max_age=max_age,
        path="/",
        httponly=True,
        samesite="strict",
        secure=_https(request),
    )


def _https(request: Request) -> bool:
    return request.url.scheme == "https"
