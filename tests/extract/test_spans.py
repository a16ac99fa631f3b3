"""Finding mentions by position: the same answers as a scan of every one, at a cost that does
not grow with the number of mentions."""

from __future__ import annotations

import random
from dataclasses import dataclass

import pytest

from communique.extract import select as select_module
from communique.extract.candidates import Candidate
from communique.extract.select import select
from communique.extract.spans import SpanIndex
from communique.record import MentionType


@dataclass(frozen=True)
class Span:
    start: int
    end: int


def test_index_answers_as_a_scan_does_in_the_lists_order() -> None:
    generator = random.Random(7)
    spans = []
    for _ in range(400):
        start = generator.randrange(0, 2000)
        spans.append(Span(start, start + generator.randrange(0, 40)))
    generator.shuffle(spans)
    index = SpanIndex(spans)
    for _ in range(300):
        low = generator.randrange(-50, 2050)
        high = low + generator.randrange(0, 60)
        assert index.starting_in(low, high) == [s for s in spans if low <= s.start < high]
        assert index.within(low, high) == [s for s in spans if low <= s.start and s.end <= high]
        assert index.covering(low, high) == [s for s in spans if s.start <= low and high <= s.end]
        assert index.ending_in(low, high) == [s for s in spans if low <= s.end <= high]


def test_index_of_a_list_is_built_once_and_anew_when_the_list_grows() -> None:
    spans = [Span(0, 3), Span(5, 9)]
    first = SpanIndex.of(spans)
    assert SpanIndex.of(spans) is first
    spans.append(Span(4, 6))
    assert SpanIndex.of(spans) is not first
    assert SpanIndex.of(spans).covering(5, 6) == [Span(5, 9), Span(4, 6)]


def test_selection_compares_a_candidate_with_the_kept_ones_it_overlaps_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    compared = 0
    compatible = select_module._compatible

    def counting(candidate: Candidate, kept: Candidate) -> bool:
        nonlocal compared
        compared += 1
        return compatible(candidate, kept)

    monkeypatch.setattr(select_module, "_compatible", counting)
    # 3,000 names one after another, each with a title nested in it: a long document's worth
    candidates = []
    for n in range(3000):
        first = 3 * n
        candidates.append(Candidate(MentionType.PERSON, first, first + 2, "ner", 3.0))
        candidates.append(Candidate(MentionType.POSITION, first, first + 1, "kb", 4.0))
    chosen = select(candidates)
    assert len(chosen) == 6000  # different types may nest
    # one comparison per nested pair, not one per pair of candidates (18 million)
    assert compared == 3000
