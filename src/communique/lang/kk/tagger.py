"""The Kazakh name tagger: the shipped CRF model over `features.sentence_features`.

`KazakhTagger.load()` opens the packaged model once per process; `entities` gives labelled spans
with each name's base form (case ending stripped from its last word, see `suffixes`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pycrfsuite

from communique.lang.kk.corpus import spans
from communique.lang.kk.features import sentence_features
from communique.lang.kk.gazetteer import kazakh_gazetteer
from communique.lang.kk.suffixes import base_form

MODEL_DIR = Path(__file__).parent / "model"
MODEL_FILE = "kk_ner.crfsuite"
METADATA_FILE = "kk_ner.json"


@dataclass(frozen=True)
class Entity:
    label: str  # KazNERD class: PERSON, GPE, POSITION, ORGANISATION, ...
    start: int  # token index
    end: int  # one past the last token
    text: str  # the tokens as written
    base: str  # the name without its case ending


class KazakhTagger:
    """A CRF model file and what it was built from."""

    def __init__(self, model_path: Path) -> None:
        if not model_path.is_file():
            raise FileNotFoundError(f"Kazakh tagger model not found: {model_path}")
        self.model_path = model_path
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model_path))

    @classmethod
    def load(cls) -> KazakhTagger:
        """The packaged model, opened once per process."""
        return _packaged()

    def metadata(self) -> dict[str, Any]:
        """The model's metadata file (training data hash, split, parameters, scores)."""
        path = self.model_path.with_name(METADATA_FILE)
        return json.loads(path.read_text(encoding="utf-8"))

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """One IOB2 tag per token."""
        if not tokens:
            return []
        return list(self._tagger.tag(sentence_features(tokens)))

    def entities(self, tokens: Sequence[str]) -> list[Entity]:
        """The labelled names of a tokenised sentence, each with its base form."""
        known = kazakh_gazetteer().base_forms
        found = []
        for span in spans(self.tag(tokens)):
            text = " ".join(tokens[span.start : span.end])
            found.append(Entity(span.label, span.start, span.end, text, base_form(text, known)))
        return found


@cache
def _packaged() -> KazakhTagger:
    return KazakhTagger(MODEL_DIR / MODEL_FILE)
