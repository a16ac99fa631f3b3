"""FactRuEval-2016 gold loader: tokens, spans, object mentions, coreference and facts.

Offsets index the `.txt` read as UTF-8 with no newline translation; the devset's `.tokens` and
`.spans` agree with that text exactly (checked on every token and span of the devset).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from communique.errors import MalformedInputError
from communique.evaluate.facts import (
    GoldOccupation,
    GoldParticipant,
    GoldParticipantFact,
    merge_gold_occupations,
)
from communique.evaluate.gold import GoldMention, Offsets

NAME_SPAN_TYPES = frozenset(
    {"name", "surname", "patronymic", "nickname", "org_name", "loc_name", "prj_name"}
)
"""Span types that carry a name; the rest (`*_descr`, `job`, `geo_adj`) are descriptors."""

EMBEDDING_TYPES = frozenset({"Org", "Location", "LocOrg"})
"""Object types whose mentions can contain another named mention (`мэрии Москвы`)."""

PERSON_SURNAME_KEYS = ("lastname", "lastname1", "lastname2")
PERSON_FALLBACK_KEYS = ("nickname", "firstname", "firstname1", "firstname2")

_REFERENCE = re.compile(r"^(obj|span)(\d+)$")


@dataclass(frozen=True)
class Token:
    id: str
    index: int
    start: int
    end: int


@dataclass(frozen=True)
class SpanAnnotation:
    """A first-layer span; the devset sometimes gives one id two types (surname + nickname)."""

    id: str
    types: frozenset[str]
    token_ids: tuple[str, ...]
    start: int
    end: int

    @property
    def is_name(self) -> bool:
        return bool(self.types & NAME_SPAN_TYPES)


@dataclass(frozen=True)
class ObjectMention:
    """A second-layer object mention (Person, Org, Location, LocOrg, Project...)."""

    id: str
    type: str
    span_ids: tuple[str, ...]
    token_indices: frozenset[int]
    extent: Offsets
    name_extent: Offsets | None
    token_runs: tuple[Offsets, ...]
    neutral_reason: str | None = None


@dataclass(frozen=True)
class CorefEntity:
    """A third-layer object: the mentions of one entity and its keys (lastname, name...)."""

    id: str
    mention_ids: tuple[str, ...]
    attributes: tuple[tuple[str, str], ...]

    def values(self, *keys: str) -> list[str]:
        return [value for key, value in self.attributes if key in keys and value]


@dataclass(frozen=True)
class SlotValue:
    """One alternative of a fact slot: `obj48 Лужков Юрий`, `span22777 мэра` or plain text."""

    reference: str | None
    text: str

    @property
    def object_id(self) -> str | None:
        return self._referenced("obj")

    @property
    def span_id(self) -> str | None:
        return self._referenced("span")

    def _referenced(self, kind: str) -> str | None:
        match = _REFERENCE.match(self.reference or "")
        return match.group(2) if match and match.group(1) == kind else None


@dataclass(frozen=True)
class Fact:
    """A fact of any type; a slot may occur several times (Participant), each with alternatives."""

    id: str
    type: str
    slots: tuple[tuple[str, tuple[SlotValue, ...]], ...]

    def occurrences(self, slot: str) -> list[tuple[SlotValue, ...]]:
        return [values for name, values in self.slots if name == slot]

    def first(self, slot: str) -> tuple[SlotValue, ...]:
        found = self.occurrences(slot)
        return found[0] if found else ()

    @property
    def neutral(self) -> bool:
        """Marked `Сложность повышенная`: neutral, as in the official track-3 "easy" mode."""
        return any(
            value.text == "повышенная"
            for values in self.occurrences("Сложность")
            for value in values
        )


@dataclass(frozen=True)
class FactRuEvalDocument:
    id: str
    text: str
    path: Path
    mentions: tuple[ObjectMention, ...]
    entities: tuple[CorefEntity, ...]
    facts: tuple[Fact, ...]

    def mention(self, mention_id: str) -> ObjectMention | None:
        return next((m for m in self.mentions if m.id == mention_id), None)

    def entity(self, entity_id: str) -> CorefEntity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def mention_text(self, mention: ObjectMention) -> str:
        start, end = mention.extent
        return self.text[start:end]

    def gold_mentions(self) -> list[GoldMention]:
        return [
            GoldMention(
                id=mention.id,
                type=mention.type,
                extents=tuple(dict.fromkeys(_extents(mention))),
                fragments=mention.token_runs,
                neutral_reason=mention.neutral_reason,
            )
            for mention in self.mentions
        ]


def _extents(mention: ObjectMention) -> list[Offsets]:
    """The full extent, and the name-only extent if the mention has name spans."""
    return [mention.extent, *([mention.name_extent] if mention.name_extent else [])]


def document_ids(directory: Path) -> list[str]:
    """Document ids in the devset folder, in numeric order (`book_100`, `book_105`...)."""
    return sorted((path.stem for path in directory.glob("*.txt")), key=_numeric_key)


def load_factrueval(directory: Path, limit: int | None = None) -> list[FactRuEvalDocument]:
    return [
        load_factrueval_document(directory, doc_id) for doc_id in document_ids(directory)[:limit]
    ]


def load_factrueval_document(directory: Path, doc_id: str) -> FactRuEvalDocument:
    text = _read(directory / f"{doc_id}.txt")
    tokens = _parse_tokens(directory / f"{doc_id}.tokens")
    spans = _parse_spans(directory / f"{doc_id}.spans")
    mentions = _parse_objects(directory / f"{doc_id}.objects", spans, tokens)
    return FactRuEvalDocument(
        id=doc_id,
        text=text,
        path=directory / f"{doc_id}.txt",
        mentions=tuple(mark_neutral(mentions)),
        entities=tuple(_parse_coref(_optional(directory / f"{doc_id}.coref"))),
        facts=tuple(_parse_facts(_optional(directory / f"{doc_id}.facts"))),
    )


def gold_occupations(document: FactRuEvalDocument) -> list[GoldOccupation]:
    """The document's Occupation facts, duplicates (same entities, matching positions) merged."""
    occupations = [
        _occupation(document, fact) for fact in document.facts if fact.type == "Occupation"
    ]
    return merge_gold_occupations(occupations, _same_entities)


