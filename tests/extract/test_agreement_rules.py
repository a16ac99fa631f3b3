"""The agreement rules (extract/agreements.py), each on a parse built by hand for its phenomenon.

The end-to-end cases (test_agreement_status.py) show the rules on real parses; these pin each
rule to the tree it reads, so a change to the rule fails here whatever the parser does."""

from __future__ import annotations

import pytest

from communique.extract.agreements import extract_agreements
from communique.extract.event_args import TextView
from communique.extract.event_lexicon import event_lexicon
from communique.nlp.annotate import Annotation
from communique.record import (
    Actor,
    ActorKind,
    Agreement,
    AgreementStatus,
    Event,
    Mention,
    MentionType,
    Record,
    Span,
)
from handbuilt_annotation import annotation, span_of

EXTRACTOR = "test@0"


def _mention(parsed: Annotation, words: str, number: int, **fields: object) -> Mention:
    start, end = span_of(parsed, words)
    sentence = next(s.index for s in parsed.sentences if s.start <= start < s.end)
    values: dict[str, object] = {
        "type": MentionType.AGREEMENT,
        "normal": words,
        "sentence": sentence,
        "extractor": EXTRACTOR,
    }
    values.update(fields)
    return Mention(id=f"m{number}", start=start, end=end, text=words, **values)  # type: ignore[arg-type]


def _agreements(
    conll: str,
    titles: list[str],
    others: list[Mention] | None = None,
    actors: list[Actor] | None = None,
    events: list[Event] | None = None,
) -> list[Agreement]:
    parsed = annotation(conll)
    mentions = [_mention(parsed, title, i) for i, title in enumerate(titles)]
    record = Record(
        id="handbuilt",
        text=parsed.text,
        mentions=[*mentions, *(others or [])],
        actors=actors or [],
    )
    view = TextView.build(parsed, record, event_lexicon())
    return extract_agreements(view, events or [])


def _status(conll: str, title: str) -> AgreementStatus:
    (agreement,) = _agreements(conll, [title])
    return agreement.status


# «Посол хвалит подписанный в мае меморандум»: the parser hung the participle on the verb, not
# on the title it agrees with.
PARTICIPLE_HUNG_ON_THE_VERB = """
Посол посол NOUN Case=Nom 2 nsubj
хвалит хвалить VERB VerbForm=Fin 0 root
подписанный подписать VERB VerbForm=Part|Case=Acc 2 obl
в в ADP _ 5 case
мае май NOUN Case=Loc 3 obl
меморандум меморандум NOUN Case=Acc 2 obj
"""

