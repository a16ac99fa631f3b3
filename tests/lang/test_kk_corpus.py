"""KazNERD reading, the block split, IOB2 spans and exact-match scores."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.lang.kk.corpus import (
    BLOCK_SIZE,
    CorpusError,
    Sentence,
    Span,
    exact_scores,
    read_conll,
    spans,
    split,
    split_of,
)


def test_reads_sentences_between_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "tiny.txt"
    path.write_text(
        "Тоқаев B-PERSON\nАстанада B-GPE\nболды O\n. O\n\n\nСенат B-ORGANISATION\nотырысы O\n",
        encoding="utf-8",
    )
    assert read_conll(path) == [
        Sentence(("Тоқаев", "Астанада", "болды", "."), ("B-PERSON", "B-GPE", "O", "O")),
        Sentence(("Сенат", "отырысы"), ("B-ORGANISATION", "O")),
    ]


@pytest.mark.parametrize("line", ["Тоқаев PERSON", "Тоқаев", "Тоқаев B-PERSON extra"])
def test_bad_line_is_named_with_its_number(tmp_path: Path, line: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_text(f"Сенат B-ORGANISATION\n{line}\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"bad\.txt:2: expected `token TAG`"):
        read_conll(path)


def test_block_split_keeps_consecutive_sentences_together() -> None:
    sides = [split_of(index) for index in range(10 * BLOCK_SIZE)]
    assert sides[: 8 * BLOCK_SIZE] == ["train"] * 8 * BLOCK_SIZE
    assert sides[8 * BLOCK_SIZE : 9 * BLOCK_SIZE] == ["dev"] * BLOCK_SIZE
    assert sides[9 * BLOCK_SIZE :] == ["test"] * BLOCK_SIZE
    assert split_of(10 * BLOCK_SIZE) == "train"  # the pattern repeats
    sentences = [Sentence((str(index),), ("O",)) for index in range(20 * BLOCK_SIZE)]
    assert len(split(sentences, "test")) == 2 * BLOCK_SIZE
    assert split(sentences, "dev")[0].tokens == (str(8 * BLOCK_SIZE),)


def test_spans_of_iob2_tags() -> None:
    tags = ["B-POSITION", "I-POSITION", "B-PERSON", "I-PERSON", "O", "I-GPE", "B-GPE", "B-GPE"]
    assert spans(tags) == [
        Span("POSITION", 0, 2),
        Span("PERSON", 2, 4),
        Span("GPE", 5, 6),  # an I- with no B- before it starts a span
        Span("GPE", 6, 7),
        Span("GPE", 7, 8),
    ]


def test_exact_match_needs_both_boundaries_and_the_class() -> None:
    gold = [["B-PERSON", "I-PERSON", "O", "B-GPE"], ["B-ORGANISATION", "I-ORGANISATION"]]
    predicted = [["B-PERSON", "O", "O", "B-GPE"], ["B-ORGANISATION", "I-ORGANISATION"]]
    scores = exact_scores(gold, predicted)
    assert (scores["PERSON"].gold, scores["PERSON"].correct) == (1, 0)
    assert scores["GPE"].f1 == 1.0
    assert scores["ORGANISATION"].f1 == 1.0
    assert (scores["ALL"].precision, scores["ALL"].recall) == (2 / 3, 2 / 3)
