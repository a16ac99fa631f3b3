"""The record: what Communique says about one document, every fact tied to a span of its text.

These models are the public contract. `docs/record.schema.json` is generated from them
(`communique schema`), and `SCHEMA_VERSION` changes whenever a field changes meaning.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, Field, model_validator

SCHEMA_VERSION = "1.1"


class MentionType(StrEnum):
    PERSON = "PERSON"
    ORGANIZATION = "ORGANIZATION"
    COUNTRY = "COUNTRY"
    CITY = "CITY"
    LOCATION = "LOCATION"
    POSITION = "POSITION"
    AGREEMENT = "AGREEMENT"
    LAW = "LAW"
    EVENT = "EVENT"
    DATE = "DATE"


class MentionForm(StrEnum):
    NAME = "name"
    ADJECTIVE = "adjective"  # "российских", "казахстанско-" in a compound: names a country
    DESCRIPTOR = "descriptor"  # "собеседника": refers to an actor without naming it


class ActorKind(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"
    COUNTRY = "country"
    CITY = "city"
    LOCATION = "location"


class CountryBasis(StrEnum):
    TEXT = "text"  # a country or an organisation of that country is named with the actor
    KNOWLEDGE = "knowledge"  # the knowledge base knows the organisation's country
    INFERRED = "inferred"  # from the document: the publisher's country, a meeting's other side


class PublishedBasis(StrEnum):
    METADATA = "metadata"  # given with the document (a feed, a page's meta tags, JSON Lines)
    TEXT = "text"  # read from the release's dateline or date line (extract/dateline.py)
    REVIEWED = "reviewed"  # set by an analyst (store/reviews.py)


class RecordStatus(StrEnum):
    OK = "ok"
    UNSUPPORTED_LANGUAGE = "unsupported_language"


class Span(BaseModel):
    """Character offsets into `Record.text`, end exclusive: `text[start:end]`."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Mention(BaseModel):
    id: str
    type: MentionType
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str = Field(description="text[start:end], verbatim")
    normal: str = Field(description="nominative (dictionary) form")
    latin: str | None = Field(default=None, description="Latin transliteration or English name")
    label: str | None = Field(
        default=None, description="English title of a position, kind of an agreement or event"
    )
    kb_id: str | None = Field(default=None, description="id in Communique's knowledge base")
    form: MentionForm = Field(
        default=MentionForm.NAME,
        description="name; adjective naming a place ('российский'); descriptor ('собеседник')",
    )
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-2, upper case")
    countries: list[str] = Field(
        default_factory=list,
        description="every country the mention names (казахстанско-монгольское -> KZ, MN)",
    )
    actor: str | None = Field(default=None, description="id of the actor this mention refers to")
    sentence: int | None = Field(default=None, description="index of the sentence it is in")
    extractor: str = Field(description="stage@version that produced the mention")


class Actor(BaseModel):
    id: str
    kind: ActorKind
    name: str = Field(description="canonical name in the nominative")
    name_latin: str | None = None
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-2, upper case")
    country_basis: CountryBasis | None = Field(
        default=None, description="how the country is known: stated in the text or inferred"
    )
    kb_id: str | None = Field(default=None, description="id in Communique's knowledge base")
    positions: list[str] = Field(default_factory=list, description="titles stated in the text")
    mentions: list[str] = Field(default_factory=list, description="mention ids, in text order")


class Occupation(BaseModel):
    """Person - position - organisation/place/country, only as the text states it. A title
    stated with no organisation, place or country is no occupation fact: it is kept in the
    person's `positions`."""

    id: str
    person: str = Field(description="actor id of the person")
    person_mention: str | None = Field(
        default=None, description="id of the person's mention the fact is stated with"
    )
    position: str = Field(description="the title as written, in the nominative")
    position_en: str | None = None
    title: Span = Field(description="where the title is written")
    organization: str | None = Field(default=None, description="actor id of the organisation")
    place: str | None = Field(
        default=None, description="actor id of the city or region the title is for (мэр Москвы)"
    )
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-2")
    country_basis: CountryBasis | None = Field(
        default=None,
        description="text: named with the title; inferred: a state title ('Премьер-министр') "
        "with no country beside it, read as the country the document is about",
    )
    evidence: Span = Field(description="the sentence that states the fact")
    extractor: str


class Stage(BaseModel):
    name: str
    version: str


class Record(BaseModel):
    schema_version: str = SCHEMA_VERSION
    id: str
    status: RecordStatus = RecordStatus.OK
    message: str | None = Field(default=None, description="why the record is marked, if it is")
    language: str | None = None
    language_confidence: float | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    published_basis: PublishedBasis | None = Field(
        default=None, description="where `published` comes from: metadata, the text, a review"
    )
    source: str | None = None
    path: str | None = None
    encoding: str | None = None
    home_country: str | None = Field(
        default=None, description="the publisher's country, as the text shows it (ISO alpha-2)"
    )
    text: str = Field(description="the text every offset indexes, exactly as read")
    sentences: list[Span] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    occupations: list[Occupation] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    agreements: list[Agreement] = Field(default_factory=list)
    commitments: list[Commitment] = Field(default_factory=list)
    topics: list[Topic] = Field(default_factory=list)
    pipeline: list[Stage] = Field(default_factory=list)

    @model_validator(mode="after")
    def _date_given_is_metadata(self) -> Record:
        # A date given without its basis (a record written before the field) came as metadata.
        if self.published and self.published_basis is None:
            self.published_basis = PublishedBasis.METADATA
        return self

    def mention_text(self, mention: Mention) -> str:
        return self.text[mention.start : mention.end]

    def actor_by_id(self, actor_id: str) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)


