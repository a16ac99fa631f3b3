"""A Record as table rows, and back: the one place that knows the mapping in both directions.

`to_rows` and `to_record` are inverses: a stored record loads back equal to the one stored (the
store's tests check this on every sample), so nothing the pipeline says is lost in the database.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from communique.lang.terms import document_terms
from communique.record import (
    Actor,
    Agreement,
    Commitment,
    Event,
    EventDate,
    Mention,
    Occupation,
    PublishedBasis,
    Record,
    Span,
    Stage,
    Topic,
    TopicEvidence,
)
from communique.store.backends import Row
from communique.store.dates import date_bounds
from communique.store.identity import actor_key

DOCUMENT_COLUMNS = (
    "id", "record_id", "content_hash", "story_id", "source", "url", "title", "published",
    "published_date", "language", "language_confidence", "status", "message", "home_country",
    "path", "format", "encoding", "text", "sentences", "record_schema", "pipeline_version",
    "pipeline", "stored_at", "processed_at", "extra", "published_basis",
)  # fmt: skip
_TRACE = ("document_id", "pipeline_version", "id", "seq")
MENTION_COLUMNS = (
    *_TRACE, "type", "span_start", "span_end", "text", "normal", "latin", "label", "kb_id",
    "form", "country", "countries", "actor_id", "sentence", "extractor", "extra",
)  # fmt: skip
ACTOR_COLUMNS = (
    *_TRACE, "kind", "name", "name_latin", "country", "country_basis", "kb_id", "positions",
    "mentions", "span_start", "span_end", "extra", "actor_key",
)  # fmt: skip
OCCUPATION_COLUMNS = (
    *_TRACE, "person_id", "person_mention_id", "position", "position_en", "title_start",
    "title_end",
    "organization_id", "place_id", "country", "country_basis", "span_start", "span_end",
    "extractor", "extra",
)  # fmt: skip
_DATE = ("date_value", "date_precision", "date_basis", "date_span_start", "date_span_end")
EVENT_COLUMNS = (
    *_TRACE, "type", "cameo", "cameo_name", "goldstein", "mode", "trigger_start", "trigger_end",
    "trigger_text", "source_actors", "target_actors", "joint", "participants_inferred",
    "source_countries", "target_countries", "status", "reported_by", *_DATE, "date_first",
    "date_last", "location_id", "span_start", "span_end", "topics", "extractor", "extra",
)  # fmt: skip
AGREEMENT_COLUMNS = (
    *_TRACE, "mention_id", "title", "kind", "unnamed", "parties", "countries", "status", *_DATE,
    "date_first", "date_last", "event_id", "span_start", "span_end", "extractor", "extra",
)  # fmt: skip
COMMITMENT_COLUMNS = (
    *_TRACE, "kind", "who_actors", "to_actors", "what", "what_start", "what_end", "by_value",
    "by_precision", "by_basis", "by_span_start", "by_span_end", "event_id", "span_start",
    "span_end", "extractor", "extra",
)  # fmt: skip
TOPIC_COLUMNS = (
    *_TRACE, "label_en", "label_ru", "label_kk", "evidence", "events", "span_start", "span_end",
    "extra",
)  # fmt: skip
FACT_COUNTRY_COLUMNS = ("document_id", "fact", "fact_id", "side", "country")
EVENT_TOPIC_COLUMNS = ("document_id", "event_id", "topic_id")
# The search index: each term of the document's words (lang/terms.py), how many words have it,
# and where the text's first such word starts (NULL: the title's only).
DOCUMENT_TERM_COLUMNS = ("document_id", "term", "hits", "first_start")

# Fact tables in the order they are written; deleted in the same order (no foreign keys).
FACT_TABLES: dict[str, tuple[str, ...]] = {
    "mentions": MENTION_COLUMNS,
    "actors": ACTOR_COLUMNS,
    "occupations": OCCUPATION_COLUMNS,
    "events": EVENT_COLUMNS,
    "agreements": AGREEMENT_COLUMNS,
    "commitments": COMMITMENT_COLUMNS,
    "topics": TOPIC_COLUMNS,
    "fact_countries": FACT_COUNTRY_COLUMNS,
    "event_topics": EVENT_TOPIC_COLUMNS,
    "document_terms": DOCUMENT_TERM_COLUMNS,
}


# The model fields each table has a column for. Any other field (one added to the record after
# this schema) is kept as JSON in the row's `extra` column, so a record always loads back whole,
# even before a migration gives the new field a column of its own.
_MAPPED: dict[type, frozenset[str]] = {
    Record: frozenset({
        "schema_version", "id", "status", "message", "language", "language_confidence", "title",
        "url", "published", "published_basis", "source", "path", "encoding", "home_country",
        "text", "sentences", "mentions", "actors", "occupations", "events", "agreements",
        "commitments", "topics", "pipeline",
    }),
    Mention: frozenset({
        "id", "type", "start", "end", "text", "normal", "latin", "label", "kb_id", "form",
        "country", "countries", "actor", "sentence", "extractor",
    }),
    Actor: frozenset({
        "id", "kind", "name", "name_latin", "country", "country_basis", "kb_id", "positions",
        "mentions",
    }),
    Occupation: frozenset({
        "id", "person", "person_mention", "position", "position_en", "title", "organization",
        "place", "country", "country_basis", "evidence", "extractor",
    }),
    Event: frozenset({
        "id", "type", "cameo", "cameo_name", "goldstein", "mode", "trigger", "trigger_text",
        "source", "target", "joint", "participants_inferred", "source_countries",
        "target_countries", "status", "reported_by", "date", "location", "evidence", "topics",
        "extractor",
    }),
    Agreement: frozenset({
        "id", "mention", "title", "kind", "unnamed", "parties", "countries", "status", "date",
        "event", "evidence", "extractor",
    }),
    Commitment: frozenset({
        "id", "kind", "who", "to", "what", "what_span", "by", "event", "evidence", "extractor",
    }),
    Topic: frozenset({"id", "label_en", "label_ru", "label_kk", "evidence", "events"}),
}  # fmt: skip


# The fields of each model that have no column. Only those are dumped: dumping a whole fact to
# pick them out was a third of the time spent storing a document.
_UNMAPPED: dict[type, frozenset[str]] = {
    model: frozenset(model.model_fields) - mapped for model, mapped in _MAPPED.items()
}


def _extra(model: BaseModel) -> str | None:
    """The fields of `model` that have no column, as JSON (None when there are none)."""
    unmapped = _UNMAPPED[type(model)]
    rest = model.model_dump(mode="json", include=set(unmapped)) if unmapped else {}
    return _json(rest) if rest else None


def _unmapped(values: dict[str, Any]) -> dict[str, Any]:
    return json.loads(values["extra"]) if values.get("extra") else {}


@dataclass
class DocumentRows:
    """Everything one record writes, by table; the document row itself apart."""

    document: Row
    facts: dict[str, list[Row]] = field(default_factory=dict)


def pipeline_version(stages: Sequence[Stage]) -> str:
    """One comparable string for a pipeline: `reprocess` re-extracts documents whose differs."""
    return "+".join(f"{stage.name}@{stage.version}" for stage in stages)


# One encoder for every value: json.dumps with options builds a new one per call, a sixth of
# the time to turn a record into rows.
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def _json(value: Any) -> str:
    return _ENCODER.encode(value)


def _date(date: EventDate | None) -> tuple[Any, ...]:
    if date is None:
        return (None, None, None, None, None)
    span = date.span
    return (
        date.value,
        date.precision.value,
        date.basis.value,
        span.start if span else None,
        span.end if span else None,
    )


def _bounds(date: EventDate | None) -> tuple[str | None, str | None]:
    bounds = date_bounds(date.value) if date else None
    return bounds or (None, None)


def _published_basis(record: Record) -> str | None:
    """Where the record's date comes from; a date given without one (a record read back from
    JSON Lines made before the field) is metadata."""
    if record.published_basis is not None:
        return record.published_basis.value
    return PublishedBasis.METADATA.value if record.published else None


def to_rows(
    record: Record,
    *,
    document_id: str,
    content_hash: str,
    story_id: str,
    stored_at: str,
    processed_at: str,
    document_format: str | None = None,
) -> DocumentRows:
    version = pipeline_version(record.pipeline)
    published = date_bounds(record.published)
    document = (
        document_id, record.id, content_hash, story_id, record.source, record.url, record.title,
        record.published, published[0] if published else None, record.language,
        record.language_confidence, record.status.value, record.message, record.home_country,
        record.path, document_format, record.encoding, record.text,
        _json([[s.start, s.end] for s in record.sentences]), record.schema_version, version,
        _json([s.model_dump() for s in record.pipeline]), stored_at, processed_at,
        _extra(record), _published_basis(record),
    )  # fmt: skip
    trace = (document_id, version)
    facts: dict[str, list[Row]] = {table: [] for table in FACT_TABLES}
    facts["mentions"] = [_mention(trace, i, m) for i, m in enumerate(record.mentions)]
    mentions = {m.id: m for m in record.mentions}
    facts["actors"] = [_actor(trace, i, a, mentions) for i, a in enumerate(record.actors)]
    facts["occupations"] = [_occupation(trace, i, o) for i, o in enumerate(record.occupations)]
    facts["events"] = [_event(trace, i, e) for i, e in enumerate(record.events)]
    facts["agreements"] = [_agreement(trace, i, g) for i, g in enumerate(record.agreements)]
    facts["commitments"] = [_commitment(trace, i, c) for i, c in enumerate(record.commitments)]
    facts["topics"] = [_topic(trace, i, t) for i, t in enumerate(record.topics)]
    facts["fact_countries"] = _fact_countries(document_id, record)
    facts["event_topics"] = [(document_id, e.id, t) for e in record.events for t in e.topics]
    facts["document_terms"] = term_rows(document_id, record.text, record.title, record.language)
    return DocumentRows(document=document, facts=facts)


def term_rows(document_id: str, text: str, title: str | None, language: str | None) -> list[Row]:
    """The document's rows of the search index."""
    return [
        (document_id, term, found.hits, found.first)
        for term, found in sorted(document_terms(text, title, language).items())
    ]


