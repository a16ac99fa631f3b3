"""Run a predictor (and the Natasha baseline, same run) over a gold set and score it.

The report is a JSON-able dict: per system, per bucket and mode, tp/fp/fn/precision/recall/f1,
`overall` over the main buckets, Occupation at three levels and NEREL relations per type and mode
(for the system, not the baseline), and timing. FP/FN details go to an optional `errors` list,
one dict per error.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from communique.document import Document
from communique.evaluate import factrueval, nerel
from communique.evaluate.baseline import natasha_baseline
from communique.evaluate.facts import (
    FactMatch,
    GoldOccupation,
    GoldParticipantFact,
    OccupationLevel,
    PredictedOccupation,
    merge_predicted_occupations,
    score_occupations,
)
from communique.evaluate.gold import GoldMention
from communique.evaluate.mapping import (
    FACTRUEVAL_BUCKETS,
    NEREL_BUCKETS,
    predicted_mentions,
    predicted_occupations,
    predicted_relations,
)
from communique.evaluate.participants import (
    PARTICIPANT_FACTS,
    gold_participant_summary,
    participant_report,
    score_participants,
)
from communique.evaluate.relations import (
    RELATION_TYPES,
    GoldRelation,
    gold_relation_summary,
    gold_relations,
    relation_errors,
    relation_report,
    score_document_relations,
)
from communique.evaluate.scoring import Bucket, Counts, MatchMode, MentionMatch, score_mentions
from communique.record import Record

Predictor = Callable[[list[Document]], list[Record]]
"""Documents in, one record per document out, same order (batching allowed)."""

ProgressCallback = Callable[[str, int, int], None]
"""Called with (system name, documents done, documents in all) after each batch."""

SYSTEM = "system"
BASELINE = "natasha"
BATCH_SIZE = 8


@dataclass(frozen=True)
class GoldDocument:
    """A gold document in dataset-neutral form."""

    document: Document
    mentions: list[GoldMention]
    occupations: list[GoldOccupation]
    participant_facts: dict[str, list[GoldParticipantFact]] = field(default_factory=dict)
    relations: dict[str, list[GoldRelation]] = field(default_factory=dict)


def evaluate_factrueval(
    directory: Path,
    predictor: Predictor,
    baseline: Predictor | None = natasha_baseline,
    limit: int | None = None,
    errors: list[dict[str, Any]] | None = None,
    progress: ProgressCallback | None = None,
) -> dict[str, Any]:
    """Score `predictor` (and `baseline`) on a FactRuEval-2016 folder (the devset)."""
    gold = [
        GoldDocument(
            _document(doc.id, doc.text, doc.path),
            doc.gold_mentions(),
            factrueval.gold_occupations(doc),
            {t: factrueval.gold_participant_facts(doc, t) for t in PARTICIPANT_FACTS},
        )
        for doc in factrueval.load_factrueval(directory, limit)
    ]
    return evaluate(
        "factrueval-2016",
        directory,
        gold,
        FACTRUEVAL_BUCKETS,
        predictor,
        baseline,
        errors,
        progress,
    )


def evaluate_nerel(
    directory: Path,
    predictor: Predictor,
    baseline: Predictor | None = natasha_baseline,
    limit: int | None = None,
    errors: list[dict[str, Any]] | None = None,
    progress: ProgressCallback | None = None,
) -> dict[str, Any]:
    """Score `predictor` (and `baseline`) on a NEREL 1.1 split folder (dev or train)."""
    gold = [
        GoldDocument(
            _document(doc.id, doc.text, doc.path),
            doc.gold_mentions(),
            nerel.gold_occupations(doc),
            relations=gold_relations(doc),
        )
        for doc in nerel.load_nerel(directory, limit)
    ]
    return evaluate(
        "nerel-1.1", directory, gold, NEREL_BUCKETS, predictor, baseline, errors, progress
    )


def evaluate(
    dataset: str,
    directory: Path,
    gold: Sequence[GoldDocument],
    buckets: Sequence[Bucket],
    predictor: Predictor,
    baseline: Predictor | None = None,
    errors: list[dict[str, Any]] | None = None,
    progress: ProgressCallback | None = None,
) -> dict[str, Any]:
    """Score the system (errors collected) and the baseline (none) on the same documents."""
    systems = {SYSTEM: predictor, **({BASELINE: baseline} if baseline else {})}
    report_systems = {}
    for name, system in systems.items():
        records, elapsed = predict(system, [g.document for g in gold], name, progress)
        is_system = name == SYSTEM
        report_systems[name] = {
            **_timing(gold, elapsed),
            **score_system(
                dataset,
                gold,
                records,
                buckets,
                errors=errors if is_system else None,
                with_occupations=is_system,
            ),
        }
    return {
        "dataset": dataset,
        "directory": str(directory),
        "documents": len(gold),
        "characters": sum(len(g.document.text) for g in gold),
        "gold": _gold_summary(gold, buckets),
        "systems": report_systems,
    }


def predict(
    predictor: Predictor,
    documents: list[Document],
    name: str = SYSTEM,
    progress: ProgressCallback | None = None,
) -> tuple[list[Record], float]:
    """Run the predictor batch by batch; the records and the seconds spent inside it.

    The first document is run once untimed beforehand, so lazy model loading is not timed.
    """
    predictor(documents[:1])
    records: list[Record] = []
    elapsed = 0.0
    for first in range(0, len(documents), BATCH_SIZE):
        batch = documents[first : first + BATCH_SIZE]
        started = time.perf_counter()
        batch_records = predictor(batch)
        elapsed += time.perf_counter() - started
        _check_records(batch, batch_records)
        records.extend(batch_records)
        if progress:
            progress(name, len(records), len(documents))
    return records, elapsed


def score_system(
    dataset: str,
    gold: Sequence[GoldDocument],
    records: Sequence[Record],
    buckets: Sequence[Bucket],
    errors: list[dict[str, Any]] | None = None,
    with_occupations: bool = True,
) -> dict[str, Any]:
    """Mention scores per bucket and mode, and Occupation at each level if asked."""
    mention_counts = {b.name: {mode: Counts() for mode in MatchMode} for b in buckets}
    occupation_counts = {level: Counts() for level in OccupationLevel}
    participant_counts = {fact_type: Counts() for fact_type in PARTICIPANT_FACTS}
    relation_counts = {t: {mode: Counts() for mode in MatchMode} for t in RELATION_TYPES}
    for gold_document, record in zip(gold, records, strict=True):
        doc_id = gold_document.document.id
        matches = score_mentions(
            record.text, gold_document.mentions, predicted_mentions(record), buckets
        )
        for bucket, by_mode in matches.items():
            for mode, match in by_mode.items():
                mention_counts[bucket][mode] += match.counts
                if errors is not None:
                    errors.extend(_mention_errors(dataset, doc_id, bucket, mode, match, record))
        if gold_document.participant_facts:
            for fact_type, counts in score_participants(
                gold_document.participant_facts, record
            ).items():
                participant_counts[fact_type] += counts
        if gold_document.relations and with_occupations:
            _score_relations(dataset, gold_document, record, relation_counts, errors)
        predicted = merge_predicted_occupations(predicted_occupations(record))
        for level, match in score_occupations(predicted, gold_document.occupations).items():
            occupation_counts[level] += match.counts
            if errors is not None and level is OccupationLevel.LENIENT:
                errors.extend(
                    _occupation_errors(dataset, doc_id, predicted, gold_document.occupations, match)
                )
    scores: dict[str, Any] = {"mentions": _mention_report(mention_counts, buckets)}
    if with_occupations:
        scores["occupation"] = {str(level): c.as_dict() for level, c in occupation_counts.items()}
        if any(g.participant_facts for g in gold):
            scores["participants"] = participant_report(participant_counts)
        if any(g.relations for g in gold):
            scores["relations"] = relation_report(relation_counts)
    return scores


def _score_relations(
    dataset: str,
    gold_document: GoldDocument,
    record: Record,
    counts: dict[str, dict[MatchMode, Counts]],
    errors: list[dict[str, Any]] | None,
) -> None:
    """Add one document's relation counts (and errors, if collected) per type and mode."""
    base = {"dataset": dataset, "doc": gold_document.document.id}
    matches = score_document_relations(
        record.text, gold_document.relations, predicted_relations(record)
    )
    for relation_type, by_mode in matches.items():
        for mode, match in by_mode.items():
            counts[relation_type][mode] += match.counts
            if errors is not None:
                errors.extend(relation_errors(base, record.text, relation_type, mode, match))


