"""Which overlapping candidates become mentions (extract/select.py), one case per phenomenon, on
candidates built by hand (token spans, as the candidate sources give them)."""

from __future__ import annotations

import pytest

from communique.extract.candidates import PRIORITY, Candidate
from communique.extract.select import select
from communique.record import MentionType

PERSON, COUNTRY, POSITION = MentionType.PERSON, MentionType.COUNTRY, MentionType.POSITION
ORG, CITY, DATE = MentionType.ORGANIZATION, MentionType.CITY, MentionType.DATE


def _candidate(
    kind: MentionType, first: int, last: int, source: str = "ner", **fields
) -> Candidate:
    return Candidate(kind, first, last, source, PRIORITY[source], **fields)


def _chosen(candidates: list[Candidate]) -> list[tuple[str, int, int]]:
    return [(c.type.value.lower(), c.first, c.last) for c in select(candidates)]


@pytest.mark.parametrize(
    ("candidates", "chosen"),
    [
        pytest.param(
            [_candidate(PERSON, 0, 2), _candidate(CITY, 3, 4)],
            [("person", 0, 2), ("city", 3, 4)],
            id="apart-both-stay",
        ),
        pytest.param(
            [_candidate(CITY, 2, 3), _candidate(PERSON, 0, 2)],
            [("person", 0, 2), ("city", 2, 3)],
            id="touching-both-stay-in-text-order",
        ),
        pytest.param(
            [_candidate(POSITION, 0, 2, "kb"), _candidate(ORG, 1, 2, "kb")],
            [("position", 0, 2), ("organization", 1, 2)],
            id="another-type-nests",
        ),
        pytest.param(
            [_candidate(ORG, 1, 2, "kb"), _candidate(POSITION, 0, 2, "pattern")],
            [("position", 0, 2), ("organization", 1, 2)],
            id="another-type-nests-whichever-ranks-first",
        ),
        pytest.param(
            [_candidate(COUNTRY, 0, 2, "kb"), _candidate(COUNTRY, 1, 2, "ner")],
            [("country", 0, 2)],
            id="same-type-inside-is-no-second-name",
        ),
        pytest.param(
            [_candidate(PERSON, 0, 2, "ner"), _candidate(ORG, 1, 3, "kb")],
            [("organization", 1, 3)],
            id="crossing-the-better-source-stays",
        ),
        pytest.param(
            [_candidate(PERSON, 0, 2, "ner"), _candidate(ORG, 1, 4, "ner")],
            [("organization", 1, 4)],
            id="crossing-equal-source-the-longer-stays",
        ),
        pytest.param(
            [_candidate(ORG, 0, 2, "ner"), _candidate(PERSON, 0, 2, "ner")],
            [("person", 0, 2)],
            id="same-span-equal-source-person-over-organisation",
        ),
        pytest.param(
            [_candidate(CITY, 0, 1, "gazetteer"), _candidate(COUNTRY, 0, 1, "gazetteer")],
            [("country", 0, 1)],
            id="same-span-equal-source-country-over-city",
        ),
        pytest.param(
            [_candidate(PERSON, 0, 1, "ner"), _candidate(DATE, 0, 1, "kb")],
            [("date", 0, 1)],
            id="same-span-the-better-source-whatever-type",
        ),
        pytest.param(
            [_candidate(POSITION, 0, 2, "pattern"), _candidate(POSITION, 0, 1, "kb")],
            [("position", 0, 2), ("position", 0, 1)],
            id="title-keeps-its-head-title",
        ),
        pytest.param(
            [
                _candidate(POSITION, 0, 2, "kb"),
                _candidate(POSITION, 0, 1, "ner", standalone=False),
            ],
            [("position", 0, 2)],
            id="head-that-is-no-title-alone-goes",
        ),
        pytest.param(
            [_candidate(POSITION, 0, 3, "kb"), _candidate(POSITION, 1, 2, "ner")],
            [("position", 0, 3)],
            id="title-inside-a-title-not-at-its-start-goes",
        ),
        pytest.param(
            [_candidate(ORG, 0, 2, "pattern"), _candidate(ORG, 0, 1, "kb")],
            [("organization", 0, 2), ("organization", 0, 1)],
            id="organisation-keeps-its-head-name",
        ),
        pytest.param(
            [_candidate(COUNTRY, 0, 2, "kb"), _candidate(COUNTRY, 0, 1, "kb")],
            [("country", 0, 2)],
            id="country-keeps-no-head",
        ),
        pytest.param(
            [_candidate(ORG, 0, 3, "pattern", derived_from=(1, 3)), _candidate(ORG, 1, 3, "ner")],
            [("organization", 0, 3), ("organization", 1, 3)],
            id="organisation-described-around-a-name-keeps-it",
        ),
        pytest.param(
            [_candidate(ORG, 0, 3, "kb", derived_from=(1, 2)), _candidate(ORG, 1, 3, "ner")],
            [("organization", 0, 3)],
            id="organisation-derived-from-another-span",
        ),
        pytest.param(
            [
                _candidate(COUNTRY, 0, 1, "kb", chars=(0, 9)),
                _candidate(COUNTRY, 0, 1, "kb", chars=(10, 16)),
            ],
            [("country", 0, 1), ("country", 0, 1)],
            id="parts-of-a-compound-adjective",
        ),
        pytest.param(
            [_candidate(POSITION, 0, 2, "kb"), _candidate(POSITION, 0, 1, "ner")],
            [("position", 0, 2), ("position", 0, 1)],
            id="title-found-first-keeps-its-head-title",
        ),
        pytest.param(
            [_candidate(COUNTRY, 0, 1, "kb", chars=(0, 12)), _candidate(COUNTRY, 0, 1, "ner")],
            [("country", 0, 1)],
            id="a-part-of-a-word-and-the-whole-word",
        ),
        pytest.param(
            [
                _candidate(COUNTRY, 0, 1, "kb", chars=(0, 9)),
                _candidate(COUNTRY, 0, 1, "ner", chars=(0, 9)),
            ],
            [("country", 0, 1)],
            id="one-part-found-twice",
        ),
        pytest.param(
            [_candidate(DATE, 2, 2, "regex"), _candidate(DATE, 1, 3, "regex")],
            [("date", 1, 3)],
            id="an-empty-span-holds-its-first-token",
        ),
    ],
)
def test_overlapping_candidates(candidates: list[Candidate], chosen: list) -> None:
    assert _chosen(candidates) == chosen


