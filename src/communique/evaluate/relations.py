"""NEREL relations that carry events and roles, scored at mention level given our own mentions.

Gold: the `R` lines of a NEREL `.ann` of the types in `RELATION_TYPES`, each argument the
entity's outer extent (and fragments). Predicted: `mapping.predicted_relations(record)`, whose
arguments are spans of our own mentions, event triggers and titles, so entity errors propagate
into the relation scores ("relation F1 given predicted entities").

Per type and document, predictions and gold are trimmed like mentions and duplicates collapsed;
a prediction is a candidate for a gold relation of its type when both arguments match, in order
(`exact`: the same trimmed span as the gold extent; `overlap`: a shared character with one of
the gold entity's fragments). Candidates are taken greedily, one-to-one, by the sum of the two
arguments' IoU; counts are summed over documents (micro average).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from communique.evaluate.gold import GoldMention, Offsets
from communique.evaluate.nerel import NerelDocument
from communique.evaluate.scoring import Counts, MatchMode, iou, overlaps, trim

RELATION_TYPES = (
    "WORKS_AS",
    "WORKPLACE",
    "PARTICIPANT_IN",
    "ORGANIZES",
    "POINT_IN_TIME",
    "TAKES_PLACE_IN",
)


@dataclass(frozen=True)
class GoldRelation:
    """A gold relation `arg1 -type-> arg2`; the arguments are gold mentions (id, entity type)."""

    id: str
    type: str
    arg1: GoldMention
    arg2: GoldMention


@dataclass(frozen=True)
class PredictedRelation:
    """A predicted relation between two spans of the record; `source` says what gave it."""

    type: str
    arg1: Offsets
    arg2: Offsets
    source: str


@dataclass
class RelationMatch:
    """The outcome of matching one relation type of one document in one mode."""

    true_positives: list[tuple[PredictedRelation, GoldRelation]] = field(default_factory=list)
    false_positives: list[PredictedRelation] = field(default_factory=list)
    false_negatives: list[GoldRelation] = field(default_factory=list)

    @property
    def counts(self) -> Counts:
        return Counts(
            len(self.true_positives), len(self.false_positives), len(self.false_negatives)
        )


def gold_relations(document: NerelDocument) -> dict[str, list[GoldRelation]]:
    """The document's relations of each type in `RELATION_TYPES` (every type present as a key)."""
    mentions = {m.id: m for m in document.gold_mentions()}
    relations: dict[str, list[GoldRelation]] = {t: [] for t in RELATION_TYPES}
    for relation in document.relations:
        if relation.type not in relations:
            continue
        arg1, arg2 = mentions.get(relation.arg1), mentions.get(relation.arg2)
        if arg1 is not None and arg2 is not None:
            relations[relation.type].append(GoldRelation(relation.id, relation.type, arg1, arg2))
    return relations


def score_relations(
    text: str, gold: Sequence[GoldRelation], predicted: Iterable[PredictedRelation]
) -> dict[MatchMode, RelationMatch]:
    """Per mode, the matching of one relation type of one document (pass one type at a time)."""
    kept = _distinct_predictions(text, predicted)
    targets = _distinct_gold(text, gold)
    return {mode: _match(kept, targets, mode) for mode in MatchMode}


def score_document_relations(
    text: str, gold: dict[str, list[GoldRelation]], predicted: Sequence[PredictedRelation]
) -> dict[str, dict[MatchMode, RelationMatch]]:
    """Per relation type and mode, the matching of one document."""
    return {
        relation_type: score_relations(
            text, gold.get(relation_type, []), [p for p in predicted if p.type == relation_type]
        )
        for relation_type in RELATION_TYPES
    }


def relation_report(counts: dict[str, dict[MatchMode, Counts]]) -> dict[str, Any]:
    return {
        relation_type: {str(mode): c.as_dict() for mode, c in by_mode.items()}
        for relation_type, by_mode in counts.items()
    }


def gold_relation_summary(
    gold: Sequence[tuple[str, dict[str, list[GoldRelation]]]],
) -> dict[str, int]:
    """Gold relations per type over (text, relations) documents, duplicates collapsed."""
    return {
        relation_type: sum(
            len(_distinct_gold(text, relations.get(relation_type, []))) for text, relations in gold
        )
        for relation_type in RELATION_TYPES
    }


