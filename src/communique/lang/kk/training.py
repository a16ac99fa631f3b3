"""Training the Kazakh tagger: deterministic, so a rerun rebuilds the shipped model byte for byte.

CRFsuite's L-BFGS has no randomness; the sentences go in file order and the parameters are fixed
here, so the same data and feature code give the same model file. `scripts/train_kk_tagger.py` is
the command; the model's metadata records what it was built from (see `tagger.ModelInfo`).
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Mapping, Sequence
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pycrfsuite

from communique.lang.kk.corpus import (
    BLOCK_MODULUS,
    BLOCK_SIZE,
    DEV_BLOCK,
    TEST_BLOCK,
    Sentence,
    SplitName,
    exact_scores,
    file_sha256,
    read_conll,
    split,
)
from communique.lang.kk.evaluation import score
from communique.lang.kk.features import features_fingerprint, sentence_features
from communique.lang.kk.tagger import METADATA_FILE, MODEL_FILE, KazakhTagger

# Chosen by 3-fold cross-validation on the train side (scripts/train_kk_tagger.py --grid): 0.05/0.05
# beat 0.1/0.1 and 0.02/0.02 (docs/languages.md has the figures).
DEFAULT_PARAMS: Mapping[str, Any] = {
    "c1": 0.05,
    "c2": 0.05,
    "max_iterations": 300,
    "feature.possible_transitions": True,
}


def train(sentences: Sequence[Sentence], params: Mapping[str, Any], model_path: Path) -> None:
    """Train a CRF on `sentences` and write it to `model_path`."""
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    for sentence in sentences:
        trainer.append(sentence_features(sentence.tokens), list(sentence.tags))
    trainer.set_params(dict(params))
    trainer.train(str(model_path))


CV_FOLDS = 3


def cross_validate(
    sentences: Sequence[Sentence], params: Mapping[str, Any], folds: int = CV_FOLDS
) -> dict[str, float]:
    """Exact F1 per class (and `ALL`) of `folds`-fold cross-validation on `sentences`, pooled.

    Folds are blocks of consecutive sentences (block number % folds), as the block split keeps a
    news item's sentences together. Meant for the train side only: choices made with it never
    see the dev or test side.
    """
    gold: list[Sequence[str]] = []
    predicted: list[Sequence[str]] = []
    for fold in range(folds):
        held = [s for i, s in enumerate(sentences) if (i // BLOCK_SIZE) % folds == fold]
        kept = [s for i, s in enumerate(sentences) if (i // BLOCK_SIZE) % folds != fold]
        with tempfile.TemporaryDirectory() as folder:
            model_path = Path(folder) / MODEL_FILE
            train(kept, params, model_path)
            tagger = KazakhTagger(model_path)
            predicted.extend(tagger.tag(sentence.tokens) for sentence in held)
        gold.extend(sentence.tags for sentence in held)
    return {label: round(value.f1, 4) for label, value in exact_scores(gold, predicted).items()}


# The shipped model learns from the train and dev sides once the choices are made (by
# cross-validation on the train side); the test side stays held out, to measure it.
TRAINED_ON: tuple[SplitName, ...] = ("train", "dev")


def build(
    data_path: Path,
    out_dir: Path,
    params: Mapping[str, Any] = DEFAULT_PARAMS,
    log: Callable[[str], None] = print,
) -> dict[str, Any]:
    """Train on the train and dev sides of `data_path`, score the test side, write model and
    metadata."""
    sentences = read_conll(data_path)
    out_dir.mkdir(parents=True, exist_ok=True)
    model_path = out_dir / MODEL_FILE
    training_side = [s for side in TRAINED_ON for s in split(sentences, side)]
    log(f"training on {len(training_side)} sentences ({'+'.join(TRAINED_ON)}) with {dict(params)}")
    train(training_side, params, model_path)
    tagger = KazakhTagger(model_path)
    metadata: dict[str, Any] = {
        "description": (
            "Kazakh name tagger: CRF (python-crfsuite) trained on the train side of a block split "
            "of KazNERD's validation split (CC BY 4.0; Yeshpanov, Khassanov, Varol, LREC 2022). "
            "Built by scripts/train_kk_tagger.py."
        ),
        "training_data": {"file": data_path.name, "sha256": file_sha256(data_path)},
        "split": {
            "block_size": BLOCK_SIZE,
            "block_modulus": BLOCK_MODULUS,
            "dev_block": DEV_BLOCK,
            "test_block": TEST_BLOCK,
            "sentences": {name: len(split(sentences, name)) for name in ("train", "dev", "test")},
            "trained_on": list(TRAINED_ON),
        },
        "params": dict(params),
        "features_sha256": features_fingerprint(),
        "crfsuite_version": version("python-crfsuite"),
        "model_sha256": file_sha256(model_path),
        "scores": {"test": score(tagger, split(sentences, "test"))},
    }
    (out_dir / METADATA_FILE).write_text(
        json.dumps(metadata, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return metadata
