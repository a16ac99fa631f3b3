"""The API's request and response models: what /openapi.json documents.

Row models mirror the columns of store.queries' tables and allow extra fields, so a column the
store adds later still reaches API users (and is then documented here).
"""

from __future__ import annotations

import unicodedata
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from communique.record import Record
from communique.store.reviews import MAX_REASON

ReviewStatus = Literal["machine", "confirmed", "corrected", "rejected", "added"]
# The same names as store.reviews.FACTS and ACTIONS (test_api checks), spelled out for OpenAPI.
FactKind = Literal["actor", "occupation", "event", "agreement", "commitment", "topic", "mention"]
# What a review may name: a fact, or the document itself (its date).
ReviewedKind = FactKind | Literal["document"]
ReviewAction = Literal["confirm", "correct", "reject", "add"]


class ErrorOut(BaseModel):
    detail: str = Field(description="what was wrong, in words")


class _Page(BaseModel):
    limit: int = Field(description="the page size asked for")
    offset: int = Field(description="rows skipped before this page")
    next_offset: int | None = Field(description="offset of the next page; null on the last page")
    total: int | None = Field(
        default=None,
        description="rows of the whole list with these filters, every page together (as the "
        "HTML list shows); null where the list is not counted",
    )


class _Row(BaseModel):
    model_config = ConfigDict(extra="allow")


# --- documents and records ----------------------------------------------------------------------


class DocumentRow(_Row):
    document_id: str
    title: str | None
    headline: str = Field(description="the title, else the first line of the text")
    date: str | None = Field(description="publication date, YYYY-MM-DD")
    publisher: str | None
    url: str | None
    language: str | None
    status: str = Field(description="ok, or why the text was not extracted")
    home_country: str | None = Field(description="the publisher's country (ISO alpha-2)")
    story_id: str = Field(description="the story: a release and its re-publications")
    sources: int = Field(description="documents in the story")
    events: int
    agreements: int
    reviews: int = Field(description="analysts' reviews of its facts")
    stored_at: str


class DocumentsPage(_Page):
    items: list[DocumentRow]


class DocumentInfo(BaseModel):
    id: str = Field(description="the document's id in the store")
    record_id: str = Field(description="the record's own id (the store adds a suffix on a clash)")
    headline: str
    story_id: str
    story_documents: list[str] = Field(description="the documents of its story, first first")
    story_languages: dict[str, str | None] = Field(
        description="the language of each document of its story: a release's versions in "
        "Russian, Kazakh and English are one story"
    )
    stored_at: str
    processed_at: str
    pipeline_version: str
    format: str | None
    published_date: str | None
    reviews: int


class FactReview(BaseModel):
    fact: FactKind
    fact_id: str
    status: ReviewStatus


class DocumentOut(BaseModel):
    document: DocumentInfo
    record: Record = Field(description="the full record, with analysts' corrections applied")
    reviewed: list[FactReview] = Field(
        description="the facts an analyst reviewed; every other fact is the machine's word"
    )


class RecordsPage(_Page):
    items: list[Record]


# --- facts --------------------------------------------------------------------------------------


class EventRow(_Row):
    date: str | None = Field(description="the event's date as stated, else the release's")
    type: str = Field(description="PLOVER type")
    cameo: str
    cameo_name: str | None
    status: str
    mode: str | None
    source: list[str] = Field(description="names of the source actors")
    source_countries: list[str]
    target: list[str] = Field(description="names of the target actors")
    target_countries: list[str]
    joint: bool
    goldstein: float | None
    trigger_text: str
    evidence: str = Field(description="the sentence that states it")
    review: ReviewStatus
    document_id: str
    event_id: str
    span_start: int
    span_end: int
    story_id: str
    sources: int = Field(description="documents of the story")


class EventsPage(_Page):
    items: list[EventRow]


class AgreementRow(_Row):
    date: str | None
    title: str
    kind: str | None
    status: str
    parties: list[str] = Field(description="names of the parties")
    countries: list[str]
    unnamed: bool
    evidence: str
    review: ReviewStatus
    document_id: str
    agreement_id: str
    event_id: str | None
    span_start: int
    span_end: int


class AgreementsPage(_Page):
    items: list[AgreementRow]


class CommitmentRow(_Row):
    date: str | None
    kind: str = Field(description="intent, promise, invitation, proposal, agreed_step")
    who: list[str]
    to: list[str]
    what: str
    by: str | None = Field(description="deadline or planned date, if stated")
    event_type: str | None
    cameo: str | None
    evidence: str
    review: ReviewStatus
    document_id: str
    commitment_id: str
    span_start: int
    span_end: int


class CommitmentsPage(_Page):
    items: list[CommitmentRow]


class ActorRow(_Row):
    actor_key: str = Field(description="the actor's identity across documents")
    name: str | None
    kind: str
    country: str | None
    kb_id: str | None
    names: list[str] = Field(description="every name it is written under")
    names_latin: list[str]
    documents: int
    stories: int
    first_seen: str | None
    last_seen: str | None
    positions: list[str] = Field(description='"date title" of the titles it held')


class ActorsPage(_Page):
    items: list[ActorRow]


