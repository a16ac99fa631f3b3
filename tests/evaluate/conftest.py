"""Gold data lives in `../shared` beside the repository; tests that need it skip without it."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).parents[2].parent / "shared"
FACTRUEVAL_DEVSET = SHARED / "datasets" / "factrueval-2016" / "devset"
NEREL_DEV = SHARED / "datasets" / "nerel-1.1" / "dev"


@pytest.fixture
def factrueval_dir() -> Path:
    if not FACTRUEVAL_DEVSET.is_dir():
        pytest.skip(f"FactRuEval devset not found at {FACTRUEVAL_DEVSET}")
    return FACTRUEVAL_DEVSET


@pytest.fixture
def nerel_dir() -> Path:
    if not NEREL_DEV.is_dir():
        pytest.skip(f"NEREL dev not found at {NEREL_DEV}")
    return NEREL_DEV