def _mention(trace: tuple[str, str], seq: int, m: Mention) -> Row:
    return (
        *trace, m.id, seq, m.type.value, m.start, m.end, m.text, m.normal, m.latin, m.label,
        m.kb_id,
        m.form.value, m.country, _json(m.countries), m.actor, m.sentence, m.extractor, _extra(m),
    )  # fmt: skip


def _actor(trace: tuple[str, str], seq: int, a: Actor, mentions: dict[str, Mention]) -> Row:
    # An actor has no span of its own: its first mention's is where a reader finds it.
    first = mentions.get(a.mentions[0]) if a.mentions else None
    return (
        *trace, a.id, seq, a.kind.value, a.name, a.name_latin, a.country,
        a.country_basis.value if a.country_basis else None, a.kb_id, _json(a.positions),
        _json(a.mentions), first.start if first else None, first.end if first else None,
        _extra(a), key_of(a),
    )  # fmt: skip


def key_of(a: Actor) -> str:
    """The actor's stable identity across documents (stored as `actor_key`, not in the Record)."""
    return actor_key(
        a.kind.value, a.name, name_latin=a.name_latin, country=a.country, kb_id=a.kb_id
    )


def _occupation(trace: tuple[str, str], seq: int, o: Occupation) -> Row:
    return (
        *trace, o.id, seq, o.person, o.person_mention, o.position, o.position_en, o.title.start,
        o.title.end,
        o.organization, o.place, o.country, o.country_basis.value if o.country_basis else None,
        o.evidence.start, o.evidence.end, o.extractor, _extra(o),
    )  # fmt: skip


