"""English event types from triggers, on sentences written for the test."""

from __future__ import annotations

import pytest
from spacy.language import Language

from communique.lang.en.events import sentence_event_type


@pytest.mark.parametrize(
    ("sentence", "kind", "trigger"),
    [
        ("Kazakhstan and Uzbekistan signed an agreement on water use.", "AGREE", "signed"),
        ("The two presidents met in Astana on Monday.", "CONSULT", "met"),
        ("The minister held talks with his Omani counterpart.", "CONSULT", "held"),
        ("The government refused to meet the delegation.", "REJECT", "refused"),
        ("Officials said the army would withdraw from the border.", "RETREAT", "withdraw"),
        ("The opposition called for early elections.", "REQUEST", "called"),
        ("Police arrested twelve protesters in the capital.", "COERCE", "arrested"),
        ("The senator condemned the decision.", "ACCUSE", "condemned"),
        ("Rebels threatened to attack the airport.", "THREATEN", "threatened"),
    ],
)
def test_sentence_event_type(english_nlp: Language, sentence: str, kind: str, trigger: str) -> None:
    found = sentence_event_type(next(iter(english_nlp(sentence).sents)))
    assert found is not None
    assert (found.type, found.trigger.text) == (kind, trigger)


def test_sentence_without_an_event(english_nlp: Language) -> None:
    assert sentence_event_type(next(iter(english_nlp("The weather was mild.").sents))) is None
