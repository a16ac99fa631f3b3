"""The Pipeline travels to worker processes: pickled small, and alike on the other side."""

from __future__ import annotations

import pickle

import pytest

from communique.document import Document
from communique.errors import PipelineMismatchError
from communique.knowledge.base import Knowledge
from communique.pipeline import Pipeline
from communique.record import Stage

from .helpers import documents


def test_a_pickled_pipeline_makes_the_same_records(pipeline: Pipeline) -> None:
    copy = pickle.loads(pickle.dumps(pipeline))
    originals = list(pipeline.process_many(documents()))
    copies = list(copy.process_many(documents()))
    assert [r.model_dump() for r in copies] == [r.model_dump() for r in originals]
    assert any(r.actors for r in copies)  # real extraction, not empty records compared


def test_a_pickled_pipeline_carries_versions_not_models(pipeline: Pipeline) -> None:
    # Models and knowledge weigh hundreds of MB; each worker loads its own once.
    assert len(pickle.dumps(pipeline)) < 2_000


def test_a_worker_with_another_version_refuses_the_work() -> None:
    sender = Pipeline()
    sender.stages = [*sender.stages[:-1], Stage(name="knowledge", version="countries-0.0.1")]
    with pytest.raises(PipelineMismatchError, match=r"countries-0\.0\.1"):
        pickle.loads(pickle.dumps(sender))


def test_the_knowledge_base_pickles() -> None:
    loaded = Knowledge.load()
    # Loaded from the package's data: loaded again (once per process) on the other side.
    assert pickle.loads(pickle.dumps(loaded)) is loaded
    built = Knowledge(loaded.countries[:5], (), (), {"countries": "9.9.9"})
    copy = pickle.loads(pickle.dumps(built))
    assert copy.version == "countries-9.9.9"
    country = loaded.countries[0]
    assert copy.country(country.alpha2) == country


def test_a_pickled_pipeline_marks_unsupported_languages_alike(pipeline: Pipeline) -> None:
    english = Document(id="en", text="The ministers met in Astana.", language="en")
    copy = pickle.loads(pickle.dumps(pipeline))
    assert copy.process(english).model_dump() == pipeline.process(english).model_dump()
