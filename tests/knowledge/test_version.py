"""Every knowledge data file declares a version; the versions and a digest of the files are the
pipeline's version, so editing any file gives the pipeline a new one."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from communique.knowledge.files import (
    DATA_DIR,
    KnowledgeDataError,
    data_digest,
    data_versions,
    knowledge_version,
    read_data,
)


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


def test_every_data_file_declares_a_version_and_the_pipeline_carries_it() -> None:
    from communique.pipeline import Pipeline

    files = sorted(p.stem for p in DATA_DIR.glob("*.json"))
    assert files and list(data_versions()) == files
    stage = {s.name: s.version for s in Pipeline().stages}["knowledge"]
    for name, version in data_versions().items():
        assert version and f"{name}-{version}+" in stage, name


def test_raising_a_files_version_changes_the_knowledge_version(tmp_path: Path) -> None:
    before, after = tmp_path / "before", tmp_path / "after"
    shutil.copytree(DATA_DIR, before)
    shutil.copytree(DATA_DIR, after)
    topics = json.loads((after / "topics.json").read_text(encoding="utf-8"))
    topics["version"] = "2"
    (after / "topics.json").write_text(json.dumps(topics, ensure_ascii=False), encoding="utf-8")
    assert "+topics-1+" in knowledge_version(before)
    assert "+topics-2+" in knowledge_version(after)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('{"description": "Trade terms with no version"}', 'declares no "version"'),
        ('{"version": "", "words": {}}', 'declares no "version"'),
        ('["version", "1"]', "is not a JSON object"),
        ('{"version": "1", ', "not JSON"),
    ],
)
def test_a_data_file_without_a_version_is_refused_by_name(
    tmp_path: Path, content: str, reason: str
) -> None:
    path = tmp_path / "terms.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(KnowledgeDataError, match=reason) as raised:
        read_data(path)
    assert str(path) in str(raised.value)