def gold_participant_facts(
    document: FactRuEvalDocument, fact_type: str
) -> list[GoldParticipantFact]:
    """Facts of `fact_type` (Meeting, Deal) by participants; same participant set merged."""
    merged: dict[frozenset[str], GoldParticipantFact] = {}
    for fact in document.facts:
        if fact.type != fact_type:
            continue
        participants = tuple(
            _participant(document, values) for values in fact.occurrences("Participant")
        )
        key = frozenset(participant.entity_id for participant in participants)
        neutral = fact.neutral and (key not in merged or merged[key].neutral)
        kept = merged.get(key, GoldParticipantFact(fact.id, fact.type, participants))
        merged[key] = GoldParticipantFact(kept.id, kept.type, kept.participants, neutral)
    return list(merged.values())


def surname_keys(entity: CorefEntity) -> tuple[str, ...]:
    """The coref `lastname` values, else the nickname or first name."""
    return tuple(entity.values(*PERSON_SURNAME_KEYS) or entity.values(*PERSON_FALLBACK_KEYS))


def entity_aliases(document: FactRuEvalDocument, entity: CorefEntity) -> tuple[str, ...]:
    """Coref names and the texts of all the entity's mentions."""
    mentions = (document.mention(mention_id) for mention_id in entity.mention_ids)
    texts = [document.mention_text(mention) for mention in mentions if mention is not None]
    return tuple(dict.fromkeys([*entity.values("name"), *texts]))


