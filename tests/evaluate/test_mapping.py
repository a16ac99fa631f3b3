from __future__ import annotations

from communique.evaluate.mapping import predicted_mentions, predicted_occupations
from communique.record import Actor, ActorKind, Mention, MentionType, Occupation, Record, Span

TEXT = "Министр иностранных дел России Сергей Лавров прибыл в Астану."


def mention(mention_id: str, mention_type: MentionType, text: str, actor: str) -> Mention:
    start = TEXT.index(text)
    return Mention(
        id=mention_id,
        type=mention_type,
        start=start,
        end=start + len(text),
        text=text,
        normal=text,
        actor=actor,
        extractor="test",
    )


def test_occupation_with_a_country_uses_the_country_actor() -> None:
    record = Record(
        id="d",
        text=TEXT,
        mentions=[
            mention("m1", MentionType.COUNTRY, "России", "a2"),
            mention("m2", MentionType.PERSON, "Сергей Лавров", "a1"),
        ],
        actors=[
            Actor(id="a1", kind=ActorKind.PERSON, name="Сергей Лавров", mentions=["m2"]),
            Actor(id="a2", kind=ActorKind.COUNTRY, name="Россия", country="RU", mentions=["m1"]),
        ],
        occupations=[
            Occupation(
                id="o1",
                person="a1",
                position="министр иностранных дел",
                title=Span(start=0, end=23),
                country="RU",
                evidence=Span(start=0, end=44),
                extractor="test",
            )
        ],
    )
    (occupation,) = predicted_occupations(record)
    assert occupation.names == ("Сергей Лавров",)
    assert occupation.positions == ("министр иностранных дел", "Министр иностранных дел")
    assert occupation.places == ("Россия", "России")
    assert [m.type for m in predicted_mentions(record)] == ["COUNTRY", "PERSON"]


def test_occupation_without_a_place() -> None:
    record = Record(
        id="d",
        text=TEXT,
        actors=[Actor(id="a1", kind=ActorKind.PERSON, name="Сергей Лавров")],
        occupations=[
            Occupation(
                id="o1",
                person="a1",
                position="министр",
                title=Span(start=0, end=7),
                evidence=Span(start=0, end=7),
                extractor="test",
            )
        ],
    )
    (occupation,) = predicted_occupations(record)
    assert occupation.places == ()
