"""Shared fixtures: the pipeline (models load once per test session) and the shared data."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.document import Document
from communique.pipeline import Pipeline
from communique.record import Record

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="session")
def extract(pipeline: Pipeline):
    def run(text: str, **fields: str) -> Record:
        return pipeline.process(Document(id=fields.pop("id", "test"), text=text, **fields))

    return run


@pytest.fixture(scope="session")
def senate_release(extract) -> Record:
    text = (SAMPLES / "senate-kz-mongolia.ru.txt").read_text(encoding="utf-8")
    return extract(text, id="senate-kz-mongolia")