def _occupation(document: FactRuEvalDocument, fact: Fact) -> GoldOccupation:
    who = fact.first("Who")
    where = fact.first("Where")
    who_entity = _entity_of(document, who)
    place_entity = _entity_of(document, where)
    return GoldOccupation(
        id=fact.id,
        who=who[0].text if who else "",
        surname_keys=(
            surname_keys(who_entity) if who_entity else tuple(value.text for value in who)
        ),
        positions=tuple(value.text for value in fact.first("Position")),
        places=_aliases(document, where, place_entity),
        neutral=fact.neutral,
        who_entity=who_entity.id if who_entity else "",
        place_entity=place_entity.id if place_entity else "",
    )


def _participant(document: FactRuEvalDocument, values: tuple[SlotValue, ...]) -> GoldParticipant:
    entity = _entity_of(document, values)
    is_person = entity is not None and any(
        mention.type == "Person"
        for mention in (document.mention(mention_id) for mention_id in entity.mention_ids)
        if mention is not None
    )
    return GoldParticipant(
        entity_id=entity.id if entity else values[0].text,
        aliases=_aliases(document, values, entity),
        surname_keys=surname_keys(entity) if entity and is_person else (),
    )


def _aliases(
    document: FactRuEvalDocument, values: tuple[SlotValue, ...], entity: CorefEntity | None
) -> tuple[str, ...]:
    stated = [value.text for value in values if value.text]
    known = entity_aliases(document, entity) if entity else ()
    return tuple(dict.fromkeys([*stated, *known]))


def _entity_of(document: FactRuEvalDocument, values: tuple[SlotValue, ...]) -> CorefEntity | None:
    entities = (document.entity(value.object_id) for value in values if value.object_id)
    return next((entity for entity in entities if entity is not None), None)


def _same_entities(first: GoldOccupation, second: GoldOccupation) -> bool:
    return (first.who_entity, first.place_entity) == (second.who_entity, second.place_entity)


def mark_neutral(mentions: list[ObjectMention]) -> list[ObjectMention]:
    """Set the official-comparator neutral flags: unnamed, embedded, sibling (first that holds)."""
    siblings = _sibling_ids(mentions)
    return [
        replace(mention, neutral_reason=_neutral_reason(mention, mentions, siblings))
        for mention in mentions
    ]


def _neutral_reason(
    mention: ObjectMention, mentions: list[ObjectMention], siblings: set[str]
) -> str | None:
    if mention.name_extent is None:
        return "unnamed"
    if _is_embedded(mention, mentions):
        return "embedded"
    if mention.id in siblings:
        return "sibling"
    return None


def _is_embedded(mention: ObjectMention, mentions: list[ObjectMention]) -> bool:
    return any(
        other.type in EMBEDDING_TYPES and mention.token_indices < other.token_indices
        for other in mentions
    )


def _sibling_ids(mentions: list[ObjectMention]) -> set[str]:
    """Ids of the copies dropped among mentions with the same tokens: the Org copy is kept."""
    groups: dict[frozenset[int], list[ObjectMention]] = defaultdict(list)
    for mention in mentions:
        groups[mention.token_indices].append(mention)
    dropped: set[str] = set()
    for group in groups.values():
        kept = next((m for m in group if m.type == "Org"), group[0])
        dropped.update(m.id for m in group if m is not kept)
    return dropped


def _parse_tokens(path: Path) -> dict[str, Token]:
    tokens: dict[str, Token] = {}
    for fields in _data_lines(path):
        token_id, start, length = fields[0], int(fields[1]), int(fields[2])
        tokens[token_id] = Token(token_id, len(tokens), start, start + length)
    return tokens


def _parse_spans(path: Path) -> dict[str, SpanAnnotation]:
    spans: dict[str, SpanAnnotation] = {}
    for line in _read(path).splitlines():
        fields, _, reference = line.partition("#")
        columns = fields.split()
        if not columns:
            continue
        span_id, span_type, start, length, _first, token_count = columns
        token_ids = tuple(reference.split()[: int(token_count)])
        previous_types = spans[span_id].types if span_id in spans else frozenset()
        spans[span_id] = SpanAnnotation(
            id=span_id,
            types=previous_types | {span_type},
            token_ids=token_ids,
            start=int(start),
            end=int(start) + int(length),
        )
    return spans


