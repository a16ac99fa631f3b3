"""KazNERD in CoNLL/IOB2 form: sentences, the project's own train/dev/test split, entity spans.

The shared copy is KazNERD's validation split only (its test split is held back to measure the
project), so development splits it again, deterministically and by blocks of consecutive sentences:
the file keeps each news item's sentences together, and a block split keeps most of one item on
one side instead of scattering its names over train and test.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

SplitName = Literal["train", "dev", "test"]

# Sentence blocks of BLOCK_SIZE; block number % BLOCK_MODULUS picks the side.
BLOCK_SIZE = 50
BLOCK_MODULUS = 10
DEV_BLOCK = 8
TEST_BLOCK = 9


@dataclass(frozen=True)
class Sentence:
    tokens: tuple[str, ...]
    tags: tuple[str, ...]


@dataclass(frozen=True)
class Span:
    label: str
    start: int  # token index
    end: int  # one past the last token


class CorpusError(ValueError):
    """A line of the CoNLL file that is not `token TAG`."""


def read_conll(path: Path) -> list[Sentence]:
    """Sentences of a CoNLL file: one `token TAG` a line, a blank line between sentences."""
    sentences: list[Sentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            fields = line.split()
            if not fields:
                if tokens:
                    sentences.append(Sentence(tuple(tokens), tuple(tags)))
                    tokens, tags = [], []
                continue
            if len(fields) != 2 or not (fields[1] == "O" or fields[1][:2] in ("B-", "I-")):
                raise CorpusError(f"{path}:{number}: expected `token TAG` (IOB2), got {line!r}")
            tokens.append(fields[0])
            tags.append(fields[1])
    if tokens:
        sentences.append(Sentence(tuple(tokens), tuple(tags)))
    return sentences


def split_of(index: int) -> SplitName:
    """The side of the sentence at `index` (0-based, in file order)."""
    block = (index // BLOCK_SIZE) % BLOCK_MODULUS
    if block == DEV_BLOCK:
        return "dev"
    if block == TEST_BLOCK:
        return "test"
    return "train"


def split(sentences: Sequence[Sentence], name: SplitName) -> list[Sentence]:
    """One side of the block split, in file order."""
    return [sentence for index, sentence in enumerate(sentences) if split_of(index) == name]


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def spans(tags: Sequence[str]) -> list[Span]:
    """Entity spans of IOB2 tags; an I- without its B- starts a span (as conlleval reads it)."""
    found: list[Span] = []
    label: str | None = None
    start = 0
    for index, tag in enumerate([*tags, "O"]):
        prefix, _, kind = tag.partition("-")
        continues = prefix == "I" and kind == label
        if label is not None and not continues:
            found.append(Span(label, start, index))
            label = None
        if prefix == "B" or (prefix == "I" and not continues):
            label, start = kind, index
    return found


@dataclass(frozen=True)
class ClassScore:
    gold: int
    predicted: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def exact_scores(
    gold: Iterable[Sequence[str]], predicted: Iterable[Sequence[str]]
) -> dict[str, ClassScore]:
    """Exact-match entity scores per class, and micro-averaged over all classes as `ALL`."""
    gold_count: Counter[str] = Counter()
    predicted_count: Counter[str] = Counter()
    correct: Counter[str] = Counter()
    for gold_tags, predicted_tags in zip(gold, predicted, strict=True):
        gold_spans = set(spans(gold_tags))
        predicted_spans = set(spans(predicted_tags))
        gold_count.update(span.label for span in gold_spans)
        predicted_count.update(span.label for span in predicted_spans)
        correct.update(span.label for span in gold_spans & predicted_spans)
    labels = sorted(set(gold_count) | set(predicted_count))
    scores = {
        label: ClassScore(gold_count[label], predicted_count[label], correct[label])
        for label in labels
    }
    scores["ALL"] = ClassScore(
        sum(gold_count.values()), sum(predicted_count.values()), sum(correct.values())
    )
    return scores
