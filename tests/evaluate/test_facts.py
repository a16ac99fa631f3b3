from __future__ import annotations

from communique.evaluate.facts import (
    GoldOccupation,
    GoldParticipant,
    GoldParticipantFact,
    OccupationLevel,
    PredictedOccupation,
    PredictedParticipantFact,
    merge_gold_occupations,
    merge_predicted_occupations,
    score_occupations,
    score_participant_facts,
    score_participant_pairs,
)
from communique.evaluate.scoring import Counts

LAVROV = GoldOccupation(
    "1", "Лавров Сергей", ("Лавров",), ("министра иностранных дел",), ("Россия", "РФ")
)
NARYSHKIN = GoldOccupation("2", "Нарышкин Сергей", ("Нарышкин",), ("спикер",), ("Госдума",))
HARD = GoldOccupation("3", "Путин Владимир", ("Путин",), ("президент",), (), neutral=True)


def counts(predicted: list[PredictedOccupation], gold: list[GoldOccupation]) -> dict[str, Counts]:
    return {str(level): m.counts for level, m in score_occupations(predicted, gold).items()}


def test_occupation_levels() -> None:
    predicted = [
        # right person, position and country
        PredictedOccupation(
            "a", ("Сергей Лавров", "Лаврова"), ("министр иностранных дел",), ("России",)
        ),
        # right person, wrong position, right place: lenient only
        PredictedOccupation(
            "b", ("Сергей Нарышкин",), ("депутат",), ("Государственная дума", "Госдума")
        ),
    ]
    assert counts(predicted, [LAVROV, NARYSHKIN]) == {
        "lenient": Counts(tp=2),
        "strict": Counts(tp=1, fp=1, fn=1),
        "who": Counts(tp=2),
    }


def test_who_alone_is_not_lenient() -> None:
    predicted = [PredictedOccupation("a", ("Лавров",), ("посол",), ("Франция",))]
    assert counts(predicted, [LAVROV]) == {
        "lenient": Counts(fp=1, fn=1),
        "strict": Counts(fp=1, fn=1),
        "who": Counts(tp=1),
    }


def test_absent_gold_slot_cannot_match_but_strict_skips_it() -> None:
    predicted = [PredictedOccupation("a", ("Путин",), ("президентом",), ("Россия",))]
    gold = [GoldOccupation("1", "Путин", ("Путин",), ("президент",))]
    assert counts(predicted, gold)["strict"] == Counts(tp=1)
    no_position = [GoldOccupation("1", "Путин", ("Путин",), (), ("Россия",))]
    assert counts(predicted, no_position)["lenient"] == Counts(tp=1)


def test_neutral_gold_is_neither_missed_nor_a_false_positive() -> None:
    predicted = [PredictedOccupation("a", ("Владимир Путин",), ("президент",))]
    assert counts(predicted, [HARD])["lenient"] == Counts()
    assert counts([], [HARD])["lenient"] == Counts()


def test_one_to_one_best_pair_first() -> None:
    predicted = [
        PredictedOccupation("who-only", ("Лавров",), ("посол",)),
        PredictedOccupation("full", ("Лавров",), ("министр",), ("Россия",)),
    ]
    match = score_occupations(predicted, [LAVROV])[OccupationLevel.WHO]
    assert match.pairs == [(1, 0)]
    assert match.false_positives == [0]


def test_merge_predicted_occupations() -> None:
    merged = merge_predicted_occupations(
        [
            PredictedOccupation("a", ("Сергей Лавров",), ("министр",), ("Россия",)),
            PredictedOccupation("b", ("Лавров",), ("министра",), ("России",)),
            PredictedOccupation("c", ("Лавров",), ("министра",), ("Франции",)),
        ]
    )
    assert [o.id for o in merged] == ["a", "c"]
    assert merged[0].names == ("Сергей Лавров", "Лавров")


def test_merge_gold_occupations_about_the_same_entities() -> None:
    twice = GoldOccupation("1b", "Лавров", ("Лавров",), ("министр",), ("Россия",))
    merged = merge_gold_occupations(
        [LAVROV, twice, NARYSHKIN], lambda a, b: a.surname_keys == b.surname_keys
    )
    assert [o.id for o in merged] == ["1", "2"]
    assert merged[0].positions == ("министра иностранных дел", "министр")


def participant(entity_id: str, surname: str = "", alias: str = "") -> GoldParticipant:
    return GoldParticipant(entity_id, (alias or surname,), (surname,) if surname else ())


MEETING = GoldParticipantFact(
    "m1",
    "Meeting",
    (participant("1", "Обама"), participant("2", "Саркози"), participant("3", alias="Меркель")),
)


def test_meeting_needs_two_gold_participants_matched_by_distinct_predictions() -> None:
    two = PredictedParticipantFact("p", "Meeting", (("Барак Обама",), ("Николя Саркози",)))
    same_twice = PredictedParticipantFact("q", "Meeting", (("Обама",), ("президент Обама",)))
    assert score_participant_facts([two], [MEETING]).counts == Counts(tp=1)
    assert score_participant_facts([same_twice], [MEETING]).counts == Counts(fp=1, fn=1)


def test_meeting_pairs() -> None:
    predicted = PredictedParticipantFact("p", "Meeting", (("Обама",), ("Саркози",)))
    assert score_participant_pairs([predicted], [MEETING]).counts == Counts(tp=1, fn=2)