def _event(trace: tuple[str, str], seq: int, e: Event) -> Row:
    return (
        *trace, e.id, seq, e.type, e.cameo, e.cameo_name, e.goldstein, e.mode, e.trigger.start,
        e.trigger.end, e.trigger_text, _json(e.source), _json(e.target), e.joint,
        e.participants_inferred, _json(e.source_countries), _json(e.target_countries),
        e.status.value, e.reported_by, *_date(e.date), *_bounds(e.date), e.location,
        e.evidence.start, e.evidence.end, _json(e.topics), e.extractor, _extra(e),
    )  # fmt: skip


def _agreement(trace: tuple[str, str], seq: int, g: Agreement) -> Row:
    return (
        *trace, g.id, seq, g.mention, g.title, g.kind, g.unnamed, _json(g.parties),
        _json(g.countries), g.status.value, *_date(g.date), *_bounds(g.date), g.event,
        g.evidence.start, g.evidence.end, g.extractor, _extra(g),
    )  # fmt: skip


def _commitment(trace: tuple[str, str], seq: int, c: Commitment) -> Row:
    return (
        *trace, c.id, seq, c.kind, _json(c.who), _json(c.to), c.what, c.what_span.start,
        c.what_span.end, *_date(c.by), c.event, c.evidence.start, c.evidence.end, c.extractor,
        _extra(c),
    )  # fmt: skip