def relation_errors(
    base: dict[str, Any], text: str, relation_type: str, mode: MatchMode, match: RelationMatch
) -> list[dict[str, Any]]:
    """FP and FN entries for the errors file: each argument's span and text."""
    entry = {**base, "bucket": relation_type, "mode": str(mode)}
    false_positives = [
        {
            **entry,
            "kind": "fp",
            "source": p.source,
            "arg1": _argument(text, p.arg1),
            "arg2": _argument(text, p.arg2),
        }
        for p in match.false_positives
    ]
    false_negatives = [
        {
            **entry,
            "kind": "fn",
            "gold_id": g.id,
            "arg1": {**_argument(text, (g.arg1.start, g.arg1.end)), "type": g.arg1.type},
            "arg2": {**_argument(text, (g.arg2.start, g.arg2.end)), "type": g.arg2.type},
        }
        for g in match.false_negatives
    ]
    return false_positives + false_negatives


@dataclass(frozen=True, eq=False)
class _Argument:
    """A gold argument trimmed: the extent an exact match must equal, the fragments to overlap."""

    extent: Offsets
    fragments: tuple[Offsets, ...]

    @classmethod
    def of(cls, text: str, mention: GoldMention) -> _Argument:
        fragments = tuple(f for f in (trim(text, s) for s in mention.fragments) if f[0] < f[1])
        return cls(trim(text, (mention.start, mention.end)), fragments)

    def accepts(self, span: Offsets, mode: MatchMode) -> bool:
        if mode is MatchMode.EXACT:
            return span == self.extent
        return any(overlaps(span, fragment) for fragment in self.fragments)


@dataclass(frozen=True, eq=False)
class _Target:
    relation: GoldRelation
    arg1: _Argument
    arg2: _Argument

    def accepts(self, predicted: PredictedRelation, mode: MatchMode) -> bool:
        return self.arg1.accepts(predicted.arg1, mode) and self.arg2.accepts(predicted.arg2, mode)

    def iou(self, predicted: PredictedRelation) -> float:
        return iou(predicted.arg1, self.arg1.extent) + iou(predicted.arg2, self.arg2.extent)


def _distinct_gold(text: str, gold: Sequence[GoldRelation]) -> list[_Target]:
    """Trimmed gold, duplicates (the same trimmed argument extents) collapsed; a relation with
    an argument of nothing but punctuation cannot be matched or missed."""
    targets: dict[tuple[Offsets, Offsets], _Target] = {}
    for relation in gold:
        target = _Target(
            relation, _Argument.of(text, relation.arg1), _Argument.of(text, relation.arg2)
        )
        if target.arg1.fragments and target.arg2.fragments:
            targets.setdefault((target.arg1.extent, target.arg2.extent), target)
    return list(targets.values())


def _distinct_predictions(
    text: str, predicted: Iterable[PredictedRelation]
) -> list[PredictedRelation]:
    """Trimmed predictions, the first of each (type, arg1, arg2) kept; empty arguments dropped."""
    kept: dict[tuple[str, Offsets, Offsets], PredictedRelation] = {}
    for relation in predicted:
        arg1, arg2 = trim(text, relation.arg1), trim(text, relation.arg2)
        if arg1[0] < arg1[1] and arg2[0] < arg2[1]:
            trimmed = PredictedRelation(relation.type, arg1, arg2, relation.source)
            kept.setdefault((relation.type, arg1, arg2), trimmed)
    return list(kept.values())


def _match(
    predicted: list[PredictedRelation], targets: list[_Target], mode: MatchMode
) -> RelationMatch:
    candidates = sorted(
        (-target.iou(relation), t, p)
        for t, target in enumerate(targets)
        for p, relation in enumerate(predicted)
        if target.accepts(relation, mode)
    )
    used_predicted: set[int] = set()
    used_targets: set[int] = set()
    match = RelationMatch()
    for _, t, p in candidates:
        if t in used_targets or p in used_predicted:
            continue
        used_targets.add(t)
        used_predicted.add(p)
        match.true_positives.append((predicted[p], targets[t].relation))
    match.false_positives = [r for p, r in enumerate(predicted) if p not in used_predicted]
    match.false_negatives = [
        target.relation for t, target in enumerate(targets) if t not in used_targets
    ]
    return match


def _argument(text: str, span: Offsets) -> dict[str, Any]:
    start, end = span
    return {"start": start, "end": end, "text": text[start:end]}
