"""The one reader of the knowledge folder, `knowledge/data/`.

Every file there is a JSON object with a "version": `read_data` reads one and refuses a file
without it (each caller builds its tables from it once per process and keeps only those).
`knowledge_version` joins the versions of all the files with a digest of their bytes: it is the
pipeline's Stage "knowledge", so `reprocess` re-extracts stored documents whenever a data file
changes. The callers (the knowledge base, the lexicons, the CAMEO table, the topics, the
outlets, the export's actor codes, the reviews' country codes) ask here for their file and never
open one themselves.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path
from typing import Any

from communique.errors import CommuniqueError

DATA_DIR = Path(__file__).parent / "data"


class KnowledgeDataError(CommuniqueError):
    """A knowledge data file that cannot be read, is not JSON, or declares no version."""


def data_path(name: str, data_dir: Path = DATA_DIR) -> Path:
    """Where the data file `name` ("countries.json") lives."""
    return Path(data_dir) / name


def read_data(path: Path) -> dict[str, Any]:
    """The content of one data file, which must declare its version."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        reason = error.strerror or str(error)
        raise KnowledgeDataError(f"cannot read: {reason}", source=str(path)) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise KnowledgeDataError(f"not JSON in UTF-8: {error}", source=str(path)) from None
    if not isinstance(data, dict):
        raise KnowledgeDataError("is not a JSON object", source=str(path))
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, str | int) or str(version) == "":
        raise KnowledgeDataError('declares no "version" (a string or a number)', source=str(path))
    return data


def data_file(name: str, data_dir: Path = DATA_DIR) -> dict[str, Any]:
    """The content of the data file `name` in `data_dir` (the package's data by default)."""
    return read_data(data_path(name, data_dir))


def data_version(path: Path) -> str:
    """The version one data file declares."""
    return str(read_data(path)["version"])


@cache
def data_versions(data_dir: Path = DATA_DIR) -> dict[str, str]:
    """Every data file's version by its name without ".json", in name order."""
    files = sorted(Path(data_dir).glob("*.json"))
    return {path.stem: data_version(path) for path in files}


@cache
def data_digest(data_dir: Path = DATA_DIR) -> str:
    """Twelve hex digits of a SHA-256 over every data file's name and bytes: any edit, added or
    removed file changes it."""
    digest = hashlib.sha256()
    for path in sorted(p for p in Path(data_dir).rglob("*") if p.is_file()):
        digest.update(path.relative_to(data_dir).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:12]


def knowledge_version(data_dir: Path = DATA_DIR) -> str:
    """The version of the knowledge as a whole: "actor_codes-1+cameo_plover-1+...+data-<digest>".
    The declared versions say what changed; the digest makes any edit a new version even when
    nobody raised a number."""
    declared = "+".join(f"{name}-{version}" for name, version in data_versions(data_dir).items())
    return f"{declared}+data-{data_digest(data_dir)}"