def _mention_report(
    counts: dict[str, dict[MatchMode, Counts]], buckets: Sequence[Bucket]
) -> dict[str, dict[str, dict[str, int | float]]]:
    overall = {
        mode: sum((counts[b.name][mode] for b in buckets if b.main), Counts()) for mode in MatchMode
    }
    return {
        name: {str(mode): c.as_dict() for mode, c in by_mode.items()}
        for name, by_mode in {**counts, "overall": overall}.items()
    }


def _timing(gold: Sequence[GoldDocument], elapsed: float) -> dict[str, float]:
    characters = sum(len(g.document.text) for g in gold)
    return {
        "elapsed_s": round(elapsed, 3),
        "docs_per_s": round(len(gold) / elapsed, 2) if elapsed else 0.0,
        "chars_per_s": round(characters / elapsed) if elapsed else 0.0,
    }


def _gold_summary(gold: Sequence[GoldDocument], buckets: Sequence[Bucket]) -> dict[str, Any]:
    mentions = [m for g in gold for m in g.mentions]
    occupations = [o for g in gold for o in g.occupations]
    relations = [(g.document.text, g.relations) for g in gold if g.relations]
    return {
        "mentions": {
            b.name: {
                "counted": sum(1 for m in mentions if m.type in b.gold_types and not m.neutral),
                "neutral": sum(1 for m in mentions if m.type in b.gold_types and m.neutral),
            }
            for b in buckets
        },
        "occupations": {
            "counted": sum(1 for o in occupations if not o.neutral),
            "neutral": sum(1 for o in occupations if o.neutral),
        },
        "participants": gold_participant_summary([g.participant_facts for g in gold]),
        **({"relations": gold_relation_summary(relations)} if relations else {}),
    }