def _topic(trace: tuple[str, str], seq: int, t: Topic) -> Row:
    first = t.evidence[0].span if t.evidence else None
    evidence = [[e.span.start, e.span.end, e.text] for e in t.evidence]
    return (
        *trace, t.id, seq, t.label_en, t.label_ru, t.label_kk, _json(evidence), _json(t.events),
        first.start if first else None, first.end if first else None, _extra(t),
    )  # fmt: skip


def _fact_countries(document_id: str, record: Record) -> list[Row]:
    actor_country = {a.id: a.country for a in record.actors if a.country}
    rows: set[Row] = set()
    for e in record.events:
        rows.update((document_id, "event", e.id, "source", c) for c in e.source_countries)
        rows.update((document_id, "event", e.id, "target", c) for c in e.target_countries)
    for g in record.agreements:
        rows.update((document_id, "agreement", g.id, "party", c) for c in g.countries)
    for c in record.commitments:
        for side, actors in (("who", c.who), ("to", c.to)):
            rows.update(
                (document_id, "commitment", c.id, side, actor_country[a])
                for a in actors
                if a in actor_country
            )
    return sorted(rows)


# --- back to a Record --------------------------------------------------------------------------


def _span(start: int | None, end: int | None) -> Span | None:
    return None if start is None or end is None else Span(start=start, end=end)


def _event_date(values: dict[str, Any], prefix: str) -> EventDate | None:
    if values[f"{prefix}_value"] is None:
        return None
    return EventDate(
        value=values[f"{prefix}_value"],
        precision=values[f"{prefix}_precision"],
        basis=values[f"{prefix}_basis"],
        span=_span(values[f"{prefix}_span_start"], values[f"{prefix}_span_end"]),
    )


def to_record(document: dict[str, Any], facts: dict[str, list[dict[str, Any]]]) -> Record:
    """The Record a document row and its fact rows (as dicts by column, in id order) came from."""
    return Record(
        schema_version=document["record_schema"],
        id=document["record_id"],
        status=document["status"],
        message=document["message"],
        language=document["language"],
        language_confidence=document["language_confidence"],
        title=document["title"],
        url=document["url"],
        published=document["published"],
        published_basis=document["published_basis"],
        source=document["source"],
        path=document["path"],
        encoding=document["encoding"],
        home_country=document["home_country"],
        text=document["text"],
        sentences=[Span(start=s, end=e) for s, e in json.loads(document["sentences"])],
        mentions=[_to_mention(v) for v in facts["mentions"]],
        actors=[_to_actor(v) for v in facts["actors"]],
        occupations=[_to_occupation(v) for v in facts["occupations"]],
        events=[_to_event(v) for v in facts["events"]],
        agreements=[_to_agreement(v) for v in facts["agreements"]],
        commitments=[_to_commitment(v) for v in facts["commitments"]],
        topics=[_to_topic(v) for v in facts["topics"]],
        pipeline=[Stage(**s) for s in json.loads(document["pipeline"])],
        **_unmapped(document),
    )


