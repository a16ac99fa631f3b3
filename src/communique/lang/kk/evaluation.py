"""Exact-match scores of the Kazakh tagger on a side of the KazNERD block split."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from communique.lang.kk.corpus import Sentence, SplitName, exact_scores, read_conll, split
from communique.lang.kk.tagger import KazakhTagger

# The classes the project reads from Kazakh text; the metadata keeps all classes' scores.
REPORTED_CLASSES = ("PERSON", "GPE", "POSITION", "ORGANISATION", "ALL")


def score(tagger: KazakhTagger, sentences: Sequence[Sentence]) -> dict[str, dict[str, float]]:
    """Exact-match precision, recall and F1 per class (and `ALL`) of `tagger` on `sentences`."""
    predicted = [tagger.tag(sentence.tokens) for sentence in sentences]
    scores = exact_scores([sentence.tags for sentence in sentences], predicted)
    return {
        label: {
            "gold": value.gold,
            "predicted": value.predicted,
            "precision": round(value.precision, 4),
            "recall": round(value.recall, 4),
            "f1": round(value.f1, 4),
        }
        for label, value in scores.items()
    }


def evaluate_kaznerd(
    path: Path, side: SplitName = "test", tagger: KazakhTagger | None = None
) -> dict[str, dict[str, float]]:
    """Scores of the (packaged) tagger on one side of the block split of a KazNERD file."""
    return score(tagger or KazakhTagger.load(), split(read_conll(path), side))