STATUSES = [
    pytest.param(
        PARTICIPLE_HUNG_ON_THE_VERB,
        "меморандум",
        AgreementStatus.SIGNED,
        id="participle-before-the-title-agreeing-in-case",
    ),
    pytest.param(
        PARTICIPLE_HUNG_ON_THE_VERB.replace("Part|Case=Acc", "Part|Case=Nom"),
        "меморандум",
        AgreementStatus.MENTIONED,
        id="participle-in-another-case-is-not-the-titles",
    ),
    pytest.param(
        """
подписанный подписать VERB VerbForm=Part|Case=Acc 3 obl
посол посол NOUN Case=Nom 3 nsubj
хвалит хвалить VERB VerbForm=Fin 0 root
меморандум меморандум NOUN Case=Acc 3 obj
""",
        "меморандум",
        AgreementStatus.MENTIONED,
        id="a-finite-verb-between-ends-the-phrase",
    ),
    pytest.param(
        """
подписанный подписать VERB VerbForm=Part|Case=Acc 4 obl
, , PUNCT _ 1 punct
меморандум меморандум NOUN Case=Acc 4 obj
хвалят хвалить VERB VerbForm=Fin 0 root
""",
        "меморандум",
        AgreementStatus.MENTIONED,
        id="punctuation-between-ends-the-phrase",
    ),
    pytest.param(
        """
Подписанный подписать VERB VerbForm=Part|Case=Nom 0 root

Меморандум меморандум NOUN Case=Nom 2 nsubj
хвалят хвалить VERB VerbForm=Fin 0 root
""",
        "Меморандум",
        AgreementStatus.MENTIONED,
        id="a-participle-of-the-sentence-before",
    ),
    pytest.param(
        """
Посол посол NOUN Case=Nom 2 nsubj
хвалит хвалить VERB VerbForm=Fin 0 root
подписанный подписать VERB VerbForm=Part|Case=Acc 2 obl
весной весна NOUN Case=Ins 3 obl
два два NUM Case=Acc 6 nummod
года год NOUN Case=Gen 3 obl
назад назад ADV _ 6 advmod
в в ADP _ 9 case
Астане астана PROPN Case=Loc 3 obl
меморандум меморандум NOUN Case=Acc 2 obj
""",
        "меморандум",
        AgreementStatus.MENTIONED,
        id="a-participle-beyond-six-words",
    ),
    pytest.param(
        """
Посол посол NOUN Case=Nom 2 nsubj
хвалит хвалить VERB VerbForm=Fin 0 root
подписанный подписать VERB VerbForm=Part|Case=Acc 2 obl
межправительственный межправительственный ADJ Case=Acc 5 amod
меморандум меморандум NOUN Case=Acc 2 obj
""",
        "меморандум",
        AgreementStatus.SIGNED,
        id="adjectives-of-the-title-are-stepped-over",
    ),
    pytest.param(
        """
Стороны сторона NOUN Case=Nom 2 nsubj
ратифицировали ратифицировать VERB VerbForm=Fin 0 root
соглашение соглашение NOUN Case=Acc 2 obj
""",
        "соглашение",
        AgreementStatus.RATIFIED,
        id="the-predicate-above-gives-the-status",
    ),
    pytest.param(
        """
Соглашение соглашение NOUN Case=Nom 3 nsubj:pass
не не PART _ 3 advmod
подписано подписать VERB VerbForm=Part|Case=Nom 0 root
""",
        "Соглашение",
        AgreementStatus.PLANNED,
        id="a-negated-signing-is-planned",
    ),
    pytest.param(
        """
Депутат депутат NOUN Case=Nom 2 nsubj
ждет ждать VERB VerbForm=Fin 0 root
скорейшей скорый ADJ Case=Gen 4 amod
ратификации ратификация NOUN Case=Gen 2 obj
Соглашения соглашение NOUN Case=Gen 4 nmod
""",
        "Соглашения",
        AgreementStatus.PLANNED,
        id="an-awaited-ratification-is-planned",
    ),
    pytest.param(
        """
Депутат депутат NOUN Case=Nom 2 nsubj
отметил отметить VERB VerbForm=Fin 0 root
важность важность NOUN Case=Acc 2 obj
ратификации ратификация NOUN Case=Gen 3 nmod
Соглашения соглашение NOUN Case=Gen 4 nmod
""",
        "Соглашения",
        AgreementStatus.PLANNED,
        id="the-importance-of-ratifying-is-not-ratified",
    ),
    pytest.param(
        """
Стороны сторона NOUN Case=Nom 2 nsubj
упомянули упомянуть VERB VerbForm=Fin 0 root
Соглашение соглашение NOUN Case=Acc 2 obj
""",
        "Соглашение",
        AgreementStatus.MENTIONED,
        id="no-status-verb-is-a-mention",
    ),
]


@pytest.mark.parametrize(("conll", "title", "status"), STATUSES)
def test_status(conll: str, title: str, status: AgreementStatus) -> None:
    assert _status(conll, title) is status


SIGNED_MEMORANDUM = """
Стороны сторона NOUN Case=Nom 2 nsubj
подписали подписать VERB VerbForm=Fin 0 root
меморандум меморандум NOUN Case=Acc 2 obj
и и CCONJ _ 5 cc
«Зелёный зелёный ADJ Case=Acc 6 amod
мост» мост NOUN Case=Acc 3 conj
"""


