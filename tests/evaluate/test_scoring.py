from __future__ import annotations

import pytest

from communique.evaluate.gold import GoldMention
from communique.evaluate.scoring import (
    Bucket,
    Counts,
    MatchMode,
    PredictedMention,
    iou,
    match_bucket,
    score_mentions,
    trim,
)

TEXT = "Акции ОАО «Газпром» выросли в столице Великобритании."
GAZPROM = (TEXT.index("ОАО"), TEXT.index("»") + 1)
GAZPROM_NAME = (TEXT.index("Газпром"), TEXT.index("»"))
CAPITAL = (TEXT.index("столице"), TEXT.index("."))
BRITAIN = (TEXT.index("Великобритании"), TEXT.index("."))


def gold(span: tuple[int, int], *extra: tuple[int, int], neutral: str | None = None) -> GoldMention:
    return GoldMention("T", "Org", (span, *extra), (span,), neutral)


def test_trim_drops_quotes_brackets_punctuation_and_spaces() -> None:
    text = " («Газпром»), "
    start, end = trim(text, (0, len(text)))
    assert text[start:end] == "Газпром"
    assert trim(text, (0, 3)) == (3, 3)


def test_iou() -> None:
    assert iou((0, 10), (0, 10)) == 1.0
    assert iou((0, 10), (5, 15)) == pytest.approx(5 / 15)
    assert iou((0, 5), (5, 10)) == 0.0


def test_quoted_prediction_equals_unquoted_gold() -> None:
    quoted = (GAZPROM_NAME[0] - 1, GAZPROM_NAME[1] + 1)
    match = match_bucket(TEXT, [gold(GAZPROM_NAME)], [quoted], MatchMode.EXACT)
    assert match.counts == Counts(tp=1)


def test_exact_accepts_full_or_name_only_extent() -> None:
    for predicted in (GAZPROM, GAZPROM_NAME):
        match = match_bucket(TEXT, [gold(GAZPROM, GAZPROM_NAME)], [predicted], MatchMode.EXACT)
        assert match.counts == Counts(tp=1)


def test_partial_span_is_an_overlap_not_exact() -> None:
    partial = (TEXT.index("Газ"), TEXT.index("пром"))
    assert match_bucket(TEXT, [gold(GAZPROM)], [partial], MatchMode.EXACT).counts == Counts(
        fp=1, fn=1
    )
    assert match_bucket(TEXT, [gold(GAZPROM)], [partial], MatchMode.OVERLAP).counts == Counts(tp=1)


def test_matching_is_one_to_one_and_greedy_by_iou() -> None:
    close = (GAZPROM[0], GAZPROM[1] - 2)
    far = (GAZPROM_NAME[0], GAZPROM_NAME[0] + 3)
    match = match_bucket(TEXT, [gold(GAZPROM)], [far, close], MatchMode.OVERLAP)
    assert match.counts == Counts(tp=1, fp=1)
    assert match.true_positives[0][0] == trim(TEXT, close)
    assert match.false_positives == [far]


def test_duplicate_predictions_are_collapsed() -> None:
    quoted = (GAZPROM_NAME[0] - 1, GAZPROM_NAME[1] + 1)
    match = match_bucket(TEXT, [gold(GAZPROM_NAME)], [GAZPROM_NAME, quoted], MatchMode.EXACT)
    assert match.counts == Counts(tp=1)


def test_duplicate_gold_is_collapsed() -> None:
    match = match_bucket(TEXT, [gold(GAZPROM), gold(GAZPROM)], [], MatchMode.EXACT)
    assert match.counts == Counts(fn=1)


def test_neutral_gold_is_never_missed_and_absorbs_its_predictions() -> None:
    neutral = gold(BRITAIN, neutral="embedded")
    assert match_bucket(TEXT, [neutral], [], MatchMode.EXACT).counts == Counts()
    assert match_bucket(TEXT, [neutral], [BRITAIN], MatchMode.EXACT).counts == Counts()


def test_counted_gold_takes_precedence_over_neutral() -> None:
    capital = gold(CAPITAL, BRITAIN)
    embedded = gold(BRITAIN, neutral="embedded")
    for mode in MatchMode:
        assert match_bucket(TEXT, [embedded, capital], [BRITAIN], mode).counts == Counts(tp=1)


def test_score_mentions_filters_types_per_bucket() -> None:
    buckets = [
        Bucket("Org", frozenset({"Org"}), frozenset({"ORGANIZATION"})),
        Bucket("Location", frozenset({"Location"}), frozenset({"LOCATION", "CITY"})),
    ]
    britain = GoldMention("T2", "Location", (BRITAIN,), (BRITAIN,))
    predicted = [
        PredictedMention("ORGANIZATION", *GAZPROM_NAME),
        PredictedMention("CITY", *BRITAIN),
        PredictedMention("PERSON", *CAPITAL),
    ]
    scores = score_mentions(TEXT, [gold(GAZPROM, GAZPROM_NAME), britain], predicted, buckets)
    assert scores["Org"][MatchMode.EXACT].counts == Counts(tp=1)
    assert scores["Location"][MatchMode.EXACT].counts == Counts(tp=1)


def test_counts_ratios() -> None:
    counts = Counts(tp=3, fp=1, fn=2) + Counts(tp=1)
    assert (counts.precision, counts.recall) == (0.8, pytest.approx(4 / 6))
    assert counts.f1 == pytest.approx(8 / 11)
    assert Counts().f1 == 0.0