def _parse_objects(
    path: Path, spans: dict[str, SpanAnnotation], tokens: dict[str, Token]
) -> list[ObjectMention]:
    mentions = []
    for line in _read(path).splitlines():
        columns = line.partition("#")[0].split()
        if not columns:
            continue
        mention_id, mention_type, *span_ids = columns
        missing = [span_id for span_id in span_ids if span_id not in spans]
        if missing:
            raise MalformedInputError(
                f"object {mention_id}: unknown spans {missing}", source=str(path)
            )
        parts = [spans[span_id] for span_id in span_ids]
        mentions.append(_object_mention(mention_id, mention_type, parts, tokens))
    return mentions


def _object_mention(
    mention_id: str, mention_type: str, parts: list[SpanAnnotation], tokens: dict[str, Token]
) -> ObjectMention:
    mention_tokens = sorted(
        {tokens[token_id] for part in parts for token_id in part.token_ids}, key=lambda t: t.index
    )
    name_parts = [part for part in parts if part.is_name]
    return ObjectMention(
        id=mention_id,
        type=mention_type,
        span_ids=tuple(part.id for part in parts),
        token_indices=frozenset(token.index for token in mention_tokens),
        extent=(min(part.start for part in parts), max(part.end for part in parts)),
        name_extent=(
            (min(part.start for part in name_parts), max(part.end for part in name_parts))
            if name_parts
            else None
        ),
        token_runs=_token_runs(mention_tokens),
    )


def _token_runs(tokens: list[Token]) -> tuple[Offsets, ...]:
    """Character extents of the runs of consecutive tokens."""
    runs: list[list[Token]] = []
    for token in tokens:
        if runs and runs[-1][-1].index + 1 == token.index:
            runs[-1].append(token)
        else:
            runs.append([token])
    return tuple((run[0].start, run[-1].end) for run in runs)


def _parse_coref(text: str) -> Iterator[CorefEntity]:
    for header, *lines in _records(text):
        entity_id, *mention_ids = header.split()
        attributes = tuple(_key_value(line) for line in lines)
        yield CorefEntity(id=entity_id, mention_ids=tuple(mention_ids), attributes=attributes)


def _parse_facts(text: str) -> Iterator[Fact]:
    for header, *lines in _records(text):
        fact_id, fact_type = header.split(maxsplit=1)
        slots = tuple(_slot(line) for line in lines)
        yield Fact(id=fact_id, type=fact_type.strip(), slots=slots)


def _slot(line: str) -> tuple[str, tuple[SlotValue, ...]]:
    name, value = _key_value(line)
    return name, tuple(_slot_value(alternative) for alternative in value.split(" | "))


def _slot_value(alternative: str) -> SlotValue:
    head, _, rest = alternative.strip().partition(" ")
    if _REFERENCE.match(head):
        return SlotValue(reference=head, text=rest.strip())
    return SlotValue(reference=None, text=alternative.strip())


def _key_value(line: str) -> tuple[str, str]:
    key, _, value = line.strip().partition(" ")
    return key, value.strip()


def _records(text: str) -> Iterator[list[str]]:
    """Blank-line separated records, each a list of its non-empty lines."""
    record: list[str] = []
    for line in [*text.splitlines(), ""]:
        if line.strip():
            record.append(line)
        elif record:
            yield record
            record = []


def _data_lines(path: Path) -> Iterator[list[str]]:
    for line in _read(path).splitlines():
        fields = line.split()
        if fields:
            yield fields


def _read(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as file:
        return file.read()


def _optional(path: Path) -> str:
    return _read(path) if path.exists() else ""


def _numeric_key(doc_id: str) -> tuple[str, int]:
    prefix, _, number = doc_id.rpartition("_")
    return (prefix, int(number)) if number.isdigit() else (doc_id, -1)
