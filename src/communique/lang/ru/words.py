"""The one reader of Russian's word lists, `lang/ru/data/<name>.json`.

Each file is the words one stage module reads (titles' modifiers, kinship words, date words, ...),
a JSON object with a "version" and a "description" like the knowledge base's files, so the stages
above `lang/` hold no Russian word. A change to a file changes what its stage extracts: bump the
file's version and the stage's (`EXTRACTOR`, `RESOLVER`, `EVENTS`), so `reprocess` re-reads
stored Russian documents.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).parent / "data"


@cache
def russian_words(name: str) -> dict[str, Any]:
    """The word lists in `data/<name>.json` (read once per process)."""
    # Imported here: the knowledge package reads Russian spelling from this module.
    from communique.knowledge.files import read_data

    return read_data(DATA_DIR / f"{name}.json")


@cache
def _folds() -> dict[int, str]:
    return str.maketrans(russian_words("spelling")["folds"])


def fold_spelling(text: str) -> str:
    """`text` with the letters Russian writes two ways written one way («ё» as «е»)."""
    return text.translate(_folds())
