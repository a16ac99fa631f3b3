"""How events read a parsed text (extract/event_args.py), one case per phenomenon, on parses and
mentions built by hand: which actor a phrase names (conjuncts, «который», pronouns, a title with
no name beside it, «с X» left out), who speaks a quote, what a clause covers, the two sides of a
bilateral text. Sentences written for the test."""

from __future__ import annotations

from communique.extract.event_args import TextView, bilateral_sides
from communique.extract.event_lexicon import event_lexicon
from communique.nlp.annotate import Annotation
from communique.record import Actor, ActorKind, Mention, MentionType, Occupation, Record, Span
from handbuilt_annotation import annotation, span_of

KINDS = {
    MentionType.PERSON: ActorKind.PERSON,
    MentionType.COUNTRY: ActorKind.COUNTRY,
    MentionType.CITY: ActorKind.CITY,
    MentionType.ORGANIZATION: ActorKind.ORGANIZATION,
}
COUNTRIES = {"Иванов": "KZ", "Петров": "KZ", "Ли": "KR", "Франции": "FR", "Корея": "KR"}


def _view(
    conll: str,
    named: list[tuple[str, MentionType] | tuple[str, MentionType, str]],
    occupations: list[Occupation] | None = None,
    positions: dict[str, list[str]] | None = None,
) -> tuple[TextView, Annotation]:
    """`named`: (words, type[, nominative]) of each mention; a name's actor id is its first
    word's lower case, a title (POSITION) names no actor. The same words twice are two
    mentions."""
    parsed = annotation(conll)
    mentions, actors, seen = [], {}, {}
    for number, (words, kind, *normal) in enumerate(named):
        occurrence = seen.get(words, 0)
        seen[words] = occurrence + 1
        start, end = span_of(parsed, words, occurrence)
        actor = None if kind is MentionType.POSITION else words.split()[0].lower()
        mentions.append(
            Mention(
                id=f"m{number}",
                type=kind,
                start=start,
                end=end,
                text=words,
                normal=normal[0] if normal else words,
                actor=actor,
                extractor="test",
            )
        )
        if actor:
            known = actors.setdefault(
                actor,
                Actor(
                    id=actor,
                    kind=KINDS[kind],
                    name=words,
                    country=COUNTRIES.get(words.split()[0]),
                    positions=(positions or {}).get(actor, []),
                ),
            )
            known.mentions.append(f"m{number}")
    record = Record(
        id="handbuilt",
        text=parsed.text,
        mentions=mentions,
        actors=list(actors.values()),
        occupations=occupations or [],
    )
    return TextView.build(parsed, record, event_lexicon()), parsed


def _index(parsed: Annotation, word: str, occurrence: int = 0) -> int:
    start = span_of(parsed, word, occurrence)[0]
    return next(t.index for t in parsed.tokens if t.start == start)


PERSON, POSITION = MentionType.PERSON, MentionType.POSITION

CONJOINED = """
Иванов Иванов PROPN _ 4 nsubj
и и CCONJ _ 3 cc
Петров Петров PROPN _ 1 conj
прибыли прибыть VERB _ 0 root
. . PUNCT _ 4 punct
"""


def test_a_title_and_the_name_beside_it_name_the_person() -> None:
    view, parsed = _view(
        """
        Министр министр NOUN _ 3 nsubj
        Иванов Иванов PROPN _ 1 appos
        прибыл прибыть VERB _ 0 root
        """,
        [("Министр", POSITION), ("Иванов", PERSON)],
    )
    assert view.actors_of(_index(parsed, "Министр")) == ["иванов"]


def test_conjoined_names_are_each_an_actor() -> None:
    view, parsed = _view(CONJOINED, [("Иванов", PERSON), ("Петров", PERSON)])
    assert view.actors_of(_index(parsed, "Иванов")) == ["иванов", "петров"]


def test_which_stands_for_the_noun_its_clause_hangs_on() -> None:
    view, parsed = _view(
        """
        Иванов Иванов PROPN _ 6 nsubj
        , , PUNCT _ 4 punct
        который который PRON _ 4 nsubj
        прибыл прибыть VERB _ 1 acl:relcl
        , , PUNCT _ 4 punct
        выступил выступить VERB _ 0 root
        """,
        [("Иванов", PERSON)],
    )
    assert view.actors_of(_index(parsed, "который")) == ["иванов"]


