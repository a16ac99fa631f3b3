"""English event types from triggers, on sentences written for the test."""

from __future__ import annotations

import pytest
from spacy.language import Language

from communique.lang.en.events import sentence_event_type


@pytest.mark.parametrize(
    ("sentence", "kind", "trigger"),
    [
        # signing a formal agreement is SUPPORT, as the CAMEO table codes it (057)
        ("Kazakhstan and Uzbekistan signed an agreement on water use.", "SUPPORT", "signed"),
        # a cooperative act stated as future, or as readiness, is an intent: AGREE
        ("Norway will support the candidacy of Chile.", "AGREE", "support"),
        ("The government is ready to send doctors to the region.", "AGREE", "ready"),
        ("Finland would return the artefacts next year.", "AGREE", "return"),
        ("The coalition will impose sanctions on the regime.", "THREATEN", "impose"),
        ("The two presidents met in Astana on Monday.", "CONSULT", "met"),
        ("The minister held talks with his Omani counterpart.", "CONSULT", "held"),
        ("The government refused to meet the delegation.", "REJECT", "refused"),
        ("Officials said the army withdrew from the border.", "RETREAT", "withdrew"),
        # a retreat announced for the future is a promise to retreat (PLOVER AGREE)
        ("Officials said the army would withdraw from the border.", "AGREE", "withdraw"),
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