def test_one_span_found_twice_keeps_what_each_knows() -> None:
    from_ner = _candidate(POSITION, 0, 2, "ner", countries=("KZ",), label="grown label")
    from_kb = _candidate(
        POSITION, 0, 2, "kb", kb_id="chairman", label="Chairman of the Senate", standalone=False
    )
    (merged,) = select([from_ner, from_kb])
    assert (merged.source, merged.priority) == ("kb", PRIORITY["kb"])
    assert (merged.countries, merged.kb_id) == (("KZ",), "chairman")
    assert merged.label == "Chairman of the Senate"
    assert merged.standalone is False


def test_the_dictionarys_label_and_standing_win_over_a_better_source() -> None:
    from_person = _candidate(POSITION, 0, 2, "person", label="Chairman", standalone=False)
    from_kb = _candidate(POSITION, 0, 2, "kb", label="Chairman of the Senate")
    (merged,) = select([from_person, from_kb])
    assert merged.source == "person"
    assert merged.label == "Chairman of the Senate"
    assert merged.standalone is True  # the dictionary knows the title alone


def test_a_label_from_no_dictionary_is_the_better_ones() -> None:
    (merged,) = select(
        [
            _candidate(POSITION, 0, 2, "pattern", label="grown"),
            _candidate(POSITION, 0, 2, "ner", label="model"),
        ]
    )
    assert merged.label == "model"
    (merged,) = select(
        [_candidate(POSITION, 0, 2, "pattern", label="grown"), _candidate(POSITION, 0, 2, "ner")]
    )
    assert merged.label == "grown"


def test_of_two_equal_findings_the_first_carries_the_span() -> None:
    (merged,) = select(
        [
            _candidate(POSITION, 0, 2, "ner", label="first"),
            _candidate(POSITION, 0, 2, "ner", label="second"),
        ]
    )
    assert merged.label == "first"