def test_which_in_a_clause_that_modifies_nothing_names_nobody() -> None:
    view, parsed = _view(
        """
        Иванов Иванов PROPN _ 4 nsubj
        , , PUNCT _ 4 punct
        который который PRON _ 4 nsubj
        прибыл прибыть VERB _ 0 root
        """,
        [("Иванов", PERSON)],
    )
    assert view.actors_of(_index(parsed, "который")) == []


def test_he_is_the_person_last_named_before() -> None:
    view, parsed = _view(
        """
        Иванов Иванов PROPN _ 3 nsubj
        встретил встретить VERB _ 0 root
        Петрова Петров PROPN _ 2 obj
        . . PUNCT _ 2 punct

        Он он PRON _ 2 nsubj
        выступил выступить VERB _ 0 root
        """,
        [("Иванов", PERSON), ("Петрова", PERSON)],
    )
    assert view.actors_of(_index(parsed, "Он")) == ["петрова"]


QUOTE = """
« « PUNCT _ 3 punct
Мы мы PRON _ 3 nsubj
готовы готовый ADJ _ 7 ccomp
» » PUNCT _ 3 punct
, , PUNCT _ 7 punct
– – PUNCT _ 7 punct
сказал сказать VERB _ 0 root
Иванов Иванов PROPN _ 7 nsubj
. . PUNCT _ 7 punct
"""


def test_we_in_a_quote_is_the_speakers_organisation() -> None:
    ministry = Occupation(
        id="o0",
        person="иванов",
        position="министр",
        organization="мид",
        title=Span(start=0, end=1),
        evidence=Span(start=0, end=1),
        extractor="test",
    )
    view, parsed = _view(QUOTE, [("Иванов", PERSON)], occupations=[ministry])
    assert view.actors_of(_index(parsed, "Мы")) == ["мид"]
    assert view.speakers[_index(parsed, "готовы")] == "иванов"


def test_we_in_a_quote_is_the_speaker_with_no_organisation_known() -> None:
    view, parsed = _view(QUOTE, [("Иванов", PERSON)])
    assert view.actors_of(_index(parsed, "Мы")) == ["иванов"]


def test_a_quote_before_its_speech_verb_is_the_speakers() -> None:
    view, parsed = _view(
        """
        Иванов Иванов PROPN _ 2 nsubj
        заявил заявить VERB _ 0 root
        : : PUNCT _ 5 punct
        « « PUNCT _ 5 punct
        готовы готовый ADJ _ 2 parataxis
        » » PUNCT _ 5 punct
        """,
        [("Иванов", PERSON)],
    )
    assert view.speakers[_index(parsed, "готовы")] == "иванов"
    assert _index(parsed, "Иванов") not in view.speakers


def test_a_quote_with_no_verb_in_it_has_no_speaker() -> None:
    view, _ = _view(
        """
        Иванов Иванов PROPN _ 2 nsubj
        назвал назвать VERB _ 0 root
        « « PUNCT _ 4 punct
        Астану Астана PROPN _ 2 obj
        » » PUNCT _ 4 punct
        """,
        [("Иванов", PERSON)],
    )
    assert view.speakers == {}


def test_a_reported_clause_is_spoken_by_the_subject_of_its_verb() -> None:
    view, parsed = _view(
        """
        Иванов Иванов PROPN _ 2 nsubj
        отметил отметить VERB _ 0 root
        , , PUNCT _ 5 punct
        что что SCONJ _ 5 mark
        растет расти VERB _ 2 ccomp
        товарооборот товарооборот NOUN _ 5 nsubj
        """,
        [("Иванов", PERSON)],
    )
    assert view.speakers[_index(parsed, "товарооборот")] == "иванов"
    assert _index(parsed, "отметил") not in view.speakers


def test_a_title_with_a_country_names_who_the_text_gives_that_title() -> None:
    holder = Occupation(
        id="o0",
        person="макрон",
        position="президент",
        country="FR",
        title=Span(start=0, end=1),
        evidence=Span(start=0, end=1),
        extractor="test",
    )
    conll = """
    пригласил пригласить VERB _ 0 root
    президента президент NOUN _ 1 obj
    Франции Франция PROPN _ 2 nmod
    """
    named = [("президента", POSITION, "президент"), ("Франции", MentionType.COUNTRY)]
    view, parsed = _view(conll, named)
    assert view.actors_of(_index(parsed, "президента")) == ["франции"]  # nobody holds it
    view, parsed = _view(conll, named, [holder])
    assert view.actors_of(_index(parsed, "президента")) == ["макрон"]