# --- Events, agreements, commitments, topics (schema 1.1) -------------------------------------


class EventStatus(StrEnum):
    HAPPENED = "happened"
    PLANNED = "planned"  # future tense, intent, "предстоящий", a date after publication
    NEGATED = "negated"  # "не подписали": the act did not take place
    REPORTED = "reported"  # a speaker's account (quote, "сказал X, что ..."): see `reported_by`


class DatePrecision(StrEnum):
    YEAR = "year"
    MONTH = "month"
    DAY = "day"


class DateBasis(StrEnum):
    TEXT = "text"  # stated in full ("в 2024 году", "5 марта 2024 года")
    RELATIVE = "relative"  # resolved against the publication date ("вчера", "5 марта")
    PUBLISHED = "published"  # not stated: the release's own date
    REVIEWED = "reviewed"  # set by an analyst's correction (store/reviews.py)


class EventDate(BaseModel):
    value: str = Field(description="ISO 8601 prefix: YYYY, YYYY-MM or YYYY-MM-DD")
    precision: DatePrecision
    basis: DateBasis
    span: Span | None = Field(default=None, description="where the date is written, if it is")


class Event(BaseModel):
    """A PLOVER event (CAMEO-coded), tied to its trigger and the clause that states it."""

    id: str
    type: str = Field(description="PLOVER event type: CONSULT, AGREE, SUPPORT, ...")
    cameo: str = Field(description="CAMEO event code, three or four digits")
    cameo_name: str | None = None
    goldstein: float | None = Field(default=None, description="Goldstein weight of the code")
    mode: str | None = Field(
        default=None,
        description="PLOVER mode of the type, as the manual lists them: visit, phone, ...",
    )
    trigger: Span
    trigger_text: str
    source: list[str] = Field(default_factory=list, description="actor ids of the actor(s)")
    target: list[str] = Field(default_factory=list, description="actor ids of the recipient(s)")
    joint: bool = Field(default=False, description="a joint act: both sides are the source")
    participants_inferred: bool = Field(
        default=False,
        description="no actor is stated with the trigger: taken from another event of the "
        "sentence or the text's two sides ('стороны', a passive 'обсуждены')",
    )
    source_countries: list[str] = Field(default_factory=list)
    target_countries: list[str] = Field(default_factory=list)
    status: EventStatus = EventStatus.HAPPENED
    reported_by: str | None = Field(default=None, description="actor id of the speaker")
    date: EventDate | None = None
    location: str | None = Field(default=None, description="actor id of the place")
    evidence: Span
    more_evidence: list[Span] = Field(
        default_factory=list,
        description="other sentences on the same meeting («в ходе встречи стороны обсудили ...»), "
        "merged into this one CONSULT event",
    )
    topics: list[str] = Field(default_factory=list, description="topic ids")
    extractor: str


class AgreementStatus(StrEnum):
    SIGNED = "signed"
    RATIFIED = "ratified"
    IN_FORCE = "in_force"
    PLANNED = "planned"
    UNDER_NEGOTIATION = "under_negotiation"
    MENTIONED = "mentioned"


class Agreement(BaseModel):
    id: str
    mention: str = Field(description="id of the AGREEMENT mention")
    title: str = Field(description="nominative form of the mention")
    kind: str | None = Field(default=None, description="declaration, treaty, agreement, ...")
    unnamed: bool = Field(default=False, description="a generic reference, no proper title")
    parties: list[str] = Field(default_factory=list, description="actor ids")
    countries: list[str] = Field(default_factory=list, description="ISO alpha-2 of the parties")
    status: AgreementStatus = AgreementStatus.MENTIONED
    date: EventDate | None = None
    event: str | None = Field(default=None, description="id of the signing/ratifying event")
    evidence: Span
    extractor: str


class Commitment(BaseModel):
    """A stated intent, promise, invitation, proposal or agreed next step."""

    id: str
    kind: str = Field(description="intent, promise, invitation, proposal, agreed_step")
    who: list[str] = Field(default_factory=list, description="actor ids")
    to: list[str] = Field(default_factory=list, description="actor ids")
    what: str = Field(description="the undertaking as written")
    what_span: Span
    by: EventDate | None = Field(default=None, description="deadline or planned date, if stated")
    event: str = Field(description="id of the AGREE (or planned) event it comes from")
    evidence: Span
    extractor: str


class TopicEvidence(BaseModel):
    span: Span
    text: str


class Topic(BaseModel):
    """A cooperation area the document names, from the controlled vocabulary."""

    id: str
    label_en: str
    label_ru: str
    label_kk: str
    evidence: list[TopicEvidence] = Field(default_factory=list)
    events: list[str] = Field(default_factory=list, description="ids of events about it")


Record.model_rebuild()  # its event fields name the models above
