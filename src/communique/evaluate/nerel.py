"""NEREL 1.1 gold loader (BRAT standoff): entities with their fragments, and relations.

Offsets index the `.txt` read as UTF-8 with no newline translation; each entity's text in the
`.ann` equals its fragments joined by a space (checked on all of train and dev).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from communique.errors import MalformedInputError
from communique.evaluate.facts import GoldOccupation, merge_gold_occupations
from communique.evaluate.gold import GoldMention, Offsets
from communique.evaluate.lenient import normalise, person_matches, place_matches

WORKPLACE_TYPES = frozenset({"ORGANIZATION", "COUNTRY", "CITY", "STATE_OR_PROVINCE", "LOCATION"})


@dataclass(frozen=True)
class NerelEntity:
    id: str
    type: str
    fragments: tuple[Offsets, ...]
    text: str

    @property
    def extent(self) -> Offsets:
        """The outer extent: discontinuous entities are scored by it."""
        return self.fragments[0][0], self.fragments[-1][1]


@dataclass(frozen=True)
class NerelRelation:
    id: str
    type: str
    arg1: str
    arg2: str


@dataclass(frozen=True)
class NerelDocument:
    id: str
    text: str
    path: Path
    entities: tuple[NerelEntity, ...]
    relations: tuple[NerelRelation, ...]

    def entity(self, entity_id: str) -> NerelEntity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def gold_mentions(self) -> list[GoldMention]:
        return [
            GoldMention(id=e.id, type=e.type, extents=(e.extent,), fragments=e.fragments)
            for e in self.entities
        ]


def document_ids(directory: Path) -> list[str]:
    """Stems of the `.txt` files that have an `.ann` beside them (`119336_text`), sorted."""
    return sorted(
        path.stem for path in directory.glob("*.txt") if path.with_suffix(".ann").exists()
    )


def load_nerel(directory: Path, limit: int | None = None) -> list[NerelDocument]:
    return [load_nerel_document(directory, doc_id) for doc_id in document_ids(directory)[:limit]]


def load_nerel_document(directory: Path, doc_id: str) -> NerelDocument:
    annotation_path = directory / f"{doc_id}.ann"
    entities: list[NerelEntity] = []
    relations: list[NerelRelation] = []
    for line in _read(annotation_path).splitlines():
        if line.startswith("T"):
            entities.append(_entity(line, annotation_path))
        elif line.startswith("R"):
            relations.append(_relation(line, annotation_path))
    return NerelDocument(
        id=doc_id,
        text=_read(directory / f"{doc_id}.txt"),
        path=directory / f"{doc_id}.txt",
        entities=tuple(entities),
        relations=tuple(relations),
    )


def gold_occupations(document: NerelDocument) -> list[GoldOccupation]:
    """Occupation facts derived from `PERSON -WORKS_AS-> PROFESSION` and `WORKPLACE` relations.

    `where` comes from the profession's workplaces, else the person's; every workplace is an
    alternative. Facts are merged leniently per document (same surname, position and place).
    """
    occupations = [
        _occupation(document, relation, person, profession)
        for relation in document.relations
        if relation.type == "WORKS_AS"
        and (person := document.entity(relation.arg1)) is not None
        and (profession := document.entity(relation.arg2)) is not None
        and (person.type, profession.type) == ("PERSON", "PROFESSION")
    ]
    return merge_gold_occupations(occupations, _same_person_and_place)


def _occupation(
    document: NerelDocument, relation: NerelRelation, person: NerelEntity, profession: NerelEntity
) -> GoldOccupation:
    workplaces = _workplaces(document, profession) or _workplaces(document, person)
    person_tokens = normalise(person.text)
    return GoldOccupation(
        id=relation.id,
        who=person.text,
        surname_keys=(person_tokens[-1],) if person_tokens else (),
        positions=(profession.text,),
        places=tuple(dict.fromkeys(workplace.text for workplace in workplaces)),
        who_entity=person.id,
    )


def _workplaces(document: NerelDocument, source: NerelEntity) -> list[NerelEntity]:
    targets = (
        document.entity(relation.arg2)
        for relation in document.relations
        if relation.type == "WORKPLACE" and relation.arg1 == source.id
    )
    return [target for target in targets if target and target.type in WORKPLACE_TYPES]


def _same_person_and_place(first: GoldOccupation, second: GoldOccupation) -> bool:
    same_place = (
        place_matches(first.places, second.places)
        if first.places and second.places
        else not first.places and not second.places
    )
    return same_place and person_matches(first.surname_keys, second.surname_keys)


def _entity(line: str, path: Path) -> NerelEntity:
    """`T45<TAB>ORGANIZATION 1647 1658;1674 1704<TAB>text`."""
    try:
        entity_id, annotation, text = line.split("\t", 2)
        entity_type, _, offsets = annotation.partition(" ")
        fragments = tuple(
            (int(start), int(end))
            for start, end in (fragment.split() for fragment in offsets.split(";"))
        )
    except ValueError as error:
        raise MalformedInputError(f"bad entity line {line!r}", source=str(path)) from error
    return NerelEntity(entity_id, entity_type, tuple(sorted(fragments)), text)


def _relation(line: str, path: Path) -> NerelRelation:
    """`R5<TAB>WORKPLACE Arg1:T10 Arg2:T9`."""
    try:
        relation_id, annotation = line.split("\t")[:2]
        relation_type, arg1, arg2 = annotation.split()
        return NerelRelation(
            relation_id, relation_type, arg1.removeprefix("Arg1:"), arg2.removeprefix("Arg2:")
        )
    except ValueError as error:
        raise MalformedInputError(f"bad relation line {line!r}", source=str(path)) from error


def _read(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as file:
        return file.read()