class SearchRow(_Row):
    date: str | None
    document_id: str
    title: str | None
    publisher: str | None
    url: str | None
    status: str
    story_id: str
    sources: int
    relevance: int = Field(
        description="words of the document (title too) with a form of a searched word: the "
        "list's order, unless sorted otherwise"
    )
    headline: str = Field(description="the title, else the first line of the text")
    snippet: str = Field(description="the text around the first match")
    marks: list[list[int]] = Field(
        description="[start, end] of each match in the snippet (code points, end exclusive)"
    )


class SearchPage(_Page):
    items: list[SearchRow]


class TopicRow(_Row):
    topic: str = Field(description="topic id of the controlled vocabulary")
    label_en: str
    label_ru: str
    documents: int = Field(description="stories naming it")
    events: int = Field(description="events about it")
    first_seen: str | None
    last_seen: str | None


class TopicsPage(_Page):
    items: list[TopicRow]


# --- statistics, pairs, actors, network ---------------------------------------------------------


class TypeCount(BaseModel):
    type: str = Field(description="PLOVER type")
    events: int


class PairCountOut(BaseModel):
    pair: str = Field(description="A-B, the two ISO codes in alphabetical order")
    a: str
    b: str
    events: int = Field(description="events involving both countries, once per story")


class CountryCount(BaseModel):
    country: str
    name: str
    events: int


class StatisticsOut(BaseModel):
    counts: dict[str, int] = Field(description="rows per table")
    documents_by_status: dict[str, int]
    events_by_type: list[TypeCount]
    top_pairs: list[PairCountOut]
    top_countries: list[CountryCount]


class PeriodOut(BaseModel):
    period: str = Field(description="YYYY-MM; YYYY for events dated to the year only; undated")
    counts: dict[str, int] = Field(description="events per PLOVER type")
    total: int


class TopicCountOut(BaseModel):
    topic: str
    label_en: str
    events: int


class PersonOut(BaseModel):
    actor_key: str
    name: str
    country: str | None
    positions: list[str]
    events: int


class PairOut(BaseModel):
    pair: str
    countries: list[CountryCount]
    events_by_type: list[TypeCount]
    timeline: list[PeriodOut]
    events: list[EventRow]
    agreements: list[AgreementRow]
    commitments: list[CommitmentRow]
    topics: list[TopicCountOut]
    people: list[PersonOut]


class PositionOut(BaseModel):
    date: str | None
    title: str
    organization: str | None
    country: str | None
    document_id: str


class MeetingRow(_Row):
    date: str | None
    type: str
    cameo: str
    status: str
    source: list[str]
    target: list[str]
    trigger_text: str
    evidence: str
    review: ReviewStatus
    document_id: str
    event_id: str


class CounterpartOut(BaseModel):
    actor_key: str
    name: str
    kind: str
    country: str | None
    events: int = Field(description="events shared with the actor")


class ActorProfileOut(BaseModel):
    actor_key: str
    name: str
    kind: str
    country: str | None
    names: list[str]
    kb_id: str | None
    documents: list[str]
    first_seen: str | None
    last_seen: str | None
    positions: list[PositionOut]
    meetings: list[MeetingRow]
    counterparts: list[CounterpartOut]


class NetworkOut(BaseModel):
    nodes: list[CountryCount]
    edges: list[PairCountOut]


# --- reviews ------------------------------------------------------------------------------------


def _printable(value: str, name: str) -> str:
    if any(unicodedata.category(c) == "Cc" and c not in "\t\n\r" for c in value):
        raise ValueError(f"{name}: control characters are not allowed")
    return value


class ReviewIn(BaseModel):
    """An analyst's review of one fact of the document."""

    model_config = ConfigDict(extra="forbid")

    fact: ReviewedKind = Field(
        description="the kind of fact; `document` sets the document's date (correct, `date`)"
    )
    fact_id: str = Field(
        default="", max_length=200, description="the fact's id (e1, a7...); ignored by add"
    )
    action: ReviewAction
    changes: dict[str, str | int] = Field(
        default_factory=dict,
        max_length=40,
        description="correct: the fields to change (see CORRECTABLE in store/review_rules.py); "
        "add: the new fact's fields, with start/end of its evidence in the text",
    )
    reason: str | None = Field(default=None, max_length=MAX_REASON)

    @field_validator("fact_id", "reason")
    @classmethod
    def _no_controls(cls, value: str | None) -> str | None:
        return _printable(value, "text") if value else value

    @field_validator("changes")
    @classmethod
    def _printable_changes(cls, value: dict[str, str | int]) -> dict[str, str | int]:
        for name, item in value.items():
            _printable(name, "changes")
            if isinstance(item, str):
                _printable(item, f"changes.{name[:20]}")
        return value


class ReviewOut(BaseModel):
    id: int
    document_id: str
    fact: str
    fact_id: str = Field(description="the fact as named when reviewed (an added fact: its id)")
    action: str
    changes: dict[str, str]
    reason: str | None
    author: str = Field(description="the name of the token that signed it")
    created_at: str
    attached_to: str | None = Field(
        description="the fact it applies to now (ids can change on reprocess); null once gone"
    )
    before: dict[str, Any] = Field(description="the changed fields' values before this review")


class ReviewsPage(_Page):
    items: list[ReviewOut]