def test_kind_from_the_head_word_else_the_mentions_label() -> None:
    memorandum, roadmap = _agreements(SIGNED_MEMORANDUM, ["меморандум", "«Зелёный мост»"])
    assert memorandum.kind == "memorandum"
    assert roadmap.kind is None  # «мост» is no kind in the lexicon and the mention has no label


def test_a_lower_case_title_without_quotes_is_unnamed() -> None:
    memorandum, roadmap = _agreements(SIGNED_MEMORANDUM, ["меморандум", "«Зелёный мост»"])
    assert memorandum.unnamed and not roadmap.unnamed
    (capitalised,) = _agreements(
        SIGNED_MEMORANDUM.replace("меморандум ", "Меморандум "), ["Меморандум"]
    )
    assert not capitalised.unnamed


def test_a_title_inside_another_is_not_an_agreement_of_its_own() -> None:
    conll = """
Стороны сторона NOUN Case=Nom 2 nsubj
подписали подписать VERB VerbForm=Fin 0 root
Протокол протокол NOUN Case=Acc 2 obj
к к ADP _ 5 case
Соглашению соглашение NOUN Case=Dat 3 nmod
"""
    (agreement,) = _agreements(conll, ["Протокол к Соглашению", "Соглашению"])
    assert agreement.title == "Протокол к Соглашению" and agreement.kind == "protocol"


def test_parties_are_the_sentences_actors_unless_an_event_names_them() -> None:
    conll = """
Казахстан казахстан PROPN Case=Nom 3 nsubj
и и CCONJ _ 3 cc
Монголия монголия PROPN Case=Nom 1 conj
подписали подписать VERB VerbForm=Fin 0 root
меморандум меморандум NOUN Case=Acc 4 obj

Посол посол NOUN Case=Nom 2 nsubj
Турции турция PROPN Case=Gen 1 nmod
выступил выступить VERB VerbForm=Fin 0 root
"""
    parsed = annotation(conll)
    countries = [
        _mention(parsed, name, 10 + i, type=MentionType.COUNTRY, actor=f"a{i}")
        for i, name in enumerate(["Казахстан", "Монголия", "Турции"])
    ]
    actors = [
        Actor(id=f"a{i}", kind=ActorKind.COUNTRY, name=name, country=code)
        for i, (name, code) in enumerate(
            [("Казахстан", "KZ"), ("Монголия", "MN"), ("Турция", "TR")]
        )
    ]
    (agreement,) = _agreements(conll, ["меморандум"], countries, actors)
    assert agreement.parties == ["a0", "a1"]  # not Turkey, of another sentence
    assert agreement.countries == ["KZ", "MN"]
    signing = Event(
        id="e1",
        type="AGREE",
        cameo="057",
        trigger=Span(start=parsed.tokens[3].start, end=parsed.tokens[3].end),
        trigger_text=parsed.tokens[3].text,
        evidence=Span(start=0, end=parsed.sentences[0].end),
        source=["a1"],
        target=["a0"],
        extractor=EXTRACTOR,
    )
    (agreement,) = _agreements(conll, ["меморандум"], countries, actors, [signing])
    assert agreement.parties == ["a1", "a0"] and agreement.event == "e1"


def test_countries_named_inside_the_title_are_its_own() -> None:
    conll = """
Стороны сторона NOUN Case=Nom 2 nsubj
обсудили обсудить VERB VerbForm=Fin 0 root
казахстанско-монгольское казахстанско-монгольский ADJ Case=Acc 4 amod
соглашение соглашение NOUN Case=Acc 2 obj
"""
    parsed = annotation(conll)
    adjective = _mention(
        parsed, "казахстанско-монгольское", 5, type=MentionType.COUNTRY, countries=["KZ", "MN"]
    )
    (agreement,) = _agreements(conll, ["казахстанско-монгольское соглашение"], [adjective])
    assert agreement.countries == ["KZ", "MN"]
