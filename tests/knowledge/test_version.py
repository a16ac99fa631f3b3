"""Editing any knowledge or lexicon data file gives the pipeline a new version."""

from __future__ import annotations

import shutil
from pathlib import Path

from communique.knowledge.base import DATA_DIR, data_digest


def test_editing_a_lexicon_file_changes_the_digest(tmp_path: Path) -> None:
    copy = tmp_path / "data"
    shutil.copytree(DATA_DIR, copy)
    before = data_digest(copy)
    assert data_digest(copy) == before  # the same files, the same version
    lexicon = copy / "event_lexicon.json"
    lexicon.write_text(lexicon.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    edited = data_digest.__wrapped__(copy)
    assert edited != before
    (copy / "topics.json").unlink()
    assert data_digest.__wrapped__(copy) not in (before, edited)


def test_the_pipeline_version_carries_the_digest() -> None:
    from communique.extract import lexicons

    assert lexicons().version.endswith(f"+data-{data_digest()}")
