"""The predictors `communique eval` can score: our pipeline, or the Natasha baseline alone."""

from __future__ import annotations

from enum import StrEnum

from communique.document import Document
from communique.evaluate.baseline import natasha_baseline
from communique.evaluate.runner import Predictor
from communique.record import Record


class SystemName(StrEnum):
    PIPELINE = "pipeline"
    NATASHA = "natasha"


def pipeline_predictor() -> Predictor:
    """Communique's pipeline: one `Pipeline().process(document)` a document, models loaded once."""
    from communique.pipeline import Pipeline  # heavy: imported only when asked for

    pipeline = Pipeline()

    def predict(documents: list[Document]) -> list[Record]:
        return [pipeline.process(document) for document in documents]

    return predict


def predictor_for(system: SystemName) -> Predictor:
    return pipeline_predictor() if system is SystemName.PIPELINE else natasha_baseline
