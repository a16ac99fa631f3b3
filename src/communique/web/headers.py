"""What every response carries whatever answers it (page, API, static file, error): the security
headers, and `HEAD` answered wherever `GET` is, with the same headers and no body."""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Scripts, styles, fonts and data from this server only: no inline script, no style attribute,
# no plugin, no <base> rewriting every link; images may also be data: URLs (Swagger UI's icons);
# forms post here only; and no site may frame a page (clickjacking a review form).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
# ReDoc writes its styles into <style> elements at run time (styled-components) and runs its
# search in a worker made from a blob: URL. It still runs no inline script.
REDOC_CONTENT_SECURITY_POLICY = (
    CONTENT_SECURITY_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
    + "; worker-src 'self' blob:"
)
REDOC_PATH = "/redoc"


def security_headers(path: str) -> dict[str, str]:
    """The headers every response to `path` carries."""
    policy = REDOC_CONTENT_SECURITY_POLICY if path == REDOC_PATH else CONTENT_SECURITY_POLICY
    return {
        "Content-Security-Policy": policy,
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",  # frame-ancestors for browsers that predate it
        # Links to a source page leak no address of the dashboard; this site's own requests keep
        # theirs (a form post without Origin is checked by its Referer).
        "Referrer-Policy": "same-origin",
        "Cross-Origin-Opener-Policy": "same-origin",
    }


class SecurityHeaders:
    """ASGI middleware: the security headers on every response, and HEAD as GET without a body
    (FastAPI's routes answer only the methods they declare; a HEAD must not be a 405)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        head = scope["method"] == "HEAD"
        if head:
            scope = {**scope, "method": "GET"}
        added = security_headers(scope["path"])

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in added.items():
                    if name not in headers:
                        headers[name] = value
            elif head and message["type"] == "http.response.body":
                # Content-Length stays that of the GET answer, as HEAD requires.
                message = {**message, "body": b""}
            await send(message)

        await self.app(scope, receive, send_with_headers)
