"""Documents from decoded content, with their language detected."""

from __future__ import annotations

from communique.document import Document
from communique.ingest.encoding import decode
from communique.ingest.html import declared_charset, extract_html
from communique.ingest.language import detect_language
from communique.ingest.title import usable_title


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
