"""The input side of the pipeline: one source text as read, before any annotation."""

from __future__ import annotations

import unicodedata
from urllib.parse import urlsplit

from pydantic import BaseModel, Field, field_validator

from communique.record import PublishedBasis

# The schemes a page may link to: any other (javascript:, data:, vbscript:, file:) runs code or
# reads local files when an analyst clicks the link.
_LINK_SCHEMES = frozenset({"http", "https"})


def web_link(url: str | None) -> str | None:
    """`url` when it is an absolute http(s) URL a browser can follow safely, else None.

    Spaces around it are trimmed, as browsers do. Browsers also drop tabs and newlines inside a
    URL (`java\tscript:` is `javascript:` to them), so a URL holding whitespace or control
    characters is refused whole rather than read differently from the browser."""
    url = url.strip() if url else None
    if not url:
        return None
    if any(c.isspace() or unicodedata.category(c) in ("Cc", "Cf") for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. an unbalanced IPv6 bracket
        return None
    if parts.scheme.lower() not in _LINK_SCHEMES or not parts.hostname:
        return None
    return url


class Document(BaseModel):
    """A source document. `text` is kept exactly as decoded: every offset downstream indexes it."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = Field(default=None, description="ISO 8601 date or datetime, as given")
    published_basis: PublishedBasis | None = Field(
        default=None, description="where `published` comes from (metadata when it is given)"
    )
    source: str | None = Field(default=None, description="publisher or feed the document came from")
    source_country: str | None = Field(
        default=None,
        pattern=r"^[A-Za-z]{2}$",
        description="the publisher's country (ISO alpha-2), when the input states it",
    )
    path: str | None = Field(default=None, description="file it was read from, if any")
    format: str = Field(default="text", description="text, html or jsonl")
    encoding: str | None = Field(default=None, description="encoding the bytes were decoded from")
    language: str | None = Field(
        default=None, description="ISO 639-1 code, set by language detection"
    )
    language_confidence: float | None = None

    @field_validator("url")
    @classmethod
    def _only_web_links(cls, url: str | None) -> str | None:
        # Whatever the source (a JSON Lines field, a feed's <link>, a page's canonical link), a
        # URL that is not http(s) is dropped: the document is kept, without a link to follow.
        return web_link(url)