def _mention_errors(
    dataset: str, doc_id: str, bucket: str, mode: MatchMode, match: MentionMatch, record: Record
) -> list[dict[str, Any]]:
    base = {"dataset": dataset, "doc": doc_id, "bucket": bucket, "mode": str(mode)}
    false_positives = [
        {**base, "kind": "fp", "start": start, "end": end, "text": record.text[start:end]}
        for start, end in match.false_positives
    ]
    false_negatives = [
        {
            **base,
            "kind": "fn",
            "start": mention.start,
            "end": mention.end,
            "text": record.text[mention.start : mention.end],
            "gold_type": mention.type,
            "gold_id": mention.id,
        }
        for mention in match.false_negatives
    ]
    return false_positives + false_negatives


def _occupation_errors(
    dataset: str,
    doc_id: str,
    predicted: Sequence[PredictedOccupation],
    gold: Sequence[GoldOccupation],
    match: FactMatch,
) -> list[dict[str, Any]]:
    base = {"dataset": dataset, "doc": doc_id, "bucket": "Occupation", "mode": "lenient"}
    false_positives = [
        {
            **base,
            "kind": "fp",
            "id": predicted[i].id,
            "who": list(predicted[i].names),
            "position": list(predicted[i].positions),
            "where": list(predicted[i].places),
        }
        for i in match.false_positives
    ]
    false_negatives = [
        {
            **base,
            "kind": "fn",
            "id": gold[i].id,
            "who": gold[i].who,
            "position": list(gold[i].positions),
            "where": list(gold[i].places),
        }
        for i in match.false_negatives
    ]
    return false_positives + false_negatives


def _document(doc_id: str, text: str, path: Path) -> Document:
    return Document(id=doc_id, text=text, path=str(path), encoding="utf-8")


def _check_records(documents: Sequence[Document], records: Sequence[Record]) -> None:
    if len(records) != len(documents):
        raise ValueError(
            f"predictor returned {len(records)} records for {len(documents)} documents"
        )
    for document, record in zip(documents, records, strict=True):
        if record.text != document.text:
            raise ValueError(f"{document.id}: record text differs from the document text")
