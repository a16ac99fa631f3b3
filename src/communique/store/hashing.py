"""The content hash that makes ingestion idempotent."""

from __future__ import annotations

import hashlib


def content_hash(text: str) -> str:
    """SHA-256 of the text as read (UTF-8), hex: the same text is the same document, whatever
    its file name, id or metadata. Not normalised: a changed character is a new text (and then
    a near-duplicate of the old one, linked to its story)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
