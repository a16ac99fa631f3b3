"""Documents from decoded content, with their language detected."""

from __future__ import annotations

import re

from communique.document import Document
from communique.errors import MalformedInputError
from communique.ingest.encoding import decode
from communique.ingest.html import declared_charset, extract_html
from communique.ingest.language import detect_language
from communique.ingest.title import usable_title

# Characters no id may hold: NUL and the other control characters (C0, DEL, C1). An id is shown
# in tables and URLs and used as a key; an invisible or line-breaking character there misleads.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def check_id(doc_id: str) -> str:
    """`doc_id` if it holds no control character; else MalformedInputError saying which."""
    found = _CONTROL.search(doc_id)
    if found:
        code = f"U+{ord(found.group()):04X}"
        raise MalformedInputError(f"id {doc_id!r} holds the control character {code}")
    return doc_id


def document_from_bytes(data: bytes, *, doc_id: str, fmt: str, path: str | None) -> Document:
    """A whole text or HTML input as one Document. Raises CommuniqueError subclasses."""
    if fmt == "html":
        decoded = decode(data, declared=declared_charset(data))
        return html_document(decoded.text, doc_id=doc_id, path=path, encoding=decoded.encoding)
    decoded = decode(data)
    document = Document(
        id=doc_id, text=decoded.text, path=path, format="text", encoding=decoded.encoding
    )
    return with_language(document)


def html_document(
    html: str,
    *,
    doc_id: str,
    path: str | None,
    encoding: str,
    url: str | None = None,
    title: str | None = None,
    published: str | None = None,
    source: str | None = None,
) -> Document:
    """The page's main text as a Document; metadata given by the caller wins over the page's."""
    content = extract_html(html, url=url)
    document = Document(
        id=doc_id,
        text=content.text,
        title=title or usable_title(content.title),  # a page may offer a photo credit
        url=url or content.url,
        published=published or content.published,
        source=source,
        path=path,
        format="html",
        encoding=encoding,
    )
    return with_language(document)


def with_language(document: Document) -> Document:
    language, confidence = detect_language(document.text)
    return document.model_copy(
        update={"language": language, "language_confidence": confidence if language else None}
    )
