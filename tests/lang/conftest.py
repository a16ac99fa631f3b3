"""Language models load once per test session."""

from __future__ import annotations

import pytest
from spacy.language import Language

from communique.lang.en.model import english


@pytest.fixture(scope="session")
def english_nlp() -> Language:
    return english()
