"""Mention scoring: trimmed spans, exact or overlap match, one-to-one greedy by IoU, neutral gold.

The rules are those of `../shared/evaluation-rules.md`; `docs/evaluation.md` restates them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from communique.evaluate.gold import GoldMention, Offsets


class MatchMode(StrEnum):
    EXACT = "exact"
    OVERLAP = "overlap"


@dataclass(frozen=True)
class PredictedMention:
    type: str
    start: int
    end: int


@dataclass(frozen=True)
class Bucket:
    """Gold types and predicted types scored together; `main` buckets sum into `overall`."""

    name: str
    gold_types: frozenset[str]
    predicted_types: frozenset[str]
    main: bool = True


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        return _ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def as_dict(self) -> dict[str, int | float]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class MentionMatch:
    """The outcome of matching one bucket of one document in one mode."""

    true_positives: list[tuple[Offsets, GoldMention]] = field(default_factory=list)
    false_positives: list[Offsets] = field(default_factory=list)
    false_negatives: list[GoldMention] = field(default_factory=list)

    @property
    def counts(self) -> Counts:
        return Counts(
            len(self.true_positives), len(self.false_positives), len(self.false_negatives)
        )


def is_trimmable(character: str) -> bool:
    """Quotes, brackets, punctuation and spaces: dropped at the edges of every span."""
    return character.isspace() or unicodedata.category(character).startswith("P")


def trim(text: str, span: Offsets) -> Offsets:
    start, end = span
    while start < end and is_trimmable(text[start]):
        start += 1
    while end > start and is_trimmable(text[end - 1]):
        end -= 1
    return start, end


def iou(first: Offsets, second: Offsets) -> float:
    intersection = min(first[1], second[1]) - max(first[0], second[0])
    if intersection <= 0:
        return 0.0
    union = max(first[1], second[1]) - min(first[0], second[0])
    return intersection / union


def overlaps(first: Offsets, second: Offsets) -> bool:
    return min(first[1], second[1]) > max(first[0], second[0])


def match_bucket(
    text: str, gold: Sequence[GoldMention], predicted: Iterable[Offsets], mode: MatchMode
) -> MentionMatch:
    """Match predicted spans against the gold of one bucket.

    Predictions and gold are trimmed and duplicates collapsed; predictions are matched to
    counted gold first (one-to-one, greedy by IoU), and a leftover prediction that matches a
    neutral gold mention is ignored.
    """
    spans = sorted({span for span in (trim(text, s) for s in predicted) if span[0] < span[1]})
    counted = _targets(text, [mention for mention in gold if not mention.neutral])
    neutral = _targets(text, [mention for mention in gold if mention.neutral])
    pairs = _greedy_pairs(spans, counted, mode)
    matched_spans = {span for span, _ in pairs}
    matched_gold = {id(target) for _, target in pairs}
    return MentionMatch(
        true_positives=[(span, target.mention) for span, target in pairs],
        false_positives=[
            span
            for span in spans
            if span not in matched_spans and not any(t.accepts(span, mode) for t in neutral)
        ],
        false_negatives=[t.mention for t in counted if id(t) not in matched_gold],
    )


def score_mentions(
    text: str,
    gold: Sequence[GoldMention],
    predicted: Sequence[PredictedMention],
    buckets: Sequence[Bucket],
) -> dict[str, dict[MatchMode, MentionMatch]]:
    """Per bucket and mode, the matching of one document."""
    return {
        bucket.name: {
            mode: match_bucket(
                text,
                [mention for mention in gold if mention.type in bucket.gold_types],
                [(p.start, p.end) for p in predicted if p.type in bucket.predicted_types],
                mode,
            )
            for mode in MatchMode
        }
        for bucket in buckets
    }


@dataclass(frozen=True, eq=False)
class _Target:
    """A gold mention with its extents and fragments trimmed."""

    mention: GoldMention
    extents: tuple[Offsets, ...]
    fragments: tuple[Offsets, ...]

    @classmethod
    def of(cls, text: str, mention: GoldMention) -> _Target:
        return cls(mention, _trimmed(text, mention.extents), _trimmed(text, mention.fragments))

    def accepts(self, span: Offsets, mode: MatchMode) -> bool:
        if mode is MatchMode.EXACT:
            return span in self.extents
        return any(overlaps(span, fragment) for fragment in self.fragments)

    def iou(self, span: Offsets) -> float:
        return max(iou(span, extent) for extent in self.extents)


def _targets(text: str, gold: Iterable[GoldMention]) -> list[_Target]:
    """Trimmed targets, gold duplicates (same trimmed extents) collapsed; a gold mention of
    nothing but punctuation cannot be matched or missed."""
    targets: dict[tuple[Offsets, ...], _Target] = {}
    for mention in gold:
        target = _Target.of(text, mention)
        if target.extents and target.fragments:
            targets.setdefault(target.extents, target)
    return list(targets.values())


def _greedy_pairs(
    spans: list[Offsets], targets: list[_Target], mode: MatchMode
) -> list[tuple[Offsets, _Target]]:
    candidates = sorted(
        (
            (-target.iou(span), target_index, span_index)
            for target_index, target in enumerate(targets)
            for span_index, span in enumerate(spans)
            if target.accepts(span, mode)
        ),
    )
    used_spans: set[int] = set()
    used_targets: set[int] = set()
    pairs = []
    for _, target_index, span_index in candidates:
        if target_index in used_targets or span_index in used_spans:
            continue
        used_targets.add(target_index)
        used_spans.add(span_index)
        pairs.append((spans[span_index], targets[target_index]))
    return pairs


def _trimmed(text: str, spans: Iterable[Offsets]) -> tuple[Offsets, ...]:
    trimmed = (trim(text, span) for span in spans)
    return tuple(span for span in trimmed if span[0] < span[1])


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0
