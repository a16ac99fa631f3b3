"""Templates and the helpers they use: links to documents, actors and pairs, country names, the
document text with its carriage returns kept, and error pages and messages."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import jinja2
from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse
from markupsafe import Markup, escape

from communique.document import web_link
from communique.store.questions import country_name

TEMPLATE_DIR = Path(__file__).parent / "templates"
# Option names in store messages, as the CLI spells them, and the API's query parameters.
_OPTION = re.compile(r"--(country|actor|type|cameo|topic|since|until|status)\b")
_STATUS_TEXT = {
    400: "Bad request",
    401: "Not signed in",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    422: "Invalid request",
    503: "Database unavailable",
}

# One palette entry per PLOVER type, the same on every chart; unknown types fall back to grey.
PLOVER_COLORS = {
    "AGREE": "#2a9d8f", "CONSULT": "#3a6ea5", "SUPPORT": "#8ab17d", "COOPERATE": "#e9c46a",
    "AID": "#90be6d", "REQUEST": "#f4a261", "CONCEDE": "#b5838d", "RETREAT": "#6d6875",
    "ACCUSE": "#e76f51", "REJECT": "#d62828", "THREATEN": "#9d0208", "PROTEST": "#f77f00",
    "SANCTION": "#6a040f", "MOBILIZE": "#7b2cbf", "COERCE": "#370617", "ASSAULT": "#03071e",
}  # fmt: skip
OTHER_COLOR = "#999999"


def is_api(request: Request) -> bool:
    return request.url.path == "/api" or request.url.path.startswith("/api/")


def public_message(message: str) -> str:
    """A store message for a web user: `--type` becomes `type`, the query parameter."""
    return _OPTION.sub(r"\1", message)


def validation_message(error: RequestValidationError) -> str:
    """FastAPI's list of invalid fields as one sentence: `query.limit: Input should be ...`."""
    parts = []
    for item in error.errors():
        where = ".".join(
            str(p) for p in item.get("loc", ()) if p != "body" or len(item["loc"]) == 1
        )
        parts.append(f"{where}: {item.get('msg', 'invalid')}" if where else item.get("msg", ""))
    return "; ".join(parts) or "invalid request"


def quote_id(value: str) -> str:
    """An id or key as one URL path segment: `/`, `#`, `%`, `?` and spaces all encoded."""
    return quote(str(value), safe="")


def document_url(document_id: str, fact: str | None = None, fact_id: str | None = None) -> str:
    url = f"/documents/{quote_id(document_id)}"
    return f"{url}#fact-{fact}-{quote_id(fact_id)}" if fact and fact_id else url


def actor_url(actor_key: str) -> str:
    return f"/actors/{quote_id(actor_key)}"


def pair_url(a: str, b: str) -> str:
    first, second = sorted((a, b))
    return f"/pairs/{first}-{second}"


def with_query(path: str, params: dict[str, Any]) -> str:
    """`path?a=1&b=2` with the parameters that are set (lists repeated)."""
    kept = [
        (name, item)
        for name, value in params.items()
        for item in (value if isinstance(value, list | tuple) else [value])
        if item not in (None, "", False)
    ]
    return f"{path}?{urlencode(kept)}" if kept else path


def text_with_returns(text: str) -> Markup:
    """Escaped text whose carriage returns survive the HTML parser (which turns CR LF into LF,
    and would shift every character offset after it): a CR is written as a character reference."""
    return Markup(str(escape(text)).replace("\r", "&#13;"))


def plover_color(event_type: str) -> str:
    return PLOVER_COLORS.get(event_type, OTHER_COLOR)


def palette_css() -> str:
    """The colour of each PLOVER type's chip as CSS (/palette.css), from PLOVER_COLORS, with
    the ink (black or white) that contrasts more with it: every chip's label is readable (WCAG
    AA). The pages carry no style attribute, which their Content-Security-Policy would block."""
    colors = {"": OTHER_COLOR, **{f".plover-{name}": c for name, c in PLOVER_COLORS.items()}}
    rules = [
        f".type-chip{selector} {{ --chip: {color}; --chip-ink: {chip_ink(color)}; }}"
        for selector, color in colors.items()
    ]
    return "\n".join(rules) + "\n"


def _luminance(color: str) -> float:
    """Relative luminance of a #rrggbb colour (WCAG 2)."""
    channels = [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    """The WCAG 2 contrast ratio of two #rrggbb colours, 1 to 21."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def chip_ink(background: str) -> str:
    """Black or white: whichever contrasts more with `background` (one is always >= 4.5:1)."""
    return (
        "#000000"
        if contrast(background, "#000000") >= contrast(background, "#ffffff")
        else "#ffffff"
    )


# The languages a list's language menu offers: those the pipeline reads (pipeline.py).
LANGUAGES = ("ru", "kk", "en")


def counted(number: int, noun: str) -> str:
    """ "1 event", "3 events": the English plural of the nouns the pages count."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
        autoescape=True,  # every template, whatever its name: nothing reaches a page unescaped
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.globals.update(
        document_url=document_url,
        actor_url=actor_url,
        pair_url=pair_url,
        with_query=with_query,
        country_name=country_name,
        plover_color=plover_color,
        web_link=web_link,  # a stored URL becomes a link only when it is http(s)
        languages=LANGUAGES,
    )
    environment.filters.update(
        quote_id=quote_id,
        text_with_returns=text_with_returns,
        country=country_name,
        counted=counted,
    )
    return environment


TEMPLATES = _environment()


def render(
    request: Request,
    template: str,
    context: dict[str, Any],
    *,
    status: int = 200,
    user: str | None = None,
    headers: dict[str, str] | None = None,
) -> HTMLResponse:
    # The token every form of the page carries (web/sessions.py); none on a page without forms.
    csrf_token = getattr(request.state, "csrf_token", "")
    page = TEMPLATES.get_template(template).render(
        request_path=request.url.path, user=user, csrf_token=csrf_token, **context
    )
    if csrf_token:
        # A page holding someone's CSRF token is theirs alone: no shared cache may keep it.
        headers = {**(headers or {}), "Cache-Control": "no-store"}
    return HTMLResponse(page, status_code=status, headers=headers)


def error_page(
    request: Request, status: int, detail: str, headers: dict[str, str] | None = None
) -> HTMLResponse:
    title = _STATUS_TEXT.get(status, "Error")
    return render(
        request,
        "error.html",
        {"status": status, "title": title, "detail": detail},
        status=status,
        headers=headers,
    )
