"""The input side of the pipeline: one source text as read, before any annotation."""

from __future__ import annotations

from pydantic import BaseModel, Field


class Document(BaseModel):
    """A source document. `text` is kept exactly as decoded: every offset downstream indexes it."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = Field(default=None, description="ISO 8601 date or datetime, as given")
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
