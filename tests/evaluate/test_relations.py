"""NEREL relations: gold from BRAT, predictions from a record, matching and the report."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from communique.document import Document
from communique.evaluate.mapping import predicted_relations
from communique.evaluate.nerel import load_nerel_document
from communique.evaluate.relations import (
    RELATION_TYPES,
    PredictedRelation,
    RelationMatch,
    gold_relations,
    score_document_relations,
    score_relations,
)
from communique.evaluate.runner import SYSTEM, evaluate_nerel
from communique.evaluate.scoring import MatchMode
from communique.evaluate.tables import report_tables
from communique.record import (
    Actor,
    ActorKind,
    CountryBasis,
    DateBasis,
    DatePrecision,
    Event,
    EventDate,
    EventStatus,
    Mention,
    MentionType,
    Occupation,
    Record,
    Span,
)

TEXT = (
    "«Министр иностранных дел России» Сергей Лавров встретился в Астане 5 мая с Ваном. "
    "Писатель Иван Петров пришёл. Министр заявил."
)
SENTENCES = [(0, 80), (81, 108), (109, 124)]

# (id, type, text, occurrence): offsets found in TEXT
ENTITIES = [
    ("T1", "PERSON", "Сергей Лавров", 0),
    ("T2", "PROFESSION", "«Министр иностранных дел России»", 0),
    ("T3", "COUNTRY", "России", 0),
    ("T4", "EVENT", "встретился", 0),
    ("T5", "CITY", "Астане", 0),
    ("T6", "DATE", "5 мая", 0),
    ("T7", "PERSON", "Ваном", 0),
    ("T8", "PERSON", "Иван Петров", 0),
    ("T9", "PROFESSION", "Писатель", 0),
]
RELATIONS = """\
R1\tWORKS_AS Arg1:T1 Arg2:T2
R2\tWORKPLACE Arg1:T2 Arg2:T3
R3\tWORKPLACE Arg1:T1 Arg2:T3
R4\tPARTICIPANT_IN Arg1:T1 Arg2:T4
R5\tPARTICIPANT_IN Arg1:T7 Arg2:T4
R6\tTAKES_PLACE_IN Arg1:T4 Arg2:T5
R7\tPOINT_IN_TIME Arg1:T4 Arg2:T6
R8\tWORKS_AS Arg1:T8 Arg2:T9
R9\tAGENT Arg1:T1 Arg2:T4
R10\tWORKS_AS Arg1:T1 Arg2:T2
"""


def span(text: str, occurrence: int = 0, within: str = TEXT) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = within.index(text, start + 1)
    return start, start + len(text)


def annotation() -> str:
    lines = []
    for entity_id, entity_type, text, occurrence in ENTITIES:
        start, end = span(text, occurrence)
        lines.append(f"{entity_id}\t{entity_type} {start} {end}\t{text}")
    return "\n".join(lines) + "\n" + RELATIONS


def write_document(directory: Path, doc_id: str = "1_text") -> None:
    (directory / f"{doc_id}.txt").write_text(TEXT, encoding="utf-8")
    (directory / f"{doc_id}.ann").write_text(annotation(), encoding="utf-8")


def mention(
    mention_id: str,
    mention_type: MentionType,
    text: str,
    actor: str | None = None,
    occurrence: int = 0,
) -> Mention:
    start, end = span(text, occurrence)
    sentence = next(i for i, (s, e) in enumerate(SENTENCES) if s <= start < e)
    return Mention(
        id=mention_id,
        type=mention_type,
        start=start,
        end=end,
        text=text,
        normal=text,
        actor=actor,
        sentence=sentence,
        extractor="test",
    )


def event(**changes: object) -> Event:
    date_span = span("5 мая")
    fields: dict[str, object] = {
        "id": "e0",
        "type": "CONSULT",
        "cameo": "040",
        "trigger": Span(start=span("встретился")[0], end=span("встретился")[1]),
        "trigger_text": "встретился",
        "source": ["a0"],
        "target": ["a3"],
        "date": EventDate(
            value="2024-05-05",
            precision=DatePrecision.DAY,
            basis=DateBasis.RELATIVE,
            span=Span(start=date_span[0], end=date_span[1]),
        ),
        "location": "a2",
        "evidence": Span(start=0, end=80),
        "extractor": "test",
    }
    return Event.model_validate({**fields, **changes})


def record(events: list[Event] | None = None, occupations: bool = True) -> Record:
    title = span("Министр иностранных дел России")
    mentions = [
        mention("m0", MentionType.POSITION, "Министр иностранных дел России"),
        mention("m1", MentionType.COUNTRY, "России", "a1").model_copy(update={"country": "RU"}),
        mention("m2", MentionType.PERSON, "Сергей Лавров", "a0"),
        mention("m3", MentionType.CITY, "Астане", "a2"),
        mention("m4", MentionType.DATE, "5 мая"),
        mention("m5", MentionType.PERSON, "Ваном", "a3"),
        mention("m6", MentionType.POSITION, "Писатель"),
        mention("m7", MentionType.PERSON, "Иван Петров", "a4"),
    ]
    actors = [
        Actor(
            id="a0",
            kind=ActorKind.PERSON,
            name="Сергей Лавров",
            positions=["министр иностранных дел"],
            mentions=["m2"],
        ),
        Actor(id="a1", kind=ActorKind.COUNTRY, name="Россия", country="RU", mentions=["m1"]),
        Actor(id="a2", kind=ActorKind.CITY, name="Астана", mentions=["m3"]),
        Actor(id="a3", kind=ActorKind.PERSON, name="Ван", mentions=["m5"]),
        Actor(
            id="a4",
            kind=ActorKind.PERSON,
            name="Иван Петров",
            positions=["писатель"],
            mentions=["m7"],
        ),
    ]
    occupation = Occupation(
        id="o0",
        person="a0",
        position="министр иностранных дел",
        title=Span(start=title[0], end=title[1]),
        country="RU",
        country_basis=CountryBasis.TEXT,
        evidence=Span(start=0, end=80),
        extractor="test",
    )
    return Record(
        id="1_text",
        text=TEXT,
        sentences=[Span(start=s, end=e) for s, e in SENTENCES],
        mentions=mentions,
        actors=actors,
        occupations=[occupation] if occupations else [],
        events=[event()] if events is None else events,
    )


def relation_texts(relations: list[PredictedRelation], relation_type: str) -> set[tuple[str, str]]:
    return {
        (TEXT[r.arg1[0] : r.arg1[1]], TEXT[r.arg2[0] : r.arg2[1]])
        for r in relations
        if r.type == relation_type
    }


def counts(match: RelationMatch) -> tuple[int, int, int]:
    return match.counts.tp, match.counts.fp, match.counts.fn


def test_gold_keeps_the_six_types_with_their_argument_spans(tmp_path: Path) -> None:
    write_document(tmp_path)
    gold = gold_relations(load_nerel_document(tmp_path, "1_text"))
    assert set(gold) == set(RELATION_TYPES)  # AGENT is not scored
    (works_as, _, duplicate) = gold["WORKS_AS"]
    assert (works_as.arg1.type, works_as.arg2.type) == ("PERSON", "PROFESSION")
    assert TEXT[works_as.arg2.start : works_as.arg2.end] == "«Министр иностранных дел России»"
    assert duplicate.id == "R10"
    assert gold["ORGANIZES"] == []


def test_a_discontinuous_argument_is_its_outer_extent(tmp_path: Path) -> None:
    write_document(tmp_path)
    first, second = span("Сергей"), span("Лавров")
    ann = annotation().replace(
        f"T1\tPERSON {first[0]} {second[1]}",
        f"T1\tPERSON {first[0]} {first[1]};{second[0]} {second[1]}",
    )
    (tmp_path / "1_text.ann").write_text(ann, encoding="utf-8")
    (works_as, *_) = gold_relations(load_nerel_document(tmp_path, "1_text"))["WORKS_AS"]
    assert (works_as.arg1.start, works_as.arg1.end) == (first[0], second[1])
    assert works_as.arg1.fragments == (first, second)


def test_the_record_maps_to_every_relation_type() -> None:
    relations = predicted_relations(record())
    assert relation_texts(relations, "WORKS_AS") == {
        ("Сергей Лавров", "Министр иностранных дел России"),
        ("Иван Петров", "Писатель"),  # a title with no occupation fact: actor.positions
    }
    assert relation_texts(relations, "WORKPLACE") == {
        ("Министр иностранных дел России", "России"),
        ("Сергей Лавров", "России"),
    }
    assert relation_texts(relations, "PARTICIPANT_IN") == {
        ("Сергей Лавров", "встретился"),
        ("Ваном", "встретился"),
    }
    assert relation_texts(relations, "POINT_IN_TIME") == {("встретился", "5 мая")}
    assert relation_texts(relations, "TAKES_PLACE_IN") == {("встретился", "Астане")}
    assert relation_texts(relations, "ORGANIZES") == set()


def test_record_matching_the_gold_scores_one_in_both_modes(tmp_path: Path) -> None:
    write_document(tmp_path)
    gold = gold_relations(load_nerel_document(tmp_path, "1_text"))
    matches = score_document_relations(TEXT, gold, predicted_relations(record()))
    for relation_type in RELATION_TYPES:
        expected = {"WORKS_AS": 2, "WORKPLACE": 2, "PARTICIPANT_IN": 2, "ORGANIZES": 0}
        for mode in MatchMode:
            tp = expected.get(relation_type, 1)
            assert counts(matches[relation_type][mode]) == (tp, 0, 0), (relation_type, mode)


def test_direction_is_respected(tmp_path: Path) -> None:
    write_document(tmp_path)
    gold = gold_relations(load_nerel_document(tmp_path, "1_text"))["TAKES_PLACE_IN"]
    swapped = PredictedRelation("TAKES_PLACE_IN", span("Астане"), span("встретился"), "test")
    for match in score_relations(TEXT, gold, [swapped]).values():
        assert counts(match) == (0, 1, 1)


def test_overlap_mode_accepts_a_shorter_title_once(tmp_path: Path) -> None:
    write_document(tmp_path)
    gold = gold_relations(load_nerel_document(tmp_path, "1_text"))["WORKS_AS"]
    person = span("Сергей Лавров")
    short = PredictedRelation("WORKS_AS", person, span("Министр иностранных дел"), "test")
    shorter = PredictedRelation("WORKS_AS", person, span("Министр"), "test")
    matches = score_relations(TEXT, gold, [short, shorter])
    assert counts(matches[MatchMode.EXACT]) == (0, 2, 2)
    overlap = matches[MatchMode.OVERLAP]
    assert counts(overlap) == (1, 1, 1)  # one-to-one: one title is extra, "Писатель" missed
    ((matched, _),) = overlap.true_positives
    assert matched.arg2 == short.arg2  # the better IoU wins


def test_a_stated_title_must_be_beside_the_name() -> None:
    base = record(events=[], occupations=False)
    far = base.model_copy(
        update={"mentions": [m for m in base.mentions if m.id != "m6"]}  # no "Писатель"
    )
    assert relation_texts(predicted_relations(far), "WORKS_AS") == {
        ("Сергей Лавров", "Министр иностранных дел России")
    }
    untitled = base.model_copy(
        update={"actors": [a.model_copy(update={"positions": []}) for a in base.actors]}
    )
    assert relation_texts(predicted_relations(untitled), "WORKS_AS") == set()


def test_a_title_linked_to_a_person_pairs_with_the_last_name_before_it() -> None:
    base = record(events=[])
    linked = mention("m8", MentionType.POSITION, "Министр", "a0", occurrence=1)
    anaphora = base.model_copy(update={"mentions": [*base.mentions, linked]})
    assert ("Сергей Лавров", "Министр") in relation_texts(predicted_relations(anaphora), "WORKS_AS")


def test_event_relations_follow_status_and_mode() -> None:
    negated = predicted_relations(record([event(status=EventStatus.NEGATED)], False))
    assert [r for r in negated if r.type not in ("WORKS_AS",)] == []
    inferred = predicted_relations(record([event(participants_inferred=True)], False))
    assert relation_texts(inferred, "PARTICIPANT_IN") == set()
    assert relation_texts(inferred, "POINT_IN_TIME") == {("встретился", "5 мая")}
    # A visit (CAMEO 042) has the visitor as source: its host, the target, organises it.
    visit = predicted_relations(record([event(cameo="042", mode="visit")], False))
    assert relation_texts(visit, "ORGANIZES") == {("Ваном", "встретился")}
    talks = predicted_relations(record([event(cameo="040")], False))
    assert relation_texts(talks, "ORGANIZES") == set()


def test_event_span_is_the_event_mention_over_the_trigger() -> None:
    base = record()
    covering = mention("m9", MentionType.EVENT, "встретился в Астане")
    with_event = base.model_copy(update={"mentions": [*base.mentions, covering]})
    assert relation_texts(predicted_relations(with_event), "TAKES_PLACE_IN") == {
        ("встретился в Астане", "Астане")
    }


def test_the_nerel_report_has_relations_errors_and_a_table(tmp_path: Path) -> None:
    write_document(tmp_path)

    def predict(documents: list[Document]) -> list[Record]:
        return [record(events=[]) for _ in documents]

    errors: list[dict] = []
    report = evaluate_nerel(tmp_path, predict, None, errors=errors)
    assert report["gold"]["relations"]["WORKS_AS"] == 2  # R10 repeats R1
    relations = report["systems"][SYSTEM]["relations"]
    assert list(relations) == list(RELATION_TYPES)
    assert relations["WORKS_AS"]["exact"]["f1"] == 1.0
    assert relations["PARTICIPANT_IN"]["exact"] == {
        "tp": 0,
        "fp": 0,
        "fn": 2,
        "precision": 0.0,
        "recall": 0.0,
        "f1": 0.0,
    }
    missed = [e for e in errors if e["bucket"] == "PARTICIPANT_IN" and e["mode"] == "exact"]
    assert {(e["kind"], e["arg1"]["text"], e["arg2"]["text"]) for e in missed} == {
        ("fn", "Сергей Лавров", "встретился"),
        ("fn", "Ваном", "встретился"),
    }
    assert missed[0]["arg2"]["type"] == "EVENT"
    console = Console(record=True, width=120)
    for table in report_tables(report):
        console.print(table)
    assert "PARTICIPANT_IN" in console.export_text()
