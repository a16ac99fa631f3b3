"""The quality bar of the core issue, measured on the public gold sets on every test run.

These run the whole pipeline over the FactRuEval devset (122 texts) and NEREL dev (94 texts),
about half a minute together; they fail when a change makes extraction worse than promised.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.evaluate.baseline import natasha_baseline
from communique.evaluate.runner import evaluate_factrueval, evaluate_nerel
from communique.pipeline import Pipeline

DATASETS = Path(__file__).resolve().parents[2].parent / "shared" / "datasets"
FACTRUEVAL = DATASETS / "factrueval-2016" / "devset"
NEREL_DEV = DATASETS / "nerel-1.1" / "dev"


def _exact_f1(report: dict, system: str, bucket: str) -> float:
    return report["systems"][system]["mentions"][bucket]["exact"]["f1"]


def _predictor(pipeline: Pipeline):
    return lambda documents: [pipeline.process(d) for d in documents]


@pytest.mark.skipif(not FACTRUEVAL.is_dir(), reason="shared FactRuEval devset not present")
def test_factrueval_beats_natasha_and_finds_occupations(pipeline: Pipeline) -> None:
    report = evaluate_factrueval(FACTRUEVAL, _predictor(pipeline), baseline=natasha_baseline)
    for bucket in ("Person", "Org", "Location"):
        assert _exact_f1(report, "system", bucket) >= _exact_f1(report, "natasha", bucket)
    assert _exact_f1(report, "system", "Org") >= _exact_f1(report, "natasha", "Org") + 0.03
    assert report["systems"]["system"]["occupation"]["lenient"]["f1"] >= 0.70
    # the devset holds only five Meeting facts: a coarse check, see docs/evaluation.md
    assert report["systems"]["system"]["participants"]["Meeting"]["f1"] >= 0.60


@pytest.mark.skipif(not NEREL_DEV.is_dir(), reason="shared NEREL dev split not present")
def test_nerel_dev_mentions(pipeline: Pipeline) -> None:
    report = evaluate_nerel(NEREL_DEV, _predictor(pipeline), baseline=None)
    assert _exact_f1(report, "system", "PERSON") >= 0.90
    assert _exact_f1(report, "system", "ORGANIZATION") >= 0.70
    assert _exact_f1(report, "system", "COUNTRY") >= 0.90
    assert _exact_f1(report, "system", "PROFESSION") >= 0.70
    for bucket in ("CITY", "EVENT", "LAW", "DATE"):
        assert _exact_f1(report, "system", bucket) > 0