def test_a_title_alone_names_the_one_person_the_text_gives_it() -> None:
    conll = """
    Иванов Иванов PROPN _ 2 nsubj
    пригласил пригласить VERB _ 0 root
    Главу глава NOUN _ 2 obj
    государства государство NOUN _ 3 nmod
    """
    named = [("Иванов", PERSON), ("Главу государства", POSITION, "Глава государства")]
    view, parsed = _view(conll, named, positions={"иванов": ["глава государства"]})
    assert view.actors_of(_index(parsed, "Главу")) == ["иванов"]
    view, parsed = _view(conll, named)
    assert view.actors_of(_index(parsed, "Главу")) == []


def test_with_someone_is_not_part_of_the_phrase() -> None:
    view, parsed = _view(
        """
        встреча встреча NOUN _ 0 root
        Иванова Иванов PROPN _ 1 nmod
        с с ADP _ 4 case
        Петровым Петров PROPN _ 1 nmod
        """,
        [("Иванова", PERSON), ("Петровым", PERSON)],
    )
    assert view.actors_of(_index(parsed, "встреча")) == ["иванова"]


def test_the_heads_own_name_wins_over_a_place_in_its_phrase() -> None:
    view, parsed = _view(
        """
        посол посол NOUN _ 0 root
        Кореи Корея PROPN _ 1 nmod
        Ли Ли PROPN _ 1 appos
        """,
        [("Кореи", MentionType.COUNTRY), ("Ли", PERSON)],
    )
    assert view.actors_of(_index(parsed, "посол")) == ["ли"]
    assert view.place_actor(_index(parsed, "Кореи")) == "кореи"
    assert view.place_actor(_index(parsed, "Ли")) is None
    assert view.place_kind("кореи") and not view.place_kind("ли")
    assert (view.country_of("ли"), view.country_of("nobody")) == ("KR", None)


def test_a_clause_head_is_the_nearest_predicate_above() -> None:
    view, parsed = _view(CONJOINED, [])
    assert view.clause_head(_index(parsed, "Петров")) == _index(parsed, "прибыли")
    assert view.clause_head(_index(parsed, "прибыли")) == _index(parsed, "прибыли")
    assert view.ancestors(_index(parsed, "Петров")) == [0, 3]


def test_a_clause_ends_before_a_joined_clause() -> None:
    view, parsed = _view(
        """
        Иванов Иванов PROPN _ 2 nsubj
        прибыл прибыть VERB _ 0 root
        , , PUNCT _ 5 punct
        а а CCONJ _ 5 cc
        Петров Петров PROPN _ 2 conj
        уехал уехать VERB _ 5 orphan
        """,
        [],
    )
    start, end = view.clause_span(_index(parsed, "прибыл"))
    assert parsed.text[start:end] == "Иванов прибыл"


def test_the_two_sides_are_the_most_named_persons_of_two_countries() -> None:
    view, _ = _view(
        """
        Иванов Иванов PROPN _ 0 root
        Иванов Иванов PROPN _ 1 conj
        Петров Петров PROPN _ 1 conj
        Ли Ли PROPN _ 1 conj
        """,
        [("Иванов", PERSON), ("Иванов", PERSON), ("Петров", PERSON), ("Ли", PERSON)],
    )
    assert bilateral_sides(view.record) == ["иванов", "ли"]


def test_with_one_country_of_persons_the_sides_are_countries() -> None:
    view, _ = _view(
        """
        Иванов Иванов PROPN _ 0 root
        Петров Петров PROPN _ 1 conj
        Франции Франция PROPN _ 1 nmod
        Корея Корея PROPN _ 1 conj
        """,
        [
            ("Иванов", PERSON),
            ("Петров", PERSON),
            ("Франции", MentionType.COUNTRY),
            ("Корея", MentionType.COUNTRY),
        ],
    )
    assert bilateral_sides(view.record) == ["франции", "корея"]
    view, _ = _view(CONJOINED, [("Иванов", PERSON), ("Петров", PERSON)])
    assert view.sides() == []
