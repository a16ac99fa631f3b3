"""Fact scoring: Occupation (lenient / strict / who) and participant facts (Meeting, Deal).

Facts are compared as document-level sets with the lenient slot rules of `lenient.py`; matching
is one-to-one and greedy, best-scoring pairs first; neutral gold facts are neither missed nor
grounds for a false positive.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import combinations
from typing import TypeVar

from communique.evaluate.lenient import (
    name_within,
    person_matches,
    place_matches,
    position_matches,
)
from communique.evaluate.scoring import Counts

FactT = TypeVar("FactT")


class OccupationLevel(StrEnum):
    LENIENT = "lenient"
    STRICT = "strict"
    WHO = "who"


@dataclass(frozen=True)
class GoldOccupation:
    """`surname_keys` identify the person; `positions` and `places` are alternatives (any).

    `who_entity` and `place_entity` are the gold entity ids, used to merge duplicate facts.
    """

    id: str
    who: str
    surname_keys: tuple[str, ...]
    positions: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    neutral: bool = False
    who_entity: str = ""
    place_entity: str = ""


@dataclass(frozen=True)
class PredictedOccupation:
    """`names` are every string naming the person (any may match), `places` every alias."""

    id: str
    names: tuple[str, ...]
    positions: tuple[str, ...]
    places: tuple[str, ...] = ()


@dataclass(frozen=True)
class SlotMatch:
    who: bool
    position: bool
    place: bool

    def satisfies(self, level: OccupationLevel, gold: GoldOccupation) -> bool:
        if not self.who:
            return False
        if level is OccupationLevel.WHO:
            return True
        if level is OccupationLevel.LENIENT:
            return self.position or self.place
        return (self.position or not gold.positions) and (self.place or not gold.places)

    @property
    def score(self) -> int:
        return self.who + self.position + self.place


@dataclass
class FactMatch:
    """Matched (predicted index, gold index) pairs and the indices left over."""

    pairs: list[tuple[int, int]] = field(default_factory=list)
    false_positives: list[int] = field(default_factory=list)
    false_negatives: list[int] = field(default_factory=list)

    @property
    def counts(self) -> Counts:
        return Counts(len(self.pairs), len(self.false_positives), len(self.false_negatives))


def match_occupation(predicted: PredictedOccupation, gold: GoldOccupation) -> SlotMatch:
    return SlotMatch(
        who=person_matches(predicted.names, gold.surname_keys),
        position=bool(gold.positions) and position_matches(predicted.positions, gold.positions),
        place=bool(gold.places) and place_matches(predicted.places, gold.places),
    )


def score_occupations(
    predicted: Sequence[PredictedOccupation], gold: Sequence[GoldOccupation]
) -> dict[OccupationLevel, FactMatch]:
    """Per level, the one-to-one greedy matching of one document's Occupation facts."""
    slot_matches = {
        (p, g): match_occupation(predicted[p], gold[g])
        for p in range(len(predicted))
        for g in range(len(gold))
    }
    neutral = [g.neutral for g in gold]
    return {
        level: _greedy_match(
            len(predicted),
            neutral,
            {
                pair: match.score
                for pair, match in slot_matches.items()
                if match.satisfies(level, gold[pair[1]])
            },
        )
        for level in OccupationLevel
    }


def merge_predicted_occupations(
    occupations: Sequence[PredictedOccupation],
) -> list[PredictedOccupation]:
    """Merge predictions whose names (whole-name token subset), positions and places match."""
    return _merge(occupations, _same_predicted_occupation, _join_predicted)


def merge_gold_occupations(
    occupations: Sequence[GoldOccupation],
    same_entities: Callable[[GoldOccupation, GoldOccupation], bool],
) -> list[GoldOccupation]:
    """Merge gold facts about the same entities whose positions match (a listed-twice fact)."""

    def same(first: GoldOccupation, second: GoldOccupation) -> bool:
        return same_entities(first, second) and _positions_agree(first.positions, second.positions)

    return _merge(occupations, same, _join_gold)


@dataclass(frozen=True)
class GoldParticipant:
    """A person is matched by surname keys, anything else by its aliases (place rule)."""

    entity_id: str
    aliases: tuple[str, ...]
    surname_keys: tuple[str, ...] = ()

    def matched_by(self, names: Sequence[str]) -> bool:
        if self.surname_keys:
            return person_matches(names, self.surname_keys)
        return place_matches(names, self.aliases)


@dataclass(frozen=True)
class GoldParticipantFact:
    id: str
    type: str
    participants: tuple[GoldParticipant, ...]
    neutral: bool = False


@dataclass(frozen=True)
class PredictedParticipantFact:
    """Each participant is the tuple of strings naming it (any may match)."""

    id: str
    type: str
    participants: tuple[tuple[str, ...], ...]


