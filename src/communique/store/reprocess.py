"""Re-extracting stored documents whose pipeline version differs from the running one."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from communique.store.ingest import ProcessFailure, RecordMaker, extract
from communique.store.store import Store


@dataclass
class ReprocessSummary:
    outdated: int = 0
    updated: int = 0
    failures: list[ProcessFailure] = field(default_factory=list)


def outdated_documents(
    store: Store,
    version: str,
    by_language: Mapping[str, str] | None = None,
    *,
    everything: bool = False,
) -> list[str]:
    """Every document, or those whose stored pipeline version is not the one that reads their
    language now (`by_language`, else `version`)."""
    if everything:
        return list(store.document_ids())
    return store.outdated(version, by_language or {})


def reprocess(
    store: Store,
    pipeline: RecordMaker,
    document_ids: list[str],
    *,
    batch_size: int = 16,
    advance: Callable[[], None] = lambda: None,
) -> ReprocessSummary:
    """Run each document's stored text through `pipeline` again and swap its facts, one
    transaction per document: an interrupted reprocess leaves every document whole, in either
    its old or its new version, and running it again finishes the rest."""
    summary = ReprocessSummary(outdated=len(document_ids))
    for start in range(0, len(document_ids), batch_size):
        ids = document_ids[start : start + batch_size]
        documents = [store.document(i) for i in ids]
        for document_id, (_, outcome) in zip(
            ids, extract(pipeline, documents, batch_size), strict=True
        ):
            if isinstance(outcome, ProcessFailure):
                summary.failures.append(outcome)
            else:
                store.replace(document_id, outcome)
                summary.updated += 1
            advance()
    return summary