def _to_mention(v: dict[str, Any]) -> Mention:
    return Mention(
        id=v["id"], type=v["type"], start=v["span_start"], end=v["span_end"], text=v["text"],
        normal=v["normal"], latin=v["latin"], label=v["label"], kb_id=v["kb_id"], form=v["form"],
        country=v["country"], countries=json.loads(v["countries"]), actor=v["actor_id"],
        sentence=v["sentence"], extractor=v["extractor"], **_unmapped(v),
    )  # fmt: skip


def _to_actor(v: dict[str, Any]) -> Actor:
    return Actor(
        id=v["id"], kind=v["kind"], name=v["name"], name_latin=v["name_latin"],
        country=v["country"], country_basis=v["country_basis"], kb_id=v["kb_id"],
        positions=json.loads(v["positions"]), mentions=json.loads(v["mentions"]), **_unmapped(v),
    )  # fmt: skip


def _to_occupation(v: dict[str, Any]) -> Occupation:
    return Occupation(
        id=v["id"], person=v["person_id"], person_mention=v["person_mention_id"],
        position=v["position"], position_en=v["position_en"],
        title=Span(start=v["title_start"], end=v["title_end"]),
        organization=v["organization_id"], place=v["place_id"], country=v["country"],
        country_basis=v["country_basis"],
        evidence=Span(start=v["span_start"], end=v["span_end"]), extractor=v["extractor"],
        **_unmapped(v),
    )  # fmt: skip


def _to_event(v: dict[str, Any]) -> Event:
    return Event(
        id=v["id"], type=v["type"], cameo=v["cameo"], cameo_name=v["cameo_name"],
        goldstein=v["goldstein"], mode=v["mode"],
        trigger=Span(start=v["trigger_start"], end=v["trigger_end"]),
        trigger_text=v["trigger_text"], source=json.loads(v["source_actors"]),
        target=json.loads(v["target_actors"]), joint=v["joint"],
        participants_inferred=v["participants_inferred"],
        source_countries=json.loads(v["source_countries"]),
        target_countries=json.loads(v["target_countries"]), status=v["status"],
        reported_by=v["reported_by"], date=_event_date(v, "date"), location=v["location_id"],
        evidence=Span(start=v["span_start"], end=v["span_end"]), topics=json.loads(v["topics"]),
        extractor=v["extractor"], **_unmapped(v),
    )  # fmt: skip


def _to_agreement(v: dict[str, Any]) -> Agreement:
    return Agreement(
        id=v["id"], mention=v["mention_id"], title=v["title"], kind=v["kind"],
        unnamed=v["unnamed"], parties=json.loads(v["parties"]),
        countries=json.loads(v["countries"]), status=v["status"], date=_event_date(v, "date"),
        event=v["event_id"], evidence=Span(start=v["span_start"], end=v["span_end"]),
        extractor=v["extractor"], **_unmapped(v),
    )  # fmt: skip


def _to_commitment(v: dict[str, Any]) -> Commitment:
    return Commitment(
        id=v["id"], kind=v["kind"], who=json.loads(v["who_actors"]),
        to=json.loads(v["to_actors"]), what=v["what"],
        what_span=Span(start=v["what_start"], end=v["what_end"]), by=_event_date(v, "by"),
        event=v["event_id"], evidence=Span(start=v["span_start"], end=v["span_end"]),
        extractor=v["extractor"], **_unmapped(v),
    )  # fmt: skip


def _to_topic(v: dict[str, Any]) -> Topic:
    evidence = [
        TopicEvidence(span=Span(start=s, end=e), text=text)
        for s, e, text in json.loads(v["evidence"])
    ]
    return Topic(
        id=v["id"], label_en=v["label_en"], label_ru=v["label_ru"], label_kk=v["label_kk"],
        evidence=evidence, events=json.loads(v["events"]), **_unmapped(v),
    )  # fmt: skip