def participants_matched(
    predicted: Sequence[Sequence[str]], gold: Sequence[GoldParticipant]
) -> int:
    """How many gold participants distinct predicted participants can match (max matching)."""
    assignment: dict[int, int] = {}

    def assign(gold_index: int, visited: set[int]) -> bool:
        for predicted_index, names in enumerate(predicted):
            if predicted_index in visited or not gold[gold_index].matched_by(names):
                continue
            visited.add(predicted_index)
            holder = assignment.get(predicted_index)
            if holder is None or assign(holder, visited):
                assignment[predicted_index] = gold_index
                return True
        return False

    return sum(assign(gold_index, set()) for gold_index in range(len(gold)))


def participant_fact_matches(
    predicted: PredictedParticipantFact, gold: GoldParticipantFact
) -> bool:
    """At least two gold participants (all if fewer) matched by distinct predicted ones."""
    required = min(2, len(gold.participants))
    return participants_matched(predicted.participants, gold.participants) >= required


def score_participant_facts(
    predicted: Sequence[PredictedParticipantFact], gold: Sequence[GoldParticipantFact]
) -> FactMatch:
    """Meeting or Deal facts of one document (pass one type at a time)."""
    scores = {
        (p, g): participants_matched(predicted[p].participants, gold[g].participants)
        for p in range(len(predicted))
        for g in range(len(gold))
        if participant_fact_matches(predicted[p], gold[g])
    }
    return _greedy_match(len(predicted), [g.neutral for g in gold], scores)


def score_participant_pairs(
    predicted: Sequence[PredictedParticipantFact], gold: Sequence[GoldParticipantFact]
) -> FactMatch:
    """`Meeting/pairs`: unordered participant pairs, de-duplicated per document."""
    gold_pairs = _gold_pairs(gold)
    predicted_pairs = [
        PredictedParticipantFact(f"{fact.id}:{i}-{j}", fact.type, (first, second))
        for fact in predicted
        for (i, first), (j, second) in combinations(enumerate(fact.participants), 2)
    ]
    return score_participant_facts(predicted_pairs, gold_pairs)


def _gold_pairs(gold: Sequence[GoldParticipantFact]) -> list[GoldParticipantFact]:
    pairs: dict[frozenset[str], GoldParticipantFact] = {}
    for fact in gold:
        for first, second in combinations(fact.participants, 2):
            key = frozenset((first.entity_id, second.entity_id))
            neutral = fact.neutral and (key not in pairs or pairs[key].neutral)
            pairs[key] = GoldParticipantFact(
                f"{fact.id}:{first.entity_id}-{second.entity_id}",
                fact.type,
                (first, second),
                neutral,
            )
    return list(pairs.values())


def _greedy_match(
    predicted_count: int, gold_neutral: Sequence[bool], scores: dict[tuple[int, int], int]
) -> FactMatch:
    """One-to-one greedy, best pairs first: counted gold, then neutral gold absorbs leftovers."""
    match = FactMatch()
    used_predicted: set[int] = set()
    used_gold: set[int] = set()
    for (p, g), _ in sorted(scores.items(), key=lambda item: (-item[1], item[0])):
        if gold_neutral[g] or p in used_predicted or g in used_gold:
            continue
        used_predicted.add(p)
        used_gold.add(g)
        match.pairs.append((p, g))
    absorbed = {p for p, g in scores if gold_neutral[g]}
    match.false_positives = [
        p for p in range(predicted_count) if p not in used_predicted and p not in absorbed
    ]
    match.false_negatives = [
        g for g in range(len(gold_neutral)) if g not in used_gold and not gold_neutral[g]
    ]
    return match


def _same_predicted_occupation(first: PredictedOccupation, second: PredictedOccupation) -> bool:
    same_person = bool(first.names and second.names) and name_within(
        first.names[0], second.names[0]
    )
    same_place = (
        place_matches(first.places, second.places)
        if first.places and second.places
        else not first.places and not second.places
    )
    return same_person and same_place and _positions_agree(first.positions, second.positions)


def _positions_agree(first: Sequence[str], second: Sequence[str]) -> bool:
    if not first or not second:
        return not first and not second
    return position_matches(first, second)


def _join_predicted(first: PredictedOccupation, second: PredictedOccupation) -> PredictedOccupation:
    return PredictedOccupation(
        id=first.id,
        names=_union(first.names, second.names),
        positions=_union(first.positions, second.positions),
        places=_union(first.places, second.places),
    )


def _join_gold(first: GoldOccupation, second: GoldOccupation) -> GoldOccupation:
    return GoldOccupation(
        id=first.id,
        who=first.who,
        surname_keys=_union(first.surname_keys, second.surname_keys),
        positions=_union(first.positions, second.positions),
        places=_union(first.places, second.places),
        neutral=first.neutral and second.neutral,
        who_entity=first.who_entity,
        place_entity=first.place_entity,
    )


def _merge(
    facts: Sequence[FactT],
    same: Callable[[FactT, FactT], bool],
    join: Callable[[FactT, FactT], FactT],
) -> list[FactT]:
    merged: list[FactT] = []
    for fact in facts:
        index = next((i for i, kept in enumerate(merged) if same(kept, fact)), None)
        if index is None:
            merged.append(fact)
        else:
            merged[index] = join(merged[index], fact)
    return merged


def _union(first: tuple[str, ...], second: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys((*first, *second)))
