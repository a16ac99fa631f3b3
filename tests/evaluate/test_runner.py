"""End to end without models: records built from the gold itself must score 1.0."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from communique.document import Document
from communique.evaluate import factrueval, nerel
from communique.evaluate.runner import SYSTEM, Predictor, evaluate_factrueval, evaluate_nerel
from communique.record import (
    Actor,
    ActorKind,
    Mention,
    MentionType,
    Occupation,
    Record,
    Span,
)

FACTRUEVAL_TYPES = {
    "Person": MentionType.PERSON,
    "Org": MentionType.ORGANIZATION,
    "Location": MentionType.LOCATION,
    "LocOrg": MentionType.COUNTRY,
}
NEREL_TYPES = {
    "PERSON": MentionType.PERSON,
    "ORGANIZATION": MentionType.ORGANIZATION,
    "COUNTRY": MentionType.COUNTRY,
    "CITY": MentionType.CITY,
    "STATE_OR_PROVINCE": MentionType.LOCATION,
    "LOCATION": MentionType.LOCATION,
    "PROFESSION": MentionType.POSITION,
    "EVENT": MentionType.EVENT,
    "LAW": MentionType.AGREEMENT,
    "DATE": MentionType.DATE,
}


def mention(
    mention_id: str, mention_type: MentionType, text: str, span: tuple[int, int]
) -> Mention:
    start, end = span
    return Mention(
        id=mention_id,
        type=mention_type,
        start=start,
        end=end,
        text=text[start:end],
        normal=text[start:end],
        extractor="gold",
    )


def occupation_parts(
    index: int, who: str, position: str, place: str
) -> tuple[list[Actor], Occupation]:
    person = Actor(id=f"p{index}", kind=ActorKind.PERSON, name=who)
    organization = Actor(id=f"o{index}", kind=ActorKind.ORGANIZATION, name=place)
    occupation = Occupation(
        id=f"occ{index}",
        person=person.id,
        position=position,
        organization=organization.id if place else None,
        title=Span(start=0, end=0),
        evidence=Span(start=0, end=0),
        extractor="gold",
    )
    return [person, organization], occupation


def record_with(
    document: Document, mentions: list[Mention], facts: list[tuple[str, str, str]]
) -> Record:
    parts = [occupation_parts(i, *fact) for i, fact in enumerate(facts)]
    return Record(
        id=document.id,
        text=document.text,
        mentions=mentions,
        actors=[actor for actors, _ in parts for actor in actors],
        occupations=[occupation for _, occupation in parts],
    )


def factrueval_gold_predictor(directory: Path) -> Predictor:
    def predict(documents: list[Document]) -> list[Record]:
        records = []
        for document in documents:
            doc = factrueval.load_factrueval_document(directory, document.id)
            mentions = [
                mention(f"m{i}", FACTRUEVAL_TYPES[m.type], doc.text, m.extent)
                for i, m in enumerate(doc.mentions)
                if m.type in FACTRUEVAL_TYPES
            ]
            facts = [
                (o.who, next(iter(o.positions), ""), next(iter(o.places), ""))
                for o in factrueval.gold_occupations(doc)
            ]
            records.append(record_with(document, mentions, facts))
        return records

    return predict


def nerel_gold_predictor(directory: Path) -> Predictor:
    def predict(documents: list[Document]) -> list[Record]:
        records = []
        for document in documents:
            doc = nerel.load_nerel_document(directory, document.id)
            mentions = [
                mention(e.id, NEREL_TYPES[e.type], doc.text, e.extent)
                for e in doc.entities
                if e.type in NEREL_TYPES
            ]
            facts = [
                (o.who, next(iter(o.positions), ""), next(iter(o.places), ""))
                for o in nerel.gold_occupations(doc)
            ]
            records.append(record_with(document, mentions, facts))
        return records

    return predict


def assert_perfect(report: dict) -> None:
    scores = report["systems"][SYSTEM]
    for bucket, by_mode in scores["mentions"].items():
        for mode, counts in by_mode.items():
            assert (counts["fp"], counts["fn"]) == (0, 0), (bucket, mode, counts)
    for level, counts in scores["occupation"].items():
        assert (counts["fp"], counts["fn"]) == (0, 0), (level, counts)
        assert counts["f1"] == 1.0


def test_gold_as_prediction_scores_one_on_factrueval(factrueval_dir: Path) -> None:
    errors: list[dict] = []
    report = evaluate_factrueval(
        factrueval_dir, factrueval_gold_predictor(factrueval_dir), None, limit=10, errors=errors
    )
    assert report["documents"] == 10
    assert_perfect(report)
    assert report["systems"][SYSTEM]["mentions"]["overall"]["exact"]["tp"] > 50
    assert errors == []
    json.dumps(report)


def test_gold_as_prediction_scores_one_on_nerel(nerel_dir: Path) -> None:
    report = evaluate_nerel(nerel_dir, nerel_gold_predictor(nerel_dir), None, limit=4)
    assert_perfect(report)
    assert report["systems"][SYSTEM]["mentions"]["PROFESSION"]["exact"]["tp"] > 0


def test_empty_predictions_give_false_negatives_in_the_errors(factrueval_dir: Path) -> None:
    def nothing(documents: list[Document]) -> list[Record]:
        return [Record(id=d.id, text=d.text) for d in documents]

    errors: list[dict] = []
    report = evaluate_factrueval(factrueval_dir, nothing, None, limit=2, errors=errors)
    person = report["systems"][SYSTEM]["mentions"]["Person"]["exact"]
    assert person["tp"] == 0 and person["fn"] > 0
    exact_person = [e for e in errors if e["bucket"] == "Person" and e["mode"] == "exact"]
    assert len(exact_person) == person["fn"]
    assert all(e["kind"] == "fn" and e["text"] for e in exact_person)


def test_records_must_keep_the_document_text(factrueval_dir: Path) -> None:
    def altered(documents: list[Document]) -> list[Record]:
        return [Record(id=d.id, text=d.text.replace("\n", " ")) for d in documents]

    with pytest.raises(ValueError, match="text differs"):
        evaluate_factrueval(factrueval_dir, altered, None, limit=3)
