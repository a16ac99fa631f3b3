"""Inputs of `communique ingest`: what `extract` reads, plus RSS and Atom feed files.

Feeds are read with feedparser: each entry is a Document (its content, else its summary; HTML
through the same trafilatura extraction as pages), with the entry's link, title, date and the
feed's title as source. Everything else goes to communique.ingest.read_path unchanged.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from communique.document import Document
from communique.errors import (
    CommuniqueError,
    InputTooLargeError,
    MalformedInputError,
    UnreadableInputError,
)
from communique.ingest import ReadFailure, ReadResult, read_path
from communique.ingest.documents import check_id, html_document, with_language
from communique.ingest.reader import read_file, walk
from communique.ingest.results import failure

FEED_SUFFIXES = {".rss", ".atom"}
_XML_SUFFIXES = {".xml"}
_FEED_MARKS = (b"<rss", b"<feed", b"<rdf:RDF")
_SNIFF_BYTES = 2048
# A feed holds many documents: it may be this many times the per-document limit.
_FEED_SIZE_FACTOR = 50


def read_sources(
    paths: list[str],
    *,
    max_bytes: int,
    follow_symlinks: bool = False,
    leave_out: frozenset[Path] = frozenset(),
) -> Iterator[ReadResult]:
    """What each path holds, in order; folders are walked as read_path walks them (`leave_out`:
    files a walk passes over, the store's own database)."""
    for path in paths:
        root = Path(path)
        if path != "-" and root.is_dir() and _has_feeds(root, follow_symlinks):
            for entry in walk(root, follow_symlinks=follow_symlinks, leave_out=leave_out):
                if isinstance(entry, ReadFailure):
                    yield entry
                else:
                    yield from _read_one(entry, max_bytes, follow_symlinks)
        elif path != "-" and root.is_file() and is_feed(root):
            yield from read_feed(root, max_bytes=max_bytes)
        else:
            yield from read_path(
                path, max_bytes=max_bytes, follow_symlinks=follow_symlinks, leave_out=leave_out
            )


def _read_one(file: Path, max_bytes: int, follow_symlinks: bool) -> Iterator[ReadResult]:
    """A file found by a walk: a feed, or what read_file makes of it (a FIFO is never opened)."""
    if file.is_file() and is_feed(file):
        yield from read_feed(file, max_bytes=max_bytes)
    else:
        yield from read_file(
            file,
            doc_id=file.stem,
            fmt=None,
            max_bytes=max_bytes,
            regular_only=True,
            follow_symlinks=follow_symlinks,
        )


def _has_feeds(root: Path, follow_symlinks: bool) -> bool:
    files = walk(root, follow_symlinks=follow_symlinks)
    return any(isinstance(f, Path) and f.is_file() and is_feed(f) for f in files)


def is_feed(file: Path) -> bool:
    suffix = file.suffix.lower()
    if suffix in FEED_SUFFIXES:
        return True
    if suffix not in _XML_SUFFIXES:
        return False
    try:
        with file.open("rb") as stream:
            head = stream.read(_SNIFF_BYTES)
    except OSError:
        return False
    return any(mark in head for mark in _FEED_MARKS)


def read_feed(file: Path, *, max_bytes: int) -> Iterator[ReadResult]:
    import feedparser

    source = str(file)
    limit = max_bytes * _FEED_SIZE_FACTOR
    try:
        with file.open("rb") as stream:
            data = stream.read(limit + 1)
    except OSError as error:
        yield failure(UnreadableInputError((error.strerror or str(error)).lower()), source=source)
        return
    if len(data) > limit:
        yield failure(InputTooLargeError(f"feed larger than {limit:,} bytes"), source=source)
        return
    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = str(parsed.get("bozo_exception") or "no entries")
        yield failure(MalformedInputError(f"not a readable RSS/Atom feed: {reason}"), source=source)
        return
    publisher = parsed.feed.get("title") or None
    for number, entry in enumerate(parsed.entries, start=1):
        try:
            yield _entry_document(
                entry, number, file=file, publisher=publisher, max_bytes=max_bytes
            )
        except CommuniqueError as error:
            yield failure(error, source=f"{source} entry {number}")


def _entry_document(
    entry: Any, number: int, *, file: Path, publisher: str | None, max_bytes: int
) -> Document:
    doc_id = check_id(entry.get("id") or entry.get("link") or f"{file.stem}:{number}")
    contents = entry.get("content") or []
    body = contents[0] if contents else {"value": entry.get("summary", ""), "type": "text/html"}
    value = body.get("value") or ""
    if not value.strip():
        raise MalformedInputError("entry has no content or summary")
    if len(value.encode("utf-8")) > max_bytes:
        raise InputTooLargeError(f"entry larger than the limit of {max_bytes:,} bytes")
    fields = {
        "url": entry.get("link") or None,
        "title": entry.get("title") or None,
        "published": _published(entry),
        "source": publisher,
    }
    path = str(file)
    if "html" in (body.get("type") or "text/html"):
        # An entry holds a fragment; trafilatura reads whole pages only.
        page = f"<html><body><article>{value}</article></body></html>"
        return html_document(page, doc_id=doc_id, path=path, encoding="utf-8", **fields)
    document = Document(id=doc_id, text=value, path=path, format="text", encoding="utf-8", **fields)
    return with_language(document)


def _published(entry: Any) -> str | None:
    """ISO 8601 (UTC) from the entry's parsed date: feeds write RFC 822, the store reads ISO."""
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed) if parsed else None
