"""Main text and metadata of an HTML page, via trafilatura."""

from __future__ import annotations

import re
from dataclasses import dataclass

import trafilatura
from trafilatura.settings import set_date_params

from communique.errors import MalformedInputError
from communique.ingest.encoding import canonical_encoding

# Browsers honour a charset declared in the first 1024 bytes; some pages put it a little later.
_CHARSET_SCAN_BYTES = 4096
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)""", re.IGNORECASE)
# Markup that opens real HTML pages and fragments; "<" alone also starts XML, e-mail quotes, etc.
_HTML_START = re.compile(
    rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    rb"<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|section|h[1-6]|table|span)\b",
    re.IGNORECASE | re.DOTALL,
)


@dataclass(frozen=True)
class HtmlContent:
    text: str
    title: str | None
    published: str | None
    url: str | None


def looks_like_html(head: bytes) -> bool:
    """Whether the first bytes of an input (BOM already removed) open an HTML page."""
    return _HTML_START.match(head) is not None


def declared_charset(data: bytes) -> str | None:
    """The encoding a page declares for itself (meta charset or XML declaration), if usable.

    UTF-16/32 declarations are ignored, as browsers do: a page that can declare anything in ASCII
    is not in UTF-16, and a real UTF-16 page carries a byte-order mark.
    """
    head = data[:_CHARSET_SCAN_BYTES]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if match is None:
        return None
    encoding = canonical_encoding(match.group(1).decode("ascii"))
    if encoding is None or encoding.startswith(("utf-16", "utf-32")):
        return None
    return encoding


def extract_html(html: str, *, url: str | None = None) -> HtmlContent:
    """Main text, title, publication date and URL of a page; baseline text if no main text.

    Raises MalformedInputError if the page has no text at all.
    """
    # Dates only from markup (meta tags, <time>, URL), not guessed from numbers in the body text:
    # a wrong publication date is worse than none in event data.
    date_params = set_date_params(extensive=False)
    extracted = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        date_extraction_params=date_params,
    )
    # Stripped: trafilatura leaves a space after table cells and some blocks.
    if extracted is not None and (text := (extracted.text or "").strip()):
        return HtmlContent(text, extracted.title, extracted.date, extracted.url)
    text = trafilatura.baseline(html)[1].strip()
    if not text:
        raise MalformedInputError("HTML page has no extractable text")
    metadata = trafilatura.extract_metadata(html, default_url=url, date_config=date_params)
    return HtmlContent(text, metadata.title, metadata.date, metadata.url)
